"""Routing: who takes up a new case, and how a referral travels.

All draws here come from the model's *decisions* stream. Submodels (docs/ODD.md,
III.iv.2 "Intake at a professional", III.iv.3 "Intake at an informal actor",
III.iv.4 "Referral"):

*Intake at a professional* (the household voiced its need to the wijkteam). The least
loaded professional p takes it (formal). Then, in this order:

1. Parallel informal help: if the household has an informal contact j with room,
   it also helps with probability ``civic_activity`` x PARALLEL (two worlds
   supporting the same household). p and j make direct contact with probability L_pj, otherwise the
   case is co-existence.
2. Otherwise p involves informal help with probability w_p (1 - s) (0.5 + push),
   w_p the role p acts on, s the severity and push the policy's push for
   hybridisation ("voorkeur voor ... vrijwilligers met afgebakende taken").
   p first tries the informal actor with the highest L (0.5 + 0.5 formalisation)
   (professionals prefer formalised volunteers), direct with probability L; else
   it asks a coordinator with room, who finds a volunteer of its organisation
   within that volunteer's limit (intermediated; a coordinator
   declines what exceeds the limit); without a coordinator p knows (familiarity
   >= 0.3), p pushes the case to an informal actor with room, without contact.
   A hand-over without contact is an instrumentalisation event ("Ze willen niet dat
   professionals zomaar cases naar hen doorverwijzen") if it exceeds the actor's
   limit, or with probability (1 - w_j) when pushed, 0.3 (1 - w_j) when a
   coordinator handed it over.

*Intake at an informal actor* (a silent problem reached by the household's contact):
the case is informal; if s exceeds the actor's limit it is referred at once.

*Referral* by informal actor j (when s exceeds j's limit): directly to the
professional it has the strongest link with, with probability L; else through a
coordinator with room; else the household goes to the wijkteam on its own (guide
work the professional does not see). A direct or coordinated referral is taken
seriously with probability regard_p (0.5 + 0.5 F), F the familiarity of p with the
referrer (or the coordinator): a good contact for j (recognition); otherwise a bad
contact, and j tries again after four weeks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .identity import wanted_role
from .links import informal_limit, link_strength

if TYPE_CHECKING:
    from .neighbourhood import Neighbourhood

RETRY_WEEKS = 4
PARALLEL = 1.0      # share of active civil society that also helps a known household
HANDOVER_FELT = 0.3  # a coordinator softens a hand-over: felt as pushed this often
KNOWS = 0.3        # familiarity at which an actor can turn to a coordinator


def _with_room(model: Neighbourhood, ids: np.ndarray) -> np.ndarray:
    a = model.actors
    return ids[a["load"][ids] < a["capacity"][ids]]


def case_area(model: Neighbourhood, cid: int) -> int:
    """The area of the household of case ``cid``."""
    return int(model.areas.household_area[model.cases.cols["household"][cid]])


def least_loaded_professional(model: Neighbourhood, area: int = 0) -> int:
    """The professional of ``area`` with the lowest load share (random tie-break)."""
    a, pros = model.actors, model.areas.area_formal[area]
    share = a["load"][pros] / a["capacity"][pros]
    share = share + 1e-6 * model.rng_decisions.random(len(pros))
    return int(pros[np.argmin(share)])


def assign(model: Neighbourhood, cid: int, role: str, actor: int) -> None:
    """Put ``actor`` on case ``cid`` as ``pro``, ``inf`` or ``coord``, updating load."""
    c = model.cases.cols
    c[role][cid] = actor
    model.actors["load"][actor] += 1
    if role == "pro":
        c["formal"][cid] = True
    elif role == "inf":
        c["informal"][cid] = True
    else:
        c["linked"][cid] = True


def _free_coordinator(model: Neighbourhood, near: int) -> int:
    """The coordinator with room that ``near`` knows best (familiarity >= KNOWS)."""
    district = model.areas.actor_district[near]
    coords = _with_room(model, model.areas.district_broker[district])
    coords = coords[model.ties.get(near, coords) >= KNOWS]
    if not len(coords):
        return -1
    fam = model.ties.get(near, coords)
    return int(coords[np.argmax(fam + 1e-6 * model.rng_decisions.random(len(coords)))])


def intake_at_professional(model: Neighbourhood, cid: int, severity: float) -> None:
    """Route a case voiced to the wijkteam (see module docstring)."""
    rng = model.rng_decisions
    area = case_area(model, cid)
    p = least_loaded_professional(model, area)
    assign(model, cid, "pro", p)
    contact = int(model.households["contact"][model.cases.cols["household"][cid]])
    if (contact >= 0 and model.actors["load"][contact] < model.actors["capacity"][contact]
            and rng.random() < model.p["civic_activity"] * PARALLEL):
        assign(model, cid, "inf", contact)
        if rng.random() < link_strength(model, p, contact)[0, 0]:
            make_direct(model, cid, p, contact)
        return
    w = wanted_role(model.actors["role_view"][p : p + 1], model.p)[0]
    if rng.random() >= w * (1.0 - severity) * (0.5 + model.p["hybridisation_push"]):
        return  # formal only
    informal = _with_room(model, model.areas.area_informal[area])
    if not len(informal):
        return
    strength = link_strength(model, p, informal)[0]
    best = int(np.argmax(strength * (0.5 + 0.5 * model.actors["formalisation"][informal])))
    if rng.random() < strength[best]:
        assign(model, cid, "inf", int(informal[best]))
        make_direct(model, cid, p, int(informal[best]))
        return
    coord = _free_coordinator(model, p)
    if coord >= 0:
        vol = _volunteer_of(model, coord, severity)
        model.ties.touch(p, coord)
        if vol >= 0:
            assign(model, cid, "coord", coord)
            assign(model, cid, "inf", vol)
            model.ties.touch(coord, vol)
            _check_instrumentalised(model, vol, severity, HANDOVER_FELT)
        return
    j = int(informal[rng.integers(len(informal))])
    assign(model, cid, "inf", j)
    _check_instrumentalised(model, j, severity, 1.0)


def _check_instrumentalised(model: Neighbourhood, j: int, severity: float,
                            felt: float) -> None:
    """Count a hand-over without contact as instrumentalisation, or not.

    It is instrumentalisation if it exceeds j's limit or, with probability
    ``felt`` x (1 - w_j), if j did not want that role.
    """
    wants = wanted_role(model.actors["role_view"][j : j + 1], model.p)[0]
    if (severity > informal_limit(model, j)
            or model.rng_decisions.random() < felt * (1.0 - wants)):
        model.counters["instrumentalisations"] += 1
        model.bad[j] += 1


def _volunteer_of(model: Neighbourhood, coord: int, severity: float) -> int:
    """A volunteer of ``coord``'s organisation with room and within its limit."""
    a = model.actors
    vols = _with_room(model, model.volunteers_of[coord])
    if not len(vols):
        return -1
    order = vols[np.argsort(-a["formalisation"][vols], kind="stable")]
    for v in order:
        if severity <= informal_limit(model, int(v)):
            return int(v)
    return -1


def make_direct(model: Neighbourhood, cid: int, pro: int, inf: int) -> None:
    """Record direct contact between ``pro`` and ``inf`` on case ``cid``."""
    model.cases.cols["direct"][cid] = True
    model.cases.cols["together"][cid] = True
    model.ties.touch(pro, inf)


def intake_at_informal(model: Neighbourhood, cid: int, actor: int, severity: float) -> None:
    """Route a silent problem reached by informal actor ``actor``."""
    assign(model, cid, "inf", actor)
    model.counters["silent_reached"] += 1
    if severity > informal_limit(model, actor):
        refer(model, cid, actor)


def refer(model: Neighbourhood, cid: int, j: int) -> None:
    """Informal actor ``j`` refers case ``cid`` to the wijkteam (see docstring)."""
    rng = model.rng_decisions
    a = model.actors
    model.counters["referrals"] += 1
    area = case_area(model, cid)
    pros = model.areas.area_formal[area]
    strength = link_strength(model, pros, j)[:, 0]
    best = int(np.argmax(strength))
    if rng.random() < strength[best]:
        p = int(pros[best])
        model.ties.touch(p, j)
        fam = model.ties.get(p, j)
        if rng.random() < a["regard"][p] * (0.5 + 0.5 * fam):
            _recognise(model, cid, j)
            assign(model, cid, "pro", p)
            make_direct(model, cid, p, j)
        else:
            _dismiss(model, cid, j)
        return
    coord = _free_coordinator(model, j)
    if coord >= 0:
        p = least_loaded_professional(model, area)
        model.ties.touch(j, coord)
        model.ties.touch(coord, p)
        if rng.random() < a["regard"][p] * (0.5 + 0.5 * model.ties.get(p, coord)):
            _recognise(model, cid, j)
            assign(model, cid, "pro", p)
            assign(model, cid, "coord", coord)
        else:
            _dismiss(model, cid, j)
        return
    assign(model, cid, "pro", least_loaded_professional(model, area))


def _recognise(model: Neighbourhood, cid: int, j: int) -> None:
    model.counters["referrals_taken_seriously"] += 1
    model.good[j] += 1


def _dismiss(model: Neighbourhood, cid: int, j: int) -> None:
    model.bad[j] += 1
    model.cases.cols["retry"][cid] = model.week + RETRY_WEEKS

