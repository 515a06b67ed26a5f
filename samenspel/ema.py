"""EMA Workbench in one call: parameters and model generated from the declarations.

    from ema_workbench import SequentialEvaluator
    from samenspel.ema import ema_model

    model = ema_model(uncertainties=["goal_clarity", "civic_activity"],
                      levers=["wijktafels_per_year", "hybridisation_model"],
                      outcomes=["share_coproduction"], weeks=156)
    with SequentialEvaluator(model) as evaluator:
        experiments, outcomes = evaluator.perform_experiments(scenarios=50, policies=4)

Each name becomes an ``ema_workbench`` parameter of the declared type and range
(``RealParameter``, ``IntegerParameter``, ``CategoricalParameter``,
``BooleanParameter``); a mapping ``{name: (low, high)}`` or ``{name: [values]}``
narrows it. ``seed`` may be an uncertainty too. The model function is
``samenspel.run`` itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .hints import did_you_mean
from .model.params import ParameterError, resolve
from .model.runner import DEFAULT_WEEKS, MAX_SEED, check_run_args, run
from .salib import factor

RESERVED = ("policy", "scenario", "model")  # EMA Workbench's own experiment columns
Names = Iterable[str] | Mapping[str, Sequence[Any] | None]


def ema_parameter(name: str, bounds: Sequence[Any] | None = None) -> Any:
    """The ``ema_workbench`` parameter for one declared parameter (or ``seed``)."""
    import ema_workbench as ema

    if name in RESERVED:
        raise ParameterError(
            f"parameter {name!r} collides with EMA Workbench's own columns ({', '.join(RESERVED)})"
        )
    if name == "seed":
        low, high = bounds if bounds is not None else (0, 2**31 - 1)
        if not 0 <= low < high <= MAX_SEED:
            raise ParameterError(
                f"parameter 'seed': bounds must be within 0 and 2**63-1, "
                f"got {tuple(bounds or ())!r}"
            )
        return ema.IntegerParameter("seed", int(low), int(high))
    f = factor(name, bounds)
    if f.param.type is bool:
        return ema.BooleanParameter(name)
    if f.values is not None:
        return ema.CategoricalParameter(name, list(f.values))
    low, high = f.span()
    if f.param.type is int:
        return ema.IntegerParameter(name, int(low), int(high))
    return ema.RealParameter(name, float(low), float(high))


def _params(names: Names | None) -> list[Any]:
    if names is None:
        return []
    items = names.items() if isinstance(names, Mapping) else ((n, None) for n in names)
    return [ema_parameter(n, b) for n, b in items]


def ema_model(
    uncertainties: Names | None = None,
    levers: Names | None = None,
    outcomes: Sequence[str] | None = None,
    constants: Mapping[str, Any] | None = None,
    weeks: int = DEFAULT_WEEKS,
    name: str = "samenspel",
) -> Any:
    """An ``ema_workbench.Model`` running ``samenspel.run``, ready for an evaluator.

    Args:
        uncertainties: Parameter names (or ``{name: bounds}``) EMA samples as
            uncertainties; ``seed`` is allowed.
        levers: Parameter names (or ``{name: bounds}``) EMA treats as policy levers.
        outcomes: Outcome names (default: every numeric outcome of a run).
        constants: Parameter values held fixed (validated here).
        weeks: Weeks per run.
        name: The model's name in EMA Workbench.

    Raises:
        ParameterError: On an unknown name, a name given twice, or a bad value.

    """
    import ema_workbench as ema

    from .sweepspec import outcome_types

    check_run_args(0, weeks)
    unc, lev = _params(uncertainties), _params(levers)
    used = [p.name for p in (*unc, *lev)] + list(constants or {})
    for n in used:
        if used.count(n) > 1:
            raise ParameterError(
                f"parameter '{n}' is given more than once (uncertainties, "
                "levers and constants must not overlap)"
            )
    fixed = resolve(constants, where="constants") if constants else {}
    known = {k: t for k, t in outcome_types().items() if t in (int, float)}
    chosen = list(outcomes) if outcomes is not None else list(known)
    for o in chosen:
        if o not in known:
            raise ParameterError(
                f"unknown outcome {o!r}{did_you_mean(o, known, '; ')} "
                f"(numeric outcomes: {', '.join(known)})"
            )
    model = ema.Model(name, function=run)
    model.uncertainties = unc
    model.levers = lev
    model.constants = [
        ema.Constant("weeks", weeks),
        *(ema.Constant(k, fixed[k]) for k in (constants or {})),
    ]
    model.outcomes = [ema.ScalarOutcome(o) for o in chosen]
    return model
