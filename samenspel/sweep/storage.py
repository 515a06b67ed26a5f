"""The results folder of a sweep: manifest, design, part files, the lock.

Layout::

    DIR/spec.toml          copy of the spec (a re-run must use the same spec)
    DIR/sweep.json         name, spec hash, creation time and versions
    DIR/design.parquet     the design: coordinates and every parameter per point
    DIR/runs/*.parquet     one file per task, one row per run (parameters, seed,
                           outcomes, provenance)
    DIR/weekly/*.parquet   weekly series, if the spec says ``weekly = true``

Every file is written atomically with page checksums (``samenspel.files``).
"""

from __future__ import annotations

import contextlib
import json
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from .._version import __version__
from ..files import (
    TMP_SUFFIX,
    FileProblem,
    nearest_existing,
    read_parquet,
    write_parquet,
    write_text,
)
from ..sweepspec import Spec, SpecError, load_spec, run_seed

LOCK = ".lock"
RERUN = "delete it and run the same 'samenspel sweep' command again to recompute it"


def versions() -> dict[str, str]:
    """Versions of samenspel, Mesa and NumPy in this process (provenance)."""
    import mesa
    import numpy

    return {
        "samenspel_version": __version__,
        "mesa_version": mesa.__version__,
        "numpy_version": numpy.__version__,
    }


def git_commit() -> str:
    """Git commit of the package's checkout (``+dirty`` if changed), or ``unknown``.

    Only for a checkout (an editable install): an installed wheel has no commit, and
    asking git there could report an unrelated repository around the environment.
    """
    root = Path(__file__).resolve().parents[2]
    if not (root / ".git").exists() or not (root / "pyproject.toml").exists():
        return "unknown"
    try:
        head = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "HEAD"],
            check=True,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
            check=True,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def read_manifest(out: Path) -> dict[str, Any]:
    """The sweep's ``sweep.json`` (name, spec file, hash, creation), or {} if absent."""
    try:
        return json.loads((out / "sweep.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def manifest(spec: Spec, commit: str) -> str:
    """The text of ``sweep.json``."""
    info = {
        "name": spec.name,
        "spec_file": str(spec.path),
        "spec_hash": spec.hash,
        "design": spec.design,
        "created": datetime.now(UTC).isoformat(),
        **versions(),
        "git_commit": commit,
    }
    return json.dumps(info, indent=2) + "\n"


def check_out(out: Path, spec: Spec, design: pd.DataFrame) -> None:
    """Check that ``out`` is new, empty or holds this same sweep (same spec and design)."""
    if out.exists() and not out.is_dir():
        raise SpecError(f"--out {out}: exists and is not a folder")
    if not out.exists():  # made with its missing parents when the sweep starts
        existing = nearest_existing(out.parent)
        if not existing.is_dir():
            raise SpecError(f"--out {out}: {str(existing)!r} is a file, not a folder")
        return
    if not [p for p in out.iterdir() if p.name != LOCK]:  # a lock alone: starting sweep
        return
    stored = out / "spec.toml"
    if not stored.exists():
        raise SpecError(f"--out {out}: folder is not empty and holds no sweep (no spec.toml)")
    try:
        old = load_spec(stored, allow_large=True)
    except SpecError as exc:
        raise SpecError(f"--out {out}: {exc}") from None
    if old.hash != spec.hash:
        raise SpecError(
            f"--out {out}: holds a different sweep (spec hash {old.hash}, "
            f"{spec.path} has {spec.hash}); choose another --out"
        )
    design_file = out / "design.parquet"
    if design_file.exists():
        stored_design = read_parquet(design_file, fix=RERUN)
        if not stored_design.equals(design):
            raise SpecError(
                f"--out {out}: the design differs from the one stored there "
                "(has the base scenario or SALib changed?)"
            )


def prepare(out: Path, spec: Spec, design: pd.DataFrame, commit: str) -> None:
    """Create the folder and write spec, manifest and design if they are not there."""
    (out / "runs").mkdir(parents=True, exist_ok=True)
    if spec.weekly:
        (out / "weekly").mkdir(exist_ok=True)
    if not (out / "spec.toml").exists():  # first the file that marks the folder
        write_text(out / "spec.toml", spec.text)
    if not (out / "sweep.json").exists():
        write_text(out / "sweep.json", manifest(spec, commit))
    if not (out / "design.parquet").exists():
        write_parquet(design, out / "design.parquet")


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
            table = read_parquet(path, columns=["run_id", "code_hash"], fix=RERUN)
        except FileProblem as exc:
            raise SpecError(str(exc)) from None
        done.update(table["run_id"].tolist())
        codes.update(table["code_hash"].tolist())
    for path in (out / "weekly").glob("*.parquet"):  # weekly part of an unfinished task
        if not (runs / path.name).exists():
            path.unlink()
    return done, codes


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``out`` so that two sweeps cannot write there at once.

    ``filelock`` works on every platform (``flock`` on POSIX, ``msvcrt`` on Windows).
    Workers never hold it: they are started by the fork server or spawned, not forked
    from this process.
    """
    from filelock import FileLock, Timeout

    lock = FileLock(out / LOCK, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise SpecError(f"--out {out}: another sweep is writing there") from None
    try:
        yield
    finally:
        lock.release()


def write_task(
    spec: Spec, out: Path, points: list[dict[str, Any]], res: dict[str, Any], commit: str
) -> Path:
    """Write one task's rows (and weekly series) as a part file; return its path."""
    reps = spec.replicates
    rows = []
    for row in res["rows"]:
        r = row["run_id"]
        rows.append(
            {
                "run_id": r,
                "point": r // reps,
                "replicate": r % reps,
                "seed": run_seed(spec.seed, r),
                **points[r // reps],
                **{k: v for k, v in row.items() if k not in ("run_id", "started", "finished")},
                **res["versions"],
                "code_hash": res["code"],
                "git_commit": commit,
                "spec_hash": spec.hash,
                "host": res["host"],
                "started": row["started"],
                "finished": row["finished"],
            }
        )
    ids = [row["run_id"] for row in rows]
    name = f"part-{min(ids):07d}-{max(ids):07d}.parquet"
    if res["weekly"] is not None:
        write_parquet(res["weekly"], out / "weekly" / name)
    path = out / "runs" / name
    write_parquet(pd.DataFrame(rows), path)
    return path
