"""Regenerate tests/data/golden_single_area.json: reference outputs of single-area runs.

The golden file pins the model's outputs for a few seeds and scenarios so that a
change meant only to make the model faster (issue 6) cannot silently change results.
Regenerate it only in a commit that changes a mechanism or a default on purpose, and
say so in the commit message::

    python tests/data/make_golden.py tests/data/golden_single_area.json
"""

import json
import sys

from samenspel import simulate

CASES = {
    "city-s0": {"seed": 0},
    "city-s1": {"seed": 1},
    "town-s2": {"seed": 2, "context": "town"},
    "combined-s3": {
        "seed": 3,
        "wijktafels_per_year": 10,
        "reflection_per_year": 6,
        "reflection_safety": 0.8,
        "chair_training": 0.8,
        "hybridisation_model": "accessibility_plus",
        "goal_clarity": 0.9,
        "cultural_sensitivity_training": 0.5,
    },
    "basis-s4": {"seed": 4, "interplay": "sociale_basis", "hybrid_worker_share": 0.5},
}


def make() -> dict:
    """Run every case for 260 weeks and collect its summary and last weekly row."""
    out = {}
    for name, kwargs in CASES.items():
        model = simulate(weeks=260, **kwargs)
        out[name] = {
            "params": kwargs,
            "summary": model.summary(),
            "weekly_tail": model.weekly().iloc[-1].to_dict(),
        }
    return out


if __name__ == "__main__":
    with open(sys.argv[1], "w") as fh:
        json.dump(make(), fh, indent=1, default=float)
