"""``samenspel explain SCENARIO [--against BASE]``: which mechanisms carry an effect.

The work is done by ``samenspel.explain``; this module only reads and checks the
options (everything before the first run) and prints or writes the result.
"""

from __future__ import annotations

import argparse

from .common import (
    UsageError,
    add_allow_large,
    add_replicate_options,
    check_out_dir,
    check_workers,
)
from .compare import check_replicates
from .run import DEFAULT_WEEKS


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Options of ``samenspel explain``."""
    p.add_argument(
        "scenario",
        metavar="SCENARIO",
        help="a scenario name (see 'samenspel scenarios') or a .toml file",
    )
    p.add_argument(
        "--against",
        metavar="BASE",
        default=None,
        help="the base (default: the root of SCENARIO's 'extends' chain, e.g. city-baseline)",
    )
    add_replicate_options(p, 20, "seeds per arm, the same in every arm", DEFAULT_WEEKS)
    p.add_argument(
        "--out",
        metavar="DIR",
        default=None,
        help="folder for the tables (CSV, Parquet) and the figure (PNG)",
    )
    p.add_argument(
        "--lang",
        choices=("en", "nl"),
        default="en",
        help="language of the printed table and the figure (default en)",
    )
    add_allow_large(p)


def main(args: argparse.Namespace) -> int:
    """Explain a scenario's effect: rerun it and its base with each mechanism off."""
    from rich.console import Console

    from ..compare import progress_bar
    from ..explain import explain, print_explanation, scenario_and_base, switches

    arms = 2 * (1 + len(switches()))
    check_replicates(
        args.replicates, args.seed, args.weeks, args.allow_large, least=2, scenarios=arms
    )
    check_workers(args.workers)
    scenario_and_base(args.scenario, args.against)  # fail before starting any run
    out = check_out_dir(args.out) if args.out else None
    with progress_bar(f"explain: {arms} arms x {args.replicates} replicates") as progress:
        expl = explain(
            args.scenario,
            against=args.against,
            replicates=args.replicates,
            seed=args.seed,
            weeks=args.weeks,
            workers=args.workers,
            progress=progress,
        )
    print_explanation(expl, args.lang, console=Console(width=max(Console().width, 140)))
    print(f"{expl.n_runs} runs in {expl.seconds:.1f} s on {expl.workers} processes")
    if out is not None:
        try:
            written = expl.write_outputs(out, args.lang)
        except OSError as exc:
            raise UsageError(f"could not write to {str(out)!r}: {exc.strerror or exc}") from None
        print(f"written to {out}: " + ", ".join(p.name for p in written))
    return 0
