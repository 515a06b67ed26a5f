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

from .base import FORMAL, Actor, beta


class Professional(Actor):
    """A wijkteam professional."""

    KIND = 0
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
        hybrid = rng.random(n) < params["hybrid_worker_share"]
        knowledge = beta(rng, 0.68, 0.8, n)  # formal lean, opposed positions
        knowledge = np.where(hybrid, 0.75 * knowledge, knowledge)  # informalising
        severity = params["problem_severity"]
        cs = beta(rng, 0.4, 0.4, n)
        cs = cs + params["cultural_sensitivity_training"] * (1.0 - cs)
        return {
            "knowledge": knowledge,
            "role_view": beta(rng, 0.62 - 0.5 * severity, 0.65, n),
            "ingroup": beta(rng, 0.6, 0.3, n),
            "regard": beta(rng, 0.8 - 0.5 * severity, 0.35, n),
            "capacity": np.full(n, params["caseload_capacity"]),
            "community": np.where(hybrid, 0.6, beta(rng, 0.12, 0.3, n)),
            "cultural_sensitivity": cs,
            "migrant": np.zeros(n, bool),
            "formalisation": np.ones(n),
            "continuity": np.ones(n),
            "affiliation": np.full(n, -1),
            "hybrid": hybrid,
        }

    @property
    def is_hybrid_worker(self) -> bool:
        """True for a hybrid worker (casework plus communitywork)."""
        return bool(self.model.actors["hybrid"][self.index])

    @property
    def cultural_sensitivity(self) -> float:
        """Cultural sensitivity towards migrant households and organisations (0-1)."""
        return self._get("cultural_sensitivity")
