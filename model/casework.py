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

from typing import TYPE_CHECKING

import numpy as np

from .cases import Role
from .events import Kind
from .identity import encounter
from .links import pair_barriers
from .routing import (
    assign,
    intake_at_informal,
    intake_at_professional,
    least_loaded,
    make_direct,
    ramp,
    refer,
    release_all,
    second_professional_chance,
)
from .ties import disagreement

if TYPE_CHECKING:
    from .neighbourhood import Neighbourhood


def develop_needs(model: Neighbourhood) -> None:
    """New needs arise; existing needs grow without support and shrink with it."""
    h, p = model.households, model.p
    u = model.rng_cases.random((4, len(h)))
    support = np.where(h.circle, p["support_circle"], 0.0)
    ids = model.cases.active_ids()
    support[model.cases.c.household[ids]] += case_support(model, ids)
    drift = 2 * p["need_growth"] * (1 - np.minimum(support, 1.0)) - p["recovery_rate"] * support
    noisy = h.severity + drift + p["need_noise"] * (u[3] - 0.5)
    h.severity[:] = np.where(h.needy, np.clip(noisy, 0.0, 1.0), h.severity)
    new = ~h.needy & (u[0] < p["problem_rate"] * h.vulnerability)
    start = np.clip(
        p["problem_severity"] + p["severity_spread"] * (u[1] + u[2] - 1.0),
        p["min_need_severity"],
        1.0,
    )
    h.severity[new] = start[new]
    h.needy |= new
    h.new[:] = new
    h.need_start[new] = model.week
    h.served[new] = False
    h.needs += new
    h.unmet += np.where(h.needy, h.severity, 0.0)


def case_support(model: Neighbourhood, ids: np.ndarray) -> np.ndarray:
    """Support each active case in ``ids`` receives this week (module docstring)."""
    c, a, p = model.cases.c, model.actors, model.p
    pro, pro2 = c.helper[ids, Role.PRO], c.helper[ids, Role.PRO2]
    inf, inf2 = c.helper[ids, Role.INF], c.helper[ids, Role.INF2]
    has_p, has_i = pro >= 0, inf >= 0

    def time(who: np.ndarray) -> np.ndarray:
        return (who >= 0) * np.minimum(1.0, a.capacity[who] / np.maximum(a.load[who], 1.0))

    sev = model.households.severity[c.household[ids]]
    extra = p["support_extra"]
    formal = p["support_professional"] * (time(pro) + extra * time(pro2))
    informal = (
        p["support_informal"] * (1 - p["informal_heavy_loss"] * sev) * (has_i + extra * (inf2 >= 0))
    )
    synergy = np.where(
        c.together[ids],
        p["synergy_direct"],
        np.where(c.helper[ids, Role.COORD] >= 0, p["synergy_linked"], 0.0),
    )
    return formal + informal + synergy * (has_p & has_i)


def surface_needs(model: Neighbourhood) -> None:
    """Unreached needs are voiced to the wijkteam or reached by an informal contact."""
    h, a, p = model.households, model.actors, model.p
    u = model.rng_cases.random((2, len(h)))
    open_need = h.needy & (h.case < 0)
    voice = np.where(h.new, h.trust_pro, p["voice_later"] * h.trust_pro)
    crisis = ramp(h.severity - p["crisis_severity"], p["decision_width"])
    voiced = open_need & (u[0] < 1.0 - (1.0 - voice) * (1.0 - crisis))
    contact = h.contact
    room = (contact >= 0) & (a.load < a.capacity)[contact]  # -1 (no contact) is masked
    reached = open_need & ~voiced & room & (u[1] < p["reach_rate"] * p["civic_activity"])
    hhs = (voiced | reached).nonzero()[0]
    severities = h.severity[hhs]
    opened = []
    for hh, silent, who, circle, severity, area, second in zip(
        hhs.tolist(),
        reached[hhs].tolist(),
        contact[hhs].tolist(),
        h.circle[hhs].tolist(),
        severities.tolist(),
        h.area[hhs].tolist(),
        second_professional_chance(severities, p).tolist(),
        strict=True,
    ):
        if silent and a.load[who] >= a.capacity[who]:
            continue  # the contact filled up with an earlier household this week
        cid = model.cases.open(hh, model.week, silent=silent, circle=circle)
        h.case[hh] = cid
        opened.append(hh)
        if silent:
            intake_at_informal(model, cid, who)
        else:
            intake_at_professional(model, cid, severity, area, second)
    first = np.array(opened, dtype=np.int64)
    first = first[~h.served[first]]  # a need counts its wait once, at its first help
    h.served[first] = True
    h.wait[first] += model.week - h.need_start[first]
    h.helped[first] += 1


def refer_and_escalate(model: Neighbourhood) -> None:
    """Informal-only cases: late escalation, referral, or the household's own way."""
    c, p, h = model.cases.c, model.p, model.households
    ids = model.cases.active_ids()
    alone = ids[(c.helper[ids, Role.INF] >= 0) & (c.helper[ids, Role.PRO] < 0)]
    if not len(alone):
        return
    u = model.rng_decisions.random((3, len(alone)))
    inf = c.helper[alone, Role.INF]
    hh = c.household[alone]
    sev = h.severity[hh]
    width = p["decision_width"]
    late = u[0] < ramp(sev - p["escalation_severity"], width)
    for k in np.flatnonzero(late):
        cid, area = int(alone[k]), int(h.area[hh[k]])
        pro = least_loaded(model, model.areas.area_formal[area])
        dismissed_before = c.retry[cid] >= 0  # read before the case changes
        assign(model, cid, Role.PRO, pro)
        c.escalated[cid] = True
        c.formal_sources[cid] += 1  # specialist care
        model.counters["late_escalations"] += 1
        model.actors.bad[pro] += 1  # "te laat ... opgeschaald": kept too long
        if model.events.enabled:
            model.events.late_escalation(
                model.week,
                cid,
                area,
                (int(inf[k]), pro),
                dismissed_before,
                model.week - int(c.start[cid]),
                float(sev[k]),
            )
    wants = ~late & (u[1] < ramp(sev - model.view.limit[inf], width))
    for k in wants.nonzero()[0].tolist():
        cid, j = int(alone[k]), int(inf[k])
        if c.retry[cid] <= model.week:
            if refer(model, cid, j):
                continue
            model.events.no_route(cid)
        if u[2][k] < p["own_way_rate"] * h.trust_pro[hh[k]]:  # guided, goes itself
            area = h.area[hh[k]]
            assign(model, cid, Role.PRO, least_loaded(model, model.areas.area_formal[area]))
            model.counters["own_way"] += 1


def work_together(model: Neighbourhood) -> None:
    """Joint work this week: contact, encounters, clashes, introductions, discovery."""
    c, a, p = model.cases.c, model.actors, model.p
    rng, ties, view = model.rng_decisions, model.ties, model.view
    ids = model.cases.active_ids()
    pro, inf, coord = (c.helper[ids, Role.PRO], c.helper[ids, Role.INF], c.helper[ids, Role.COORD])
    both = (pro >= 0) & (inf >= 0)
    direct = both & c.together[ids]
    linked = both & ~direct & (coord >= 0)
    apart = both & ~direct & (coord < 0)
    u = rng.random((5, len(ids)))
    ties.touch(pro[direct], inf[direct], 1.0)
    for x, y in ((pro[linked], coord[linked]), (coord[linked], inf[linked])):
        ties.touch(x, y, p["meeting_contact"])
    encounter(a, p, pro[direct], inf[direct], u[0][direct], u[1][direct])
    _clash(model, ids, pro, inf, direct | linked, u[2], u[3])
    strength = np.zeros(len(ids))
    if both.any():
        strength[both] = ties.get(pro[both], inf[both]) * pair_barriers(
            a, p, view.distance, view.available, pro[both], inf[both]
        )
    found = apart & (u[4] < p["discovery_rate"] * strength)
    if p["mech_brokerage"] and linked.any():
        vouched = np.zeros(len(ids))
        lk = linked & (coord >= 0)
        vouched[lk] = (
            ties.get(pro[lk], coord[lk])
            * ties.get(coord[lk], inf[lk])
            * pair_barriers(a, p, view.distance, view.available, pro[lk], inf[lk])
        )
        boost = 1.0 + p["chair_introduction_boost"] * p["chair_training"]
        found |= linked & (u[4] < p["introduction_rate"] * boost * np.maximum(strength, vouched))
        model.counters["introductions"] += int((found & linked).sum())
    for cid in ids[found]:
        make_direct(model, int(cid))


def _clash(
    model: Neighbourhood,
    ids: np.ndarray,
    pro: np.ndarray,
    inf: np.ndarray,
    shared: np.ndarray,
    u_clash: np.ndarray,
    u_voice: np.ndarray,
) -> None:
    """Logics clash on shared cases; spoken clashes settle, unspoken ones cost.

    A clash happens with probability ``clash_rate`` x D (the pair's logic distance:
    "botsende normatieve logica's rondom casework"). It is voiced and settled with
    probability equal to the pair's mean recognition (a good contact for both:
    "wederzijdse erkenning en compromisvorming"); otherwise it stays unspoken ("lijken
    vaak onuitgesproken te blijven"): a bad contact for both, and helpers in direct
    contact withdraw from it ("terugtrekgedrag").
    """
    a, c = model.actors, model.cases.c
    if not shared.any():
        return
    d = np.zeros(len(ids))
    d[shared] = disagreement(a, pro[shared], inf[shared])
    clash = shared & (u_clash < model.p["clash_rate"] * d)
    if not clash.any():
        return
    rho = 0.5 * (a.recognition[pro] + a.recognition[inf])
    settled = clash & (u_voice < rho)
    unspoken = clash & ~settled
    for who in (pro, inf):
        np.add.at(a.good, who[settled], 1)
        np.add.at(a.bad, who[unspoken], 1)
    apart = unspoken & c.together[ids]
    withdrawn = ids[apart]
    if model.events.enabled:
        areas = _areas(model, withdrawn)
        model.events.pairs(model.week, Kind.WITHDRAWAL, areas, pro[apart], inf[apart], withdrawn)
    c.together[withdrawn] = False
    c.pro_seen[withdrawn] = -1
    model.counters["clashes"] += int(clash.sum())
    model.counters["clashes_unspoken"] += int(unspoken.sum())


def close_cases(model: Neighbourhood) -> None:
    """Solved cases close; professionals close their part; informal help may stop."""
    c, a, h, p = model.cases.c, model.actors, model.households, model.p
    _solved_without_a_case(model)
    ids = model.cases.active_ids()
    if not len(ids):
        return
    u = model.rng_decisions.random((4, len(ids)))
    hh = c.household[ids]
    sev = h.severity[hh]
    pro, inf = c.helper[ids, Role.PRO], c.helper[ids, Role.INF]
    solved = sev < p["resolved_severity"]
    _reward_success(model, ids[solved])
    both = (pro >= 0) & (inf >= 0)
    early = ~solved & both & (u[0] < ramp(p["pro_close_severity"] - sev, p["decision_width"]))
    aware = (c.helper[ids, Role.COORD] >= 0) | (u[2] < model.ties.get(pro, np.maximum(inf, 0)))
    felt = early & ~c.together[ids] & aware & _left_beyond_wish(model, inf, sev, u[3])
    np.add.at(a.bad, inf[felt], 1)
    model.counters["discontinuities"] += int(felt.sum())
    if model.events.enabled:
        gone = ids[felt]
        model.events.pairs(
            model.week, Kind.DISCONTINUITY, _areas(model, gone), inf[felt], pro[felt], gone
        )
    model.counters["warm_handovers"] += int((early & c.together[ids]).sum())
    release_all(model, ids[early], (Role.PRO, Role.PRO2, Role.COORD))
    inf = c.helper[ids, Role.INF]
    drops = ~solved & (inf >= 0) & (u[1] > a.continuity[np.maximum(inf, 0)])
    seen = (
        drops
        & (c.helper[ids, Role.PRO] >= 0)
        & (c.together[ids] | (c.helper[ids, Role.COORD] >= 0))
    )
    np.add.at(a.bad, c.helper[ids, Role.PRO][seen], 1)  # "continuïteit" doubted
    _informal_stops(model, ids[drops])
    helpers = c.helper[ids][:, [Role.PRO, Role.PRO2, Role.INF, Role.INF2]]
    empty = ~solved & (helpers < 0).all(axis=1)
    end_cases(model, ids[solved | empty])
    h.needy[hh[solved]] = False
    h.severity[hh[solved]] = 0.0
    h.resolved[hh[solved]] += 1


def _left_beyond_wish(
    model: Neighbourhood, inf: np.ndarray, severity: np.ndarray, u: np.ndarray
) -> np.ndarray:
    """Whether informal actors left alone on a case carry more than they want to.

    The same test as for a case handed over without contact (``routing``): the need is
    beyond the actor's limit ("niet grensoverschrijdend bezig zijn"), or, with probability
    1 - w_j, the actor did not want so large a role. Only then is a professional's
    leaving felt as discontinuity ("soms ... discontinuïteit ervaren").
    """
    j = np.maximum(inf, 0)
    view = model.view
    return (severity > view.limit[j]) | (u < 1.0 - view.wanted[j])


def _areas(model: Neighbourhood, ids: np.ndarray) -> np.ndarray:
    """The areas of the households of cases ``ids``."""
    return model.households.area[model.cases.c.household[ids]]


def _solved_without_a_case(model: Neighbourhood) -> None:
    """A need below ``resolved_severity`` with no case (the own circle helped) is solved."""
    h = model.households
    done = h.needy & (h.case < 0) & (h.severity < model.p["resolved_severity"])
    h.needy[done] = False
    h.severity[done] = 0.0
    h.resolved[done] += 1


def _reward_success(model: Neighbourhood, solved: np.ndarray) -> None:
    """A need solved by helpers who kept direct contact: a good contact for both."""
    c, a = model.cases.c, model.actors
    ok = solved[(c.pro_seen[solved] >= 0) & (c.inf_seen[solved] >= 0)]
    model.counters["joint_successes"] += len(ok)
    if model.events.enabled:
        pair = (c.pro_seen[ok], c.inf_seen[ok])
        model.events.pairs(model.week, Kind.JOINT_SUCCESS, _areas(model, ok), *pair, ok)
    if model.p["mech_success"] and len(ok):
        np.add.at(a.good, c.pro_seen[ok], 1)
        np.add.at(a.good, c.inf_seen[ok], 1)


def _informal_stops(model: Neighbourhood, ids: np.ndarray) -> None:
    """The lead informal actors stop; a second informal source takes over the lead."""
    if not len(ids):
        return
    c = model.cases.c
    release_all(model, ids, (Role.INF, Role.COORD))
    c.inf_seen[ids] = -1
    second = c.helper[ids, Role.INF2]
    moved = second >= 0
    c.helper[ids[moved], Role.INF] = second[moved]
    c.helper[ids[moved], Role.INF2] = -1


def end_case(model: Neighbourhood, cid: int) -> None:
    """Close case ``cid``: release everyone and free the household."""
    end_cases(model, np.array([cid], dtype=np.int64))


def end_cases(model: Neighbourhood, ids: np.ndarray) -> None:
    """Close the cases ``ids`` (distinct): release everyone and free the households."""
    if not len(ids):
        return
    release_all(model, ids, tuple(Role))
    c = model.cases.c
    c.active[ids] = False
    c.end[ids] = model.week
    model.households.case[c.household[ids]] = -1
