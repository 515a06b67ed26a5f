"""Coordinator: an intermediary (volunteer coordinator, kwartiermaker).

State traced to the research:
- brokerage capacity: "De coördinator is de schakelpersoon tussen beide werelden",
  finding volunteers for wijkteam requests;
- organises wijktafels and case reflection ("vrijwilligerscoördinatoren en
  organisatoren van wijktafels lijken bij uitstek geschikt om ontmoetingen te
  initiëren");
- can be trained as a chair: "met deskundige ondersteuning ... de ideale
  gespreksvoorzitters om wij-zij-denken bespreekbaar te maken".
"""

from __future__ import annotations

import numpy as np

from .base import BROKER, Actor, Kind


class Coordinator(Actor):
    """A volunteer coordinator or kwartiermaker between the two worlds."""

    KIND = Kind.COORDINATOR
    SIDE = BROKER
    NAME_EN = "coordinator"
    NAME_NL = "coördinator"

    @classmethod
    def count(cls, params: dict) -> int:
        """Number of coordinators."""
        return params["n_coordinators"]

    @classmethod
    def initial_state(cls, n: int, params: dict, rng: np.random.Generator) -> dict:
        """Coordinators stand between the logics, with regard for both sides."""
        p = params
        basis = p["sociale_basis_capacity"] if p["interplay"] == "sociale_basis" else 1.0
        return {
            "knowledge": np.full(n, p["coord_knowledge"]),
            "role_view": np.full(n, p["coord_role_view"]),
            "ingroup": np.full(n, p["coord_ingroup"]),
            "regard": np.full(n, p["coord_regard"]),
            "capacity": np.full(n, float(p["coordinator_capacity"]) * basis),
            "community": np.ones(n),
            "cultural_base": np.full(n, p["coord_cultural_sensitivity"]),
            "migrant": np.zeros(n, bool),
            "formalisation": np.full(n, p["coord_formalisation"]),
            "continuity": np.ones(n),
            "affiliation": np.full(n, -1),
            "hybrid": np.zeros(n, bool),
        }

    @property
    def chair_skill(self) -> float:
        """Training as conversation chair (0-1), from ``chair_training``."""
        return float(self.model.p["chair_training"])
