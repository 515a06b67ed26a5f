"""Running a comparison (and an explanation) for one session, through the server's line.

The runs and statistics are those of ``samenspel compare`` and ``samenspel explain``
(``samenspel.compare.run_comparison``, ``outcome_table``, ``weekly_bands`` and
``samenspel.explain.explain``); this module only queues them (``jobs.LINE``), checks
their memory first (``jobs.check_memory``), runs them on the server's one warm pool
(``jobs.POOL``), keeps the progress with a time estimate (``jobs.Estimate``) and
keeps the last result of each browser session (``remember``/``recall``), so a reload
of the page shows it again.

A comparison is fully determined by its scenarios' parameters, replicates, weeks and
first seed, so the server also keeps the last ``KEEP_RESULTS`` comparisons by those
(``shared``): when a class opens the same link, the first student's job runs, the
others follow its place in line and progress and get its result as soon as it is
done, without queueing the same runs again.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import solara
import solara.lab

from ..compare import MODE_GAUGES, O_GAUGES, Comparison, outcome_table, run_comparison
from ..compare import weekly_bands as compute_bands
from ..explain import Explanation, explain
from ..pool import use_executor
from ..scenarios import Scenario
from . import jobs

CURVE_GAUGES = (*MODE_GAUGES, *O_GAUGES)
KEEP_SESSIONS = 64
"""Results kept for reloads: the last comparison of this many browser sessions."""
KEEP_RESULTS = 16
"""Comparisons kept for the whole server, by what determines them (``job_key``)."""


@dataclass
class Result:
    """A finished comparison and the tables drawn from it.

    Attributes:
        comp: The runs (``samenspel.compare.Comparison``).
        table: The outcome table (means, intervals, paired differences).
        bands: Weekly means and bands of the curve gauges.

    """

    comp: Comparison
    table: pd.DataFrame
    bands: pd.DataFrame


status: solara.Reactive[jobs.Estimate | None] = solara.reactive(None)
"""The running or waiting job of this session (None when there is none)."""
clock = solara.reactive(0.0)
"""Ticks every second while a job waits or runs, so the estimate counts down."""

_kept: OrderedDict[str, Any] = OrderedDict()
_kept_lock = threading.Lock()
_shared: OrderedDict[tuple, Result] = OrderedDict()


def job_key(scenarios: list[Scenario], replicates: int, weeks: int, seed: int) -> tuple:
    """What determines a comparison: each scenario's name and parameters, and the runs."""
    named = tuple((s.name, repr(sorted(s.params().items()))) for s in scenarios)
    return (named, replicates, weeks, seed)


def shared(key: tuple) -> Result | None:
    """A comparison the server has already run with exactly these inputs, or None."""
    with _kept_lock:
        found = _shared.get(key)
        if found is not None:
            _shared.move_to_end(key)
        return found


def _share(key: tuple, result: Result) -> None:
    with _kept_lock:
        _shared[key] = result
        _shared.move_to_end(key)
        while len(_shared) > KEEP_RESULTS:
            _shared.popitem(last=False)


def session_key() -> str:
    """The browser session (the same across reloads of the page)."""
    try:
        return str(solara.get_session_id())
    except Exception:  # outside a server session (tests)
        return "local"


def remember(key: str, value: Any) -> None:
    """Keep ``value`` for this browser session (e.g. the last comparison)."""
    with _kept_lock:
        _kept[f"{session_key()}:{key}"] = value
        _kept.move_to_end(f"{session_key()}:{key}")
        while len(_kept) > KEEP_SESSIONS * 3:
            _kept.popitem(last=False)


def recall(key: str) -> Any:
    """What ``remember`` kept for this browser session, or None."""
    with _kept_lock:
        return _kept.get(f"{session_key()}:{key}")


def _track(total: int, guess: float) -> tuple[jobs.Estimate, Any, Any]:
    est = jobs.Estimate(total=total, first_guess=guess)
    status.set(est)

    def waiting(ahead: int) -> None:
        est.ahead = ahead
        status.set(jobs.Estimate(**{**est.__dict__}))

    def progress(done: int, _total: int) -> None:
        est.done = done
        status.set(jobs.Estimate(**{**est.__dict__}))

    return est, waiting, progress


def run_compare(scenarios: list[Scenario], replicates: int, weeks: int, seed: int) -> Result:
    """Queue, check and run a comparison; its progress goes to ``status``.

    Raises:
        InputError: When it would not fit in memory (a translated line).
        ScenarioError: On an invalid scenario (the CLI's one-line message).

    """
    key = job_key(scenarios, replicates, weeks, seed)
    while True:
        with _kept_lock:
            result = _shared.get(key)
            lead = _inflight.get(key)
            mine = result is None and lead is None
            if mine:
                lead = _inflight[key] = _Lead()
        if result is not None:
            break
        assert lead is not None
        if mine:
            try:
                result = _run_queued(key, scenarios, replicates, weeks, seed, lead)
            finally:
                with _kept_lock:
                    _inflight.pop(key, None)
                lead.done.set()
            break
        _follow(lead)  # then its result is shared; if it failed, this session runs it
    remember("comparison", result)
    return result


@dataclass
class _Lead:
    """The session running a comparison that other sessions asked for too."""

    done: threading.Event = field(default_factory=threading.Event)
    est: jobs.Estimate | None = None


_inflight: dict[tuple, _Lead] = {}


def _follow(lead: _Lead) -> None:
    """Show the leading session's place in line and progress until it is done."""
    try:
        while not lead.done.wait(0.5):
            if lead.est is not None:
                status.set(jobs.Estimate(**{**lead.est.__dict__}))
    finally:
        status.set(None)


def _run_queued(
    key: tuple, scenarios: list[Scenario], replicates: int, weeks: int, seed: int, lead: _Lead
) -> Result:
    runs = len(scenarios) * replicates
    jobs.check_memory(runs, weeks)
    guess = jobs.first_guess(runs, weeks, scenarios[0].params())
    est, waiting, progress = _track(runs, guess)
    lead.est = est
    try:
        with jobs.LINE.place(waiting):
            est.ahead, est.started = 0, time.perf_counter()
            status.set(jobs.Estimate(**{**est.__dict__}))
            with use_executor(jobs.POOL.get()):
                comp = run_comparison(
                    scenarios, replicates, seed=seed, weeks=weeks, progress=progress
                )
            jobs.trim_pool()
        result = Result(comp, outcome_table(comp), compute_bands(comp, CURVE_GAUGES))
    finally:
        status.set(None)
    _share(key, result)
    return result


def run_explain(
    scenario: Scenario, reference: Scenario, replicates: int, weeks: int, seed: int
) -> Explanation:
    """Queue, check and run ``samenspel explain`` for one scenario against the reference."""
    from ..explain import switches

    replicates = max(2, replicates)
    runs = 2 * (1 + len(switches())) * replicates
    jobs.check_memory(runs, weeks)
    guess = jobs.first_guess(runs, weeks, scenario.params())
    est, waiting, progress = _track(runs, guess)
    try:
        with jobs.LINE.place(waiting):
            est.ahead, est.started = 0, time.perf_counter()
            status.set(jobs.Estimate(**{**est.__dict__}))
            with use_executor(jobs.POOL.get()):
                out = explain(
                    scenario,
                    against=reference,
                    replicates=replicates,
                    seed=seed,
                    weeks=weeks,
                    progress=progress,
                )
            jobs.trim_pool()
    finally:
        status.set(None)
    remember(f"explain:{scenario.name}:{reference.name}", out)
    return out


@solara.lab.task(prefer_threaded=True)
def comparison(scenarios: list[Scenario], replicates: int, weeks: int, seed: int) -> Result:
    """The Compare button's task (in a thread)."""
    return run_compare(scenarios, replicates, weeks, seed)


@solara.lab.task(prefer_threaded=True)
def explanation(
    scenario: Scenario, reference: Scenario, replicates: int, weeks: int, seed: int
) -> Explanation:
    """The Why button's task (in a thread)."""
    return run_explain(scenario, reference, replicates, weeks, seed)


@solara.component
def Clock() -> None:
    """Advances ``clock`` every second while this session has a job."""
    active = status.value is not None

    def tick(cancel: threading.Event) -> None:
        while active and not cancel.is_set():
            cancel.wait(1.0)
            clock.set(time.perf_counter())

    solara.use_thread(tick, dependencies=[active], intrusive_cancel=False)
