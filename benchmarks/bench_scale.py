"""Benchmark: cost of a run as the city grows, against Mesa's Boltzmann wealth model.

Runs 1,000 / 5,000 / 20,000 / 50,000 households (1, 5, 20 and 50 wijkteam areas of
1,000 households, actors in proportion, districts of 5 areas) for 260 weeks, each in
a fresh process so that its peak memory (max RSS) is its own, and prints wall time,
peak memory and time per household-week. In the same run it times Mesa's Boltzmann
wealth example (``mesa.examples``) with the same number of agents and prints the
ratio of the cost per agent-step. Targets (issue 6): the 50,000-household city in at
most 60 s and 2 GB; cheaper per agent-step than Boltzmann at every size. Issue 12:
500 areas (500,000 households) in at most 25 s; time per household-week within 1.3x
from 1,000 to 500,000 households.

A second reference says how far the growth is the machine's: a NumPy loop with the
shape of ``develop_needs`` (four draws per household, a few passes over household
arrays), timed per household-week at the same sizes. Its cost also rises once the
arrays leave the cache; the last line compares the model's growth with it.

Boltzmann is run for fewer steps at the large sizes (its cost per agent-step does not
depend on the number of steps); the number used is printed.

The children run as the ``samenspel`` command runs, with ``NUMPY_MADVISE_HUGEPAGE=0``
(``samenspel.cli.console``); ``--numpy-hugepages`` leaves NumPy's default (huge pages
asked for every large array), to measure what the setting is worth.

    python benchmarks/bench_scale.py [--weeks 260] [--sizes 1 5 20 50] [--numpy-hugepages]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import time

CHILD = r"""
import json, resource, sys, time
mode, n, steps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
if mode == "samenspel":
    t_load = time.perf_counter()
    from samenspel.model import preload  # a tiny world: every kernel loaded once
    from samenspel.model import Neighbourhood
    t0 = time.perf_counter()
    m = Neighbourhood(rng=1, n_areas=n)
    t1 = time.perf_counter()
    m.run_weeks(1)  # caches still cold
    t_first = time.perf_counter()
    m.run_weeks(steps - 1)
    t2 = time.perf_counter()
    m.summary()
    t3 = time.perf_counter()
    out = {"load": t0 - t_load, "init": t1 - t0, "run": t2 - t1, "first": t_first - t1,
           "later": t2 - t_first,
           "summary": t3 - t2,
           "agents": len(m.actors) + len(m.households),
           "households": len(m.households),
           "actors": len(m.actors)}
elif mode == "stream":  # the machine's own streaming cost per household-week
    import numpy as np
    rng = np.random.default_rng(1)
    severity, needy, unmet = rng.random(n), rng.random(n) < 0.3, np.zeros(n)
    t0 = time.perf_counter()
    for _ in range(steps):
        u = rng.random((4, n))
        s = np.clip(severity + 0.1 * (u[3] - 0.5), 0.0, 1.0)
        new = ~needy & (u[0] < 0.01)
        unmet += np.where(needy, s, 0.0)
    out = {"run": time.perf_counter() - t0}
elif mode == "mesa_step":  # Mesa's own cost of a step: a model whose step does nothing
    import mesa
    class Empty(mesa.Model):
        def step(self):
            pass
    m = Empty(rng=1)
    t0 = time.perf_counter()
    for _ in range(steps):
        m.step()
    out = {"run": time.perf_counter() - t0}
else:
    import math
    from mesa.examples import BoltzmannWealth
    from mesa.examples.basic.boltzmann_wealth_model.model import BoltzmannScenario
    side = max(10, math.ceil(math.sqrt(n)))
    t0 = time.perf_counter()
    m = BoltzmannWealth(scenario=BoltzmannScenario(n=n, width=side, height=side, rng=1))
    t1 = time.perf_counter()
    m.run_for(steps)
    out = {"init": t1 - t0, "run": time.perf_counter() - t1}
out["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def child(mode: str, n: int, steps: int, hugepages: bool = False) -> dict:
    """Run one measurement in a fresh Python process and return its figures."""
    env = dict(os.environ)
    if hugepages:
        env.pop("NUMPY_MADVISE_HUGEPAGE", None)
    else:
        env.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")  # as the samenspel command runs
    done = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(n), str(steps)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    """Run the benchmark and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--weeks", type=int, default=260)
    ap.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[1, 5, 20, 50],
        help="numbers of wijkteam areas (1,000 households each)",
    )
    ap.add_argument(
        "--numpy-hugepages",
        action="store_true",
        help="leave NumPy's default of asking for huge pages (the command turns it off)",
    )
    args = ap.parse_args()
    if args.weeks < 2:
        ap.error(f"--weeks must be at least 2 (the first is timed apart), got {args.weeks}")
    pages = "NumPy's default huge pages" if args.numpy_hugepages else "NUMPY_MADVISE_HUGEPAGE=0"
    print(
        f"machine: {platform.machine()}, Python {platform.python_version()}, "
        f"{args.weeks} weeks, one process per size, {pages}"
    )
    head = (
        f"{'households':>10} {'actors':>6} {'agents':>7} {'wall s':>7} {'load s':>6} "
        f"{'run s':>7} {'1st wk s':>8} {'peak MB':>8} {'us/hh-wk':>9} {'us/ag-step':>10} "
        f"{'Boltz us/ag-step':>16} {'ratio':>6}"
    )
    print(head)
    print(
        "(load: importing the model and loading its kernels, in a tiny world, before the "
        "timed run; us/hh-wk: weeks 2 on; us/ag-step: the whole run, as Boltzmann's)"
    )
    rows, streams, weeks_cost, households = [], [], [], []
    for n_areas in args.sizes:
        t0 = time.perf_counter()
        ours = child("samenspel", n_areas, args.weeks, args.numpy_hugepages)
        wall = time.perf_counter() - t0
        agents = ours["agents"]
        steps = max(10, min(args.weeks, int(2e6 / agents)))
        ref = child("boltzmann", agents, steps, args.numpy_hugepages)
        per_hh = ours["later"] / (ours["households"] * (args.weeks - 1)) * 1e6
        per_agent = ours["run"] / (agents * args.weeks) * 1e6
        per_ref = ref["run"] / (agents * steps) * 1e6
        rows.append(per_hh)
        weeks_cost.append(ours["later"] / (args.weeks - 1) * 1e6)
        households.append(ours["households"])
        stream = child("stream", ours["households"], args.weeks, args.numpy_hugepages)
        streams.append(stream["run"] / (ours["households"] * args.weeks) * 1e6)
        print(
            f"{ours['households']:>10} {ours['actors']:>6} {agents:>7} {wall:>7.2f} "
            f"{ours['load']:>6.2f} {ours['run']:>7.2f} {ours['first']:>8.3f} {ours['max_rss_mb']:>8.0f} {per_hh:>9.3f} "
            f"{per_agent:>10.3f} {per_ref:>12.3f} ({steps:>3}) {per_agent / per_ref:>6.3f}"
        )
    growth = rows[-1] / min(rows) if rows and min(rows) > 0 else math.nan
    print(
        f"time per household-week, dearest / cheapest size: {max(rows) / min(rows):.2f} "
        f"(target <= 1.3; the smallest sizes carry the fixed per-week costs); "
        f"largest size / cheapest size: {growth:.2f} (how the cost grows with size)"
    )
    cheapest = rows.index(min(rows))
    ref_growth = streams[-1] / streams[cheapest]
    print(
        "NumPy streaming reference, us per household-week: "
        + ", ".join(f"{v:.4f}" for v in streams)
        + f"; largest / the model's cheapest size: {ref_growth:.2f}; "
        f"the model's growth over the reference's: {growth / ref_growth:.2f}"
    )
    if len(rows) > 1:
        fixed_cost(households, weeks_cost, args.numpy_hugepages)


def fixed_cost(households: list[int], weeks_cost: list[float], hugepages: bool) -> None:
    """Print the cost of a week split into a fixed part and a part per household.

    A line through (households, us per week) over the sizes run up to 50,000
    households, fitted to relative error (beyond, the arrays leave the caches and the
    cost per household grows): its intercept is what a week costs whatever the size
    (Mesa's step, the calls into the compiled phases and the Python between them), its
    slope the cost per household-week. The spread target (1.3x from 1,000 households
    up) needs the fixed part to be at most 0.3 x the slope x 1,000. Mesa's own step (an
    empty model) is timed in the same run as part of that floor.
    """
    import numpy as np

    x, y = np.array(households, float), np.array(weeks_cost)
    flat = x <= 50_000
    if flat.sum() < 2:
        return
    slope, intercept = np.polyfit(x[flat], y[flat], 1, w=1.0 / y[flat])
    mesa_step = child("mesa_step", 0, 20_000, hugepages)["run"] / 20_000 * 1e6
    allowed = 0.3 * slope * 1000
    print(
        f"a week = {intercept:.0f} us fixed + {slope * 1000:.1f} us per 1,000 households "
        f"(fitted up to 50,000 households); Mesa's own step: {mesa_step:.1f} us of the fixed "
        f"part; 1.3x at 1,000 households allows {allowed:.0f} us fixed"
    )


if __name__ == "__main__":
    main()
