"""Volunteer: an informal helper attached to a volunteer organisation.

State traced to the research:
- formalisation/training: professionals prefer "sterk geformaliseerde vrijwilligers
  met afgebakende taken"; volunteers professionalise through courses
  ("protoprofessionalisering", De Swaan), which moves their knowledge logic towards
  formalised knowledge;
- hours: two hours a week carry one case;
- belongs to an organisation whose coordinator links it to wijkteam requests
  ("verzoeken krijgen om (liefst getrainde) vrijwilligers te vinden");
- continuity: professionals doubt "de continuïteit van de inzet van vrijwilligers".
"""

from __future__ import annotations

import numpy as np

from .base import INFORMAL, Actor, Kind, beta


class Volunteer(Actor):
    """A volunteer of a volunteer organisation."""

    KIND = Kind.VOLUNTEER
    SIDE = INFORMAL
    NAME_EN = "volunteer"
    NAME_NL = "vrijwilliger"

    @classmethod
    def count(cls, params: dict) -> int:
        """Number of volunteers."""
        return params["n_volunteers"]

    @classmethod
    def initial_state(cls, n: int, params: dict, rng: np.random.Generator) -> dict:
        """Draw ``n`` volunteers; affiliation is set by the population builder."""
        p = params
        diversity = p["org_diversity"]
        f_spread = (
            p["volunteer_formalisation_spread"] + p["volunteer_formalisation_diversity"] * diversity
        )
        formalisation = beta(rng, p["volunteer_formalisation"], f_spread, n)
        severity = p["problem_severity"]
        return {
            "knowledge": p["volunteer_knowledge_base"]
            + p["volunteer_knowledge_training"] * formalisation,  # protoprofessionalisering
            "role_view": beta(
                rng,
                p["informal_role_view"] - p["severity_role_effect"] * severity,
                p["informal_spread"] + p["informal_spread_diversity"] * diversity,
                n,
            ),
            "ingroup": beta(rng, p["start_ingroup"], p["disposition_spread"], n),
            "regard": beta(
                rng,
                p["start_regard"] - p["severity_regard_effect"] * severity,
                p["disposition_spread"],
                n,
            ),
            "capacity": np.full(n, cls.capacity_for(p)),
            "community": np.ones(n),
            "cultural_base": np.ones(n),
            "migrant": rng.random(n) < p["volunteer_migrant_ratio"] * p["migrant_share"],
            "formalisation": formalisation,
            "continuity": 1.0
            - p["informal_dropout"]
            - p["dropout_diversity"] * diversity * rng.random(n),
            "affiliation": np.full(n, -1),
            "hybrid": np.zeros(n, bool),
        }

    @staticmethod
    def capacity_for(params: dict) -> float:
        """Cases a volunteer carries: its hours over the hours one case takes."""
        return max(1.0, float(np.floor(params["volunteer_hours"] / params["hours_per_case"])))

    @property
    def formalisation(self) -> float:
        """Training and formalisation level (0-1)."""
        return self._get("formalisation")
