"""Pattern-oriented validation (docs/validation.md), with fixed seeds.

The scenarios come unchanged from scenarios/ (one parameter set per context) and the
criteria are those of samenspel/validation.py, which also writes docs/validation.md;
they were fixed before looking at the results. 12 replicates of 260 weeks each, the
same seeds in every scenario (common random numbers).
"""

from __future__ import annotations

import pytest

from samenspel.validation import REPLICATES, SEED, WEEKS, PatternResult, run_patterns

pytestmark = pytest.mark.slow  # the full validation runs (12 replicates x 6 scenarios)


@pytest.fixture(scope="module")
def patterns() -> dict[int, PatternResult]:
    _, _, results = run_patterns(REPLICATES, SEED, WEEKS)
    return {r.number: r for r in results}


def _holds(result: PatternResult, *labels: str) -> None:
    """Assert the checks whose label contains one of ``labels`` (all if none given)."""
    checks = [c for c in result.checks if not labels or any(x in c.label for x in labels)]
    assert checks, f"no checks match {labels}"
    failed = [c for c in checks if not c.ok]
    assert not failed, (f"pattern {result.number} ({result.title}) does not hold:\n"
                        + result.explain())


def test_pattern_1_city_baseline_is_coexistence_dominated(patterns):
    _holds(patterns[1])


def test_pattern_2_town_has_clearly_more_coproduction_than_city(patterns):
    _holds(patterns[2])


def test_pattern_3_wijktafels_raise_familiarity_but_coproduction_only_modestly(patterns):
    _holds(patterns[3], "familiarity", "wijktafels minus city")


def test_pattern_3_combined_package_raises_coproduction_much_more(patterns):
    _holds(patterns[3], "combined package minus wijktafels", "package at least twice")


def test_pattern_4_no_governance_gives_low_uptake_and_high_goal_uncertainty(patterns):
    _holds(patterns[4])


def test_pattern_5_professionals_logics_are_widely_spread(patterns):
    _holds(patterns[5])
