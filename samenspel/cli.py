"""Command-line interface: ``run``, ``params``, ``scenarios``, ``compare``, ``validate``.

- ``samenspel run [SCENARIO]`` runs one neighbourhood (a scenario by name or path,
  with ``--set`` overrides on top) and prints its summary;
- ``samenspel params`` lists the parameters;
- ``samenspel scenarios`` lists the scenario library;
- ``samenspel compare A B [C ...]`` runs scenarios with common random numbers and
  writes tables and figures (``samenspel.compare``);
- ``samenspel validate`` checks the patterns of DESIGN.md section 3 and rewrites
  docs/validation.md (``samenspel.validation``).

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

from .model.params import PARAMS, SCALES, ParameterError, resolve
from .model.policy import as_toml_rows
from .model.runner import DEFAULT_WEEKS, simulate
from .scenarios import list_scenarios, load_scenario

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
    if not out.parent.is_dir():
        raise UsageError(f"--out: folder {str(out.parent)!r} does not exist")
    if out.is_dir():
        raise UsageError(f"--out must name a file, but {path!r} is a folder")
    return out


def write_table(df: Any, out: Path) -> None:
    """Write a DataFrame to CSV or Parquet atomically (temporary name, then rename)."""
    tmp = out.with_name(f".{out.name}.tmp")
    try:
        if out.suffix.lower() == ".parquet":
            df.to_parquet(tmp)
        else:
            df.to_csv(tmp)
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UsageError(f"could not write {str(out)!r}: {exc.strerror or exc}") from None


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return "n/a" if math.isnan(value) else f"{value:.3f}"
    return str(value)


def _check_weeks(weeks: int) -> None:
    if weeks < 1:
        raise UsageError(f"--weeks must be at least 1, got {weeks}")


def cmd_run(args: argparse.Namespace) -> int:
    """Run one neighbourhood (optionally a scenario) and print its summary."""
    out = _check_out(args.out)
    sets = {**SCALES[args.scale], **parse_sets(args.set)}
    if args.scenario:
        scenario = load_scenario(args.scenario)
        params = scenario.params(sets, where="--set")
        label = f"{scenario.name}, "
    else:
        params = resolve(sets, where="--set")
        label = ""
    _check_weeks(args.weeks)
    t0 = time.perf_counter()
    model = simulate(seed=args.seed, weeks=args.weeks, **params)
    elapsed = time.perf_counter() - t0
    summary = model.summary()
    table = Table(title=f"samenspel run: {label}seed {args.seed}, {args.weeks} weeks "
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
        meaning = p.meaning_nl if args.lang == "nl" else p.meaning
        table.add_row(p.name, p.group, str(p.default), p.allowed(), p.unit, label, meaning)
    Console(width=200).print(table)
    return 0


def cmd_scenarios(args: argparse.Namespace) -> int:
    """List the scenario library with titles, descriptions and levers."""
    nl = args.lang == "nl"
    table = Table(title="samenspel scenario's" if nl else "samenspel scenarios",
                  show_lines=True, expand=True)
    cols = (("naam", "context", "bouwt op", "titel", "beschrijving", "knoppen") if nl
            else ("name", "context", "extends", "title", "description", "levers"))
    for col, ratio in zip(cols, (None, None, None, 3, 7, 4), strict=True):
        table.add_column(col, overflow="fold", ratio=ratio, no_wrap=ratio is None)
    for sc in list_scenarios():
        levers = "\n".join([*(f"{k} = {v}" for k, v in sc.levers.items()),
                            *as_toml_rows(sc.schedule)]) or "-"
        table.add_row(sc.name, sc.context, sc.extends or "-", sc.title(args.lang),
                      sc.description(args.lang), levers)
    Console(width=max(Console().width, 160)).print(table)
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    """Compare scenarios with common random numbers; write tables and figures."""
    from .compare import (
        load_scenarios,
        print_outcomes,
        progress_bar,
        run_comparison,
        write_outputs,
    )

    if len(args.scenarios) < 2:
        raise UsageError(f"compare needs at least two scenarios, got {len(args.scenarios)}")
    if args.replicates < 2:
        raise UsageError(f"--replicates must be at least 2 (for an interval), "
                         f"got {args.replicates}")
    _check_weeks(args.weeks)
    if args.workers is not None and args.workers < 1:
        raise UsageError(f"--workers must be at least 1, got {args.workers}")
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out must be a folder, got the file {args.out!r}")
    if not out.parent.is_dir():
        raise UsageError(f"--out: {str(out.parent)!r} is not an existing folder")
    sets = parse_sets(args.set)
    if sets:
        resolve(sets, where="--set")
    load_scenarios(args.scenarios)  # fail on a bad file before starting any run
    with progress_bar(f"{len(args.scenarios)} scenarios x {args.replicates} replicates"
                      ) as progress:
        comp = run_comparison(args.scenarios, args.replicates, seed=args.seed,
                              weeks=args.weeks, workers=args.workers, progress=progress,
                              overrides=sets or None)
    print_outcomes(comp, console=Console(width=max(Console().width, 120)))
    try:
        written = write_outputs(comp, out)
    except OSError as exc:
        raise UsageError(f"could not write to {str(out)!r}: {exc.strerror or exc}") from None
    print(f"{len(comp.runs)} runs in {comp.seconds:.1f} s on {comp.workers} processes; "
          f"written to {out}: " + ", ".join(p.name for p in written))
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    """Explain a scenario's effect: rerun it and its base with each mechanism off."""
    import tempfile

    from .compare import progress_bar
    from .explain import explain, print_explanation, scenario_and_base, switches

    if args.replicates < 2:
        raise UsageError(f"--replicates must be at least 2 (for an interval), "
                         f"got {args.replicates}")
    if not 0 <= args.seed <= 2**63 - args.replicates:
        raise UsageError(f"--seed must be an integer from 0 to 2**63 - replicates, "
                         f"got {args.seed}")
    _check_weeks(args.weeks)
    if args.workers is not None and args.workers < 1:
        raise UsageError(f"--workers must be at least 1, got {args.workers}")
    scenario_and_base(args.scenario, args.against)  # fail before starting any run
    out = Path(args.out) if args.out else None
    if out is not None:
        if out.exists() and not out.is_dir():
            raise UsageError(f"--out must be a folder, got the file {args.out!r}")
        if not out.parent.is_dir():
            raise UsageError(f"--out: {str(out.parent)!r} is not an existing folder")
        try:  # a trial write, so that a long run does not end in a write error
            out.mkdir(exist_ok=True)
            tempfile.TemporaryFile(dir=out).close()
        except OSError as exc:
            raise UsageError(f"--out: cannot write to {args.out!r}: "
                             f"{exc.strerror or exc}") from None
    arms = 2 * (1 + len(switches()))
    with progress_bar(f"explain: {arms} arms x {args.replicates} replicates") as progress:
        expl = explain(args.scenario, against=args.against, replicates=args.replicates,
                       seed=args.seed, weeks=args.weeks, workers=args.workers,
                       progress=progress)
    print_explanation(expl, args.lang, console=Console(width=max(Console().width, 140)))
    print(f"{expl.n_runs} runs in {expl.seconds:.1f} s on {expl.workers} processes")
    if out is not None:
        try:
            written = expl.write_outputs(out, args.lang)
        except OSError as exc:
            raise UsageError(f"could not write to {str(out)!r}: "
                             f"{exc.strerror or exc}") from None
        print(f"written to {out}: " + ", ".join(p.name for p in written))
    return 0


def _add_explain_command(sub: Any) -> None:
    """The ``explain`` subcommand (samenspel/explain.py)."""
    expl = sub.add_parser("explain", help="which mechanisms carry a scenario's effect "
                                          "(knock-outs with common random numbers)")
    expl.add_argument("scenario", metavar="SCENARIO",
                      help="a scenario name (see 'samenspel scenarios') or a .toml file")
    expl.add_argument("--against", metavar="BASE", default=None,
                      help="the base (default: the root of SCENARIO's 'extends' chain, "
                           "e.g. city-baseline)")
    expl.add_argument("--replicates", type=int, default=20,
                      help="seeds per arm, the same in every arm (default 20)")
    expl.add_argument("--seed", type=int, default=0,
                      help="first seed; replicate i uses seed+i (default 0)")
    expl.add_argument("--weeks", type=int, default=DEFAULT_WEEKS,
                      help=f"weeks per run (default {DEFAULT_WEEKS})")
    expl.add_argument("--workers", type=int, default=None,
                      help="processes to use (default: all available cores)")
    expl.add_argument("--out", metavar="DIR", default=None,
                      help="folder for the tables (CSV, Parquet) and the figure (PNG)")
    expl.add_argument("--lang", choices=("en", "nl"), default="en",
                      help="language of the printed table and the figure (default en)")
    expl.set_defaults(func=cmd_explain)


def cmd_validate(args: argparse.Namespace) -> int:
    """Check the validation patterns and rewrite docs/validation.md."""
    from .validation import main as validate

    return validate(["--out", args.out, "--replicates", str(args.replicates),
                     "--seed", str(args.seed), "--weeks", str(args.weeks),
                     *(["--workers", str(args.workers)] if args.workers else [])])


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for all subcommands."""
    parser = _Parser(prog="samenspel", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    run = sub.add_parser("run", help="run one neighbourhood and print its summary")
    run.add_argument("scenario", nargs="?", metavar="SCENARIO",
                     help="a scenario name (see 'samenspel scenarios') or a .toml file")
    run.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    run.add_argument("--weeks", type=int, default=DEFAULT_WEEKS,
                     help=f"weeks to simulate (default {DEFAULT_WEEKS})")
    run.add_argument("--set", action="append", metavar="NAME=VALUE",
                     help="set a parameter (repeatable); see 'samenspel params'")
    run.add_argument("--out", help="write the weekly series to FILE.csv or FILE.parquet")
    run.add_argument("--scale", choices=tuple(SCALES), default="neighbourhood",
                     help="one wijkteam area (default) or a whole city of 50 areas; "
                          "--set n_areas=N overrides")
    run.set_defaults(func=cmd_run)
    params = sub.add_parser("params", help="list the model parameters")
    params.add_argument("--lang", choices=("en", "nl"), default="en")
    params.set_defaults(func=cmd_params)
    scen = sub.add_parser("scenarios", help="list the scenario library")
    scen.add_argument("--lang", choices=("en", "nl"), default="en")
    scen.set_defaults(func=cmd_scenarios)
    comp = sub.add_parser("compare", help="compare scenarios with common random numbers")
    comp.add_argument("scenarios", nargs="+", metavar="SCENARIO",
                      help="two or more scenario names or .toml files; the first is "
                           "the reference for the differences")
    comp.add_argument("--replicates", type=int, default=10,
                      help="runs per scenario, the same seeds for each (default 10)")
    comp.add_argument("--seed", type=int, default=0,
                      help="first seed; replicate i uses seed+i (default 0)")
    comp.add_argument("--weeks", type=int, default=DEFAULT_WEEKS,
                      help=f"weeks per run (default {DEFAULT_WEEKS})")
    comp.add_argument("--workers", type=int, default=None,
                      help="processes to use (default: all available cores)")
    comp.add_argument("--set", action="append", metavar="NAME=VALUE",
                      help="set a parameter in every scenario (repeatable)")
    comp.add_argument("--out", required=True, metavar="DIR",
                      help="folder for the CSV/Parquet tables and PNG figures")
    comp.set_defaults(func=cmd_compare)
    _add_explain_command(sub)
    val = sub.add_parser("validate", help="check the validation patterns, write "
                                          "docs/validation.md")
    val.add_argument("--out", default="docs", metavar="DIR",
                     help="folder for validation.md and figures/ (default docs)")
    val.add_argument("--replicates", type=int, default=12)
    val.add_argument("--seed", type=int, default=1000)
    val.add_argument("--weeks", type=int, default=DEFAULT_WEEKS)
    val.add_argument("--workers", type=int, default=None)
    val.set_defaults(func=cmd_validate)
    from .calibration import add_calibrate_command  # samenspel/calibration.py

    add_calibrate_command(sub)
    from .sweep import add_sweep_commands  # sweep and analyse (samenspel/sweep.py)

    add_sweep_commands(sub)
    from .dashboard.command import add_dashboard_command  # samenspel/dashboard/

    add_dashboard_command(sub)
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
