"""Meetings: case reflection against disagreement, wijktafels against unfamiliarity."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from worlds import PRO_A, PRO_B, VOL_A, VOL_B, coord_index, neutral, open_case, org_index, tiny

from samenspel.model import meetings
from samenspel.model.neighbourhood import Neighbourhood
from samenspel.model.runner import simulate
from samenspel.model.ties import disagreement


def _reflection_world(coordinators: int = 1, **params) -> Neighbourhood:
    """Two shared cases, participants with widely spread logics, no identity threat."""
    m = neutral(tiny(coordinators=coordinators, hybridisation_push=0.0, **params))
    a = m.actors
    org = org_index(m)
    a["knowledge"][[PRO_A, PRO_B, VOL_A, VOL_B, org]] = [0.95, 0.7, 0.3, 0.5, 0.05]
    a["role_view"][[PRO_A, PRO_B, VOL_A, VOL_B, org]] = [0.1, 0.2, 0.8, 0.5, 0.9]
    open_case(m, 1, 0.5, pro=PRO_A, inf=VOL_A, direct=True)
    if coordinators:
        open_case(m, 2, 0.5, pro=PRO_B, inf=org, coord=coord_index(m))
    else:
        open_case(m, 2, 0.5, pro=PRO_B, inf=org, direct=True)
    return m


def _mean_pairwise_disagreement(actors: dict, members: np.ndarray) -> float:
    pairs = np.array(list(itertools.combinations(members, 2)))
    return float(disagreement(actors, pairs[:, 0], pairs[:, 1]).mean())


def _reflect(m: Neighbourhood) -> tuple[np.ndarray, float, float]:
    before = {k: v.copy() for k, v in m.actors.items()}
    parts = meetings.hold_reflection(m)
    return (parts, _mean_pairwise_disagreement(before, parts),
            _mean_pairwise_disagreement(m.actors, parts))


def test_shared_cases_bring_their_actors_to_reflection():
    m = _reflection_world(reflection_safety=1.0)
    parts, _, _ = _reflect(m)
    assert {PRO_A, PRO_B, VOL_A, org_index(m)} <= set(parts.tolist())
    assert coord_index(m) not in parts  # the coordinator chairs
    assert m.counters["reflection_participation"] == len(parts)


def test_safe_reflection_narrows_disagreement_and_raises_regard():
    m = _reflection_world(reflection_safety=1.0, reflection_gain=0.25)
    parts, before, after = _reflect(m)
    assert after < before
    assert after == pytest.approx(0.75 * before)  # every gap closes by gain x safety
    assert np.all(m.good[parts] == 1) and np.all(m.bad[parts] == 0)
    m.update_identity()
    assert np.all(m.actors["regard"][parts] > 0.51)


def test_unsafe_reflection_changes_no_minds_and_lowers_regard():
    m = _reflection_world(reflection_safety=0.0, chair_training=0.0)
    parts, before, after = _reflect(m)
    assert after == pytest.approx(before)
    assert np.all(m.bad[parts] == 1) and np.all(m.good[parts] == 0)
    m.update_identity()
    assert np.all(m.actors["regard"][parts] < 0.49)


def test_trained_chairs_make_an_unsafe_setting_safer():
    chaired = _reflection_world(reflection_safety=0.0, chair_training=1.0)
    _, before, after = _reflect(chaired)
    assert after < 0.9 * before
    # without coordinators there is nobody to chair, so the training does nothing
    unchaired = _reflection_world(coordinators=0, reflection_safety=0.0, chair_training=1.0)
    _, before, after = _reflect(unchaired)
    assert after == pytest.approx(before)


def test_reflection_under_a_clear_model_pulls_role_views_to_its_role():
    vague = _reflection_world(reflection_safety=1.0, hybridisation_model="unclear")
    clear = _reflection_world(reflection_safety=1.0, hybridisation_model="accessibility",
                              goal_clarity=1.0)
    parts, _, _ = _reflect(vague)
    _reflect(clear)
    target = 0.2  # the accessibility model's informal role
    dist_vague = np.abs(vague.actors["role_view"][parts] - target).mean()
    dist_clear = np.abs(clear.actors["role_view"][parts] - target).mean()
    assert dist_clear < dist_vague - 0.02


def test_no_reflection_with_fewer_than_two_participants():
    m = neutral(tiny(reflection_safety=1.0))
    m.actors["knowledge"][:] = np.linspace(0.0, 1.0, len(m.actors["knowledge"]))
    # no shared cases: only the random 25 % invitations, often fewer than two come
    for _ in range(50):
        before = m.actors["knowledge"].copy()
        m.good[:] = m.bad[:] = 0.0
        parts = meetings.hold_reflection(m)
        if len(parts) < 2:
            assert np.array_equal(m.actors["knowledge"], before)
            assert not m.bad.any() and not m.good.any()
            return
    pytest.fail("every session had two or more participants")


# --- wijktafels --------------------------------------------------------------------------

def _wijktafel_world(coordinators: int = 1, **params) -> Neighbourhood:
    params = {"wijktafel_attract_formal": 1.0, "wijktafel_attract_informal": 1.0, **params}
    m = neutral(tiny(coordinators=coordinators, **params))
    m.actors["ingroup"][:] = 0.0
    return m


def test_wijktafel_without_coordinators_has_no_attendance():
    m = _wijktafel_world(coordinators=0)
    present = meetings.hold_wijktafel(m)
    assert len(present) == 0
    assert m.counters["wijktafel_attendance"] == 0
    assert not m.ties.contact.any()


def test_wijktafel_with_a_coordinator_makes_strangers_acquainted():
    m = _wijktafel_world()
    present = meetings.hold_wijktafel(m)
    assert set(present.tolist()) == set(range(len(m.actors["kind"])))  # fully attractive
    assert m.counters["wijktafel_attendance"] == len(present)
    m.update_ties()
    cross = m.ties.familiarity[np.ix_(m.ties.formal, m.ties.informal)]
    assert np.all(cross > 0.05)


def test_wijktafel_format_decides_whether_migrant_organisations_come():
    counts = {}
    for sensitivity in (0.0, 1.0):
        m = _wijktafel_world(wijktafel_cultural_sensitivity=sensitivity)
        org = org_index(m)
        m.actors["migrant"][org] = True
        counts[sensitivity] = sum(org in meetings.hold_wijktafel(m) for _ in range(20))
    assert counts[0.0] == 0
    assert counts[1.0] == 20


def test_busy_professionals_attend_wijktafels_less():
    attended = {}
    for load_share in (0.0, 1.0):
        m = _wijktafel_world(wijktafel_attract_formal=0.8)
        m.actors["community"][m.ties.formal] = 0.0
        m.actors["load"][m.ties.formal] = load_share * m.actors["capacity"][m.ties.formal]
        attended[load_share] = sum(
            np.isin(m.ties.formal, meetings.hold_wijktafel(m)).sum() for _ in range(200))
    assert attended[1.0] < 0.7 * attended[0.0]


def test_wijktafels_need_coordinators_over_a_run():
    quiet = simulate(seed=4, weeks=60, n_coordinators=0)
    scheduled = simulate(seed=4, weeks=60, n_coordinators=0, wijktafels_per_year=26)
    assert scheduled.counters["wijktafel_attendance"] == 0
    # nothing happens at all: the run is the same as one without wijktafels
    pd.testing.assert_frame_equal(quiet.weekly(), scheduled.weekly())


@pytest.mark.parametrize("seed", [0, 1])
def test_wijktafels_raise_cross_side_familiarity_over_a_run(seed):
    none = simulate(seed=seed, weeks=104)
    monthly = simulate(seed=seed, weeks=104, wijktafels_per_year=12)
    assert monthly.counters["wijktafel_attendance"] > 100
    assert monthly.gauges["familiarity"] > none.gauges["familiarity"] + 0.03
    later = slice(26, None)
    assert (monthly.weekly()["familiarity"].iloc[later].mean()
            > none.weekly()["familiarity"].iloc[later].mean() + 0.02)


def test_meeting_schedule_spreads_meetings_evenly():
    for per_year in (1, 4, 12, 26, 52):
        weeks = [w for w in range(1, 521) if meetings.is_meeting_week(w, per_year)]
        assert len(weeks) == 10 * per_year
        gaps = np.diff(weeks)
        assert gaps.max() - gaps.min() <= 1
    assert not any(meetings.is_meeting_week(w, 0.0) for w in range(1, 200))
