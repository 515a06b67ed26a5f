"""Benchmark: this working tree against an earlier revision, in the same run.

Builds the package of ``--before`` (a git revision) in a temporary folder, then times
both versions in fresh processes, taking turns (before, after, after, before, ...) so
that load from other processes falls on both alike. Each process imports the model,
builds a neighbourhood of ``--areas`` areas, runs ``--weeks`` weeks and computes the
summary; the table gives medians of the whole process, each part, and the peak memory,
and the ratio after / before. It also checks that both versions give the same summary.

    python benchmarks/bench_versions.py --before main --areas 1 --repeats 7
    python benchmarks/bench_versions.py --before main --areas 50 --repeats 3
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYOUT = {  # package-dir of pyproject.toml: source folder -> package folder
    "samenspel": "samenspel",
    "model": "samenspel/model",
    "agents": "samenspel/agents",
    "scenarios": "samenspel/library/scenarios",
    "experiments": "samenspel/library/experiments",
}
CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
if sys.argv[1]:
    sys.path.insert(0, sys.argv[1])
from samenspel.model import Neighbourhood
t1 = time.perf_counter()
m = Neighbourhood(rng=1, n_areas=int(sys.argv[2]), weeks=int(sys.argv[3]))
t2 = time.perf_counter()
m.run_model()
t3 = time.perf_counter()
s = m.summary()
t4 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "init": t2 - t1, "run": t3 - t2, "summary": t4 - t3,
    "peak MB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "result": {k: v for k, v in s.items() if isinstance(v, (int, float, str))}}))
"""
PARTS = ("process", "import", "init", "run", "summary", "peak MB")


def build(revision: str, folder: Path) -> Path:
    """The package of ``revision`` laid out as an installed package under ``folder``."""
    data = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision], capture_output=True, check=True
    ).stdout
    src = folder / "src"
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(src, filter="data")
    pkg = folder / "pkg"
    for source, target in LAYOUT.items():
        if (src / source).is_dir():
            shutil.copytree(src / source, pkg / target)
    return pkg


def child(path: str, areas: int, weeks: int) -> dict:
    """One fresh process (``path`` empty: this working tree, as installed)."""
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, path, str(areas), str(weeks)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tempfile.gettempdir(),  # not the repository: its folders would shadow
    )
    out = json.loads(done.stdout.strip().splitlines()[-1])
    out["process"] = time.perf_counter() - t0
    return out


def same(a: dict, b: dict) -> bool:
    """Two summaries agree (NaN equal to NaN)."""

    def eq(x: object, y: object) -> bool:
        if isinstance(x, float) and isinstance(y, float):
            return x == y or (math.isnan(x) and math.isnan(y))
        return x == y

    return a.keys() == b.keys() and all(eq(a[k], b[k]) for k in a)


def main() -> None:
    """Time both versions and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", required=True, help="git revision to compare with")
    ap.add_argument("--areas", type=int, default=1)
    ap.add_argument("--weeks", type=int, default=260)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        versions = {"before": str(build(args.before, Path(tmp))), "after": ""}
        runs: dict[str, list[dict]] = {"before": [], "after": []}
        for i in range(args.repeats):
            for name in ("before", "after") if i % 2 == 0 else ("after", "before"):
                runs[name].append(child(versions[name], args.areas, args.weeks))
    load = os.getloadavg()[0]
    print(
        f"{args.areas} area(s), {args.weeks} weeks, before = {args.before}; median of "
        f"{args.repeats} fresh processes each, taking turns; load average {load:.2f}"
    )
    print(f"{'':8}" + "".join(f"{p:>10}" for p in PARTS))
    med = {n: {p: statistics.median(r[p] for r in rs) for p in PARTS} for n, rs in runs.items()}
    for name in ("before", "after"):
        print(f"{name:8}" + "".join(f"{med[name][p]:>10.3f}" for p in PARTS))
    print(f"{'ratio':8}" + "".join(f"{med['after'][p] / med['before'][p]:>10.2f}" for p in PARTS))
    agree = same(runs["before"][0]["result"], runs["after"][0]["result"])
    print(f"summaries {'identical' if agree else 'DIFFER'}")


if __name__ == "__main__":
    main()
