"""The samenspel model: a neighbourhood where the three o's decide who works with whom.

Public entry points:
- ``Neighbourhood``: the Mesa model (one or more wijkteam areas, one step per week);
- ``run``: run one model and return its summary (a plain function of the parameters,
  usable by EMA Workbench and sweep tools); ``simulate`` returns the model itself;
- ``PARAMS``, ``resolve``, ``ParameterError``: the parameter declarations.

The names are loaded on first use, so that ``samenspel.model.state`` and
``samenspel.model.params`` can be imported without building the whole model.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "Neighbourhood": ".neighbourhood",
    "PARAMS": ".params",
    "ParameterError": ".params",
    "resolve": ".params",
    "run": ".runner",
    "simulate": ".runner",
}

__all__ = ["PARAMS", "Neighbourhood", "ParameterError", "resolve", "run", "simulate"]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
