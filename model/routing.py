"""Routing: who takes up a new case, and how a referral travels.

All draws here come from the model's *decisions* stream; link strengths L, us-them
distances d, wanted roles w and informal limits come from the week's view
(``model.view``). Submodels of docs/ODD.md:

*Intake at a professional* (the household voiced its need to the wijkteam). The least
loaded professional p of the area takes it; a second professional joins with
probability ramp(s - complex_severity) (heavy, multi-problem needs draw on more
than one professional). Then:

1. Parallel help: if the household knows an informal actor j with room, j also helps
   with probability ``civic_activity`` x ``parallel_help`` ("twee ... parallelle
   werelden"); p and j make direct contact with probability L_pj, otherwise the case
   is co-existence (they may discover each other later).
2. p involves (further) informal help with probability
   w_p (1 - s) (involve_base + push), push as the wijkteam feels it (less at the sociale
   basis: ``identity.professional_push``). p asks the informal actor with the highest
   L (0.5 + 0.5 formalisation) ("voorkeur voor sterk geformaliseerde vrijwilligers"),
   in direct contact with probability L; else a coordinator it knows, chosen with
   probability equal to familiarity F_pc (smooth: no threshold), who finds a
   volunteer of its organisation within that volunteer's limit (intermediated);
   else p pushes the case to an informal actor with room without contact with
   probability d_p, its us-them distance ("uitbesteed werk"). A hand-over without
   contact is an instrumentalisation event if it exceeds the actor's limit, or with
   probability (1 - w_j) when pushed, ``handover_felt`` (1 - w_j) via a coordinator.
   If the household's contact already helps, the new helper is a second informal
   source.

*Intake at an informal actor* (a silent need reached by the household's contact):
the case is informal; the weekly referral step decides whether it is referred.

*Referral* by informal actor j: directly to the professional it has the strongest
link with, tried with probability L; else through a coordinator j knows (probability
F_jc), who passes it to the least loaded professional. The professional takes it
seriously with probability (referral_base + (1 - referral_base) F) (1 - d_p), F its
familiarity with the referrer (or the coordinator): recognition, a good contact for
both; otherwise a dismissal, a bad contact for j, who may try again after
``retry_weeks``. Without either route the household is guided and may go to the
wijkteam on its own (``needs.refer_and_escalate``).

Implementation: the routes are compiled kernels (``model.jit``) that read and change
the model's state through one ``model.routes.Routes`` and record what Python then
applies (``model.routes.Routed``). ``surface_needs`` and ``refer_and_escalate``
(``model.needs``, ``model.casework``) route all of a week's cases in one call; the functions below
route one case, for tests and single use.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from .cases import COORD, INF, INF2, PRO, PRO2, Role
from .disagreement import logic_distance
from .jit import kernel
from .links import barrier
from .routes import (
    C_DISMISSED,
    C_INSTRUMENTALISATIONS,
    C_REFERRALS,
    C_REFERRALS_MIGRANT,
    C_SILENT_REACHED,
    C_TAKEN,
    EV_INSTRUMENTALISED,
    EV_REFERRAL,
    apply_routed,
    handed_back,
    routed,
    routes,
)
from .ties import familiarity_of

if TYPE_CHECKING:
    from .neighbourhood import Neighbourhood


def ramp(x: np.ndarray | float, width: float) -> np.ndarray:
    """Logistic ramp from 0 to 1 around x = 0 (replaces a hard threshold); ``ramp_of``."""
    x = np.asarray(x, dtype=float)
    return _ramps(x.ravel(), float(width)).reshape(x.shape)


@kernel
def _ramps(x, width):  # fmt: skip
    out = np.empty(len(x))
    for k in range(len(x)):
        out[k] = ramp_of(x[k], width)
    return out


@kernel
def ramp_of(x, width):  # fmt: skip
    """1 / (1 + exp(-x / width)) of one number, with the C library's ``exp``.

    NumPy's own (SIMD) ``exp`` differs from it by one unit in the last place for about
    one argument in twenty; a ramp is only ever compared with a uniform draw, so that
    could change a decision only when the draw falls within that last unit (about one
    decision in 10**16).
    """
    return 1.0 / (1.0 + math.exp(-x / width))


@kernel
def second_chance(severity, complex_severity, width):  # fmt: skip
    """Chance that a second professional joins a case of need s: ramp(s - complex_severity)."""
    return ramp_of(severity - complex_severity, width)


# --- one case at a time, from Python ---------------------------------------------------
def assign(model: Neighbourhood, cid: int, role: Role, actor: int) -> None:
    """Put ``actor`` on case ``cid`` in ``role``, updating load and history."""
    c = model.cases.c
    assign_role(cid, int(role), actor, c.helper, model.actors.load, c.formal, c.informal,
                c.linked, c.formal_sources, c.informal_sources)  # fmt: skip


def release(model: Neighbourhood, cid: int, role: Role) -> None:
    """Take the actor in ``role`` off case ``cid`` (no-op if there is none)."""
    c = model.cases.c
    release_role(cid, int(role), c.helper, model.actors.load, c.together)


def make_direct(model: Neighbourhood, cid: int) -> None:
    """The lead professional and lead informal actor of ``cid`` are in direct contact."""
    c = model.cases.c
    pro, inf = mark_direct(cid, c.helper, c.direct, c.together, c.pro_seen, c.inf_seen)
    model.ties.touch(pro, inf)


def best_known_coordinator(model: Neighbourhood, actor: int) -> int:
    """A coordinator with room that ``actor`` turns to, or -1 (``_best_known_coordinator``)."""
    return int(_best_known_coordinator(routes(model), actor))


def _volunteer_of(model: Neighbourhood, coord: int, severity: float) -> int:
    """The most formalised volunteer of ``coord``'s organisation with room, within its limit."""
    return int(_volunteer(routes(model), coord, severity))


def intake_at_professional(
    model: Neighbourhood,
    cid: int,
    severity: float,
    area: int | None = None,
    second: float | None = None,
) -> None:
    """Route a case voiced to the wijkteam (see module docstring).

    ``area`` (the household's) and ``second`` (``second_chance``) may be given when
    computed for many cases at once; the case is routed the same.
    """
    p = model.p
    if area is None:
        area = int(model.households.area[model.cases.c.household[cid]])
    if second is None:
        second = second_chance(severity, p["complex_severity"], p["decision_width"])
    out = _intake_one(routes(model), cid, severity, area, second)
    apply_routed(model, *out)


def refer(model: Neighbourhood, cid: int, j: int) -> bool:
    """Informal actor ``j`` tries to refer case ``cid``; True if a route was found."""
    found, *out = _refer_one(routes(model), cid, j)
    apply_routed(model, *out)
    return bool(found)


@kernel
def _intake_one(r, cid, severity, area, second):  # fmt: skip
    out = routed()
    intake_at_professional_k(r, out, cid, severity, area, second)
    return handed_back(r, out)


@kernel
def _refer_one(r, cid, j):  # fmt: skip
    out = routed()
    found = refer_k(r, out, cid, j)
    touched, events, counts = handed_back(r, out)
    return found, touched, events, counts


# --- the case book -----------------------------------------------------------------------
@kernel
def assign_role(
    cid, role, actor, helper, load, formal, informal, linked, formal_sources, informal_sources
):  # fmt: skip
    """``assign`` on the case book's columns."""
    helper[cid, role] = actor
    load[actor] += 1
    if role == PRO or role == PRO2:
        formal[cid] = True
        formal_sources[cid] += 1
    elif role == INF or role == INF2:
        informal[cid] = True
        informal_sources[cid] += 1
    else:
        linked[cid] = True


@kernel
def assign_k(r, cid, role, actor):  # fmt: skip
    """``assign`` on the ``Routes``."""
    assign_role(cid, role, actor, r.helper, r.load, r.formal, r.informal, r.linked,
                r.formal_sources, r.informal_sources)  # fmt: skip


@kernel
def release_role(cid, role, helper, load, together):  # fmt: skip
    """``release`` on the case book's columns."""
    who = helper[cid, role]
    if who >= 0:
        load[who] -= 1
        helper[cid, role] = -1
        if role == PRO or role == INF:  # the leads are no longer in contact
            together[cid] = False


@kernel
def mark_direct(cid, helper, direct, together, pro_seen, inf_seen):  # fmt: skip
    """``make_direct`` on the case book's columns; returns the pair to touch."""
    pro, inf = helper[cid, PRO], helper[cid, INF]
    direct[cid] = True
    together[cid] = True
    pro_seen[cid], inf_seen[cid] = pro, inf
    return int(pro), int(inf)


@kernel
def _make_direct(r, out, cid):  # fmt: skip
    pro, inf = mark_direct(cid, r.helper, r.direct, r.together, r.pro_seen, r.inf_seen)
    out[0].append((pro, inf, 1.0))


# --- who is asked ------------------------------------------------------------------------
@kernel
def least_loaded(load, capacity, rng, pros):  # fmt: skip
    """The professional among ``pros`` with the lowest load share; one draw each breaks ties.

    The lowest load share, the first of equals (``np.argmin``; a NaN share, of a
    professional without capacity, counts as the lowest).
    """
    best, low, nan = 0, np.inf, -1
    for k in range(len(pros)):
        share = load[pros[k]] / capacity[pros[k]] + 1e-6 * rng.random()
        if np.isnan(share):
            nan = k if nan < 0 else nan
        elif k == 0 or share < low:
            best, low = k, share
    return pros[nan if nan >= 0 else best]


@kernel
def _has_room(r, actor):  # fmt: skip
    return r.load[actor] < r.capacity[actor]


@kernel
def group(members, at, g):  # fmt: skip
    """Group ``g`` of a grouped array (``groups.flatten``)."""
    return members[at[g] : at[g + 1]]


@kernel
def _position(members, x):  # fmt: skip
    """Position of ``x`` in the sorted ``members``, or -1."""
    k = np.searchsorted(members, x)
    return k if k < len(members) and members[k] == x else -1


@kernel
def _link(r, area, pro, j):  # fmt: skip
    """L of professional ``pro`` of ``area`` and informal actor ``j`` (``WeekView.link``).

    From the week's table; an informal actor not active in the area (a volunteer of
    a neighbouring area, sent by a district-wide coordinator) has no column there:
    its link is computed now.
    """
    row = _position(group(r.team, r.team_at, area), pro)
    col = _position(group(r.members, r.members_at, area), j)
    if row >= 0 and col >= 0:
        return r.links[area, row, col]
    return familiarity_of(r.ties, pro, j) * pair_barrier(r, pro, j)


@kernel
def pair_barrier(r, pro, j):  # fmt: skip
    """L without familiarity of ``pro`` and informal actor ``j`` (``links.barrier``)."""
    logic = logic_distance(pro, j, r.knowledge, r.role_view)
    return barrier(pro, j, logic, r.recognition, r.uncertainty, r.distance, r.available,
                   r.sensitivity, r.migrant, r.weights)  # fmt: skip


@kernel
def _team_link(r, area, row, pro, col, j):  # fmt: skip
    """``_link`` of a pair of ``area`` whose row (of ``pro``) or column (of ``j``) is known."""
    if row >= 0 and col >= 0:
        return r.links[area, row, col]
    return _link(r, area, pro, j)


@kernel
def _best_known_coordinator(r, actor):  # fmt: skip
    """A coordinator with room that ``actor`` turns to, or -1.

    The best-known coordinator of the district is chosen with probability equal to
    the actor's familiarity with it (no threshold: knowing someone a little gives a
    small chance of asking).
    """
    if not r.brokerage:
        return -1
    best, high, chance = -1, -np.inf, 0.0  # the first of equals, as np.argmax
    for coord in group(r.brokers, r.brokers_at, r.actor_district[actor]):
        if _has_room(r, coord):  # one draw per coordinator with room
            fam = familiarity_of(r.ties, actor, coord)
            tied = fam + 1e-6 * r.rng.random()
            if best < 0 or tied > high:
                best, high, chance = coord, tied, fam
    if best < 0:
        return -1
    return best if r.rng.random() < chance else -1


@kernel
def _volunteer(r, coord, severity):  # fmt: skip
    """The most formalised volunteer of ``coord``'s organisation with room, within its limit."""
    best = -1
    for vol in group(r.volunteers, r.volunteers_at, coord):
        if _has_room(r, vol) and r.limit[vol] >= severity:
            if best < 0 or r.formalisation[vol] > r.formalisation[best]:
                best = vol
    return best


# --- intake ------------------------------------------------------------------------------
@kernel
def intake_at_professional_k(r, out, cid, severity, area, second):  # fmt: skip
    """``intake_at_professional`` (module docstring), recording into ``out``."""
    team = group(r.team, r.team_at, area)
    pro = least_loaded(r.load, r.capacity, r.rng, team)
    assign_k(r, cid, PRO, pro)
    if len(team) > 1 and r.rng.random() < second:
        assign_k(r, cid, PRO2, least_loaded(r.load, r.capacity, r.rng, team[team != pro]))
    contact = r.contact[r.household[cid]]
    if (
        contact >= 0
        and r.load[contact] < r.capacity[contact]
        and r.rng.random() < r.parallel
    ):  # fmt: skip
        assign_k(r, cid, INF, contact)
        if r.rng.random() < _link(r, area, pro, contact):
            _make_direct(r, out, cid)
    if r.rng.random() < r.wanted[pro] * (1.0 - severity) * r.involve:
        _involve_informal(r, out, cid, pro, area, severity)


@kernel
def _involve_informal(r, out, cid, pro, area, severity):  # fmt: skip
    """The professional brings in informal help: directly, via a coordinator, or pushed."""
    lead = r.helper[cid, INF]
    role = INF2 if lead >= 0 else INF
    members = group(r.members, r.members_at, area)  # those with room, but the lead
    row = _position(group(r.team, r.team_at, area), pro)
    pref = r.formalised_preference
    free, best, high, link = 0, -1, -np.inf, 0.0  # the first of equals, as np.argmax
    for k in range(len(members)):
        if _has_room(r, members[k]) and members[k] != lead:
            free += 1
            strength = _team_link(r, area, row, pro, k, members[k])
            preferred = strength * ((1.0 - pref) + pref * r.formalisation[members[k]])
            if best < 0 or preferred > high:
                best, high, link = k, preferred, strength
    if free == 0:
        return
    if r.rng.random() < link:
        assign_k(r, cid, role, members[best])
        if role == INF:
            _make_direct(r, out, cid)
        else:
            out[0].append((pro, members[best], 1.0))
            r.direct[cid] = True
        return
    if lead >= 0:
        return  # a second source only through a direct contact
    coord = _best_known_coordinator(r, pro)
    if coord >= 0:
        vol = _volunteer(r, coord, severity)
        out[0].append((pro, coord, r.meeting_contact))
        if vol >= 0:
            assign_k(r, cid, COORD, coord)
            assign_k(r, cid, INF, vol)
            out[0].append((coord, vol, r.meeting_contact))
            _check_instrumentalised(r, out, vol, severity, r.handover_felt)
        return
    if r.rng.random() < r.distance[pro]:
        nth = r.rng.integers(0, free)  # any of the free informal actors
        for j in members:
            if _has_room(r, j) and j != lead:
                if nth == 0:
                    assign_k(r, cid, INF, j)
                    _check_instrumentalised(r, out, j, severity, 1.0)
                    return
                nth -= 1


@kernel
def _check_instrumentalised(r, out, j, severity, felt):  # fmt: skip
    """Count a hand-over without contact as instrumentalisation, or not."""
    if severity > r.limit[j] or r.rng.random() < felt * (1.0 - r.wanted[j]):
        out[2][C_INSTRUMENTALISATIONS] += 1
        r.bad[j] += 1
        r.pushed[j] += 1
        if r.events:
            area = r.actor_area[j]
            record = (EV_INSTRUMENTALISED, -1, int(area), int(j), -1, -1, 0, severity, r.limit[j])
            out[1].append(record)


@kernel
def intake_at_informal_k(r, out, cid, actor):  # fmt: skip
    """A silent need reached by informal actor ``actor``: the case is informal."""
    assign_k(r, cid, INF, actor)
    out[2][C_SILENT_REACHED] += 1


# --- referral ----------------------------------------------------------------------------
@kernel
def refer_k(r, out, cid, j):  # fmt: skip
    """``refer`` (module docstring), recording into ``out``; True if a route was found."""
    area = r.home[r.household[cid]]
    pros = group(r.team, r.team_at, area)
    col = _position(group(r.members, r.members_at, area), j)
    best, high = 0, _team_link(r, area, 0, pros[0], col, j)
    for k in range(1, len(pros)):  # the first of equals, as np.argmax
        strength = _team_link(r, area, k, pros[k], col, j)
        if strength > high:
            best, high = k, strength
    if r.rng.random() < high:
        pro = pros[best]
        _count_referral(r, out, j)
        out[0].append((pro, j, 1.0))
        familiarity = familiarity_of(r.ties, pro, j)
        taken = r.rng.random() < _taken_seriously(r, pro, familiarity)
        if taken:
            _recognise(r, out, j, pro)
            assign_k(r, cid, PRO, pro)
            _make_direct(r, out, cid)
        else:
            _dismiss(r, out, cid, j)
        _log_referral(r, out, cid, area, j, pro, -1, taken, familiarity)
        return True
    coord = _best_known_coordinator(r, j)
    if coord < 0:
        return False
    _count_referral(r, out, j)
    pro = least_loaded(r.load, r.capacity, r.rng, pros)
    out[0].append((j, coord, r.meeting_contact))
    out[0].append((coord, pro, r.meeting_contact))
    familiarity = familiarity_of(r.ties, pro, coord)
    taken = r.rng.random() < _taken_seriously(r, pro, familiarity)
    if taken:
        _recognise(r, out, j, pro)
        assign_k(r, cid, PRO, pro)
        assign_k(r, cid, COORD, coord)
    else:
        _dismiss(r, out, cid, j)
    _log_referral(r, out, cid, area, j, pro, coord, taken, familiarity)
    return True


@kernel
def _log_referral(r, out, cid, area, j, pro, coord, taken, familiarity):  # fmt: skip
    if r.events:
        who = (int(j), int(pro), int(coord))
        record = (EV_REFERRAL, int(cid), int(area), *who, int(taken), familiarity, r.distance[pro])
        out[1].append(record)


@kernel
def _count_referral(r, out, j):  # fmt: skip
    """A referral found a route (directly or through a coordinator)."""
    out[2][C_REFERRALS] += 1
    if r.migrant[j]:
        out[2][C_REFERRALS_MIGRANT] += 1


@kernel
def _taken_seriously(r, pro, familiarity):  # fmt: skip
    """Chance that ``pro`` takes a referral seriously."""
    base = r.referral_base
    return (base + (1.0 - base) * familiarity) * (1.0 - r.distance[pro])


@kernel
def _recognise(r, out, j, pro):  # fmt: skip
    out[2][C_TAKEN] += 1
    r.good[j] += 1
    r.good[pro] += 1


@kernel
def _dismiss(r, out, cid, j):  # fmt: skip
    out[2][C_DISMISSED] += 1
    r.bad[j] += 1
    r.retry[cid] = r.week + r.retry_weeks
