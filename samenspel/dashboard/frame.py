"""What the Explore page draws for one week: the regime in words, the curves, the network.

``render(run)`` builds it all as text and SVG in a few milliseconds, outside Solara's
render pass (by the button or the player thread that advanced the model, see
``session.publish``), so a redraw never holds up the page.

The curves are small multiples, each on its own automatically scaled y axis with the
range said under the title: the case modes in which the sides are in contact
(co-production, intermediated), those without contact (co-existence, one side only),
each of the three o's, and the regard of each side for the other. Co-production (a few
per cent of the open cases) shares its axis only with intermediated, so it is never a
flat line under a 100 % start-up peak of co-existence. Every
share says its denominator: the weekly shares are shares of the cases open that week
(``model.outputs``), and so are the percentages in the regime sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ..model.outputs import regime
from . import i18n, session
from .charts import Series, line_chart
from .i18n import t
from .network import drawn_familiarity, legend_html, network_svg
from .palette import BLACK, BLUE, GREEN, ORANGE, PURPLE, SKY, VERMILLION

if TYPE_CHECKING:
    from .session import Run

JOINT = ("share_coexistence", "share_intermediated", "share_coproduction")
CHARTS: dict[str, tuple[str, str, tuple[tuple[str, str, str], ...]]] = {
    # key -> (title key, kind of y axis, ((gauge, colour, dash), ...))
    "modes": (
        "modes_title",
        "pct",
        (("share_coproduction", BLUE, ""), ("share_intermediated", ORANGE, "7 4")),
    ),
    "one-side": (
        "one_side_title",
        "pct",
        (
            ("share_coexistence", BLACK, "2 3"),
            ("share_formal_only", SKY, ""),
            ("share_informal_only", VERMILLION, "7 4"),
        ),
    ),
    "familiarity": ("o_familiarity_title", "index", (("familiarity", GREEN, ""),)),
    "disagreement": ("o_disagreement_title", "index", (("felt_disagreement", PURPLE, ""),)),
    "goals": ("o_goals_title", "index", (("goal_uncertainty", BLACK, ""),)),
    "regard": (
        "regard_title",
        "index",
        (("regard_formal", BLUE, ""), ("regard_informal", ORANGE, "7 4")),
    ),
}
"""The Explore charts, in order; every gauge is a column of ``model.weekly()``."""

REGIME_KEYS = {
    "co-existence": "regime_coexistence",
    "intermediated": "regime_intermediated",
    "co-production": "regime_coproduction",
    "none": "regime_none",
}


def pct(v: float, span: float = 1.0, dutch: bool | None = None) -> str:
    """A share as a percentage, with a decimal when the axis is narrow.

    ``dutch``: the language, if the caller asked it already (``i18n.number``).
    """
    digits = 1 if span < 0.05 else 0
    dutch = i18n.nl() if dutch is None else dutch
    return i18n.number(100 * v, digits, dutch=dutch) + ("%" if dutch else " %")


def index(v: float, span: float = 1.0, dutch: bool | None = None) -> str:
    """A value on a 0-1 scale, with as many decimals as the axis needs."""
    digits = 3 if span < 0.05 else 2
    return i18n.number(v, digits, dutch=dutch)


def curves(weekly: Any, marked: int = -1) -> dict[str, str]:
    """The Explore charts as SVG (``CHARTS``), from the weekly gauges.

    ``marked`` (a week, or -1) draws a vertical line at that week: the story's link.
    """
    x = weekly.index.to_numpy(float)
    dutch = i18n.nl()  # asked once: a chart of five years formats 4,000 numbers
    out = {}
    for key, (title, kind, lines) in CHARTS.items():
        data = [weekly[g].to_numpy(float) for g, _, _ in lines]
        finite = np.concatenate([d[np.isfinite(d)] for d in data])
        span = float(finite.max() - min(finite.min(), 0.0)) if finite.size else 1.0
        show = pct if kind == "pct" else index

        def fmt(v: float, show: Any = show, span: float = span) -> str:
            return str(show(v, span, dutch))

        def scale(lo: float, hi: float, kind: str = kind, fmt: Any = fmt) -> str:
            return t("scale_" + kind, lo=fmt(lo), hi=fmt(hi))

        series = [
            Series(i18n.gauge(g), x, d, colour, dash=dash)
            for (g, colour, dash), d in zip(lines, data, strict=True)
        ]
        out[key] = line_chart(
            series,
            t(title),
            fmt=fmt,
            name=key,
            x_span=52,
            scale_text=scale,
            x_name=t("week_axis"),
            marker=marked if marked >= 0 else None,
            marker_text=t("marked_week", week=marked),
        )
    return out


def regime_words(model: Any, weekly: Any) -> tuple[str, str]:
    """The regime of the last year in words, and the shares it rests on.

    The regime (``model.outputs.regime``) is the largest of the three joint modes
    among the open cases over the last 52 weeks (fewer at the start). The detail
    gives, as shares of the open cases (the one denominator of the page), how many
    both sides worked on in that period and how they split over co-existence,
    intermediated and co-production.
    """
    code = regime(model)
    tail = weekly.tail(52)
    means = np.array(
        [np.nanmean(tail[g].to_numpy(float)) if tail[g].notna().any() else np.nan for g in JOINT]
    )
    total = float(np.nansum(means))
    weeks = int(model.week)
    if weeks >= 52:
        period = t("period_year")
    elif weeks == 0:
        period = t("period_start")
    elif weeks == 1:
        period = t("period_week")
    else:
        period = t("period_weeks", weeks=weeks)
    open_now = weekly["open_cases"].iloc[-1] if len(weekly) else 0
    detail = t(
        "regime_shares",
        period=period,
        shared=i18n.percent(total),
        coex=i18n.percent(means[0]),
        inter=i18n.percent(means[1]),
        coprod=i18n.percent(means[2]),
        rest=i18n.percent(1.0 - total) if len(tail) else i18n.percent(float("nan")),
        open=int(open_now) if open_now == open_now else 0,
    )
    return t(REGIME_KEYS.get(code, "regime_none")), detail


def week_words(week: int) -> str:
    """``week 260 (year 5)``: week 1-52 is year 1, week 53 starts year 2."""
    year = max(1, (week - 1) // 52 + 1)
    return t("week_of", week=week, year=year)


def render(current: Run) -> dict[str, Any]:
    """Everything the page draws for the model's current week, as text and SVG.

    Keys: ``regime`` and ``detail`` (the regime in words), ``network`` (SVG),
    ``legend`` (HTML), ``charts`` (key -> SVG, in the order of ``CHARTS``), ``week``
    (the number), ``when`` (week and year in words), ``lang`` and ``run_id`` (the
    language and the model it was drawn for). Used by the page after every
    step and by ``benchmarks/bench_dashboard.py``.
    """
    with current.lock:
        model = current.model
        weekly = model.weekly()
        out: dict[str, Any] = {"charts": curves(weekly, session.marked.value)}
        out["regime"], out["detail"] = regime_words(model, weekly)
        layout = current.layout
        note = (
            t("network_capped", shown=len(layout.nodes), total=layout.total)
            if len(layout.nodes) < layout.total
            else ""
        )
        fam = drawn_familiarity(model.ties, layout.nodes)
        out["picked"] = session.picked.value
        out["network"] = network_svg(layout, fam, t("network"), picked=out["picked"])
        out["legend"] = legend_html(
            i18n.kind, (t("tie_within"), t("tie_broker"), t("tie_cross")), note
        )
        out["week"] = int(model.week)
        out["when"] = week_words(int(model.week))
        out["lang"] = i18n.current()
        out["run_id"] = id(current)
    return out


session.set_renderer(render)
