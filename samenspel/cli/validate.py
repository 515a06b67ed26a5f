"""``samenspel validate``: check the validation patterns, rewrite docs/validation.md."""

from __future__ import annotations

import argparse

from .common import add_allow_large, check_out_dir, check_workers

REPLICATES, SEED, WEEKS = 12, 1000, 260  # equal to samenspel.validation's (tested)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Options of ``samenspel validate``."""
    p.add_argument(
        "--out",
        default="docs",
        metavar="DIR",
        help="folder for validation.md and figures/ (default docs)",
    )
    p.add_argument("--replicates", type=int, default=REPLICATES)
    p.add_argument("--seed", type=int, default=SEED)
    p.add_argument("--weeks", type=int, default=WEEKS)
    p.add_argument("--workers", type=int, default=None)
    add_allow_large(p)


def main(args: argparse.Namespace) -> int:
    """Run the patterns and write the report."""
    from ..validation import main as validate
    from .compare import check_replicates

    check_replicates(args.replicates, args.seed, args.weeks, args.allow_large, least=2)
    check_workers(args.workers)
    check_out_dir(args.out)
    return validate(
        [
            "--out",
            args.out,
            "--replicates",
            str(args.replicates),
            "--seed",
            str(args.seed),
            "--weeks",
            str(args.weeks),
            *(["--workers", str(args.workers)] if args.workers else []),
        ]
    )
