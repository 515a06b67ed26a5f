"""``samenspel scenarios``: the scenario library with titles, descriptions and levers."""

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Options of ``samenspel scenarios``."""
    p.add_argument("--lang", choices=("en", "nl"), default="en")


def main(args: argparse.Namespace) -> int:
    """Print the scenario library."""
    from rich.console import Console
    from rich.table import Table

    from ..model.policy import as_toml_rows
    from ..scenarios import list_scenarios

    nl = args.lang == "nl"
    table = Table(
        title="samenspel scenario's" if nl else "samenspel scenarios", show_lines=True, expand=True
    )
    cols = (
        ("naam", "context", "bouwt op", "titel", "beschrijving", "knoppen")
        if nl
        else ("name", "context", "extends", "title", "description", "levers")
    )
    for col, ratio in zip(cols, (None, None, None, 3, 7, 4), strict=True):
        table.add_column(col, overflow="fold", ratio=ratio, no_wrap=ratio is None)
    for sc in list_scenarios():
        levers = (
            "\n".join([*(f"{k} = {v}" for k, v in sc.levers.items()), *as_toml_rows(sc.schedule)])
            or "-"
        )
        table.add_row(
            sc.name,
            sc.context,
            sc.extends or "-",
            sc.title(args.lang),
            sc.description(args.lang),
            levers,
        )
    Console(width=max(Console().width, 160)).print(table)
    return 0
