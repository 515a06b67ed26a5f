"""The samenspel model: a neighbourhood where the three o's decide who works with whom.

Public entry points:
- ``Neighbourhood``: the Mesa model (one wijkteam area, one step per week);
- ``run``: run one model and return its summary (a plain function of the parameters,
  usable by EMA Workbench and sweep tools);
- ``PARAMS``, ``resolve``, ``ParameterError``: the parameter declarations.
"""

from .neighbourhood import Neighbourhood
from .params import PARAMS, ParameterError, resolve
from .runner import run, simulate

__all__ = ["PARAMS", "Neighbourhood", "ParameterError", "resolve", "run", "simulate"]
