"""Gauges on a hand-built world: cross-side strong ties, who knows whom, shared cases."""

from __future__ import annotations

import math

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

from samenspel.model.outputs import brokerage, measure, regime, tie_graph
from samenspel.model.state import Mode


@pytest.fixture
def world():
    """Cross ties: PRO_A-VOL_A 0.7, PRO_A-org 0.5 (exactly strong), PRO_B-VOL_B 0.49."""
    m = neutral(tiny(preexisting_ties=0.0, strong_tie=0.5))
    org = org_index(m)
    set_familiarity(m, PRO_A, VOL_A, 0.7)
    set_familiarity(m, PRO_A, org, 0.5)
    set_familiarity(m, PRO_B, VOL_B, 0.49)
    return m


def test_cross_side_strong_ties_and_who_knows_whom(world):
    g = measure(world)
    assert g["cross_strong_ties"] == 2.0
    assert g["informal_knowing_pro"] == pytest.approx(2 / 3)  # VOL_A and org, not VOL_B
    assert g["pro_knowing_informal"] == pytest.approx(1 / 2)  # PRO_A only
    assert g["familiarity"] == pytest.approx((0.7 + 0.5 + 0.49) / 6)


def test_ei_index_counts_strong_ties_within_and_across(world):
    # within: the team (0.8) and the two volunteers (0.6); across: PRO_A-VOL_A, PRO_A-org;
    # ties with the coordinator are left out
    g = measure(world)
    assert g["ei_index"] == pytest.approx((2 - 2) / 4)
    set_familiarity(world, PRO_B, VOL_B, 0.9)
    assert measure(world)["ei_index"] == pytest.approx((3 - 2) / 5)


def test_shared_known_is_the_share_of_shared_cases_whose_helpers_know_each_other(world):
    assert math.isnan(measure(world)["shared_known"])  # no shared case yet
    open_case(world, 0, 0.5, pro=PRO_A, inf=VOL_A)  # they know each other well
    open_case(world, 1, 0.5, pro=PRO_B, inf=VOL_B)  # 0.49: not well
    open_case(world, 2, 0.5, pro=PRO_A)  # not shared
    g = measure(world)
    assert g["shared_known"] == pytest.approx(0.5)
    assert g["open_cases"] == 3.0


def test_mode_shares_and_brokerage_of_the_open_cases(world):
    open_case(world, 0, 0.5, pro=PRO_A, inf=VOL_A, direct=True)
    open_case(world, 1, 0.5, pro=PRO_B, inf=VOL_B, coord=coord_index(world))
    open_case(world, 2, 0.5, pro=PRO_A)
    open_case(world, 3, 0.5, pro=PRO_B, inf=VOL_A)
    g = measure(world)
    for mode, share in (
        (Mode.COPRODUCTION, 0.25),
        (Mode.INTERMEDIATED, 0.25),
        (Mode.FORMAL_ONLY, 0.25),
        (Mode.COEXISTENCE, 0.25),
        (Mode.INFORMAL_ONLY, 0.0),
    ):
        assert g[f"share_{mode.key}"] == pytest.approx(share), mode
    assert g["brokerage_share"] == pytest.approx(0.5)
    shares = np.zeros(len(Mode))
    assert math.isnan(brokerage(shares))


def test_disagreement_gauges_and_recognition(world):
    a = world.actors
    a.knowledge[PRO_A] = 0.9  # D with each of the 3 informal actors = 0.2
    g = measure(world)
    assert g["disagreement"] == pytest.approx(3 * 0.2 / 6)
    assert g["felt_disagreement"] == pytest.approx(g["disagreement"])
    a.recognition[:] = 0.5
    g = measure(world)
    assert g["felt_disagreement"] == pytest.approx(0.5 * g["disagreement"])
    assert g["recognition"] == pytest.approx(0.5)


def test_regard_gauges_are_felt_per_side(world):
    a = world.actors
    a.regard[[PRO_A, PRO_B]] = [0.2, 0.6]
    a.threat[PRO_B] = 0.5
    g = measure(world)
    felt_in = 0.5 + 0.5 * 0.5
    assert g["regard_formal"] == pytest.approx((0.2 + 0.6 * (1 - 0.5 * felt_in)) / 2)
    assert g["regard_informal"] == pytest.approx(0.5)
    assert g["ingroup_formal"] == pytest.approx((0.5 + felt_in) / 2)
    assert g["threat"] == pytest.approx(0.5 / 5)  # mean over professionals and informal


def test_tie_graph_has_an_edge_per_strong_tie(world):
    g = tie_graph(world)
    assert g.number_of_nodes() == len(world.actors)
    assert g.has_edge(PRO_A, VOL_A) and g.has_edge(PRO_A, org_index(world))
    assert not g.has_edge(PRO_B, VOL_B)


def test_regime_is_none_without_shared_cases():
    m = tiny(problem_rate=0.0)
    m.run_weeks(3)
    assert regime(m) == "none"


def test_wijktafels_move_the_cross_side_gauges():
    # issue 9, point 8: gauges that move when unfamiliarity is addressed
    from samenspel.model.runner import run

    for seed in (1, 2):
        base = run(seed=seed, weeks=156)
        tables = run(seed=seed, weeks=156, wijktafels_per_year=12)
        assert tables["cross_strong_ties"] > base["cross_strong_ties"]
        assert tables["informal_knowing_pro"] > base["informal_knowing_pro"]
        assert tables["ei_index"] > base["ei_index"]
        assert tables["familiarity"] > 2 * base["familiarity"]
