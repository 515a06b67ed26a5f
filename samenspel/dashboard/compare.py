"""Compare page: two to four scenarios side by side, with intervals.

The runs and the statistics are those of ``samenspel compare`` (``samenspel.compare``):
``run_comparison`` runs every scenario with the same seeds (common random numbers) on
a pool of processes, ``outcome_table`` gives means with 95 % t-intervals and the
paired differences to the first scenario, and ``weekly_bands`` the weekly means with
95 % bands. Nothing is recomputed here; the page only draws those tables (SVG, in the
session's language) and offers them for download: the outcome table and all runs as
CSV, and the figures of ``samenspel.figures`` as PNG, the same files the CLI writes.

The comparison runs in a background task, one per browser session, with a progress
bar; an error is shown in the page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import solara
import solara.lab

from ..compare import MODE_GAUGES, O_GAUGES, Comparison, outcome_table, run_comparison
from ..compare import weekly_bands as compute_bands
from ..scenarios import list_scenarios
from . import i18n
from .charts import Series, bar_chart, line_chart
from .i18n import t
from .palette import DASHES, PALETTE

KEY_OUTCOMES = (
    "share_coproduction",
    "share_intermediated",
    "share_coexistence",
    "brokerage_share",
    "informal_uptake",
    "familiarity",
    "disagreement",
    "goal_uncertainty",
    "regard_formal",
    "regard_informal",
    "late_escalations",
    "instrumentalisations",
    "unmet_need",
    "weeks_to_help",
    "needs_resolved",
    "silent_left_per_100",
)
CURVE_GAUGES = (*MODE_GAUGES, *O_GAUGES)
NON_NEGATIVE = frozenset(KEY_OUTCOMES) - {"regard_formal", "regard_informal"}
"""Outcomes that cannot be negative (counts, shares, means of 0-1 scales): intervals
are drawn from 0 at the lowest, never below."""


def titles(result: Result) -> list[str]:
    """The scenarios' titles in the session's language (never the file names)."""
    lang = i18n.current()
    return [s.title(lang) for s in result.comp.scenarios]


WEEK_CHOICES = (52, 104, 156, 260, 520)
DEFAULT_SELECTION = ["city-baseline", "combined-package"]

selection = solara.reactive(list(DEFAULT_SELECTION))
replicates = solara.reactive(5)
weeks = solara.reactive(260)
first_seed = solara.reactive(0)
progress = solara.reactive((0, 0))


@dataclass
class Result:
    """A finished comparison and the tables drawn from it.

    Attributes:
        comp: The runs (``samenspel.compare.Comparison``).
        table: The outcome table (means, intervals, paired differences).
        bands: Weekly means and bands of the curve gauges.

    """

    comp: Comparison
    table: pd.DataFrame
    bands: pd.DataFrame


@solara.lab.task(prefer_threaded=True)
def comparison(names: list[str], n_replicates: int, n_weeks: int, seed: int) -> Result:
    """Run the comparison (in a thread) and compute its tables."""
    progress.set((0, len(names) * n_replicates))
    comp = run_comparison(
        names,
        n_replicates,
        seed=seed,
        weeks=n_weeks,
        progress=lambda done, total: progress.set((done, total)),
    )
    return Result(comp, outcome_table(comp), compute_bands(comp, CURVE_GAUGES))


# --- downloads ----------------------------------------------------------------------

FIGURE_TEXT_NL = {
    "Outcomes per scenario: mean and 95 % confidence interval": "Uitkomsten per scenario: gemiddelde en 95%-betrouwbaarheidsinterval",
    "Case modes (share of open cases): mean and 95 % band over replicates": "Vormen van casussen (aandeel open casussen): gemiddelde en 95%-band",
    "The three o's: mean and 95 % band over replicates": "De drie o's: gemiddelde en 95%-band over de herhalingen",
    "week": "week",
}


def _translate(fig: Any) -> None:
    """Put the panel titles of a ``samenspel.figures`` figure in the session's words.

    ``samenspel.figures`` titles a panel by its column name where it has no label of its
    own (``late_escalations``); the page uses the gauge's label in the session's
    language instead, and a Dutch suptitle in Dutch.
    """
    from ..figures import LABELS

    labels = {key: i18n.gauge(key) for key in i18n.GAUGES}
    labels.update({text: i18n.gauge(key) for key, text in LABELS.items() if key in i18n.GAUGES})
    title = fig.get_suptitle()
    if title and i18n.nl():
        fig.suptitle(FIGURE_TEXT_NL.get(title, title), fontsize=11)
    for ax in fig.axes:
        ax.set_title(labels.get(ax.get_title(), ax.get_title()), fontsize=ax.title.get_fontsize())


def png(kind: str, result: Result) -> bytes:
    """One of the comparison's figures (as ``samenspel compare`` draws it) as PNG."""
    from ..figures import outcome_bars, weekly_curves

    names = result.comp.names
    if kind == "bars":
        fig = outcome_bars(result.table, names)
    elif kind == "modes":
        fig = weekly_curves(result.bands, MODE_GAUGES, names, "Case modes (share of open cases)")
    else:
        fig = weekly_curves(result.bands, O_GAUGES, names, "The three o's")
    _translate(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    return buf.getvalue()


# --- drawing ------------------------------------------------------------------------


def _fmt(v: float) -> str:
    if abs(v) >= 1 and float(v).is_integer():
        return str(int(v))
    return i18n.number(v, 2 if abs(v) < 10 else 0)


def bars(result: Result) -> list[str]:
    """One small bar chart (mean and 95 % interval per scenario) per key outcome."""
    names = result.comp.names
    out = []
    for outcome in KEY_OUTCOMES:
        sub = result.table[result.table["outcome"] == outcome].set_index("scenario")
        if sub.empty:
            continue
        sub = sub.reindex(names)
        low = sub["ci_low"]
        if outcome in NON_NEGATIVE:  # a count or share cannot be below 0, nor its interval
            low = low.clip(lower=0.0)
        out.append(
            bar_chart(
                titles(result),
                sub["mean"],
                low,
                sub["ci_high"],
                i18n.gauge(outcome),
                fmt=_fmt,
                name=f"bars-{outcome}",
            )
        )
    return out


def bands_charts(result: Result) -> list[str]:
    """One chart per weekly gauge: a line per scenario with its 95 % band."""
    names = result.comp.names
    charts = []
    for gauge in CURVE_GAUGES:
        sub = result.bands[result.bands["gauge"] == gauge]
        series = []
        for k, name in enumerate(names):
            s = sub[sub["scenario"] == name].sort_values("week")
            series.append(
                Series(
                    f"{k + 1} {titles(result)[k]}",
                    s["week"].to_numpy(float),
                    s["mean"].to_numpy(float),
                    PALETTE[k],
                    s["ci_low"].clip(0, 1).to_numpy(float),
                    s["ci_high"].clip(0, 1).to_numpy(float),
                    dash=DASHES[k % len(DASHES)],
                )
            )
        charts.append(
            line_chart(
                series,
                i18n.gauge(gauge),
                x_label=t("week_axis"),
                fmt=_fmt,
                name=f"bands-{gauge}",
                current=False,
                hover=False,
            )
        )
    return charts


def _ci(mean: float, low: float, high: float, signed: bool = False) -> str:
    if mean != mean:
        return "n/a"
    digits = 3 if abs(mean) < 10 else 1
    m = i18n.number(mean, digits)
    if signed and mean >= 0:
        m = "+" + m
    if low != low:
        return m
    return f"{m} [{i18n.number(low, digits)}; {i18n.number(high, digits)}]"


def diff_table(result: Result) -> str:
    """The paired differences to the reference as an HTML table."""
    names = result.comp.names
    shown = titles(result)
    head = "".join(f"<th>{k + 2} {n}</th>" for k, n in enumerate(shown[1:]))
    rows = []
    for outcome in KEY_OUTCOMES:
        sub = result.table[result.table["outcome"] == outcome].set_index("scenario")
        if sub.empty:
            continue
        cells = [
            f"<td>{i18n.gauge(outcome)}</td>",
            f"<td>{_ci(*sub.loc[names[0], ['mean', 'ci_low', 'ci_high']])}</td>",
        ]
        for name in names[1:]:
            d, lo, hi = sub.loc[name, ["diff", "diff_low", "diff_high"]]
            clear = bool(np.isfinite(lo) and np.isfinite(hi) and (lo > 0 or hi < 0))
            text = _ci(d, lo, hi, signed=True)
            cells.append(f"<td>{'<b>' + text + '</b>' if clear else text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        '<table class="samenspel-diff" style="border-collapse:collapse;font-size:0.9em">'
        f"<thead><tr><th>{t('outcome')}</th><th>1 {shown[0]} {t('reference')}</th>{head}"
        "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
        "<style>.samenspel-diff td,.samenspel-diff th{padding:3px 10px;"
        "border-bottom:1px solid #ddd;text-align:right}.samenspel-diff td:first-child,"
        ".samenspel-diff th:first-child{text-align:left}</style>"
    )


# --- components ---------------------------------------------------------------------


@solara.component
def Settings() -> None:
    """Scenario choice, replicates, weeks, seed and the run button."""
    lang = i18n.current()
    library = solara.use_memo(list_scenarios, [])
    items = [{"text": f"{s.title(lang)} ({s.name})", "value": s.name} for s in library]
    chosen = selection.value
    ok = 2 <= len(chosen) <= 4
    solara.Text(t("compare_intro"), style={"color": "#444"})
    solara.v.Select(
        label=t("scenarios"),
        items=items,
        v_model=chosen,
        multiple=True,
        chips=True,
        small_chips=True,
        deletable_chips=True,
        on_v_model=lambda v: selection.set(list(v)),
        class_="samenspel-compare-scenarios",
    )
    with solara.Row(style={"align-items": "center", "flex-wrap": "wrap"}, gap="24px"):
        with solara.Column(style={"min-width": "260px"}, classes=["samenspel-compare-replicates"]):
            solara.SliderInt(
                f"{t('replicates')}: {replicates.value}",
                value=replicates.value,
                on_value=replicates.set,
                min=2,
                max=30,
            )
        solara.v.Select(
            label=t("weeks"),
            items=list(WEEK_CHOICES),
            v_model=weeks.value,
            on_v_model=lambda v: weeks.set(int(v)),
            dense=True,
            style_="max-width: 140px",
            class_="samenspel-compare-weeks",
        )
        with solara.Column(style={"max-width": "160px"}):
            solara.InputInt(
                t("first_seed"),
                value=first_seed.value,
                on_value=first_seed.set,
                continuous_update=False,
            )
        solara.Button(
            t("run"),
            color="primary",
            icon_name="mdi-play",
            disabled=not ok or comparison.pending,
            on_click=lambda: comparison(
                list(chosen), replicates.value, weeks.value, first_seed.value
            ),
            class_="samenspel-compare-run",
        )
    if not ok:
        solara.Warning(t("need_2_4", n=len(chosen)))


@solara.component
def Downloads(result: Result) -> None:
    """Download buttons: tables as CSV, figures as PNG."""
    names = "-".join(result.comp.names)
    with solara.Row(style={"flex-wrap": "wrap"}):
        solara.FileDownload(
            lambda: result.table.to_csv(index=False),
            f"outcomes_{names}.csv",
            label=t("dl_table"),
            mime_type="text/csv",
        )
        solara.FileDownload(
            lambda: result.comp.runs.to_csv(index=False),
            f"runs_{names}.csv",
            label=t("dl_runs"),
            mime_type="text/csv",
        )
        for kind, key in (("bars", "dl_bars"), ("modes", "dl_modes"), ("os", "dl_os")):
            solara.FileDownload(
                lambda k=kind: png(k, result),
                f"{kind}_{names}.png",
                label=t(key),
                mime_type="image/png",
            )


@solara.component
def Results(result: Result) -> None:
    """Bars with intervals, curves with bands, paired differences, downloads."""
    lang = i18n.current()
    drawn = solara.use_memo(
        lambda: (bars(result), bands_charts(result), diff_table(result)), [id(result), lang]
    )
    comp = result.comp
    solara.Success(
        t("done", runs=len(comp.runs), seconds=comp.seconds, workers=comp.workers),
        classes=["samenspel-compare-done"],
    )
    legend = " · ".join(
        f'<span style="color:{PALETTE[k]};font-weight:600">■ {k + 1}</span> {n}'
        for k, n in enumerate(titles(result))
    )
    with solara.Card(t("outcomes_title")):
        solara.HTML(tag="div", unsafe_innerHTML=legend)
        with solara.ColumnsResponsive(6, medium=4, large=3):
            for svg in drawn[0]:
                solara.HTML(tag="div", unsafe_innerHTML=svg)
    with solara.Card(t("curves_title")):
        with solara.ColumnsResponsive(12, medium=6, large=4):
            for svg in drawn[1]:
                solara.HTML(tag="div", unsafe_innerHTML=svg)
    with solara.Card(t("diff_title", ref=titles(result)[0])):
        solara.Text(t("diff_hint"), style={"font-size": "0.85em", "color": "#555"})
        solara.HTML(tag="div", unsafe_innerHTML=drawn[2])
    with solara.Card(t("download")):
        Downloads(result)


@solara.component
def Page() -> None:
    """The Compare page."""
    with solara.Card(t("nav_compare")):
        Settings()
        if comparison.pending:
            done, total = progress.value
            solara.ProgressLinear(value=100 * done / total if total else True)
            solara.Text(t("running", done=done, total=total), classes=["samenspel-progress"])
    if comparison.error:
        solara.Error(f"{t('error')}: {comparison.exception}", classes=["samenspel-error"])
    elif comparison.finished and comparison.value is not None:
        Results(comparison.value)
