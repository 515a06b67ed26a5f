"""Small SVG charts: weekly curves (with optional bands) and bars with intervals.

The pages redraw their curves after every simulated week; a matplotlib figure of three
panels takes about 0.7 s here, far over the 300 ms budget for a step and a redraw.
These charts are plain SVG text (a millisecond or two), drawn by the browser, and
their labels come in the session's language. Figures to download (PNG) are made by
``samenspel.figures``, the same as ``samenspel compare`` writes.

Legibility: the charts are drawn at about the width they get on a 1024 px screen,
with text of at least 12 units, so text is at least 12 px wherever a chart is shown
at or above its drawn width (the page's grid makes sure of that). The y axis scales
to the data (from 0 for quantities that cannot be negative) and says its range in
words under the title, so a share of 0.4 to 6 % is a curve, not a flat line at zero.
Every line has a colour and a dash pattern (``palette.py``); the legend gives each
line's current value, and pointing at the plot shows at once the week and each line's
value there (with its band, if drawn), in a tooltip drawn by the page
(``layout.HoverTips``, no network), not the browser's slow native one.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .palette import DASHES, PALETTE

Fmt = Callable[[float], str]
TEXT = 12
"""Font size of tick labels and legends (SVG units, = px at the drawn width)."""
TITLE = 14
CHAR_WIDTH = 6.6
"""Mean width of a character of ``TEXT`` (Roboto at 12 px), to estimate a label's length."""


@dataclass
class Series:
    """One line of a chart.

    Attributes:
        label: Name in the legend.
        x: X values (weeks).
        y: Y values; NaN leaves a gap.
        colour: Line colour.
        low: Lower edge of a band around the line (optional).
        high: Upper edge of the band (optional).
        dash: SVG dash pattern ("" solid).

    """

    label: str
    x: Sequence[float] | np.ndarray
    y: Sequence[float] | np.ndarray
    colour: str
    low: Sequence[float] | np.ndarray | None = None
    high: Sequence[float] | np.ndarray | None = None
    dash: str = ""


def esc(text: str) -> str:
    """Text made safe for SVG/HTML."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    """About ``n`` round tick values covering ``[lo, hi]``."""
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        return [lo] if math.isfinite(lo) else [0.0]
    raw = (hi - lo) / max(n - 1, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.ceil(lo / step - 1e-9) * step
    ticks = []
    v = start
    while v <= hi + 1e-9 * step:
        ticks.append(round(v, 10))
        v += step
    return ticks


def auto_range(values: Sequence[np.ndarray], from_zero: bool = True) -> tuple[float, float]:
    """A y range that fits ``values``, ending on a round tick.

    Args:
        values: Arrays of y values (NaN ignored).
        from_zero: Start at 0 (for quantities that cannot be negative).

    """
    flat = np.concatenate([np.asarray(v, float).ravel() for v in values]) if values else np.zeros(1)
    flat = flat[np.isfinite(flat)]
    if not flat.size:
        return 0.0, 1.0
    lo, hi = float(flat.min()), float(flat.max())
    if from_zero:
        lo = min(lo, 0.0)
    if hi - lo < 1e-9:
        hi = lo + (abs(lo) * 0.1 or 0.01)
    ticks = nice_ticks(lo, hi, 5)
    step = ticks[1] - ticks[0] if len(ticks) > 1 else hi - lo
    top = ticks[-1] if ticks[-1] >= hi - 1e-12 else ticks[-1] + step
    bottom = lo if from_zero else min(ticks[0], lo)
    if not from_zero and ticks[0] > lo:
        bottom = ticks[0] - step
    return bottom, top


def _segments(ys: np.ndarray) -> list[np.ndarray]:
    """Runs of finite points (NaN splits a line)."""
    ok = np.isfinite(ys)
    out, start = [], None
    for i, good in enumerate(ok):
        if good and start is None:
            start = i
        if not good and start is not None:
            out.append(np.arange(start, i))
            start = None
    if start is not None:
        out.append(np.arange(start, len(ys)))
    return out


def _hover(
    series: Sequence[Series], px: Callable, top: float, ph: float, fmt: Fmt, x_name: str
) -> list[str]:
    """An invisible band over the plot, carrying every line's value at each x value.

    The page's tooltip (``layout.HoverTips``) shows the column under the pointer at
    once: ``x_name`` and the x value, then each line's name and value (and its band, if
    it has one). The band's columns are the x values (every ``stride``-th of a long
    chart, at most 260), equally wide and centred on their x; ``data-tips`` holds one
    entry per column, ``;`` between them, each the x value and the lines' values with
    ``|`` between them; the names are given once (``data-names``). One element, not one
    per column: a chart five years long was 260 elements, and they were a quarter of a
    Step in the browser.
    """
    if not series:
        return []
    xs = np.asarray(series[0].x, float)
    if xs.size < 2:
        return []
    stride = max(1, math.ceil(xs.size / 260))
    half = (float(px(xs[min(stride, xs.size - 1)])) - float(px(xs[0]))) / 2 or 1.0
    arrays = [
        (
            np.asarray(s.y, float),
            None if s.low is None else np.asarray(s.low, float),
            None if s.high is None else np.asarray(s.high, float),
        )
        for s in series
    ]
    columns = []
    for i in range(0, xs.size, stride):
        parts = [f"{xs[i]:g}"]
        for ys, lo, hi in arrays:
            text = ""
            if i < ys.size and np.isfinite(ys[i]):
                text = fmt(float(ys[i]))
                if lo is not None and hi is not None and np.isfinite(lo[i] + hi[i]):
                    text += f" ({fmt(float(lo[i]))} – {fmt(float(hi[i]))})"
            parts.append(text.replace("|", "/").replace(";", ","))
        columns.append("|".join(parts))
    names = "|".join(s.label.replace("|", "/") for s in series)
    left = float(px(xs[0])) - half
    return [
        f'<rect class="samenspel-hover" x="{left:.1f}" y="{top}" '
        f'width="{2 * half * len(columns):.1f}" height="{ph}" fill="transparent" '
        f'data-x="{esc(x_name)}" data-names="{esc(names)}" data-tips="{esc(";".join(columns))}"/>'
    ]


def line_chart(
    series: Sequence[Series],
    title: str,
    y_range: tuple[float, float] | None = None,
    x_label: str = "",
    fmt: Fmt = lambda v: f"{v:g}",
    width: int = 300,
    height: int = 164,
    name: str = "",
    x_span: float = 1.0,
    scale_text: Callable[[float, float], str] | None = None,
    current: bool = True,
    from_zero: bool = True,
    hover: bool = True,
    x_name: str = "",
    marker: float | None = None,
    marker_text: str = "",
) -> str:
    """A line chart with a title, its scale in words, axes, bands and a legend below.

    Args:
        series: The lines.
        title: Chart title.
        y_range: Fixed y range; default from the data (``auto_range``).
        x_label: Label of the x axis (also names the x value in the hover text).
        fmt: Formats tick and legend values (decimal comma in Dutch).
        width: Width in SVG units, the width it is drawn at on a small screen.
        height: Height of the plot area plus axes and title.
        name: Value of the ``data-chart`` attribute (for tests and styling).
        x_span: The x axis covers at least this much (e.g. a year of weeks).
        scale_text: Says the y range in words (shown under the title).
        current: Put each line's last value in the legend (a monitor).
        from_zero: An automatic y range starts at 0.
        hover: Carry every line's value per x for the page's tooltip.
        x_name: Names the x value in the hover text (default ``x_label``).
        marker: An x value to mark with a vertical line (a week the story points at).
        marker_text: The marker's label.

    """
    left, right = 46.0, 10.0
    top = 40.0 if scale_text else 26.0
    bottom = 34.0 if x_label else 22.0
    pw, ph = width - left - right, height - top - bottom
    xs_all = np.concatenate([np.asarray(s.x, float) for s in series]) if series else np.zeros(1)
    x0, x1 = (float(np.nanmin(xs_all)), float(np.nanmax(xs_all))) if xs_all.size else (0, 1)
    x1 = max(x1, x0 + x_span)
    if y_range is None:
        y0, y1 = auto_range(
            [np.asarray(v, float) for s in series for v in (s.y, s.low, s.high) if v is not None],
            from_zero,
        )
    else:
        y0, y1 = y_range

    def px(x: np.ndarray) -> np.ndarray:
        return left + (np.asarray(x, float) - x0) / (x1 - x0) * pw

    def py(y: np.ndarray) -> np.ndarray:
        return top + (1.0 - (np.clip(np.asarray(y, float), y0, y1) - y0) / (y1 - y0)) * ph

    labels = []
    for s in series:
        ys = np.asarray(s.y, float)
        last = ys[np.isfinite(ys)]
        labels.append(f"{s.label}: {fmt(float(last[-1]))}" if current and last.size else s.label)
    per_row = 2 if max((len(x) for x in labels), default=0) * CHAR_WIDTH < (width - 50) / 2 else 1
    legend_rows = math.ceil(len(series) / per_row) if series else 0
    total_h = height + 18 * legend_rows + 4
    out = [
        f'<svg class="samenspel-chart" data-chart="{esc(name)}" data-ymin="{y0:g}" '
        f'data-ymax="{y1:g}" viewBox="0 0 {width} {total_h}" width="100%" '
        f'role="img" aria-label="{esc(title)}" xmlns="http://www.w3.org/2000/svg">',
        f'<text x="4" y="17" font-size="{TITLE}" font-weight="600">{esc(title)}</text>',
    ]
    if scale_text:
        out.append(
            f'<text x="4" y="33" font-size="{TEXT}" fill="#444" class="samenspel-scale">'
            f"{esc(scale_text(y0, y1))}</text>"
        )
    for tv in nice_ticks(y0, y1):
        y = float(py(np.array(tv)))
        out.append(
            f'<line x1="{left}" x2="{left + pw}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e3e3"/>'
        )
        out.append(
            f'<text x="{left - 4}" y="{y + 4:.1f}" font-size="{TEXT}" text-anchor="end" '
            f'fill="#444">{esc(fmt(tv))}</text>'
        )
    for tv in nice_ticks(x0, x1, 5):
        x = float(px(np.array(tv)))
        out.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top + ph}" y2="{top + ph + 4}" stroke="#888"/>'
        )
        out.append(
            f'<text x="{x:.1f}" y="{top + ph + 16}" font-size="{TEXT}" text-anchor="middle" '
            f'fill="#444">{tv:g}</text>'
        )
    out.append(f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="#bbb"/>')
    if x_label:
        out.append(
            f'<text x="{left + pw / 2}" y="{top + ph + 30}" font-size="{TEXT}" '
            f'text-anchor="middle" fill="#444">{esc(x_label)}</text>'
        )
    for s in series:
        xs, ys = np.asarray(s.x, float), np.asarray(s.y, float)
        if s.low is not None and s.high is not None:
            lo, hi = np.asarray(s.low, float), np.asarray(s.high, float)
            for idx in _segments(lo + hi):
                if len(idx) < 2:
                    continue
                upper = " ".join(
                    f"{a:.1f},{b:.1f}" for a, b in zip(px(xs[idx]), py(hi[idx]), strict=True)
                )
                lower = " ".join(
                    f"{a:.1f},{b:.1f}"
                    for a, b in zip(px(xs[idx][::-1]), py(lo[idx][::-1]), strict=True)
                )
                out.append(
                    f'<polygon points="{upper} {lower}" fill="{s.colour}" '
                    f'fill-opacity="0.16" stroke="none"/>'
                )
        dash = f' stroke-dasharray="{s.dash}"' if s.dash else ""
        for idx in _segments(ys):
            if len(idx) == 1:
                out.append(
                    f'<circle cx="{px(xs[idx])[0]:.1f}" cy="{py(ys[idx])[0]:.1f}" r="2.5" '
                    f'fill="{s.colour}"/>'
                )
                continue
            pts = " ".join(
                f"{a:.1f},{b:.1f}" for a, b in zip(px(xs[idx]), py(ys[idx]), strict=True)
            )
            out.append(
                f'<polyline points="{pts}" fill="none" stroke="{s.colour}" '
                f'stroke-width="2"{dash} data-series="{esc(s.label)}"/>'
            )
    if marker is not None and x0 <= marker <= x1:
        mx = float(px(np.array(marker)))
        anchor = "end" if mx > left + pw / 2 else "start"
        nudge = -3 if anchor == "end" else 3
        out.append(
            f'<g class="samenspel-marker" data-week="{marker:g}">'
            f'<line x1="{mx:.1f}" x2="{mx:.1f}" y1="{top}" y2="{top + ph}" stroke="#000" '
            f'stroke-width="1.5" stroke-dasharray="1 2"/>'
            f'<text x="{mx + nudge:.1f}" y="{top + 13}" font-size="{TEXT}" '
            f'text-anchor="{anchor}">{esc(marker_text)}</text></g>'
        )
    if hover:
        out.extend(_hover(series, px, top, ph, fmt, x_name or x_label))
    for k, (s, text) in enumerate(zip(series, labels, strict=True)):
        lx = 6 + (k % per_row) * ((width - 12) / per_row)
        ly = height + 12 + 18 * (k // per_row)
        dash = f' stroke-dasharray="{s.dash}"' if s.dash else ""
        out.append(
            f'<line x1="{lx}" x2="{lx + 22}" y1="{ly - 4}" y2="{ly - 4}" '
            f'stroke="{s.colour}" stroke-width="3"{dash}/>'
        )
        room = (width - 12) / per_row - 27 - 4  # to the next column or the edge
        fit = (  # a label longer than its room is drawn narrower, not cut off at the edge
            f' textLength="{room:.0f}" lengthAdjust="spacingAndGlyphs"'
            if len(text) * CHAR_WIDTH > room
            else ""
        )
        out.append(
            f'<text x="{lx + 27}" y="{ly}" font-size="{TEXT}" class="samenspel-legend"{fit}>'
            f"{esc(text)}</text>"
        )
    out.append("</svg>")
    return "".join(out)


def bar_chart(
    labels: Sequence[str],
    means: Sequence[float],
    lows: Sequence[float],
    highs: Sequence[float],
    title: str,
    colours: Sequence[str] | None = None,
    fmt: Fmt = lambda v: f"{v:g}",
    width: int = 240,
    height: int = 200,
    name: str = "",
) -> str:
    """Bars with error bars (an interval per bar), numbered; labels in a legend.

    Args:
        labels: One label per bar (shown as numbers 1, 2, ... under the bars, and
            with the value and interval when pointed at).
        means: Bar heights; NaN draws no bar.
        lows: Lower ends of the intervals (NaN: no interval).
        highs: Upper ends of the intervals.
        title: Panel title.
        colours: One colour per bar (default: the palette).
        fmt: Formats tick values.
        width: Width in SVG units.
        height: Height in SVG units.
        name: Value of the ``data-chart`` attribute.

    """
    colours = list(colours or PALETTE[: len(labels)])
    left, right, bottom = 48.0, 8.0, 20.0
    title_lines = _wrap(title, int((width - 8) / 7.2))
    top = 12.0 + 16 * len(title_lines)
    pw, ph = width - left - right, height - top - bottom
    m, lo, hi = (np.asarray(v, float) for v in (means, lows, highs))
    vals = np.concatenate([m, lo, hi, [0.0]])
    vals = vals[np.isfinite(vals)]
    y0, y1 = float(min(vals.min(), 0.0)), float(max(vals.max(), 0.0))
    if y1 - y0 < 1e-12:
        y1 = y0 + 1.0
    y1 += 0.06 * (y1 - y0)

    def py(y: float) -> float:
        return top + (1.0 - (y - y0) / (y1 - y0)) * ph

    out = [
        f'<svg class="samenspel-chart" data-chart="{esc(name)}" viewBox="0 0 {width} '
        f'{height}" width="100%" role="img" aria-label="{esc(title)}" '
        f'xmlns="http://www.w3.org/2000/svg">',
    ]
    for i, line in enumerate(title_lines):
        out.append(
            f'<text x="4" y="{16 + 16 * i}" font-size="{TEXT + 1}" font-weight="600">'
            f"{esc(line)}</text>"
        )
    for tv in nice_ticks(y0, y1, 4):
        y = py(tv)
        out.append(
            f'<line x1="{left}" x2="{left + pw}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e3e3"/>'
        )
        out.append(
            f'<text x="{left - 4}" y="{y + 4:.1f}" font-size="{TEXT}" text-anchor="end" '
            f'fill="#444">{esc(fmt(tv))}</text>'
        )
    slot = pw / max(len(labels), 1)
    for k in range(len(labels)):
        cx = left + slot * (k + 0.5)
        if np.isfinite(m[k]):
            ya, yb = sorted((py(m[k]), py(0.0)))
            tip = _bar_tip(labels[k], m[k], lo[k], hi[k], fmt)
            out.append(
                f'<rect x="{cx - 0.32 * slot:.1f}" y="{ya:.1f}" width="{0.64 * slot:.1f}" '
                f'height="{max(yb - ya, 0.5):.1f}" fill="{colours[k % len(colours)]}" '
                f'data-tip="{esc(tip)}"/>'
            )
        if np.isfinite(lo[k]) and np.isfinite(hi[k]):
            a, b = py(lo[k]), py(hi[k])
            out.append(
                f'<path d="M{cx:.1f} {a:.1f}V{b:.1f}M{cx - 5:.1f} {a:.1f}h10'
                f'M{cx - 5:.1f} {b:.1f}h10" stroke="#222" stroke-width="1.2" '
                f'fill="none" data-low="{lo[k]:g}" data-high="{hi[k]:g}"/>'
            )
        out.append(
            f'<text x="{cx:.1f}" y="{top + ph + 15}" font-size="{TEXT}" '
            f'text-anchor="middle">{k + 1}</text>'
        )
    out.append(
        f'<line x1="{left}" x2="{left + pw}" y1="{py(0.0):.1f}" y2="{py(0.0):.1f}" stroke="#888"/>'
    )
    out.append("</svg>")
    return "".join(out)


def hbar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    lows: Sequence[float],
    highs: Sequence[float],
    title: str,
    reference: tuple[float, float, float] | None = None,
    reference_label: str = "",
    strong: Sequence[bool] | None = None,
    fmt: Fmt = lambda v: f"{v:g}",
    width: int = 520,
    name: str = "",
) -> str:
    """Horizontal bars with intervals, a label left of each, an optional reference line.

    Made for the part of an effect each mechanism carries: one bar per mechanism, its
    95 % interval as a whisker, the whole effect as a dashed line with its interval
    shaded (``reference`` = (value, low, high)). Bars in ``strong`` are dark (clear),
    the others light. Labels are written out at 12 units, so the chart stays legible
    on a projector.

    Args:
        labels: One label per bar, written left of it.
        values: Bar lengths (NaN: no bar).
        lows: Lower ends of the intervals (NaN: none).
        highs: Upper ends of the intervals.
        title: Chart title.
        reference: The effect and its interval, drawn across the bars.
        reference_label: Names the reference line in the legend.
        strong: Which bars are clear (dark); default all.
        fmt: Formats tick values.
        width: Width in SVG units.
        name: Value of the ``data-chart`` attribute.

    """
    n = len(labels)
    strong = list(strong) if strong is not None else [True] * n
    chars = max(len(x) for x in labels) if n else 0
    left = min(12 + CHAR_WIDTH * chars, width * 0.45)
    right, row = 14.0, 24.0
    title_lines = _wrap(title, int((width - 8) / 7.2))
    top = 12.0 + 16 * len(title_lines) + 6
    pw = width - left - right
    height = top + row * n + 40 + (18 if reference else 0)
    v, lo, hi = (np.asarray(x, float) for x in (values, lows, highs))
    ref = np.asarray(reference if reference else [], float)
    vals = np.concatenate([v, lo, hi, ref, [0.0]])
    vals = vals[np.isfinite(vals)]
    x0, x1 = float(min(vals.min(), 0.0)), float(max(vals.max(), 0.0))
    if x1 - x0 < 1e-12:
        x1 = x0 + 1.0
    pad = 0.05 * (x1 - x0)
    x0, x1 = x0 - (pad if x0 < 0 else 0.0), x1 + pad

    def px(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * pw

    bottom = top + row * n
    out = [
        f'<svg class="samenspel-chart" data-chart="{esc(name)}" viewBox="0 0 {width} '
        f'{height:.0f}" width="100%" role="img" aria-label="{esc(title)}" '
        f'xmlns="http://www.w3.org/2000/svg">',
    ]
    for i, line in enumerate(title_lines):
        out.append(
            f'<text x="4" y="{16 + 16 * i}" font-size="{TEXT + 1}" font-weight="600">'
            f"{esc(line)}</text>"
        )
    if reference:
        _, e_lo, e_hi = reference
        if np.isfinite(e_lo) and np.isfinite(e_hi):
            out.append(
                f'<rect x="{px(min(e_lo, e_hi)):.1f}" y="{top}" '
                f'width="{abs(px(e_hi) - px(e_lo)):.1f}" height="{row * n}" fill="#f2c14e" '
                f'fill-opacity="0.3"/>'
            )
    for tv in nice_ticks(x0, x1, 4):
        x = px(tv)
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{bottom}" stroke="#e3e3e3"/>')
        out.append(
            f'<text x="{x:.1f}" y="{bottom + 15}" font-size="{TEXT}" text-anchor="middle" '
            f'fill="#444">{esc(fmt(tv))}</text>'
        )
    out.append(
        f'<line x1="{px(0.0):.1f}" x2="{px(0.0):.1f}" y1="{top}" y2="{bottom}" stroke="#222"/>'
    )
    for k in range(n):
        cy = top + row * (k + 0.5)
        out.append(
            f'<text x="{left - 6}" y="{cy + 4:.1f}" font-size="{TEXT}" text-anchor="end">'
            f"{esc(labels[k])}</text>"
        )
        if np.isfinite(v[k]):
            a, b = sorted((px(v[k]), px(0.0)))
            colour = "#1f5f8b" if strong[k] else "#b8c4cc"
            tip = _bar_tip(labels[k], v[k], lo[k], hi[k], fmt)
            out.append(
                f'<rect x="{a:.1f}" y="{cy - 0.3 * row:.1f}" width="{max(b - a, 0.5):.1f}" '
                f'height="{0.6 * row:.1f}" fill="{colour}" data-clear="{int(strong[k])}" '
                f'data-tip="{esc(tip)}"/>'
            )
        if np.isfinite(lo[k]) and np.isfinite(hi[k]):
            a, b = px(lo[k]), px(hi[k])
            out.append(
                f'<path d="M{a:.1f} {cy:.1f}H{b:.1f}M{a:.1f} {cy - 4:.1f}v8M{b:.1f} {cy - 4:.1f}v8" '
                f'stroke="#222" stroke-width="1.2" fill="none"/>'
            )
    if reference:
        x = px(reference[0])
        out.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{bottom}" stroke="#c0392b" '
            f'stroke-width="1.6" stroke-dasharray="5 3" class="samenspel-reference"/>'
        )
        ly = bottom + 34
        out.append(
            f'<line x1="8" x2="30" y1="{ly - 4}" y2="{ly - 4}" stroke="#c0392b" '
            f'stroke-width="2" stroke-dasharray="5 3"/>'
            f'<text x="36" y="{ly}" font-size="{TEXT}">{esc(reference_label)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def _bar_tip(label: str, value: float, low: float, high: float, fmt: Fmt) -> str:
    """The hover text of a bar: its label, value and interval (page script, ``layout``)."""
    tip = f"{label}: {fmt(value)}"
    if np.isfinite(low) and np.isfinite(high):
        tip += f" ({fmt(low)} – {fmt(high)})"
    return tip


def _wrap(text: str, chars: int) -> list[str]:
    """``text`` in lines of at most about ``chars`` characters (at most two lines)."""
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > chars:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])]
    return lines


__all__ = [
    "DASHES",
    "PALETTE",
    "Series",
    "auto_range",
    "bar_chart",
    "esc",
    "hbar_chart",
    "line_chart",
]
