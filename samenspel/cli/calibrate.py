"""``samenspel calibrate``: pattern-oriented calibration of the free parameters.

The search itself is ``samenspel.calibration``; this module reads and checks the
options, runs it with a progress bar and prints the accepted region.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import UsageError, check_out_dir


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Options of ``samenspel calibrate``."""
    from ..calibration import POINTS, REPLICATES, SEED, WEEKS

    p.add_argument(
        "--points", type=int, default=POINTS, help=f"Latin-hypercube points (default {POINTS})"
    )
    p.add_argument(
        "--replicates",
        type=int,
        default=REPLICATES,
        help=f"runs per scenario at each point (default {REPLICATES})",
    )
    p.add_argument(
        "--seed",
        type=int,
        default=SEED,
        help=f"master seed; replicate i uses seed+i (default {SEED})",
    )
    p.add_argument("--weeks", type=int, default=WEEKS, help=f"weeks per run (default {WEEKS})")
    p.add_argument("--workers", type=int, default=2, help="processes (default 2)")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the results")
    p.add_argument(
        "--docs",
        metavar="DIR",
        default=None,
        help="also write DIR/calibration.md and DIR/figures/calibration.png",
    )


def main(args: argparse.Namespace) -> int:
    """Run the search, print the region, write the outputs."""
    from ..calibration import CalibrationError, calibrate, check_args, region, write
    from ..compare import progress_bar

    out = check_out_dir(args.out)
    try:
        check_args(args.points, args.replicates, args.seed, args.weeks, args.workers)
        with progress_bar("calibration points") as progress:
            cal = calibrate(
                args.points, args.replicates, args.seed, args.weeks, args.workers, progress
            )
    except CalibrationError as exc:
        raise UsageError(str(exc)) from None
    command = (
        f"samenspel calibrate --points {args.points} --replicates "
        f"{args.replicates} --seed {args.seed} --weeks {args.weeks} --out {args.out}"
        + (f" --docs {args.docs}" if args.docs else "")
    )
    written = write(cal, out, Path(args.docs) if args.docs else None, command)
    print(
        f"accepted {len(cal.accepted)} of {len(cal.design)} points; defaults "
        f"{'accepted' if cal.defaults_accepted else 'not accepted'}; "
        f"{len(cal.runs)} runs in {cal.seconds:.0f} s on {cal.workers} processes"
    )
    print(region(cal).drop(columns="rate_by_fifth").to_string(index=False))
    print("written: " + ", ".join(str(p) for p in written))
    return 0
