"""Policy over time: schedules are validated and change the levers at the given week."""

from __future__ import annotations

import numpy as np
import pytest
from worlds import assert_one_line_error

from samenspel.model.neighbourhood import Neighbourhood
from samenspel.model.params import PARAMS, ParameterError
from samenspel.model.policy import (
    FIXED_FOR_RUN,
    MAX_WEEK,
    PolicyChange,
    as_toml_rows,
    changeable,
    check_schedule,
)
from samenspel.model.runner import simulate
from samenspel.model.state import Kind
from samenspel.scenarios import load_scenario

SMALL = {"n_households": 200}


def test_a_valid_schedule_is_checked_typed_and_sorted():
    got = check_schedule(
        [
            {"week": 20, "wijktafels_per_year": 0},
            {"week": np.int64(5), "chair_training": "0.5", "hybridisation_model": "accessibility"},
        ]
    )
    assert [c.week for c in got] == [5, 20]
    assert got[0].levers == {"chair_training": 0.5, "hybridisation_model": "accessibility"}
    assert got[1].levers == {"wijktafels_per_year": 0.0}
    assert type(got[1].levers["wijktafels_per_year"]) is float
    assert check_schedule(None) == () and check_schedule([]) == ()
    assert check_schedule(got) == got  # PolicyChange objects pass as they are
    assert as_toml_rows(got)[0].startswith("week 5: chair_training = 0.5")


def test_only_levers_can_change_and_two_are_fixed():
    allowed = set(changeable())
    assert allowed == {n for n, p in PARAMS.items() if p.is_lever} - set(FIXED_FOR_RUN)
    assert set(FIXED_FOR_RUN) == {"hybrid_worker_share", "interplay"}
    assert "caseload_capacity" in allowed and "anonymity" not in allowed


def _rejects(schedule, *needles: str) -> str:
    with pytest.raises(ParameterError) as info:
        check_schedule(schedule, where="scenarios/x.toml")
    message = str(info.value)
    assert message.startswith("scenarios/x.toml: ")
    assert_one_line_error(message, *needles)
    return message


def test_an_unknown_lever_is_named_with_a_hint():
    _rejects(
        [{"week": 3, "wijktafels_per_yaer": 4}],
        "schedule entry 1",
        "'wijktafels_per_yaer'",
        "did you mean 'wijktafels_per_year'",
        "4",
    )


def test_a_parameter_that_is_no_lever_is_refused():
    _rejects(
        [{"week": 3, "wijktafels_per_year": 1}, {"week": 4, "anonymity": 0.1}],
        "schedule entry 2",
        "'anonymity'",
        "not a lever",
        "0.1",
    )


@pytest.mark.parametrize(
    ("lever", "value"), [("interplay", "sociale_basis"), ("hybrid_worker_share", 0.5)]
)
def test_fixed_levers_cannot_change_during_a_run(lever, value):
    _rejects([{"week": 10, lever: value}], "schedule entry 1", repr(lever), "fixed", repr(value))


@pytest.mark.parametrize("week", [0, -1, MAX_WEEK + 1, 2.5, "3", True, None])
def test_a_bad_week_is_named(week):
    entry = {"wijktafels_per_year": 1} if week is None else {"week": week, "wijktafels_per_year": 1}
    _rejects([entry], "schedule entry 1", "'week'", f"from 1 to {MAX_WEEK}", repr(week))


def test_a_duplicate_week_is_named():
    _rejects(
        [{"week": 7, "wijktafels_per_year": 1}, {"week": 7, "chair_training": 1}], "week 7 twice"
    )


def test_an_out_of_range_value_names_entry_key_allowed_and_given():
    _rejects(
        [{"week": 2, "wijktafels_per_year": 99}],
        "schedule entry 1",
        "'wijktafels_per_year'",
        "from 0 to 52",
        "99",
    )


@pytest.mark.parametrize("schedule", [{"week": 1, "wijktafels_per_year": 1}, "week 1", 5])
def test_a_schedule_must_be_a_list_of_tables(schedule):
    _rejects(schedule, "'schedule'", "list of tables")


@pytest.mark.parametrize("entry", [5, "week = 3", [3, 4]])
def test_each_entry_must_be_a_table(entry):
    _rejects([entry], "schedule entry 1", "must be a table", repr(entry))


def test_an_entry_without_levers_is_refused():
    _rejects([{"week": 4}], "schedule entry 1", "no lever")


def test_the_model_validates_its_schedule():
    with pytest.raises(ParameterError, match="schedule entry 1"):
        Neighbourhood(rng=0, n_households=10, schedule=[{"week": 0, "chair_training": 1}])


# --- schedules act during a run ----------------------------------------------------------


def test_wijktafels_stop_at_the_scheduled_week():
    m = simulate(
        seed=1,
        weeks=30,
        wijktafels_per_year=52.0,
        schedule=[{"week": 10, "wijktafels_per_year": 0.0}],
        **SMALL,
    )
    attendance = m.weekly()["wijktafel_attendance"].to_numpy()
    assert np.all(np.diff(attendance[:10]) > 0)  # a wijktafel every week up to week 9
    assert np.all(attendance[10:] == attendance[9])  # none from week 10 on
    assert m.p["wijktafels_per_year"] == 0.0


def test_wijktafels_can_start_later():
    m = simulate(seed=1, weeks=20, schedule=[{"week": 12, "wijktafels_per_year": 52.0}], **SMALL)
    attendance = m.weekly()["wijktafel_attendance"].to_numpy()
    assert np.all(attendance[:12] == 0) and attendance[12] > 0


def test_capacities_are_re_derived_when_they_change():
    m = Neighbourhood(
        rng=2,
        weeks=10,
        schedule=[
            {"week": 5, "caseload_capacity": 9.0, "coordinator_capacity": 3, "volunteer_hours": 8.0}
        ],
        **SMALL,
    )
    a = m.actors
    m.run_weeks(4)
    assert np.all(a.capacity[a.kind == Kind.PROFESSIONAL] == 5.0)
    m.run_weeks(1)
    assert np.all(a.capacity[a.kind == Kind.PROFESSIONAL] == 9.0)
    assert np.all(a.capacity[a.kind == Kind.COORDINATOR] == 3.0)
    assert np.all(a.capacity[a.kind == Kind.VOLUNTEER] == 4.0)


def test_coordinator_capacity_keeps_the_sociale_basis_factor():
    m = Neighbourhood(rng=2, interplay="sociale_basis", **SMALL)
    m.change_levers({"coordinator_capacity": 4})
    coords = m.actors.kind == Kind.COORDINATOR
    assert np.all(m.actors.capacity[coords] == 4 * m.p["sociale_basis_capacity"])


def test_cultural_training_is_re_derived_and_can_be_withdrawn():
    m = Neighbourhood(rng=3, n_households=1000)
    a, h = m.actors, m.households
    pro = a.kind == Kind.PROFESSIONAL
    base_cs, base_trust = a.cultural_sensitivity.copy(), h.trust_pro.copy()
    m.change_levers({"cultural_sensitivity_training": 1.0})
    assert np.allclose(a.cultural_sensitivity[pro], 1.0)
    assert np.allclose(h.trust_pro, np.clip(h.trust_base, 0, 1))
    assert h.trust_pro[h.migrant].mean() > base_trust[h.migrant].mean() + 0.1
    m.change_levers({"cultural_sensitivity_training": 0.0})
    assert np.allclose(a.cultural_sensitivity, base_cs)
    assert np.allclose(h.trust_pro, base_trust)


def test_a_goal_change_moves_goal_uncertainty_at_once():
    m = simulate(
        seed=4,
        weeks=12,
        schedule=[{"week": 6, "hybridisation_model": "accessibility", "goal_clarity": 1.0}],
        **SMALL,
    )
    u = m.weekly()["goal_uncertainty"].to_numpy()
    assert u[6] < u[5] - 0.1
    assert abs(u[5] - u[4]) < 0.05


def test_the_pilot_package_scenario_withdraws_its_meetings():
    sc = load_scenario("pilot-package")
    assert sc.schedule and all(isinstance(c, PolicyChange) for c in sc.schedule)
    change = sc.schedule[0]
    params = sc.params()
    assert params["wijktafels_per_year"] > 0
    m = Neighbourhood(rng=0, weeks=change.week + 2, **{**params, **SMALL})
    m.run_model()
    for lever, value in change.levers.items():
        assert m.p[lever] == value
    attendance = m.weekly()["wijktafel_attendance"].to_numpy()
    assert attendance[change.week - 1] > 0
    assert np.all(attendance[change.week :] == attendance[change.week - 1])
