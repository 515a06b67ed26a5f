"""The one process-pool policy of compare, validate and sweep.

Workers are started with ``forkserver`` where the platform has it (Linux, macOS) and
with ``spawn`` elsewhere (Windows); never with plain ``fork``, because forking a
process that already runs threads (a progress bar, Arrow's or BLAS's thread pools)
can deadlock the child (Arrow and BLAS keep native threads once used, even when Python
shows one thread). The fork server preloads the model and loads its compiled kernels
(``samenspel.model.preload``), so a worker starts in milliseconds instead of importing
Mesa and loading the kernels again. The price is the server's own start:
about 0.8 s once per pool (measured: a 2-worker pool plus 4 one-week runs took 0.13 s
with fork, 0.90 s with this policy, 1.83 s with spawn), and since 0.5.0 about 0.5-1 s
more for numba and the kernels (benchmarks/bench_compile.py), small against a sweep or
comparison of any size. Results never depend on the start method: every run's seed
is fixed before it is handed out.

A long-running server (the dashboard) pays that start once: ``SharedPool`` keeps one
warm pool for every caller, started at its first use, replaced if a worker died, and
shut down when the process exits (``atexit``; its workers also exit by themselves
within a second when the process is killed). Its workers stay alive between tasks,
so each imports the model once (from the fork server's preload), not per task.
``use_executor`` lends a pool to every ``samenspel.compare.run_comparison`` called in
a block (also those inside ``samenspel.explain``), without passing it through.
"""

from __future__ import annotations

import atexit
import contextvars
import multiprocessing
import os
import threading
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing.context import BaseContext

PRELOAD = ["samenspel.model.runner", "samenspel.model.preload"]  # the model and its kernels


def pool_context() -> BaseContext:
    """The multiprocessing context for every local pool of samenspel."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


def start_server() -> None:
    """Start the fork server now, so that its imports run beside this process's own.

    A command that will start a pool calls this before its own heavy imports (the
    server imports the model and loads the kernels, about 1.5 s, in parallel). Without
    a fork server (``spawn``), or when it already runs, this does nothing.
    """
    ctx = pool_context()
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def local_pool(workers: int) -> ProcessPoolExecutor:
    """A process pool of ``workers`` with this module's policy.

    The start method with the model preloaded (``pool_context``), and workers that exit
    when this process is gone (``watch_parent``): compare, validate, calibrate and sweep
    all start their local pools here.
    """
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=pool_context(),
        initializer=watch_parent,
        initargs=(os.getpid(),),
    )


def default_workers() -> int:
    """Processes to use by default: the CPUs available to this process."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


_lent: contextvars.ContextVar[Executor | None] = contextvars.ContextVar(
    "samenspel_executor", default=None
)


@contextmanager
def use_executor(executor: Executor | None) -> Iterator[None]:
    """Run every comparison started in this block (this thread) on ``executor``."""
    token = _lent.set(executor)
    try:
        yield
    finally:
        _lent.reset(token)


def lent_executor() -> Executor | None:
    """The executor lent by ``use_executor`` around the caller, or None."""
    return _lent.get()


def watch_parent(server: int) -> None:
    """Worker initializer: exit when the process that started the pool is gone.

    A process stopped by a signal it does not handle (``kill``, SIGTERM to a sweep, a
    calibration or Solara's server) runs no ``atexit`` and no ``with`` block's exit; its
    workers, children of the fork server, would go on with their tasks.
    POSIX only: there ``os.kill(pid, 0)`` asks whether a process exists (on Windows it
    would end the server), so elsewhere the workers rely on the pool's own pipes.
    """
    import sys
    import time

    if sys.platform == "win32":
        return

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(server, 0)
            except ProcessLookupError:
                os._exit(1)
            except OSError:
                return

    threading.Thread(target=watch, daemon=True, name="samenspel-watch-server").start()


def _warm(_: int = 0) -> int:
    """A one-week run of a tiny world: a worker starts and pays its first-use costs."""
    from .model.runner import run

    run(seed=0, weeks=1, n_households=50)
    return os.getpid()


class SharedPool:
    """One warm process pool for a whole server, started at its first use.

    Args:
        workers: Processes (default ``default_workers()``, read at the first start).

    """

    def __init__(self, workers: int | None = None) -> None:
        self._workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._registered = False
        self.starts = 0
        """Pools started so far (1 in a healthy server; more after a worker died)."""

    @property
    def workers(self) -> int:
        """Processes of the pool (started or not)."""
        return self._workers or default_workers()

    @property
    def alive(self) -> bool:
        """Whether a pool is running now (its workers' memory is already in use)."""
        pool = self._pool
        return pool is not None and not getattr(pool, "_broken", False)

    def get(self, warm: bool = True) -> ProcessPoolExecutor:
        """The pool, started now if there is none yet (or the last one broke).

        Args:
            warm: Start every worker now (one tiny run each), so the first real
                tasks do not wait for a worker to start or pay its first-use costs.

        """
        with self._lock:
            if self.alive:
                assert self._pool is not None
                return self._pool
            if self._pool is not None:  # broken: a worker died (killed, out of memory)
                self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = local_pool(self.workers)
            self.starts += 1
            if not self._registered:
                atexit.register(self.shutdown)
                self._registered = True
            if warm:
                list(self._pool.map(_warm, range(self.workers)))
            return self._pool

    def pids(self) -> list[int]:
        """Process ids of the pool's workers (empty when no pool runs)."""
        pool = self._pool
        procs = getattr(pool, "_processes", None) or {}
        return sorted(procs)

    def shutdown(self) -> None:
        """Stop the workers (waiting tasks are cancelled); the next ``get`` starts anew."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
