"""Meetings: reflection raises recognition without moving logics; clashes on shared cases;
wijktafels and community work against unfamiliarity."""

from __future__ import annotations

import numpy as np
import pytest
from worlds import (
    PRO_A,
    PRO_B,
    VOL_A,
    VOL_B,
    coord_index,
    neutral,
    open_case,
    org_index,
    set_familiarity,
    tiny,
)

from samenspel.model import casework, meetings
from samenspel.model.neighbourhood import Neighbourhood
from samenspel.model.runner import run, simulate
from samenspel.model.state import Kind, Side


@pytest.mark.parametrize(("per_year", "expected"), [(0, 0), (1, 1), (6, 6), (12, 12), (52, 52)])
def test_meetings_are_spread_over_the_year(per_year, expected):
    weeks = [w for w in range(1, 53) if meetings.is_meeting_week(w, per_year)]
    assert len(weeks) == expected


# --- case reflection -------------------------------------------------------------------


def _reflection_world(coordinators: int = 1, **params) -> Neighbourhood:
    """Two shared cases; participants with widely spread logics."""
    m = neutral(tiny(coordinators=coordinators, reflection_invite=0.0, **params))
    a = m.actors
    org = org_index(m)
    a.knowledge[[PRO_A, PRO_B, VOL_A, VOL_B, org]] = [0.95, 0.7, 0.3, 0.5, 0.05]
    a.role_view[[PRO_A, PRO_B, VOL_A, VOL_B, org]] = [0.1, 0.2, 0.8, 0.5, 0.9]
    open_case(m, 1, 0.5, pro=PRO_A, inf=VOL_A, direct=True)
    if coordinators:
        open_case(m, 2, 0.5, pro=PRO_B, inf=org, coord=coord_index(m))
    else:
        open_case(m, 2, 0.5, pro=PRO_B, inf=org, direct=True)
    return m


def test_actors_on_shared_cases_take_part_and_coordinators_chair():
    m = _reflection_world(reflection_safety=1.0)
    parts = meetings.hold_reflection(m)
    assert set(parts.tolist()) == {PRO_A, PRO_B, VOL_A, org_index(m)}
    assert m.counters["reflection_participation"] == 4


def test_safe_reflection_raises_recognition_and_leaves_the_logics_alone():
    m = _reflection_world(reflection_safety=1.0, reflection_gain=0.25)
    a = m.actors
    a.recognition[PRO_A] = 0.4
    knowledge, role_view = a.knowledge.copy(), a.role_view.copy()
    parts = meetings.hold_reflection(m)
    assert a.recognition[PRO_A] == pytest.approx(0.4 + 0.25 * 0.6)
    assert a.recognition[VOL_A] == pytest.approx(0.25)
    assert a.recognition[VOL_B] == 0.0  # not there
    assert np.array_equal(a.knowledge, knowledge)
    assert np.array_equal(a.role_view, role_view)
    assert np.all(a.good[parts] == 1) and np.all(a.bad[parts] == 0)


def test_unsafe_reflection_hurts_and_builds_little():
    m = _reflection_world(reflection_safety=0.0, chair_training=0.0)
    parts = meetings.hold_reflection(m)
    assert np.all(m.actors.recognition == 0.0)
    assert np.all(m.actors.bad[parts] == 1) and np.all(m.actors.good[parts] == 0)


def test_trained_chairs_make_reflection_safer_only_with_coordinators():
    chaired = _reflection_world(reflection_safety=0.0, chair_training=1.0)
    meetings.hold_reflection(chaired)
    skill = chaired.p["chair_effect"]
    assert chaired.actors.recognition[PRO_A] == pytest.approx(chaired.p["reflection_gain"] * skill)
    unchaired = _reflection_world(coordinators=0, reflection_safety=0.0, chair_training=1.0)
    meetings.hold_reflection(unchaired)
    assert np.all(unchaired.actors.recognition == 0.0)


def test_switching_reflection_off_leaves_only_a_meeting():
    m = _reflection_world(reflection_safety=1.0, mech_reflection=False)
    parts = meetings.hold_reflection(m)
    assert len(parts) == 4
    assert np.all(m.actors.recognition == 0.0)
    assert np.all(m.actors.good[parts] == 1)  # still a meeting with contact


def test_recognition_fades_without_reflection():
    m = neutral(tiny(hybridisation_push=0.0))
    m.actors.recognition[:] = 0.6
    for _ in range(52):
        m.update_identity()
    assert m.actors.recognition[PRO_A] == pytest.approx(0.6 * (1 - m.p["recognition_decay"]) ** 52)


def test_recognition_softens_felt_disagreement_in_links():
    m = neutral(tiny())
    m.actors.knowledge[PRO_A], m.actors.knowledge[VOL_A] = 1.0, 0.0
    set_familiarity(m, PRO_A, VOL_A, 1.0)
    m.view_week()
    raw = float(m.view.link(m.areas, 0, PRO_A, VOL_A))
    m.actors.recognition[[PRO_A, VOL_A]] = 1.0
    m.view_week()
    recognised = float(m.view.link(m.areas, 0, PRO_A, VOL_A))
    b = m.p["barrier_disagreement"]
    assert recognised == pytest.approx(raw / (1 - b * 0.5))


@pytest.fixture(scope="module")
def reflective() -> tuple[Neighbourhood, np.ndarray, np.ndarray]:
    start = Neighbourhood(rng=7)
    pro = start.actors.kind == Kind.PROFESSIONAL
    before = np.array([start.actors.knowledge[pro].std(), start.actors.role_view[pro].std()])
    m = simulate(seed=7, weeks=260, reflection_per_year=6, reflection_safety=0.9)
    after = np.array([m.actors.knowledge[pro].std(), m.actors.role_view[pro].std()])
    return m, before, after


def test_five_years_of_reflection_keep_the_spread_of_logics(reflective):
    # issue 9, point 5: acknowledged, not erased (the Q-study's heterogeneity stays)
    m, before, after = reflective
    assert np.all(before > 0.1)
    assert np.allclose(after, before, atol=0.01)
    assert m.gauges["recognition"] > 0.1
    assert m.gauges["felt_disagreement"] < m.gauges["disagreement"]


def test_reflection_turns_unspoken_clashes_into_settled_ones(reflective):
    m, _, _ = reflective
    s = m.summary()
    base = run(seed=7, weeks=260)
    assert base["clashes"] == base["clashes_unspoken"]  # nobody recognises the other logic
    assert s["clashes"] > 0
    assert s["clashes_unspoken"] / s["clashes"] < 0.9


# --- clashes on shared cases -------------------------------------------------------------


def _clash_rates(d: float, recognition: float, n: int = 4000) -> tuple[float, float]:
    """Share of clashes and of settled clashes for one pair at disagreement ``d``."""
    m = neutral(tiny(clash_rate=0.5))
    m.actors.knowledge[PRO_A] = 0.5 + d  # D = |dk| / 2 + 0: role views equal
    m.actors.knowledge[VOL_A] = 0.5 - d
    m.actors.recognition[[PRO_A, VOL_A]] = recognition
    cid = open_case(m, 0, 0.4, pro=PRO_A, inf=VOL_A, direct=True)
    rng = np.random.default_rng(0)
    ids = np.full(n, cid)
    casework._clash(
        m, ids, np.full(n, PRO_A), np.full(n, VOL_A), np.ones(n, bool), rng.random(n), rng.random(n)
    )
    clashes = m.counters["clashes"]
    settled = clashes - m.counters["clashes_unspoken"]
    assert m.actors.good[PRO_A] == settled and m.actors.bad[VOL_A] == clashes - settled
    return clashes / n, settled / max(clashes, 1)


def test_clashes_are_in_proportion_to_disagreement():
    low, _ = _clash_rates(0.1, 0.0)
    high, _ = _clash_rates(0.3, 0.0)
    assert low == pytest.approx(0.5 * 0.1, abs=0.015)
    assert high == pytest.approx(0.5 * 0.3, abs=0.02)
    assert _clash_rates(0.0, 0.0)[0] == 0.0


@pytest.mark.parametrize("recognition", [0.0, 0.3, 0.8])
def test_clashes_are_settled_with_probability_equal_to_recognition(recognition):
    _, settled = _clash_rates(0.4, recognition)
    assert settled == pytest.approx(recognition, abs=0.04)


def test_an_unspoken_clash_withdraws_direct_contact():
    m = neutral(tiny(clash_rate=1.0))
    m.actors.knowledge[PRO_A] = 1.0
    cid = open_case(m, 0, 0.4, pro=PRO_A, inf=VOL_A, direct=True)
    casework._clash(
        m,
        np.array([cid]),
        np.array([PRO_A]),
        np.array([VOL_A]),
        np.array([True]),
        np.zeros(1),
        np.ones(1),
    )
    c = m.cases.c
    assert not c.together[cid] and c.pro_seen[cid] == -1
    assert c.direct[cid]  # the history flag stays: it was co-production
    assert m.actors.bad[PRO_A] == 1 and m.actors.bad[VOL_A] == 1


def test_clashes_happen_in_the_weekly_joint_work():
    m = neutral(tiny(clash_rate=1.0, discovery_rate=0.0, introduction_rate=0.0))
    m.actors.knowledge[PRO_A], m.actors.knowledge[VOL_A] = 1.0, 0.0
    m.actors.role_view[PRO_A], m.actors.role_view[VOL_A] = 0.0, 1.0  # D = 1
    cid = open_case(m, 0, 0.4, pro=PRO_A, inf=VOL_A, direct=True)
    casework.work_together(m)
    assert m.counters["clashes"] == 1 and m.counters["clashes_unspoken"] == 1
    assert not m.cases.c.together[cid]


def test_clashes_happen_often_enough_to_matter_in_the_city():
    counts = [run(seed=s, weeks=260)["clashes"] for s in (3, 4)]
    assert min(counts) >= 10, counts


# --- wijktafels and community work -------------------------------------------------------


def test_no_wijktafel_without_coordinators():
    m = neutral(tiny(coordinators=0, wijktafel_attract_formal=1.0, wijktafel_attract_informal=1.0))
    assert len(meetings.hold_wijktafel(m)) == 0
    assert m.counters["wijktafel_attendance"] == 0


def test_wijktafel_attendees_get_to_know_each_other():
    m = neutral(
        tiny(
            wijktafel_attract_formal=1.0, wijktafel_attract_informal=1.0, mech_identity_gating=False
        )
    )
    present = meetings.hold_wijktafel(m)
    assert set(present.tolist()) == set(range(6))
    m.update_ties()
    gain = m.p["contact_gain"] * m.p["meeting_contact"]
    assert m.ties.get(PRO_A, VOL_A) == pytest.approx(gain)
    assert m.counters["wijktafel_attendance_formal"] == 2


def test_culturally_sensitive_format_brings_migrant_organisations():
    def share(cs: float) -> float:
        m = neutral(
            tiny(
                wijktafel_attract_informal=1.0,
                wijktafel_cultural_sensitivity=cs,
                mech_identity_gating=False,
            )
        )
        org = org_index(m)
        m.actors.migrant[org] = True
        came = sum(org in meetings.hold_wijktafel(m) for _ in range(300))
        return came / 300

    assert share(0.2) == pytest.approx(0.2, abs=0.07)
    assert share(1.0) == 1.0


def test_trained_chairs_make_wijktafel_contact_better():
    def good_share(training: float) -> float:
        m = neutral(
            tiny(
                wijktafel_attract_formal=1.0,
                wijktafel_attract_informal=1.0,
                mech_identity_gating=False,
                chair_training=training,
            )
        )
        for _ in range(200):
            meetings.hold_wijktafel(m)
        return m.actors.good.sum() / (200 * 6)

    base, trained = good_share(0.0), good_share(1.0)
    assert base == pytest.approx(0.6, abs=0.05)
    assert trained == pytest.approx(0.6 + 0.4 * 0.5, abs=0.05)


def test_community_work_needs_orientation_and_free_time():
    m = neutral(tiny())
    m.actors.community[PRO_A], m.actors.community[PRO_B] = 1.0, 0.0
    active = meetings.do_community_work(m)
    assert active.tolist() == [PRO_A]
    m.actors.load[PRO_A] = m.actors.capacity[PRO_A]  # a full caseload
    assert len(meetings.do_community_work(m)) == 0


def test_community_work_raises_cross_side_familiarity():
    m = neutral(tiny())
    m.actors.community[:] = 1.0
    for _ in range(20):
        meetings.do_community_work(m)
        m.update_ties()
    informal = m.actors.of_side(Side.INFORMAL)
    assert m.ties.get(PRO_A, informal).max() > 0.2


def test_community_work_everywhere_is_the_area_by_area_loop(monkeypatch):
    """The weeks without meetings do community work in one go: the same state."""
    from samenspel.model import Neighbourhood

    def area_by_area(model):
        for area in range(model.areas.n_areas):
            meetings.do_community_work(model, area)

    params = {"n_areas": 3, "areas_per_district": 2}
    fast = Neighbourhood(rng=8, weeks=30, **params)
    fast.run_weeks(30)
    with monkeypatch.context() as mp:
        mp.setattr(meetings, "do_community_work_everywhere", area_by_area)
        slow = Neighbourhood(rng=8, weeks=30, **params)
        slow.run_weeks(30)
    np.testing.assert_array_equal(fast.ties.flat, slow.ties.flat)
    for column in ("regard", "ingroup", "recognition", "threat"):
        np.testing.assert_array_equal(getattr(fast.actors, column), getattr(slow.actors, column))
    assert fast.counters == slow.counters
