"""Benchmark: the default neighbourhood for 260 weeks against Mesa's Boltzmann wealth model.

Prints the wall time of the default samenspel run (about 90 actors and 1,000
households, 260 weekly steps) and, measured in the same process, the time of Mesa's
own Boltzmann wealth example (shipped in ``mesa.examples``) with the same number of
agents for the same number of steps, and the ratio of their cost per agent-step.

Targets (issue 2): the default run under 0.5 s on one core, and cheaper per
agent-step than Boltzmann. Run with::

    python benchmarks/bench_model.py [--repeats 5] [--weeks 260]
"""

from __future__ import annotations

import argparse
import math
import platform
import statistics
import time

from mesa.examples import BoltzmannWealth
from mesa.examples.basic.boltzmann_wealth_model.model import BoltzmannScenario

from samenspel.model import Neighbourhood


def time_samenspel(seed: int, weeks: int) -> tuple[float, int]:
    """Build and run the default neighbourhood; return (seconds, agent count)."""
    t0 = time.perf_counter()
    model = Neighbourhood(rng=seed)
    model.run_weeks(weeks)
    # households are arrays, not Mesa agents, but each is simulated every week
    return time.perf_counter() - t0, len(model.actors) + len(model.households)


def time_boltzmann(n_agents: int, steps: int, seed: int) -> float:
    """Build and run Boltzmann wealth with ``n_agents`` on a square grid."""
    side = max(10, math.ceil(math.sqrt(n_agents)))
    t0 = time.perf_counter()
    model = BoltzmannWealth(
        scenario=BoltzmannScenario(n=n_agents, width=side, height=side, rng=seed)
    )
    model.run_for(steps)
    return time.perf_counter() - t0


def main() -> None:
    """Run the benchmark and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--weeks", type=int, default=260)
    args = ap.parse_args()
    time_samenspel(0, 5)  # warm-up (imports, caches)
    runs = [time_samenspel(seed, args.weeks) for seed in range(args.repeats)]
    ours = statistics.median(t for t, _ in runs)
    n_agents = runs[0][1]
    ref = statistics.median(time_boltzmann(n_agents, args.weeks, s) for s in range(args.repeats))
    per_ours = ours / (n_agents * args.weeks) * 1e6
    per_ref = ref / (n_agents * args.weeks) * 1e6
    print(
        f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    print(
        f"agents: {n_agents} (actors + households), steps: {args.weeks}, median of {args.repeats}"
    )
    print(
        f"samenspel default run : {ours:8.3f} s   {per_ours:6.2f} us per agent-step"
        f"   (target < 0.5 s)"
    )
    print(f"Mesa Boltzmann wealth : {ref:8.3f} s   {per_ref:6.2f} us per agent-step")
    print(f"ratio samenspel / Boltzmann per agent-step: {per_ours / per_ref:.3f}   (target < 1)")


if __name__ == "__main__":
    main()
