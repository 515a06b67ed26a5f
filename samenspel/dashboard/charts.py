"""Small SVG charts: weekly curves (with optional bands) and bars with intervals.

The pages redraw their curves after every simulated week; a matplotlib figure of three
panels takes about 0.7 s here, far over the 300 ms budget for a step and a redraw.
These charts are plain SVG text (a millisecond or two), drawn by the browser, and
their labels come in the session's language. Figures to download (PNG) are made by
``samenspel.figures``, the same as ``samenspel compare`` writes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)
Fmt = Callable[[float], str]


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

    """

    label: str
    x: Sequence[float] | np.ndarray
    y: Sequence[float] | np.ndarray
    colour: str
    low: Sequence[float] | np.ndarray | None = None
    high: Sequence[float] | np.ndarray | None = None


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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


def _segments(xs: np.ndarray, ys: np.ndarray) -> list[np.ndarray]:
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


def line_chart(
    series: Sequence[Series],
    title: str,
    y_range: tuple[float, float] | None = None,
    x_label: str = "",
    fmt: Fmt = lambda v: f"{v:g}",
    width: int = 420,
    height: int = 250,
    name: str = "",
    x_span: float = 1.0,
) -> str:
    """A line chart with a title, axes, optional bands and a legend below.

    Args:
        series: The lines.
        title: Chart title.
        y_range: Fixed y range; default from the data.
        x_label: Label of the x axis.
        fmt: Formats tick values (decimal comma in Dutch).
        width: Width in pixels (the SVG scales to its container).
        height: Height of the plot area plus axes, in pixels.
        name: Value of the ``data-chart`` attribute (for tests and styling).
        x_span: The x axis covers at least this much (e.g. a year of weeks).

    """
    left, right, top = 44.0, 10.0, 26.0
    bottom = 30.0 if x_label else 20.0
    per_row = 2 if max((len(s.label) for s in series), default=0) * 6.2 < (width - 70) / 2 else 1
    legend_rows = max(1, math.ceil(len(series) / per_row))
    total_h = height + 18 * legend_rows + 6
    pw, ph = width - left - right, height - top - bottom
    xs_all = np.concatenate([np.asarray(s.x, float) for s in series]) if series else np.zeros(1)
    x0, x1 = (float(np.nanmin(xs_all)), float(np.nanmax(xs_all))) if xs_all.size else (0, 1)
    x1 = max(x1, x0 + x_span)
    if y_range is None:
        vals = [np.asarray(v, float) for s in series for v in (s.y, s.low, s.high) if v is not None]
        flat = np.concatenate(vals) if vals else np.zeros(1)
        flat = flat[np.isfinite(flat)]
        y0, y1 = (float(flat.min()), float(flat.max())) if flat.size else (0.0, 1.0)
        if y1 - y0 < 1e-9:
            y0, y1 = y0 - 0.5, y1 + 0.5
        pad = 0.05 * (y1 - y0)
        y0, y1 = y0 - pad, y1 + pad
    else:
        y0, y1 = y_range

    def px(x: np.ndarray) -> np.ndarray:
        return left + (np.asarray(x, float) - x0) / (x1 - x0) * pw

    def py(y: np.ndarray) -> np.ndarray:
        return top + (1.0 - (np.clip(np.asarray(y, float), y0, y1) - y0) / (y1 - y0)) * ph

    out = [
        f'<svg class="samenspel-chart" data-chart="{_esc(name)}" '
        f'viewBox="0 0 {width} {total_h}" width="100%" xmlns="http://www.w3.org/2000/svg">',
        f'<text x="{left}" y="16" font-size="13" font-weight="600">{_esc(title)}</text>',
    ]
    for tv in nice_ticks(y0, y1):
        y = float(py(np.array(tv)))
        out.append(
            f'<line x1="{left}" x2="{left + pw}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e3e3"/>'
        )
        out.append(
            f'<text x="{left - 5}" y="{y + 4:.1f}" font-size="10" text-anchor="end" '
            f'fill="#555">{_esc(fmt(tv))}</text>'
        )
    for tv in nice_ticks(x0, x1, 6):
        x = float(px(np.array(tv)))
        out.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top + ph}" y2="{top + ph + 4}" stroke="#888"/>'
        )
        out.append(
            f'<text x="{x:.1f}" y="{top + ph + 15}" font-size="10" text-anchor="middle" '
            f'fill="#555">{tv:g}</text>'
        )
    out.append(f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="#bbb"/>')
    if x_label:
        out.append(
            f'<text x="{left + pw / 2}" y="{top + ph + 27}" font-size="10" '
            f'text-anchor="middle" fill="#555">{_esc(x_label)}</text>'
        )
    for s in series:
        xs, ys = np.asarray(s.x, float), np.asarray(s.y, float)
        if s.low is not None and s.high is not None:
            lo, hi = np.asarray(s.low, float), np.asarray(s.high, float)
            for idx in _segments(xs, lo + hi):
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
                    f'fill-opacity="0.18" stroke="none"/>'
                )
        for idx in _segments(xs, ys):
            pts = " ".join(
                f"{a:.1f},{b:.1f}" for a, b in zip(px(xs[idx]), py(ys[idx]), strict=True)
            )
            if len(idx) == 1:
                out.append(
                    f'<circle cx="{px(xs[idx])[0]:.1f}" cy="{py(ys[idx])[0]:.1f}" r="2" '
                    f'fill="{s.colour}"/>'
                )
            else:
                out.append(
                    f'<polyline points="{pts}" fill="none" stroke="{s.colour}" '
                    f'stroke-width="1.6" data-series="{_esc(s.label)}"/>'
                )
    for k, s in enumerate(series):
        lx = left + (k % per_row) * (pw / 2)
        ly = height + 12 + 18 * (k // per_row)
        out.append(
            f'<line x1="{lx}" x2="{lx + 16}" y1="{ly - 4}" y2="{ly - 4}" '
            f'stroke="{s.colour}" stroke-width="3"/>'
        )
        out.append(f'<text x="{lx + 21}" y="{ly}" font-size="11">{_esc(s.label)}</text>')
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
    width: int = 260,
    height: int = 190,
    name: str = "",
) -> str:
    """Bars with error bars (an interval per bar), numbered; labels in a legend.

    Args:
        labels: One label per bar (shown as numbers 1, 2, ... under the bars).
        means: Bar heights; NaN draws no bar.
        lows: Lower ends of the intervals (NaN: no interval).
        highs: Upper ends of the intervals.
        title: Panel title.
        colours: One colour per bar (default: the palette).
        fmt: Formats tick values.
        width: Width in pixels.
        height: Height in pixels.
        name: Value of the ``data-chart`` attribute.

    """
    colours = list(colours or PALETTE[: len(labels)])
    left, right, top, bottom = 44.0, 8.0, 24.0, 18.0
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
        f'<svg class="samenspel-chart" data-chart="{_esc(name)}" viewBox="0 0 {width} '
        f'{height}" width="100%" xmlns="http://www.w3.org/2000/svg">',
        f'<text x="4" y="15" font-size="12" font-weight="600">{_esc(title)}</text>',
    ]
    for tv in nice_ticks(y0, y1, 5):
        y = py(tv)
        out.append(
            f'<line x1="{left}" x2="{left + pw}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e3e3"/>'
        )
        out.append(
            f'<text x="{left - 4}" y="{y + 4:.1f}" font-size="10" text-anchor="end" '
            f'fill="#555">{_esc(fmt(tv))}</text>'
        )
    slot = pw / max(len(labels), 1)
    for k in range(len(labels)):
        cx = left + slot * (k + 0.5)
        if np.isfinite(m[k]):
            ya, yb = sorted((py(m[k]), py(0.0)))
            out.append(
                f'<rect x="{cx - 0.32 * slot:.1f}" y="{ya:.1f}" width="{0.64 * slot:.1f}" '
                f'height="{max(yb - ya, 0.5):.1f}" fill="{colours[k % len(colours)]}">'
                f"<title>{_esc(labels[k])}: {_esc(fmt(m[k]))}</title></rect>"
            )
        if np.isfinite(lo[k]) and np.isfinite(hi[k]):
            a, b = py(lo[k]), py(hi[k])
            out.append(
                f'<path d="M{cx:.1f} {a:.1f}V{b:.1f}M{cx - 5:.1f} {a:.1f}h10'
                f'M{cx - 5:.1f} {b:.1f}h10" stroke="#222" stroke-width="1.2" '
                f'fill="none"/>'
            )
        out.append(
            f'<text x="{cx:.1f}" y="{top + ph + 13}" font-size="10" '
            f'text-anchor="middle">{k + 1}</text>'
        )
    out.append(
        f'<line x1="{left}" x2="{left + pw}" y1="{py(0.0):.1f}" y2="{py(0.0):.1f}" stroke="#888"/>'
    )
    out.append("</svg>")
    return "".join(out)
