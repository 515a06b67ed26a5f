"""Benchmark: memory and waiting of simultaneous compares on the dashboard's server.

Several sessions press Compare at once (default 4 sessions, each 4 scenarios x 5
replicates x 260 weeks, as in issue 11). Two ways are measured in this process:

1. **direct**: each session calls ``samenspel.compare.run_comparison`` at once (the
   dashboard before issue 11): one process pool per session, all at the same time;
2. **line**: each session goes through ``samenspel.dashboard.compare_job.run_compare``
   (the dashboard now): one line for the server, one comparison at a time, the others
   waiting with their place in line.

Reported per way: the peak memory of this process and all its child processes
(resident set size, sampled every 0.1 s with psutil), the wall time until every
session has its result, and per session the seconds until it had a time estimate
and until its first progress report (for the line: of the first session; the others
show their place in line from the start, and outside a Solara server the sessions
share one status variable, so only the first is measured).

Measured here (2 CPUs, Python 3.12.1; 4 sessions x 4 scenarios x 5 replicates x 260
weeks): direct peak 1,834 MB, all done in 40.1 s, first progress after 17.1 s; line
peak 787 MB, all done in 37.9 s, first progress after 4.1 s, a time estimate within
0.1 s.

Run with::

    python benchmarks/bench_dashboard_compare.py [--sessions 4] [--replicates 5] [--weeks 260]
"""

from __future__ import annotations

import argparse
import platform
import threading
import time

import psutil

from samenspel.compare import run_comparison
from samenspel.dashboard import compare_job
from samenspel.scenarios import load_scenario

SCENARIOS = ("city-baseline", "wijktafels", "case-reflection", "combined-package")


def tree_rss_mb() -> float:
    """Resident memory of this process and all its descendants (MB)."""
    me = psutil.Process()
    total = me.memory_info().rss
    for child in me.children(recursive=True):
        try:
            total += child.memory_info().rss
        except psutil.Error:
            pass
    return total / 1e6


def measure(sessions: int, job) -> dict[str, float]:
    """Run ``job(k, marks)`` in ``sessions`` threads at once; peak memory and times."""
    peak, stop = [tree_rss_mb()], threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak.append(tree_rss_mb())
            stop.wait(0.1)

    marks: list[dict[str, float]] = [{} for _ in range(sessions)]
    sampler = threading.Thread(target=sample)
    sampler.start()
    t0 = time.perf_counter()
    threads = [threading.Thread(target=job, args=(k, marks[k], t0)) for k in range(sessions)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t0
    stop.set()
    sampler.join()
    firsts = [m.get("first_progress", float("nan")) for m in marks]
    estimates = [m.get("estimate", float("nan")) for m in marks]
    return {
        "peak_mb": max(peak),
        "wall_s": wall,
        "first_progress_s": min(firsts),
        "last_first_progress_s": max(firsts),
        "estimate_s": max(estimates),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=4)
    ap.add_argument("--replicates", type=int, default=5)
    ap.add_argument("--weeks", type=int, default=260)
    args = ap.parse_args()
    scenarios = [load_scenario(s) for s in SCENARIOS]

    def direct(k: int, marks: dict[str, float], t0: float) -> None:
        def progress(done: int, total: int) -> None:
            if done and "first_progress" not in marks:
                marks["first_progress"] = time.perf_counter() - t0

        run_comparison(scenarios, args.replicates, seed=k, weeks=args.weeks, progress=progress)

    def line(k: int, marks: dict[str, float], t0: float) -> None:
        watch = threading.Event()

        def watcher() -> None:  # what the session's page would show
            while not watch.is_set():
                est = compare_job.status.value
                if est is not None and "estimate" not in marks:
                    marks["estimate"] = time.perf_counter() - t0
                if est is not None and est.done and "first_progress" not in marks:
                    marks["first_progress"] = time.perf_counter() - t0
                watch.wait(0.05)

        w = threading.Thread(target=watcher)
        w.start()
        compare_job.run_compare(scenarios, args.replicates, args.weeks, k)
        watch.set()
        w.join()

    print(f"{platform.python_version()} on {psutil.cpu_count()} CPUs; base {tree_rss_mb():.0f} MB")
    print(
        f"{args.sessions} sessions, each {len(SCENARIOS)} scenarios x {args.replicates} "
        f"replicates x {args.weeks} weeks"
    )
    for name, job in (("direct (before)", direct), ("line (now)", line)):
        r = measure(args.sessions, job)
        last = f" (last session {r['last_first_progress_s']:4.1f} s)" if job is direct else ""
        print(
            f"{name:16s} peak {r['peak_mb']:6.0f} MB   all done {r['wall_s']:5.1f} s   "
            f"first progress {r['first_progress_s']:4.1f} s{last}"
            + (
                f"   estimate shown within {r['estimate_s']:.1f} s"
                if r["estimate_s"] == r["estimate_s"]
                else ""
            )
        )


if __name__ == "__main__":
    main()
