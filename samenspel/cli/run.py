"""``samenspel run [SCENARIO]``: run one neighbourhood and print its summary."""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from .common import add_allow_large, check_out_file, check_seed_weeks, parse_sets

DEFAULT_WEEKS = 260  # equal to samenspel.model.runner.DEFAULT_WEEKS (tested)
SCALE_NAMES = ("neighbourhood", "city")  # the keys of samenspel.model.params.SCALES


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Options of ``samenspel run``."""
    add_run_arguments(p)
    p.add_argument("--out", help="write the weekly series to FILE.csv or FILE.parquet")


def add_run_arguments(p: argparse.ArgumentParser) -> None:
    """What one run needs (``run``, ``story``): scenario, seed, weeks, sets, scale."""
    p.add_argument(
        "scenario",
        nargs="?",
        metavar="SCENARIO",
        help="a scenario name (see 'samenspel scenarios') or a .toml file",
    )
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument(
        "--weeks",
        type=int,
        default=DEFAULT_WEEKS,
        help=f"weeks to simulate (default {DEFAULT_WEEKS})",
    )
    p.add_argument(
        "--set",
        action="append",
        metavar="NAME=VALUE",
        help="set a parameter (repeatable); see 'samenspel params'",
    )
    p.add_argument(
        "--scale",
        choices=SCALE_NAMES,
        default="neighbourhood",
        help="one wijkteam area (default) or a whole city of 50 areas; --set n_areas=N overrides",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    add_allow_large(p)


BAR_AFTER = 0.5  # seconds: a run predicted to take longer gets a progress bar ...
BAR_LONGER = 3.0  # ... if this many seconds or more are predicted to remain


@contextmanager
def week_progress(quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A ``progress(week, weeks)`` callback that shows a bar on standard error.

    The bar appears only for runs that take more than a few seconds: once half a
    second has passed and at least ``BAR_LONGER`` seconds are predicted to remain.
    None (no callback at all) with ``quiet`` or when standard error is not a terminal.
    """
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar = Progress(
        "weeks",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = None
    t0 = time.perf_counter()

    def progress(week: int, weeks: int) -> None:
        nonlocal task
        if task is None:
            elapsed = time.perf_counter() - t0
            if elapsed < BAR_AFTER or elapsed / week * (weeks - week) < BAR_LONGER:
                return
            bar.start()
            task = bar.add_task("weeks", total=weeks)
        bar.update(task, completed=week)

    try:
        yield progress
    finally:
        if task is not None:
            bar.stop()


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return "n/a" if math.isnan(value) else f"{value:.3f}"
    return str(value)


def run_params(args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    """The checked parameters of the run ``args`` ask for, and its label ("NAME, ")."""
    from ..model.params import SCALES, resolve
    from ..scenarios import load_scenario

    check_seed_weeks(args.seed, args.weeks, args.allow_large)
    sets = {**SCALES[args.scale], **parse_sets(args.set)}
    if args.scenario:
        scenario = load_scenario(args.scenario)
        return scenario.params(sets, where="--set"), f"{scenario.name}, "
    return resolve(sets, where="--set"), ""


def main(args: argparse.Namespace) -> int:
    """Run one neighbourhood (optionally a scenario) and print its summary."""
    from rich.console import Console
    from rich.table import Table

    from ..files import write_table
    from ..model.runner import simulate

    out = check_out_file(args.out)
    params, label = run_params(args)
    t0 = time.perf_counter()
    with week_progress(args.quiet) as progress:  # without --out only the summary is read
        model = simulate(
            seed=args.seed,
            weeks=args.weeks,
            progress=progress,
            summary_only=out is None,
            **params,
        )
    elapsed = time.perf_counter() - t0
    summary = model.summary()
    table = Table(
        title=f"samenspel run: {label}seed {args.seed}, {args.weeks} weeks ({elapsed:.2f} s)"
    )
    table.add_column("outcome")
    table.add_column("value", justify="right")
    for key, value in summary.items():
        table.add_row(key, _fmt(value))
    Console().print(table)
    if out is not None:
        df = model.weekly()
        df.insert(0, "seed", args.seed)
        write_table(df, out, index=True)
        print(f"weekly series written to {out}")
    return 0
