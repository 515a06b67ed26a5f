"""Benchmark: what the compiled kernels cost a process, the first time and every time.

The model's case-by-case mechanisms are numba kernels (``samenspel.model.jit``), kept
compiled on disk. This script measures, each in a fresh process:

- **first run**: a default run (260 weeks) with an empty kernel cache (a temporary
  ``SAMENSPEL_CACHE``), as the first run of a new version on a machine pays it;
- **later runs**: the same run again, loading the kernels from that cache;
- the parts of a later run: ``import numba``, the rest of the model's import, loading
  the kernels (the first call of each: the first one also starts numba's code
  generator), the run's weeks and the summary;

and, in the same processes, the weeks of a second default run after the kernels are
loaded, the reference for what a warm worker (a sweep's, a comparison's, the
dashboard's) pays per run.

    python benchmarks/bench_compile.py [--repeats 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import json, resource, time
t0 = time.perf_counter()
import numba
t1 = time.perf_counter()
from samenspel.model.neighbourhood import Neighbourhood
t2 = time.perf_counter()
m = Neighbourhood(rng=1)
t3 = time.perf_counter()
m.run_model()
t4 = time.perf_counter()
m.summary()
t5 = time.perf_counter()
again = Neighbourhood(rng=2)
t6 = time.perf_counter()
again.run_model()
t7 = time.perf_counter()
print(json.dumps({
    "numba": t1 - t0, "model": t2 - t1, "init": t3 - t2, "weeks": t4 - t3,
    "summary": t5 - t4, "warm_weeks": t7 - t6, "process": t5 - t0,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def child(cache: str) -> dict[str, float]:
    """Run ``CHILD`` in a fresh process with the kernel cache in ``cache``."""
    env = {**os.environ, "SAMENSPEL_CACHE": cache}
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True
    )
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    figures["wall"] = time.perf_counter() - start
    return figures


def main() -> None:
    """Measure and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5, help="later runs (default 5)")
    args = ap.parse_args()
    load = "/".join(f"{x:.1f}" for x in os.getloadavg())
    with tempfile.TemporaryDirectory() as cache:
        first = child(cache)
        later = [child(cache) for _ in range(args.repeats)]
    med = {k: statistics.median(r[k] for r in later) for k in later[0]}
    print(f"default run, 260 weeks; load average {load}; later runs: median of {args.repeats}")
    print(f"first run (empty cache), whole process: {first['wall']:6.2f} s")
    print(f"later run, whole process:               {med['wall']:6.2f} s")
    print(f"  import numba                          {med['numba']:6.3f} s")
    print(f"  import the model (Mesa and the rest)  {med['model']:6.3f} s")
    print(f"  build (loads the first kernels)       {med['init']:6.3f} s")
    print(f"  260 weeks (load the rest)             {med['weeks']:6.3f} s")
    print(f"  summary                               {med['summary']:6.3f} s")
    print(f"  peak memory                           {med['peak_mb']:6.0f} MB")
    print(f"a second run in the same process, weeks: {med['warm_weeks']:6.3f} s")
    kernels = med["init"] + med["weeks"] - med["warm_weeks"]
    print(f"loading the kernels, per process (about): {kernels:6.3f} s")
    print(f"compiling them, once (first minus later): {first['wall'] - med['wall']:6.2f} s")


if __name__ == "__main__":
    main()
