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

LABELS = {
    "share_formal_only": "formal only",
    "share_informal_only": "informal only",
    "share_coexistence": "co-existence",
    "share_intermediated": "intermediated",
    "share_coproduction": "co-production",
    "familiarity": "familiarity (onbekendheid)",
    "disagreement": "disagreement (onenigheid)",
    "goal_uncertainty": "goal uncertainty (onbestemdheid)",
}
UNIT_RANGE = {*LABELS, "brokerage_share", "informal_uptake", "regard_formal", "regard_informal"}


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


def outcome_bars(
    table: pd.DataFrame,
    names: Sequence[str],
    outcomes: Sequence[str] | None = None,
    columns: int = 4,
) -> Figure:
    """Bars of the mean per scenario with 95 % CI error bars, one panel per outcome.

    Args:
        table: The outcome table of ``samenspel.compare.outcome_table``.
        names: Scenario names in order.
        outcomes: Outcomes to show (default: all in the table).
        columns: Panels per row.

    """
    outcomes = list(outcomes or dict.fromkeys(table["outcome"]))
    rows = max(1, math.ceil(len(outcomes) / columns))
    fig, axes = subplots(
        rows,
        columns,
        figsize=(3.2 * columns, 2.4 * rows + 1.0),
        squeeze=False,
        layout="constrained",
    )
    cols = colours(len(names))
    x = np.arange(len(names))
    for ax, outcome in zip(axes.flat, outcomes, strict=False):
        sub = table[table["outcome"] == outcome].set_index("scenario").reindex(names)
        mean = sub["mean"].to_numpy(float)
        err = np.vstack(
            [mean - sub["ci_low"].to_numpy(float), sub["ci_high"].to_numpy(float) - mean]
        )
        err = np.nan_to_num(err, nan=0.0)
        ax.bar(x, np.nan_to_num(mean), color=cols, yerr=err, capsize=3, error_kw={"elinewidth": 1})
        ax.set_title(label(outcome), fontsize=9)
        ax.set_xticks(x, [str(i + 1) for i in x], fontsize=8)
        ax.tick_params(axis="y", labelsize=7)
    for ax in list(axes.flat)[len(outcomes) :]:
        ax.axis("off")
    handles = [Rectangle((0, 0), 1, 1, color=c) for c in cols]
    fig.legend(
        handles,
        [f"{i + 1} {n}" for i, n in enumerate(names)],
        loc="outside lower center",
        ncol=min(len(names), 4),
        fontsize=9,
        frameon=False,
    )
    fig.suptitle("Outcomes per scenario: mean and 95 % confidence interval", fontsize=11)
    return fig


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
    fig, axes = subplots(
        1, len(gauges), figsize=(4.4 * len(gauges), 3.8), squeeze=False, layout="constrained"
    )
    cols = colours(len(names))
    for ax, gauge in zip(axes.flat, gauges, strict=True):
        sub = bands[bands["gauge"] == gauge]
        for name, col in zip(names, cols, strict=True):
            s = sub[sub["scenario"] == name].sort_values("week")
            ax.plot(s["week"], s["mean"], color=col, lw=1.4, label=name)
            low, high = s["ci_low"].astype(float), s["ci_high"].astype(float)
            if gauge in UNIT_RANGE:  # a share or a 0-1 gauge: show the band inside 0-1
                low, high = low.clip(0.0, 1.0), high.clip(0.0, 1.0)
            ax.fill_between(s["week"], low, high, color=col, alpha=0.2, lw=0)
        ax.set_title(label(gauge), fontsize=10)
        ax.set_xlabel("week", fontsize=9)
        ax.tick_params(labelsize=8)
    fig.legend(
        *axes.flat[0].get_legend_handles_labels(),
        loc="outside lower center",
        ncol=min(len(names), 4),
        fontsize=9,
        frameon=False,
    )
    if title:
        fig.suptitle(f"{title}: mean and 95 % band over replicates", fontsize=11)
    return fig
