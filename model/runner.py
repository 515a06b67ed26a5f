"""Running the model: one call from parameters to results.

``simulate`` returns the model after the run (weekly series and summary available);
``run`` is the plain function ``run(seed=..., weeks=..., **params) -> dict`` that
experiment tools (EMA Workbench, sweeps, ``mesa.batch_run`` users) can call. Both
validate ``seed`` and ``weeks`` first (``ParameterError`` naming the argument).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .neighbourhood import Neighbourhood
from .run_args import DEFAULT_WEEKS, MAX_SEED, check_run_args

__all__ = ["DEFAULT_WEEKS", "MAX_SEED", "check_run_args", "run", "simulate"]


def simulate(
    seed: int = 0,
    weeks: int = DEFAULT_WEEKS,
    schedule: Iterable[Any] | None = None,
    progress: Callable[[int, int], None] | None = None,
    events: bool = False,
    summary_only: bool = False,
    **params: Any,
) -> Neighbourhood:
    """Build a neighbourhood, run it for ``weeks`` weeks and return it.

    ``progress``, if given, is called as ``progress(week, weeks)`` after every week
    (the command line's progress bar); ``events`` keeps the event log
    (``model.events``, for ``samenspel.story``); ``summary_only`` records the weekly
    gauges only where the summary reads them (``Neighbourhood``). None changes the
    run or its summary.
    """
    seed, weeks = check_run_args(seed, weeks)
    model = Neighbourhood(
        rng=seed,
        weeks=weeks,
        schedule=schedule,
        events=events,
        summary_only=summary_only,
        **params,
    )
    if progress is None:
        model.run_model()
    else:
        while model.running:
            model.step()
            progress(model.week, weeks)
    return model


def run(
    seed: int = 0, weeks: int = DEFAULT_WEEKS, schedule: Iterable[Any] | None = None, **params: Any
) -> dict[str, Any]:
    """Run one neighbourhood and return its end-of-run summary."""
    model = simulate(seed=seed, weeks=weeks, schedule=schedule, summary_only=True, **params)
    return model.summary()
