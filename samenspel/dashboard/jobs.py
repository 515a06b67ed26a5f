"""Compare jobs of all sessions: one warm pool, one line, a memory ceiling, an estimate.

Every comparison uses every core, so two at once only share the cores and add their
memory: four simultaneous compares, each with its own pool, took 1.95 GB here. A
classroom on ``--host 0.0.0.0`` therefore gets, for the whole server:

- one warm process pool (``POOL``, a ``samenspel.pool.SharedPool``), started at the
  first comparison and reused by every session's comparisons and explanations, so
  only the first pays the pool's start (about a second); it stops when the server
  exits, and is replaced if a worker died or the workers grew above ``POOL_MB``;
- one queue (``LINE``): at most ``RUNNING`` comparisons run, the others wait in
  order and see their place in line;
- a memory check before a job starts (``check_memory``): it estimates what the job
  needs (the weekly table of every run, plus the workers if the pool is not running
  yet: a running pool's memory is already in use and is counted once, not per job)
  and refuses it, in one translated line, if the machine does not have that much
  free (``psutil``), or if it is above ``MAX_JOB_MB`` on any machine.

``Estimate`` says how long a job will take before its first run is done: the time
per run is measured once per server and world size (``samenspel.limits``, the same
estimate the command line gives), then refined by the runs that finished.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..pool import SharedPool
from .i18n import t
from .messages import InputError, whole

RUNNING = 1
"""Comparisons that run at the same time (each uses every worker of the pool already)."""
MAX_JOB_MB = 3_000
"""Largest estimated memory of one comparison, whatever the machine has free."""
RESERVE_MB = 400
"""Memory left free for the server and the other sessions."""
WORKER_MB = 150
"""Memory of one worker process with the model loaded (measured: about 120 MB)."""
POOL_MB = 2_000
"""Resident memory of all the pool's workers above which the pool is replaced after a
job (a worker that ran a city keeps memory the next small runs do not need)."""
BYTES_PER_WEEK = 45 * 8 * 4
"""One run's weekly row: about 45 gauges of 8 bytes, about four copies while the
tables are assembled (the runs, their concatenation, the bands)."""


def job_mb(runs: int, weeks: int, workers: int) -> float:
    """Estimated peak memory (MB) of a comparison of ``runs`` runs of ``weeks`` weeks."""
    return runs * weeks * BYTES_PER_WEEK / 1e6 + workers * WORKER_MB + 50


def free_mb() -> float | None:
    """Memory the system has available (MB), or None when it cannot be read."""
    try:
        import psutil

        return float(psutil.virtual_memory().available) / 1e6
    except Exception:  # psutil missing or unsupported platform
        return None


def check_memory(runs: int, weeks: int, workers: int | None = None) -> None:
    """Refuse a comparison that would not fit in memory now.

    Args:
        runs: Runs of the comparison.
        weeks: Weeks per run.
        workers: Worker processes still to be started for it (default: none if the
            server's pool runs, else the pool's workers).

    Raises:
        InputError: Saying how much it needs and how much is free (translated).

    """
    if workers is None:
        workers = 0 if POOL.alive else POOL.workers
    need = job_mb(runs, weeks, workers)
    free = free_mb()
    if need > MAX_JOB_MB:
        raise InputError(t("mem_ceiling", need=whole(need), limit=whole(MAX_JOB_MB)))
    if free is not None and need > free - RESERVE_MB:
        raise InputError(t("mem_free", need=whole(need), free=whole(max(free - RESERVE_MB, 0))))


class Line:
    """A first-come, first-served line for at most ``running`` jobs at once."""

    def __init__(self, running: int = RUNNING) -> None:
        self.running = running
        self._cond = threading.Condition()
        self._waiting: list[object] = []
        self._active = 0

    def ahead(self, ticket: object) -> int:
        """Jobs before ``ticket``: the running ones and those waiting in front of it."""
        with self._cond:
            if ticket not in self._waiting:
                return 0
            return self._active + self._waiting.index(ticket)

    @contextmanager
    def place(self, on_wait: Callable[[int], None] | None = None) -> Iterator[None]:
        """Wait for a turn (``on_wait(jobs ahead)`` while waiting), then hold it."""
        ticket = object()
        with self._cond:
            self._waiting.append(ticket)
        try:
            while True:
                with self._cond:
                    if self._waiting[0] is ticket and self._active < self.running:
                        self._waiting.pop(0)
                        self._active += 1
                        break
                    ahead = self._active + self._waiting.index(ticket)
                if on_wait is not None:  # outside the lock: it may redraw a page
                    on_wait(ahead)
                with self._cond:
                    self._cond.wait(timeout=1.0)
        except BaseException:
            with self._cond:
                if ticket in self._waiting:
                    self._waiting.remove(ticket)
                self._cond.notify_all()
            raise
        try:
            yield
        finally:
            with self._cond:
                self._active -= 1
                self._cond.notify_all()


LINE = Line()
"""The one line of the server, shared by every session."""
POOL = SharedPool()
"""The one process pool of the server, shared by every session (started lazily)."""


def pool_mb() -> float:
    """Resident memory of the pool's workers (MB; 0 when no pool runs)."""
    try:
        import psutil
    except ImportError:
        return 0.0
    total = 0
    for pid in POOL.pids():
        try:
            total += psutil.Process(pid).memory_info().rss
        except psutil.Error:
            pass
    return total / 1e6


def trim_pool(limit: float = POOL_MB) -> bool:
    """Stop the pool if its workers hold more than ``limit`` MB (the next job starts one).

    Returns:
        Whether the pool was stopped.

    """
    if POOL.alive and pool_mb() > limit:
        POOL.shutdown()
        return True
    return False


_probe_lock = threading.Lock()


def seconds_per_run(weeks: int, households: int, areas: int) -> float:
    """CPU seconds of one run (``samenspel.limits.seconds_per_run``), once per size.

    One session measures; sessions that ask for the same size meanwhile (a class
    pressing Compare at once) wait for its figure instead of each measuring again.
    """
    with _probe_lock:
        return _measured(weeks, households, areas)


@lru_cache(maxsize=32)
def _measured(weeks: int, households: int, areas: int) -> float:
    from ..limits import seconds_per_run as measure

    return measure(weeks, {"n_households": households, "n_areas": areas})


@dataclass
class Estimate:
    """How far a job is and how long it will still take.

    Attributes:
        total: Runs in the job.
        first_guess: Seconds for the whole job, estimated before it started.
        started: ``time.perf_counter()`` when the runs started (0: not yet).
        done: Runs finished.
        ahead: Jobs before this one in the line (while waiting).

    """

    total: int
    first_guess: float
    started: float = 0.0
    done: int = 0
    ahead: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def elapsed(self) -> float:
        """Seconds since the runs started."""
        return time.perf_counter() - self.started if self.started else 0.0

    def remaining(self) -> float:
        """Seconds still to go: from the finished runs once there are some."""
        elapsed = self.elapsed()
        if self.done:
            return max(elapsed / self.done * (self.total - self.done), 0.0)
        return max(self.first_guess - elapsed, 1.0)


def first_guess(runs: int, weeks: int, params: dict[str, Any], workers: int | None = None) -> float:
    """Seconds a job of ``runs`` runs will take, before it starts (pool start included)."""
    per_run = seconds_per_run(
        weeks, int(params.get("n_households", 1000)), int(params.get("n_areas", 1))
    )
    start = 0.0 if POOL.alive else 1.0
    return start + runs * per_run / max(1, workers or POOL.workers)
