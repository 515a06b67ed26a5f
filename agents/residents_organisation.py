"""ResidentsOrganisation: a residents' organisation or migrant self-organisation.

The organisation acts through its key figures, who do navigator and guide work
(gidswerk) for households with silent problems ("Sleutelfiguren van
bewonersorganisaties fungeren meer en meer voor huishoudens met 'stille
problematiek' als contactpersoon, als gezelschap ... en als gids bij hun contact met
instanties"). Its continuity varies (professionals see "onduidelijkheid in
aanspreekpunten en continuïteit"), it relies on experiential knowledge, and migrant
self-organisations in particular counter-identify with professionals who "niet
vertrouwd zouden worden door huishoudens uit hun doelgroep".
"""

from __future__ import annotations

import numpy as np

from .base import INFORMAL, Actor, Kind, beta


class ResidentsOrganisation(Actor):
    """A residents' organisation or migrant self-organisation."""

    KIND = Kind.ORGANISATION
    SIDE = INFORMAL
    NAME_EN = "residents' organisation"
    NAME_NL = "bewonersorganisatie"

    @classmethod
    def count(cls, params: dict) -> int:
        """Number of residents' and migrant self-organisations."""
        return params["n_organisations"]

    @classmethod
    def initial_state(cls, n: int, params: dict, rng: np.random.Generator) -> dict:
        """Draw ``n`` organisations; a migrant share of them are self-organisations."""
        p = params
        diversity = p["org_diversity"]
        severity = p["problem_severity"]
        migrant = rng.random(n) < p["migrant_share"]
        spread = p["informal_spread"] + p["informal_spread_diversity"] * diversity
        return {
            "knowledge": beta(rng, p["org_knowledge"], spread, n),  # experiential
            "role_view": beta(
                rng,
                p["informal_role_view"] - p["severity_role_effect"] * severity,
                spread,
                n,
            ),
            "ingroup": beta(rng, p["start_ingroup"], p["disposition_spread"], n),
            "regard": beta(
                rng,
                p["start_regard"] - p["severity_regard_effect"] * severity,
                p["disposition_spread"],
                n,
            )
            - p["migrant_counter_identification"] * migrant,
            "capacity": p["households_per_key_figure"] * (1 + rng.poisson(p["key_figures"], n)),
            "community": np.ones(n),
            "cultural_base": np.ones(n),
            "migrant": migrant,
            "formalisation": beta(rng, p["org_formalisation"], p["org_formalisation_spread"], n),
            "continuity": 1.0
            - p["informal_dropout"]
            - p["dropout_diversity"] * diversity * rng.random(n),
            "affiliation": np.full(n, -1),
            "hybrid": np.zeros(n, bool),
        }

    @property
    def is_migrant_organisation(self) -> bool:
        """True for a migrant self-organisation."""
        return bool(self.model.actors.migrant[self.index])
