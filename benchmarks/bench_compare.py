"""Benchmark: ``samenspel compare`` of 4 scenarios x 30 replicates on 2 workers.

Times the parts of a comparison as the command line does them: the runs (in a
process pool), then the outputs: the outcome table printed and the tables and figures
written (the weekly tables and the figures go to the pool first, and the table is
printed while they are drawn). The outputs are the parent's serial part, which more cores
shorten only as far as the pool's share of them goes, so the parent's own CPU time is
printed as well. As the
reference, measured in the same run, one replicate of each scenario is timed in this
process: the runs' ideal time is replicates x scenarios x their mean / workers, and the ratio of
the runs' wall time to it says how well the pool is used.

A run with every worker busy can take longer than a run alone: the cores of a machine
share caches, memory bandwidth and a power budget. So the same replicates are also
timed in a warm pool, every worker running one at once; that time, not the run alone,
is what the runs in the pool can come down to on this machine (their floor), and its
ratio to the run alone is printed as the machine's contention.

What more cores cannot shorten is also measured from outside, with the Karp-Flatt
metric: each comparison is followed by the same on a single worker, which gives the
speed-up S of that pair (the machine's speed drifts by a third within minutes, so
pairs, not one single-worker run against a median), and e = (1/S - 1/p) / (1 - 1/p)
is the serial fraction that explains it (all of it: the pool's start, the parent's
work, the longest single output, and the contention above).

Last, the same comparison as a user runs it: ``samenspel compare`` in a fresh process,
its imports and its pool's start included, with the command's own CPU time (what the
comparisons in this process cannot see: this process has its imports done and its fork
server running after the first).

Targets (issue 12): the whole comparison in at most 8 s on 2 workers, the parent's
serial share under 10 %. Run with::

    python benchmarks/bench_compare.py [--replicates 30] [--workers 2] [--repeats 3]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time

SCENARIOS = ["city-baseline", "wijktafels", "case-reflection", "trained-chairs"]


def one_comparison(replicates: int, workers: int) -> dict[str, float]:
    """Run one comparison; returns the seconds of its parts."""
    from rich.console import Console

    from samenspel.compare import (
        outcome_table,
        prepare_drawing,
        print_outcomes,
        run_comparison,
        write_outputs,
    )
    from samenspel.pool import local_pool

    t0 = time.perf_counter()
    with local_pool(workers) as pool:  # as `samenspel compare`: runs, then figures, in one pool
        comp = run_comparison(
            SCENARIOS, replicates, workers=workers, executor=pool, then=prepare_drawing
        )
        t1 = time.perf_counter()
        c1 = time.process_time()
        table = outcome_table(comp)  # once, as `samenspel compare` does
        printed = []

        def show() -> None:  # printed while the pool draws, as `samenspel compare` does
            t = time.perf_counter()
            print_outcomes(comp, table, console=Console(file=io.StringIO(), width=120))
            printed.append(time.perf_counter() - t)

        with tempfile.TemporaryDirectory() as out:
            write_outputs(comp, out, table=table, executor=pool, meanwhile=show)
        t2 = time.perf_counter()
        cpu = time.process_time() - c1  # this process's own work (the figures are the pool's)
    return {"runs": t1 - t0, "print": printed[0], "outputs": t2 - t1, "total": t2 - t0, "cpu": cpu}


def as_command(replicates: int, workers: int) -> tuple[float, float]:
    """``samenspel compare`` in a fresh process: its wall time and its own CPU time.

    What a user waits for, imports and the pool's start included, which the comparisons
    above (in this process, its imports done, the fork server running) do not see. The
    command's own CPU (polled, its children not counted) is its imports, its tables and
    its printing: the runs and the figures are its workers'.
    """
    import psutil

    with tempfile.TemporaryDirectory() as out:
        argv = [sys.executable, "-m", "samenspel", "compare", *SCENARIOS]
        argv += ["--replicates", str(replicates), "--workers", str(workers), "--out", out]
        t0 = time.perf_counter()
        proc = psutil.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cpu = 0.0
        while proc.poll() is None:
            try:
                times = proc.cpu_times()
                cpu = times.user + times.system
            except psutil.Error:  # it ended between the two calls
                break
            time.sleep(0.05)
        wall = time.perf_counter() - t0
        if proc.returncode:
            raise SystemExit(f"samenspel compare failed with exit code {proc.returncode}")
    return wall, cpu


def one_run(_: int = 0) -> float:
    """Seconds of one replicate in this process: seed 0 of each scenario, the mean.

    The scenarios differ in cost (the meetings of the interventions take time), so
    the mean over them, not the first scenario's run, is what a replicate costs.
    """
    from samenspel.compare import run_one
    from samenspel.scenarios import load_scenario

    seconds = []
    for name in SCENARIOS:
        params = load_scenario(name).params()
        t0 = time.perf_counter()
        run_one(params, 0, 260)
        seconds.append(time.perf_counter() - t0)
    return statistics.mean(seconds)


def pool_runs(workers: int) -> tuple[float, float, float]:
    """A replicate's seconds in a worker alone and with all ``workers`` busy; the pool's start.

    A fresh pool (its start timed: in a process's first pool, the fork server's imports
    and kernels), warmed by one round; then three times, ``one_run`` in one worker while
    the others wait, and in every worker at once (their mean). Both are timed in the
    pool's workers, so the two differ only by the other workers' load. Medians.
    """
    from samenspel.pool import local_pool

    t0 = time.perf_counter()
    with local_pool(workers) as pool:
        list(pool.map(time.sleep, [0.0] * workers))
        start = time.perf_counter() - t0
        list(pool.map(one_run, range(workers)))  # warm every worker
        alone, busy = [], []
        for _ in range(3):
            alone.append(pool.submit(one_run).result())
            busy.append(statistics.mean(pool.map(one_run, range(workers))))
    return statistics.median(alone), statistics.median(busy), start


def main() -> None:
    """Run the benchmark and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--replicates", type=int, default=30)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    one_run()  # warm-up: imports
    rounds, singles, worker_alone, worker_busy, starts = [], [], [], [], []
    ones: list[float] = []  # the same comparison on one worker, after each
    commands: list[tuple[float, float]] = []  # the command in a fresh process: wall, own CPU
    for _ in range(args.repeats):
        singles.append(statistics.median(one_run() for _ in range(3)))
        by_itself, with_others, start = pool_runs(args.workers)  # the first pays the server
        worker_alone.append(by_itself)
        worker_busy.append(with_others)
        starts.append(start)
        rounds.append(one_comparison(args.replicates, args.workers))
        if args.workers > 1:  # right after, so that both meet the machine in the same mood
            ones.append(one_comparison(args.replicates, 1)["total"])
        commands.append(as_command(args.replicates, args.workers))
    med = {k: statistics.median(r[k] for r in rounds) for k in rounds[0]}
    single = statistics.median(singles)
    n_runs = args.replicates * len(SCENARIOS)
    ideal = n_runs * single / args.workers
    in_pool, all_busy = statistics.median(worker_alone), statistics.median(worker_busy)
    floor = n_runs * all_busy / args.workers
    serial = med["outputs"]
    print(f"load average {os.getloadavg()[0]:.2f}; median of {args.repeats} comparisons")
    print(f"{len(SCENARIOS)} scenarios x {args.replicates} replicates on {args.workers} workers")
    print(f"  whole comparison : {med['total']:7.2f} s   (target <= 8 s)")
    print(
        f"  runs in the pool : {med['runs']:7.2f} s   ideal {ideal:.2f} s = {n_runs} x "
        f"{single:.3f} s / {args.workers}; ratio {med['runs'] / ideal:.2f}"
    )
    print(
        f"  runs' floor here : {floor:7.2f} s   = {n_runs} x {all_busy:.3f} s (a run in a "
        f"worker with all {args.workers} busy) / {args.workers}; ratio "
        f"{med['runs'] / floor:.2f}; contention {all_busy / in_pool:.2f} (against "
        f"{in_pool:.3f} s alone in a worker)"
    )
    print(
        f"  a pool's start   : {starts[0]:7.2f} s first, {statistics.median(starts[1:] or starts):.2f} "
        "s later (the first pool of a process waits for the fork server's imports and kernels)"
    )
    print(
        f"  table and files  : {med['outputs']:7.2f} s   (the table printed in "
        f"{med['print']:.2f} s while the pool draws)"
    )
    print(f"  parent's serial share: {serial / med['total']:.1%}   (target < 10 %)")
    print(
        f"  of which the parent's own CPU: {med['cpu']:.2f} s = {med['cpu'] / med['total']:.1%} "
        "of the whole (the weekly tables and the figures are the pool's)"
    )
    wall, own = (statistics.median(c[k] for c in commands) for k in (0, 1))
    print(
        f"  as a command     : {wall:7.2f} s   (`samenspel compare` in a fresh process: imports "
        f"and the pool's start included); its own CPU {own:.2f} s"
    )
    if ones:
        p = args.workers
        speedups = [one / r["total"] for one, r in zip(ones, rounds, strict=True)]
        fractions = sorted((1 / s - 1 / p) / (1 - 1 / p) for s in speedups)
        print(
            f"  on 1 worker: {statistics.median(ones):.2f} s; speed-up "
            f"{statistics.median(speedups):.2f} on {p}; serial fraction (Karp-Flatt, each "
            f"pair) {statistics.median(fractions):.1%}, from {fractions[0]:.1%} to "
            f"{fractions[-1]:.1%}"
        )


if __name__ == "__main__":
    main()
