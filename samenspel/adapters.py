"""Adapter for experiment tools that pass NumPy scalars instead of Python values.

EMA Workbench's ``IntegerParameter`` (and loops over ``np.arange`` or a SALib sample)
hand the model NumPy scalars such as ``np.int64``. Model parameters accept them, so
``samenspel.run`` can be wrapped unchanged for real, integer and categorical
parameters. The seed is the exception: Mesa passes it to ``random.Random``, which
refuses NumPy integers (TypeError). ``run`` below converts every NumPy scalar to its
Python value and calls ``samenspel.run``; use it as
``ema_workbench.Model("samenspel", function=run)`` when the seed is an uncertainty
(the usual way to give EMA replicates).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .model.runner import DEFAULT_WEEKS
from .model.runner import run as model_run


def plain(value: Any) -> Any:
    """``value`` as a Python object if it is a NumPy scalar, else unchanged."""
    return value.item() if isinstance(value, np.generic) else value


def run(seed: Any = 0, weeks: Any = DEFAULT_WEEKS, **params: Any) -> dict[str, Any]:
    """``samenspel.run`` for callers that pass NumPy scalars (e.g. EMA Workbench).

    Args:
        seed: Random seed (any integer type).
        weeks: Weeks to simulate (any integer type).
        **params: Model parameters; NumPy scalars are converted to Python values.

    Returns:
        The end-of-run summary of ``samenspel.run``.

    """
    return model_run(seed=int(plain(seed)), weeks=int(plain(weeks)),
                     **{name: plain(v) for name, v in params.items()})
