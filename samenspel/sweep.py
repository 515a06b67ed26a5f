"""Parameter sweeps: run a spec's design on a local process pool or a Dask cluster.

``samenspel sweep SPEC --workers N --out DIR [--scheduler tcp://HOST:PORT]``

The results folder holds::

    DIR/spec.toml          copy of the spec (a re-run must use the same spec)
    DIR/design.parquet     the design: coordinates and every parameter per point
    DIR/runs/*.parquet     one file per task, one row per run (parameters, seed,
                           outcomes, provenance)
    DIR/weekly/*.parquet   weekly series, if the spec says ``weekly = true``

Runs are batched into tasks (``--batch``; by default up to 50 runs, fewer towards the
end) so that the overhead per task stays small. Workers return their rows; this process writes each
task's file under a temporary name and renames it (``os.replace``), so a file is
either complete or absent. A re-run reads the finished run ids and runs only the
missing ones; a complete sweep is not run again. Seeds depend only on the master seed
and the run id, so results do not depend on the number of workers or on Dask.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import socket
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import UTC, datetime
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
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

from . import __version__
from .model.runner import simulate
from .sweepspec import Spec, SpecError, build_design, load_spec, run_seed

MAX_BATCH = 50
CONNECT_TIMEOUT = 5  # seconds to wait for a Dask scheduler
TMP_SUFFIX = ".tmp"
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
        model ``code`` hash and ``host``.

    """
    rows, frames = [], []
    for run_id, seed, params in jobs:
        started = datetime.now(UTC)
        model = simulate(seed=seed, weeks=weeks, **params)
        summary = model.summary()
        rows.append({"run_id": run_id, **summary, "started": started,
                     "finished": datetime.now(UTC)})
        if weekly:
            df = model.weekly().reset_index()
            df.insert(0, "run_id", run_id)
            frames.append(df)
    return {"rows": rows, "weekly": pd.concat(frames, ignore_index=True) if frames else None,
            "version": __version__, "code": code_hash(), "host": socket.gethostname()}


def _hash_model_source() -> str:
    from . import agents, model

    digest = hashlib.sha256()
    for package in (model, agents):
        for path in sorted(Path(package.__file__).parent.glob("*.py")):
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


def _watch_parent(parent: int) -> None:
    """Worker initializer: exit when the sweep process is gone (e.g. after kill -9)."""
    import threading

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


# --- results folder ---------------------------------------------------------------------
def git_commit() -> str:
    """Git commit of the package's checkout (``+dirty`` if changed), or ``unknown``."""
    here = Path(__file__).resolve().parent
    try:
        head = subprocess.run(["git", "-C", str(here), "rev-parse", "HEAD"], check=True,
                              capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(here), "status", "--porcelain",
                                "--untracked-files=no"], check=True, capture_output=True,
                               text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def write_parquet(df: pd.DataFrame, path: Path) -> None:
    """Write ``df`` to ``path`` atomically: temporary file, fsync, then rename."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}{TMP_SUFFIX}")
    df.to_parquet(tmp, index=False)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def read_manifest(out: Path) -> dict[str, Any]:
    """The sweep's ``sweep.json`` (name, spec file, hash, creation), or {} if absent."""
    try:
        return json.loads((out / "sweep.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _manifest(spec: Spec, commit: str) -> str:
    info = {"name": spec.name, "spec_file": str(spec.path), "spec_hash": spec.hash,
            "design": spec.design, "created": datetime.now(UTC).isoformat(),
            "samenspel_version": __version__, "git_commit": commit}
    return json.dumps(info, indent=2) + "\n"


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (temporary file, then rename)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}{TMP_SUFFIX}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def check_out(out: Path, spec: Spec, design: pd.DataFrame) -> None:
    """Check that ``out`` is new, empty or holds this same sweep (same spec and design)."""
    if out.exists() and not out.is_dir():
        raise SpecError(f"--out {out}: exists and is not a folder")
    if not out.exists() or not any(out.iterdir()):
        return
    stored = out / "spec.toml"
    if not stored.exists():
        raise SpecError(f"--out {out}: folder is not empty and holds no sweep (no spec.toml)")
    try:
        old = load_spec(stored)
    except SpecError as exc:
        raise SpecError(f"--out {out}: {exc}") from None
    if old.hash != spec.hash:
        raise SpecError(f"--out {out}: holds a different sweep (spec hash {old.hash}, "
                        f"{spec.path} has {spec.hash}); choose another --out")
    design_file = out / "design.parquet"
    if design_file.exists():
        stored_design = pd.read_parquet(design_file)
        if not stored_design.equals(design):
            raise SpecError(f"--out {out}: the design differs from the one stored there "
                            "(has the base scenario or SALib changed?)")


def finished_runs(out: Path) -> tuple[set[int], set[str]]:
    """Run ids and model code hashes in ``out/runs/*.parquet``.

    Stray temporary files (from a sweep that was killed) are removed first, and so
    are weekly files whose runs file was never written.
    """
    runs = out / "runs"
    done: set[int] = set()
    codes: set[str] = set()
    for sub in (out, runs, out / "weekly"):
        for tmp in sub.glob(f".*{TMP_SUFFIX}"):
            tmp.unlink(missing_ok=True)
    for path in sorted(runs.glob("*.parquet")):
        try:
            table = pq.read_table(path, columns=["run_id", "code_hash"])
        except Exception as exc:  # any unreadable file is reported
            raise SpecError(f"{path}: unreadable results file ({exc}); "
                            "remove it and run the sweep again") from None
        done.update(table.column("run_id").to_pylist())
        codes.update(table.column("code_hash").to_pylist())
    for path in (out / "weekly").glob("*.parquet"):  # weekly part of an unfinished task
        if not (runs / path.name).exists():
            path.unlink()
    return done, codes


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``out`` so that two sweeps cannot write there at once."""
    import fcntl

    with open(out / ".lock", "w") as fh:
        try:  # a POSIX record lock: forked workers do not inherit it
            fcntl.lockf(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise SpecError(f"--out {out}: another sweep is writing there") from None
        yield


# --- execution ---------------------------------------------------------------------------
class _RateColumn(ProgressColumn):
    def render(self, task: Any) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.2f} runs/s" if speed else "- runs/s", style="progress.data.speed")


def _batches(jobs: list[Job], size: int | None, slots: int) -> list[list[Job]]:
    """Split ``jobs`` into tasks: ``size`` runs each, or by default guided sizes.

    Guided: each task takes a quarter of the remaining runs' share per worker (at
    most MAX_BATCH), so tasks shrink towards the end and no worker waits long for
    the last, large task of another.
    """
    out, i = [], 0
    while i < len(jobs):
        n = size or max(1, min(MAX_BATCH, -(-(len(jobs) - i) // (4 * slots))))
        out.append(jobs[i:i + n])
        i += n
    return out


def _connect(scheduler: str) -> Any:
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - dask is a dependency
        raise SpecError("--scheduler needs dask[distributed] installed") from None
    try:
        return Client(scheduler, timeout=f"{CONNECT_TIMEOUT}s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise SpecError(f"--scheduler {scheduler}: cannot reach the Dask scheduler within "
                        f"{CONNECT_TIMEOUT} s ({type(exc).__name__})") from None


def _pool_context() -> Any:
    """Start method for the local pool: fork while single-threaded, else forkserver.

    Forking this process costs nothing, whereas a fresh interpreter spends about a
    second importing Mesa; but forking a process with threads can deadlock, so then a
    fork server (with the model preloaded) starts the workers.
    """
    import threading

    if threading.active_count() == 1 and sys.platform == "linux":
        return get_context("fork")
    ctx = get_context("forkserver" if sys.platform != "win32" else "spawn")
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(["samenspel.sweep"])
    return ctx


def _start(stack: contextlib.ExitStack, batches: list[list[Job]], workers: int, client: Any,
           weeks: int, weekly: bool) -> Iterator[dict[str, Any]]:
    """Submit every batch now; return the results in order of completion.

    The local pool's processes are started here, before the progress bar's thread.
    Leaving ``stack`` cancels what has not started.
    """
    if client is not None:
        from distributed import as_completed as dask_completed

        futures = [client.submit(run_batch, b, weeks, weekly, pure=False) for b in batches]
        stack.callback(client.cancel, futures)
        return (f.result() for f in dask_completed(futures, loop=client.loop))
    if workers == 1:
        return (run_batch(b, weeks, weekly) for b in batches)
    pool = stack.enter_context(ProcessPoolExecutor(
        workers, mp_context=_pool_context(), initializer=_watch_parent,
        initargs=(os.getpid(),)))
    futures = [pool.submit(run_batch, b, weeks, weekly) for b in batches]
    stack.callback(lambda: [f.cancel() for f in futures])
    return (f.result() for f in as_completed(futures))


def sweep(spec: Spec, out: Path, workers: int = 1, scheduler: str | None = None,
          client: Any = None, batch: int | None = None, progress: bool = True,
          on_file: Callable[[Path], None] | None = None,
          warn: Callable[[str], None] | None = None) -> SweepResult:
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

    Raises:
        SpecError: On any problem found before running.

    """
    t0 = time.perf_counter()
    if workers < 1:
        raise SpecError(f"--workers must be at least 1, got {workers}")
    if batch is not None and batch < 1:
        raise SpecError(f"--batch must be at least 1, got {batch}")
    design = build_design(spec)
    own_client = client is None and scheduler is not None
    if own_client:
        client = _connect(scheduler)
    try:
        check_out(out, spec, design)
        (out / "runs").mkdir(parents=True, exist_ok=True)
        if spec.weekly:
            (out / "weekly").mkdir(exist_ok=True)
        with _locked(out):
            commit = git_commit()
            if not (out / "spec.toml").exists():  # first the file that marks the folder
                write_text(out / "spec.toml", spec.text)
            if not (out / "sweep.json").exists():
                write_text(out / "sweep.json", _manifest(spec, commit))
            if not (out / "design.parquet").exists():
                write_parquet(design, out / "design.parquet")
            done, codes = finished_runs(out)
            if codes - {code_hash()}:
                (warn or warnings.warn)(
                    f"{out}: the model code changed since earlier runs of this sweep (code "
                    f"hash {', '.join(sorted(codes))}, now {code_hash()}); the finished "
                    "runs are kept")
            return _execute(spec, out, design, done, workers, client, batch, progress,
                            on_file, warn or warnings.warn, commit, t0)
    finally:
        if own_client:
            client.close()


def _execute(spec: Spec, out: Path, design: pd.DataFrame, done: set[int], workers: int,
             client: Any, batch: int | None, progress: bool,
             on_file: Callable[[Path], None] | None, warn: Callable[[str], None], commit: str,
             t0: float) -> SweepResult:
    params = design.drop(columns=["point", *[c for c in design if c.startswith("x_")]])
    points = params.to_dict("records")
    reps = spec.replicates
    total = len(points) * reps
    jobs = [(r, run_seed(spec.seed, r), points[r // reps])
            for r in range(total) if r not in done]
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
    bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                   _RateColumn(), TimeElapsedColumn(), TextColumn("ETA"),
                   TimeRemainingColumn(), console=Console(stderr=True), disable=not progress)
    with contextlib.ExitStack() as stack:
        results = _start(stack, batches, workers, client, spec.weeks, spec.weekly)
        stack.enter_context(bar)
        task = bar.add_task(spec.name, total=total, completed=result.skipped)
        for res in results:
            if (res["version"], res["code"]) != (__version__, code_hash()):
                raise SpecError(f"worker {res['host']} runs samenspel {res['version']} (code "
                                f"{res['code']}), this process {__version__} (code "
                                f"{code_hash()}); install the same version on every worker")
            path = _write_task(spec, out, points, res, commit)
            result.ran += len(res["rows"])
            result.files += 1
            bar.advance(task, len(res["rows"]))
            if on_file is not None:
                on_file(path)
    result.seconds = time.perf_counter() - t0
    return result


def _write_task(spec: Spec, out: Path, points: list[dict[str, Any]], res: dict[str, Any],
                commit: str) -> Path:
    reps = spec.replicates
    rows = []
    for row in res["rows"]:
        r = row["run_id"]
        rows.append({"run_id": r, "point": r // reps, "replicate": r % reps,
                     "seed": run_seed(spec.seed, r), **points[r // reps],
                     **{k: v for k, v in row.items() if k not in ("run_id", "started",
                                                                  "finished")},
                     "samenspel_version": res["version"], "code_hash": res["code"],
                     "git_commit": commit,
                     "spec_hash": spec.hash, "host": res["host"],
                     "started": row["started"], "finished": row["finished"]})
    ids = [row["run_id"] for row in rows]
    name = f"part-{min(ids):07d}-{max(ids):07d}.parquet"
    if res["weekly"] is not None:
        write_parquet(res["weekly"], out / "weekly" / name)
    path = out / "runs" / name
    write_parquet(pd.DataFrame(rows), path)
    return path


# --- command line -------------------------------------------------------------------------
def default_workers() -> int:
    """Number of CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def cmd_sweep(args: argparse.Namespace) -> int:
    """``samenspel sweep``: run or resume a sweep."""
    from .cli import UsageError

    try:
        spec = load_spec(args.spec)
        out = Path(args.out) if args.out else Path("results") / spec.name
        res = sweep(spec, out, workers=args.workers, scheduler=args.scheduler,
                    batch=args.batch, progress=not args.quiet,
                    warn=lambda m: print(f"samenspel: warning: {m}", file=sys.stderr))
    except SpecError as exc:
        raise UsageError(str(exc)) from None
    except KeyboardInterrupt:
        print("samenspel: interrupted; run the same command again to finish the sweep",
              file=sys.stderr)
        return 130
    except BrokenProcessPool:
        print("samenspel: error: a worker process died (out of memory?); the finished runs "
              "are kept, run the same command again to finish the sweep", file=sys.stderr)
        return 1
    if res.ran == 0:
        print(f"nothing to do: all {res.total} runs of {spec.name} are in {res.out}")
    else:
        rate = res.ran / res.seconds if res.seconds else float("nan")
        print(f"{res.ran} runs in {res.seconds:.1f} s ({rate:.2f} runs/s), {res.files} files "
              f"written to {res.out / 'runs'}; {res.skipped} runs were already there")
    return 0


def add_sweep_commands(sub: Any) -> None:
    """Add the ``sweep`` and ``analyse`` subcommands to the CLI's subparsers."""
    p = sub.add_parser("sweep", help="run a parameter sweep (experiments/*.toml)")
    p.add_argument("spec", metavar="SPEC", help="sweep spec, e.g. experiments/sobol-three-os.toml")
    p.add_argument("--workers", type=int, default=default_workers(), metavar="N",
                   help="local worker processes (default: all CPUs; unused with --scheduler)")
    p.add_argument("--out", metavar="DIR", help="results folder (default results/NAME); "
                                 "run again with the same folder to resume")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                   help="run on an existing Dask scheduler instead of local processes")
    p.add_argument("--batch", type=int, metavar="N",
                   help="runs per task (default: up to 50, fewer towards the end)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_sweep)
    a = sub.add_parser("analyse", help="sensitivity indices, tables and figures of a sweep")
    a.add_argument("dir", metavar="DIR", help="results folder of 'samenspel sweep'")
    a.add_argument("--outcome", action="append", metavar="NAME",
                   help="outcome to analyse (repeatable; default: the spec's outcomes)")
    a.set_defaults(func=_cmd_analyse)


def _cmd_analyse(args: argparse.Namespace) -> int:
    from .analyse import cmd_analyse

    return cmd_analyse(args)
