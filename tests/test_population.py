"""Initialisation: actors, starting ties, households, context presets."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from worlds import PRO_A, PRO_B, VOL_A, VOL_B, coord_index, org_index, tiny

from samenspel.agents import Coordinator, Household, Professional, Volunteer
from samenspel.model.neighbourhood import Neighbourhood
from samenspel.model.state import Kind, Side


def test_one_mesa_agent_per_actor():
    m = Neighbourhood(
        rng=0,
        n_households=50,
        n_professionals=3,
        n_volunteers=5,
        n_coordinators=2,
        n_organisations=4,
    )
    kinds = Counter(type(a).__name__ for a in m.agents)
    assert kinds == {
        "Professional": 3,
        "Volunteer": 5,
        "Coordinator": 2,
        "ResidentsOrganisation": 4,
    }
    assert len(m.actors) == 14
    assert sorted(a.index for a in m.agents) == list(range(14))
    for agent in m.agents:
        assert agent.KIND == m.actors.kind[agent.index]


def test_agents_read_the_bulk_state():
    m = tiny()
    pro = next(a for a in m.agents if isinstance(a, Professional) and a.index == PRO_A)
    vol = next(a for a in m.agents if isinstance(a, Volunteer) and a.index == VOL_A)
    m.actors.regard[PRO_A] = 0.123
    m.ties.familiarity[PRO_A, VOL_A] = 0.456
    assert pro.regard == pytest.approx(0.123)
    assert pro.familiarity_with(vol) == pytest.approx(0.456)
    coordinator = next(a for a in m.agents if isinstance(a, Coordinator))
    assert coordinator.index == coord_index(m)


def test_a_household_is_a_view_of_its_row():
    m = tiny()
    h = m.household(3)
    assert isinstance(h, Household)
    m.households.severity[3], m.households.needy[3] = 0.7, True
    assert h.severity == pytest.approx(0.7) and h.has_need and h.is_silent
    assert h.informal_contact == m.households.contact[3]


def test_starting_familiarity_follows_the_documented_structure():
    m = tiny(preexisting_ties=0.0)
    f = m.ties.familiarity
    p = m.p
    coord, org = coord_index(m), org_index(m)
    assert np.array_equal(f, f.T) and np.all(np.diag(f) == 0)
    assert f[PRO_A, PRO_B] == p["fam_team"]
    assert f[VOL_A, VOL_B] == p["fam_volunteers"]  # same organisation
    assert f[VOL_A, coord] == f[VOL_B, coord] == p["fam_volunteer_coordinator"]
    assert f[coord, PRO_A] == p["fam_coordinator_pro"]
    assert f[coord, org] == p["fam_coordinator_org"]
    assert np.all(f[np.ix_(m.ties.formal, m.ties.informal)] == 0)  # strangers
    assert m.actors.affiliation[VOL_A] == coord


def test_starting_familiarity_reads_the_declared_constants():
    m = tiny(preexisting_ties=0.0, fam_team=0.33, fam_coordinator_org=0.41)
    assert m.ties.familiarity[PRO_A, PRO_B] == 0.33
    assert m.ties.familiarity[coord_index(m), org_index(m)] == 0.41


def test_preexisting_ties_are_a_share_of_cross_pairs():
    for context, lo, hi in (("city", 0.02, 0.08), ("town", 0.18, 0.32)):
        m = Neighbourhood(rng=1, context=context)
        cross = m.ties.familiarity[np.ix_(m.ties.formal, m.ties.informal)]
        share = (cross > 0).mean()
        assert lo < share < hi, (context, share)
        click = m.p["fam_click"]
        assert np.all((cross == 0) | ((cross >= click - 0.25) & (cross <= click + 0.25)))


def test_anonymity_is_the_share_of_households_without_informal_contact():
    for anonymity in (0.1, 0.5, 0.9):
        m = Neighbourhood(rng=2, n_households=2000, anonymity=anonymity)
        assert (m.households.contact < 0).mean() == pytest.approx(anonymity, abs=0.04)
    base = Neighbourhood(rng=2, n_households=2000, anonymity=0.6, interplay="sociale_basis")
    assert (base.households.contact < 0).mean() == pytest.approx(
        0.6 * base.p["sociale_basis_reach"], abs=0.04
    )


def test_the_sociale_basis_reaches_households_but_gives_them_no_family():
    kw = dict(rng=2, n_households=4000, anonymity=0.6)
    wijkteam = Neighbourhood(**kw).households.circle.mean()
    basis = Neighbourhood(**kw, interplay="sociale_basis").households.circle.mean()
    p = Neighbourhood(**kw).p
    expected = p["circle_share"] * (p["circle_anonymity_base"] - 0.6)
    assert wijkteam == pytest.approx(expected, abs=0.03)
    assert basis == pytest.approx(expected, abs=0.03)


def test_household_contacts_are_informal_actors():
    m = Neighbourhood(rng=3)
    contact = m.households.contact
    assert np.all(np.isin(contact[contact >= 0], m.ties.informal))


def test_migrant_households_trust_professionals_less_until_trained():
    m = Neighbourhood(rng=3, n_households=3000)
    h = m.households
    gap = h.trust_pro[~h.migrant].mean() - h.trust_pro[h.migrant].mean()
    assert gap == pytest.approx(m.p["migrant_trust_gap"], abs=0.05)
    trained = Neighbourhood(rng=3, n_households=3000, cultural_sensitivity_training=1.0)
    th = trained.households
    assert abs(th.trust_pro[~th.migrant].mean() - th.trust_pro[th.migrant].mean()) < 0.03
    pro = trained.actors.kind == Kind.PROFESSIONAL
    assert np.allclose(trained.actors.cultural_sensitivity[pro], 1.0)


def test_own_circle_is_more_common_where_it_is_less_anonymous():
    city = Neighbourhood(rng=4, n_households=3000, anonymity=0.8)
    town = Neighbourhood(rng=4, n_households=3000, anonymity=0.2)
    assert town.households.circle.mean() > city.households.circle.mean() + 0.2


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_professionals_logics_are_widely_spread(seed):
    # validation pattern 5 (docs/validation.md): shared values, heterogeneous practice (the Q-study)
    m = Neighbourhood(rng=seed)
    pro = m.actors.kind == Kind.PROFESSIONAL
    for logic in ("knowledge", "role_view"):
        values = getattr(m.actors, logic)[pro]
        assert values.std() > 0.1, logic
        assert values.max() - values.min() > 0.4, logic


def test_heavier_problems_start_with_lower_regard_and_smaller_roles():
    light = Neighbourhood(rng=6, problem_severity=0.1, n_volunteers=400)
    heavy = Neighbourhood(rng=6, problem_severity=0.9, n_volunteers=400)
    for col in ("regard", "role_view"):
        assert getattr(heavy.actors, col).mean() < getattr(light.actors, col).mean() - 0.1


def test_hybrid_workers_are_community_oriented():
    m = Neighbourhood(rng=5, hybrid_worker_share=0.5, n_professionals=200)
    a = m.actors
    pro = a.kind == Kind.PROFESSIONAL
    assert 0.4 < a.hybrid[pro].mean() < 0.6
    assert np.all(a.community[pro & a.hybrid] == m.p["hybrid_community"])
    assert a.community[pro & ~a.hybrid].mean() < 0.3
    assert not a.hybrid[~pro].any()


def test_capacities_follow_the_levers():
    m = Neighbourhood(rng=4, caseload_capacity=7.0, coordinator_capacity=11, volunteer_hours=6.0)
    a = m.actors
    assert np.all(a.capacity[a.kind == Kind.PROFESSIONAL] == 7.0)
    assert np.all(a.capacity[a.kind == Kind.COORDINATOR] == 11.0)
    assert np.all(a.capacity[a.kind == Kind.VOLUNTEER] == 3.0)  # 6 hours / 2 per case
    basis = Neighbourhood(rng=4, coordinator_capacity=10, interplay="sociale_basis")
    coords = basis.actors.kind == Kind.COORDINATOR
    assert np.all(basis.actors.capacity[coords] == 10 * basis.p["sociale_basis_capacity"])


def test_actor_state_is_in_range():
    m = Neighbourhood(rng=4)
    a = m.actors
    for col in (
        "knowledge",
        "role_view",
        "ingroup",
        "regard",
        "cultural_sensitivity",
        "uncertainty",
        "continuity",
        "formalisation",
        "community",
    ):
        values = getattr(a, col)
        assert np.all((values >= 0) & (values <= 1)), col
    assert np.all(a.load == 0)
    assert np.all(a.side[m.ties.formal] == Side.FORMAL)


def test_a_spread_above_one_counts_as_the_widest():
    from samenspel.agents.base import beta

    wide = beta(np.random.default_rng(5), 0.3, 1.0, 1000)
    assert np.array_equal(beta(np.random.default_rng(5), 0.3, 1.7, 1000), wide)
