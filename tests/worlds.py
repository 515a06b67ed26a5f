"""Helpers for the tests: tiny hand-built worlds and error-message checks.

A tiny world (``tiny``) has 10 households and these actors, by row of the actor table:

    with a coordinator:     0, 1 professionals; 2, 3 volunteers; 4 coordinator; 5 organisation
    without coordinators:   0, 1 professionals; 2, 3 volunteers; 4 organisation

``neutral`` then overwrites the drawn state with round numbers so that a test can set
exactly the one quantity it is about.
"""

from __future__ import annotations

import numpy as np

from samenspel.model.neighbourhood import Neighbourhood

PRO_A, PRO_B, VOL_A, VOL_B = 0, 1, 2, 3


def tiny(seed: int = 0, coordinators: int = 1, **params) -> Neighbourhood:
    """A 10-household world with 2 professionals, 2 volunteers and 1 organisation."""
    return Neighbourhood(rng=seed, n_households=10, n_professionals=2, n_volunteers=2,
                         n_coordinators=coordinators, n_organisations=1, **params)


def org_index(model: Neighbourhood) -> int:
    """Row of the (single) residents' organisation."""
    return int(np.flatnonzero(model.actors["kind"] == 3)[0])


def coord_index(model: Neighbourhood) -> int:
    """Row of the (single) coordinator."""
    return int(np.flatnonzero(model.actors["kind"] == 2)[0])


def neutral(model: Neighbourhood) -> Neighbourhood:
    """Overwrite the drawn actor state with neutral round values (in place).

    Everyone agrees (knowledge and role view 0.5), regard and in-group identification
    are 0.5 and equal to their starting dispositions, no goal uncertainty, nobody
    loaded, professionals fully community-oriented, nobody a migrant, every informal
    actor fully continuous, and all cross-side familiarity 0.
    """
    a = model.actors
    for key in ("knowledge", "role_view", "regard", "regard0", "ingroup", "ingroup0"):
        a[key][:] = 0.5
    a["uncertainty"][:] = 0.0
    a["load"][:] = 0.0
    a["community"][:] = 1.0
    a["migrant"][:] = False
    a["continuity"][:] = 1.0
    a["cultural_sensitivity"][:] = 0.5
    model.ties.familiarity[model.ties.cross] = 0.0
    model.good[:] = 0.0
    model.bad[:] = 0.0
    return model


def open_case(model: Neighbourhood, household: int, severity: float, *, pro: int = -1,
              inf: int = -1, coord: int = -1, direct: bool = False) -> int:
    """Open a case for ``household`` at ``severity`` with the given actors on it."""
    from samenspel.model.routing import assign

    h = model.households
    cid = model.cases.open(household, model.week, silent=pro < 0)
    h["case"][household] = cid
    h["needy"][household] = True
    h["severity"][household] = severity
    for role, who in (("pro", pro), ("inf", inf), ("coord", coord)):
        if who >= 0:
            assign(model, cid, role, who)
    if direct:
        from samenspel.model.routing import make_direct

        make_direct(model, cid, pro, inf)  # sets the history flag and the current state
    return cid


def assert_one_line_error(message: str, *needles: str) -> None:
    """The message is a single non-empty line containing every needle."""
    assert message.strip(), "empty error message"
    assert len(message.strip().splitlines()) == 1, f"error message spans lines: {message!r}"
    for needle in needles:
        assert needle in message, f"{needle!r} missing from {message!r}"
