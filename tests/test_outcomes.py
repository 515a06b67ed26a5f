"""The outcomes' ranges (``samenspel.outcomes``): every outcome declared, intervals shown within."""

from __future__ import annotations

import io
import math
from dataclasses import replace

import numpy as np
import pandas as pd
from rich.console import Console

from samenspel import outcomes
from samenspel.compare import Comparison, format_ci, outcome_table, print_outcomes
from samenspel.model.outputs import GAUGES
from samenspel.scenarios import load_scenario


def test_every_outcome_and_gauge_says_what_it_can_be(default_run):
    names = [k for k, v in default_run.summary().items() if not isinstance(v, str)]
    missing = [n for n in [*names, *GAUGES] if not outcomes.declared(n)]
    assert not missing, f"declare these in samenspel/outcomes.py: {missing}"


def test_declared_outcomes_stay_in_their_range(default_run):
    for name, value in default_run.summary().items():
        if isinstance(value, str) or value != value:
            continue
        low, high = outcomes.bounds(name)
        assert low <= value <= high, (name, value, (low, high))


def test_the_sets_do_not_overlap():
    assert not outcomes.UNIT & outcomes.NON_NEGATIVE
    assert not outcomes.UNIT & outcomes.SIGNED_UNIT
    assert not outcomes.NON_NEGATIVE & outcomes.SIGNED_UNIT


def test_a_group_outcome_has_its_base_range():
    assert outcomes.bounds("needs_resolved_migrant") == (0.0, 1.0)
    assert outcomes.bounds("unmet_need_non_migrant") == (0.0, math.inf)
    assert outcomes.bounds("something_new") == (-math.inf, math.inf)


def test_intervals_are_shown_within_range_and_nan_stays():
    assert outcomes.shown_low("late_escalations", -0.4) == 0.0
    assert outcomes.shown_high("share_coproduction", 1.2) == 1.0
    assert outcomes.shown_low("ei_index", -1.3) == -1.0
    assert outcomes.shown_high("late_escalations", 1e6) == 1e6  # no upper bound
    assert outcomes.shown_low("something_new", -5.0) == -5.0  # undeclared: as computed
    assert np.isnan(outcomes.shown_low("share_coproduction", float("nan")))
    series = pd.Series([-0.2, 0.5])
    assert list(outcomes.shown_low("unmet_need", series)) == [0.0, 0.5]


def test_decimals_fit_the_kind_of_outcome():
    assert outcomes.decimals("share_coproduction", 0.4) == 3
    assert outcomes.decimals("ei_index", -0.9) == 3
    assert outcomes.decimals("late_escalations", 7.5) == 1
    assert outcomes.decimals("referrals", 4321.0) == 0


def test_printed_table_shows_intervals_within_range():
    runs = pd.DataFrame(
        {
            "scenario": ["a", "a", "b", "b"],
            "seed": [0, 1, 0, 1],
            "weeks": [8] * 4,
            "late_escalations": [0, 1, 0, 0],
            "share_coproduction": [0.98, 1.0, 0.5, 0.6],
        }
    )
    base = load_scenario("city-baseline")
    scenarios = [replace(base, name="a"), replace(base, name="b")]
    comp = Comparison(scenarios, [0, 1], 8, runs, pd.DataFrame(), 0.0, 1)
    table = outcome_table(comp)
    raw = table.set_index(["outcome", "scenario"])
    assert raw.loc[("late_escalations", "a"), "ci_low"] < 0  # the t-interval as computed ...
    assert raw.loc[("share_coproduction", "a"), "ci_high"] > 1
    buffer = io.StringIO()
    print_outcomes(comp, table, console=Console(file=buffer, width=200))
    text = buffer.getvalue()
    # ... is printed from 0 and up to 1, with the decimals the interval supports (a
    # half-width of 6.4 events: one decimal; of 0.13: two), as the Compare page shows it
    assert "0.5 [0.0, 6.9]" in text
    assert "0.99 [0.86, 1.00]" in text
    assert "-0.44 [-0.95, 0.07]" in text  # a difference, with its own interval's decimals


def test_a_value_that_rounds_to_zero_is_never_printed_as_minus_zero():
    assert outcomes.fixed(-0.0004, 3) == "0.000"
    assert outcomes.fixed(-0.0004, 3, signed=True) == "+0.000"
    assert outcomes.fixed(-0.0, 1) == "0.0"
    assert outcomes.fixed(-0.0006, 3) == "-0.001"  # not zero: the sign stays
    assert outcomes.fixed(2.675, 2) == f"{2.675:.2f}"  # rounds as formatting does
    assert outcomes.fixed(float("nan"), 2) == "nan"
    assert format_ci(-0.0002, -0.0009, 0.0004, signed=True) == "+0.000 [-0.001, 0.000]"


def test_digits_are_what_the_interval_supports():
    assert outcomes.digits("late_escalations", 19.3, 9.3, 29.4) == 0  # 19 [9; 29]
    assert outcomes.digits("share_coproduction", 0.703, 0.689, 0.718) == 3
    assert outcomes.digits("weeks_to_help", -0.04, -0.09, 0.004) == 3
    assert outcomes.digits("unmet_need", 4.4, 4.2, 4.6) == 2
    assert outcomes.digits("late_escalations", 7.5, float("nan"), float("nan")) == 1  # its kind
