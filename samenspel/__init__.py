"""samenspel: an agent-based model of co-production and co-existence in the social domain.

The model lives in ``samenspel.model`` (top-level folder ``model/``) and the actors in
``samenspel.agents`` (folder ``agents/``). ``samenspel.run`` runs one neighbourhood.
"""

from .model import Neighbourhood, ParameterError, run, simulate

__version__ = "0.1.0"
__all__ = ["Neighbourhood", "ParameterError", "__version__", "run", "simulate"]
