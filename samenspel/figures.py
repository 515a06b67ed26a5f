"""Figures of a scenario comparison (matplotlib ``Figure`` objects: no display needed).

- ``outcome_bars``: one small panel per outcome, a bar per scenario with its 95 %
  confidence interval as an error bar;
- ``weekly_curves``: one panel per weekly gauge, a line per scenario with its 95 %
  band over replicates.

The functions take the tidy tables of ``samenspel.compare`` and return a Figure;
``samenspel.compare.save_figure`` writes it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator

from .outcomes import bounds, shown_high, shown_low
from .panels import panel_grid, panel_rows

LABELS = {
    "share_formal_only": "formal only",
    "share_informal_only": "informal only",
    "share_coexistence": "co-existence",
    "share_intermediated": "intermediated",
    "share_coproduction": "co-production",
    "familiarity": "familiarity (against onbekendheid)",
    "disagreement": "disagreement (onenigheid)",
    "goal_uncertainty": "goal uncertainty (onbestemdheid)",
}


def label(key: str) -> str:
    """A readable title for an outcome or gauge: its label, else its name in words."""
    return LABELS.get(key, key.replace("_", " "))


def subplots(
    nrows: int = 1, ncols: int = 1, figsize: tuple[float, float] | None = None, **kwargs: Any
) -> tuple[Figure, Any]:
    """A new ``Figure`` and its axes, like ``pyplot.subplots`` but outside pyplot.

    The figure is not registered with pyplot, so no global backend is chosen or
    switched (a notebook keeps its own) and no ``close`` is needed.
    """
    layout = kwargs.pop("layout", None)
    fig = Figure(figsize=figsize, layout=layout)
    return fig, fig.subplots(nrows, ncols, **kwargs)


def colours(n: int) -> list:
    """``n`` distinguishable colours (matplotlib's tab10, repeated if needed)."""
    cmap = matplotlib.colormaps["tab10"]
    return [cmap(i % 10) for i in range(n)]


DASHES: tuple[Any, ...] = (
    "-",
    (0, (7, 4)),
    (0, (2, 3)),
    (0, (9, 3, 2, 3)),
    (0, (4, 4)),
    (0, (1, 2)),
)
"""Line styles of the scenarios' curves, in order (as the dashboard's): where two curves
lie on each other, the dashes of one still show, and in grey print they stay apart."""


def dashes(n: int) -> list:
    """``n`` line styles from ``DASHES`` (repeated if needed)."""
    return [DASHES[i % len(DASHES)] for i in range(n)]


def outcome_bars(
    table: pd.DataFrame,
    names: Sequence[str],
    outcomes: Sequence[str] | None = None,
    columns: int = 4,
    rows: range | None = None,
) -> Figure:
    """Bars of the mean per scenario with 95 % CI error bars, one panel per outcome.

    The panels sit on a fixed grid (``panel_grid``) with at most five y ticks each:
    the figure has one panel per outcome (66 for a comparison), and constrained
    layout and dense ticks made it most of ``compare``'s own work after the runs.

    Args:
        table: The outcome table of ``samenspel.compare.outcome_table``.
        names: Scenario names in order.
        outcomes: Outcomes to show (default: all in the table).
        columns: Panels per row.
        rows: Only these rows of panels (default all), with the title if the first
            is among them and the legend if the last is: a band of the whole figure,
            in its place (``band``), so that bands drawn apart stack into the figure.

    """
    outcomes = list(outcomes or dict.fromkeys(table["outcome"]))
    n_rows = panel_rows(len(outcomes), columns)  # as the bands are split (outcome_rows)
    rows = range(n_rows) if rows is None else rows
    size = (3.2 * columns, 2.4 * n_rows + 1.0)
    # top: room for the suptitle where matplotlib puts it (y = 0.98 of the height,
    # also when a caller sets it again) and the first row's titles; bottom: the legend
    bottom = 0.45 + 0.3 * math.ceil(len(names) / 4)  # x tick labels and the legend's rows
    grid = panel_grid(size, n_rows, columns, top=0.02 * size[1] + 0.55, bottom=bottom)
    fig = Figure(figsize=size)
    spec = fig.add_gridspec(n_rows, columns, **grid)
    cells = [(r * columns + c, spec[r, c]) for r in rows for c in range(columns)]
    panels = [(k, fig.add_subplot(cell)) for k, cell in cells if k < len(outcomes)]  # none empty
    cols = colours(len(names))
    x = np.arange(len(names))
    stats = table.pivot(index="scenario", columns="outcome", values=["mean", "ci_low", "ci_high"])
    stats = stats.reindex(names)
    for k, ax in panels:
        outcome = outcomes[k]
        mean = stats["mean", outcome].to_numpy(float)
        err = np.vstack(
            [
                mean - stats["ci_low", outcome].to_numpy(float),
                stats["ci_high", outcome].to_numpy(float) - mean,
            ]
        )
        floor, ceiling = bounds(outcome)  # whiskers within what the outcome can be
        err = np.clip(err, 0.0, np.vstack([mean - floor, ceiling - mean]))
        err = np.nan_to_num(err, nan=0.0)
        ax.bar(x, np.nan_to_num(mean), color=cols, yerr=err, capsize=3, error_kw={"elinewidth": 1})
        ax.set_title(label(outcome), fontsize=9)
        ax.set_xticks(x, [str(i + 1) for i in x], fontsize=8)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]))
        ax.tick_params(axis="y", labelsize=7)
    if n_rows - 1 in rows:
        handles = [Rectangle((0, 0), 1, 1, color=c) for c in cols]
        fig.legend(
            handles,
            [f"{i + 1} {n}" for i, n in enumerate(names)],
            loc="lower center",
            ncol=min(len(names), 4),
            fontsize=9,
            frameon=False,
        )
    if 0 in rows:
        fig.suptitle("Outcomes per scenario: mean and 95 % confidence interval", fontsize=11)
    return fig


def band(fig: Figure, rows: range) -> tuple[float, float]:
    """Top and bottom, as fractions of the height from the top, of ``rows``' band.

    A band of a grid figure (``outcome_bars``) runs from halfway up the gap above its
    first row (the figure's top for row 0) to halfway down the gap below its last
    (the bottom for the last row): the next band starts where it ends.
    """
    cell = fig.axes[0].get_subplotspec()
    assert cell is not None, "a grid figure: its panels sit on a GridSpec"
    bottoms, tops, _, _ = cell.get_gridspec().get_grid_positions(fig)
    n_rows = len(tops)
    top = 1.0 if rows.start == 0 else (bottoms[rows.start - 1] + tops[rows.start]) / 2
    below = rows.stop  # the first row after the band
    bottom = 0.0 if below >= n_rows else (bottoms[below - 1] + tops[below]) / 2
    return 1.0 - top, 1.0 - bottom


def weekly_curves(
    bands: pd.DataFrame, gauges: Sequence[str], names: Sequence[str], title: str = ""
) -> Figure:
    """Weekly mean per scenario with its 95 % band, one panel per gauge.

    Args:
        bands: The table of ``samenspel.compare.weekly_bands``.
        gauges: Gauges to show, one panel each.
        names: Scenario names in order.
        title: Figure title.

    """
    size = (4.4 * len(gauges), 3.8)
    bottom = 0.55 + 0.3 * math.ceil(len(names) / 4)  # x label, tick labels, the legend's rows
    grid = panel_grid(size, 1, len(gauges), top=0.6 if title else 0.35, bottom=bottom)
    fig, axes = subplots(1, len(gauges), figsize=size, squeeze=False, gridspec_kw=grid)
    cols = colours(len(names))
    for ax, gauge in zip(axes.flat, gauges, strict=True):
        sub = bands[bands["gauge"] == gauge]
        for name, col, ls in zip(names, cols, dashes(len(names)), strict=True):
            s = sub[sub["scenario"] == name].sort_values("week")
            ax.plot(s["week"], s["mean"], color=col, ls=ls, lw=1.4, label=name)
            low, high = s["ci_low"].astype(float), s["ci_high"].astype(float)
            low, high = shown_low(gauge, low), shown_high(gauge, high)  # within its range
            ax.fill_between(s["week"], low, high, color=col, alpha=0.2, lw=0)
        ax.set_title(label(gauge), fontsize=10)
        ax.set_xlabel("week", fontsize=9)
        ax.tick_params(labelsize=8)
    fig.legend(
        *axes.flat[0].get_legend_handles_labels(),
        loc="lower center",
        ncol=min(len(names), 4),
        fontsize=9,
        frameon=False,
    )
    if title:
        fig.suptitle(f"{title}: mean and 95 % band over replicates", fontsize=11)
    return fig
