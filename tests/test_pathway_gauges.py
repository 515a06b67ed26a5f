"""Counters of the levers' first pathways (DESIGN.md section 5), in short real runs.

Each lever moves the counter of its own first step; switching the lever's setting
leaves the households' random stream alone, so a few seeds suffice.
"""

from __future__ import annotations

import pytest

from samenspel.model import run

SMALL = {"weeks": 104, "n_households": 400}
SEEDS = range(3)


def _total(key: str, **params) -> float:
    return sum(run(seed=s, **SMALL, **params)[key] for s in SEEDS)


def test_counters_are_parts_of_their_totals():
    r = run(seed=1, **SMALL, wijktafels_per_year=12, wijktafel_cultural_sensitivity=0.9)
    assert 0 < r["wijktafel_attendance_migrant"] <= r["wijktafel_attendance"]
    assert 0 <= r["referrals_migrant"] <= r["referrals"]
    assert r["community_visits"] > 0


def test_caseload_relief_makes_time_for_community_work():
    assert _total("community_visits", caseload_capacity=15.0) > _total(
        "community_visits", caseload_capacity=3.0
    )


def test_a_culturally_sensitive_format_brings_migrant_organisations_to_the_table():
    closed = _total(
        "wijktafel_attendance_migrant", wijktafels_per_year=12, wijktafel_cultural_sensitivity=0.0
    )
    open_ = _total(
        "wijktafel_attendance_migrant", wijktafels_per_year=12, wijktafel_cultural_sensitivity=1.0
    )
    assert closed == 0 and open_ > 0


@pytest.mark.parametrize("key", ["weeks_to_help_migrant"])
def test_cultural_sensitivity_training_shortens_migrant_households_wait(key):
    assert _total(key, cultural_sensitivity_training=1.0) < _total(
        key, cultural_sensitivity_training=0.0
    )
