"""Benchmark: a class pressing Compare at once on one dashboard server (issue 11, point 9).

Every session asks for a comparison of 4 scenarios x 10 replicates x 260 weeks (the
Compare page's default length) through the dashboard's job path
(``samenspel.dashboard.compare_job.run_compare``: memory check, the server's line,
the server's one warm pool, the outcome table and the weekly bands), each session
with its own first seed, so no session gets another's result from the server's
shared results. 1, 10 and 30 sessions submit in threads at the same moment; reported
per size: the seconds until the first session had its result, the median and the
last, and the peak memory of this process and its workers. With the same inputs for
every session (a class opening the same link) only the first runs; that is measured
once, for the largest size.

Measured in the same run, for reference:

- **floor**: one run of each scenario in this process (median), times 40 runs / the
  workers: the runs alone on perfectly used cores, without any pool or table; its CPU
  seconds are compared with the workers' CPU seconds per run in the classroom, a ratio
  the machine's other load hardly moves (the wall times it does);
- **fresh pool**: the same comparison as ``samenspel compare`` runs it
  (``run_comparison`` without an executor: a new pool per call), in this process;
- **cold process**: the same in a new Python process (import, fork server, pool,
  runs), as a command line would pay it (without printing or writing files);
- **pool start**: the server's pool started once (fork server with the model
  preloaded, and a one-week tiny run per worker), cold; then the sessions are
  measured on the warm pool (a class's server has run since the lecturer's first
  comparison), as is the time estimate's probe (``jobs.seconds_per_run``, once per
  world size and length, measured and printed first).

Read the ratios (against the fresh pool measured in the same run): the machine is
shared and its load is printed with every figure. Run with::

    python benchmarks/bench_classroom.py [--sessions 1,10,30] [--replicates 10] [--weeks 260]
    python benchmarks/bench_classroom.py --alternate 3   # fresh pool and warm pool in turns
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time

import psutil
from bench_dashboard_compare import tree_rss_mb

SCENARIOS = ("city-baseline", "wijktafels", "case-reflection", "combined-package")


def load() -> str:
    """The load average (1, 5, 15 minutes) as text."""
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def children_cpu() -> float:
    """CPU seconds (user + system) used so far by this process's descendants."""
    total = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            t = child.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total


def floor_seconds(weeks: int, runs: int, workers: int) -> tuple[float, float, float]:
    """Median wall and CPU seconds of a run here, and ``runs`` of them on ``workers``.

    One run of each scenario, in this process: no pool, no tables.
    """
    from samenspel.compare import run_one
    from samenspel.scenarios import load_scenario

    times, cpu = [], []
    for seed, name in enumerate(SCENARIOS):
        params = load_scenario(name).params()
        t0, c0 = time.perf_counter(), time.process_time()
        run_one(params, seed, weeks)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    one = statistics.median(times)
    return one, statistics.median(cpu), one * runs / workers


def fresh_pool(replicates: int, weeks: int) -> float:
    """Seconds of the comparison with a new pool, as ``samenspel compare`` runs it."""
    from samenspel.compare import run_comparison

    t0 = time.perf_counter()
    run_comparison(list(SCENARIOS), replicates, seed=0, weeks=weeks)
    return time.perf_counter() - t0


COLD = """
import time
t0 = time.perf_counter()
from samenspel.compare import run_comparison
if __name__ == "__main__":
    run_comparison({scenarios!r}, {replicates}, seed=0, weeks={weeks})
    print(time.perf_counter() - t0)
"""


def cold_process(replicates: int, weeks: int) -> float:
    """Seconds of the comparison in a new Python process, timed inside it."""
    code = COLD.format(scenarios=list(SCENARIOS), replicates=replicates, weeks=weeks)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=900
    )
    return float(out.stdout.split()[-1])


def classroom(sessions: int, replicates: int, weeks: int, same: bool) -> dict[str, float]:
    """``sessions`` sessions submit a comparison at once; seconds until each has it."""
    from samenspel.dashboard import compare_job
    from samenspel.scenarios import load_scenario

    scenarios = [load_scenario(s) for s in SCENARIOS]
    base = int(time.time() * 10) % 1_000_000 * 100 + (50 if same else 0)  # unused seeds
    done: list[float] = []
    first_progress: list[float] = []
    cpu0, own0 = children_cpu(), time.process_time()
    peak, stop = [tree_rss_mb()], threading.Event()
    gate = threading.Barrier(sessions + 1)
    t0 = 0.0

    def sample() -> None:
        while not stop.is_set():
            peak.append(tree_rss_mb())
            est = compare_job.status.value
            if est is not None and est.done and not first_progress:
                first_progress.append(time.perf_counter() - t0)
            stop.wait(0.05)

    def session(k: int) -> None:
        gate.wait()
        compare_job.run_compare(scenarios, replicates, weeks, base if same else base + 100 * k)
        done.append(time.perf_counter() - t0)

    threads = [threading.Thread(target=session, args=(k,)) for k in range(sessions)]
    for th in threads:
        th.start()
    sampler = threading.Thread(target=sample)
    t0 = time.perf_counter()
    sampler.start()
    gate.wait()
    for th in threads:
        th.join()
    stop.set()
    sampler.join()
    done.sort()
    return {
        "cpu_per_run": (children_cpu() - cpu0) / (sessions * len(scenarios) * replicates),
        "server_cpu": time.process_time() - own0,
        "first": done[0],
        "median": statistics.median(done),
        "last": done[-1],
        "first_progress": first_progress[0] if first_progress else float("nan"),
        "peak_mb": max(peak),
    }


def alternate(turns: int, replicates: int, weeks: int) -> None:
    """A fresh pool and one session on the warm pool, taking turns (same load for both)."""
    from samenspel.dashboard import jobs

    jobs.POOL.get()
    jobs.seconds_per_run(weeks, 1000, 1)
    classroom(1, 2, 1, same=False)
    fresh, warm = [], []
    for turn in range(turns):
        fresh.append(fresh_pool(replicates, weeks))
        warm.append(classroom(1, replicates, weeks, same=False)["last"])
        print(
            f"turn {turn + 1}: fresh pool {fresh[-1]:5.2f} s, warm pool (dashboard path) "
            f"{warm[-1]:5.2f} s   load {load()}"
        )
    ratio = statistics.median(w / f for w, f in zip(warm, fresh, strict=True))
    print(f"median ratio warm / fresh: {ratio:.2f}")
    jobs.POOL.shutdown()


def main() -> None:
    """Run the measurements and print them with the load average."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", default="1,10,30", help="sizes of the class, comma-separated")
    ap.add_argument("--replicates", type=int, default=10)
    ap.add_argument("--weeks", type=int, default=260)
    ap.add_argument(
        "--alternate",
        type=int,
        default=0,
        help="only this: N turns of a fresh pool, then one session on the warm pool",
    )
    args = ap.parse_args()
    if args.alternate:
        alternate(args.alternate, args.replicates, args.weeks)
        return
    sizes = [int(x) for x in args.sessions.split(",")]
    from samenspel.dashboard import jobs

    workers = jobs.POOL.workers
    runs = len(SCENARIOS) * args.replicates
    print(
        f"Python {sys.version.split()[0]}, {psutil.cpu_count()} CPUs, {workers} workers; "
        f"each session: {len(SCENARIOS)} scenarios x {args.replicates} replicates x "
        f"{args.weeks} weeks = {runs} runs"
    )
    t0 = time.perf_counter()
    jobs.POOL.get()
    start = time.perf_counter() - t0
    print(f"server pool start, once (fork server, model, workers): {start:5.2f} s   load {load()}")
    t0 = time.perf_counter()
    jobs.seconds_per_run(args.weeks, 1000, 1)
    probe = time.perf_counter() - t0
    print(f"time estimate's probe, once per world size and weeks:  {probe:5.2f} s   load {load()}")
    cold = cold_process(args.replicates, args.weeks)
    print(f"cold process (import, fork server, pool, runs):        {cold:5.2f} s   load {load()}")
    one, one_cpu, floor = floor_seconds(args.weeks, runs, workers)
    print(
        f"floor: one run {one:.3f} s ({one_cpu:.3f} CPU-s) x {runs} runs / {workers} workers: "
        f"{floor:5.2f} s   load {load()}"
    )
    ref = fresh_pool(args.replicates, args.weeks)
    print(f"fresh pool (samenspel compare's way, in-process):      {ref:5.2f} s   load {load()}")
    classroom(1, 2, 1, same=False)  # first-use costs of the tables, as in a running server
    for n in sizes:
        r = classroom(n, args.replicates, args.weeks, same=False)
        print(
            f"{n:3d} sessions: first result {r['first']:6.2f} s ({r['first'] / ref:4.2f} x fresh "
            f"pool), median {r['median']:6.2f} s, last {r['last']:6.2f} s "
            f"({r['last'] / n:5.2f} s per session); first progress {r['first_progress']:4.2f} s; "
            f"workers' CPU per run {r['cpu_per_run']:.3f} s ({r['cpu_per_run'] / one_cpu:4.2f} x "
            f"in-process); server CPU {r['server_cpu']:5.1f} s; peak {r['peak_mb']:5.0f} MB   "
            f"load {load()}"
        )
    n = max(sizes)
    r = classroom(n, args.replicates, args.weeks, same=True)
    print(
        f"{n:3d} sessions, same link: first {r['first']:6.2f} s, median {r['median']:6.2f} s, "
        f"last {r['last']:6.2f} s   load {load()}"
    )
    ref2 = fresh_pool(args.replicates, args.weeks)
    print(f"fresh pool again, at the end:                          {ref2:5.2f} s   load {load()}")
    print(f"pool starts in the whole run: {jobs.POOL.starts}")
    jobs.POOL.shutdown()


if __name__ == "__main__":
    main()
