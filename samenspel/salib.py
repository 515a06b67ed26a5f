"""A SALib ``problem`` generated from the parameter declarations.

Bounds are never typed twice: they come from ``samenspel.model.params.PARAMS``, the
same declarations that validate ``--set``, scenarios and sweeps. Integer and
categorical parameters are encoded as in sweeps (``samenspel.sweepspec.Factor``): an
integer range ``[low, high]`` is sampled on ``[low, high + 1)`` and floored, a list of
``k`` choices on ``[0, k)`` and floored to an index, so every value is equally likely.

    from SALib.sample import sobol
    from samenspel import run
    from samenspel.salib import problem, to_params

    prob = problem(["goal_clarity", "coordinator_capacity", "hybridisation_model"])
    X = sobol.sample(prob, 64)
    Y = [run(weeks=156, **p)["share_coproduction"] for p in to_params(prob, X)]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .hints import did_you_mean
from .model.params import PARAMS, ParameterError
from .sweepspec import Factor


def factor(name: str, bounds: Sequence[Any] | None = None) -> Factor:
    """The design factor of parameter ``name``: its declared range or choices.

    Args:
        name: A parameter name.
        bounds: ``(low, high)`` within the declared range, or a list of values, to
            study part of a parameter's range; default the whole declared range.

    Raises:
        ParameterError: On an unknown name or bounds outside the declaration.

    """
    if name not in PARAMS:
        raise ParameterError(
            f"unknown parameter {name!r}{did_you_mean(name, PARAMS, '; ')} "
            "('samenspel params' lists them)"
        )
    param = PARAMS[name]
    if param.type is bool:
        return Factor(param, values=(False, True))
    if bounds is None:
        if param.choices is not None:
            return Factor(param, values=tuple(param.choices))
        return Factor(param, low=param.low, high=param.high)
    if param.choices is not None or (len(bounds) != 2 and bounds):
        values = tuple(param.check(v, where=f"{name} bounds") for v in bounds)
        if not values:
            raise ParameterError(f"parameter '{name}': give at least one value, got []")
        return Factor(param, values=values)
    low, high = (param.check(b, where=f"{name} bounds") for b in bounds)
    if low >= high:
        raise ParameterError(
            f"parameter '{name}': bounds must be (low, high) with low "
            f"below high, got {tuple(bounds)!r}"
        )
    return Factor(param, low=low, high=high)


def problem(
    names: Iterable[str] | Mapping[str, Sequence[Any] | None] | None = None,
) -> dict[str, Any]:
    """The SALib problem for ``names`` (default: every numeric parameter).

    ``names`` may be a mapping from name to bounds (see ``factor``) to narrow a range.
    The returned dict has SALib's keys ``num_vars``, ``names`` and ``bounds``, and
    ``factors`` (the ``Factor`` per name) for ``to_params``.
    """
    if names is None:
        names = [n for n, p in PARAMS.items() if p.type in (int, float)]
    items = names.items() if isinstance(names, Mapping) else ((n, None) for n in names)
    factors = [factor(n, b) for n, b in items]
    if not factors:
        raise ParameterError("a SALib problem needs at least one parameter, got none")
    return {
        "num_vars": len(factors),
        "names": [f.name for f in factors],
        "bounds": [f.bounds() for f in factors],
        "factors": factors,
    }


def to_params(prob: Mapping[str, Any], samples: Any) -> list[dict[str, Any]]:
    """Parameter values for each row of a SALib sample matrix.

    Integers are floored and choices looked up, as in sweeps; each dict is ready for
    ``samenspel.run(**values)``.
    """
    factors: list[Factor] = prob.get("factors") or problem(prob["names"])["factors"]
    return [
        {f.name: f.value(float(x)) for f, x in zip(factors, row, strict=True)} for row in samples
    ]
