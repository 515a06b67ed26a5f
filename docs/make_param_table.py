"""Print the Markdown tables of samenspel's parameters for docs/ODD.md.

The tables are generated from the declarations in ``model/params.py`` (``PARAMS``): one
table per group (context traits; the policy levers against unfamiliarity,
disagreement and unclear goals, and capacity; mechanism constants; starting
dispositions, group ``initial``; mechanism switches, group ``switch``), one row per
parameter with its name, default, unit, allowed values, English and Dutch label,
meaning and source (a passage of the research, the literature, or "assumption"). In
docs/ODD.md they sit between the markers ``<!-- params:start -->`` and
``<!-- params:end -->``; the context presets (``CONTEXTS``: big-city district vs small
town) sit between ``<!-- contexts:start -->`` and ``<!-- contexts:end -->``.

Usage, from the repository root::

    python docs/make_param_table.py             # print the parameter tables
    python docs/make_param_table.py --contexts  # print the context-preset table
    python docs/make_param_table.py --update    # rewrite both blocks in docs/ODD.md
    python docs/make_param_table.py --check     # exit 1 if docs/ODD.md is out of date

``--check`` also checks the ODD's prose: every declared parameter is named in it (in
text or an equation) outside the generated tables, every range written as
``name`` (..., [low, high]) matches the declaration, and, where the research texts are
at hand (``../shared/seeds``), every quote marked ``"..." [S]`` or ``"..." [A]`` is
verbatim (each part between the omission marks " … ").

``model/params.py`` is loaded straight from its file (it imports nothing from the rest
of the model), so the script needs neither an installed package nor Mesa.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PARAMS_FILE = ROOT / "model" / "params.py"
ODD_FILE = ROOT / "docs" / "ODD.md"
SEEDS_DIR = ROOT.parent / "shared" / "seeds"
COLUMNS = ("name", "default", "unit", "allowed", "label EN", "label NL", "meaning", "source")
GROUP_TITLES = {
    "context": "Context traits",
    "unfamiliarity": "Levers against unfamiliarity (onbekendheid)",
    "disagreement": "Levers against disagreement (onenigheid)",
    "goals": "Levers on goals (onbestemdheid) and the push for hybridisation",
    "capacity": "Levers on capacity",
    "mechanism": "Mechanism constants",
    "initial": "Starting dispositions (group `initial`)",
    "switch": "Mechanism switches (group `switch`, for knock-out analysis)",
}
RANGE_REF = re.compile(r"`(\w+)` \([^()\[\]]*\[([-\d.]+), ([-\d.]+)\]\)")
QUOTE = re.compile(r'"([^"]{3,600}?)"\s*(?:—\s*)?\[(?:S|A)[^\]]*\]')


def load_params() -> ModuleType:
    """Load ``model/params.py`` as a stand-alone module."""
    spec = importlib.util.spec_from_file_location("_samenspel_params", PARAMS_FILE)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {PARAMS_FILE}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while building
    spec.loader.exec_module(module)
    return module


def cell(value: Any) -> str:
    """One Markdown table cell: pipes escaped, no line breaks."""
    return str(value).replace("|", "\\|").replace("\n", " ")


def fmt_value(value: Any) -> str:
    """A parameter value as it appears in a table (code style)."""
    if isinstance(value, bool):
        return "`true`" if value else "`false`"
    if isinstance(value, str):
        return f"`{value}`"
    if isinstance(value, float):
        return f"`{value!r}`"
    return f"`{value}`"


def groups(params: ModuleType) -> list[str]:
    """The parameter groups in the order of ``GROUP_TITLES``, then any others."""
    seen = list(dict.fromkeys(p.group for p in params.PARAMS.values()))
    return [g for g in GROUP_TITLES if g in seen] + [g for g in seen if g not in GROUP_TITLES]


def group_table(params: ModuleType, group: str) -> str:
    """The Markdown table of one group's parameters, in declaration order."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for p in params.PARAMS.values():
        if p.group != group:
            continue
        row = (
            f"`{p.name}`",
            fmt_value(p.default),
            p.unit or "–",
            p.allowed(),
            p.label_en,
            p.label_nl,
            p.meaning,
            p.source or "–",
        )
        lines.append("| " + " | ".join(cell(x) for x in row) + " |")
    return "\n".join(lines)


def param_table(params: ModuleType) -> str:
    """Every declared parameter: one titled table per group."""
    parts = []
    for g in groups(params):
        count = sum(p.group == g for p in params.PARAMS.values())
        title = GROUP_TITLES.get(g, f"Group `{g}`")
        parts.append(f"**{title}** ({count})\n\n{group_table(params, g)}")
    return "\n\n".join(parts)


def context_table(params: ModuleType) -> str:
    """The Markdown table of the context presets (one column per context)."""
    names = list(params.CONTEXTS)
    keys = sorted(
        {k for preset in params.CONTEXTS.values() for k in preset}, key=list(params.PARAMS).index
    )
    lines = [
        "| parameter | " + " | ".join(f"`{n}`" for n in names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for k in keys:
        row = [f"`{k}`"] + [
            fmt_value(params.CONTEXTS[n].get(k, params.PARAMS[k].default)) for n in names
        ]
        lines.append("| " + " | ".join(cell(x) for x in row) + " |")
    return "\n".join(lines)


def replace_block(text: str, tag: str, body: str) -> str:
    """Replace what lies between ``<!-- tag:start -->`` and ``<!-- tag:end -->``."""
    start, end = f"<!-- {tag}:start -->", f"<!-- {tag}:end -->"
    i, j = text.find(start), text.find(end)
    if i < 0 or j < i:
        raise ValueError(f"markers {start} ... {end} not found in {ODD_FILE}")
    return text[: i + len(start)] + "\n" + body + "\n" + text[j:]


def updated(text: str, params: ModuleType) -> str:
    """The ODD text with both generated blocks rewritten."""
    text = replace_block(text, "params", param_table(params))
    return replace_block(text, "contexts", context_table(params))


def without_blocks(text: str) -> str:
    """The ODD text without the generated blocks (the prose only)."""
    for tag in ("params", "contexts"):
        start, end = f"<!-- {tag}:start -->", f"<!-- {tag}:end -->"
        i, j = text.find(start), text.find(end)
        if 0 <= i < j:
            text = text[:i] + text[j:]
    return text


def prose_problems(text: str, params: ModuleType) -> list[str]:
    """Parameters the prose never names, and ranges in the prose that are wrong."""
    prose = without_blocks(text)
    problems = [
        f"parameter {name!r} is not mentioned outside the generated tables"
        for name in params.PARAMS
        if not re.search(rf"\b{name}\b", prose)
    ]
    for m in RANGE_REF.finditer(prose):
        name, low, high = m.group(1), float(m.group(2)), float(m.group(3))
        p = params.PARAMS.get(name)
        if p is None:
            problems.append(f"range given for unknown parameter {name!r}")
        elif p.low is None or (float(p.low), float(p.high)) != (low, high):
            problems.append(
                f"{name!r}: the ODD says [{m.group(2)}, {m.group(3)}], declared {p.allowed()}"
            )
    return problems


def _plain(text: str) -> str:
    """Whitespace collapsed, Markdown emphasis and blockquote marks removed."""
    return re.sub(r"\s+", " ", re.sub(r"\n>\s*", " ", text).replace("*", "")).strip()


def quote_problems(text: str, seeds_dir: Path = SEEDS_DIR) -> list[str]:
    """Research quotes in ``text`` that are not verbatim in the seeds (none if absent)."""
    files = sorted(seeds_dir.glob("0*.txt")) if seeds_dir.is_dir() else []
    if not files:
        return []
    research = _plain(" ".join(f.read_text(encoding="utf-8") for f in files))
    problems = []
    for m in QUOTE.finditer(re.sub(r"\n>\s*", " ", text)):
        for part in re.split(r"\s*(?:…|\.\.\.)\s*", m.group(1)):
            if _plain(part) and _plain(part) not in research:
                problems.append(f"quote not verbatim in the research: {part[:80]!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Print a table, rewrite the generated blocks of docs/ODD.md, or check them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--contexts", action="store_true", help="print the context-preset table instead"
    )
    group.add_argument(
        "--update", action="store_true", help="rewrite the generated blocks in docs/ODD.md"
    )
    group.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if docs/ODD.md's tables or parameter ranges are stale",
    )
    args = parser.parse_args(argv)
    params = load_params()
    if args.update:
        text = ODD_FILE.read_text(encoding="utf-8")
        ODD_FILE.write_text(updated(text, params), encoding="utf-8")
    elif args.check:
        text = ODD_FILE.read_text(encoding="utf-8")
        problems = prose_problems(text, params) + quote_problems(text)
        if updated(text, params) != text:
            problems.insert(
                0,
                "the generated tables are out of date: run "
                "'python docs/make_param_table.py --update'",
            )
        for line in problems:
            print(f"{ODD_FILE.name}: {line}", file=sys.stderr)
        return 1 if problems else 0
    elif args.contexts:
        print(context_table(params))
    else:
        print(param_table(params))
    return 0


if __name__ == "__main__":
    sys.exit(main())
