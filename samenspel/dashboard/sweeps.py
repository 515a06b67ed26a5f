"""Sweeps page: open a finished sweep folder and show what ``samenspel analyse`` shows.

For the researcher who shows sensitivity results to policymakers, offline. The folder
is the output of ``samenspel sweep`` (``spec.toml``, ``design.parquet``, ``runs/``);
it is read and analysed with the functions of ``samenspel analyse``
(``load_results``, ``point_means`` and the table of the design: ``sobol_table``,
``morris_table``, ``grid_table``, ``latin_table``), so the numbers are those of the
command line. Nothing is written into the folder. Per outcome the page draws Sobol S1
and ST or Morris mu* as bars with their intervals, a grid as a heat map (a
colour-blind-safe sequential scale, every cell with its number), a Latin design as
rank correlations. A folder that is not a sweep gets the command line's one line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import numpy as np
import pandas as pd
import solara

from ..model.params import PARAMS
from ..outcomes import decimals
from . import i18n, layout
from .charts import esc
from .i18n import t

folder = solara.reactive("")
"""The folder typed by the user."""


def analyse_folder(path: str) -> tuple[Any, dict[str, pd.DataFrame]]:
    """The spec and one table per outcome, as ``samenspel analyse`` computes them.

    Raises:
        SpecError: The command line's one-line message (not a sweep folder, runs
            missing, ...).

    """
    from ..analyse import (
        grid_table,
        latin_table,
        load_results,
        morris_table,
        point_means,
        sobol_table,
    )

    spec, design, runs = load_results(Path(path).expanduser())
    make = {"sobol": sobol_table, "morris": morris_table, "grid": grid_table}.get(
        spec.design, latin_table
    )
    tables = {}
    for outcome in spec.outcomes:
        if outcome not in runs.columns:
            continue
        y = point_means(runs, outcome, len(design))
        if spec.design in ("sobol", "morris") and np.isnan(y).any():
            continue
        tables[outcome] = make(spec, design, y)
    return spec, tables


def folder_problem(path: str) -> str:
    """Why ``path`` is no sweep's results folder, in the session's language ("" if it may be).

    The usual mistakes (``analyse.FOLDER_PROBLEMS``: no such folder, a file, a folder
    without a sweep's files) are said in the page's language; a damaged or incomplete
    sweep gets the command line's message (``samenspel analyse``).
    """
    from ..analyse import folder_problem as problem_of

    problem = problem_of(Path(path).expanduser()) if path.strip() else "missing"
    return t(f"sweep_{problem}", path=path) if problem else ""


def factor_label(name: str) -> str:
    """A factor's label in the session's language (its name if it is no parameter)."""
    return i18n.label(PARAMS[name]) if name in PARAMS else name


def bars_html(table: pd.DataFrame, columns: list[tuple[str, str, str]]) -> str:
    """Horizontal bars with intervals: one row per factor, one bar per (column, conf)."""
    top = max(float((table[c] + table[conf]).max()) for c, conf, _ in columns if len(table)) or 1.0
    rows = []
    for r in table.itertuples(index=False):
        cells = [f"<td>{esc(factor_label(str(r.factor)))}</td>"]
        for c, conf, colour in columns:
            v, e = float(getattr(r, c)), float(getattr(r, conf))
            w = max(0.0, v) / top * 100
            lo, hi = max(0.0, v - e) / top * 100, min(100.0, (v + e) / top * 100)
            cells.append(
                f'<td style="min-width:180px"><div style="position:relative;height:14px;'
                f'background:#f2f2f2"><div style="width:{w:.1f}%;height:14px;background:{colour}">'
                f'</div><div style="position:absolute;top:6px;left:{lo:.1f}%;width:'
                f'{max(hi - lo, 0.3):.1f}%;border-top:2px solid #222"></div></div>'
                f'<span style="font-size:13px">{i18n.number(v, 3)} ± {i18n.number(e, 3)}'
                "</span></td>"
            )
        rows.append("<tr>" + "".join(cells) + "</tr>")
    head = "".join(f"<th>{esc(label)}</th>" for _, _, label in [("", "", t("factor"))]) + "".join(
        f"<th>{c}</th>" for c, _, _ in columns
    )
    return (
        f'<table class="samenspel-sweep-table" style="border-collapse:collapse;font-size:14px">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def heatmap_html(table: pd.DataFrame, outcome: str = "") -> str:
    """A grid's mean outcome per cell as a coloured table (viridis), numbers in the cells.

    Each map is coloured over its own range (lowest to highest cell), so a legend under
    it gives that range; the numbers have the decimals of their outcome's kind.
    """
    from matplotlib import colormaps

    values = table.to_numpy(float)
    finite = values[np.isfinite(values)]
    lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    cmap = colormaps["viridis"]

    def shown(v: float) -> str:
        return i18n.number(v, decimals(outcome, v) if outcome else 3)

    def rgb(f: float) -> str:
        r, g, b, _ = cmap(f)
        return f"rgb({r * 255:.0f},{g * 255:.0f},{b * 255:.0f})"

    head = f"<th>{esc(factor_label(str(table.index.name)))} \\ {esc(factor_label(str(table.columns.name)))}</th>"
    head += "".join(f"<th>{esc(i18n.number(float(c), 2))}</th>" for c in table.columns)
    rows = []
    for label, row in zip(table.index, values, strict=True):
        cells = [f"<th>{esc(i18n.number(float(label), 2))}</th>"]
        for v in row:
            if not np.isfinite(v):
                cells.append("<td></td>")
                continue
            f = (v - lo) / (hi - lo) if hi > lo else 0.5
            text = "#000" if f > 0.55 else "#fff"
            cells.append(
                f'<td style="background:{rgb(f)};color:{text};padding:4px 8px;'
                f'text-align:right">{shown(v)}</td>'
            )
        rows.append("<tr>" + "".join(cells) + "</tr>")
    stops = ", ".join(rgb(k / 8) for k in range(9))
    legend = (
        '<div class="samenspel-heat-legend" style="display:flex;align-items:center;gap:8px;'
        f'margin-top:4px;font-size:13px"><span>{shown(lo)}</span><span style="display:'
        f'inline-block;width:160px;height:12px;background:linear-gradient(to right, {stops})">'
        f'</span><span>{shown(hi)}</span><span style="color:#555">{esc(t("heat_legend"))}'
        "</span></div>"
    )
    return (
        '<table class="samenspel-sweep-heatmap" style="border-collapse:collapse;font-size:14px">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{legend}"
    )


def outcome_html(design: str, table: pd.DataFrame, outcome: str = "") -> str:
    """The drawing of one outcome's table for the sweep's design."""
    if design == "sobol":
        return bars_html(table, [("S1", "S1_conf", "#0072b2"), ("ST", "ST_conf", "#e69f00")])
    if design == "morris":
        return bars_html(table, [("mu_star", "mu_star_conf", "#0072b2")])
    if design == "grid" and table.columns.name is not None:
        return heatmap_html(table, outcome)
    return table.to_html(float_format=lambda v: i18n.number(v, 3), border=0)


@solara.component
def Page() -> None:
    """The Sweeps page."""
    layout.PageTitle("nav_sweeps")
    result, set_result = solara.use_state(cast(tuple[Any, dict[str, pd.DataFrame]] | None, None))
    message, set_message = solara.use_state("")

    def open_folder(path: str) -> None:
        folder.set(path)
        plain = folder_problem(path)
        try:
            if plain:
                raise ValueError(plain)
            set_result(analyse_folder(path))
            set_message("")
        except Exception as exc:  # the CLI's one line (SpecError, a file problem)
            set_result(None)
            set_message(t("sweep_bad", why=str(exc)))

    with solara.Column(style={"max-width": "1100px", "padding": "12px"}):
        with solara.Card(t("nav_sweeps")):
            solara.Text(t("sweep_intro"), style={"display": "block", "color": "#333"})
            solara.InputText(
                t("sweep_folder"),
                value=folder.value,
                on_value=open_folder,
                continuous_update=False,
                classes=["samenspel-sweep-folder"],
            )
            if message:
                solara.Error(message, classes=["samenspel-error"])
        if result is not None:
            spec, tables = result
            with solara.Card(f"{spec.name}: {spec.design}", classes=["samenspel-sweep-result"]):
                solara.Text(
                    t("sweep_about", design=spec.design, weeks=spec.weeks),
                    style={"display": "block"},
                )
                for outcome, table in tables.items():
                    solara.Text(
                        i18n.gauge(outcome),
                        style={"display": "block", "font-weight": "600", "margin-top": "10px"},
                    )
                    solara.HTML(
                        tag="div", unsafe_innerHTML=outcome_html(spec.design, table, outcome)
                    )
