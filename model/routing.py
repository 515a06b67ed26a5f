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
wijkteam on its own (``casework.refer_and_escalate``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .cases import Role
from .events import Event, Kind
from .identity import professional_push
from .jit import kernel

if TYPE_CHECKING:
    from .neighbourhood import Neighbourhood

PRO, INF = int(Role.PRO), int(Role.INF)  # plain ints, as compiled kernels read them


def ramp(x: np.ndarray | float, width: float) -> np.ndarray:
    """Logistic ramp from 0 to 1 around x = 0 (replaces a hard threshold)."""
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=float) / width))


def with_room(model: Neighbourhood, ids: np.ndarray) -> np.ndarray:
    """The actors among ``ids`` whose load is below their capacity."""
    a = model.actors
    return ids[a.load[ids] < a.capacity[ids]]


def case_area(model: Neighbourhood, cid: int) -> int:
    """The area of the household of case ``cid``."""
    return int(model.households.area[model.cases.c.household[cid]])


def least_loaded(model: Neighbourhood, pros: np.ndarray) -> int:
    """The professional among ``pros`` with the lowest load share (random tie-break)."""
    a = model.actors
    share = a.load[pros] / a.capacity[pros] + 1e-6 * model.rng_decisions.random(len(pros))
    return int(pros[share.argmin()])


def assign(model: Neighbourhood, cid: int, role: Role, actor: int) -> None:
    """Put ``actor`` on case ``cid`` in ``role``, updating load and history."""
    c = model.cases.c
    c.helper[cid, role] = actor
    model.actors.load[actor] += 1
    if role in (Role.PRO, Role.PRO2):
        c.formal[cid] = True
        c.formal_sources[cid] += 1
    elif role in (Role.INF, Role.INF2):
        c.informal[cid] = True
        c.informal_sources[cid] += 1
    else:
        c.linked[cid] = True


def release(model: Neighbourhood, cid: int, role: Role) -> None:
    """Take the actor in ``role`` off case ``cid`` (no-op if there is none)."""
    c = model.cases.c
    release_role(cid, int(role), c.helper, model.actors.load, c.together)


def release_all(model: Neighbourhood, ids: np.ndarray, roles: tuple[Role, ...]) -> None:
    """``release`` every role of ``roles`` on every case of ``ids``."""
    c = model.cases.c
    _release_all(ids, np.array(roles, np.int64), c.helper, model.actors.load, c.together)


@kernel
def _release_all(ids, roles, helper, load, together):  # fmt: skip
    for cid in ids:
        for role in roles:
            release_role(cid, role, helper, load, together)


@kernel
def release_role(cid, role, helper, load, together):  # fmt: skip
    """``release`` on the case book's columns (for compiled kernels)."""
    who = helper[cid, role]
    if who >= 0:
        load[who] -= 1
        helper[cid, role] = -1
        if role == PRO or role == INF:  # the leads are no longer in contact
            together[cid] = False


def make_direct(model: Neighbourhood, cid: int) -> None:
    """The lead professional and lead informal actor of ``cid`` are in direct contact."""
    c = model.cases.c
    pro, inf = mark_direct(cid, c.helper, c.direct, c.together, c.pro_seen, c.inf_seen)
    model.ties.touch(pro, inf)


@kernel
def mark_direct(cid, helper, direct, together, pro_seen, inf_seen):  # fmt: skip
    """``make_direct`` on the case book's columns; returns the pair to touch."""
    pro, inf = helper[cid, PRO], helper[cid, INF]
    direct[cid] = True
    together[cid] = True
    pro_seen[cid], inf_seen[cid] = pro, inf
    return int(pro), int(inf)


def best_known_coordinator(model: Neighbourhood, actor: int) -> int:
    """A coordinator with room that ``actor`` turns to, or -1.

    The best-known coordinator of the district is chosen with probability equal to
    the actor's familiarity with it (no threshold: knowing someone a little gives a
    small chance of asking).
    """
    if not model.p["mech_brokerage"]:
        return -1
    coords = with_room(model, model.areas.district_broker[model.areas.actor_district[actor]])
    if not len(coords):
        return -1
    fam = model.ties.get(actor, coords)
    best = int((fam + 1e-6 * model.rng_decisions.random(len(coords))).argmax())
    return int(coords[best]) if model.rng_decisions.random() < fam[best] else -1


def second_professional_chance(severity: np.ndarray | float, params: dict) -> np.ndarray:
    """Chance that a second professional joins a case of need ``severity``."""
    return ramp(severity - params["complex_severity"], params["decision_width"])


def intake_at_professional(
    model: Neighbourhood,
    cid: int,
    severity: float,
    area: int | None = None,
    second: float | None = None,
) -> None:
    """Route a case voiced to the wijkteam (see module docstring).

    ``area`` (the household's) and ``second`` (``second_professional_chance``) may be
    given when computed for many cases at once; the case is routed the same.
    """
    rng, p, a, view = model.rng_decisions, model.p, model.actors, model.view
    if area is None:
        area = case_area(model, cid)
    team = model.areas.area_formal[area]
    pro = least_loaded(model, team)
    assign(model, cid, Role.PRO, pro)
    if len(team) > 1:
        if second is None:
            second = float(second_professional_chance(severity, p))
        if rng.random() < second:
            assign(model, cid, Role.PRO2, least_loaded(model, team[team != pro]))
    contact = int(model.households.contact[model.cases.c.household[cid]])
    if (
        contact >= 0
        and a.load[contact] < a.capacity[contact]
        and rng.random() < p["civic_activity"] * p["parallel_help"]
    ):
        assign(model, cid, Role.INF, contact)
        if rng.random() < view.link(model.areas, area, pro, contact):
            make_direct(model, cid)
    involve = view.wanted[pro] * (1.0 - severity) * (p["involve_base"] + professional_push(p))
    if rng.random() < involve:
        _involve_informal(model, cid, pro, area, severity)


def _involve_informal(model: Neighbourhood, cid: int, pro: int, area: int, severity: float) -> None:
    """The professional brings in informal help: directly, via a coordinator, or pushed."""
    rng, a, view, c = model.rng_decisions, model.actors, model.view, model.cases.c
    lead_taken = c.helper[cid, Role.INF] >= 0
    role = Role.INF2 if lead_taken else Role.INF
    members = model.areas.area_informal[area]  # those with room, but the lead
    free = (a.load[members] < a.capacity[members]) & (members != c.helper[cid, Role.INF])
    informal = members[free]
    if not len(informal):
        return
    strength = view.link_row(model.areas, area, pro)[free]
    pref = model.p["formalised_preference"]
    best = int((strength * ((1.0 - pref) + pref * a.formalisation[informal])).argmax())
    if rng.random() < strength[best]:
        assign(model, cid, role, int(informal[best]))
        if role is Role.INF:
            make_direct(model, cid)
        else:
            model.ties.touch(pro, int(informal[best]))
            c.direct[cid] = True
        return
    if lead_taken:
        return  # a second source only through a direct contact
    coord = best_known_coordinator(model, pro)
    if coord >= 0:
        vol = _volunteer_of(model, coord, severity)
        model.ties.touch(pro, coord, model.p["meeting_contact"])
        if vol >= 0:
            assign(model, cid, Role.COORD, coord)
            assign(model, cid, Role.INF, vol)
            model.ties.touch(coord, vol, model.p["meeting_contact"])
            _check_instrumentalised(model, vol, severity, model.p["handover_felt"])
        return
    if rng.random() < view.distance[pro]:
        j = int(informal[rng.integers(len(informal))])
        assign(model, cid, Role.INF, j)
        _check_instrumentalised(model, j, severity, 1.0)


def _check_instrumentalised(model: Neighbourhood, j: int, severity: float, felt: float) -> None:
    """Count a hand-over without contact as instrumentalisation, or not."""
    view = model.view
    if severity > view.limit[j] or model.rng_decisions.random() < felt * (1.0 - view.wanted[j]):
        model.counters["instrumentalisations"] += 1
        model.actors.bad[j] += 1
        model.actors.pushed[j] += 1
        if model.events.enabled:
            model.events.add(
                Event(
                    model.week,
                    Kind.INSTRUMENTALISED,
                    int(model.areas.actor_area[j]),
                    (j,),
                    values=(severity, float(view.limit[j])),
                )
            )


def _volunteer_of(model: Neighbourhood, coord: int, severity: float) -> int:
    """The most formalised volunteer of ``coord``'s organisation with room, within its limit."""
    a = model.actors
    vols = with_room(model, model.volunteers_of[coord])
    vols = vols[model.view.limit[vols] >= severity]
    if not len(vols):
        return -1
    return int(vols[a.formalisation[vols].argmax()])


def intake_at_informal(model: Neighbourhood, cid: int, actor: int) -> None:
    """A silent need reached by informal actor ``actor``: the case is informal."""
    assign(model, cid, Role.INF, actor)
    model.counters["silent_reached"] += 1


def refer(model: Neighbourhood, cid: int, j: int) -> bool:
    """Informal actor ``j`` tries to refer case ``cid``; True if a route was found."""
    rng, p, view = model.rng_decisions, model.p, model.view
    area = case_area(model, cid)
    pros = model.areas.area_formal[area]
    strength = view.link(model.areas, area, pros, j)
    best = int(strength.argmax())
    if rng.random() < strength[best]:
        pro = int(pros[best])
        _count_referral(model, j)
        model.ties.touch(pro, j)
        familiarity = float(model.ties.get(pro, j))
        taken = rng.random() < _taken_seriously(model, pro, familiarity)
        if taken:
            _recognise(model, j, pro)
            assign(model, cid, Role.PRO, pro)
            make_direct(model, cid)
        else:
            _dismiss(model, cid, j, pro)
        _log_referral(model, cid, area, (j, pro, -1), taken, familiarity)
        return True
    coord = best_known_coordinator(model, j)
    if coord < 0:
        return False
    _count_referral(model, j)
    pro = least_loaded(model, pros)
    model.ties.touch(j, coord, p["meeting_contact"])
    model.ties.touch(coord, pro, p["meeting_contact"])
    familiarity = float(model.ties.get(pro, coord))
    taken = rng.random() < _taken_seriously(model, pro, familiarity)
    if taken:
        _recognise(model, j, pro)
        assign(model, cid, Role.PRO, pro)
        assign(model, cid, Role.COORD, coord)
    else:
        _dismiss(model, cid, j, pro)
    _log_referral(model, cid, area, (j, pro, coord), taken, familiarity)
    return True


def _log_referral(
    model: Neighbourhood,
    cid: int,
    area: int,
    who: tuple[int, int, int],
    taken: bool,
    familiarity: float,
) -> None:
    """Record the referral in the event log (nothing when the log is off)."""
    if not model.events.enabled:
        return
    distance = float(model.view.distance[who[1]])
    model.events.referral(model.week, cid, area, who, taken, familiarity, distance)


def _count_referral(model: Neighbourhood, j: int) -> None:
    """A referral found a route (directly or through a coordinator)."""
    model.counters["referrals"] += 1
    if model.actors.migrant[j]:
        model.counters["referrals_migrant"] += 1


def _taken_seriously(model: Neighbourhood, pro: int, familiarity: float) -> float:
    """Chance that ``pro`` takes a referral seriously."""
    base = model.p["referral_base"]
    return (base + (1.0 - base) * familiarity) * (1.0 - model.view.distance[pro])


def _recognise(model: Neighbourhood, j: int, pro: int) -> None:
    model.counters["referrals_taken_seriously"] += 1
    model.actors.good[j] += 1
    model.actors.good[pro] += 1


def _dismiss(model: Neighbourhood, cid: int, j: int, pro: int) -> None:
    model.counters["referrals_dismissed"] += 1
    model.actors.bad[j] += 1
    model.cases.c.retry[cid] = model.week + model.p["retry_weeks"]
