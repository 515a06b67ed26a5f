"""Household outcomes per group (all, migrant, non-migrant), on a hand-built world."""

from __future__ import annotations

import math

import numpy as np
import pytest
from worlds import PRO_A, VOL_A, neutral, tiny

from samenspel.model import casework, needs
from samenspel.model.casework import end_case
from samenspel.model.outputs import GROUPS, HOUSEHOLD_OUTCOMES, household_outcomes

NAMES = (
    "unmet_need",
    "weeks_to_help",
    "needs_resolved",
    "escalations_per_100",
    "silent_left_per_100",
)


def test_every_outcome_exists_per_group():
    assert GROUPS == ("", "_migrant", "_non_migrant")
    assert set(HOUSEHOLD_OUTCOMES) == {f"{n}{g}" for n in NAMES for g in GROUPS}


def _lived_world():
    """Households 0-3 migrant, 4-9 not; their needs go through the real mechanisms.

    - household 0 (migrant): a need of 0.5 voiced after 2 weeks, then solved;
    - household 1 (migrant): a silent need of 0.4 that nobody reaches (left at the end);
    - household 4 (non-migrant): a need of 0.95 kept by a volunteer, escalated late.
    """
    m = neutral(
        tiny(
            coordinators=0,
            need_noise=0.0,
            problem_rate=0.0,
            need_growth=0.0,
            escalation_severity=0.5,
            crisis_severity=1.0,
            decision_width=0.005,
            limit_base=1.0,
            involve_base=0.0,
            hybridisation_push=0.0,
        )
    )
    h = m.households
    h.migrant[:4] = True
    h.circle[:] = False
    h.trust_pro[:] = 0.0
    for hh, severity in ((0, 0.5), (1, 0.4), (4, 0.95)):
        h.needy[hh], h.severity[hh], h.need_start[hh], h.needs[hh] = True, severity, 0, 1
    # two weeks pass: needs weigh on the households, nobody voices them
    for week in (1, 2):
        m.steps = week
        needs.develop_needs(m)
        needs.surface_needs(m)
    assert np.all(h.case < 0)
    # household 0 goes to the wijkteam, household 4's volunteer keeps the case
    h.trust_pro[0], h.new[0] = 1.0, True
    h.contact[4] = VOL_A
    m.p = {**m.p, "reach_rate": 1.0, "civic_activity": 1.0}
    h.new[:] = False
    h.new[0] = True
    needs.surface_needs(m)
    assert h.case[0] >= 0 and h.case[4] >= 0 and h.case[1] < 0
    assert m.cases.c.helper[h.case[4], 2] == VOL_A
    needs.refer_and_escalate(m)  # household 4's need is too heavy: late escalation
    assert m.cases.c.escalated[h.case[4]]
    h.severity[0] = 0.01  # the wijkteam solved household 0's need
    casework.close_cases(m)
    return m


def test_household_outcomes_follow_what_happened():
    m = _lived_world()
    h = m.households
    out = household_outcomes(m)
    # unmet need: severity-weeks, summed per household, averaged over the group
    assert h.unmet[0] == pytest.approx(1.0) and h.unmet[1] == pytest.approx(0.8)
    assert h.unmet[4] == pytest.approx(1.9)
    assert out["unmet_need_migrant"] == pytest.approx((1.0 + 0.8) / 4)
    assert out["unmet_need_non_migrant"] == pytest.approx(1.9 / 6)
    assert out["unmet_need"] == pytest.approx(3.7 / 10)
    # weeks to help: both helped needs waited two weeks
    assert out["weeks_to_help_migrant"] == pytest.approx(2.0)
    assert out["weeks_to_help_non_migrant"] == pytest.approx(2.0)
    # needs resolved: one of two migrant needs, none of one non-migrant need
    assert out["needs_resolved_migrant"] == pytest.approx(0.5)
    assert out["needs_resolved_non_migrant"] == 0.0
    assert out["needs_resolved"] == pytest.approx(1 / 3)
    # escalations and silent problems left, per 100 households of the group
    assert out["escalations_per_100_non_migrant"] == pytest.approx(100 / 6)
    assert out["escalations_per_100_migrant"] == 0.0
    assert out["escalations_per_100"] == pytest.approx(10.0)
    assert out["silent_left_per_100_migrant"] == pytest.approx(25.0)
    assert out["silent_left_per_100_non_migrant"] == 0.0
    assert out["silent_left_per_100"] == pytest.approx(10.0)


def test_a_group_without_needs_has_no_rates():
    m = neutral(tiny(problem_rate=0.0))
    out = household_outcomes(m)
    assert math.isnan(out["weeks_to_help"]) and math.isnan(out["needs_resolved"])
    assert out["unmet_need"] == 0.0 and out["silent_left_per_100"] == 0.0


def test_a_closed_case_without_solution_leaves_a_silent_problem():
    m = neutral(tiny())
    h = m.households
    h.needy[0], h.severity[0] = True, 0.6
    cid = m.cases.open(0, 0, silent=False, circle=False)
    h.case[0] = cid
    from samenspel.model.cases import Role
    from samenspel.model.routing import assign

    assign(m, cid, Role.PRO, PRO_A)
    assert household_outcomes(m)["silent_left_per_100"] == 0.0
    end_case(m, cid)
    assert household_outcomes(m)["silent_left_per_100"] == pytest.approx(10.0)


def test_a_need_is_helped_once_and_waits_until_its_first_help():
    # HouseholdTable: "wait: Weeks from need to first help, summed over the needs that
    # got help"; "helped: Needs that got help". A case that ends unsolved (its informal
    # helper stops) and is opened again later is still the same need.
    m = neutral(
        tiny(
            coordinators=0,
            need_noise=0.0,
            problem_rate=0.0,
            need_growth=0.0,
            involve_base=0.0,
            hybridisation_push=0.0,
            crisis_severity=1.0,
            escalation_severity=1.0,
            reach_rate=1.0,
            civic_activity=1.0,
        )
    )
    h = m.households
    h.trust_pro[:] = 0.0
    h.contact[0] = VOL_A
    h.needy[0], h.severity[0], h.need_start[0], h.needs[0] = True, 0.3, 0, 1
    m.steps = 2
    needs.surface_needs(m)  # reached by its contact after two weeks
    assert h.case[0] >= 0 and h.helped[0] == 1 and h.wait[0] == 2
    m.actors.continuity[VOL_A] = 0.0
    m.steps = 5
    casework.close_cases(m)  # the volunteer stops; nobody else is on it
    assert h.case[0] < 0 and h.needy[0]
    m.actors.continuity[VOL_A] = 1.0
    m.steps = 6
    needs.surface_needs(m)  # reached again
    assert h.case[0] >= 0
    assert h.needs[0] == 1
    assert h.helped[0] <= h.needs[0], "one need counted as helped twice"
    assert household_outcomes(m)["weeks_to_help"] == pytest.approx(2.0)


def test_group_outcomes_add_up_in_a_real_run(default_run):
    out = default_run.summary()
    h = default_run.households
    n_mig, n_non = int(h.migrant.sum()), int((~h.migrant).sum())
    assert n_mig > 50 and n_non > 50
    for name in ("unmet_need", "escalations_per_100", "silent_left_per_100"):
        mixed = (n_mig * out[f"{name}_migrant"] + n_non * out[f"{name}_non_migrant"]) / len(h)
        assert out[name] == pytest.approx(mixed), name
    for name in ("weeks_to_help", "needs_resolved"):
        lo, hi = sorted((out[f"{name}_migrant"], out[f"{name}_non_migrant"]))
        assert lo <= out[name] <= hi, name
    assert np.all(h.resolved <= h.needs) and np.all(h.helped <= h.needs)
    escalated = default_run.cases.c.escalated[: default_run.cases.n].sum()
    assert out["escalations_per_100"] == pytest.approx(100 * escalated / len(h))
    assert escalated <= out["late_escalations"]
    # migrant households, with less trust in professionals, wait longer for help
    assert out["weeks_to_help_migrant"] > out["weeks_to_help_non_migrant"]


def test_a_need_the_own_circle_solves_counts_as_resolved():
    # support_circle may be up to 1 (declared range); then the own circle alone shrinks
    # a need. Once it is below resolved_severity it is solved, not a silent problem left.
    m = neutral(tiny(support_circle=1.0, problem_rate=0.0, need_noise=0.0))
    h = m.households
    h.trust_pro[:] = 0.0  # never voiced: only the own circle helps
    h.circle[:] = False
    h.circle[0] = True
    h.needy[0], h.severity[0], h.needs[0] = True, 0.3, 1
    for _ in range(30):
        m.step()
    assert h.severity[0] < m.p["resolved_severity"]
    assert h.case[0] < 0  # the own circle did it alone
    assert not h.needy[0] and h.resolved[0] == 1, "a solved need stays open and silent"
    assert household_outcomes(m)["silent_left_per_100"] == 0.0


def test_with_default_support_the_own_circle_alone_cannot_solve_a_need():
    # at the defaults the own circle alone only slows a need's growth: it does not
    # solve it (so needs_resolved counts what helpers solve)
    m = neutral(tiny(problem_rate=0.0, need_noise=0.0))
    h = m.households
    h.trust_pro[:] = 0.0
    h.circle[0] = True
    h.needy[0], h.severity[0], h.needs[0] = True, 0.1, 1
    for _ in range(30):
        m.step()
    assert h.case[0] < 0 and h.severity[0] > 0.1
