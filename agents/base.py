"""Common base for the four kinds of actors (everyone except households).

An actor is a Mesa agent that owns one row of the model's actor table
(``model.actors``). The row holds the actor's logics (knowledge, role view),
identity (in-group identification, regard for the other side) and capacity. Reading
an attribute such as ``agent.regard`` reads that row, so bulk updates by the model's
submodels are always what the agent sees.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import numpy as np
from mesa.discrete_space import Cell, CellAgent
from mesa.discrete_space.cell_agent import HasCell

from ..model.state import SIDE_NAMES, Kind, Side

if TYPE_CHECKING:
    from ..model.neighbourhood import Neighbourhood

FORMAL, INFORMAL, BROKER = Side.FORMAL, Side.INFORMAL, Side.BROKER
__all__ = ["BROKER", "FORMAL", "INFORMAL", "SIDE_NAMES", "Actor", "Kind", "Side", "beta"]


def beta(rng: np.random.Generator, mean: float, spread: float, n: int) -> np.ndarray:
    """Draw ``n`` values in (0, 1) with the given mean and a spread in [0, 1].

    ``spread`` 0 gives a narrow distribution, 1 the widest (a + b = 2: uniform at
    mean 0.5, skewed otherwise), which is how the Q-study's diametrically opposed
    positions are drawn. A spread above 1 (a base spread plus one added by diversity,
    both at the top of their ranges) counts as 1.
    """
    mean = float(np.clip(mean, 0.02, 0.98))
    spread = float(np.clip(spread, 1e-3, 1.0))
    concentration = 2.0 / spread**2  # spread 1 -> a+b = 2 (uniform-ish)
    return rng.beta(mean * concentration, (1 - mean) * concentration, n)


class Actor(CellAgent):
    """A professional, volunteer, coordinator or residents' organisation.

    Attributes:
        index: Row of this actor in ``model.actors`` and in the tie matrices; also
            its node in the model's ``Network`` space (``agent.cell``).

    """

    KIND: ClassVar[Kind]
    SIDE: ClassVar[Side]
    NAME_EN: ClassVar[str] = ""
    NAME_NL: ClassVar[str] = ""

    def __init__(self, model: Neighbourhood, index: int) -> None:
        """Create the agent for row ``index`` of the actor table."""
        super().__init__(model)
        self.index = index

    @classmethod
    def count(cls, params: dict) -> int:
        """Number of actors of this kind for the given parameters."""
        raise NotImplementedError

    @classmethod
    def initial_state(cls, n: int, params: dict, rng: np.random.Generator) -> dict:
        """Draw the starting state of ``n`` actors of this kind (column arrays)."""
        raise NotImplementedError

    @property
    def cell(self) -> Cell | None:
        """The actor's node in ``model.network``; its edges are the current strong ties.

        The network is brought up to date on access (``Neighbourhood.sync_network``),
        so ``agent.cell.neighborhood`` always lists the actors it knows well now.
        """
        self.model.sync_network()
        return self._mesa_cell

    @cell.setter
    def cell(self, cell: Cell | None) -> None:
        HasCell.cell.fset(self, cell)

    def _get(self, column: str) -> float:
        return float(getattr(self.model.actors, column)[self.index])

    @property
    def knowledge(self) -> float:
        """Knowledge logic: 0 experiential, 1 formalised."""
        return self._get("knowledge")

    @property
    def role_view(self) -> float:
        """How much informal parties should carry: 0 little (navigator), 1 much."""
        return self._get("role_view")

    @property
    def ingroup(self) -> float:
        """In-group identification (0-1)."""
        return self._get("ingroup")

    @property
    def regard(self) -> float:
        """Regard for the other side (0-1); low values are out-group devaluation."""
        return self._get("regard")

    @property
    def goal_uncertainty(self) -> float:
        """Perceived goal uncertainty (0-1) given the municipality's model."""
        return self._get("uncertainty")

    @property
    def recognition(self) -> float:
        """Recognition and tolerance of differing logics (0-1), from safe reflection."""
        return self._get("recognition")

    @property
    def load(self) -> int:
        """Number of cases this actor currently works on or links."""
        return int(self.model.actors.load[self.index])

    @property
    def capacity(self) -> float:
        """Cases this actor can carry (or link) at once."""
        return self._get("capacity")

    def familiarity_with(self, other: Actor) -> float:
        """Familiarity of the tie from this actor to ``other`` (0-1)."""
        return float(self.model.ties.get(self.index, other.index))

    def step(self) -> None:
        """Actors act in bulk through the model's weekly submodels (see ODD)."""
