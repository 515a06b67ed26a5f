"""Casework: needs develop, cases are supported, referred, escalated, worked on, closed.

Submodels of docs/ODD.md ("Needs", "Support", "Surfacing", "Referral and late
escalation", "Joint work", "Closure"). Per-household draws come from the *cases*
stream in a fixed number per week, so a lever that changes routing does not
reshuffle which households get problems; per-case decisions come from the
*decisions* stream. Thresholds of the first version are logistic ramps of width
``decision_width`` (``routing.ramp``): no route flips at a knife-edge.

Support of a case, with the lead professional's time share T = min(1, cap/load):

    support = sp T + e sp T2 [second professional]
              + si (1 - h s) (1 + e [second informal source])
              + synergy_direct if the two leads are in direct contact now,
                synergy_linked if a coordinator links them now
    plus support_circle for a household whose own circle helps (with or without a case)

(sp, si, e, h: ``support_professional``, ``support_informal``, ``support_extra``,
``informal_heavy_loss``). Need dynamics, with g = ``need_growth``:

    s <- clip(s + 2 g (1 - min(support, 1)) - recovery_rate support + noise, 0, 1)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from .cases import Role, open_row
from .events import Kind
from .identity import encounter_pair
from .jit import kernel, levers
from .links import barrier
from .routes import (
    C_LATE,
    C_OWN_WAY,
    EV_LATE,
    EV_NO_ROUTE,
    apply_routed,
    handed_back,
    routed,
    routes,
)
from .routing import (
    assign_k,
    group,
    intake_at_informal_k,
    intake_at_professional_k,
    least_loaded,
    mark_direct,
    ramp_of,
    refer_k,
    release_role,
    second_chance,
)
from .ties import disagreement, familiarity_of, logic_distance

if TYPE_CHECKING:
    from .neighbourhood import Neighbourhood

PRO, PRO2, INF, INF2, COORD = (int(r) for r in Role)  # plain ints for compiled kernels
N_ROLES = len(Role)
DIRECT, LINKED, APART = 1, 2, 3  # how the leads of a shared case work (work_together)


def develop_needs(model: Neighbourhood) -> None:
    """New needs arise; existing needs grow without support and shrink with it."""
    h, p = model.households, model.p
    _develop_week(
        routes(model), model.cases.n, h.circle, h.vulnerability, h.severity, h.needy, h.new,
        h.need_start, h.served, h.needs, h.unmet, levers(SupportLevers, p),
        levers(NeedLevers, p),
    )  # fmt: skip


class NeedLevers(NamedTuple):
    """The levers of needs arising and developing (``_develop_needs``)."""

    support_circle: float
    need_growth: float
    recovery_rate: float
    need_noise: float
    problem_rate: float
    problem_severity: float
    severity_spread: float
    min_need_severity: float


@kernel
def _develop_week(r, n, circle, vulnerability, severity, needy, new, need_start, served, needs,
                  unmet, support, lv):  # fmt: skip
    """``develop_needs``: four draws per household (cases stream), the open cases' support."""
    u = r.cases.random((4, len(circle)))
    ids = np.flatnonzero(r.active[:n])
    _develop_needs(
        u, r.week, ids, circle, vulnerability, severity, needy, new, need_start, served, needs,
        unmet, r.household, r.helper, r.together, r.capacity, r.load, support,
        lv.support_circle, lv.need_growth, lv.recovery_rate, lv.need_noise, lv.problem_rate,
        lv.problem_severity, lv.severity_spread, lv.min_need_severity,
    )  # fmt: skip


@kernel
def _develop_needs(
    u, week, ids, circle, vulnerability, severity, needy, new, need_start, served, needs,
    unmet, case_household, helper, together, capacity, load, levers, support_circle,
    need_growth, recovery_rate, need_noise, problem_rate, problem_severity, severity_spread,
    min_need_severity,
):  # fmt: skip
    """``develop_needs`` for every household, ``u`` four draws each (cases stream)."""
    n = len(severity)
    support = np.empty(n)
    for i in range(n):
        support[i] = support_circle if circle[i] else 0.0
    for cid in ids:  # one open case per household at most
        hh = case_household[cid]
        support[hh] += _case_support(cid, severity[hh], helper, together, capacity, load, levers)
    for i in range(n):
        if needy[i]:
            s = support[i]
            drift = 2 * need_growth * (1 - min(s, 1.0)) - recovery_rate * s
            noisy = severity[i] + drift + need_noise * (u[3, i] - 0.5)
            severity[i] = min(max(noisy, 0.0), 1.0)
        new[i] = not needy[i] and u[0, i] < problem_rate * vulnerability[i]
        if new[i]:
            start = problem_severity + severity_spread * (u[1, i] + u[2, i] - 1.0)
            severity[i] = min(max(start, min_need_severity), 1.0)
            needy[i] = True
            need_start[i] = week
            served[i] = False
            needs[i] += 1
        if needy[i]:
            unmet[i] += severity[i]


class SupportLevers(NamedTuple):
    """The levers of ``case_support`` (module docstring), as a compiled kernel takes them."""

    support_professional: float
    support_informal: float
    support_extra: float
    informal_heavy_loss: float
    synergy_direct: float
    synergy_linked: float


def case_support(model: Neighbourhood, ids: np.ndarray) -> np.ndarray:
    """Support each active case in ``ids`` receives this week (module docstring)."""
    c, a = model.cases.c, model.actors
    severity = model.households.severity[c.household[ids]]
    support = levers(SupportLevers, model.p)
    return _cases_support(ids, severity, c.helper, c.together, a.capacity, a.load, support)


@kernel
def _cases_support(ids, severity, helper, together, capacity, load, levers):  # fmt: skip
    out = np.empty(len(ids))
    for k in range(len(ids)):
        out[k] = _case_support(ids[k], severity[k], helper, together, capacity, load, levers)
    return out


@kernel
def _case_support(cid, severity, helper, together, capacity, load, levers):  # fmt: skip
    """Support of case ``cid`` whose household's need is ``severity``."""
    pro, pro2, inf, inf2 = helper[cid, PRO], helper[cid, PRO2], helper[cid, INF], helper[cid, INF2]
    extra = levers.support_extra
    formal = levers.support_professional * (
        _time_share(pro, capacity, load) + extra * _time_share(pro2, capacity, load)
    )
    informal = (
        levers.support_informal
        * (1 - levers.informal_heavy_loss * severity)
        * ((inf >= 0) + extra * (inf2 >= 0))
    )
    if together[cid]:
        synergy = levers.synergy_direct
    elif helper[cid, COORD] >= 0:
        synergy = levers.synergy_linked
    else:
        synergy = 0.0
    return formal + informal + synergy * (pro >= 0 and inf >= 0)


@kernel
def _time_share(who, capacity, load):  # fmt: skip
    """T = min(1, capacity / load) of a professional on the case; 0 if there is none."""
    if who < 0:
        return 0.0
    return min(1.0, capacity[who] / max(load[who], 1.0))


def surface_needs(model: Neighbourhood) -> None:
    """Unreached needs are voiced to the wijkteam or reached by an informal contact."""
    h, p = model.households, model.p
    model.cases.reserve(_unreached(h.needy, h.case))  # at most one case each
    model.cases.n, *out = _surface_needs(
        routes(model), model.cases.n, h.severity, h.needy, h.new, h.circle, h.case, h.served,
        h.wait, h.helped, h.need_start, levers(SurfaceLevers, p),
        p["reach_rate"] * p["civic_activity"],
    )  # fmt: skip
    apply_routed(model, *out)


class SurfaceLevers(NamedTuple):
    """The levers of surfacing (``_surfacing``) and of the second professional."""

    crisis_severity: float
    decision_width: float
    voice_later: float
    complex_severity: float


@kernel
def _unreached(needy, case):  # fmt: skip
    """How many households have an open need without a case."""
    count = 0
    for i in range(len(needy)):
        count += needy[i] and case[i] < 0
    return count


@kernel
def _surface_needs(r, n, severity, needy, new, circle, case, served, wait, helped, need_start,
                   lv, reach):  # fmt: skip
    """``surface_needs``: two draws per household (cases stream), then open and route."""
    u = r.cases.random((2, len(needy)))
    hhs, reached = _surfacing(u, severity, needy, case, new, r.trust_pro, r.contact, r.load,
                              r.capacity, lv, reach)  # fmt: skip
    second = np.empty(len(hhs))
    for k in range(len(hhs)):
        second[k] = second_chance(severity[hhs[k]], lv.complex_severity, lv.decision_width)
    return _open_and_route(r, n, hhs, reached, severity, second, circle, case, served, wait,
                           helped, need_start)  # fmt: skip


@kernel
def _surfacing(u, severity, needy, case, new, trust, contact, load, capacity, lv, reach):  # fmt: skip
    """The households whose open need surfaces this week, and which were reached silently.

    A new need is voiced with probability trust (later ones: ``voice_later`` x trust),
    or forced by crisis, ramp(s - ``crisis_severity``): 1 - (1 - voice)(1 - crisis). An
    unvoiced need is reached by the household's informal contact, if it has room, with
    probability ``reach``.
    """
    hhs, reached = [0][:0], [False][:0]
    for i in range(len(needy)):
        if not needy[i] or case[i] >= 0:
            continue
        voice = trust[i] if new[i] else lv.voice_later * trust[i]
        crisis = ramp_of(severity[i] - lv.crisis_severity, lv.decision_width)
        if u[0, i] < 1.0 - (1.0 - voice) * (1.0 - crisis):
            hhs.append(i), reached.append(False)
        elif contact[i] >= 0 and load[contact[i]] < capacity[contact[i]] and u[1, i] < reach:
            hhs.append(i), reached.append(True)
    return np.array(hhs, np.int64), np.array(reached, np.bool_)


@kernel
def _open_and_route(
    r, n, hhs, reached, severity, second, circle, case, served, wait, helped, need_start
):  # fmt: skip
    """Open a case for each household ``hhs`` in turn and route it (``routing``).

    A silent need (``reached``) goes to the household's informal contact, unless the
    contact filled up with an earlier household this week; a voiced one to the
    wijkteam, of the need's ``severity`` (per household), a second professional
    joining with chance ``second`` (per household in ``hhs``). A need counts its wait
    once, at its first help. Returns the cases opened so far and what the routes
    recorded.
    """
    out = routed()
    for k in range(len(hhs)):
        hh, silent, who = hhs[k], reached[k], r.contact[hhs[k]]
        if silent and r.load[who] >= r.capacity[who]:
            continue
        cid = n
        n += 1
        open_row(cid, hh, r.week, silent, circle[hh], r.household, r.start, r.active, r.silent,
                 r.informal_sources)  # fmt: skip
        case[hh] = cid
        if silent:
            intake_at_informal_k(r, out, cid, who)
        else:
            intake_at_professional_k(r, out, cid, severity[hh], r.home[hh], second[k])
        if not served[hh]:
            served[hh] = True
            wait[hh] += r.week - need_start[hh]
            helped[hh] += 1
    touched, events, counts = handed_back(r, out)
    return n, touched, events, counts


def refer_and_escalate(model: Neighbourhood) -> None:
    """Informal-only cases: late escalation, referral, or the household's own way."""
    p = model.p
    out = _refer_and_escalate(
        routes(model), model.cases.n, model.households.severity, p["escalation_severity"],
        p["decision_width"],
    )  # fmt: skip
    apply_routed(model, *out)


@kernel
def _refer_and_escalate(r, n, need, escalation, width):  # fmt: skip
    """Late escalations first, then referrals (or the household's own way), case by case.

    The open cases with an informal lead and no professional, in case order, draw three
    numbers each (decisions stream): the case escalates late with probability
    ramp(s - ``escalation_severity``); otherwise the informal actor wants to refer it
    with probability ramp(s - its limit). A late escalation goes to the least loaded
    professional of the household's area and to specialist care: a bad contact for the
    professional ("te laat ... opgeschaald": kept too long). A dismissed referral is
    tried again from its retry week; without a route, the household is guided and
    goes to the wijkteam itself with probability ``own_way_rate`` x its trust in
    professionals.
    """
    alone = [0][:0]
    for cid in range(n):
        if r.active[cid] and r.helper[cid, INF] >= 0 and r.helper[cid, PRO] < 0:
            alone.append(cid)
    u = r.rng.random((3, len(alone)))
    inf, severity = np.empty(len(alone), np.int64), np.empty(len(alone))
    late, wants = np.zeros(len(alone), np.bool_), np.zeros(len(alone), np.bool_)
    for k in range(len(alone)):
        inf[k], severity[k] = r.helper[alone[k], INF], need[r.household[alone[k]]]
        late[k] = u[0, k] < ramp_of(severity[k] - escalation, width)
        wants[k] = not late[k] and u[1, k] < ramp_of(severity[k] - r.limit[inf[k]], width)
    u_own = u[2]
    out = routed()
    for k in range(len(alone)):
        if late[k]:
            cid = alone[k]
            area = r.home[r.household[cid]]
            pro = least_loaded(r.load, r.capacity, r.rng, group(r.team, r.team_at, area))
            dismissed_before = r.retry[cid] >= 0  # read before the case changes
            assign_k(r, cid, PRO, pro)
            r.escalated[cid] = True
            r.formal_sources[cid] += 1  # specialist care
            out[2][C_LATE] += 1
            r.bad[pro] += 1
            if r.events:
                kept = float(r.week - r.start[cid])
                who = (int(inf[k]), int(pro), -1)
                record = (EV_LATE, int(cid), int(area), *who, int(dismissed_before), kept,
                          severity[k])  # fmt: skip
                out[1].append(record)
    for k in range(len(alone)):
        if not wants[k]:
            continue
        cid = alone[k]
        if r.retry[cid] <= r.week:
            if refer_k(r, out, cid, inf[k]):
                continue
            if r.events:
                out[1].append((EV_NO_ROUTE, int(cid), -1, -1, -1, -1, 0, 0.0, 0.0))
        hh = r.household[cid]
        if u_own[k] < r.own_way_rate * r.trust_pro[hh]:  # guided, goes itself
            team = group(r.team, r.team_at, r.home[hh])
            assign_k(r, cid, PRO, least_loaded(r.load, r.capacity, r.rng, team))
            out[2][C_OWN_WAY] += 1
    return handed_back(r, out)


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
