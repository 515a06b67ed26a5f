"""The event log: what happened in a run, week by week, for telling it as a story.

The model's gauges say *how much*; the event log says *what happened to whom*: the
first tie between a professional and an informal actor that grew strong in an area, a
referral taken seriously or dismissed, a late escalation and why the case was kept
that long, a pair that stopped working together after an unspoken clash, a hand-over
without contact, a need solved together, a change of regime, a scheduled policy
change. ``samenspel.story`` turns the log into a readable account (NL/EN).

The log only observes: it draws no random numbers and changes no state, so a run gives
the same results with the log on or off (tested). It is off by default (sweeps,
comparisons and the command line's ``run`` do not pay for it) and on in the dashboard's
Explore page and ``samenspel story``.

Memory is bounded whatever the run's length or size: every kind of event is *counted*
per week (an array of weeks x kinds), late escalations per cause, and the first two
values of each kind summed (for exact means); only the first ``keep`` and the last
``keep`` events of each kind are kept in full.

Two events are judgements over time rather than single acts, declared here because the
research gives no rule for them (they shape only the story, never the model):

* *A tie grown* (or *faded*): a pair of a professional and an informal actor whose
  familiarity rose to ``strong_tie`` or above this week (or fell below it), the same
  threshold as the gauges' strong ties; ties strong from the start are not events.
  The first tie grown in an area is also recorded as the area's *first tie*, with the
  case the two share at that moment, if any.
* *Regime change*: the regime is the joint mode (co-existence, intermediated,
  co-production) with the largest mean share of open cases over the last
  ``REGIME_WINDOW`` weeks (as ``outputs.regime`` does over a year); a new regime is
  recorded once it has led for ``REGIME_HOLD`` weeks in a row, at the first of those
  weeks, so two modes running neck and neck do not make a story of flips.

The cause of a late escalation is read from the case's history: a referral of it had
been dismissed before (``DISMISSED``); else its informal helper had wanted to refer it
but found no route to the wijkteam (``NO_ROUTE``); else, if the need was already past the escalation point in the week the helper first heard
of it (``SILENT``: a need that grew unseen); else the helper never tried, because the
need stayed within what it saw as its own limit (``KEPT``).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING, Any

import numpy as np

from .state import Mode, Side

if TYPE_CHECKING:
    from .neighbourhood import Neighbourhood

KEEP = 200
"""Events kept in full per kind, at the start and again at the end of a run."""
REGIME_WINDOW = 26
"""Weeks over which the regime's mode shares are averaged."""
REGIME_HOLD = 8
"""Weeks a new leading mode must lead before a regime change is recorded."""
NO_ROUTE_CASES = 10_000
"""Open cases remembered as 'wanted to refer, found no route' (oldest forgotten)."""
JOINT = (Mode.COEXISTENCE, Mode.INTERMEDIATED, Mode.COPRODUCTION)


class Kind(IntEnum):
    """What happened."""

    POLICY = 0
    FIRST_TIE = 1
    REFERRAL_TAKEN = 2
    REFERRAL_DISMISSED = 3
    LATE_ESCALATION = 4
    WITHDRAWAL = 5
    INSTRUMENTALISED = 6
    JOINT_SUCCESS = 7
    DISCONTINUITY = 8
    REGIME = 9
    TIE_GROWN = 10
    TIE_FADED = 11


class Cause(IntEnum):
    """Why a late escalation's case stayed with its informal helper (module docstring)."""

    NONE = -1
    DISMISSED = 0
    NO_ROUTE = 1
    SILENT = 2
    KEPT = 3


@dataclass(frozen=True, slots=True)
class Event:
    """One event.

    Attributes:
        week: Week it happened in.
        kind: What happened.
        area: Area it happened in (-1: the whole neighbourhood).
        actors: The actors involved, most important first (a professional and an
            informal actor for most kinds; the coordinator last when one linked them).
        case: The case involved, or -1.
        cause: For a late escalation, why the case was kept (``Cause``).
        values: Numbers that explain it: familiarity and us-them distance for a
            referral, weeks kept and severity for an escalation, severity and the
            actor's limit for an instrumentalisation, the old and new mode (``Mode``) of
            a regime change.
        levers: For a policy change, the levers and their new values.

    """

    week: int
    kind: Kind
    area: int = -1
    actors: tuple[int, ...] = ()
    case: int = -1
    cause: Cause = Cause.NONE
    values: tuple[float, ...] = ()
    levers: tuple[tuple[str, Any], ...] = ()


class EventLog:
    """Counts every event per week and keeps the first and last ``keep`` of each kind."""

    def __init__(self, weeks: int, n_areas: int, keep: int = KEEP, enabled: bool = True):
        """An empty log for a run of ``weeks`` weeks in ``n_areas`` areas."""
        self.enabled = enabled
        self.keep = keep
        self.counts = np.zeros((max(weeks, 1) + 1, len(Kind)), dtype=np.int64)
        self._first: list[list[Event]] = [[] for _ in Kind]
        self._last: list[deque[Event]] = [deque(maxlen=keep) for _ in Kind]
        self._seen = np.zeros(len(Kind), dtype=np.int64)
        self._causes = np.zeros(len(Cause), dtype=np.int64)  # of every late escalation
        self._sums = [[0.0, 0.0] for _ in Kind]  # of the first two values of every event
        self.tied = np.zeros(n_areas, dtype=bool)
        self._strong: np.ndarray | None = None
        self._no_route: dict[int, None] = {}
        self._shares: deque[np.ndarray] = deque(maxlen=REGIME_WINDOW)
        self.regime = Mode.FORMAL_ONLY  # no joint regime yet
        self._leader, self._since, self._streak = self.regime, 0, 0

    # --- reading ---------------------------------------------------------------------
    def events(self, kind: Kind | None = None) -> list[Event]:
        """The events kept, in the order they happened (of one kind, or all)."""
        kinds = list(Kind) if kind is None else [kind]
        out: list[Event] = []
        for k in kinds:  # ``_last`` only fills once ``_first`` is full: no event twice
            out += self._first[k] + list(self._last[k])
        out.sort(key=lambda e: (e.week, e.kind))
        return out

    def table(self) -> Any:
        """The events kept, as a pandas DataFrame (one row per event, in week order).

        Columns: ``week``, ``kind`` (its name), ``area``, ``actor_1`` to ``actor_3``
        (-1 where unused), ``case``, ``cause`` (its name, empty if none), ``value_1``
        and ``value_2`` (NaN where unused; see ``Event.values``) and ``levers``.
        """
        import pandas as pd

        rows = []
        for e in self.events():
            actors = (*e.actors, -1, -1, -1)[:3]
            values = (*e.values, float("nan"), float("nan"))[:2]
            rows.append(
                {
                    "week": e.week,
                    "kind": e.kind.name.lower(),
                    "area": e.area,
                    "actor_1": actors[0],
                    "actor_2": actors[1],
                    "actor_3": actors[2],
                    "case": e.case,
                    "cause": "" if e.cause == Cause.NONE else e.cause.name.lower(),
                    "value_1": float(values[0]),
                    "value_2": float(values[1]),
                    "levers": "; ".join(f"{k}={v}" for k, v in e.levers),
                }
            )
        columns = ["week", "kind", "area", "actor_1", "actor_2", "actor_3", "case", "cause"]
        return pd.DataFrame(rows, columns=[*columns, "value_1", "value_2", "levers"])

    def total(self, kind: Kind) -> int:
        """How many events of ``kind`` happened (kept or not)."""
        return int(self._seen[kind])

    def causes(self) -> dict[Cause, int]:
        """Late escalations per cause, over all of them (kept or not), most first."""
        counts = {cause: int(self._causes[cause]) for cause in Cause if self._causes[cause]}
        return dict(sorted(counts.items(), key=lambda item: -item[1]))

    def mean_values(self, kind: Kind) -> tuple[float, float]:
        """Mean of the first two values over all events of ``kind`` (kept or not)."""
        n = self._seen[kind]
        if not n:
            return float("nan"), float("nan")
        first, second = self._sums[kind]
        return float(first / n), float(second / n)

    def per_year(self, kind: Kind, weeks: int) -> np.ndarray:
        """Events of ``kind`` in each year of ``weeks`` weeks (weeks 1-52 are year 1)."""
        col = self.counts[1 : weeks + 1, kind]
        years = -(-len(col) // 52)
        return np.array([col[52 * y : 52 * (y + 1)].sum() for y in range(years)], dtype=np.int64)

    # --- recording -------------------------------------------------------------------
    def add(self, event: Event) -> None:
        """Count ``event`` and keep it if it is among the first or last of its kind."""
        if not self.enabled:
            return
        k = event.kind
        if event.week >= len(self.counts):  # a run continued past its horizon
            self.counts = np.vstack([self.counts, np.zeros_like(self.counts)])
        self.counts[event.week, k] += 1
        self._seen[k] += 1
        if len(event.values) >= 2:  # plain floats: a few hundred events a week in a city
            sums = self._sums[k]
            sums[0] += event.values[0]
            sums[1] += event.values[1]
        if event.cause != Cause.NONE:
            self._causes[event.cause] += 1
        if len(self._first[k]) < self.keep:
            self._first[k].append(event)
        else:
            self._last[k].append(event)

    def policy(self, week: int, levers: dict[str, Any]) -> None:
        """A scheduled change of levers took effect."""
        self.add(Event(week, Kind.POLICY, levers=tuple(sorted(levers.items()))))

    def referral(
        self,
        week: int,
        case: int,
        area: int,
        who: tuple[int, int, int],
        taken: bool,
        familiarity: float,
        distance: float,
    ) -> None:
        """A referral found a route: ``who`` = (informal actor, professional, coordinator or -1)."""
        if not self.enabled:
            return
        kind = Kind.REFERRAL_TAKEN if taken else Kind.REFERRAL_DISMISSED
        actors = who if who[2] >= 0 else who[:2]
        self.add(Event(week, kind, area, actors, case, values=(familiarity, distance)))

    def no_route(self, case: int) -> None:
        """The informal helper of ``case`` wanted to refer it and found no route."""
        if not self.enabled:
            return
        self._no_route[case] = None
        if len(self._no_route) > NO_ROUTE_CASES:
            del self._no_route[next(iter(self._no_route))]

    def late_escalation(
        self,
        week: int,
        case: int,
        area: int,
        who: tuple[int, int],
        dismissed_before: bool,
        weeks_kept: int,
        severity: float,
    ) -> None:
        """Case ``case`` went to specialist care late; ``who`` = (informal actor, professional)."""
        if not self.enabled:
            return
        if dismissed_before:
            cause = Cause.DISMISSED
        elif case in self._no_route:
            cause = Cause.NO_ROUTE
        elif weeks_kept == 0:
            cause = Cause.SILENT
        else:
            cause = Cause.KEPT
        self._no_route.pop(case, None)
        self.add(Event(week, Kind.LATE_ESCALATION, area, who, case, cause, (weeks_kept, severity)))

    def pairs(
        self,
        week: int,
        kind: Kind,
        areas: np.ndarray,
        first: np.ndarray,
        second: np.ndarray,
        cases: np.ndarray | None = None,
    ) -> None:
        """Events of ``kind`` for pairs of actors (``second`` -1 for a single actor)."""
        if not self.enabled or not len(areas):
            return
        ids = cases.tolist() if cases is not None else [-1] * len(areas)
        for area, x, y, cid in zip(
            areas.tolist(), first.tolist(), second.tolist(), ids, strict=True
        ):
            self.add(Event(week, kind, area, (x, y) if y >= 0 else (x,), cid))

    # --- watching the week's state ---------------------------------------------------
    def observe(self, model: Neighbourhood) -> None:
        """At the end of a week: ties grown and faded, first ties per area, regime changes."""
        if not self.enabled:
            return
        self._tie_changes(model)
        if model.week == 0:
            return
        shares = np.array([model.gauges[f"share_{m.key}"] for m in JOINT], dtype=float)
        self._regime(model.week, np.nan_to_num(shares))

    def _tie_changes(self, model: Neighbourhood) -> None:
        ties, side, area_of = model.ties, model.actors.side, model.areas.actor_area
        now = ties.cross_familiarity() >= model.p["strong_tie"]
        if self._strong is None:  # week 0: the ties the run starts with
            self._strong = now
            return
        grown, faded = now & ~self._strong, self._strong & ~now
        self._strong = now
        for kind, changed in ((Kind.TIE_GROWN, grown), (Kind.TIE_FADED, faded)):
            idx = np.flatnonzero(changed)
            if not len(idx):
                continue
            ci, cj = ties.cross_i[idx], ties.cross_j[idx]
            pro = np.where(side[ci] == Side.FORMAL, ci, cj)
            inf = np.where(side[ci] == Side.FORMAL, cj, ci)
            for p, i in zip(pro.tolist(), inf.tolist(), strict=True):
                area = int(area_of[p])  # a professional works in one area
                shared = _share_a_case(model, p, i) if kind == Kind.TIE_GROWN else -1
                self.add(Event(model.week, kind, area, (p, i), shared))
                if kind == Kind.TIE_GROWN and area >= 0 and not self.tied[area]:
                    self.tied[area] = True
                    self.add(Event(model.week, Kind.FIRST_TIE, area, (p, i), shared))

    def _regime(self, week: int, shares: np.ndarray) -> None:
        self._shares.append(shares)  # weeks with no joint case count as zero shares
        mean = np.mean(self._shares, axis=0)
        leader = JOINT[int(np.argmax(mean))] if mean.max() > 0 else Mode.FORMAL_ONLY
        if leader == self.regime:
            self._streak = 0
            return
        if leader != self._leader or self._streak == 0:
            self._leader, self._since, self._streak = leader, week, 0
        self._streak += 1
        if self._streak >= REGIME_HOLD:
            old, self.regime, self._streak = self.regime, leader, 0
            self.add(Event(self._since, Kind.REGIME, values=(float(old), float(leader))))


def _share_a_case(model: Neighbourhood, pro: int, inf: int) -> int:
    """An open case on which ``pro`` and ``inf`` both help now, or -1."""
    c, ids = model.cases.c, model.cases.active_ids()
    helpers = c.helper[ids]
    on = (helpers[:, :2] == pro).any(axis=1) & (helpers[:, 2:4] == inf).any(axis=1)
    return int(ids[np.argmax(on)]) if on.any() else -1
