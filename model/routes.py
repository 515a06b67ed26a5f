"""The routes' state: what the routing kernels read and change, and what they record.

``Routes`` holds the model's columns (case book, households, actors), its groups
(per area, district and coordinator), the week's view, the ties' lookup, the levers the
routes read and the decisions stream, as one reference that compiled kernels pass to
each other for the cost of a pointer (numba's ``structref``; a tuple of its seventy
fields would be copied at every call). ``routes(model)`` builds it once and sets the
week's view in it every week. The kernels record what Python applies afterwards, in
the order it happened (``Routed``): the week's contact (``Ties.touch``), the counters
(``COUNTED``) and the event log.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple
from weakref import WeakKeyDictionary

import numpy as np
from numba.core import types
from numba.experimental import structref

from .events import Event, Kind
from .groups import flatten
from .identity import professional_push
from .jit import kernel
from .links import BarrierWeights, barrier_weights
from .ties import Lookup, add_contact

if TYPE_CHECKING:
    from .neighbourhood import Neighbourhood

# the counters the routes count, in the order of ``Routed.counts``
COUNTED = (
    "silent_reached",
    "instrumentalisations",
    "referrals",
    "referrals_migrant",
    "referrals_taken_seriously",
    "referrals_dismissed",
    "late_escalations",
    "own_way",
)
(C_SILENT_REACHED, C_INSTRUMENTALISATIONS, C_REFERRALS, C_REFERRALS_MIGRANT, C_TAKEN,
 C_DISMISSED, C_LATE, C_OWN_WAY) = range(len(COUNTED))  # fmt: skip
# kinds of the event records (``Routed.events``)
EV_REFERRAL, EV_NO_ROUTE, EV_LATE, EV_INSTRUMENTALISED = range(4)


class RouteFields(NamedTuple):
    """The fields of ``Routes``: columns, groups, the week's view, levers."""

    week: int
    events: bool
    # the case book
    household: np.ndarray
    helper: np.ndarray
    formal: np.ndarray
    informal: np.ndarray
    linked: np.ndarray
    direct: np.ndarray
    together: np.ndarray
    pro_seen: np.ndarray
    inf_seen: np.ndarray
    formal_sources: np.ndarray
    informal_sources: np.ndarray
    escalated: np.ndarray
    retry: np.ndarray
    start: np.ndarray
    active: np.ndarray
    silent: np.ndarray
    # households and actors
    home: np.ndarray
    trust_pro: np.ndarray
    contact: np.ndarray
    load: np.ndarray
    capacity: np.ndarray
    formalisation: np.ndarray
    migrant: np.ndarray
    good: np.ndarray
    bad: np.ndarray
    pushed: np.ndarray
    actor_area: np.ndarray
    actor_district: np.ndarray
    knowledge: np.ndarray
    role_view: np.ndarray
    recognition: np.ndarray
    uncertainty: np.ndarray
    sensitivity: np.ndarray
    # groups: per area, per district, per coordinator (``areas.Grouped``)
    team: np.ndarray
    team_at: np.ndarray
    members: np.ndarray
    members_at: np.ndarray
    brokers: np.ndarray
    brokers_at: np.ndarray
    volunteers: np.ndarray
    volunteers_at: np.ndarray
    # the week's view and the ties
    wanted: np.ndarray
    limit: np.ndarray
    distance: np.ndarray
    available: np.ndarray
    links: np.ndarray
    ties: Lookup
    ties_contact: np.ndarray
    ties_offsets: np.ndarray
    ties_sizes: np.ndarray
    weights: BarrierWeights
    # levers
    brokerage: bool
    parallel: float
    involve: float
    formalised_preference: float
    meeting_contact: float
    handover_felt: float
    referral_base: float
    retry_weeks: int
    own_way_rate: float


class Routed(NamedTuple):
    """What the routes did that Python applies, in order.

    ``touches``: contact (i, j, weight) for ``Ties.touch``; ``events``: records
    (kind, case, area, actor, actor, actor, flag, value, value) for the event log
    (only when it is on); ``counts``: increments of the ``COUNTED`` counters.
    """

    touches: list
    events: list
    counts: np.ndarray


@structref.register
class RoutesType(types.StructRef):
    """Numba's type of ``Routes``."""

    def preprocess_fields(self, fields):  # noqa: D102 (numba's hook)
        return tuple((name, types.unliteral(typ)) for name, typ in fields)


class Routes(structref.StructRefProxy):
    """What the weekly kernels read and change: ``RouteFields`` and three random streams.

    ``rng`` is the decisions stream, ``meetings`` and ``cases`` the others.

    A reference (numba's ``structref``): kernels pass it to each other for the cost of
    a pointer, where a tuple of its seventy fields would be copied at every call.
    Built by ``routes``, which keeps it while its fields are the model's.
    """


structref.define_proxy(Routes, RoutesType, [*RouteFields._fields, "rng", "meetings", "cases"])


@kernel
def _new_routes(fields, rng, meetings, cases):  # fmt: skip
    return Routes(*fields[0:], rng, meetings, cases)  # (numba unpacks tuples, not named ones)


@kernel
def _new_week(r, week, wanted, limit, distance, available, links, ties):  # fmt: skip
    r.week = week
    r.wanted, r.limit, r.distance, r.available, r.links = wanted, limit, distance, available, links
    r.ties = ties


_BUILT: WeakKeyDictionary = WeakKeyDictionary()  # model -> [Routes, what it was built from]


def routes(model: Neighbourhood) -> Routes:
    """The model's ``Routes`` now.

    Built once, and again when the case book grew, the levers changed or the event log
    was switched; every week the week's view and the ties' lookup are set in it. The
    tables' columns are changed in place, never replaced, as everywhere in the model.
    The case book must have room for the cases the kernels open (``CaseBook.reserve``).
    """
    kept = _BUILT.get(model)
    if kept is not None:
        r, key = kept
        if _unchanged(key, model):  # the common case: one look
            return r
        if _stable(key, model):  # a new week, or the ties' arrays grew: set the week's view
            v = model.view
            _new_week(r, model.week, v.wanted, v.limit, v.distance, v.available, v.table,
                      model.ties.lookup())  # fmt: skip
            kept[1] = _key(model)
            return r
    r = _new_routes(
        _fields(model, model.ties.lookup()), model.rng_decisions, model.rng_meetings,
        model.rng_cases,
    )  # fmt: skip
    _BUILT[model] = [r, _key(model)]
    return r


def _key(model: Neighbourhood) -> tuple:
    """What ``routes`` was built from: the objects its fields come from, week and log."""
    t = model.ties
    return (
        model.view, t._values, t._slot, t._dense, model.cases.c, model.p, model.actors,
        model.households, model.rng_decisions, model.rng_meetings, model.rng_cases, model.week,
        model.events.enabled,
    )  # fmt: skip


def _unchanged(key: tuple, model: Neighbourhood) -> bool:
    """Whether ``_key(model)`` would give ``key``: the week's view as well as ``_stable``."""
    t = model.ties
    return (
        key[0] is model.view and key[1] is t._values and key[2] is t._slot
        and key[3] is t._dense and key[11] == model.week and _stable(key, model)
    )  # fmt: skip


def _stable(key: tuple, model: Neighbourhood) -> bool:
    """Whether what ``routes`` was built from, besides the week's view, is still the model's."""
    return (
        key[4] is model.cases.c and key[5] is model.p and key[6] is model.actors
        and key[7] is model.households and key[8] is model.rng_decisions
        and key[9] is model.rng_meetings and key[10] is model.rng_cases
        and key[12] == model.events.enabled
    )  # fmt: skip


def _fields(model: Neighbourhood, lookup: Lookup) -> RouteFields:
    """The model's ``RouteFields`` now."""
    c, h, a, p, view = model.cases.c, model.households, model.actors, model.p, model.view
    g = model.areas.grouped
    volunteers, volunteers_at = flatten(model.volunteers_of, len(a))
    return RouteFields(
        model.week, model.events.enabled,
        c.household, c.helper, c.formal, c.informal, c.linked, c.direct, c.together,
        c.pro_seen, c.inf_seen, c.formal_sources, c.informal_sources, c.escalated, c.retry,
        c.start, c.active, c.silent,
        h.area, h.trust_pro, h.contact, a.load, a.capacity, a.formalisation, a.migrant, a.good,
        a.bad, a.pushed, model.areas.actor_area, model.areas.actor_district, a.knowledge,
        a.role_view, a.recognition, a.uncertainty, a.cultural_sensitivity,
        g.team, g.team_at, g.informal, g.informal_at, g.brokers, g.brokers_at,
        volunteers, volunteers_at,
        view.wanted, view.limit, view.distance, view.available, view.table,
        lookup, model.ties.contact_flat, model.ties._offsets, model.ties._sizes,
        barrier_weights(p),
        bool(p["mech_brokerage"]), p["civic_activity"] * p["parallel_help"],
        p["involve_base"] + professional_push(p), p["formalised_preference"],
        p["meeting_contact"], p["handover_felt"], p["referral_base"], int(p["retry_weeks"]),
        p["own_way_rate"],
    )  # fmt: skip


def apply_routed(
    model: Neighbourhood, touched: np.ndarray, events: list, counts: np.ndarray
) -> None:
    """Apply what the routes recorded: contact (``handed_back``), counters, events in order."""
    model.ties.touched(touched)
    for key, count in zip(COUNTED, counts.tolist(), strict=True):
        if count:
            model.counters[key] += count
    if not events:
        return
    log, week = model.events, model.week
    for kind, case, area, x, y, z, flag, v1, v2 in events:
        if kind == EV_REFERRAL:
            log.referral(week, case, area, (x, y, z), bool(flag), v1, v2)
        elif kind == EV_NO_ROUTE:
            log.no_route(case)
        elif kind == EV_LATE:
            log.late_escalation(week, case, area, (x, y), bool(flag), int(v1), v2)
        else:
            log.add(Event(week, Kind.INSTRUMENTALISED, area, (x,), values=(v1, v2)))


@kernel
def handed_back(r, out):  # fmt: skip
    """What a kernel hands back to Python of its ``Routed``: contact applied, events, counts.

    The recorded contact (i, j, weight) is added to the ties' contact as ``Ties.touch``
    adds it (``ties.add_contact``); the positions touched are returned for
    ``Ties.touched``.
    """
    touches = out[0]
    i, j, weight = (
        np.empty(len(touches), np.int64),
        np.empty(len(touches), np.int64),
        np.empty(len(touches)),
    )
    for k in range(len(touches)):
        i[k], j[k], weight[k] = touches[k]
    positions = add_contact(r.ties_contact, r.ties.row, r.ties.local, i, j, weight)
    return positions, out[1], out[2]


@kernel
def routed():  # fmt: skip
    """An empty ``Routed`` (typed lists for the kernels to fill)."""
    touches = [(0, 0, 0.0)][:0]
    events = [(0, 0, 0, 0, 0, 0, 0, 0.0, 0.0)][:0]
    return touches, events, np.zeros(len(COUNTED), np.int64)
