"""Size ceilings, checked before anything runs, and the up-front time estimate.

A typo such as ``weeks = 1000000000`` or ``samples = 100000000`` would otherwise start
a job that never ends or runs out of memory. Each ceiling is far above what a study
needs; to go past one on purpose pass ``--allow-large`` on the command line (or
``allow_large=True`` from Python). Sweeps whose estimated time is above
``CONFIRM_SECONDS`` also need ``--yes``.

| what                              | ceiling  |
|-----------------------------------|----------|
| weeks per run                     | 5,200 (100 years) |
| replicates (compare, validate, sweep) | 10,000 |
| samples of a sweep design         | 65,536   |
| runs of one sweep or comparison   | 200,000  |
"""

from __future__ import annotations

import time
from typing import Any

MAX_WEEKS = 5_200
MAX_REPLICATES = 10_000
MAX_SAMPLES = 65_536
MAX_RUNS = 200_000
CONFIRM_SECONDS = 3_600.0
HOW = "pass --allow-large (allow_large=True in Python) to go past it on purpose"


class LimitError(ValueError):
    """A size is above its ceiling; the message names it and the way past it."""


def check_size(
    what: str, value: int, ceiling: int, allow_large: bool = False, where: str = ""
) -> None:
    """Raise ``LimitError`` if ``value`` is above ``ceiling`` (unless ``allow_large``)."""
    if value > ceiling and not allow_large:
        prefix = f"{where}: " if where else ""
        raise LimitError(f"{prefix}{what} = {value:,} is above the ceiling of {ceiling:,}; {HOW}")


def check_runs(runs: int, allow_large: bool = False, where: str = "") -> None:
    """Raise ``LimitError`` if a job has more than ``MAX_RUNS`` runs."""
    check_size("total runs", runs, MAX_RUNS, allow_large, where)


def seconds_per_run(weeks: int, params: dict[str, Any] | None = None) -> float:
    """Estimated CPU seconds of one run of ``weeks`` weeks (from short runs here).

    After a warm-up run (first-use costs), times a 1-week and a 13-week run of
    ``params`` with their end-of-run summary, up to three times each (fewer where one
    run already takes a while, as at city scale), and extrapolates
    linearly from the fastest of each (set-up and summary, plus a cost per week that
    stays about constant over a run), so the estimate holds for the scale being run and
    one noisy timing on a shared machine does not swing it.
    """
    from .model.runner import run

    run(seed=0, weeks=1, **(params or {}))
    times = []
    for w in (1, 13):
        best, spent = float("inf"), 0.0
        for _ in range(3):  # repeats only while they are cheap (not at city scale)
            t0 = time.process_time()  # CPU time: other jobs on the machine do not count
            run(seed=0, weeks=w, **(params or {}))
            took = time.process_time() - t0
            best, spent = min(best, took), spent + took
            if spent > 0.5:
                break
        times.append(best)
    per_week = max(0.0, (times[1] - times[0]) / 12)
    setup = max(0.0, times[0] - per_week)
    return setup + per_week * weeks


def describe(seconds: float) -> str:
    """A rough duration in words: ``about 4 min``, ``about 2.5 h``."""
    if seconds < 60:
        return f"about {max(1, round(seconds))} s"
    if seconds < 3600:
        return f"about {round(seconds / 60)} min"
    if seconds < 2 * 86400:
        return f"about {seconds / 3600:.1f} h"
    return f"about {seconds / 86400:.1f} days"


def estimate(
    runs: int, workers: int, weeks: int, params: dict[str, Any] | None = None
) -> tuple[float, str]:
    """Seconds and a one-line estimate such as ``1,088 runs, about 4 min on 2 workers``."""
    seconds = runs * seconds_per_run(weeks, params) / max(1, workers)
    plural = "s" if workers != 1 else ""
    return seconds, f"{runs:,} runs, {describe(seconds)} on {workers} worker{plural}"


def confirm(seconds: float, yes: bool, text: str) -> None:
    """Refuse a job estimated above ``CONFIRM_SECONDS`` unless ``yes``."""
    if seconds > CONFIRM_SECONDS and not yes:
        raise LimitError(
            f"{text}: that is over {describe(CONFIRM_SECONDS)[6:]}; pass --yes to start it anyway"
        )
