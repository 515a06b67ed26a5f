"""Initialisation: agents, starting ties, households, context presets."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from worlds import PRO_A, PRO_B, VOL_A, VOL_B, coord_index, org_index, tiny

from samenspel.agents import Coordinator, Household, Professional, Volunteer
from samenspel.model.neighbourhood import Neighbourhood


def test_one_mesa_agent_per_actor_and_household():
    m = Neighbourhood(rng=0, n_households=50, n_professionals=3, n_volunteers=5,
                      n_coordinators=2, n_organisations=4)
    kinds = Counter(type(a).__name__ for a in m.agents)
    assert kinds == {"Household": 50, "Professional": 3, "Volunteer": 5, "Coordinator": 2,
                     "ResidentsOrganisation": 4}
    assert len(m.actors["kind"]) == 14
    indices = sorted(a.index for a in m.agents if not isinstance(a, Household))
    assert indices == list(range(14))


def test_agents_read_the_bulk_state():
    m = tiny()
    pro = next(a for a in m.agents if isinstance(a, Professional) and a.index == PRO_A)
    vol = next(a for a in m.agents if isinstance(a, Volunteer) and a.index == VOL_A)
    m.actors["regard"][PRO_A] = 0.123
    m.ties.familiarity[PRO_A, VOL_A] = 0.456
    assert pro.regard == pytest.approx(0.123)
    assert pro.familiarity_with(vol) == pytest.approx(0.456)
    coordinator = next(a for a in m.agents if isinstance(a, Coordinator))
    assert coordinator.index == coord_index(m)


def test_starting_familiarity_follows_the_documented_structure():
    m = tiny(preexisting_ties=0.0)
    f = m.ties.familiarity
    coord, org = coord_index(m), org_index(m)
    assert np.array_equal(f, f.T) and np.all(np.diag(f) == 0)
    assert f[PRO_A, PRO_B] == 0.8
    assert f[VOL_A, VOL_B] == 0.6  # same organisation
    assert f[VOL_A, coord] == 0.8 and f[VOL_B, coord] == 0.8
    assert f[coord, PRO_A] == 0.4 and f[coord, org] == 0.25
    assert np.all(f[np.ix_(m.ties.formal, m.ties.informal)] == 0)  # strangers
    assert m.actors["affiliation"][VOL_A] == coord


def test_preexisting_ties_are_a_share_of_cross_pairs():
    for context, lo, hi in (("city", 0.02, 0.08), ("town", 0.18, 0.32)):
        m = Neighbourhood(rng=1, context=context)
        cross = m.ties.familiarity[np.ix_(m.ties.formal, m.ties.informal)]
        share = (cross > 0).mean()
        assert lo < share < hi, (context, share)
        assert np.all((cross == 0) | ((cross >= 0.3) & (cross <= 0.8)))


def test_anonymity_is_the_share_of_households_without_informal_contact():
    for anonymity in (0.1, 0.5, 0.9):
        m = Neighbourhood(rng=2, n_households=2000, anonymity=anonymity)
        assert (m.households["contact"] < 0).mean() == pytest.approx(anonymity, abs=0.04)
    base = Neighbourhood(rng=2, n_households=2000, anonymity=0.6, interplay="sociale_basis")
    assert (base.households["contact"] < 0).mean() == pytest.approx(0.3, abs=0.04)


def test_household_contacts_are_informal_actors():
    m = Neighbourhood(rng=3)
    contact = m.households["contact"]
    assert np.all(np.isin(contact[contact >= 0], m.ties.informal))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_professionals_logics_are_widely_spread(seed):
    # validation pattern 5 (docs/validation.md): shared values, heterogeneous practice (the Q-study)
    m = Neighbourhood(rng=seed)
    pro = m.actors["kind"] == 0
    for logic in ("knowledge", "role_view"):
        values = m.actors[logic][pro]
        assert values.std() > 0.1, logic
        assert values.max() - values.min() > 0.4, logic


def test_actor_state_is_in_range():
    m = Neighbourhood(rng=4)
    a = m.actors
    for key in ("knowledge", "role_view", "ingroup", "regard", "cultural_sensitivity",
                "uncertainty", "continuity", "formalisation", "community"):
        assert np.all((a[key] >= 0) & (a[key] <= 1)), key
    assert np.all(a["capacity"][m.ties.formal] == m.p["caseload_capacity"])
    assert np.all(a["load"] == 0)
