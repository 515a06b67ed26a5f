"""``samenspel compare A B [C ...]``: scenarios with common random numbers."""

from __future__ import annotations

import argparse

from .common import (
    UsageError,
    add_allow_large,
    add_replicate_options,
    check_out_dir,
    check_seed_weeks,
    check_workers,
    parse_sets,
)
from .run import DEFAULT_WEEKS


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Options of ``samenspel compare``."""
    p.add_argument(
        "scenarios",
        nargs="+",
        metavar="SCENARIO",
        help="two or more scenario names or .toml files; the first is "
        "the reference for the differences",
    )
    add_replicate_options(p, 10, "runs per scenario, the same seeds for each", DEFAULT_WEEKS)
    p.add_argument(
        "--set",
        action="append",
        metavar="NAME=VALUE",
        help="set a parameter in every scenario (repeatable)",
    )
    p.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        help="folder for the CSV/Parquet tables and PNG figures",
    )
    add_allow_large(p)


def check_replicates(
    replicates: int, seed: int, weeks: int, allow_large: bool, least: int = 1, scenarios: int = 1
) -> None:
    """Check ``--replicates`` (with the seeds it uses) against the ceilings."""
    from ..limits import MAX_REPLICATES, check_runs, check_size

    if replicates < least:
        raise UsageError(
            f"--replicates must be at least {least}"
            f"{' (for an interval)' if least > 1 else ''}, got {replicates}"
        )
    check_size("--replicates", replicates, MAX_REPLICATES, allow_large)
    check_seed_weeks(seed, weeks, allow_large)
    check_seed_weeks(seed + replicates - 1, weeks, allow_large)  # the last seed used
    check_runs(replicates * scenarios, allow_large)


def main(args: argparse.Namespace) -> int:
    """Compare scenarios with common random numbers; write tables and figures."""
    from ..pool import default_workers, local_pool, start_server

    if len(args.scenarios) < 2:
        raise UsageError(f"compare needs at least two scenarios, got {len(args.scenarios)}")
    check_replicates(
        args.replicates,
        args.seed,
        args.weeks,
        args.allow_large,
        least=2,
        scenarios=len(args.scenarios),
    )
    check_workers(args.workers)
    runs = len(args.scenarios) * args.replicates
    workers = min(args.workers or default_workers(), runs)
    if workers > 1:
        start_server()  # the workers' imports run while this process makes its own

    from contextlib import nullcontext

    from rich.console import Console

    from ..compare import (
        load_scenarios,
        outcome_table,
        prepare_drawing,
        print_outcomes,
        progress_bar,
        run_comparison,
        write_outputs,
    )
    from ..model.params import resolve

    out = check_out_dir(args.out)
    sets = parse_sets(args.set)
    if sets:
        resolve(sets, where="--set")
    load_scenarios(args.scenarios)  # fail on a bad file before starting any run
    # one pool for the runs and then the figures, drawn there while the tables are written
    with local_pool(workers) if workers > 1 else nullcontext() as pool:
        with progress_bar(
            f"{len(args.scenarios)} scenarios x {args.replicates} replicates"
        ) as progress:
            comp = run_comparison(
                args.scenarios,
                args.replicates,
                seed=args.seed,
                weeks=args.weeks,
                workers=workers,
                progress=progress,
                overrides=sets or None,
                executor=pool,
                then=prepare_drawing,  # the workers' imports for the figures, behind the runs
            )
        table = outcome_table(comp)  # printed and written
        written = write_outputs(  # printed while the pool draws the figures
            comp,
            out,
            table=table,
            executor=pool,
            meanwhile=lambda: print_outcomes(
                comp, table, console=Console(width=max(Console().width, 120))
            ),
        )
    print(
        f"{len(comp.runs)} runs in {comp.seconds:.1f} s on {comp.workers} processes; "
        f"written to {out}: " + ", ".join(p.name for p in written)
    )
    return 0
