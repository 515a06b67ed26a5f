"""``samenspel params``: list every parameter with its default, range and label."""

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Options of ``samenspel params``."""
    p.add_argument("--lang", choices=("en", "nl"), default="en")


def main(args: argparse.Namespace) -> int:
    """Print the parameter table."""
    from rich.console import Console
    from rich.table import Table

    from ..model.params import PARAMS

    table = Table(title="samenspel parameters")
    for col in ("name", "group", "default", "allowed", "unit", "label", "meaning"):
        table.add_column(col, overflow="fold")
    for p in PARAMS.values():
        label = p.label_nl if args.lang == "nl" else p.label_en
        meaning = p.meaning_nl if args.lang == "nl" else p.meaning
        table.add_row(p.name, p.group, str(p.default), p.allowed(), p.unit, label, meaning)
    Console(width=200).print(table)
    return 0
