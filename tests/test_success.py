"""Success breeds trust: a joint case that ends well in direct contact rewards both helpers."""

from __future__ import annotations

import numpy as np
import pytest
from worlds import PRO_A, VOL_A, neutral, open_case, tiny

from samenspel.model import casework, needs
from samenspel.model.cases import Role
from samenspel.model.neighbourhood import Neighbourhood
from samenspel.model.runner import run
from samenspel.scenarios import load_scenario


def _solve(m: Neighbourhood, cid: int) -> None:
    """Let the week's support work on the case, then close what is solved."""
    hh = int(m.cases.c.household[cid])
    for _ in range(10):
        needs.develop_needs(m)
        if m.households.severity[hh] < m.p["resolved_severity"]:
            break
    casework.close_cases(m)


def _joint_case(**params) -> tuple[Neighbourhood, int]:
    # no noise and no onset of new needs, so the one case is all that happens
    m = neutral(tiny(need_noise=0.0, problem_rate=0.0, **params))
    cid = open_case(m, 0, 0.15, pro=PRO_A, inf=VOL_A, direct=True)
    return m, cid


def test_a_joint_case_solved_in_direct_contact_is_a_good_contact_for_both():
    m, cid = _joint_case()
    _solve(m, cid)
    c = m.cases.c
    assert not c.active[cid]
    assert m.counters["joint_successes"] == 1
    assert m.actors.good[PRO_A] == 1 and m.actors.good[VOL_A] == 1
    assert m.households.resolved[0] == 1 and not m.households.needy[0]
    regard = m.actors.regard.copy()
    m.update_identity()
    assert m.actors.regard[PRO_A] > regard[PRO_A]
    assert m.actors.regard[VOL_A] > regard[VOL_A]


def test_success_after_contact_was_withdrawn_is_not_rewarded():
    m, cid = _joint_case(clash_rate=1.0)
    m.actors.knowledge[PRO_A] = 0.9  # differing logics clash ...
    ids = np.array([cid])
    casework._clash(
        m, ids, np.array([PRO_A]), np.array([VOL_A]), np.array([True]), np.zeros(1), np.ones(1)
    )  # ... and it stays unspoken
    assert not m.cases.c.together[cid]
    m.actors.bad[:] = 0.0
    _solve(m, cid)
    assert m.counters["joint_successes"] == 0
    assert m.actors.good.sum() == 0


def test_a_case_without_direct_contact_is_not_a_joint_success():
    m = neutral(tiny(need_noise=0.0, problem_rate=0.0))
    cid = open_case(m, 0, 0.15, pro=PRO_A, inf=VOL_A)
    _solve(m, cid)
    assert not m.cases.c.active[cid]
    assert m.counters["joint_successes"] == 0


def test_switching_success_off_counts_but_does_not_reward():
    m, cid = _joint_case(mech_success=False)
    _solve(m, cid)
    assert m.counters["joint_successes"] == 1
    assert m.actors.good.sum() == 0


def test_direct_contact_speeds_up_a_case():
    def weeks_to_solve(direct: bool) -> int:
        m = neutral(tiny(need_noise=0.0, problem_rate=0.0))
        cid = open_case(m, 0, 0.6, pro=PRO_A, inf=VOL_A, direct=direct)
        for week in range(1, 100):
            needs.develop_needs(m)
            if m.households.severity[0] < m.p["resolved_severity"]:
                assert m.cases.c.helper[cid, Role.PRO] == PRO_A
                return week
        return 100

    assert weeks_to_solve(True) < weeks_to_solve(False)


@pytest.mark.parametrize(
    "name", ["city-baseline", "town-baseline", "combined-package", "hybrid-workers"]
)
def test_joint_successes_happen_in_real_runs(name):
    # issue 9, point 3: no injected state; the reward must be reachable in real runs
    params = load_scenario(name).params()
    counts = [run(seed=seed, weeks=260, **params)["joint_successes"] for seed in (101, 202)]
    assert all(c > 0 for c in counts), counts


def test_success_feedback_raises_regard_in_a_run():
    on = [run(seed=s, weeks=260, context="town")["regard_informal"] for s in (1, 2)]
    off = [
        run(seed=s, weeks=260, context="town", mech_success=False)["regard_informal"]
        for s in (1, 2)
    ]
    assert np.mean(on) > np.mean(off)
