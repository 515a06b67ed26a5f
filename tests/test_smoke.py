"""Smoke test: the default run (260 weeks, a big-city district) and its summary."""

from __future__ import annotations

import math

import numpy as np
import pytest

from samenspel.model.outputs import COUNTERS, GAUGES, HOUSEHOLD_OUTCOMES
from samenspel.model.state import Mode

REGIMES = {"co-existence", "intermediated", "co-production"}
SUMMARY_KEYS = {
    "weeks",
    "cases",
    *(f"share_{m.key}" for m in Mode),
    "brokerage_share",
    "informal_uptake",
    "familiarity",
    "disagreement",
    "felt_disagreement",
    "recognition",
    "goal_uncertainty",
    "regard_formal",
    "regard_informal",
    "ingroup_formal",
    "ingroup_informal",
    "threat",
    "ei_index",
    "cross_strong_ties",
    "informal_knowing_pro",
    "pro_knowing_informal",
    "shared_known",
    "coordinator_betweenness",
    "regime",
    "sources_per_case",
    "formal_sources_per_case",
    "informal_sources_per_case",
    "informal_source_share",
    "good_contacts_formal",
    "bad_contacts_formal",
    "good_contacts_informal",
    "bad_contacts_informal",
    *COUNTERS,
    *HOUSEHOLD_OUTCOMES,
}


def test_default_run_summary_has_every_documented_key(default_run):
    summary = default_run.summary()
    assert set(summary) >= SUMMARY_KEYS
    assert summary["weeks"] == 260
    assert summary["regime"] in REGIMES
    for key in COUNTERS:
        assert isinstance(summary[key], int) and summary[key] >= 0, key
    assert (
        summary["referrals_taken_seriously"] + summary["referrals_dismissed"]
        == (summary["referrals"])
    )
    assert summary["clashes_unspoken"] <= summary["clashes"]
    for key in (
        "familiarity",
        "disagreement",
        "felt_disagreement",
        "recognition",
        "goal_uncertainty",
        "regard_formal",
        "regard_informal",
        "ingroup_formal",
        "ingroup_informal",
        "threat",
        "brokerage_share",
        "informal_uptake",
        "informal_knowing_pro",
        "pro_knowing_informal",
        "informal_source_share",
    ):
        assert 0.0 <= summary[key] <= 1.0, key
    assert -1.0 <= summary["ei_index"] <= 1.0
    assert not math.isnan(summary["coordinator_betweenness"])
    assert sum(summary[f"share_{m.key}"] for m in Mode) == pytest.approx(1.0)


def test_default_run_weekly_series(default_run):
    df = default_run.weekly()
    assert len(df) == 261
    assert list(df.index) == list(range(261))
    assert set(GAUGES) <= set(df.columns)
    for key in COUNTERS:  # running counts never go down
        assert (np.diff(df[key].to_numpy()) >= 0).all(), key
    assert df["open_cases"].iloc[-1] > 0


def test_gauges_are_not_stuck_at_a_bound(default_run):
    # issue 9, point 8: cross-side measures that move
    df = default_run.weekly()
    for key in ("goal_uncertainty", "regard_formal", "regard_informal", "threat", "familiarity"):
        series = df[key].iloc[1:]
        assert series.std() > 0, key
        assert 0.0 < series.iloc[-1] < 1.0, key
    assert df["cross_strong_ties"].nunique() > 1


def test_default_run_reproduces_the_city_baseline(default_run):
    # validation pattern 1 (docs/validation.md): co-existence dominates, co-production is rare,
    # and most collaboration that exists runs through coordinators.
    s = default_run.summary()
    assert s["regime"] == "co-existence"
    assert s["share_coexistence"] > s["share_coproduction"]
    assert s["share_coproduction"] < 0.1
    assert s["brokerage_share"] > 0.5
