"""``samenspel params``: list every parameter with its default, range and label.

The table is plain aligned text (one line per parameter, its meaning and source indented
below it), so that it prints in well under a tenth of a second and ``grep`` finds a
parameter's line. ``--group`` narrows it to one group (levers, mechanism, initial, ...).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import textwrap

GROUPS = ("context", "unfamiliarity", "disagreement", "goals", "capacity")
OTHER_GROUPS = ("mechanism", "initial", "switch")
WIDE = 24  # a longer list of allowed values gets a line of its own


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Options of ``samenspel params``."""
    p.add_argument("--lang", choices=("en", "nl"), default="en")
    p.add_argument(
        "--group",
        choices=("levers", *GROUPS, *OTHER_GROUPS),
        default=None,
        help="only this group ('levers': the policy levers of the intervention table)",
    )
    p.add_argument(
        "--brief", action="store_true", help="one line per parameter, without meaning and source"
    )


def _range(p: object) -> str:
    """The allowed values in a few characters: ``0-52``, ``1-500 (int)``, ``city|town``."""
    choices, typ = getattr(p, "choices", None), getattr(p, "type", float)
    if choices is not None:
        return "|".join(choices)
    if typ is bool:
        return "true|false"
    low, high = (f"{x:g}" if isinstance(x, float) else str(x) for x in (p.low, p.high))  # type: ignore[attr-defined]
    return f"{low} to {high}" + (" (int)" if typ is int else "")


def main(args: argparse.Namespace) -> int:
    """Print the parameter table."""
    from ..model.params import PARAMS

    chosen = [
        p
        for p in PARAMS.values()
        if args.group is None or p.group == args.group or (args.group == "levers" and p.is_lever)
    ]
    nl = args.lang == "nl"
    header = ("naam", "groep", "standaard", "toegestaan", "eenheid", "label") if nl else (
        "name", "group", "default", "allowed", "unit", "label",
    )  # fmt: skip
    ranges = [_range(p) for p in chosen]
    below = "zie onder" if nl else "see below"
    rows = [
        (p.name, p.group, str(p.default), r if len(r) <= WIDE else below, p.unit,
         p.label_nl if nl else p.label_en)
        for p, r in zip(chosen, ranges, strict=True)
    ]  # fmt: skip
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]

    def line(r: tuple[str, ...]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)) + "  " + r[5]

    width = max(60, min(shutil.get_terminal_size((120, 24)).columns, 160))
    out = [line(header), "-" * min(width, len(line(header)) + 20)]
    for p, r, allowed in zip(chosen, rows, ranges, strict=True):
        out.append(line(r))
        if len(allowed) > WIDE:
            out.append(("    toegestaan: " if nl else "    allowed: ") + allowed.replace("|", ", "))
        if not args.brief:
            meaning = p.meaning_nl if nl else p.meaning
            source = ("bron: " if nl else "source: ") + p.source if p.source else ""
            for text in (meaning, source):
                if text:
                    out += textwrap.wrap(
                        text, width, initial_indent="    ", subsequent_indent="      "
                    )
    title = "samenspel-parameters" if nl else "samenspel parameters"
    sys.stdout.write(f"{title} ({len(chosen)})\n\n" + "\n".join(out) + "\n")
    return 0
