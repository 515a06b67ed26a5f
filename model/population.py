"""Initialisation: the actor table, the households and the starting ties.

The actor table (``ActorTable``) holds column arrays with one row per actor, in the order
professionals, volunteers, coordinators, residents' organisations. Each kind's
module draws its own columns (``initial_state``); this module puts them together,
assigns volunteers to their coordinator's organisation, and draws the starting
familiarity, one block per district (docs/ODD.md, "Initialisation"). With several
areas (``model.areas``) every rule below applies to actors active in a common area:

- the professionals of an area form one team and know each other well;
- volunteers know the others of their organisation and its coordinator;
- coordinators know the professionals of their district moderately and the residents'
  organisations a little (coordinators serve the volunteers "aan formele
  organisaties verbonden"; wijktafels can change that); organisations know each
  other a little;
- a share ``preexisting_ties`` of formal-informal pairs (a professional and an
  informal actor active in its area) already know each other
  through an earlier personal "click" (familiarity ``fam_click`` +- 0.25); all other
  formal-informal pairs start as strangers.
"""

from __future__ import annotations

import numpy as np

from ..agents import ACTOR_CLASSES, Household
from .areas import Layout
from .state import ActorTable, HouseholdTable, Kind, Side


def build_actor_table(params: dict, rng: np.random.Generator) -> ActorTable:
    """Draw every actor's starting state, one row per actor.

    Counts are per area; each kind's actors of all areas are drawn in one go, area
    after area (the k-th actor of a kind belongs to area k // count).
    """
    parts, kinds, sides = [], [], []
    for cls in ACTOR_CLASSES:
        n = cls.count(params) * params["n_areas"]
        parts.append(cls.initial_state(n, params, rng))
        kinds.append(np.full(n, int(cls.KIND)))
        sides.append(np.full(n, int(cls.SIDE)))
    cols = {key: np.concatenate([p[key] for p in parts]) for key in parts[0]}
    for key in ("knowledge", "role_view", "ingroup", "regard", "cultural_base"):
        cols[key] = np.clip(cols[key].astype(float), 0.01, 0.99)
    n = len(cols["knowledge"])
    table = ActorTable(
        kind=np.concatenate(kinds),
        side=np.concatenate(sides),
        knowledge=cols["knowledge"],
        role_view=cols["role_view"],
        ingroup=cols["ingroup"],
        regard=cols["regard"],
        recognition=np.zeros(n),
        threat=np.zeros(n),
        uncertainty=np.ones(n),
        capacity=cols["capacity"].astype(float),
        load=np.zeros(n),
        community=cols["community"].astype(float),
        cultural_sensitivity=cols["cultural_base"].copy(),
        cultural_base=cols["cultural_base"],
        migrant=cols["migrant"].astype(bool),
        formalisation=cols["formalisation"].astype(float),
        continuity=cols["continuity"].astype(float),
        affiliation=cols["affiliation"].astype(np.int64),
        hybrid=cols["hybrid"],
        good=np.zeros(n),
        bad=np.zeros(n),
        pushed=np.zeros(n),
    )
    return table


def apply_training(actors: ActorTable, households: HouseholdTable | None, params: dict) -> None:
    """Cultural-sensitivity training: professionals' sensitivity and migrants' trust.

    A training level t moves professionals' sensitivity a share t of the way to 1
    and closes a share t of migrant households' trust gap
    ("(cultuursensitief) professioneel aanbod"). Recomputed from the untrained
    values, so a policy change during a run applies cleanly.
    """
    t = params["cultural_sensitivity_training"]
    pro = actors.kind == Kind.PROFESSIONAL
    base = actors.cultural_base
    actors.cultural_sensitivity[:] = np.where(pro, base + t * (1.0 - base), base)
    if households is not None:
        gap = params["migrant_trust_gap"] * households.migrant * (1.0 - t)
        households.trust_pro[:] = np.clip(households.trust_base - gap, 0.0, 1.0)


def capacities(actors: ActorTable, params: dict) -> None:
    """Set the capacity of professionals, volunteers and coordinators from the levers."""
    from ..agents import Volunteer

    actors.capacity[actors.kind == Kind.PROFESSIONAL] = params["caseload_capacity"]
    actors.capacity[actors.kind == Kind.VOLUNTEER] = Volunteer.capacity_for(params)
    basis = params["sociale_basis_capacity"] if params["interplay"] == "sociale_basis" else 1.0
    actors.capacity[actors.kind == Kind.COORDINATOR] = float(params["coordinator_capacity"]) * basis


def affiliate_volunteers(table: ActorTable, layout: Layout) -> None:
    """Attach each volunteer to a coordinator of its district, in turn."""
    for members in layout.district_actors:
        kind = table.kind[members]
        vols = members[kind == Kind.VOLUNTEER]
        coords = members[kind == Kind.COORDINATOR]
        if len(coords):
            table.affiliation[vols] = coords[np.arange(len(vols)) % len(coords)]


def initial_familiarity(
    table: ActorTable, layout: Layout, params: dict, rng: np.random.Generator
) -> list[np.ndarray]:
    """Starting familiarity block of each district (symmetric, zero diagonal)."""
    return [_district_block(table, layout, m, params, rng) for m in layout.district_actors]


def _district_block(
    table: ActorTable, layout: Layout, members: np.ndarray, params: dict, rng: np.random.Generator
) -> np.ndarray:
    p = params
    kind, side = table.kind[members], table.side[members]
    area = layout.actor_area[members]
    n = len(members)
    f = np.zeros((n, n))
    pro = kind == Kind.PROFESSIONAL
    vol = kind == Kind.VOLUNTEER
    coord = kind == Kind.COORDINATOR
    org = kind == Kind.ORGANISATION
    shared_area = (area[:, None] == area[None, :]) | (area[:, None] < 0) | (area[None, :] < 0)
    f[pro[:, None] & pro[None, :] & shared_area] = p["fam_team"]
    f[org[:, None] & org[None, :] & shared_area] = p["fam_organisations"]
    f[np.ix_(coord, pro)] = p["fam_coordinator_pro"]
    f[np.ix_(coord, org)] = p["fam_coordinator_org"]
    aff = table.affiliation[members]
    same_org = vol[:, None] & vol[None, :] & (aff[:, None] == aff[None, :]) & (aff[:, None] >= 0)
    f[same_org] = p["fam_volunteers"]
    vidx = np.flatnonzero(vol & (aff >= 0))
    f[np.searchsorted(members, aff[vidx]), vidx] = p["fam_volunteer_coordinator"]
    cross = pro[:, None] & (side == Side.INFORMAL)[None, :] & shared_area
    click = cross & (rng.random((n, n)) < p["preexisting_ties"])
    f[click] = p["fam_click"] + rng.uniform(
        -p["fam_click_spread"], p["fam_click_spread"], int(click.sum())
    )
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


def build_households(
    params: dict, table: ActorTable, layout: Layout, rng: np.random.Generator
) -> HouseholdTable:
    """Draw the households of every area and their informal contacts.

    A household's informal contact is an informal actor active in its area. Under
    ``interplay = sociale_basis`` the low-threshold base reaches more households: the
    share without any informal contact is multiplied by ``sociale_basis_reach`` (the own
    circle, family and acquaintances, does not change with it).
    """
    reach = params["anonymity"]
    if params["interplay"] == "sociale_basis":
        reach *= params["sociale_basis_reach"]
    parts = []
    for informal in layout.area_informal:
        orgs = informal[table.kind[informal] == Kind.ORGANISATION]
        migrant_orgs = orgs[table.migrant[orgs]]
        parts.append(
            Household.initial_state(
                params["n_households"], params, informal, migrant_orgs, rng, contact_anonymity=reach
            )
        )
    cols = {key: np.concatenate([p[key] for p in parts]) for key in parts[0]}
    n = len(cols["migrant"])
    households = HouseholdTable(
        area=layout.household_area,
        migrant=cols["migrant"],
        trust_pro=cols["trust_base"].copy(),
        trust_base=cols["trust_base"],
        vulnerability=cols["vulnerability"],
        contact=cols["contact"].astype(np.int64),
        circle=cols["circle"],
        severity=np.zeros(n),
        needy=np.zeros(n, bool),
        new=np.zeros(n, bool),
        case=np.full(n, -1, np.int64),
        need_start=np.zeros(n, np.int64),
        unmet=np.zeros(n),
        needs=np.zeros(n, np.int64),
        resolved=np.zeros(n, np.int64),
        served=np.zeros(n, bool),
        wait=np.zeros(n),
        helped=np.zeros(n, np.int64),
    )
    apply_training(table, households, params)
    return households
