"""Household: a household in a vulnerable position, what the actors work *on*.

Households are many (50,000 in a city run) and never choose anything themselves in
a way that needs an agent object: their needs arise, grow and are voiced by rules
that run in bulk over arrays (``model.households``, a ``HouseholdTable``). So they
are *not* registered Mesa agents; ``Household`` is a light read-only view of one row,
made on demand with ``model.household(i)``.

State traced to the research:
- needs of varying severity that grow without enough support (the professional's
  fear that "de problematiek zich verergert");
- silent problems: a need not voiced to professionals, which informal actors "proberen
  dichtbij stille problematiek te komen" reach first;
- trust in professionals versus the own circle: migrant households trust
  professionals less ("niet vertrouwd zouden worden door huishoudens uit hun
  doelgroep"), a gap that cultural-sensitivity training narrows ("(cultuursensitief)
  professioneel aanbod");
- an informal contact (a key figure or volunteer) unless the area is anonymous, and
  an own circle (family, neighbours): the Breda quickscan counts family and
  acquaintances among a client's informal sources of help.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .base import beta

if TYPE_CHECKING:
    from ..model.neighbourhood import Neighbourhood


class Household:
    """Read-only view of row ``index`` of ``model.households``."""

    NAME_EN = "household"
    NAME_NL = "huishouden"

    def __init__(self, model: Neighbourhood, index: int) -> None:
        """View household ``index`` of ``model``."""
        self.model = model
        self.index = index

    @staticmethod
    def initial_state(
        n: int,
        params: dict,
        informal_ids: np.ndarray,
        migrant_org_ids: np.ndarray,
        rng: np.random.Generator,
        contact_anonymity: float | None = None,
    ) -> dict:
        """Draw ``n`` households and their informal contacts.

        Args:
            n: Number of households.
            params: Resolved parameters.
            informal_ids: Actor indices of the informal actors active in the area.
            migrant_org_ids: Actor indices of its migrant self-organisations.
            rng: The initialisation stream.
            contact_anonymity: Share of households without an informal contact, if
                not ``anonymity`` (the sociale basis reaches more households; it does
                not give them family or acquaintances: the own circle keeps
                ``anonymity``).

        """
        p = params
        migrant = rng.random(n) < p["migrant_share"]
        reach = p["anonymity"] if contact_anonymity is None else contact_anonymity
        has_contact = (rng.random(n) >= reach) & (len(informal_ids) > 0)
        contact = np.full(n, -1)
        if len(informal_ids):
            contact = rng.choice(informal_ids, n)
            if len(migrant_org_ids):
                own = rng.choice(migrant_org_ids, n)
                prefer_own = migrant & (rng.random(n) < p["own_organisation"])
                contact = np.where(prefer_own, own, contact)
            contact = np.where(has_contact, contact, -1)
        circle = rng.random(n) < p["circle_share"] * (p["circle_anonymity_base"] - p["anonymity"])
        trust = np.clip(beta(rng, p["trust_mean"], p["trust_spread"], n), 0, 1)
        return {
            "migrant": migrant,
            "trust_base": trust,
            "vulnerability": rng.gamma(p["vulnerability_shape"], 1.0 / p["vulnerability_shape"], n),
            "contact": contact,
            "circle": circle,
        }

    @property
    def severity(self) -> float:
        """Severity of the current need (0 when there is none)."""
        return float(self.model.households.severity[self.index])

    @property
    def has_need(self) -> bool:
        """True while the household has an unresolved support need."""
        return bool(self.model.households.needy[self.index])

    @property
    def is_silent(self) -> bool:
        """True if the household has a need that no actor has reached yet."""
        return self.has_need and int(self.model.households.case[self.index]) < 0

    @property
    def trust_in_professionals(self) -> float:
        """Trust in professionals versus the own circle (0-1)."""
        return float(self.model.households.trust_pro[self.index])

    @property
    def informal_contact(self) -> int:
        """Actor index of the household's informal contact, or -1."""
        return int(self.model.households.contact[self.index])
