"""Initialisation: the actor table, the households and the starting ties.

The actor table is a dict of column arrays with one row per actor, in the order
professionals, volunteers, coordinators, residents' organisations. Each kind's
module draws its own columns (``initial_state``); this module puts them together,
assigns volunteers to their coordinator's organisation, and draws the starting
familiarity, one block per district (docs/ODD.md, "Initialisation"). With several
areas (``model.areas``) every rule below applies to actors active in a common area:

- the professionals of an area form one team and know each other well (0.8);
- volunteers know the others of their organisation (0.6) and its coordinator (0.8);
- coordinators know the professionals of their district moderately (0.4) and the residents'
  organisations a little (0.25, below the 0.3 at which an actor turns to a
  coordinator: coordinators serve the volunteers "aan formele organisaties
  verbonden"; wijktafels can change that); organisations know each other a little
  (0.3);
- a share ``preexisting_ties`` of formal-informal pairs (a professional and an
  informal actor active in its area) already know each other
  through an earlier personal "click" (familiarity drawn from 0.3-0.8); all other
  formal-informal pairs start as strangers.
"""

from __future__ import annotations

import numpy as np

from ..agents import (
    ACTOR_CLASSES,
    INFORMAL,
    Coordinator,
    Household,
    Professional,
    ResidentsOrganisation,
    Volunteer,
)
from .areas import Layout


def build_actor_table(params: dict, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Draw every actor's starting state; returns column arrays, one row per actor.

    Counts are per area; each kind's actors of all areas are drawn in one go, area
    after area (the k-th actor of a kind belongs to area k // count).
    """
    parts, kinds, sides = [], [], []
    for cls in ACTOR_CLASSES:
        n = cls.count(params) * params["n_areas"]
        parts.append(cls.initial_state(n, params, rng))
        kinds.append(np.full(n, cls.KIND))
        sides.append(np.full(n, cls.SIDE))
    table = {key: np.concatenate([p[key] for p in parts]) for key in parts[0]}
    table["kind"] = np.concatenate(kinds)
    table["side"] = np.concatenate(sides)
    for key in ("knowledge", "role_view", "ingroup", "regard", "cultural_sensitivity"):
        table[key] = np.clip(table[key].astype(float), 0.01, 0.99)
    table["regard0"] = table["regard"].copy()
    table["ingroup0"] = table["ingroup"].copy()
    table["capacity"] = table["capacity"].astype(float)
    n = len(table["kind"])
    table["load"] = np.zeros(n)
    table["uncertainty"] = np.ones(n)
    return table


def affiliate_volunteers(table: dict, layout: Layout) -> None:
    """Attach each volunteer to a coordinator of its district, in turn."""
    for members in layout.district_actors:
        kind = table["kind"][members]
        vols = members[kind == Volunteer.KIND]
        coords = members[kind == Coordinator.KIND]
        if len(coords):
            table["affiliation"][vols] = coords[np.arange(len(vols)) % len(coords)]


def initial_familiarity(table: dict, layout: Layout, params: dict,
                        rng: np.random.Generator) -> list[np.ndarray]:
    """Starting familiarity block of each district (symmetric, zero diagonal)."""
    return [_district_block(table, layout, m, params, rng) for m in layout.district_actors]


def _district_block(table: dict, layout: Layout, members: np.ndarray, params: dict,
                    rng: np.random.Generator) -> np.ndarray:
    kind, side = table["kind"][members], table["side"][members]
    area = layout.actor_area[members]
    n = len(members)
    f = np.zeros((n, n))
    pro = kind == Professional.KIND
    vol = kind == Volunteer.KIND
    coord = kind == Coordinator.KIND
    org = kind == ResidentsOrganisation.KIND
    shared_area = ((area[:, None] == area[None, :]) | (area[:, None] < 0)
                   | (area[None, :] < 0))
    f[pro[:, None] & pro[None, :] & shared_area] = 0.8  # the area's team
    f[org[:, None] & org[None, :] & shared_area] = 0.3
    f[np.ix_(coord, pro)] = 0.4
    f[np.ix_(coord, org)] = 0.25  # below KNOWS: organisations hardly use coordinators
    aff = table["affiliation"][members]
    same_org = vol[:, None] & vol[None, :] & (aff[:, None] == aff[None, :]) & (aff[:, None] >= 0)
    f[same_org] = 0.6
    vidx = np.flatnonzero(vol & (aff >= 0))
    f[np.searchsorted(members, aff[vidx]), vidx] = 0.8
    cross = pro[:, None] & (side == INFORMAL)[None, :] & shared_area
    click = cross & (rng.random((n, n)) < params["preexisting_ties"])
    f[click] = rng.uniform(0.3, 0.8, int(click.sum()))
    f = np.maximum(f, f.T)
    np.fill_diagonal(f, 0.0)
    return f


def cross_pairs(layout: Layout) -> tuple[np.ndarray, np.ndarray]:
    """Formal-informal pairs active in a common area, ordered by (professional, actor)."""
    rows, cols = [], []
    for pros, informal in zip(layout.area_formal, layout.area_informal, strict=True):
        rows.append(np.repeat(pros, len(informal)))
        cols.append(np.tile(informal, len(pros)))
    i, j = np.concatenate(rows).astype(np.int64), np.concatenate(cols).astype(np.int64)
    order = np.lexsort((j, i))
    return i[order], j[order]


def build_households(params: dict, table: dict, layout: Layout,
                     rng: np.random.Generator) -> dict:
    """Draw the households of every area and their informal contacts.

    A household's informal contact is an informal actor active in its area. Under
    ``interplay = sociale_basis`` the low-threshold base reaches more households, so
    the share without any informal contact is halved.
    """
    local = dict(params)
    if params["interplay"] == "sociale_basis":
        local["anonymity"] = params["anonymity"] / 2.0
    parts = []
    for informal in layout.area_informal:
        orgs = informal[table["kind"][informal] == ResidentsOrganisation.KIND]
        migrant_orgs = orgs[table["migrant"][orgs]]
        parts.append(Household.initial_state(params["n_households"], local, informal,
                                             migrant_orgs, rng))
    return {key: np.concatenate([p[key] for p in parts]) for key in parts[0]}
