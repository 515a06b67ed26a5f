"""Benchmark: sweep throughput on 1 and 2 local workers and a 2-worker Dask LocalCluster.

Runs the same sweep (the default neighbourhood, 260 weeks, ``--runs`` seeds) through
``samenspel.sweep.sweep`` three ways and prints runs per second side by side:

- local, 1 worker (runs in this process);
- local, 2 workers (``ProcessPoolExecutor``, pool start included);
- Dask, a ``LocalCluster`` of 2 single-threaded worker processes, started before the
  clock starts (as an existing cluster would be), client connection included.

The local sweeps run in a helper process, as ``samenspel sweep`` does; its pool starts
workers with the package's one policy (``samenspel.pool``: forkserver, spawn on
Windows); the Dask client lives in this process.

Targets (issue 4): 2 workers at least 1.8x one worker; Dask within 10 % of the local
pool. The configurations take turns for ``--repeats`` rounds (the order rotates, so
each goes first in turn) and the median counts, so that load from other processes
spreads over all three; the load average is printed
because other work on the machine makes the ratios noisy. Run with::

    python benchmarks/bench_sweep.py [--runs 48] [--repeats 3] [--weeks 260]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pandas as pd
from distributed import Client, LocalCluster

from samenspel.pool import pool_context
from samenspel.sweep import sweep
from samenspel.sweepspec import load_spec

SPEC = """
name = "bench"
design = "grid"
replicates = {runs}
weeks = {weeks}
seed = 1
[factors.context]   # one point: the default (city) neighbourhood
values = ["city"]
"""


def timed(spec_path: Path, folder: Path, slots: int, **kwargs: object) -> tuple[float, ...]:
    """Run the sweep into a new folder.

    Returns:
        Runs per second; mean seconds per run inside the workers (from the rows'
        start and end times); and the share of the wall time the workers were busy
        with runs (what the sweep machinery leaves unused is overhead).

    """
    res = sweep(load_spec(spec_path), folder, progress=False, **kwargs)
    assert res.ran == res.total
    rows = pd.read_parquet(folder / "runs", columns=["started", "finished"])
    busy = (rows["finished"] - rows["started"]).dt.total_seconds()
    return res.ran / res.seconds, busy.mean(), busy.sum() / (res.seconds * slots)


def start_method() -> str:
    """The start method the local pool would use in this process."""
    return pool_context().get_start_method()


def main() -> None:
    """Run the benchmark and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=48, help="runs per sweep (default 48)")
    ap.add_argument("--repeats", type=int, default=3, help="rounds (default 3)")
    ap.add_argument("--weeks", type=int, default=260)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        spec = root / "bench.toml"
        spec.write_text(SPEC.format(runs=args.runs, weeks=args.weeks))
        rates: dict[str, list[tuple[float, ...]]] = {"local 1": [], "local 2": [], "dask 2": []}
        with (
            ProcessPoolExecutor(1, mp_context=get_context("spawn")) as helper,
            LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            method = helper.submit(start_method).result()
            client.submit(sum, [1]).result()  # workers up and connected
            runners = {
                "local 1": lambda d: helper.submit(timed, spec, d, 1, workers=1).result(),
                "local 2": lambda d: helper.submit(timed, spec, d, 2, workers=2).result(),
                "dask 2": lambda d: timed(spec, d, 2, client=client),
            }
            keys = list(runners)
            for i in range(args.repeats):  # rotate the order: each goes first in turn
                for key in keys[i % 3 :] + keys[: i % 3]:
                    rates[key].append(runners[key](root / f"{key}-{i}".replace(" ", "")))
    med = {k: statistics.median(r[0] for r in v) for k, v in rates.items()}
    per_run = {k: statistics.median(r[1] for r in v) for k, v in rates.items()}
    busy = {k: statistics.median(r[2] for r in v) for k, v in rates.items()}
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"{args.runs} runs of the default neighbourhood x {args.weeks} weeks per sweep, "
        f"median of {args.repeats}; CPUs {os.cpu_count()}, load average {load}; "
        f"local pool start method: {method}"
    )
    print(f"{'':10}{'local 1':>10}{'local 2':>10}{'dask 2':>10}")
    print(f"{'runs/s':10}" + "".join(f"{med[k]:10.2f}" for k in rates))
    for i in range(args.repeats):
        print(f"{f'  round {i + 1}':10}" + "".join(f"{v[i][0]:10.2f}" for v in rates.values()))
    print(
        f"{'s/run':10}"
        + "".join(f"{per_run[k]:10.3f}" for k in rates)
        + "   (inside the worker: grows when CPUs are shared)"
    )
    print(
        f"{'busy':10}"
        + "".join(f"{busy[k]:10.0%}" for k in rates)
        + "   (workers' time on runs / wall time)"
    )
    two = med["local 2"] / med["local 1"]
    dask = med["dask 2"] / med["local 2"]
    print(
        f"2 workers / 1 worker: {two:.2f}x (target >= 1.8x)  "
        f"{'ok' if two >= 1.8 else 'below target'}"
    )
    print(
        f"Dask / local pool:    {dask:.2f}  (target >= 0.90)  "
        f"{'ok' if dask >= 0.9 else 'below target'}"
    )


if __name__ == "__main__":
    main()
