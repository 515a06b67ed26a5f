"""Running the model: one call from parameters to results.

``simulate`` returns the model after the run (weekly series and summary available);
``run`` is the plain function ``run(seed=..., weeks=..., **params) -> dict`` that
experiment tools (EMA Workbench, sweeps, ``mesa.batch_run`` users) can call. Both
validate ``seed`` and ``weeks`` first (``ParameterError`` naming the argument).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .neighbourhood import DEFAULT_WEEKS, MAX_SEED, Neighbourhood, check_run_args

__all__ = ["DEFAULT_WEEKS", "MAX_SEED", "check_run_args", "run", "simulate"]


def simulate(
    seed: int = 0, weeks: int = DEFAULT_WEEKS, schedule: Iterable[Any] | None = None, **params: Any
) -> Neighbourhood:
    """Build a neighbourhood, run it for ``weeks`` weeks and return it."""
    seed, weeks = check_run_args(seed, weeks)
    model = Neighbourhood(rng=seed, weeks=weeks, schedule=schedule, **params)
    model.run_model()
    return model


def run(
    seed: int = 0, weeks: int = DEFAULT_WEEKS, schedule: Iterable[Any] | None = None, **params: Any
) -> dict[str, Any]:
    """Run one neighbourhood and return its end-of-run summary."""
    return simulate(seed=seed, weeks=weeks, schedule=schedule, **params).summary()
