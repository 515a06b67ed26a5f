"""The run arguments every run takes besides its parameters: a seed and a number of weeks.

Apart from ``model.neighbourhood`` so that a command can check them before importing
the model (about a second: Mesa, numba): ``samenspel compare`` checks its input first
and then starts its fork server.
"""

from __future__ import annotations

import numbers
from typing import Any

from .params import ParameterError

DEFAULT_WEEKS = 260
MAX_SEED = 2**63 - 1


def check_run_args(seed: Any, weeks: Any) -> tuple[int, int]:
    """Validate a seed and a number of weeks; returns them as plain integers.

    Both must be integers (Python or NumPy, never a bool): ``seed`` from 0 to
    2**63 - 1 (seeds are stored in int64 columns), ``weeks`` at least 1 (the command
    line's ceilings on long runs are in ``samenspel.limits``).

    Raises:
        ParameterError: Naming ``seed`` or ``weeks``, what is allowed and what was given.

    """
    for name, value, low, high in (("seed", seed, 0, MAX_SEED), ("weeks", weeks, 1, None)):
        allowed = f"from {low} to {high}" if high is not None else f"at least {low}"
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise ParameterError(
                f"parameter '{name}' must be a whole number {allowed}, got {value!r}"
            )
        if int(value) < low or (high is not None and int(value) > high):
            raise ParameterError(f"parameter '{name}' must be {allowed}, got {value!r}")
    return int(seed), int(weeks)
