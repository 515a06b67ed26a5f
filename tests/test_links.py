"""Link strength: the three o's plus identity and capacity weaken a link."""

from __future__ import annotations

import numpy as np
import pytest
from worlds import PRO_A, PRO_B, VOL_A, VOL_B, neutral, org_index, tiny

from samenspel.model.links import link_strength, pair_strength
from samenspel.model.neighbourhood import Neighbourhood


def _pair(m: Neighbourhood, pro: int = PRO_A, inf: int = VOL_A) -> float:
    return float(pair_strength(m, np.array([pro]), np.array([inf]))[0])


@pytest.fixture
def world() -> Neighbourhood:
    """A neutral tiny world where PRO_A and VOL_A know each other well (0.8)."""
    m = neutral(tiny())
    m.actors["regard"][:] = 1.0
    m.ties.familiarity[PRO_A, VOL_A] = m.ties.familiarity[VOL_A, PRO_A] = 0.8
    return m


def test_baseline_link_is_the_familiarity(world):
    # no disagreement, no uncertainty, full regard, free professional, no migrant
    assert _pair(world) == pytest.approx(0.8)


def test_no_familiarity_means_no_link(world):
    world.ties.familiarity[PRO_A, VOL_A] = world.ties.familiarity[VOL_A, PRO_A] = 0.0
    assert _pair(world) == 0.0
    # ... whatever else is favourable
    world.actors["cultural_sensitivity"][:] = 1.0
    assert _pair(world) == 0.0
    assert link_strength(world, PRO_B, VOL_B)[0, 0] == 0.0


def _sweep(world: Neighbourhood, setter, values) -> np.ndarray:
    out = []
    for v in values:
        setter(world.actors, v)
        out.append(_pair(world))
    return np.array(out)


def _assert_strictly_decreasing(values: np.ndarray, min_drop: float) -> None:
    assert np.all(np.diff(values) < 0), values
    assert values[0] - values[-1] > min_drop, values


def test_link_weakens_with_disagreement(world):
    def gap(a, d):
        a["knowledge"][PRO_A] = 0.5 + d / 2
        a["knowledge"][VOL_A] = 0.5 - d / 2
    values = _sweep(world, gap, [0.0, 0.3, 0.6, 1.0])
    _assert_strictly_decreasing(values, 0.3)


def test_link_weakens_with_goal_uncertainty(world):
    def unsure(a, u):
        a["uncertainty"][[PRO_A, VOL_A]] = u
    values = _sweep(world, unsure, [0.0, 0.5, 1.0])
    _assert_strictly_decreasing(values, 0.2)
    assert values[-1] > 0  # unclear goals weaken a link but do not forbid it


def test_link_weakens_with_lower_regard(world):
    def regard(a, r):
        a["regard"][VOL_A] = r
    values = _sweep(world, regard, [1.0, 0.6, 0.3, 0.0])
    _assert_strictly_decreasing(values, 0.5)
    assert values[-1] == 0.0


def test_professional_over_capacity_has_no_time_for_contact(world):
    cap = world.actors["capacity"][PRO_A]
    def loaded(a, share):
        a["load"][PRO_A] = share * cap
    light = _sweep(world, loaded, [0.0, 0.5])
    assert light[0] == pytest.approx(light[1])  # a light caseload leaves time
    heavy = _sweep(world, loaded, [0.5, 1.0, 1.25, 1.5])
    _assert_strictly_decreasing(heavy, 0.5)
    assert heavy[-1] == 0.0


def test_load_of_the_informal_actor_does_not_limit_availability(world):
    base = _pair(world)
    world.actors["load"][VOL_A] = 10 * world.actors["capacity"][VOL_A]
    assert _pair(world) == pytest.approx(base)


def test_hybrid_workers_make_more_contact(world):
    world.actors["community"][PRO_A] = 0.0
    casework_only = _pair(world)
    world.actors["community"][PRO_A] = 1.0
    assert _pair(world) > casework_only * 1.4


def test_cultural_sensitivity_matters_only_for_migrant_informal_actors(world):
    org = org_index(world)
    a = world.actors
    world.ties.familiarity[PRO_A, org] = world.ties.familiarity[org, PRO_A] = 0.8
    a["migrant"][org] = True
    strengths = {}
    for cs in (0.0, 1.0):
        a["cultural_sensitivity"][PRO_A] = cs
        strengths[cs] = (_pair(world, PRO_A, org), _pair(world, PRO_A, VOL_A))
    (migrant_low, native_low), (migrant_high, native_high) = strengths[0.0], strengths[1.0]
    assert migrant_high > 1.5 * migrant_low
    assert native_low == pytest.approx(native_high)
    assert native_high == pytest.approx(migrant_high)  # full sensitivity closes the gap
    # the informal actor's own sensitivity is irrelevant
    a["cultural_sensitivity"][org] = 0.0
    assert _pair(world, PRO_A, org) == pytest.approx(migrant_high)


def test_link_strength_table_matches_pairwise_values(world):
    rng = np.random.default_rng(1)
    a = world.actors
    for key in ("knowledge", "role_view", "regard", "uncertainty"):
        a[key][:] = rng.random(len(a[key]))
    world.ties.familiarity[world.ties.cross] = rng.random(int(world.ties.cross.sum()))
    pros, informal = world.ties.formal, world.ties.informal
    table = link_strength(world, pros, informal)
    assert table.shape == (len(pros), len(informal))
    for r, p in enumerate(pros):
        for c, j in enumerate(informal):
            assert table[r, c] == pytest.approx(_pair(world, p, j))
    assert np.all((table >= 0) & (table <= 1))


def test_link_strength_matches_the_documented_equation(world):
    # model/links.py: L = F (1 - D) (1 - 0.5 U) R A S
    org = org_index(world)
    a = world.actors
    a["knowledge"][[PRO_A, org]] = [0.8, 0.2]
    a["role_view"][[PRO_A, org]] = [0.3, 0.7]
    a["uncertainty"][[PRO_A, org]] = [0.9, 0.5]
    a["regard"][[PRO_A, org]] = [0.6, 0.4]
    a["community"][PRO_A] = 0.25
    a["load"][PRO_A] = 1.2 * a["capacity"][PRO_A]
    a["cultural_sensitivity"][PRO_A] = 0.3
    a["migrant"][org] = True
    world.ties.familiarity[PRO_A, org] = world.ties.familiarity[org, PRO_A] = 0.7
    f, d, u = 0.7, 0.5 * (0.6 + 0.4), 0.5 * (0.9 + 0.5)
    r = (0.6 * 0.4) ** 0.5
    avail = (1.5 - 1.2) * (0.6 + 0.4 * 0.25)
    fit = 0.5 + 0.5 * 0.3
    expected = f * (1 - d) * (1 - 0.5 * u) * r * avail * fit
    assert _pair(world, PRO_A, org) == pytest.approx(expected)
