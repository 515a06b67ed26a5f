"""samenspel: an agent-based model of co-production and co-existence in the social domain.

The model lives in ``samenspel.model`` (top-level folder ``model/``) and the actors in
``samenspel.agents`` (folder ``agents/``). ``samenspel.run`` runs one neighbourhood.

Importing this package loads nothing heavy: ``run``, ``simulate``, ``Neighbourhood``
and ``ParameterError`` are loaded on first use, so ``samenspel --help`` starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .model import Neighbourhood, ParameterError, run, simulate

__all__ = ["Neighbourhood", "ParameterError", "__version__", "run", "simulate"]


def __getattr__(name: str) -> Any:
    if name in ("Neighbourhood", "ParameterError", "run", "simulate"):
        from . import model

        return getattr(model, name)
    raise AttributeError(f"module 'samenspel' has no attribute {name!r}")
