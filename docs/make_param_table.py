"""Print the Markdown table of samenspel's parameters for docs/ODD.md.

The table is generated from the declarations in ``model/params.py`` (``PARAMS``): one
row per parameter with its name, group, default, unit, allowed values, English and
Dutch label and meaning. In docs/ODD.md it sits between the markers
``<!-- params:start -->`` and ``<!-- params:end -->``; the context presets
(``CONTEXTS``: big-city district vs small town) sit between
``<!-- contexts:start -->`` and ``<!-- contexts:end -->``.

Usage, from the repository root::

    python docs/make_param_table.py             # print the parameter table
    python docs/make_param_table.py --contexts  # print the context-preset table
    python docs/make_param_table.py --update    # rewrite both blocks in docs/ODD.md

``model/params.py`` is loaded straight from its file (it imports nothing from the rest
of the model), so the script needs neither an installed package nor Mesa.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PARAMS_FILE = ROOT / "model" / "params.py"
ODD_FILE = ROOT / "docs" / "ODD.md"
COLUMNS = ("name", "group", "default", "unit", "allowed", "label EN", "label NL", "meaning")


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


def param_table(params: ModuleType) -> str:
    """The Markdown table of every declared parameter, in declaration order."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for p in params.PARAMS.values():
        row = (f"`{p.name}`", p.group, fmt_value(p.default), p.unit or "–", p.allowed(),
               p.label_en, p.label_nl, p.meaning)
        lines.append("| " + " | ".join(cell(x) for x in row) + " |")
    return "\n".join(lines)


def context_table(params: ModuleType) -> str:
    """The Markdown table of the context presets (one column per context)."""
    names = list(params.CONTEXTS)
    keys = sorted({k for preset in params.CONTEXTS.values() for k in preset},
                  key=list(params.PARAMS).index)
    lines = ["| parameter | " + " | ".join(f"`{n}`" for n in names) + " |",
             "|---|" + "---|" * len(names)]
    for k in keys:
        row = [f"`{k}`"] + [fmt_value(params.CONTEXTS[n].get(k, params.PARAMS[k].default))
                            for n in names]
        lines.append("| " + " | ".join(cell(x) for x in row) + " |")
    return "\n".join(lines)


def replace_block(text: str, tag: str, body: str) -> str:
    """Replace what lies between ``<!-- tag:start -->`` and ``<!-- tag:end -->``."""
    start, end = f"<!-- {tag}:start -->", f"<!-- {tag}:end -->"
    i, j = text.find(start), text.find(end)
    if i < 0 or j < i:
        raise ValueError(f"markers {start} ... {end} not found in {ODD_FILE}")
    return text[: i + len(start)] + "\n" + body + "\n" + text[j:]


def main(argv: list[str] | None = None) -> int:
    """Print a table, or rewrite the generated blocks of docs/ODD.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--contexts", action="store_true",
                       help="print the context-preset table instead")
    group.add_argument("--update", action="store_true",
                       help="rewrite the generated blocks in docs/ODD.md")
    args = parser.parse_args(argv)
    params = load_params()
    if args.update:
        text = ODD_FILE.read_text(encoding="utf-8")
        text = replace_block(text, "params", param_table(params))
        text = replace_block(text, "contexts", context_table(params))
        ODD_FILE.write_text(text, encoding="utf-8")
    elif args.contexts:
        print(context_table(params))
    else:
        print(param_table(params))
    return 0


if __name__ == "__main__":
    sys.exit(main())
