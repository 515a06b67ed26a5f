"""``samenspel story [SCENARIO]``: run one neighbourhood and tell what happened and why."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import add_allow_large, check_out_file, check_seed_weeks, parse_sets
from .run import DEFAULT_WEEKS, SCALE_NAMES, week_progress

LANGS = ("nl", "en")  # the keys of samenspel.story.LANGS (tested)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Options of ``samenspel story``."""
    p.add_argument(
        "scenario",
        nargs="?",
        metavar="SCENARIO",
        help="a scenario name (see 'samenspel scenarios') or a .toml file",
    )
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument(
        "--weeks", type=int, default=DEFAULT_WEEKS, help=f"weeks (default {DEFAULT_WEEKS})"
    )
    p.add_argument(
        "--set",
        action="append",
        metavar="NAME=VALUE",
        help="set a parameter (repeatable); see 'samenspel params'",
    )
    p.add_argument(
        "--scale", choices=SCALE_NAMES, default="neighbourhood", help="one area or a city"
    )
    p.add_argument("--lang", choices=LANGS, default="nl", help="language (default nl)")
    p.add_argument("--out", help="also write the story to FILE.md")
    p.add_argument(
        "--events",
        metavar="FILE",
        help="also write the events kept (first and last 200 of each kind) to "
        "FILE.csv or FILE.parquet",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    add_allow_large(p)


def main(args: argparse.Namespace) -> int:
    """Run with the event log on and print the story (Markdown)."""
    from ..model.params import SCALES, resolve
    from ..model.runner import simulate
    from ..scenarios import load_scenario
    from ..story import tell

    out = check_out_file(args.out, (".md",))
    events = check_out_file(args.events, option="--events")
    check_seed_weeks(args.seed, args.weeks, args.allow_large)
    sets = {**SCALES[args.scale], **parse_sets(args.set)}
    if args.scenario:
        params = load_scenario(args.scenario).params(sets, where="--set")
    else:
        params = resolve(sets, where="--set")
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
