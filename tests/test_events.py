"""The event log: it only observes, it agrees with the counters, it stays bounded."""

from __future__ import annotations

from collections import deque

import numpy as np
import pandas as pd
import pytest

from samenspel.model.events import REGIME_HOLD, REGIME_WINDOW, Cause, Event, EventLog, Kind
from samenspel.model.runner import simulate
from samenspel.model.state import Mode

WEEKS = 104
SCHEDULE = [{"week": 30, "wijktafels_per_year": 12, "reflection_per_year": 6}]


@pytest.fixture(scope="module")
def logged():
    return simulate(seed=7, weeks=WEEKS, schedule=SCHEDULE, events=True, n_areas=2)


def test_the_log_changes_nothing_in_the_run(logged):
    plain = simulate(seed=7, weeks=WEEKS, schedule=SCHEDULE, n_areas=2)
    pd.testing.assert_frame_equal(logged.weekly(), plain.weekly(), check_exact=True)
    assert np.array_equal(logged.ties.familiarity, plain.ties.familiarity)
    assert logged.rng_decisions.random() == plain.rng_decisions.random()
    assert not plain.events.enabled and plain.events.total(Kind.REFERRAL_TAKEN) == 0


@pytest.mark.parametrize(
    ("kind", "counter"),
    [
        (Kind.REFERRAL_TAKEN, "referrals_taken_seriously"),
        (Kind.REFERRAL_DISMISSED, "referrals_dismissed"),
        (Kind.LATE_ESCALATION, "late_escalations"),
        (Kind.JOINT_SUCCESS, "joint_successes"),
        (Kind.DISCONTINUITY, "discontinuities"),
        (Kind.INSTRUMENTALISED, "instrumentalisations"),
    ],
)
def test_every_counted_act_is_logged_once(logged, kind, counter):
    assert logged.counters[counter] > 0, "the run should have some of these"
    assert logged.events.total(kind) == logged.counters[counter]
    assert logged.events.counts[:, kind].sum() == logged.counters[counter]


def test_withdrawals_are_unspoken_clashes_that_ended_direct_contact(logged):
    assert 0 < logged.events.total(Kind.WITHDRAWAL) <= logged.counters["clashes_unspoken"]


def test_ties_grown_and_faded_account_for_the_strong_ties(logged):
    strong = logged.weekly()["cross_strong_ties"]
    e = logged.events
    assert strong.iloc[-1] == strong.iloc[0] + e.total(Kind.TIE_GROWN) - e.total(Kind.TIE_FADED)
    firsts = e.events(Kind.FIRST_TIE)
    assert len({ev.area for ev in firsts}) == len(firsts) == int(e.tied.sum())
    grown = e.events(Kind.TIE_GROWN)
    for ev in firsts:  # the first tie of an area is its earliest tie grown
        assert ev.week == min(g.week for g in grown if g.area == ev.area)
    for ev in grown:
        pro, inf = ev.actors
        assert logged.actors.side[pro] != logged.actors.side[inf]


def test_the_scheduled_change_is_a_policy_event(logged):
    (ev,) = logged.events.events(Kind.POLICY)
    assert ev.week == 30
    assert dict(ev.levers) == {"wijktafels_per_year": 12, "reflection_per_year": 6}


def test_referral_events_carry_who_and_why(logged):
    for ev in logged.events.events(Kind.REFERRAL_DISMISSED):
        familiarity, distance = ev.values
        assert 0 <= familiarity <= 1 and 0 <= distance <= 1
        assert ev.case >= 0 and len(ev.actors) in (2, 3)


def test_only_the_first_and_last_events_of_a_kind_are_kept():
    log = EventLog(weeks=10, n_areas=1, keep=3)
    for week in range(1, 11):
        log.add(Event(week, Kind.JOINT_SUCCESS, 0, (1, 2), case=week))
    kept = log.events(Kind.JOINT_SUCCESS)
    assert [e.case for e in kept] == [1, 2, 3, 8, 9, 10]
    assert log.total(Kind.JOINT_SUCCESS) == 10
    assert log.per_year(Kind.JOINT_SUCCESS, 10).tolist() == [10]
    small = EventLog(weeks=10, n_areas=1, keep=3)
    for week in (1, 2, 3, 4):
        small.add(Event(week, Kind.JOINT_SUCCESS, case=week))
    assert [e.case for e in small.events()] == [1, 2, 3, 4]  # no event twice


def test_an_escalation_cause_comes_from_the_case_history():
    log = EventLog(weeks=10, n_areas=1)
    log.no_route(5)
    log.late_escalation(3, 4, 0, (1, 2), dismissed_before=True, weeks_kept=2, severity=0.8)
    log.late_escalation(3, 5, 0, (1, 2), dismissed_before=False, weeks_kept=2, severity=0.8)
    log.late_escalation(3, 6, 0, (1, 2), dismissed_before=False, weeks_kept=0, severity=0.8)
    log.late_escalation(3, 7, 0, (1, 2), dismissed_before=False, weeks_kept=4, severity=0.8)
    causes = [e.cause for e in log.events(Kind.LATE_ESCALATION)]
    assert causes == [Cause.DISMISSED, Cause.NO_ROUTE, Cause.SILENT, Cause.KEPT]


def test_a_regime_changes_only_after_a_sustained_lead():
    log = EventLog(weeks=100, n_areas=1)
    log._shares = deque(maxlen=1)  # no averaging: the leader is this week's
    coex, coprod = np.array([0.3, 0.0, 0.1]), np.array([0.1, 0.0, 0.3])
    weeks = [coex] * 10 + [coprod] * (REGIME_HOLD - 1) + [coex] * 5 + [coprod] * REGIME_HOLD
    for week, shares in enumerate(weeks, start=1):
        log._regime(week, shares)
    changes = [(e.week, e.values) for e in log.events(Kind.REGIME)]
    assert changes == [
        (1, (Mode.FORMAL_ONLY, Mode.COEXISTENCE)),
        (10 + REGIME_HOLD - 1 + 5 + 1, (Mode.COEXISTENCE, Mode.COPRODUCTION)),
    ]


def test_the_regime_follows_the_mean_over_the_window():
    log = EventLog(weeks=100, n_areas=1)
    coex, coprod = np.array([0.3, 0.0, 0.1]), np.array([0.1, 0.0, 0.4])
    for week in range(1, 31):
        log._regime(week, coex)
    for week in range(31, 31 + REGIME_HOLD + 12):
        log._regime(week, coprod)
    (first, second) = log.events(Kind.REGIME)
    assert second.values == (Mode.COEXISTENCE, Mode.COPRODUCTION)
    w = REGIME_WINDOW  # the window's mean turns after n weeks of co-production:
    n = next(n for n in range(w) if (w - n) * 0.3 + n * 0.1 < (w - n) * 0.1 + n * 0.4)
    assert second.week == 30 + n and first.week == 1


def test_a_disabled_log_records_nothing():
    log = EventLog(weeks=10, n_areas=1, enabled=False)
    log.add(Event(1, Kind.POLICY))
    log.no_route(3)
    log.late_escalation(2, 3, 0, (1, 2), False, 1, 0.9)
    assert log.counts.sum() == 0 and not log.events()
