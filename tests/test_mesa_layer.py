"""The Mesa layer tells the truth: network = strong ties, households are arrays,
``running`` turns false at ``weeks``, ``steps`` is the week counter."""

from __future__ import annotations

import numpy as np
import pytest
from worlds import PRO_A, VOL_A, neutral, set_familiarity, tiny

from samenspel.agents import Household
from samenspel.model.neighbourhood import Neighbourhood
from samenspel.model.runner import simulate


def _strong_neighbours(model: Neighbourhood, i: int) -> set[int]:
    d = model.areas.actor_district
    same = np.flatnonzero(d == d[i])
    fam = model.ties.get(i, same)
    return {int(j) for j in same[fam >= model.p["strong_tie"]] if j != i}


def _assert_network_is_strong_ties(model: Neighbourhood) -> None:
    wrong = []
    for agent in model.agents:
        got = {int(c.coordinate) for c in agent.cell.neighborhood}
        if got != _strong_neighbours(model, agent.index):
            wrong.append(agent.index)
    assert not wrong, f"cell.neighborhood differs from the strong ties for actors {wrong}"


def test_every_cell_neighbourhood_is_the_current_strong_ties(default_run):
    assert default_run.week == 260
    _assert_network_is_strong_ties(default_run)


def test_the_network_gets_its_edges_when_first_used_and_they_are_the_strong_ties():
    m = Neighbourhood(rng=4, weeks=10)
    assert m._network.G.number_of_edges() == 0  # not built with the model
    m.run_model()
    assert m._network.G.number_of_edges() == 0  # nor by running it
    edges = {tuple(sorted(e)) for e in m.network.G.edges()}
    rows, cols, _ = m.ties.strong_pairs(m.p["strong_tie"])
    strong = {tuple(sorted(p)) for p in zip(rows.tolist(), cols.tolist(), strict=True)}
    assert edges and edges == strong
    _assert_network_is_strong_ties(m)


def test_the_network_follows_ties_that_form_and_fade():
    m = neutral(tiny(anonymity=1.0, familiarity_decay=0.2, problem_rate=0.0))
    m.actors.community[:] = 0.0  # no community work: the tie only decays
    pro = next(a for a in m.agents if a.index == PRO_A)
    assert VOL_A not in {c.coordinate for c in pro.cell.neighborhood}
    set_familiarity(m, PRO_A, VOL_A, 0.9)
    m.step()  # decays to 0.9 x 0.6 = 0.54: strong
    assert m.ties.get(PRO_A, VOL_A) == pytest.approx(0.54)
    assert VOL_A in {c.coordinate for c in pro.cell.neighborhood}
    assert PRO_A in {c.coordinate for c in m.network.all_cells.cells[VOL_A].neighborhood}
    m.step()  # fades below the strong-tie line
    assert m.ties.get(PRO_A, VOL_A) < m.p["strong_tie"]
    assert VOL_A not in {c.coordinate for c in pro.cell.neighborhood}
    _assert_network_is_strong_ties(m)


def test_the_network_is_right_after_every_week():
    m = tiny(seed=2, wijktafels_per_year=52, anonymity=0.9, problem_rate=0.05)
    seen = set()
    for _ in range(40):
        m.step()
        _assert_network_is_strong_ties(m)
        rows, cols, _ = m.ties.strong_pairs(m.p["strong_tie"])
        seen.add(frozenset(zip(rows.tolist(), cols.tolist(), strict=True)))
    assert len(seen) > 1  # the strong ties did change over these weeks


def test_the_network_is_right_in_several_districts():
    m = simulate(
        seed=3,
        weeks=40,
        n_areas=4,
        areas_per_district=2,
        n_households=100,
        n_professionals=4,
        n_volunteers=6,
        n_coordinators=1,
        n_organisations=3,
        wijktafels_per_year=12,
    )
    _assert_network_is_strong_ties(m)


def test_each_actor_sits_in_its_own_cell():
    m = tiny()
    for agent in m.agents:
        assert agent.cell.coordinate == agent.index
        assert list(agent.cell.agents) == [agent]
    assert len(m.network.all_cells) == len(m.actors)


def test_households_are_not_mesa_agents():
    m = Neighbourhood(rng=0, n_households=500)
    assert len(m.agents) == len(m.actors)
    assert Household not in m.agents_by_type
    assert not any(isinstance(a, Household) for a in m.agents)
    assert len(m.households) == 500
    assert isinstance(m.household(499), Household)


@pytest.mark.parametrize("weeks", [1, 7, 30])
def test_run_model_stops_at_weeks(weeks):
    m = Neighbourhood(rng=1, weeks=weeks, n_households=100)
    assert m.running and m.steps == 0 and m.week == 0
    m.run_model()
    assert not m.running
    assert m.steps == m.week == weeks
    assert len(m.weekly()) == weeks + 1


def test_steps_is_the_week_counter():
    m = Neighbourhood(rng=1, weeks=5, n_households=100)
    for expected in range(1, 9):
        m.step()
        assert m.steps == m.week == expected
    assert not m.running  # past the horizon: stays stopped
    assert m.weekly().index[-1] == 8
