"""The week's view: distances, roles, limits, availability and link strength, in bulk."""

from __future__ import annotations

import numpy as np
import pytest
from worlds import PRO_A, PRO_B, VOL_A, VOL_B, neutral, org_index, set_familiarity, tiny

from samenspel.model.links import WeekView, availability, free_time
from samenspel.model.neighbourhood import Neighbourhood
from samenspel.model.state import Side


def _link(m: Neighbourhood, pro: int = PRO_A, inf: int = VOL_A) -> float:
    m.view_week()
    return float(m.view.link(m.areas, 0, pro, inf))


def test_view_columns_follow_the_documented_equations():
    m = neutral(tiny(limit_base=0.2, limit_role=0.4, limit_experience=0.1))
    a = m.actors
    a.knowledge[VOL_A], a.role_view[VOL_A] = 0.3, 0.6
    a.ingroup[VOL_A], a.regard[VOL_A] = 0.8, 0.4
    m.view_week()
    v = m.view
    assert v.distance[VOL_A] == pytest.approx(0.8 * 0.6)
    assert np.allclose(v.wanted, (1 - 0.5 * 0.25) * a.role_view + 0.5 * 0.25 * 0.7)
    assert v.limit[VOL_A] == pytest.approx(0.2 + 0.4 * v.wanted[VOL_A] + 0.1 * 0.7)
    assert np.all(v.available[a.side != Side.FORMAL] == 1.0)
    assert len(v.links) == m.areas.n_areas
    assert v.links[0].shape == (2, 3)


def test_link_is_familiarity_times_the_barriers():
    m = neutral(tiny())
    assert _link(m) == 0.0  # strangers never work directly
    set_familiarity(m, PRO_A, VOL_A, 0.6)
    barrier = float(m.view.barrier(PRO_A, VOL_A))
    assert _link(m) == pytest.approx(0.6 * barrier)
    assert barrier == pytest.approx(1 - m.p["barrier_us_them"] * 0.25)


def test_at_full_familiarity_with_every_o_addressed_the_link_is_the_availability():
    m = neutral(tiny())
    m.actors.ingroup[:] = 0.0
    set_familiarity(m, PRO_A, VOL_A, 1.0)
    assert _link(m) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("column", "value", "weight"),
    [("knowledge", 1.0, "barrier_disagreement"), ("uncertainty", 1.0, "barrier_goals")],
)
def test_each_o_removes_at_most_its_weight(column, value, weight):
    m = neutral(tiny())
    m.actors.ingroup[:] = 0.0
    set_familiarity(m, PRO_A, VOL_A, 1.0)
    getattr(m.actors, column)[PRO_A] = value
    if column == "knowledge":
        m.actors.knowledge[VOL_A] = 0.0
        m.actors.role_view[PRO_A], m.actors.role_view[VOL_A] = 1.0, 0.0  # D = 1
        expected = 1 - m.p[weight]
    else:
        m.actors.uncertainty[VOL_A] = value
        expected = 1 - m.p[weight]
    assert _link(m) == pytest.approx(expected)


def test_cultural_barrier_applies_to_migrant_partners_only():
    m = neutral(tiny(cultural_barrier=0.5))
    m.actors.ingroup[:] = 0.0
    org = org_index(m)
    set_familiarity(m, PRO_A, org, 1.0)
    m.actors.cultural_sensitivity[PRO_A] = 0.2
    assert _link(m, PRO_A, org) == pytest.approx(1.0)
    m.actors.migrant[org] = True
    assert _link(m, PRO_A, org) == pytest.approx(1 - 0.5 * 0.8)
    m.actors.cultural_sensitivity[PRO_A] = 1.0
    assert _link(m, PRO_A, org) == pytest.approx(1.0)


def test_a_full_caseload_takes_away_the_time_for_contact():
    m = neutral(tiny(contact_slack=1.5, community_time=0.4))
    m.actors.ingroup[:] = 0.0
    set_familiarity(m, PRO_A, VOL_A, 1.0)
    cap = m.actors.capacity[PRO_A]
    for load, slack in ((0, 1.0), (cap, 0.5), (1.5 * cap, 0.0), (3 * cap, 0.0)):
        m.actors.load[PRO_A] = load
        assert _link(m) == pytest.approx(slack)
    m.actors.community[PRO_A] = 0.0
    m.actors.load[PRO_A] = 0
    assert _link(m) == pytest.approx(0.6)  # casework only: less time for contact


def test_switching_caseload_off_always_leaves_time():
    m = neutral(tiny(mech_caseload=False))
    m.actors.load[PRO_A] = 100
    a = availability(m.actors, m.p)
    assert a[PRO_A] == pytest.approx(1.0)
    assert free_time(m.actors)[PRO_A] == 0.0


def test_link_indexing_broadcasts_like_numpy():
    m = neutral(tiny())
    set_familiarity(m, PRO_B, VOL_B, 0.5)
    m.view_week()
    table = m.view.link(
        m.areas, 0, np.array([PRO_A, PRO_B])[:, None], np.array([VOL_A, VOL_B])[None, :]
    )
    assert table.shape == (2, 2)
    assert table[1, 1] > 0 and table[0, 0] == 0.0 and table[0, 1] == 0.0


def test_the_view_is_computed_from_the_state_in_bulk():
    m = Neighbourhood(rng=2, n_areas=2, areas_per_district=1, n_households=50)
    v = WeekView.compute(m.actors, m.ties, m.areas, m.p)
    for area in range(2):
        pros, informal = m.areas.area_formal[area], m.areas.area_informal[area]
        fam = m.ties.get(pros[:, None], informal[None, :])
        barriers = v.barrier(pros[:, None], informal[None, :])
        # the same arithmetic per pair, computed only where F > 0: equal to the last bit
        np.testing.assert_array_equal(v.links[area], fam * barriers)
        assert (fam > 0).any() and (fam == 0).any()


def test_a_link_to_a_professional_of_another_area_is_computed_not_read_from_a_wrong_row():
    from samenspel.model.links import pair_barriers

    m = Neighbourhood(rng=3, n_areas=2, areas_per_district=2, n_households=50)
    v, lay = m.view, m.areas
    outsider, j = lay.area_formal[1][[0, -1]], lay.area_informal[0][:1].repeat(2)
    # the outsiders share no area with j: no stored tie, so the link is 0 and must not be
    # read from the row of whichever team member of area 0 sorts at the same place
    barriers = pair_barriers(m.actors, m.p, v.distance, v.available, outsider, j)
    assert np.array_equal(v.barrier(outsider, j), barriers)
    assert np.array_equal(v.link(lay, 0, outsider, j), m.ties.get(outsider, j) * barriers)
