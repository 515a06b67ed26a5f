"""Casework: needs develop, cases are supported, referred, escalated and closed.

Submodels (docs/ODD.md, III.iv: "Needs", "Support", "Late escalation", "Joint work",
"Closure"). Per-household draws come from the *cases* stream in a fixed number per
week, so a lever that changes routing does not reshuffle which households get
problems; per-case decisions come from the *decisions* stream.

Support s of a case, with the professional's time share T_p = min(1, cap/load):

    support = 0.8 T_p [pro] + 0.6 (1 - 0.6 sev) [informal] + synergy
    synergy = 0.3 if the two are in direct contact now (``together``),
              0.15 if a coordinator links them now, else 0

Need dynamics (growth g = ``need_growth``, noise e uniform in +-0.01):

    sev <- clip(sev + 2 g (1 - min(support, 1)) - 0.05 support + e, 0, 1)

Informal help alone resolves light needs (below about 0.4: practical and emotional
support) but not heavy ones, which keep growing until referred or escalated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .identity import wanted_role
from .links import pair_strength
from .routing import (
    assign,
    case_area,
    intake_at_informal,
    intake_at_professional,
    least_loaded_professional,
    make_direct,
    refer,
)
from .ties import disagreement

if TYPE_CHECKING:
    from .neighbourhood import Neighbourhood

RESOLVED = 0.08          # a need below this is solved
PRO_CLOSES = 0.3         # professionals close their part once the need is this light
ESCALATION = 0.85        # an informal-only case this severe escalates late
CRISIS = 0.9             # an unreached need this severe reaches the wijkteam anyway
VOICE_LATER = 0.05       # weekly chance (times trust) that a silent need is voiced
REACH = 0.25             # weekly chance (times civic activity) a contact reaches it
DISCOVERY = 0.5          # weekly chance (times L) co-existing helpers find each other


def develop_needs(model: Neighbourhood) -> None:
    """New needs arise and existing needs grow or shrink with support."""
    h, p = model.households, model.p
    u = model.rng_cases.random((4, len(h["severity"])))
    support = np.zeros(len(h["severity"]))
    ids = model.cases.active_ids()
    support[model.cases.cols["household"][ids]] = case_support(model, ids)
    sev = h["severity"]
    drift = 2 * p["need_growth"] * (1 - np.minimum(support, 1.0)) - 0.05 * support
    sev[:] = np.where(h["needy"], np.clip(sev + drift + 0.02 * (u[3] - 0.5), 0, 1), sev)
    new = ~h["needy"] & (u[0] < p["problem_rate"] * h["vulnerability"])
    start = np.clip(p["problem_severity"] + 0.3 * (u[1] + u[2] - 1.0), 0.05, 1.0)
    sev[new] = start[new]
    h["needy"] |= new
    h["new"] = new


def case_support(model: Neighbourhood, ids: np.ndarray) -> np.ndarray:
    """Support each active case in ``ids`` receives this week."""
    c, a = model.cases.cols, model.actors
    pro, inf = c["pro"][ids], c["inf"][ids]
    has_p, has_i = pro >= 0, inf >= 0
    time = np.minimum(1.0, a["capacity"][pro] / np.maximum(a["load"][pro], 1.0))
    sev = model.households["severity"][c["household"][ids]]
    synergy = np.where(c["together"][ids], 0.3, np.where(c["coord"][ids] >= 0, 0.15, 0.0))
    return (0.8 * time * has_p + 0.6 * (1 - 0.6 * sev) * has_i
            + synergy * (has_p & has_i))


def surface_needs(model: Neighbourhood) -> None:
    """Unreached needs are voiced to the wijkteam or reached by an informal contact."""
    h, a = model.households, model.actors
    rng = model.rng_cases
    n = len(h["severity"])
    u = rng.random((2, n))
    open_need = h["needy"] & (h["case"] < 0)
    voice_p = np.where(h["new"], h["trust_pro"], VOICE_LATER * h["trust_pro"])
    voiced = open_need & ((u[0] < voice_p) | (h["severity"] >= CRISIS))
    contact = h["contact"]
    room = np.zeros(n, bool)
    has = contact >= 0
    room[has] = a["load"][contact[has]] < a["capacity"][contact[has]]
    reached = open_need & ~voiced & room & (u[1] < REACH * model.p["civic_activity"])
    for hh in np.flatnonzero(voiced | reached):
        if reached[hh] and a["load"][contact[hh]] >= a["capacity"][contact[hh]]:
            continue  # the contact filled up with an earlier household this week
        cid = model.cases.open(int(hh), model.week, silent=bool(reached[hh]))
        h["case"][hh] = cid
        sev = float(h["severity"][hh])
        if voiced[hh]:
            intake_at_professional(model, cid, sev)
        else:
            intake_at_informal(model, cid, int(contact[hh]), sev)


def refer_and_escalate(model: Neighbourhood) -> None:
    """Informal-only cases beyond the actor's limit are referred; severe ones escalate."""
    c, a = model.cases.cols, model.actors
    ids = model.cases.active_ids()
    alone = ids[(c["inf"][ids] >= 0) & (c["pro"][ids] < 0)]
    if not len(alone):
        return
    inf = c["inf"][alone]
    sev = model.households["severity"][c["household"][alone]]
    limit = 0.25 + 0.5 * wanted_role(a["role_view"][inf], model.p) + 0.15 * (
        1 - a["knowledge"][inf])
    late = sev >= ESCALATION
    for cid in alone[late]:
        p = least_loaded_professional(model, case_area(model, int(cid)))
        assign(model, int(cid), "pro", p)
        c["escalated"][cid] = True
        model.counters["late_escalations"] += 1
        model.bad[p] += 1
    due = ~late & (sev > limit) & (c["retry"][alone] <= model.week)
    for cid, j in zip(alone[due], inf[due], strict=True):
        refer(model, int(cid), int(j))


def work_together(model: Neighbourhood) -> None:
    """Joint work this week: contact, clashes over disagreement, discovery."""
    c, a = model.cases.cols, model.actors
    rng = model.rng_decisions
    ids = model.cases.active_ids()
    pro, inf, coord = c["pro"][ids], c["inf"][ids], c["coord"][ids]
    both = (pro >= 0) & (inf >= 0)
    direct = both & c["together"][ids]
    linked = both & ~direct & (coord >= 0)
    ties = model.ties
    ties.touch(pro[direct], inf[direct], 1.0)
    for x, y in ((pro[linked], coord[linked]), (coord[linked], inf[linked])):
        ties.touch(x, y, 0.5)
    dp, di = pro[direct], inf[direct]
    clash = rng.random(len(dp)) < model.p["clash_rate"] * disagreement(a, dp, di)
    np.add.at(model.bad, dp[clash], 1)
    np.add.at(model.bad, di[clash], 1)
    model.counters["clashes"] += int(clash.sum())
    apart = both & ~direct & (coord < 0)
    cand = ids[apart]
    if len(cand):
        found = rng.random(len(cand)) < DISCOVERY * pair_strength(model, pro[apart], inf[apart])
        for cid in cand[found]:
            make_direct(model, int(cid), int(c["pro"][cid]), int(c["inf"][cid]))


def close_cases(model: Neighbourhood) -> None:
    """Solved cases close; professionals close early; informal help may stop."""
    c, a, h = model.cases.cols, model.actors, model.households
    rng = model.rng_decisions
    ids = model.cases.active_ids()
    if not len(ids):
        return
    hh = c["household"][ids]
    sev = h["severity"][hh]
    pro, inf = c["pro"][ids], c["inf"][ids]
    both = (pro >= 0) & (inf >= 0)
    solved = sev < RESOLVED
    good_pair = solved & both & c["together"][ids]
    np.add.at(model.good, pro[good_pair], 1)
    np.add.at(model.good, inf[good_pair], 1)
    early = ~solved & both & (sev < PRO_CLOSES)
    unseen = early & ~c["together"][ids]
    np.add.at(model.bad, inf[unseen], 1)
    model.counters["discontinuities"] += int(unseen.sum())
    for cid in ids[early]:
        release(model, int(cid), "pro")
        release(model, int(cid), "coord")
    has_i = ~solved & (c["inf"][ids] >= 0)
    drops = has_i & (rng.random(len(ids)) > a["continuity"][np.maximum(c["inf"][ids], 0)])
    seen = drops & (c["pro"][ids] >= 0) & (c["together"][ids] | (c["coord"][ids] >= 0))
    np.add.at(model.bad, c["pro"][ids][seen], 1)
    for cid in ids[drops]:
        release(model, int(cid), "inf")
        release(model, int(cid), "coord")
    empty = ~solved & (c["pro"][ids] < 0) & (c["inf"][ids] < 0)
    for cid in ids[solved | empty]:
        end_case(model, int(cid))
    h["needy"][hh[solved]] = False
    h["severity"][hh[solved]] = 0.0


def release(model: Neighbourhood, cid: int, role: str) -> None:
    """Take the actor in ``role`` off case ``cid`` (no-op if there is none)."""
    who = int(model.cases.cols[role][cid])
    if who >= 0:
        model.actors["load"][who] -= 1
        model.cases.cols[role][cid] = -1
        if role != "coord":
            model.cases.cols["together"][cid] = False


def end_case(model: Neighbourhood, cid: int) -> None:
    """Close case ``cid``: release everyone and free the household."""
    for role in ("pro", "inf", "coord"):
        release(model, cid, role)
    c = model.cases.cols
    c["active"][cid] = False
    c["end"][cid] = model.week
    model.households["case"][c["household"][cid]] = -1
