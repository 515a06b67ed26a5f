"""The dashboard server's shared warm pool, its memory count and its shared results.

One process pool serves every session's comparisons (``samenspel.pool.SharedPool``,
``samenspel.dashboard.jobs.POOL``): started once, reused, replaced when broken or
too large, stopped at exit; results identical to a fresh pool's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from concurrent.futures.process import BrokenProcessPool

import pandas as pd
import pytest

from samenspel.compare import run_comparison
from samenspel.pool import SharedPool, lent_executor, use_executor
from samenspel.scenarios import load_scenario

SCENARIOS = ["city-baseline", "wijktafels", "town-baseline"]


@pytest.fixture(scope="module")
def pool():
    shared = SharedPool(2)
    yield shared
    shared.shutdown()


def _die() -> None:
    os._exit(3)


def test_shared_pool_gives_the_same_results_and_keeps_its_workers(pool):
    alone = run_comparison(SCENARIOS, replicates=3, seed=4, weeks=8, workers=1)
    first = run_comparison(SCENARIOS, replicates=3, seed=4, weeks=8, executor=pool.get())
    pids = pool.pids()
    with use_executor(pool.get()):
        lent = run_comparison(SCENARIOS, replicates=3, seed=4, weeks=8)
    assert lent_executor() is None  # lent only inside the block
    for comp in (first, lent):
        pd.testing.assert_frame_equal(comp.runs, alone.runs)
        pd.testing.assert_frame_equal(comp.weekly, alone.weekly)
        assert comp.workers == 2
    assert len(pids) == 2 and pool.pids() == pids and pool.starts == 1  # the same workers
    assert pool.alive  # run_comparison leaves a pool it was given running


def test_a_broken_pool_is_replaced(pool):
    with pytest.raises(BrokenProcessPool):
        pool.get().submit(_die).result()
    assert not pool.alive
    before = pool.starts
    comp = run_comparison(SCENARIOS[:2], replicates=2, weeks=3, executor=pool.get())
    assert len(comp.runs) == 4 and pool.starts == before + 1


@pytest.mark.parametrize("end", ["exit", "kill"])
def test_the_pool_stops_when_the_process_ends(end):
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        from samenspel.pool import SharedPool
        if __name__ == "__main__":
            pool = SharedPool(2)
            pool.get()
            print(*pool.pids(), flush=True)
            if {end == "kill"}:  # no atexit: the workers notice by themselves
                os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    pids = [int(p) for p in proc.stdout.readline().split()]
    proc.wait(timeout=120)  # reaped: a killed process is then gone, not a zombie
    proc.stdout.close()
    assert len(pids) == 2
    deadline = time.time() + 15
    while time.time() < deadline and any(_running(p) for p in pids):
        time.sleep(0.1)
    assert not any(_running(p) for p in pids)


def _running(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


class _Pool:
    def __init__(self, alive: bool) -> None:
        self.alive, self.workers = alive, 2


def test_memory_counts_a_running_pool_once_not_per_job(monkeypatch):
    from samenspel.dashboard import jobs
    from samenspel.dashboard.messages import InputError

    monkeypatch.setattr(jobs, "free_mb", lambda: jobs.RESERVE_MB + 150.0)
    monkeypatch.setattr(jobs, "POOL", _Pool(alive=False))
    with pytest.raises(InputError, match="free now"):  # the workers still to start
        jobs.check_memory(runs=20, weeks=260)
    monkeypatch.setattr(jobs, "POOL", _Pool(alive=True))
    jobs.check_memory(runs=20, weeks=260)  # their memory is in use already


def test_a_pool_grown_too_large_is_replaced(monkeypatch):
    from samenspel.dashboard import jobs

    shared = SharedPool(1)
    monkeypatch.setattr(jobs, "POOL", shared)
    try:
        shared.get()
        assert jobs.pool_mb() > 10  # a worker with the model loaded
        assert not jobs.trim_pool(limit=1e9) and shared.alive
        assert jobs.trim_pool(limit=1.0) and not shared.alive
        shared.get()
        assert shared.starts == 2
    finally:
        shared.shutdown()


def test_dashboard_jobs_share_the_pool_and_identical_results(monkeypatch):
    from collections import OrderedDict

    from samenspel.dashboard import compare_job, jobs, own

    shared = SharedPool(2)
    monkeypatch.setattr(jobs, "POOL", shared)
    monkeypatch.setattr(compare_job, "_shared", OrderedDict())  # none from other tests
    try:
        scenarios = [load_scenario("city-baseline"), load_scenario("wijktafels")]
        a = compare_job.run_compare(scenarios, 2, 4, 0)
        pids = shared.pids()
        b = compare_job.run_compare(scenarios, 2, 4, 1)
        assert shared.starts == 1 and shared.pids() == pids and len(pids) == 2
        assert compare_job.run_compare(scenarios, 2, 4, 0) is a  # kept for the server
        assert b is not a and compare_job.recall("comparison") is a
        mine = [  # two own scenarios of the same name, with other levers
            own.from_levers({**scenarios[1].params(), "wijktafels_per_year": v}, "x", set())
            for v in (3.0, 4.0)
        ]
        assert mine[0].name == mine[1].name
        keys = {compare_job.job_key([scenarios[0], m], 2, 4, 0) for m in mine}
        assert len(keys) == 2
        alone = run_comparison(scenarios, 2, seed=1, weeks=4, workers=1)
        pd.testing.assert_frame_equal(b.comp.runs, alone.runs)
        pd.testing.assert_frame_equal(b.comp.weekly, alone.weekly)
    finally:
        shared.shutdown()
