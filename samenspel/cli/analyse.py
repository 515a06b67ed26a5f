"""``samenspel analyse DIR``: sensitivity indices, tables and figures of a sweep."""

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Options of ``samenspel analyse``."""
    p.add_argument("dir", metavar="DIR", help="results folder of 'samenspel sweep'")
    p.add_argument(
        "--outcome",
        action="append",
        metavar="NAME",
        help="outcome to analyse (repeatable; default: the spec's outcomes)",
    )


def main(args: argparse.Namespace) -> int:
    """Analyse a finished sweep."""
    from pathlib import Path

    from ..analyse import analyse

    analyse(Path(args.dir), args.outcome)
    return 0
