"""Command-line interface: ``samenspel run``, ``samenspel params``.

Every error in user input (an unknown parameter, a value out of range, a bad output
file) is reported as one line on standard error, and the process exits with code 2.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from rich.console import Console
from rich.table import Table

from .model.params import PARAMS, ParameterError, resolve
from .model.runner import DEFAULT_WEEKS, simulate

OUT_SUFFIXES = (".csv", ".parquet")


class UsageError(Exception):
    """A one-line user error; the CLI prints it and exits with code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def parse_sets(items: Sequence[str] | None) -> dict[str, str]:
    """Turn ``["name=value", ...]`` into a dict, rejecting malformed items."""
    out: dict[str, str] = {}
    for item in items or ():
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--set expects name=value, got {item!r}")
        out[name.strip()] = value.strip()
    return out


def _check_out(path: str | None) -> Path | None:
    if path is None:
        return None
    out = Path(path)
    if out.suffix.lower() not in OUT_SUFFIXES:
        raise UsageError(f"--out must end in .csv or .parquet, got {path!r}")
    if not out.parent.exists():
        raise UsageError(f"--out: folder {str(out.parent)!r} does not exist")
    return out


def write_table(df: Any, out: Path) -> None:
    """Write a DataFrame to CSV or Parquet atomically (temporary name, then rename)."""
    tmp = out.with_name(f".{out.name}.tmp")
    if out.suffix.lower() == ".parquet":
        df.to_parquet(tmp)
    else:
        df.to_csv(tmp)
    os.replace(tmp, out)


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return "n/a" if math.isnan(value) else f"{value:.3f}"
    return str(value)


def cmd_run(args: argparse.Namespace) -> int:
    """Run one neighbourhood and print its summary."""
    out = _check_out(args.out)
    params = resolve(parse_sets(args.set), where="--set")
    if args.weeks < 1:
        raise UsageError(f"--weeks must be at least 1, got {args.weeks}")
    t0 = time.perf_counter()
    model = simulate(seed=args.seed, weeks=args.weeks, **params)
    elapsed = time.perf_counter() - t0
    summary = model.summary()
    table = Table(title=f"samenspel run: seed {args.seed}, {args.weeks} weeks "
                        f"({elapsed:.2f} s)")
    table.add_column("outcome")
    table.add_column("value", justify="right")
    for key, value in summary.items():
        table.add_row(key, _fmt(value))
    Console().print(table)
    if out is not None:
        df = model.weekly()
        df.insert(0, "seed", args.seed)
        write_table(df, out)
        print(f"weekly series written to {out}")
    return 0


def cmd_params(args: argparse.Namespace) -> int:
    """List every parameter with its default, range and label."""
    table = Table(title="samenspel parameters")
    for col in ("name", "group", "default", "allowed", "unit", "label", "meaning"):
        table.add_column(col, overflow="fold")
    for p in PARAMS.values():
        label = p.label_nl if args.lang == "nl" else p.label_en
        table.add_row(p.name, p.group, str(p.default), p.allowed(), p.unit, label, p.meaning)
    Console(width=200).print(table)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for all subcommands."""
    parser = _Parser(prog="samenspel", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    run = sub.add_parser("run", help="run one neighbourhood and print its summary")
    run.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    run.add_argument("--weeks", type=int, default=DEFAULT_WEEKS,
                     help=f"weeks to simulate (default {DEFAULT_WEEKS})")
    run.add_argument("--set", action="append", metavar="NAME=VALUE",
                     help="set a parameter (repeatable); see 'samenspel params'")
    run.add_argument("--out", help="write the weekly series to FILE.csv or FILE.parquet")
    run.set_defaults(func=cmd_run)
    params = sub.add_parser("params", help="list the model parameters")
    params.add_argument("--lang", choices=("en", "nl"), default="en")
    params.set_defaults(func=cmd_params)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``samenspel`` command."""
    try:
        args = build_parser().parse_args(argv)
        return args.func(args)
    except (UsageError, ParameterError) as exc:
        print(f"samenspel: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
