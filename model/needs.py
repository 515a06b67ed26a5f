"""Needs: they arise and develop, are supported, surface, and are referred or escalated.

Submodels of docs/ODD.md ("Needs", "Support", "Surfacing", "Referral and late
escalation"): the week's phases before joint work (``model.casework`` has joint work
and closing). Per-household draws come from the *cases* stream in a fixed number per
week, so a lever that changes routing does not reshuffle which households get
problems; per-case decisions come from the *decisions* stream. Thresholds are logistic
ramps of width ``decision_width`` (``routing.ramp``): no route flips at a knife-edge.

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

from .cases import COORD, INF, INF2, PRO, PRO2, open_row
from .jit import kernel, levers
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
    ramp_of,
    refer_k,
    second_chance,
)

if TYPE_CHECKING:
    from .neighbourhood import Neighbourhood


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
