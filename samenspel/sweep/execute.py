"""Running a sweep's design on a local process pool or a Dask cluster.

Runs are batched into tasks (``batch``; by default up to 50 runs, fewer towards the
end) so that the overhead per task stays small. Workers return their rows; this
process writes each task's file (``storage.write_task``), so a file is either
complete or absent. A re-run reads the finished run ids and runs only the missing
ones; a complete sweep is not run again. Seeds depend only on the master seed and the
run id, so results do not depend on the number of workers or on Dask.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import socket
import time
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import as_completed
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from .._version import __version__
from ..limits import check_runs
from ..model.runner import simulate
from ..pool import local_pool
from ..sweepspec import Spec, SpecError, build_design, run_seed, total_runs
from . import storage

MAX_BATCH = 50
CONNECT_TIMEOUT = 5  # seconds to wait for a Dask scheduler
ADDRESS = re.compile(r"(tcp|tls|ucx|ws|wss|inproc)://[^\s/:]+(:\d{1,5})?/?")
Job = tuple[int, int, dict[str, Any]]  # run id, seed, parameters


@dataclass
class SweepResult:
    """What a call to ``sweep`` did."""

    total: int
    skipped: int
    ran: int
    files: int
    seconds: float
    out: Path


# --- work done on the workers ---------------------------------------------------------
def run_batch(jobs: list[Job], weeks: int, weekly: bool) -> dict[str, Any]:
    """Run a batch of runs (on a worker) and return their rows.

    Args:
        jobs: (run id, seed, parameters) per run.
        weeks: Weeks per run.
        weekly: Also return the weekly series.

    Returns:
        ``rows`` (one dict per run: run id, outcomes, start and end time),
        ``weekly`` (a DataFrame or None), and the worker's samenspel ``version``,
        ``versions`` (samenspel, Mesa, NumPy), model ``code`` hash and ``host``.

    """
    rows, frames = [], []
    for run_id, seed, params in jobs:
        started = datetime.now(UTC)
        model = simulate(seed=seed, weeks=weeks, summary_only=not weekly, **params)
        summary = model.summary()
        rows.append(
            {"run_id": run_id, **summary, "started": started, "finished": datetime.now(UTC)}
        )
        if weekly:
            df = model.weekly().reset_index()
            df.insert(0, "run_id", run_id)
            frames.append(df)
    return {
        "rows": rows,
        "weekly": pd.concat(frames, ignore_index=True) if frames else None,
        "version": __version__,
        "versions": storage.versions(),
        "code": code_hash(),
        "host": socket.gethostname(),
    }


def _hash_model_source() -> str:
    from .. import agents, model

    digest = hashlib.sha256()
    for package in (model, agents):
        for path in sorted(Path(package.__path__[0]).glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


_CODE_HASH = _hash_model_source()  # at import, next to the model code it describes


def code_hash() -> str:
    """Hash of the model's source files (``model/`` and ``agents/``), 16 hex digits.

    Taken when this module is imported, just after the model. Stored with every run:
    runs with equal code hashes, parameters and seed give equal results, whatever
    the version string or git state says.
    """
    return _CODE_HASH


# --- execution ---------------------------------------------------------------------------
def _batches(jobs: list[Job], size: int | None, slots: int) -> list[list[Job]]:
    """Split ``jobs`` into tasks: ``size`` runs each, or by default guided sizes.

    Guided: each task takes a quarter of the remaining runs' share per worker (at
    most MAX_BATCH), so tasks shrink towards the end and no worker waits long for
    the last, large task of another.
    """
    out, i = [], 0
    while i < len(jobs):
        n = size or max(1, min(MAX_BATCH, -(-(len(jobs) - i) // (4 * slots))))
        out.append(jobs[i : i + n])
        i += n
    return out


def connect(scheduler: str) -> Any:
    """A ``distributed.Client`` for ``scheduler``; a one-line SpecError if unreachable."""
    if not ADDRESS.fullmatch(scheduler):
        raise SpecError(
            f"--scheduler must be an address such as tcp://HOST:8786, got {scheduler!r}"
        )
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - dask is a dependency
        raise SpecError("--scheduler needs dask[distributed] installed") from None
    try:
        return Client(scheduler, timeout=f"{CONNECT_TIMEOUT}s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise SpecError(
            f"--scheduler {scheduler}: cannot reach the Dask scheduler within "
            f"{CONNECT_TIMEOUT} s ({type(exc).__name__})"
        ) from None
    except Exception as exc:  # something answered, but it does not speak Dask
        raise SpecError(
            f"--scheduler {scheduler}: what answers there is not a Dask "
            f"scheduler ({type(exc).__name__}); check the host and port"
        ) from None


def _start(
    stack: contextlib.ExitStack,
    batches: list[list[Job]],
    workers: int,
    client: Any,
    weeks: int,
    weekly: bool,
) -> Iterator[dict[str, Any]]:
    """Submit every batch now; return the results in order of completion.

    The local pool's processes are started here (``samenspel.pool``'s policy), before
    the progress bar's thread. Leaving ``stack`` cancels what has not started.
    """
    if client is not None:
        from distributed import as_completed as dask_completed

        futures = [client.submit(run_batch, b, weeks, weekly, pure=False) for b in batches]
        stack.callback(client.cancel, futures)
        return (f.result() for f in dask_completed(futures, loop=client.loop))
    if workers == 1:
        return (run_batch(b, weeks, weekly) for b in batches)
    pool = stack.enter_context(local_pool(workers))
    futures = [pool.submit(run_batch, b, weeks, weekly) for b in batches]
    stack.callback(lambda: [f.cancel() for f in futures])
    return (f.result() for f in as_completed(futures))


def sweep(
    spec: Spec,
    out: Path,
    workers: int = 1,
    scheduler: str | None = None,
    client: Any = None,
    batch: int | None = None,
    progress: bool = True,
    on_file: Callable[[Path], None] | None = None,
    warn: Callable[[str], None] | None = None,
    design: pd.DataFrame | None = None,
    allow_large: bool = False,
) -> SweepResult:
    """Run (or finish) the sweep ``spec`` into the folder ``out``.

    Everything is validated (spec, base scenario, design, scheduler, folder) before
    anything is written.

    Args:
        spec: The validated spec.
        out: Results folder: new, empty, or holding an earlier run of this spec.
        workers: Local worker processes (1 runs in this process); unused with Dask.
        scheduler: Address of a Dask scheduler, e.g. ``tcp://host:8786``.
        client: An existing ``distributed.Client`` (instead of ``scheduler``).
        batch: Runs per task; by default up to 50, shrinking towards the end.
        progress: Show a progress bar on standard error.
        on_file: Called with each results file written (tests, logging).
        warn: Called with a warning message (default: ``warnings.warn``).
        design: The design, if already built (``sweepspec.build_design(spec)``).
        allow_large: Go past the ceiling on total runs (``samenspel.limits``).

    Raises:
        SpecError: On any problem found before running.

    """
    t0 = time.perf_counter()
    if workers < 1:
        raise SpecError(f"--workers must be at least 1, got {workers}")
    if batch is not None and batch < 1:
        raise SpecError(f"--batch must be at least 1, got {batch}")
    check_runs(total_runs(spec), allow_large, where=str(spec.path))
    design = build_design(spec) if design is None else design
    own_client = client is None and scheduler is not None
    if own_client:
        assert scheduler is not None
        client = connect(scheduler)
    try:
        storage.check_out(out, spec, design)
        with contextlib.ExitStack() as stack:
            out.mkdir(parents=True, exist_ok=True)
            stack.enter_context(storage.locked(out))
            commit = storage.git_commit()
            storage.prepare(out, spec, design, commit)
            done, codes = storage.finished_runs(out)
            if codes - {code_hash()}:
                (warn or warnings.warn)(
                    f"{out}: the model code changed since earlier runs of this sweep (code "
                    f"hash {', '.join(sorted(codes))}, now {code_hash()}); the finished "
                    "runs are kept"
                )
            return _execute(
                spec,
                out,
                design,
                done,
                workers,
                client,
                batch,
                progress,
                on_file,
                warn or warnings.warn,
                commit,
                t0,
            )
    finally:
        if own_client:
            client.close()


def _progress_bar(name: str, disable: bool) -> Any:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.2f} runs/s" if speed else "- runs/s", style="progress.data.speed")

    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=disable,
    )


def _execute(
    spec: Spec,
    out: Path,
    design: pd.DataFrame,
    done: set[int],
    workers: int,
    client: Any,
    batch: int | None,
    progress: bool,
    on_file: Callable[[Path], None] | None,
    warn: Callable[[str], None],
    commit: str,
    t0: float,
) -> SweepResult:
    params = design.drop(columns=["point", *[c for c in design if c.startswith("x_")]])
    points = params.to_dict("records")
    reps = spec.replicates
    total = len(points) * reps
    jobs = [(r, run_seed(spec.seed, r), points[r // reps]) for r in range(total) if r not in done]
    result = SweepResult(total, total - len(jobs), 0, 0, 0.0, out)
    if not jobs:
        result.seconds = time.perf_counter() - t0
        return result
    slots = workers
    if client is not None:
        slots = sum(client.nthreads().values())
        if not slots:
            warn("the Dask scheduler has no workers yet; the tasks wait until one connects")
    batches = _batches(jobs, batch, max(1, slots))
    bar = _progress_bar(spec.name, disable=not progress)
    with contextlib.ExitStack() as stack:
        results = _start(stack, batches, workers, client, spec.weeks, spec.weekly)
        stack.enter_context(bar)
        task = bar.add_task(spec.name, total=total, completed=result.skipped)
        for res in results:
            if (res["version"], res["code"]) != (__version__, code_hash()):
                raise SpecError(
                    f"worker {res['host']} runs samenspel {res['version']} (code "
                    f"{res['code']}), this process {__version__} (code "
                    f"{code_hash()}); install the same version on every worker"
                )
            path = storage.write_task(spec, out, points, res, commit)
            result.ran += len(res["rows"])
            result.files += 1
            bar.advance(task, len(res["rows"]))
            if on_file is not None:
                on_file(path)
    result.seconds = time.perf_counter() - t0
    return result
