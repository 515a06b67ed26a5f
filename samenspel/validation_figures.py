"""One figure per validation pattern (see ``samenspel.validation``).

Each function takes the validation comparison and the professionals' starting
logics and returns a matplotlib Figure; ``FIGURES`` maps the pattern number to it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .compare import Comparison, mean_ci, weekly_bands
from .figures import colours, dashes, subplots
from .figures import label as title_of
from .outcomes import shown_high, shown_low

MODES = (
    "share_formal_only",
    "share_informal_only",
    "share_coexistence",
    "share_intermediated",
    "share_coproduction",
)


def _bars(ax, comp: Comparison, names: Sequence[str], outcome: str) -> None:
    """Bars of ``outcome`` per scenario with 95 % CIs on ``ax``."""
    stats = [
        mean_ci(comp.runs.loc[comp.runs["scenario"] == n, outcome].to_numpy(float)) for n in names
    ]
    mean = np.array([s[0] for s in stats])
    err = np.nan_to_num(np.array([[s[0] - s[1] for s in stats], [s[2] - s[0] for s in stats]]))
    idx = [comp.names.index(n) for n in names]
    ax.bar(
        range(len(names)),
        mean,
        yerr=err,
        capsize=4,
        color=[colours(len(comp.names))[i] for i in idx],
    )
    ax.set_xticks(range(len(names)), names, rotation=20, ha="right", fontsize=8)
    ax.set_title(title_of(outcome), fontsize=10)


def _curves(ax, comp: Comparison, names: Sequence[str], gauge: str) -> None:
    """Weekly means of ``gauge`` with 95 % bands on ``ax``."""
    bands = weekly_bands(comp, [gauge])
    cols, styles = colours(len(comp.names)), dashes(len(comp.names))
    for n in names:
        s = bands[bands["scenario"] == n].sort_values("week")
        k = comp.names.index(n)
        ax.plot(s["week"], s["mean"], color=cols[k], ls=styles[k], lw=1.4, label=n)
        col = cols[k]
        ax.fill_between(
            s["week"],
            shown_low(gauge, s["ci_low"].astype(float)),
            shown_high(gauge, s["ci_high"].astype(float)),
            color=col,
            alpha=0.2,
            lw=0,
        )
    ax.set_title(
        title_of(gauge) + " (weekly, open cases)"
        if gauge.startswith("share_")
        else title_of(gauge),
        fontsize=10,
    )
    ax.set_xlabel("week", fontsize=9)
    ax.legend(fontsize=8, frameon=False)


def figure_1(comp: Comparison, logics: pd.DataFrame) -> Figure:
    """Mode shares of all cases and brokerage share in the city baseline."""
    fig, (a, b) = subplots(
        1, 2, figsize=(10, 3.8), layout="constrained", gridspec_kw={"width_ratios": [3, 1]}
    )
    runs = comp.runs[comp.runs["scenario"] == "city-baseline"]
    stats = [mean_ci(runs[m].to_numpy(float)) for m in MODES]
    mean = np.array([s[0] for s in stats])
    err = np.array([[s[0] - s[1] for s in stats], [s[2] - s[0] for s in stats]])
    a.bar(range(len(MODES)), mean, yerr=err, capsize=4, color="tab:blue")
    a.set_xticks(range(len(MODES)), [title_of(m) for m in MODES], fontsize=9)
    a.set_title("City baseline: share of all cases per mode", fontsize=10)
    _bars(b, comp, ["city-baseline"], "brokerage_share")
    b.axhline(0.5, color="grey", ls="--", lw=1)
    return fig


def figure_2(comp: Comparison, logics: pd.DataFrame) -> Figure:
    """Co-production in city and town: end-of-run shares and weekly curves."""
    fig, (a, b) = subplots(
        1, 2, figsize=(10, 3.8), layout="constrained", gridspec_kw={"width_ratios": [1, 2]}
    )
    names = ["city-baseline", "town-baseline"]
    _bars(a, comp, names, "share_coproduction")
    _curves(b, comp, names, "share_coproduction")
    return fig


def figure_3(comp: Comparison, logics: pd.DataFrame) -> Figure:
    """Familiarity and co-production: city, wijktafels, combined package."""
    fig, axes = subplots(1, 3, figsize=(13, 3.8), layout="constrained")
    names = ["city-baseline", "wijktafels", "combined-package"]
    _curves(axes[0], comp, names, "familiarity")
    _curves(axes[1], comp, names, "share_coproduction")
    _bars(axes[2], comp, names, "share_coproduction")
    axes[2].set_title("co-production (all cases)", fontsize=10)
    return fig


def figure_4(comp: Comparison, logics: pd.DataFrame) -> Figure:
    """Informal uptake and goal uncertainty in the town: no-governance and its two arms."""
    fig, axes = subplots(1, 3, figsize=(13, 3.8), layout="constrained")
    names = ["town-baseline", "town-accessibility", "no-governance"]
    _bars(axes[0], comp, names, "informal_uptake")
    _bars(axes[1], comp, names, "goal_uncertainty")
    _curves(axes[2], comp, names, "goal_uncertainty")
    return fig


def figure_5(comp: Comparison, logics: pd.DataFrame) -> Figure:
    """Histograms of professionals' knowledge logic and role view at week 0."""
    fig, axes = subplots(1, 2, figsize=(10, 3.6), layout="constrained")
    bins = np.linspace(0, 1, 21)
    titles = {
        "knowledge": "knowledge logic (0 experiential, 1 formalised)",
        "role_view": "role view (0 navigator only, 1 carries much)",
    }
    for ax, k in zip(axes, ("knowledge", "role_view"), strict=True):
        for (name, grp), col in zip(
            logics.groupby("scenario", sort=False), ("tab:blue", "tab:red"), strict=False
        ):
            ax.hist(grp[k], bins=bins, alpha=0.5, color=col, label=name, density=True)
        for x in (1 / 3, 2 / 3):
            ax.axvline(x, color="grey", ls="--", lw=1)
        ax.set_title(f"Professionals at week 0: {titles[k]}", fontsize=10)
        ax.legend(fontsize=8, frameon=False)
    return fig


def figure_households(comp: Comparison) -> Figure:
    """Household outcomes per scenario: all, migrant and non-migrant households."""
    outcomes = (
        "unmet_need",
        "weeks_to_help",
        "needs_resolved",
        "escalations_per_100",
        "silent_left_per_100",
    )
    groups = (
        ("", "all", "tab:grey"),
        ("_migrant", "migrant", "tab:red"),
        ("_non_migrant", "non-migrant", "tab:blue"),
    )
    fig, axes = subplots(
        1,
        len(outcomes),
        figsize=(18, 0.32 * len(comp.names) + 2),
        layout="constrained",
        sharey=True,
    )
    pos = np.arange(len(comp.names))
    for ax, outcome in zip(axes, outcomes, strict=True):
        for j, (suffix, label, col) in enumerate(groups):
            stats = [
                mean_ci(
                    comp.runs.loc[comp.runs["scenario"] == n, f"{outcome}{suffix}"].to_numpy(float)
                )
                for n in comp.names
            ]
            mean = np.array([st[0] for st in stats])
            err = np.nan_to_num(
                np.array([[st[0] - st[1] for st in stats], [st[2] - st[0] for st in stats]])
            )
            ax.barh(
                pos + (j - 1) * 0.27,
                mean,
                0.27,
                xerr=err,
                color=col,
                label=label,
                error_kw={"lw": 0.8},
            )
        ax.set_title(outcome.replace("_", " "), fontsize=10)
    axes[0].set_yticks(pos, comp.names, fontsize=8)
    axes[0].invert_yaxis()
    axes[-1].legend(fontsize=8, frameon=False)
    return fig


def figure_sources(comp: Comparison, breda: dict[str, int]) -> Figure:
    """Formal and informal sources of help per case, per scenario, beside Breda."""
    fig, ax = subplots(figsize=(8, 0.32 * len(comp.names) + 2), layout="constrained")
    names = ["Breda quickscan", *comp.names]
    formal = [(breda["sources"] - breda["informal"]) / breda["clients"]]
    informal = [breda["informal"] / breda["clients"]]
    for n in comp.names:
        runs = comp.runs[comp.runs["scenario"] == n]
        formal.append(float(runs["formal_sources_per_case"].mean()))
        informal.append(float(runs["informal_sources_per_case"].mean()))
    pos = np.arange(len(names))
    ax.barh(pos, formal, color="tab:blue", label="formal sources per case")
    ax.barh(pos, informal, left=formal, color="tab:orange", label="informal sources per case")
    ax.set_yticks(pos, names, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("sources of help per case (client)")
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    return fig


FIGURES: dict[int, Callable[[Comparison, pd.DataFrame], Figure]] = {
    1: figure_1,
    2: figure_2,
    3: figure_3,
    4: figure_4,
    5: figure_5,
}
