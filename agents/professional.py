"""Professional: a member of the wijkteam (the formal side).

State traced to the research (see docs/ODD.md, "Entities"):
- caseload capacity: "als professionals maar schaarse tijd en middelen ervaren en
  vooral afgerekend worden op hun caseload" (heavy caseload leaves no time);
- community orientation: casework versus communitywork; hybrid workers (Hoorn)
  combine both and informalise ("van mens tot mens");
- knowledge logic: formalised knowledge, but widely spread ("collega's konden
  diametraal tegenovergestelde standpunten innemen", the Q-study);
- role view: how much informal parties can carry; lower where problems are heavy
  ("de stedelijke problematiek ... te zwaar om aan informele partijen over te laten");
- cultural sensitivity: migrant organisations find professionals not culturally
  sensitive enough (Slotervaart).
"""

from __future__ import annotations

import numpy as np

from .base import FORMAL, Actor, Kind, beta


class Professional(Actor):
    """A wijkteam professional."""

    KIND = Kind.PROFESSIONAL
    SIDE = FORMAL
    NAME_EN = "professional"
    NAME_NL = "professional"

    @classmethod
    def count(cls, params: dict) -> int:
        """Number of professionals."""
        return params["n_professionals"]

    @classmethod
    def initial_state(cls, n: int, params: dict, rng: np.random.Generator) -> dict:
        """Draw ``n`` professionals; hybrid workers are a share of them."""
        p = params
        hybrid = rng.random(n) < p["hybrid_worker_share"]
        spread = p["pro_logic_spread"]
        knowledge = beta(rng, p["pro_knowledge"], spread, n)  # opposed positions
        knowledge = np.where(hybrid, (1 - p["hybrid_informalisation"]) * knowledge, knowledge)
        severity = p["problem_severity"]
        cs = beta(rng, p["pro_cultural_sensitivity"], p["pro_cultural_spread"], n)
        return {
            "knowledge": knowledge,
            "role_view": beta(
                rng, p["pro_role_view"] - p["severity_role_effect"] * severity, spread, n
            ),
            "ingroup": beta(rng, p["start_ingroup"], p["disposition_spread"], n),
            "regard": beta(
                rng,
                p["start_regard"] - p["severity_regard_effect"] * severity,
                p["disposition_spread"],
                n,
            ),
            "capacity": np.full(n, p["caseload_capacity"]),
            "community": np.where(
                hybrid,
                p["hybrid_community"],
                beta(rng, p["pro_community"], p["pro_community_spread"], n),
            ),
            "cultural_base": cs,
            "migrant": np.zeros(n, bool),
            "formalisation": np.ones(n),
            "continuity": np.ones(n),
            "affiliation": np.full(n, -1),
            "hybrid": hybrid,
        }

    @property
    def is_hybrid_worker(self) -> bool:
        """True for a hybrid worker (casework plus communitywork)."""
        return bool(self.model.actors.hybrid[self.index])

    @property
    def cultural_sensitivity(self) -> float:
        """Cultural sensitivity towards migrant households and organisations (0-1)."""
        return self._get("cultural_sensitivity")
