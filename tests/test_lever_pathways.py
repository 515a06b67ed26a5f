"""Knock-out tests: a lever acts on its own o through its mechanism (issue 9, point 12).

For every lever whose pathway has a mechanism switch, the lever's effect on its own o
(same seeds, lever low vs high) is clear with the mechanism on and gone, or nearly
gone, with that one mechanism off. Levers without a switch of their own (the
culturally sensitive format, cultural training, hybrid workers, volunteer hours, and
caseload, whose time for community work `mech_caseload` does not switch: it frees only
the links) are covered by tests/test_pathway_gauges.py and the Sobol check in
docs/sensitivity.md.
"""

from __future__ import annotations

import numpy as np
import pytest

from samenspel.model.runner import run

SEEDS = (1, 2, 3)
SMALL = dict(n_households=300, weeks=156)

# lever: (low, high, mechanism switch, own o, share of the effect left without it)
PATHWAYS = {
    "wijktafels_per_year": (0, 24, "mech_familiarity", "familiarity", 0.2),
    "wijktafel_attract_formal": (0.1, 1.0, "mech_familiarity", "familiarity", 0.2),
    "wijktafel_attract_informal": (0.1, 1.0, "mech_familiarity", "familiarity", 0.2),
    "reflection_per_year": (0, 12, "mech_reflection", "recognition", 0.0),
    "reflection_safety": (0.2, 1.0, "mech_reflection", "recognition", 0.0),
    "chair_training": (0.0, 1.0, "mech_reflection", "recognition", 0.0),
    "goal_clarity": (0.0, 1.0, "mech_goal_clarity", "goal_uncertainty", 0.0),
    "coordinator_capacity": (0, 16, "mech_brokerage", "share_intermediated", 0.0),
}
NEEDS = {  # a lever needs its occasion: sessions to be safe in, a model to be clear about
    "reflection_safety": {"reflection_per_year": 6},
    "chair_training": {"reflection_per_year": 6},
    "wijktafel_attract_formal": {"wijktafels_per_year": 12},
    "wijktafel_attract_informal": {"wijktafels_per_year": 12},
    "goal_clarity": {"hybridisation_model": "accessibility"},
}


def _effect(lever: str, low, high, own_o: str, **fixed) -> tuple[float, float]:
    """Mean and standard error of the paired effect high - low over the seeds."""
    diffs = [
        run(seed=s, **SMALL, **fixed, **{lever: high})[own_o]
        - run(seed=s, **SMALL, **fixed, **{lever: low})[own_o]
        for s in SEEDS
    ]
    return float(np.mean(diffs)), float(np.std(diffs, ddof=1) / np.sqrt(len(diffs)))


@pytest.mark.slow
@pytest.mark.parametrize("lever", sorted(PATHWAYS))
def test_the_lever_acts_through_its_mechanism(lever: str) -> None:
    low, high, switch, own_o, left = PATHWAYS[lever]
    fixed = NEEDS.get(lever, {})
    on, se_on = _effect(lever, low, high, own_o, **fixed)
    off, _ = _effect(lever, low, high, own_o, **fixed, **{switch: False})
    assert abs(on) > 3 * se_on and abs(on) > 1e-6, (lever, on, se_on)  # clear with it on
    assert abs(off) <= left * abs(on) + 1e-12, (lever, on, off)  # gone (or nearly) without
