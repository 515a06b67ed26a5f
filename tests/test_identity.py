"""Identity and goals: contact events, negativity bias, goal uncertainty, identity threat."""

from __future__ import annotations

import numpy as np
import pytest
from worlds import PRO_A, VOL_A, neutral, tiny

from samenspel.agents.base import FORMAL, INFORMAL
from samenspel.model.identity import apply_contacts, apply_threat, goal_uncertainty
from samenspel.model.neighbourhood import Neighbourhood
from samenspel.model.params import resolve


def _after_one_event(regard: float, good: int, bad: int, **params) -> tuple[float, float]:
    """Regard and in-group identification after one week's tallied events."""
    actors = {"regard": np.array([regard]), "ingroup": np.array([0.5])}
    apply_contacts(actors, np.array([float(good)]), np.array([float(bad)]), resolve(params))
    return float(actors["regard"][0]), float(actors["ingroup"][0])


def test_bad_contact_lowers_regard_more_than_good_contact_raises_it():
    up = _after_one_event(0.5, good=1, bad=0, negativity_bias=2.0)[0] - 0.5
    down = 0.5 - _after_one_event(0.5, good=0, bad=1, negativity_bias=2.0)[0]
    assert up > 0 and down > 0
    assert down > 1.5 * up
    assert down / up == pytest.approx(2.0)  # at regard 0.5: b g r / (g (1 - r)) = b


@pytest.mark.parametrize("regard", [0.1, 0.3, 0.5, 0.8])
def test_without_negativity_bias_gain_and_loss_mirror_each_other(regard):
    # regard <- 1 - (1 - r)(1 - g)  gains g (1 - r);  regard <- r (1 - g)  loses g r.
    # With b = 1 a good contact from r gains exactly what a bad one from 1 - r loses,
    # and at r = 0.5 the two are equal.
    g = 0.04
    up = _after_one_event(regard, 1, 0, negativity_bias=1.0, regard_gain=g)[0] - regard
    mirror = 1 - regard
    down = mirror - _after_one_event(mirror, 0, 1, negativity_bias=1.0, regard_gain=g)[0]
    assert up == pytest.approx(g * (1 - regard))
    assert down == pytest.approx(up)
    biased = mirror - _after_one_event(mirror, 0, 1, negativity_bias=3.0, regard_gain=g)[0]
    assert biased == pytest.approx(3 * up)


def test_bad_contact_raises_ingroup_identification_good_does_not():
    assert _after_one_event(0.5, 0, 1)[1] > 0.5
    assert _after_one_event(0.5, 1, 0)[1] == pytest.approx(0.5)


def test_repeated_events_compound_and_regard_stays_in_unit_interval():
    for good, bad in [(50, 0), (0, 50), (20, 20)]:
        r, ig = _after_one_event(0.5, good, bad, regard_gain=0.3, negativity_bias=10)
        assert 0.0 <= r <= 1.0 and 0.0 <= ig <= 1.0
    many = _after_one_event(0.5, 0, 3)[0]
    one = _after_one_event(0.5, 0, 1)[0]
    assert many < one


def test_contacts_via_the_model_week():
    m = neutral(tiny(hybridisation_push=0.0))
    m.good[PRO_A] = 1
    m.bad[VOL_A] = 1
    m.update_identity()
    a = m.actors
    assert a["regard"][PRO_A] > 0.5
    assert a["regard"][VOL_A] < 0.5
    assert 0.5 - a["regard"][VOL_A] > a["regard"][PRO_A] - 0.5
    assert m.good.sum() == 0 and m.bad.sum() == 0  # tallies are consumed


# --- goal uncertainty -------------------------------------------------------------------

@pytest.fixture(scope="module")
def population() -> Neighbourhood:
    """A default-size world (drawn logics), not stepped."""
    return Neighbourhood(rng=5)


def _uncertainty(model: Neighbourhood, free: float, **params) -> np.ndarray:
    n = len(model.actors["side"])
    return goal_uncertainty(model.actors, np.full(n, free), resolve(params))


@pytest.mark.parametrize("free", [0.0, 1.0])
def test_unclear_model_means_full_uncertainty(population, free):
    u = _uncertainty(population, free, hybridisation_model="unclear", goal_clarity=1.0)
    assert np.all(u == 1.0)


def test_clear_accessibility_model_is_less_uncertain_than_no_governance(population):
    side = population.actors["side"]
    members = (side == FORMAL) | (side == INFORMAL)
    acc = _uncertainty(population, 0.5, hybridisation_model="accessibility", goal_clarity=1.0)
    nogov = _uncertainty(population, 0.5, hybridisation_model="no_governance",
                         goal_clarity=1.0)
    assert acc[members].mean() < nogov[members].mean() - 0.1
    unclear = _uncertainty(population, 0.5, hybridisation_model="unclear")
    assert nogov[members].mean() < unclear[members].mean()


def test_clarity_lowers_uncertainty(population):
    vague = _uncertainty(population, 0.5, hybridisation_model="accessibility",
                         goal_clarity=0.2)
    clear = _uncertainty(population, 0.5, hybridisation_model="accessibility",
                         goal_clarity=0.9)
    assert np.all(clear <= vague)
    assert clear.mean() < vague.mean() - 0.2


def test_civil_society_without_free_time_is_more_uncertain_for_professionals(population):
    side = population.actors["side"]
    busy = _uncertainty(population, 0.0, hybridisation_model="civil_society", goal_clarity=1.0)
    idle = _uncertainty(population, 1.0, hybridisation_model="civil_society", goal_clarity=1.0)
    pro, inf = side == FORMAL, side == INFORMAL
    assert np.all(busy[pro] > idle[pro])
    assert busy[pro].mean() > idle[pro].mean() + 0.2
    assert np.array_equal(busy[inf], idle[inf])  # informal actors have no caseload gap


def test_full_caseload_raises_professionals_goal_uncertainty_in_the_model():
    m = neutral(tiny(hybridisation_model="civil_society", goal_clarity=1.0))
    m.update_identity()
    before = m.actors["uncertainty"].copy()
    m.actors["load"][PRO_A] = m.actors["capacity"][PRO_A]
    m.update_identity()
    after = m.actors["uncertainty"]
    assert after[PRO_A] > before[PRO_A] + 0.2
    assert after[VOL_A] == pytest.approx(before[VOL_A])


def test_goal_uncertainty_stays_in_unit_interval(population):
    for model_name in ("unclear", "accessibility", "accessibility_plus", "civil_society",
                       "no_governance"):
        for free in (0.0, 0.5, 1.0):
            u = _uncertainty(population, free, hybridisation_model=model_name,
                             goal_clarity=1.0, civic_activity=0.0)
            assert np.all((u >= 0) & (u <= 1)), model_name


# --- identity threat --------------------------------------------------------------------

def _threatened(push: float, interplay: str = "wijkteam") -> dict:
    m = neutral(tiny(hybridisation_push=push, interplay=interplay, threat_rate=0.2))
    m.actors["uncertainty"][:] = 1.0
    apply_threat(m.actors, m.p)
    return m.actors


def test_push_under_uncertainty_triggers_distinction():
    calm, pushed = _threatened(0.0), _threatened(1.0)
    side = pushed["side"]
    members = side != 2
    assert np.all(pushed["ingroup"][members] > calm["ingroup"][members] + 0.05)
    assert np.all(pushed["regard"][members] < calm["regard"][members] - 0.02)
    brokers = side == 2
    assert np.allclose(pushed["regard"][brokers], calm["regard"][brokers])


def test_sociale_basis_halves_the_threat_to_professionals():
    at_team = _threatened(1.0, "wijkteam")
    at_base = _threatened(1.0, "sociale_basis")
    assert at_base["ingroup"][PRO_A] < at_team["ingroup"][PRO_A]
    assert at_base["ingroup"][VOL_A] == pytest.approx(at_team["ingroup"][VOL_A])


def test_relaxation_closes_two_percent_of_the_gap_a_week():
    # model/identity.py: "relax slowly (2 % of the gap a week, RELAXATION)"
    m = neutral(tiny(hybridisation_push=0.0))
    m.actors["regard"][:] = 0.4  # starting disposition stays 0.5
    m.actors["ingroup"][:] = 0.7
    apply_threat(m.actors, m.p)
    assert m.actors["regard"][PRO_A] == pytest.approx(0.4 + 0.02 * 0.1)
    assert m.actors["ingroup"][PRO_A] == pytest.approx(0.7 - 0.02 * 0.2)


def test_regard_relaxes_towards_the_starting_disposition():
    m = neutral(tiny(hybridisation_push=0.0))
    m.actors["regard"][:] = 0.2
    m.actors["ingroup"][:] = 0.9
    for _ in range(300):
        apply_threat(m.actors, m.p)
    assert np.allclose(m.actors["regard"], 0.5, atol=0.01)
    assert np.allclose(m.actors["ingroup"], 0.5, atol=0.01)
