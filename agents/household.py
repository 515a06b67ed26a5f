"""Household: a household in a vulnerable position, what the actors work *on*.

State traced to the research:
- needs of varying severity that grow without enough support (the professional's
  fear that "de problematiek zich verergert");
- silent problems: a need not voiced to professionals, which informal actors "proberen
  dichtbij stille problematiek te komen" reach first;
- trust in professionals versus the own circle: migrant households trust
  professionals less ("niet vertrouwd zouden worden door huishoudens uit hun
  doelgroep"), a gap that cultural-sensitivity training narrows ("(cultuursensitief)
  professioneel aanbod");
- an informal contact (a key figure or volunteer) unless the area is anonymous.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from mesa import Agent

from .base import beta

if TYPE_CHECKING:
    from ..model.neighbourhood import Neighbourhood


class Household(Agent):
    """A household; its state is row ``index`` of ``model.households``."""

    NAME_EN = "household"
    NAME_NL = "huishouden"

    def __init__(self, model: Neighbourhood, index: int) -> None:
        """Create the agent for row ``index`` of the household table."""
        super().__init__(model)
        self.index = index

    @classmethod
    def initial_state(
        cls, n: int, params: dict, informal_ids: np.ndarray, migrant_org_ids: np.ndarray,
        rng: np.random.Generator,
    ) -> dict:
        """Draw ``n`` households and their informal contacts.

        Args:
            n: Number of households.
            params: Resolved parameters.
            informal_ids: Actor indices of all informal actors.
            migrant_org_ids: Actor indices of migrant self-organisations.
            rng: The initialisation stream.

        """
        migrant = rng.random(n) < params["migrant_share"]
        has_contact = (rng.random(n) >= params["anonymity"]) & (len(informal_ids) > 0)
        contact = np.full(n, -1)
        if len(informal_ids):
            contact = rng.choice(informal_ids, n)
            if len(migrant_org_ids):
                own = rng.choice(migrant_org_ids, n)
                prefer_own = migrant & (rng.random(n) < 0.7)
                contact = np.where(prefer_own, own, contact)
            contact = np.where(has_contact, contact, -1)
        return {
            "migrant": migrant,
            "trust_pro": np.clip(beta(rng, 0.55, 0.5, n) - 0.25 * migrant
                                 * (1.0 - params["cultural_sensitivity_training"]), 0, 1),
            "vulnerability": rng.gamma(2.0, 0.5, n),
            "contact": contact,
            "severity": np.zeros(n),
            "needy": np.zeros(n, bool),
            "case": np.full(n, -1),
        }

    def _get(self, column: str):
        return self.model.households[column][self.index]

    @property
    def severity(self) -> float:
        """Severity of the current need (0 when there is none)."""
        return float(self._get("severity"))

    @property
    def has_need(self) -> bool:
        """True while the household has an unresolved support need."""
        return bool(self._get("needy"))

    @property
    def is_silent(self) -> bool:
        """True if the household has a need that no actor has reached yet."""
        return self.has_need and int(self._get("case")) < 0

    @property
    def trust_in_professionals(self) -> float:
        """Trust in professionals versus the own circle (0-1)."""
        return float(self._get("trust_pro"))

    @property
    def informal_contact(self) -> int:
        """Actor index of the household's informal contact, or -1."""
        return int(self._get("contact"))

    def step(self) -> None:
        """Households act in bulk through the model's weekly submodels (see ODD)."""
