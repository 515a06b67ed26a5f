"""Knock-out switches: with a mechanism switched off, its effect is gone in a real run."""

from __future__ import annotations

import numpy as np
import pytest

from samenspel.model.neighbourhood import Neighbourhood
from samenspel.model.runner import simulate
from samenspel.model.state import Side

WEEKS = 104
SMALL = {"n_households": 600}


def test_without_brokerage_nothing_is_intermediated():
    on = simulate(seed=3, weeks=WEEKS, **SMALL).summary()
    off = simulate(seed=3, weeks=WEEKS, mech_brokerage=False, **SMALL).summary()
    assert on["share_intermediated"] > 0
    assert off["share_intermediated"] == 0.0 and off["introductions"] == 0


def test_without_familiarity_growth_cross_ties_only_fade():
    m = Neighbourhood(rng=3, weeks=WEEKS, mech_familiarity=False, wijktafels_per_year=12, **SMALL)
    start = m.ties.get(m.ties.cross_i, m.ties.cross_j).copy()
    m.run_model()
    end = m.ties.get(m.ties.cross_i, m.ties.cross_j)
    assert np.all(end <= start + 1e-12)
    on = simulate(seed=3, weeks=WEEKS, wijktafels_per_year=12, **SMALL)
    assert on.gauges["familiarity"] > m.gauges["familiarity"] + 0.05


def test_without_reflection_there_is_no_recognition():
    off = simulate(seed=3, weeks=WEEKS, reflection_per_year=12, mech_reflection=False, **SMALL)
    assert off.gauges["recognition"] == 0.0
    assert off.summary()["reflection_participation"] > 0  # the sessions still happen
    on = simulate(seed=3, weeks=WEEKS, reflection_per_year=12, **SMALL)
    assert on.gauges["recognition"] > 0.05


def test_without_contact_valence_regard_stocks_do_not_move():
    m = Neighbourhood(rng=3, weeks=WEEKS, mech_contact_valence=False, **SMALL)
    regard, ingroup = m.actors.regard.copy(), m.actors.ingroup.copy()
    m.run_model()
    assert np.array_equal(m.actors.regard, regard)
    assert np.array_equal(m.actors.ingroup, ingroup)
    assert m.summary()["good_contacts_informal"] > 0  # contact still happened


def test_without_threat_nobody_feels_threatened():
    m = simulate(seed=3, weeks=WEEKS, mech_threat=False, hybridisation_push=1.0, **SMALL)
    assert np.all(m.actors.threat == 0.0)
    on = simulate(seed=3, weeks=WEEKS, hybridisation_push=1.0, **SMALL)
    assert on.gauges["threat"] > 0.1


def test_without_caseload_limits_professionals_always_have_time():
    m = simulate(seed=3, weeks=30, mech_caseload=False, caseload_capacity=1.0, **SMALL)
    pros = m.actors.side == Side.FORMAL
    assert np.all(m.actors.load[pros] > 1)  # overloaded ...
    assert np.all(
        m.view.available[pros]
        == pytest.approx(
            1 - m.p["community_time"] + m.p["community_time"] * m.actors.community[pros]
        )
    )


def test_without_identity_gating_distance_plays_no_part():
    m = simulate(seed=3, weeks=30, mech_identity_gating=False, **SMALL)
    assert np.all(m.view.distance == 0.0)
    assert m.gauges["regard_informal"] < 1.0  # regard itself still exists
