"""Running the model: one call from parameters to results.

``simulate`` returns the model after the run (weekly series and summary available);
``run`` is the plain function ``run(seed=..., weeks=..., **params) -> dict`` that
experiment tools (EMA Workbench, sweeps, ``mesa.batch_run`` users) can call.
"""

from __future__ import annotations

import numbers
from typing import Any

from .neighbourhood import Neighbourhood
from .params import ParameterError

DEFAULT_WEEKS = 260
MAX_SEED = 2**63 - 1  # seeds are stored in int64 columns (sweeps, compare, --out)


def check_run_args(seed: Any, weeks: Any) -> None:
    """Check ``seed`` and ``weeks`` before a run; raise ``ParameterError`` naming them.

    Both must be integers (Python or NumPy, never a bool): ``seed`` from 0 to 2**63-1,
    ``weeks`` at least 1.
    """
    for name, value, low, high in (("seed", seed, 0, MAX_SEED), ("weeks", weeks, 1, None)):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise ParameterError(f"parameter '{name}' must be a whole number, "
                                 f"got {value!r}")
        if value < low or (high is not None and value > high):
            allowed = f"from {low} to {high}" if high is not None else f"at least {low}"
            raise ParameterError(f"parameter '{name}' must be {allowed}, got {value!r}")


def simulate(seed: int = 0, weeks: int = DEFAULT_WEEKS, **params: Any) -> Neighbourhood:
    """Build a neighbourhood, run it for ``weeks`` weeks and return it."""
    check_run_args(seed, weeks)
    model = Neighbourhood(rng=seed, **params)
    model.run_weeks(weeks)
    return model


def run(seed: int = 0, weeks: int = DEFAULT_WEEKS, **params: Any) -> dict[str, Any]:
    """Run one neighbourhood and return its end-of-run summary."""
    return simulate(seed=seed, weeks=weeks, **params).summary()
