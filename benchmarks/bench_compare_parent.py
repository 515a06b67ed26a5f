"""Benchmark: a comparison's serial work in the parent, this tree against a revision.

``compare``'s parent prints the outcome table and writes the tables and figures after
the runs; more workers cannot shorten that. This script runs one comparison
(``--replicates`` x 4 scenarios on ``--workers``) in this tree, saves it, and then
times printing and writing it in fresh processes of this tree and of ``--before``
(built as ``bench_versions.py`` builds it), taking turns, so that load from other
processes falls on both alike. It prints the medians of printing, writing and both,
their ratios, and the parent's share of the whole (the runs timed once, this tree).

    python benchmarks/bench_compare_parent.py --before main --repeats 5
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_compare import SCENARIOS
from bench_versions import build

CHILD = r"""
import io, json, pickle, sys, tempfile, time
if sys.argv[1]:
    sys.path.insert(0, sys.argv[1])
from rich.console import Console
from samenspel import compare
comp = pickle.load(open(sys.argv[2], "rb"))
times = {}
t0 = time.perf_counter()
compare.print_outcomes(comp, console=Console(file=io.StringIO(), width=120))
times["print"] = time.perf_counter() - t0
with tempfile.TemporaryDirectory() as out:
    t1 = time.perf_counter()
    compare.write_outputs(comp, out)
    times["write"] = time.perf_counter() - t1
times["parent"] = time.perf_counter() - t0
print(json.dumps(times))
"""


def child(path: str, saved: Path) -> dict[str, float]:
    """Print and write the saved comparison in a fresh process (``path``: a built tree)."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, path, str(saved)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tempfile.gettempdir(),
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    """Run the comparison once, then time both versions' serial work."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", required=True, help="git revision to compare with")
    ap.add_argument("--replicates", type=int, default=30)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    from samenspel.compare import run_comparison

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        before = build(args.before, folder)
        t0 = time.perf_counter()
        comp = run_comparison(SCENARIOS, args.replicates, workers=args.workers)
        runs = time.perf_counter() - t0
        saved = folder / "comparison.pkl"
        saved.write_bytes(pickle.dumps(comp))
        results: dict[str, list[dict[str, float]]] = {"before": [], "after": []}
        for r in range(args.repeats):
            order = ("before", "after") if r % 2 == 0 else ("after", "before")
            for name in order:
                results[name].append(child(str(before) if name == "before" else "", saved))
    load = os.getloadavg()[0]
    print(
        f"compare {len(SCENARIOS)} x {args.replicates} on {args.workers} workers; runs "
        f"{runs:.1f} s (this tree); parent's serial work: median of {args.repeats} fresh "
        f"processes each, taking turns; load average {load:.2f}"
    )
    print(f"{'':8s} {'print':>8s} {'write':>8s} {'parent':>8s} {'share':>8s}")
    med = {
        name: {k: statistics.median(x[k] for x in rows) for k in ("print", "write", "parent")}
        for name, rows in results.items()
    }
    for name, m in med.items():
        share = m["parent"] / (runs + m["parent"])
        print(f"{name:8s} {m['print']:8.2f} {m['write']:8.2f} {m['parent']:8.2f} {share:8.1%}")
    ratio = {k: med["after"][k] / med["before"][k] for k in ("print", "write", "parent")}
    print(f"{'ratio':8s} {ratio['print']:8.2f} {ratio['write']:8.2f} {ratio['parent']:8.2f}")


if __name__ == "__main__":
    main()
