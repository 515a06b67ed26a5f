"""``samenspel sweep SPEC``: run or resume a sweep, with an up-front estimate."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .common import UsageError, add_allow_large, check_out_dir


def _workers_default() -> int:
    from ..pool import default_workers

    return default_workers()


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Options of ``samenspel sweep``."""
    p.add_argument(
        "spec",
        metavar="SPEC",
        help="sweep spec: a file, or the name of a shipped one such as "
        "sobol-three-os (experiments/*.toml)",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=_workers_default(),
        metavar="N",
        help="local worker processes (default: all CPUs; unused with --scheduler)",
    )
    p.add_argument(
        "--out",
        metavar="DIR",
        help="results folder (default results/NAME); run again with the same folder to resume",
    )
    p.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="run on an existing Dask scheduler instead of local processes",
    )
    p.add_argument(
        "--batch",
        type=int,
        metavar="N",
        help="runs per task (default: up to 50, fewer towards the end)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="check the spec and print the run count and time estimate only",
    )
    p.add_argument(
        "--yes",
        action="store_true",
        help="start a sweep estimated to take over an hour without asking",
    )
    add_allow_large(p)


def _warn(message: str) -> None:
    print(f"samenspel: warning: {message}", file=sys.stderr)


def main(args: argparse.Namespace) -> int:
    """Run or resume a sweep."""
    from concurrent.futures.process import BrokenProcessPool
    from pathlib import Path

    from ..limits import check_runs, confirm, estimate
    from ..sweep.execute import connect, sweep
    from ..sweepspec import build_design, load_spec, total_runs

    if args.workers < 1:
        raise UsageError(f"--workers must be at least 1, got {args.workers}")
    if args.batch is not None and args.batch < 1:
        raise UsageError(f"--batch must be at least 1, got {args.batch}")
    spec = load_spec(args.spec, allow_large=args.allow_large)
    runs = total_runs(spec)
    check_runs(runs, args.allow_large, where=str(spec.path))
    out = Path(args.out) if args.out else Path("results") / spec.name
    if not args.dry_run:
        if args.out is None:
            Path("results").mkdir(exist_ok=True)
        check_out_dir(str(out))
    if args.scheduler:  # the one-line message below replaces Dask's own log lines
        _quiet_dask_logs()
    client = connect(args.scheduler) if args.scheduler else None
    try:
        design = build_design(spec)
        slots = sum(client.nthreads().values()) if client is not None else args.workers
        first = design.drop(columns=["point", *[c for c in design if c.startswith("x_")]])
        seconds, text = estimate(
            runs, max(1, slots), spec.weeks, first.iloc[0].to_dict() if len(first) else None
        )
        if args.dry_run:
            print(f"{spec.name} ({spec.path}): {text}")
            return 0
        confirm(seconds, args.yes, text)
        print(f"{spec.name}: {text}", flush=True)
        res = sweep(
            spec,
            out,
            workers=args.workers,
            client=client,
            batch=args.batch,
            progress=not args.quiet,
            warn=_warn,
            design=design,
            allow_large=args.allow_large,
        )
    except KeyboardInterrupt:
        print(
            "samenspel: interrupted; run the same command again to finish the sweep",
            file=sys.stderr,
        )
        return 130
    except BrokenProcessPool:
        print(
            "samenspel: error: a worker process died (out of memory?); the finished runs "
            "are kept, run the same command again to finish the sweep",
            file=sys.stderr,
        )
        return 1
    except Exception as exc:
        if client is None or not _from_dask(exc):
            raise
        print(
            f"samenspel: error: lost the Dask scheduler {args.scheduler} "
            f"({type(exc).__name__}); "
            "the finished runs are kept, run the same command again to resume",
            file=sys.stderr,
        )
        return 1
    finally:
        if client is not None:
            _close_quietly(client)
    if res.ran == 0:
        print(f"nothing to do: all {res.total} runs of {spec.name} are in {res.out}")
    else:
        rate = res.ran / res.seconds if res.seconds else float("nan")
        print(
            f"{res.ran} runs in {res.seconds:.1f} s ({rate:.2f} runs/s), {res.files} files "
            f"written to {res.out / 'runs'}; {res.skipped} runs were already there"
        )
    return 0


def _from_dask(exc: BaseException) -> bool:
    """Whether ``exc`` comes from the connection to a Dask cluster."""
    import asyncio
    import concurrent.futures

    module = type(exc).__module__ or ""
    return module.startswith(("distributed", "tornado")) or isinstance(
        exc, OSError | TimeoutError | asyncio.CancelledError | concurrent.futures.CancelledError
    )


def _quiet_dask_logs() -> None:
    """Keep Dask's reconnect attempts and their tracebacks off the user's screen."""
    import contextlib
    import logging

    with contextlib.suppress(ImportError):
        import distributed  # noqa: F401  (it sets up its loggers when imported)
    previous = sys.unraisablehook

    def hook(unraisable: Any) -> None:  # a half-made Client closing itself at exit
        if getattr(unraisable.object, "__module__", "").startswith("distributed"):
            return
        previous(unraisable)

    sys.unraisablehook = hook
    prefixes = ("distributed", "tornado", "asyncio")
    names = [n for n in logging.root.manager.loggerDict if n.startswith(prefixes)]
    for name in {*prefixes, *names}:  # children may carry their own level
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)


def _close_quietly(client: object) -> None:
    """Close a Dask client whose scheduler may be gone, without late tracebacks."""
    import contextlib

    with contextlib.suppress(Exception):
        client.close(timeout=2)  # type: ignore[attr-defined]
