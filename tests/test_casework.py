"""Casework: needs, support, surfacing, closure, discontinuity, discovery, introductions."""

from __future__ import annotations

import numpy as np
import pytest
from worlds import (
    PRO_A,
    PRO_B,
    VOL_A,
    VOL_B,
    coord_index,
    frequency,
    neutral,
    open_case,
    set_familiarity,
    tiny,
)

from samenspel.model import casework, needs
from samenspel.model.cases import Role
from samenspel.model.casework import end_case
from samenspel.model.routing import assign
from samenspel.model.state import Mode

QUIET = {"need_noise": 0.0, "problem_rate": 0.0}


# --- needs and support -------------------------------------------------------------------


def test_a_need_without_support_grows_and_unmet_need_accumulates():
    m = neutral(tiny(need_growth=0.02, **QUIET))
    h = m.households
    h.circle[:] = False
    h.needy[0], h.severity[0] = True, 0.4
    for week in range(1, 6):
        needs.develop_needs(m)
        assert h.severity[0] == pytest.approx(0.4 + 0.04 * week)
    assert h.unmet[0] == pytest.approx(sum(0.4 + 0.04 * w for w in range(1, 6)))
    assert np.all(h.unmet[1:] == 0)


def test_support_shrinks_a_need():
    m = neutral(tiny(**QUIET))
    m.households.circle[:] = False
    open_case(m, 0, 0.5, pro=PRO_A)
    support = needs.case_support(m, np.array([0]))[0]
    assert support == pytest.approx(m.p["support_professional"])
    needs.develop_needs(m)
    expected = 0.5 + 2 * m.p["need_growth"] * (1 - support) - m.p["recovery_rate"] * support
    assert m.households.severity[0] == pytest.approx(expected)
    assert expected < 0.5


def test_support_follows_the_documented_equation():
    m = neutral(
        tiny(
            support_professional=0.8,
            support_informal=0.6,
            informal_heavy_loss=0.5,
            synergy_direct=0.3,
            synergy_linked=0.15,
            support_extra=0.5,
        )
    )
    coord = coord_index(m)
    direct = open_case(m, 0, 0.4, pro=PRO_A, inf=VOL_A, direct=True)
    linked = open_case(m, 1, 0.4, pro=PRO_B, inf=VOL_B, coord=coord)
    informal = open_case(m, 2, 0.8, inf=VOL_A)
    s = needs.case_support(m, np.array([direct, linked, informal]))
    assert s[0] == pytest.approx(0.8 + 0.6 * (1 - 0.5 * 0.4) + 0.3)
    assert s[1] == pytest.approx(0.8 + 0.6 * (1 - 0.5 * 0.4) + 0.15)
    assert s[2] == pytest.approx(0.6 * (1 - 0.5 * 0.8))  # no synergy without a professional


def test_an_overloaded_professional_gives_less_time_per_case():
    m = neutral(tiny(caseload_capacity=2.0))
    cid = open_case(m, 0, 0.5, pro=PRO_A)
    full = needs.case_support(m, np.array([cid]))[0]
    m.actors.load[PRO_A] = 4  # twice the capacity
    assert needs.case_support(m, np.array([cid]))[0] == pytest.approx(full / 2)


def test_the_own_circle_supports_a_household_without_a_case():
    m = neutral(tiny(**QUIET))
    h = m.households
    h.needy[[0, 1]], h.severity[[0, 1]] = True, 0.5
    h.circle[0], h.circle[1] = True, False
    needs.develop_needs(m)
    assert h.severity[0] < h.severity[1]


def test_new_needs_arise_at_the_problem_rate():
    m = neutral(tiny(problem_rate=0.05))
    m.households.vulnerability[:] = 1.0
    onsets = 0
    for _ in range(200):
        m.households.needy[:] = False
        needs.develop_needs(m)
        onsets += int(m.households.new.sum())
        assert np.all(m.households.severity[m.households.new] >= 0.05)
    assert onsets / (200 * 10) == pytest.approx(0.05, abs=0.015)


# --- surfacing -----------------------------------------------------------------------------


def test_a_new_need_is_voiced_with_probability_trust():
    m = neutral(tiny(involve_base=0.0, hybridisation_push=0.0))
    h = m.households

    def trial() -> bool:
        h.needy[0], h.new[0], h.severity[0], h.trust_pro[0] = True, True, 0.4, 0.7
        needs.surface_needs(m)
        voiced = h.case[0] >= 0
        if voiced:
            assert m.cases.c.helper[h.case[0], Role.PRO] >= 0
            end_case(m, int(h.case[0]))
        return voiced

    assert frequency(trial, 500) == pytest.approx(0.7, abs=0.06)


def test_a_silent_need_is_reached_by_the_households_contact():
    m = neutral(tiny(reach_rate=0.5, civic_activity=1.0))
    h = m.households
    h.trust_pro[0], h.contact[0] = 0.0, VOL_A

    def trial() -> bool:
        h.needy[0], h.new[0], h.severity[0] = True, True, 0.3
        needs.surface_needs(m)
        reached = h.case[0] >= 0
        if reached:
            cid = int(h.case[0])
            assert m.cases.c.helper[cid, Role.INF] == VOL_A and m.cases.c.silent[cid]
            end_case(m, cid)
        return reached

    assert frequency(trial, 500) == pytest.approx(0.5, abs=0.06)
    assert m.counters["silent_reached"] > 0


def test_weeks_from_need_to_help_are_recorded():
    m = neutral(tiny(involve_base=0.0, hybridisation_push=0.0))
    h = m.households
    h.trust_pro[0] = 1.0
    h.needy[0], h.new[0], h.severity[0], h.need_start[0] = True, True, 0.4, 0
    m.steps = 3
    needs.surface_needs(m)
    assert h.case[0] >= 0
    assert h.wait[0] == 3 and h.helped[0] == 1


# --- closure -------------------------------------------------------------------------------


def test_a_solved_case_closes_and_frees_everyone():
    m = neutral(tiny())
    cid = open_case(m, 0, 0.02, pro=PRO_A, inf=VOL_A, coord=coord_index(m))
    casework.close_cases(m)
    assert not m.cases.c.active[cid]
    assert np.all(m.actors.load == 0)
    assert m.households.resolved[0] == 1 and not m.households.needy[0]


def test_closing_while_informal_help_carries_on_is_discontinuity_when_noticed():
    # no direct contact, but a coordinator on the case: the volunteer notices
    m = neutral(tiny(pro_close_severity=0.9, decision_width=0.005, need_noise=0.0))
    cid = open_case(m, 0, 0.4, pro=PRO_A, inf=VOL_A, coord=coord_index(m))
    casework.close_cases(m)
    c = m.cases.c
    assert c.helper[cid, Role.PRO] < 0 and c.helper[cid, Role.INF] == VOL_A
    assert c.helper[cid, Role.COORD] < 0
    assert m.counters["discontinuities"] == 1 and m.actors.bad[VOL_A] == 1
    assert c.active[cid]  # the informal help goes on


def _left_alone(limit: float, wanted: float, seed: int = 0):
    """A professional closes (noticed via a coordinator) and leaves VOL_A on a 0.4 need."""
    m = neutral(tiny(seed=seed, pro_close_severity=0.9, decision_width=0.005, need_noise=0.0))
    open_case(m, 0, 0.4, pro=PRO_A, inf=VOL_A, coord=coord_index(m))
    m.view.limit[VOL_A], m.view.wanted[VOL_A] = limit, wanted
    casework.close_cases(m)
    assert m.cases.c.helper[m.households.case[0], Role.PRO] < 0  # the professional left
    return m


def test_left_within_its_limit_and_wish_an_informal_actor_feels_no_discontinuity():
    m = _left_alone(limit=0.9, wanted=1.0)
    assert m.counters["discontinuities"] == 0 and m.actors.bad[VOL_A] == 0


def test_left_beyond_its_limit_an_informal_actor_feels_discontinuity():
    m = _left_alone(limit=0.2, wanted=1.0)
    assert m.counters["discontinuities"] == 1 and m.actors.bad[VOL_A] == 1


def test_within_its_limit_discontinuity_is_felt_as_often_as_the_role_was_unwanted():
    felt = [_left_alone(0.9, 0.3, seed).counters["discontinuities"] for seed in range(300)]
    assert np.mean(felt) == pytest.approx(0.7, abs=0.08)


def test_closing_in_direct_contact_is_a_warm_hand_over():
    m = neutral(tiny(pro_close_severity=0.9, decision_width=0.005, need_noise=0.0))
    cid = open_case(m, 0, 0.4, pro=PRO_A, inf=VOL_A, direct=True)
    casework.close_cases(m)
    assert m.cases.c.helper[cid, Role.PRO] < 0
    assert m.counters["warm_handovers"] == 1 and m.counters["discontinuities"] == 0
    assert m.actors.bad[VOL_A] == 0


def test_informal_help_that_stops_costs_the_professional_in_contact():
    m = neutral(tiny())
    m.actors.continuity[VOL_A] = 0.0
    cid = open_case(m, 0, 0.6, pro=PRO_A, inf=VOL_A, direct=True)
    casework.close_cases(m)
    c = m.cases.c
    assert c.helper[cid, Role.INF] < 0 and c.inf_seen[cid] == -1
    assert m.actors.bad[PRO_A] == 1  # "vraagtekens bij de continuïteit"
    assert c.active[cid]  # the professional carries on


def test_a_case_nobody_works_on_any_more_ends():
    m = neutral(tiny())
    m.actors.continuity[VOL_A] = 0.0
    cid = open_case(m, 0, 0.6, inf=VOL_A)
    casework.close_cases(m)
    assert not m.cases.c.active[cid] and m.households.case[0] == -1
    assert m.households.needy[0]  # the need is not solved: it is silent again


# --- joint work -------------------------------------------------------------------------


def test_direct_contact_raises_familiarity_every_week():
    m = neutral(tiny(clash_rate=0.0))
    open_case(m, 0, 0.6, pro=PRO_A, inf=VOL_A, direct=True)
    for _ in range(10):
        casework.work_together(m)
        m.update_ties()
    assert m.ties.get(PRO_A, VOL_A) > 0.75
    assert m.ties.get(PRO_B, VOL_A) == 0.0


def _discovered(familiarity: float, **params) -> float:
    m = neutral(tiny(clash_rate=0.0, discovery_rate=0.5, mech_identity_gating=False, **params))
    set_familiarity(m, PRO_A, VOL_A, familiarity)
    m.view_week()

    def trial() -> bool:
        cid = open_case(m, 0, 0.6, pro=PRO_A, inf=VOL_A)
        casework.work_together(m)
        found = bool(m.cases.c.together[cid])
        end_case(m, cid)
        return found

    return frequency(trial, 500)


def test_co_existing_helpers_discover_each_other_by_link_strength():
    assert _discovered(0.0) == 0.0
    assert _discovered(0.4) == pytest.approx(0.5 * 0.4, abs=0.05)
    assert _discovered(1.0) == pytest.approx(0.5, abs=0.06)


def test_a_coordinator_introduces_helpers_it_knows_and_trained_chairs_help():
    def share(training: float) -> float:
        m = neutral(
            tiny(
                clash_rate=0.0,
                introduction_rate=0.3,
                chair_training=training,
                mech_identity_gating=False,
            )
        )
        coord = coord_index(m)
        set_familiarity(m, PRO_A, coord, 1.0)
        set_familiarity(m, VOL_A, coord, 1.0)
        m.view_week()

        def trial() -> bool:
            cid = open_case(m, 0, 0.6, pro=PRO_A, inf=VOL_A, coord=coord)
            casework.work_together(m)
            found = bool(m.cases.c.together[cid])
            end_case(m, cid)
            return found

        result = frequency(trial, 600)
        assert m.counters["introductions"] == round(result * 600)
        return result

    plain, trained = share(0.0), share(1.0)
    assert plain == pytest.approx(0.3, abs=0.05)
    assert trained == pytest.approx(0.6, abs=0.06)


def test_an_introduced_case_counts_as_co_production():
    m = neutral(tiny(clash_rate=0.0, introduction_rate=1.0, mech_identity_gating=False))
    coord = coord_index(m)
    set_familiarity(m, PRO_A, coord, 1.0)
    set_familiarity(m, VOL_A, coord, 1.0)
    m.view_week()
    cid = open_case(m, 0, 0.6, pro=PRO_A, inf=VOL_A, coord=coord)
    assert m.cases.modes(np.array([cid]))[0] == Mode.INTERMEDIATED
    while not m.cases.c.together[cid]:
        casework.work_together(m)
    assert m.cases.modes(np.array([cid]))[0] == Mode.COPRODUCTION


def test_helpers_apart_have_no_encounters():
    m = neutral(tiny(clash_rate=1.0, discovery_rate=0.0, introduction_rate=0.0))
    a = m.actors
    a.knowledge[PRO_A], a.role_view[PRO_A], a.knowledge[VOL_A], a.role_view[VOL_A] = 1, 1, 0, 0
    open_case(m, 0, 0.6, pro=PRO_A, inf=VOL_A)  # co-existence: no contact, no clash
    for _ in range(20):
        casework.work_together(m)
    assert m.counters["clashes"] == 0
    assert m.actors.good.sum() == 0 and m.actors.bad.sum() == 0
    assign(m, 0, Role.COORD, coord_index(m))  # a coordinator links them: now they clash
    casework.work_together(m)
    assert m.counters["clashes"] == 1
