"""Smoke test: the default run (260 weeks, a big-city district) and its summary."""

from __future__ import annotations

import math

import numpy as np

from samenspel.model.cases import MODE_NAMES
from samenspel.model.outputs import COUNTERS, GAUGES

REGIMES = {"co-existence", "intermediated", "co-production"}
SUMMARY_KEYS = {
    "weeks", "cases", *(f"share_{m}" for m in MODE_NAMES), "brokerage_share",
    "informal_uptake", "familiarity", "disagreement", "goal_uncertainty", "regard_formal",
    "regard_informal", "ei_index", "coordinator_betweenness", "regime", *COUNTERS,
}


def test_default_run_summary_has_every_documented_key(default_run):
    summary = default_run.summary()
    assert SUMMARY_KEYS <= set(summary)
    assert summary["weeks"] == 260
    assert summary["regime"] in REGIMES
    for key in ("late_escalations", "instrumentalisations", "referrals_taken_seriously",
                "silent_reached", "discontinuities", "referrals"):
        assert isinstance(summary[key], int) and summary[key] >= 0, key
    assert summary["referrals_taken_seriously"] <= summary["referrals"]
    for key in ("familiarity", "disagreement", "goal_uncertainty", "regard_formal",
                "regard_informal", "brokerage_share", "informal_uptake"):
        assert 0.0 <= summary[key] <= 1.0, key
    assert -1.0 <= summary["ei_index"] <= 1.0
    assert not math.isnan(summary["coordinator_betweenness"])


def test_default_run_weekly_series(default_run):
    df = default_run.weekly()
    assert len(df) == 261
    assert list(df.index) == list(range(261))
    assert set(GAUGES) <= set(df.columns)
    for key in COUNTERS:  # running counts never go down
        assert (np.diff(df[key].to_numpy()) >= 0).all(), key
    assert df["open_cases"].iloc[-1] > 0


def test_default_run_reproduces_the_city_baseline(default_run):
    # validation pattern 1 (docs/validation.md): co-existence dominates, co-production is rare,
    # and most collaboration that exists runs through coordinators.
    s = default_run.summary()
    assert s["regime"] == "co-existence"
    assert s["share_coexistence"] > s["share_coproduction"]
    assert s["share_coproduction"] < 0.1
    assert s["brokerage_share"] > 0.5
