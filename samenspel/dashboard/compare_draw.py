"""The Compare page's tables and figures, drawn from ``samenspel.compare``'s tables.

Nothing is recomputed here: ``bars`` and ``bands_charts`` draw the outcome table and
the weekly bands (SVG, in the session's language), ``diff_table`` the paired
differences, and ``png`` the figures of ``samenspel.figures`` (the same files
``samenspel compare`` writes) with panel titles in the session's words. Scenarios are
named by their titles in the session's language, never by their file names; intervals
are shown within what the outcome can be (``samenspel.outcomes``: a count's never
below 0, a share's never above 1), and a mean with the decimals its interval supports.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..compare import MODE_GAUGES, O_GAUGES, figure_png, figure_specs
from ..outcomes import digits, shown_high, shown_low
from . import i18n
from .charts import Series, bar_chart, line_chart
from .compare_job import Result
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


def short(text: str, chars: int = 34) -> str:
    """``text`` cut to ``chars`` characters (with an ellipsis), for a chart legend."""
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def titles(result: Result) -> list[str]:
    """The scenarios' titles in the session's language (never the file names)."""
    lang = i18n.current()
    return [s.title(lang) for s in result.comp.scenarios]


FIGURE_TEXT_NL = {
    "Outcomes per scenario: mean and 95 % confidence interval": "Uitkomsten per scenario: gemiddelde en 95%-betrouwbaarheidsinterval",
    "Case modes (share of open cases): mean and 95 % band over replicates": "Vormen van casussen (aandeel open casussen): gemiddelde en 95%-band",
    "The three o's: mean and 95 % band over replicates": "De drie o's: gemiddelde en 95%-band over de herhalingen",
    "week": "week",
}


def _translate(fig: Any, names: Sequence[str] = (), shown: Sequence[str] = ()) -> None:
    """Put a ``samenspel.figures`` figure in the session's words.

    The panels are titled with the gauges' labels in the session's language (the figure
    has ``figures.label``: a label of its own, or the column name in words), a Dutch
    suptitle in Dutch, and the legend names the scenarios ``names`` by their titles
    ``shown``, as the page does, not by their file names.
    """
    heading = fig.get_suptitle()
    if heading and i18n.nl():
        fig.suptitle(FIGURE_TEXT_NL.get(heading, heading), fontsize=11)
    for ax in fig.axes:
        key = _keys().get(ax.get_title())
        if key is not None:
            words, size = i18n.gauge(key), ax.title.get_fontsize()
            # a label longer than its panel (about 38 characters at 9 pt) in smaller type
            ax.set_title(words, fontsize=max(5.5, min(size, size * 38 / len(words))))
    scenario = {n: s for n, s in zip(names, shown, strict=True)}
    scenario.update({f"{k + 1} {n}": f"{k + 1} {s}" for k, (n, s) in enumerate(scenario.items())})
    for legend in fig.legends:
        for text in legend.get_texts():
            text.set_text(scenario.get(text.get_text(), text.get_text()))


@functools.cache
def _keys() -> dict[str, str]:
    """Panel titles of ``samenspel.figures`` (``figures.label``) and names, by outcome."""
    from ..figures import label

    keys = {*i18n.GAUGES}
    keys |= {k + suffix for k in i18n.GAUGES for suffix in i18n.GROUP_SUFFIXES}
    return {**{label(k): k for k in keys}, **{k: k for k in keys}}


PNG_STEMS = {"bars": "outcomes", "modes": "modes", "os": "three_os"}
"""The download kinds and the figures of ``samenspel compare`` they are."""


def png(kind: str, result: Result) -> bytes:
    """One of the comparison's figures (as ``samenspel compare`` draws it), translated, as PNG."""
    names = result.comp.names
    specs = figure_specs(result.table, result.bands, names)
    shown = [short(title) for title in titles(result)]  # as the page's chart legends
    words = functools.partial(_translate, names=names, shown=shown)
    return figure_png(*specs[PNG_STEMS[kind]], finish=words)


def _fmt(v: float, dutch: bool | None = None) -> str:
    if abs(v) >= 1 and float(v).is_integer():
        return str(int(v))
    return i18n.number(v, 2 if abs(v) < 10 else 0, dutch=dutch)


def _formatter() -> Any:
    """``_fmt`` in the session's language, asked once (the bands format 30,000 numbers)."""
    return functools.partial(_fmt, dutch=i18n.nl())


def bars(result: Result) -> list[str]:
    """One small bar chart (mean and 95 % interval per scenario) per key outcome."""
    names = result.comp.names
    fmt = _formatter()
    out = []
    for outcome in KEY_OUTCOMES:
        sub = result.table[result.table["outcome"] == outcome].set_index("scenario")
        if sub.empty:
            continue
        sub = sub.reindex(names)
        low = shown_low(outcome, sub["ci_low"])
        out.append(
            bar_chart(
                titles(result),
                sub["mean"],
                low,
                shown_high(outcome, sub["ci_high"]),
                i18n.gauge(outcome) + (t("of_all_cases") if outcome in MODE_GAUGES else ""),
                fmt=fmt,
                name=f"bars-{outcome}",
            )
        )
    return out


def bands_charts(result: Result) -> list[str]:
    """One chart per weekly gauge: a line per scenario with its 95 % band."""
    names = result.comp.names
    fmt = _formatter()
    charts = []
    for gauge in CURVE_GAUGES:
        sub = result.bands[result.bands["gauge"] == gauge]
        series = []
        for k, name in enumerate(names):
            s = sub[sub["scenario"] == name].sort_values("week")
            series.append(
                Series(
                    f"{k + 1} {short(titles(result)[k])}",
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
                fmt=fmt,
                name=f"bands-{gauge}",
                current=False,
            )
        )
    return charts


def _ci(outcome: str, mean: float, low: float, high: float, signed: bool = False) -> str:
    if mean != mean:
        return "n/a"
    shown = digits(outcome, mean, low, high)
    m = i18n.number(mean, shown, signed)
    if low != low:
        return m
    return f"{m} [{i18n.number(low, shown)}; {i18n.number(high, shown)}]"


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
        mean, low, high = sub.loc[names[0], ["mean", "ci_low", "ci_high"]]
        low, high = shown_low(outcome, low), shown_high(outcome, high)
        cells = [f"<td>{i18n.gauge(outcome)}</td>", f"<td>{_ci(outcome, mean, low, high)}</td>"]
        for name in names[1:]:
            d, lo, hi = sub.loc[name, ["diff", "diff_low", "diff_high"]]
            clear = bool(np.isfinite(lo) and np.isfinite(hi) and (lo > 0 or hi < 0))
            text = _ci(outcome, d, lo, hi, signed=True)
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
