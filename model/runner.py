"""Running the model: one call from parameters to results.

``simulate`` returns the model after the run (weekly series and summary available);
``run`` is the plain function ``run(seed=..., weeks=..., **params) -> dict`` that
experiment tools (EMA Workbench, sweeps, ``mesa.batch_run`` users) can call.
"""

from __future__ import annotations

from typing import Any

from .neighbourhood import Neighbourhood

DEFAULT_WEEKS = 260


def simulate(seed: int = 0, weeks: int = DEFAULT_WEEKS, **params: Any) -> Neighbourhood:
    """Build a neighbourhood, run it for ``weeks`` weeks and return it."""
    model = Neighbourhood(rng=seed, **params)
    model.run_weeks(weeks)
    return model


def run(seed: int = 0, weeks: int = DEFAULT_WEEKS, **params: Any) -> dict[str, Any]:
    """Run one neighbourhood and return its end-of-run summary."""
    return simulate(seed=seed, weeks=weeks, **params).summary()
