"""Meetings: wijktafels, community work and case reflection.

Wijktafels and community work address unfamiliarity, reflection disagreement.

All draws come from the model's *meetings* stream. Submodels (docs/ODD.md,
"Wijktafels", "Case reflection"):

Each area holds its own meetings, with the actors active in it (its own and the
district-wide ones, ``model.areas``).

*Wijktafels* ("Kennismaking en vertrouwdheid organiseren"), ``wijktafels_per_year``
times a year, organised by coordinators (none without them). Every coordinator of
the district attends. A professional attends with probability
attract_formal x (0.5 + 0.5 community) x (0.5 + 0.5 free time), halved when the
interplay sits at the sociale basis; an informal actor with probability
attract_informal x (1 - 0.5 ingroup), times the format's cultural sensitivity for a
migrant actor. All attendees get half a week of contact with each other, and each a
good contact with probability 0.15 + 0.35 chair_training: acquaintance is
superficial unless a trained chair makes us-them discussable.

*Community work* ("Hoort ... communitywork (activering van sociale organisatie in de
wijk) tot de basis van het werk"): every week each professional, with probability
community orientation x free time, spends time with one informal actor drawn at
random (half a week of contact). Hybrid workers (Hoorn) do this most; a full
caseload leaves no time for it.

*Case reflection* ("Verplaatsen in elkaars positie (sociale reflectie)"),
``reflection_per_year`` times a year: the actors on cases that are known to be
shared now (the two in direct contact, or a coordinator on the case) plus any
other professional or informal actor with probability 0.25, with the coordinators as chairs. Safety
S = safety + (1 - safety) 0.5 chair_training (chairs only if there are
coordinators). Each participant's logics move towards the participants' mean by
``reflection_gain`` x S, and its role view towards the model's role by
``reflection_gain`` x S x clarity. Each participant has a good contact (recognition)
with probability S, else a bad one: an unsafe confrontation hurts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..agents.base import BROKER, FORMAL, INFORMAL
from .identity import MODEL_ROLE, effective_clarity
from .links import free_time

if TYPE_CHECKING:
    from .neighbourhood import Neighbourhood


def is_meeting_week(week: int, per_year: float) -> bool:
    """True if a series of ``per_year`` evenly spaced meetings has one this week."""
    if per_year <= 0:
        return False
    return int(week * per_year / 52.0) > int((week - 1) * per_year / 52.0)


def hold_wijktafel(model: Neighbourhood, area: int = 0) -> np.ndarray:
    """Hold a wijktafel in ``area``; returns the attendees' actor indices."""
    a, p = model.actors, model.p
    members = model.areas.area_actors[area]
    side = a["side"][members]
    if not np.any(side == BROKER):
        return np.zeros(0, dtype=int)
    prob = np.ones(len(members))
    formal = side == FORMAL
    fm = members[formal]
    prob[formal] = (p["wijktafel_attract_formal"] * (0.5 + 0.5 * a["community"][fm])
                    * (0.5 + 0.5 * free_time(a, fm)))
    if p["interplay"] == "sociale_basis":
        prob[formal] *= 0.5
    informal = side == INFORMAL
    im = members[informal]
    culture = np.where(a["migrant"][im], p["wijktafel_cultural_sensitivity"], 1.0)
    prob[informal] = p["wijktafel_attract_informal"] * (1 - 0.5 * a["ingroup"][im]) * culture
    u = model.rng_meetings.random((2, len(members)))
    came = u[0] < prob
    present = members[came]
    model.ties.meet(present, 0.5)
    pleasant = u[1][came] < 0.15 + 0.35 * p["chair_training"]
    np.add.at(model.good, present[pleasant], 1)
    model.counters["wijktafel_attendance"] += len(present)
    return present


def do_community_work(model: Neighbourhood, area: int = 0) -> np.ndarray:
    """Professionals of ``area`` with time do community work with one informal actor.

    Each professional does so with probability community x free time, with an
    informal actor active in its area; returns the professionals who did.
    """
    a, ties = model.actors, model.ties
    pros, informal = model.areas.area_formal[area], model.areas.area_informal[area]
    if not len(informal):
        return np.zeros(0, dtype=int)
    u = model.rng_meetings.random(len(pros))
    pick = model.rng_meetings.integers(len(informal), size=len(pros))
    active = u < a["community"][pros] * free_time(a, pros)
    ties.touch(pros[active], informal[pick[active]], 0.5)
    return pros[active]


def hold_reflection(model: Neighbourhood, area: int = 0) -> np.ndarray:
    """Hold a case reflection session in ``area``; returns the participants."""
    a, p, c = model.actors, model.p, model.cases.cols
    ids = model.cases.active_ids()
    ids = ids[model.areas.household_area[c["household"][ids]] == area]
    shared = ids[(c["pro"][ids] >= 0) & (c["inf"][ids] >= 0)
                 & (c["together"][ids] | (c["coord"][ids] >= 0))]
    on_cases = np.concatenate([c["pro"][shared], c["inf"][shared]])
    pool = np.union1d(model.areas.area_actors[area], on_cases)
    side = a["side"][pool]
    u = model.rng_meetings.random((2, len(pool)))
    invited = np.isin(pool, on_cases) | ((side != BROKER) & (u[0] < 0.25))
    chairs = side == BROKER
    taking_part = invited & ~chairs
    parts = pool[taking_part]
    if len(parts) < 2:
        return parts
    chair = p["chair_training"] if chairs.any() else 0.0
    safety = p["reflection_safety"] + (1 - p["reflection_safety"]) * 0.5 * chair
    step = p["reflection_gain"] * safety
    for logic in ("knowledge", "role_view"):
        a[logic][parts] += step * (a[logic][parts].mean() - a[logic][parts])
    target = MODEL_ROLE[p["hybridisation_model"]]
    a["role_view"][parts] += step * effective_clarity(p) * (target - a["role_view"][parts])
    ok = u[1][taking_part] < safety
    np.add.at(model.good, parts[ok], 1)
    np.add.at(model.bad, parts[~ok], 1)
    model.ties.meet(np.concatenate([parts, pool[chairs]]), 0.5)
    model.counters["reflection_participation"] += len(parts)
    return parts
