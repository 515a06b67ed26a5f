"""Casework: the leads of a case work together, and cases close.

Submodels of docs/ODD.md ("Joint work", "Closure"): the week's phases after needs have
surfaced and been referred (``model.needs``). Per-case decisions come from the
*decisions* stream; thresholds are logistic ramps of width ``decision_width``
(``routing.ramp``): no route flips at a knife-edge.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from .cases import COORD, INF, INF2, N_ROLES, PRO, PRO2, Role
from .disagreement import disagreement, logic_distance
from .events import Kind
from .identity import encounter_pair
from .jit import kernel, levers
from .links import barrier
from .routes import handed_back, routed, routes
from .routing import mark_direct, ramp_of, release_role
from .ties import familiarity_of

if TYPE_CHECKING:
    from .neighbourhood import Neighbourhood

DIRECT, LINKED, APART = 1, 2, 3  # how the leads of a shared case work (work_together)


def work_together(model: Neighbourhood) -> None:
    """Joint work this week: contact, encounters, clashes, introductions, discovery.

    On a shared case the leads in direct contact meet (contact 1, an ordinary
    encounter); work linked through a coordinator is contact ``meeting_contact`` with
    it. Logics clash on shared cases (``_clashes``). Leads who work apart
    discover each other with probability ``discovery_rate`` x L; a coordinator on the
    case introduces them with probability ``introduction_rate`` (more with a trained
    chair) x the larger of L and the link it vouches for (F_pc F_cj x the barriers).
    """
    p = model.p
    ids = model.cases.active_ids()
    pro, inf = _leads_for_log(model, ids)  # before the week's work
    boost = 1.0 + p["chair_introduction_boost"] * p["chair_training"]
    touched, withdrawn, counts = _joint_work(
        routes(model), ids, p["contact_positive"], p["contact_negative"], p["clash_rate"],
        p["discovery_rate"], p["introduction_rate"] * boost,
    )  # fmt: skip
    model.ties.touched(touched)
    clashes, unspoken, introductions = counts.tolist()
    model.counters["introductions"] += introductions
    _count_clashes(model, ids, pro, inf, withdrawn, clashes, unspoken)


@kernel
def _joint_work(r, ids, positive, negative, clash_rate, discovery_rate, introduction):  # fmt: skip
    """``work_together`` for the open cases ``ids``: five draws each (decisions stream)."""
    n = len(ids)
    pro, inf, coord = np.empty(n, np.int64), np.empty(n, np.int64), np.empty(n, np.int64)
    for k in range(n):
        cid = ids[k]
        pro[k], inf[k], coord[k] = r.helper[cid, PRO], r.helper[cid, INF], r.helper[cid, COORD]
    u = r.rng.random((5, n))
    logic, strength, vouched = _shared_links(r, pro, inf, coord)
    out = routed()
    withdrawn, counts = _work_together(
        u, ids, pro, inf, coord, logic, strength, vouched, r.brokerage, r.meeting_contact,
        positive, negative, clash_rate, discovery_rate, introduction, r.helper, r.direct,
        r.together, r.pro_seen, r.inf_seen, r.recognition, r.good, r.bad, out[0],
    )  # fmt: skip
    touched, _, _ = handed_back(r, out)
    return touched, withdrawn, counts


@kernel
def _shared_links(r, pro, inf, coord):  # fmt: skip
    """D, L and the link a coordinator vouches for of each case's leads.

    The vouched link is F_pc F_cj x the barriers. All are 0 where a lead is missing;
    the vouched link also without a coordinator or without brokerage.
    """
    n = len(pro)
    logic, strength, vouched = np.zeros(n), np.zeros(n), np.zeros(n)
    for k in range(n):
        i, j, z = pro[k], inf[k], coord[k]
        if i < 0 or j < 0:
            continue
        logic[k] = logic_distance(i, j, r.knowledge, r.role_view)
        fit = barrier(i, j, logic[k], r.recognition, r.uncertainty, r.distance, r.available,
                      r.sensitivity, r.migrant, r.weights)  # fmt: skip
        strength[k] = familiarity_of(r.ties, i, j) * fit
        if r.brokerage and z >= 0:
            vouched[k] = familiarity_of(r.ties, i, z) * familiarity_of(r.ties, z, j) * fit
    return logic, strength, vouched


@kernel
def _work_together(
    u, ids, pro, inf, coord, logic, strength, vouched, brokerage, meeting_contact, positive,
    negative, clash_rate, discovery_rate, introduction, helper, direct, together, pro_seen,
    inf_seen, recognition, good, bad, touches,
):  # fmt: skip
    """``work_together`` case by case, ``u`` five draws per case (decisions stream).

    Records the week's contact in ``touches`` as (i, j, weight), in the order
    registered; returns the withdrawals (positions in ``ids``) and the counts of
    clashes, unspoken clashes and introductions.
    """
    n = len(ids)
    mode = np.zeros(n, np.int8)  # the leads: 0 not both on it, else DIRECT, LINKED, APART
    for k in range(n):
        if pro[k] >= 0 and inf[k] >= 0:
            mode[k] = DIRECT if together[ids[k]] else (LINKED if coord[k] >= 0 else APART)
    for k in range(n):
        if mode[k] == DIRECT:
            touches.append((pro[k], inf[k], 1.0))
    for x, y in ((pro, coord), (coord, inf)):
        for k in range(n):
            if mode[k] == LINKED:
                touches.append((x[k], y[k], meeting_contact))
    for k in range(n):
        if mode[k] == DIRECT:
            encounter_pair(pro[k], inf[k], u[0, k], u[1, k], positive, negative, good, bad)
    shared = (mode == DIRECT) | (mode == LINKED)
    withdrawn, clashes, unspoken = _clashes(
        ids, pro, inf, shared, logic, u[2], u[3], clash_rate, recognition, together, pro_seen,
        good, bad,
    )  # fmt: skip
    introductions = 0
    for k in range(n):
        if mode[k] == APART:
            found = u[4, k] < discovery_rate * strength[k]
        elif mode[k] == LINKED and brokerage:
            found = u[4, k] < introduction * max(strength[k], vouched[k])
            introductions += found
        else:
            continue
        if found:
            x, y = mark_direct(ids[k], helper, direct, together, pro_seen, inf_seen)
            touches.append((x, y, 1.0))
    return withdrawn, np.array([clashes, unspoken, introductions])


def _clash(
    model: Neighbourhood,
    ids: np.ndarray,
    pro: np.ndarray,
    inf: np.ndarray,
    shared: np.ndarray,
    u_clash: np.ndarray,
    u_voice: np.ndarray,
) -> None:
    """Logics clash on the ``shared`` cases among ``ids`` (``_clashes``), with the draws given."""
    a, c = model.actors, model.cases.c
    logic = np.zeros(len(ids))
    logic[shared] = disagreement(a, pro[shared], inf[shared])
    withdrawn, clashes, unspoken = _clashes(
        ids, pro, inf, shared, logic, u_clash, u_voice, model.p["clash_rate"], a.recognition,
        c.together, c.pro_seen, a.good, a.bad,
    )  # fmt: skip
    _count_clashes(model, ids, pro, inf, withdrawn, clashes, unspoken)


def _count_clashes(
    model: Neighbourhood,
    ids: np.ndarray,
    pro: np.ndarray | None,
    inf: np.ndarray | None,
    withdrawn: np.ndarray,
    clashes: int,
    unspoken: int,
) -> None:
    """Count the clashes; log the withdrawals (positions in ``ids``) when the log is on.

    ``pro`` and ``inf`` are the cases' leads before the week's joint work (needed only
    when the log is on).
    """
    model.counters["clashes"] += int(clashes)
    model.counters["clashes_unspoken"] += int(unspoken)
    if model.events.enabled and pro is not None and inf is not None:
        gone = ids[withdrawn]
        areas = _areas(model, gone)
        model.events.pairs(model.week, Kind.WITHDRAWAL, areas, pro[withdrawn], inf[withdrawn], gone)


@kernel
def _clashes(
    ids, pro, inf, shared, logic, u_clash, u_voice, clash_rate, recognition, together,
    pro_seen, good, bad,
):  # fmt: skip
    """Logics clash on shared cases; spoken clashes settle, unspoken ones cost.

    A clash happens with probability ``clash_rate`` x D (the pair's logic distance
    ``logic``: "botsende normatieve logica's rondom casework"). It is voiced and
    settled with probability equal to the pair's mean recognition (a good contact for
    both: "wederzijdse erkenning en compromisvorming"); otherwise it stays unspoken
    ("lijken vaak onuitgesproken te blijven"): a bad contact for both, and helpers in
    direct contact withdraw from it ("terugtrekgedrag"). Returns the withdrawals
    (positions in ``ids``) and the numbers of clashes and unspoken clashes.
    """
    withdrawn, clashes, unspoken = [0][:0], 0, 0
    for k in range(len(ids)):
        if not (shared[k] and u_clash[k] < clash_rate * logic[k]):
            continue
        clashes += 1
        x, y = pro[k], inf[k]
        if u_voice[k] < 0.5 * (recognition[x] + recognition[y]):
            good[x] += 1
            good[y] += 1
            continue
        unspoken += 1
        bad[x] += 1
        bad[y] += 1
        if together[ids[k]]:
            withdrawn.append(k)
            together[ids[k]] = False
            pro_seen[ids[k]] = -1
    return np.array(withdrawn, np.int64), clashes, unspoken


def close_cases(model: Neighbourhood) -> None:
    """Solved cases close; professionals close their part; informal help may stop.

    A need below ``resolved_severity`` closes its case (a need without a case was
    solved by the own circle). If the two leads kept direct contact it is a joint
    success: a good contact for both. On an unsolved case with an informal actor the
    professional closes its part with probability ramp(pro_close_severity - s): a
    warm handover if the two are in contact. Otherwise the informal actor notices (a
    coordinator on the case, or with probability F) and may feel it as discontinuity
    ("soms ... discontinuïteit ervaren"): only if the need is beyond its limit ("niet
    grensoverschrijdend bezig zijn") or, with probability 1 - w_j, it did not want
    so large a role (the test of a hand-over without contact, ``routing``). The lead
    informal actor carries on with probability ``continuity``; when it stops, a
    professional in contact doubts that continuity (a bad contact), and a second
    informal source takes over the lead. A case left without helpers closes.
    """
    c, h, p = model.cases.c, model.households, model.p
    ids = model.cases.active_ids()
    pro, inf = _leads_for_log(model, ids)  # before closing
    joint, felt, warm = _close_week(
        routes(model), ids, c.end, h.severity, h.needy, h.resolved, h.case,
        model.actors.continuity, levers(CloseLevers, p),
    )  # fmt: skip
    model.counters["joint_successes"] += len(joint)
    model.counters["discontinuities"] += len(felt)
    model.counters["warm_handovers"] += warm
    if pro is not None and inf is not None:
        ok = ids[joint]
        pair = (c.pro_seen[ok], c.inf_seen[ok])
        model.events.pairs(model.week, Kind.JOINT_SUCCESS, _areas(model, ok), *pair, ok)
        gone = ids[felt]
        model.events.pairs(
            model.week, Kind.DISCONTINUITY, _areas(model, gone), inf[felt], pro[felt], gone
        )


class CloseLevers(NamedTuple):
    """The levers of closing (``_close_week``)."""

    resolved_severity: float
    mech_success: bool
    pro_close_severity: float
    decision_width: float


@kernel
def _close_week(r, ids, end, severity, needy, resolved, case, continuity, lv):  # fmt: skip
    """``close_cases`` for the open cases ``ids``: four draws each (decisions stream).

    Each case's chance that its professional closes its part, ramp(pro_close_severity
    - s), is read before any case closes; the familiarity of its leads does not change
    during the phase.
    """
    n = len(ids)
    u = r.rng.random((4, n))
    early = np.empty(n)
    for k in range(n):
        s = severity[r.household[ids[k]]]
        early[k] = ramp_of(lv.pro_close_severity - s, lv.decision_width)
    return _close_cases(
        u, r.week, ids, early, r.ties, lv.resolved_severity, lv.mech_success, r.household,
        r.helper, r.together, r.pro_seen, r.inf_seen, r.active, end, severity, needy,
        resolved, case, r.load, r.good, r.bad, continuity, r.limit, r.wanted,
    )  # fmt: skip


@kernel
def _close_cases(
    u, week, ids, early, lookup, resolved_severity, mech_success, household, helper,
    together, pro_seen, inf_seen, active, end, severity, needy, resolved, case, load, good,
    bad, continuity, limit, wanted,
):  # fmt: skip
    """``close_cases`` case by case, ``u`` four draws per case (decisions stream).

    ``early`` is each case's chance that the professional closes its part; ``lookup``
    gives the familiarity of its two leads (``Ties.lookup``). Returns the joint successes and the
    discontinuities (positions in ``ids``) and the number of warm handovers.
    """
    for i in range(len(needy)):  # solved by the own circle, without a case
        if needy[i] and case[i] < 0 and severity[i] < resolved_severity:
            _resolve(i, needy, severity, resolved)
    joint, felt, warm = [0][:0], [0][:0], 0
    for k in range(len(ids)):
        cid = ids[k]
        hh = household[cid]
        if severity[hh] < resolved_severity:
            if pro_seen[cid] >= 0 and inf_seen[cid] >= 0:  # a joint success
                joint.append(k)
                if mech_success:
                    good[pro_seen[cid]] += 1
                    good[inf_seen[cid]] += 1
            _end_case(cid, week, household, helper, together, active, end, case, load)
            _resolve(hh, needy, severity, resolved)
            continue
        pro, inf = helper[cid, PRO], helper[cid, INF]
        if pro >= 0 and inf >= 0 and u[0, k] < early[k]:  # the professional closes its part
            aware = helper[cid, COORD] >= 0 or u[2, k] < familiarity_of(lookup, pro, inf)
            beyond = severity[hh] > limit[inf] or u[3, k] < 1.0 - wanted[inf]
            if not together[cid] and aware and beyond:
                bad[inf] += 1
                felt.append(k)
            warm += together[cid]
            for role in (PRO, PRO2, COORD):
                release_role(cid, role, helper, load, together)
        if inf >= 0 and u[1, k] > continuity[inf]:  # the informal actor stops
            pro = helper[cid, PRO]
            if pro >= 0 and (together[cid] or helper[cid, COORD] >= 0):
                bad[pro] += 1  # "continuïteit" doubted
            for role in (INF, COORD):
                release_role(cid, role, helper, load, together)
            inf_seen[cid] = -1
            helper[cid, INF], helper[cid, INF2] = helper[cid, INF2], -1
        if (helper[cid, PRO] < 0 and helper[cid, PRO2] < 0 and helper[cid, INF] < 0
                and helper[cid, INF2] < 0):  # fmt: skip
            _end_case(cid, week, household, helper, together, active, end, case, load)
    return np.array(joint, np.int64), np.array(felt, np.int64), warm


@kernel
def _resolve(hh, needy, severity, resolved):  # fmt: skip
    """The household's need is solved."""
    needy[hh] = False
    severity[hh] = 0.0
    resolved[hh] += 1


def _leads_for_log(
    model: Neighbourhood, ids: np.ndarray
) -> tuple[np.ndarray, np.ndarray] | tuple[None, None]:
    """The lead professional and informal actor of cases ``ids`` when the event log is on."""
    if not model.events.enabled:
        return None, None
    c = model.cases.c
    return c.helper[ids, Role.PRO], c.helper[ids, Role.INF]


def _areas(model: Neighbourhood, ids: np.ndarray) -> np.ndarray:
    """The areas of the households of cases ``ids``."""
    return model.households.area[model.cases.c.household[ids]]


def end_case(model: Neighbourhood, cid: int) -> None:
    """Close case ``cid``: release everyone and free the household."""
    end_cases(model, np.array([cid], dtype=np.int64))


def end_cases(model: Neighbourhood, ids: np.ndarray) -> None:
    """Close the cases ``ids``: release everyone and free the households."""
    c = model.cases.c
    for cid in ids.tolist():
        _end_case(cid, model.week, c.household, c.helper, c.together, c.active, c.end,
                  model.households.case, model.actors.load)  # fmt: skip


@kernel
def _end_case(cid, week, household, helper, together, active, end, case, load):  # fmt: skip
    """``end_case`` on the columns (for compiled kernels)."""
    for role in range(N_ROLES):
        release_role(cid, role, helper, load, together)
    active[cid] = False
    end[cid] = week
    case[household[cid]] = -1
