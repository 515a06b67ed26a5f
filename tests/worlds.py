"""Helpers for the tests: tiny hand-built worlds and error-message checks.

A tiny world (``tiny``) has 10 households in one area and these actors, by row of
the actor table (``model.actors``, an ``ActorTable``):

    with a coordinator:     0, 1 professionals; 2, 3 volunteers; 4 coordinator; 5 organisation
    without coordinators:   0, 1 professionals; 2, 3 volunteers; 4 organisation

``neutral`` then overwrites the drawn state with round numbers so that a test can set
exactly the one quantity it is about, and recomputes the week's view.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from samenspel.model.cases import Role
from samenspel.model.neighbourhood import Neighbourhood
from samenspel.model.state import Kind, Side

PRO_A, PRO_B, VOL_A, VOL_B = 0, 1, 2, 3


def tiny(seed: int = 0, coordinators: int = 1, **params) -> Neighbourhood:
    """A 10-household world with 2 professionals, 2 volunteers and 1 organisation."""
    return Neighbourhood(
        rng=seed,
        n_households=10,
        n_professionals=2,
        n_volunteers=2,
        n_coordinators=coordinators,
        n_organisations=1,
        **params,
    )


def org_index(model: Neighbourhood) -> int:
    """Row of the (single) residents' organisation."""
    return int(np.flatnonzero(model.actors.kind == Kind.ORGANISATION)[0])


def coord_index(model: Neighbourhood) -> int:
    """Row of the (single) coordinator."""
    return int(np.flatnonzero(model.actors.kind == Kind.COORDINATOR)[0])


def neutral(model: Neighbourhood) -> Neighbourhood:
    """Overwrite the drawn state with neutral round values (in place).

    Everyone agrees (knowledge and role view 0.5), regard and in-group
    identification are 0.5, no threat, no recognition, no goal uncertainty, nobody
    loaded, professionals fully community-oriented, nobody a migrant, every informal
    actor fully continuous, all cross-side familiarity 0, no tallied contact; the
    households have no need, no case and no informal contact. The week's view is
    recomputed from this state.
    """
    a = model.actors
    for col in ("knowledge", "role_view", "regard", "ingroup"):
        getattr(a, col)[:] = 0.5
    for col in ("threat", "recognition", "uncertainty", "load", "good", "bad", "pushed"):
        getattr(a, col)[:] = 0.0
    a.community[:] = 1.0
    a.migrant[:] = False
    a.continuity[:] = 1.0
    a.cultural_sensitivity[:] = 0.5
    a.cultural_base[:] = 0.5
    model.ties.familiarity[model.ties.cross] = 0.0
    h = model.households
    h.contact[:] = -1
    h.migrant[:] = False
    h.needy[:] = False
    h.severity[:] = 0.0
    h.case[:] = -1
    model.view_week()
    return model


def set_familiarity(model: Neighbourhood, i: int, j: int, value: float) -> None:
    """Set the (symmetric) familiarity of ``i`` and ``j``."""
    f = model.ties.familiarity
    f[i, j] = f[j, i] = value


def set_distance(model: Neighbourhood, actors, ingroup: float, regard: float) -> None:
    """Give ``actors`` an in-group identification and regard (no threat)."""
    model.actors.ingroup[actors] = ingroup
    model.actors.regard[actors] = regard
    model.actors.threat[actors] = 0.0


def open_case(
    model: Neighbourhood,
    household: int,
    severity: float,
    *,
    pro: int = -1,
    inf: int = -1,
    coord: int = -1,
    direct: bool = False,
    circle: bool = False,
) -> int:
    """Open a case for ``household`` at ``severity`` with the given actors on it."""
    from samenspel.model.routing import assign, make_direct

    h = model.households
    cid = model.cases.open(household, model.week, silent=pro < 0, circle=circle)
    h.case[household] = cid
    h.needy[household] = True
    h.severity[household] = severity
    for role, who in ((Role.PRO, pro), (Role.INF, inf), (Role.COORD, coord)):
        if who >= 0:
            assign(model, cid, role, who)
    if direct:
        make_direct(model, cid)
    return cid


def frequency(trial: Callable[[], bool], n: int) -> float:
    """Share of ``n`` repetitions of ``trial`` that returned True."""
    return sum(bool(trial()) for _ in range(n)) / n


def side_of(model: Neighbourhood, side: Side) -> np.ndarray:
    """Actor rows of one side."""
    return model.actors.of_side(side)


def assert_one_line_error(message: str, *needles: str) -> None:
    """The message is a single non-empty line containing every needle."""
    assert message.strip(), "empty error message"
    assert len(message.strip().splitlines()) == 1, f"error message spans lines: {message!r}"
    for needle in needles:
        assert needle in message, f"{needle!r} missing from {message!r}"
