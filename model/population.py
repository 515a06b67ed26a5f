"""Initialisation: the actor table, the households and the starting ties.

The actor table is a dict of column arrays with one row per actor, in the order
professionals, volunteers, coordinators, residents' organisations. Each kind's
module draws its own columns (``initial_state``); this module puts them together,
assigns volunteers to their coordinator's organisation, and draws the starting
familiarity (docs/ODD.md, "Initialisation"):

- professionals form one team and know each other well (0.8);
- volunteers know the others of their organisation (0.6) and its coordinator (0.8);
- coordinators know the professionals moderately (0.4) and the residents'
  organisations a little (0.25, below the 0.3 at which an actor turns to a
  coordinator: coordinators serve the volunteers "aan formele organisaties
  verbonden"; wijktafels can change that); organisations know each other a little
  (0.3);
- a share ``preexisting_ties`` of formal-informal pairs already know each other
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


def build_actor_table(params: dict, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Draw every actor's starting state; returns column arrays, one row per actor."""
    parts, kinds, sides = [], [], []
    for cls in ACTOR_CLASSES:
        n = cls.count(params)
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
    vols = np.flatnonzero(table["kind"] == Volunteer.KIND)
    coords = np.flatnonzero(table["kind"] == Coordinator.KIND)
    if len(coords):
        table["affiliation"][vols] = coords[np.arange(len(vols)) % len(coords)]
    return table


def initial_familiarity(table: dict, params: dict, rng: np.random.Generator) -> np.ndarray:
    """Starting familiarity matrix (symmetric, zero diagonal)."""
    kind, side = table["kind"], table["side"]
    n = len(kind)
    f = np.zeros((n, n))
    pro = kind == Professional.KIND
    vol = kind == Volunteer.KIND
    coord = kind == Coordinator.KIND
    org = kind == ResidentsOrganisation.KIND
    f[np.ix_(pro, pro)] = 0.8
    f[np.ix_(org, org)] = 0.3
    f[np.ix_(coord, pro)] = 0.4
    f[np.ix_(coord, org)] = 0.25  # below KNOWS: organisations hardly use coordinators
    aff = table["affiliation"]
    same_org = vol[:, None] & vol[None, :] & (aff[:, None] == aff[None, :]) & (aff[:, None] >= 0)
    f[same_org] = 0.6
    vidx = np.flatnonzero(vol & (aff >= 0))
    f[aff[vidx], vidx] = 0.8
    cross = pro[:, None] & (side == INFORMAL)[None, :]
    click = cross & (rng.random((n, n)) < params["preexisting_ties"])
    f[click] = rng.uniform(0.3, 0.8, int(click.sum()))
    f = np.maximum(f, f.T)
    np.fill_diagonal(f, 0.0)
    return f


def build_households(params: dict, table: dict, rng: np.random.Generator) -> dict:
    """Draw the households and their informal contacts.

    Under ``interplay = sociale_basis`` the low-threshold base reaches more
    households, so the share without any informal contact is halved.
    """
    informal = np.flatnonzero(table["side"] == INFORMAL)
    orgs = np.flatnonzero(table["kind"] == ResidentsOrganisation.KIND)
    migrant_orgs = orgs[table["migrant"][orgs]]
    local = dict(params)
    if params["interplay"] == "sociale_basis":
        local["anonymity"] = params["anonymity"] / 2.0
    return Household.initial_state(params["n_households"], local, informal, migrant_orgs,
                                   rng)
