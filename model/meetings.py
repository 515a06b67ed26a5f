"""Meetings: wijktafels, community work and case reflection.

Wijktafels and community work address unfamiliarity, reflection disagreement.

All draws come from the model's *meetings* stream. Submodels of docs/ODD.md
("Wijktafels", "Community work", "Case reflection"). Each area holds its own
meetings, with the actors active in it (its own and the district-wide ones,
``model.areas``). d_i is the us-them distance of the week's view.

*Wijktafels* ("Kennismaking en vertrouwdheid organiseren"), ``wijktafels_per_year``
times a year, organised by coordinators (none without them). Every coordinator of
the district attends. A professional attends with probability
attract_formal (0.5 + 0.5 community) (0.5 + 0.5 free time) (1 - d_i), times
``sociale_basis_push`` when the interplay sits at the sociale basis; an informal
actor with probability attract_informal (1 - d_i), times the format's cultural
sensitivity for a migrant actor ("met name culturele sensitiviteit speelt bij deze
ontmoetingen een belangrijke rol"). Attendees get ``meeting_contact`` with each
other; each attendee has an encounter that is positive with probability
contact_positive + (1 - contact_positive) chair_effect chair_training and negative
with probability contact_negative (1 - chair_effect chair_training): a trained chair
"maakt wij-zij-denken bespreekbaar".

*Community work* ("Hoort ... communitywork (activering van sociale organisatie in de
wijk) tot de basis van het werk"): every week each professional, with probability
community orientation x free time, visits one informal actor of its area drawn at
random (``meeting_contact``, one ordinary encounter). Hybrid workers (Hoorn) do
this most; a full caseload leaves no time for it.

*Case reflection* ("Verplaatsen in elkaars positie (sociale reflectie)"),
``reflection_per_year`` times a year: the actors on cases known to be shared now
(the two leads in direct contact, or a coordinator on the case) plus any other
professional or informal actor with probability ``reflection_invite``, with the
coordinators as chairs. Safety S = safety + (1 - safety) chair_effect
chair_training (chairs only if there are coordinators). Each participant's
recognition of other logics grows by ``reflection_gain`` S (1 - recognition): the
logics themselves do not move ("Verschillen erkennen en benoemen", not erasing
them). Each participant has a good contact with probability S, else a bad one: an
unsafe confrontation hurts ("Dit proces is delicaat en fragiel").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from .cases import COORD, INF, PRO
from .goals import free_share
from .identity import encounter_pair
from .jit import kernel, levers
from .routes import handed_back, routed, routes
from .routing import group
from .state import Side
from .ties import meet_group

if TYPE_CHECKING:
    from .neighbourhood import Neighbourhood

_FORMAL, _INFORMAL, _BROKER = int(Side.FORMAL), int(Side.INFORMAL), int(Side.BROKER)


def is_meeting_week(week: int, per_year: float) -> bool:
    """True if a series of ``per_year`` evenly spaced meetings has one this week."""
    if per_year <= 0:
        return False
    return int(week * per_year / 52.0) > int((week - 1) * per_year / 52.0)


def chair_skill(params: dict) -> float:
    """Share of the remaining room a chair adds: chair_effect x chair_training."""
    return params["chair_effect"] * params["chair_training"]


def hold_wijktafel(model: Neighbourhood, area: int = 0) -> np.ndarray:
    """Hold a wijktafel in ``area``; returns the attendees' actor indices."""
    a, p = model.actors, model.p
    members = model.areas.area_actors[area]
    basis = p["interplay"] == "sociale_basis"
    present, touched, formal, migrant = _wijktafel(
        routes(model), members, a.side, a.community, levers(WijktafelLevers, p),
        p["sociale_basis_push"] if basis else 1.0, chair_skill(p),
    )  # fmt: skip
    model.ties.touched(touched)
    model.counters["wijktafel_attendance"] += len(present)
    model.counters["wijktafel_attendance_formal"] += formal
    model.counters["wijktafel_attendance_migrant"] += migrant
    return present


class WijktafelLevers(NamedTuple):
    """The levers of a wijktafel (module docstring), as ``_wijktafel`` takes them."""

    wijktafel_attract_formal: float
    wijktafel_attract_informal: float
    wijktafel_community_weight: float
    wijktafel_time_weight: float
    wijktafel_cultural_sensitivity: float
    meeting_contact: float
    contact_positive: float
    contact_negative: float


@kernel
def _wijktafel(r, members, side, community, lv, push, chair):  # fmt: skip
    """A wijktafel of ``members`` (none without a coordinator among them).

    Three draws per member (meetings stream); a member comes with the probability of
    the module docstring (a coordinator always). The attendees meet as ``Ties.meet``
    registers a group (every ordered pair, each with itself, row by row; contact added
    here); each has an encounter. Returns the attendees, the positions touched
    (``Ties.touched``) and how many attendees are professionals and migrant informal
    actors.
    """
    n = len(members)
    if not np.any(side[members] == _BROKER):
        return members[:0], members[:0], 0, 0
    wc, wt = lv.wijktafel_community_weight, lv.wijktafel_time_weight
    prob = np.ones(n)
    for k in range(n):
        i = members[k]
        if side[i] == _FORMAL:
            prob[k] = (
                lv.wijktafel_attract_formal
                * ((1.0 - wc) + wc * community[i])
                * ((1.0 - wt) + wt * free_share(r.load[i], r.capacity[i]))
                * (1.0 - r.distance[i])
            ) * push
        elif side[i] == _INFORMAL:
            culture = lv.wijktafel_cultural_sensitivity if r.migrant[i] else 1.0
            prob[k] = lv.wijktafel_attract_informal * (1.0 - r.distance[i]) * culture
    u = r.meetings.random((3, n))
    good_at = lv.contact_positive + (1 - lv.contact_positive) * chair
    bad_at = lv.contact_negative * (1.0 - chair)
    came, formal, migrant = [0][:0], 0, 0
    for k in range(n):
        if u[0, k] < prob[k]:
            i = members[k]
            came.append(i)
            r.good[i] += u[1, k] < good_at
            r.bad[i] += u[2, k] < bad_at
            formal += side[i] == _FORMAL
            migrant += r.migrant[i] and side[i] == _INFORMAL
    present = np.array(came, np.int64)
    return present, _group_met(r, present, lv.meeting_contact), formal, migrant


@kernel
def _group_met(r, group, weight):  # fmt: skip
    """``Ties.meet`` of ``group`` from a kernel (``ties.meet_group``); the positions touched."""
    if len(group) < 2:
        return group[:0]
    return meet_group(group, r.ties.district, r.ties.local, r.ties_offsets, r.ties_sizes,
                      r.ties_contact, weight)  # fmt: skip


def do_community_work(model: Neighbourhood, area: int = 0) -> np.ndarray:
    """Professionals of ``area`` with time visit one informal actor each.

    Each professional does so with probability community x free time; returns the
    professionals who did.
    """
    return _do_community_work(model, area, area + 1)


def do_community_work_everywhere(model: Neighbourhood) -> None:
    """``do_community_work`` in every area, in area order, in one pass.

    For weeks without a wijktafel or reflection (which draw between the areas).
    """
    _do_community_work(model, 0, model.areas.n_areas)


def _do_community_work(model: Neighbourhood, first: int, end: int) -> np.ndarray:
    """Community work in areas ``first`` to ``end - 1``; returns the visiting professionals."""
    p = model.p
    touched, visitors = _community_work(
        routes(model), model.actors.community, first, end, p["meeting_contact"],
        p["contact_positive"], p["contact_negative"],
    )  # fmt: skip
    model.ties.touched(touched)
    model.counters["community_visits"] += len(visitors)
    return visitors


@kernel
def _community_work(r, community, first, end, weight, positive, negative):  # fmt: skip
    """Community work area by area, drawing from the meetings stream.

    Per area three draws per professional and the informal actor each would visit;
    one who visits (u < community x free time) makes contact ``weight`` and an
    ordinary encounter. Returns the positions touched (``Ties.touched``) and the visitors.
    """
    out, visitors = routed(), [0][:0]
    for area in range(first, end):
        pros, informal = group(r.team, r.team_at, area), group(r.members, r.members_at, area)
        if not len(informal):
            continue
        u = r.meetings.random((3, len(pros)))
        pick = r.meetings.integers(0, len(informal), len(pros))
        for k in range(len(pros)):
            i = pros[k]
            if u[0, k] < community[i] * free_share(r.load[i], r.capacity[i]):
                j = informal[pick[k]]
                out[0].append((i, j, weight))
                encounter_pair(i, j, u[1, k], u[2, k], positive, negative, r.good, r.bad)
                visitors.append(i)
    touched, _, _ = handed_back(r, out)
    return touched, np.array(visitors, np.int64)


def hold_reflection(model: Neighbourhood, area: int = 0) -> np.ndarray:
    """Hold a case reflection session in ``area``; returns the participants."""
    a, p = model.actors, model.p
    parts, touched = _reflection(
        routes(model), model.cases.n, area, model.areas.area_actors[area], a.side,
        a.recognition, levers(ReflectionLevers, p), chair_skill(p),
    )  # fmt: skip
    model.ties.touched(touched)
    if len(parts) > 1:
        model.counters["reflection_participation"] += len(parts)
    return parts


class ReflectionLevers(NamedTuple):
    """The levers of case reflection (module docstring), as ``_reflection`` takes them."""

    mech_reflection: bool
    reflection_invite: float
    reflection_safety: float
    reflection_gain: float
    meeting_contact: float


@kernel
def _reflection(r, n, area, members, side, recognition, lv, chair):  # fmt: skip
    """A case reflection session in ``area`` (module docstring), compiled.

    The pool is the area's actors (``members``) and the leads of its open cases known
    to be shared now (direct contact or a coordinator on the case), in actor order; two
    draws each (meetings stream). Returns the participants (coordinators chair, they do
    not take part) and the positions touched (``Ties.touched``); with fewer than two
    participants nothing else happens.
    """
    on_case = np.zeros(len(side), np.bool_)
    pool = [members[k] for k in range(len(members))]
    for cid in range(n):
        if not r.active[cid] or r.home[r.household[cid]] != area:
            continue
        pro, inf = r.helper[cid, PRO], r.helper[cid, INF]
        if pro >= 0 and inf >= 0 and (r.together[cid] or r.helper[cid, COORD] >= 0):
            for who in (pro, inf):
                on_case[who] = True
                pool.append(who)
    pool = np.unique(np.array(pool, np.int64))
    u = r.meetings.random((2, len(pool)))
    taking, chairs = [0][:0], [0][:0]  # participants by their place in the pool; chairs
    for k in range(len(pool)):
        if side[pool[k]] == _BROKER:
            chairs.append(pool[k])
        elif on_case[pool[k]] or u[0, k] < lv.reflection_invite:
            taking.append(k)
    parts = pool[np.array(taking, np.int64)]
    if len(parts) < 2:
        return parts, pool[:0]
    skill = chair if len(chairs) else 0.0
    safety = lv.reflection_safety + (1 - lv.reflection_safety) * skill
    for k in taking:
        i = pool[k]
        if lv.mech_reflection:
            recognition[i] += lv.reflection_gain * safety * (1.0 - recognition[i])
        if u[1, k] < safety:
            r.good[i] += 1
        else:
            r.bad[i] += 1
    group = np.concatenate((parts, np.array(chairs, np.int64)))
    return parts, _group_met(r, group, lv.meeting_contact)
