"""``samenspel story [SCENARIO]``: run one neighbourhood and tell what happened and why."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import check_out_file
from .run import add_run_arguments, run_params, week_progress

LANGS = ("nl", "en")  # the keys of samenspel.story.LANGS (tested)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Options of ``samenspel story``: those of ``run``, the language and the files."""
    add_run_arguments(p)
    p.add_argument("--lang", choices=LANGS, default="nl", help="language (default nl)")
    p.add_argument("--out", help="also write the story to FILE.md")
    p.add_argument(
        "--events",
        metavar="FILE",
        help="also write the events kept (first and last 200 of each kind) to "
        "FILE.csv or FILE.parquet",
    )


def main(args: argparse.Namespace) -> int:
    """Run with the event log on and print the story (Markdown)."""
    from ..model.runner import simulate
    from ..story import tell

    out = check_out_file(args.out, (".md",))
    events = check_out_file(args.events, option="--events")
    params, _ = run_params(args)
    with week_progress(args.quiet) as progress:
        model = simulate(seed=args.seed, weeks=args.weeks, progress=progress, events=True, **params)
    text = tell(model, args.lang).markdown()
    print(text)
    if out is not None:
        Path(out).write_text(text, encoding="utf-8")
    if events is not None:
        from ..files import write_table

        write_table(model.events.table(), events)
    return 0
