"""Check that a speed-up changed no result: full outputs against a saved reference.

The golden tests (``tests/test_golden.py``) compare the summary and the last week of
five single-area runs. A speed-up of the multi-area code, the meetings or the summary
needs a wider net: this script saves, for a set of runs (single areas with several
levers and switches, a policy schedule, and cities of 10 and 50 areas), every weekly
gauge of every week, the whole summary, the final familiarity, actor and household
state and the Mesa network's edges; then compares a later version against them
value by value.

    python benchmarks/check_identical.py --save /tmp/reference.pkl   # before
    python benchmarks/check_identical.py --check /tmp/reference.pkl  # after

It prints, per run, ``identical`` or the largest absolute difference per output, and
exits non-zero if anything differs by more than ``--tolerance`` (default 0: bit for
bit).
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from samenspel.model.runner import simulate

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "data" / "golden_single_area.json"
# the golden cases (tests/data/make_golden.py declares them), then wider ones
RUNS: dict[str, dict[str, Any]] = {
    name: case["params"] for name, case in json.loads(GOLDEN.read_text()).items()
} | {
    "switches-s5": {
        "seed": 5,
        "mech_familiarity": False,
        "mech_brokerage": False,
        "mech_caseload": False,
    },
    "schedule-s6": {
        "seed": 6,
        "schedule": [
            {
                "week": 50,
                "wijktafels_per_year": 12,
                "coordinator_capacity": 4,
                "caseload_capacity": 10,
            }
        ],
    },
    "city10-s7": {"seed": 7, "n_areas": 10, "areas_per_district": 5, "weeks": 156},
    "city50-s1": {"seed": 1, "n_areas": 50, "areas_per_district": 5, "weeks": 104},
}


def outputs(spec: dict[str, Any]) -> dict[str, Any]:
    """Run one specification and collect everything it produces."""
    kwargs = dict(spec)
    weeks = kwargs.pop("weeks", 260)
    model = simulate(weeks=weeks, **kwargs)
    out: dict[str, Any] = {f"summary.{k}": v for k, v in model.summary().items()}
    weekly = model.weekly()
    for col in weekly.columns:
        out[f"weekly.{col}"] = weekly[col].to_numpy()
    out["ties.flat"] = model.ties.flat.copy()
    for name in ("regard", "ingroup", "recognition", "threat", "load", "uncertainty"):
        out[f"actors.{name}"] = getattr(model.actors, name).copy()
    for name in ("severity", "unmet", "wait", "case"):
        out[f"households.{name}"] = getattr(model.households, name).copy()
    out["cases.helper"] = model.cases.c.helper[: model.cases.n].copy()
    out["network.edges"] = sorted(
        tuple(sorted((int(u), int(v)))) for u, v in model.network.G.edges()
    )
    return out


def difference(a: Any, b: Any) -> float:
    """Largest absolute difference of two outputs (0 identical, inf not comparable)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a, b = np.asarray(a), np.asarray(b)
        if a.shape != b.shape:
            return math.inf
        if a.dtype.kind in "fc":
            same_nan = np.isnan(a) & np.isnan(b)
            if np.any(np.isnan(a) != np.isnan(b)):
                return math.inf
            d = np.abs(np.where(same_nan, 0.0, a - b))
            return float(d.max()) if d.size else 0.0
        return 0.0 if np.array_equal(a, b) else math.inf
    if isinstance(a, float) and isinstance(b, float):
        if math.isnan(a) and math.isnan(b):
            return 0.0
        return abs(a - b)
    return 0.0 if a == b else math.inf


def main() -> int:
    """Save or check the reference outputs."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", metavar="FILE")
    group.add_argument("--check", metavar="FILE")
    ap.add_argument("--tolerance", type=float, default=0.0)
    ap.add_argument("--only", nargs="*", help="names of runs to do (default all)")
    args = ap.parse_args()
    names = args.only or list(RUNS)
    if args.save:
        saved = {}
        for name in names:
            t0 = time.perf_counter()
            saved[name] = outputs(RUNS[name])
            print(f"{name}: saved ({time.perf_counter() - t0:.1f} s)")
        with open(args.save, "wb") as fh:
            pickle.dump(saved, fh)
        return 0
    with open(args.check, "rb") as fh:
        reference = pickle.load(fh)
    bad = 0
    for name in names:
        t0 = time.perf_counter()
        now = outputs(RUNS[name])
        ref = reference[name]
        diffs = {k: difference(now.get(k), ref[k]) for k in ref}
        diffs.update({k: math.inf for k in now if k not in ref})
        worst = {k: d for k, d in diffs.items() if d > 0}
        took = time.perf_counter() - t0
        if not worst:
            print(f"{name}: identical ({took:.1f} s)")
            continue
        over = {k: d for k, d in worst.items() if d > args.tolerance}
        bad += bool(over)
        print(f"{name}: {'DIFFERS' if over else 'within tolerance'} ({took:.1f} s)")
        for k, d in sorted(worst.items(), key=lambda kv: -kv[1])[:12]:
            print(f"    {k}: {d:.3g}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
