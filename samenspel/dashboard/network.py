"""The network view: a fixed layout of the actors and their ties drawn as SVG.

Mesa's space renderer computes a new spring layout at every redraw, which is slow and
makes nodes jump. Here the layout is computed once per model, from what does not
change during a run (each actor's kind and organisation), so a user sees ties appear
and fade while the nodes stay put:

- the wijkteam professionals form a disc on the left (the formal side);
- the coordinators stand in a column in the middle, in between the two sides;
- each coordinator's volunteers form a small disc to its right, at its height;
- the residents' organisations form a column on the far right.

Ties are the familiarity of each pair of drawn actors (``model.ties.get(i, j)``, which
also works when a world has several districts), drawn when at least ``TIE_MIN``: the
stronger, the thicker and darker. Formal-informal ties are solid vermillion, ties with a
coordinator dashed blue, ties within one side dotted grey: told apart by dash pattern as
well as by colour. The drawing is plain SVG text, built in a few milliseconds; its
legend is page text (``legend_html``), so it never shrinks with the drawing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .palette import BLACK, BLUE, GREEN, GREY, ORANGE, VERMILLION

WIDTH, HEIGHT = 760, 460
TIE_MIN = 0.15
MAX_PER_KIND = 150
"""At most this many actors of each kind are drawn (large custom worlds)."""

KIND_STYLE = {  # kind -> (colour, shape, radius)
    0: (BLUE, "square", 6.0),
    1: (ORANGE, "circle", 4.5),
    2: (GREEN, "diamond", 9.0),
    3: (BLACK, "triangle", 7.0),
}
TIE_COLOURS = {"within": GREY, "broker": BLUE, "cross": VERMILLION}
TIE_DASHES = {"within": "2 3", "broker": "7 4", "cross": ""}
"""Tie classes differ by dash pattern as well as colour (colour blindness)."""
_GOLDEN = math.pi * (3.0 - math.sqrt(5.0))
_BINS = np.array([TIE_MIN, 0.3, 0.5, 0.7, 0.85, 1.0001])


@dataclass(frozen=True)
class Layout:
    """Positions of the drawn actors, computed once per model.

    Attributes:
        nodes: Indices (rows of ``model.actors``) of the drawn actors.
        xy: Pixel positions, one row per drawn actor.
        kind: Kind code of each drawn actor.
        side: Side code of each drawn actor (0 formal, 1 informal, 2 intermediary).
        total: Number of actors in the model.

    """

    nodes: np.ndarray
    xy: np.ndarray
    kind: np.ndarray
    side: np.ndarray
    total: int


def _disc(n: int, cx: float, cy: float, radius: float) -> np.ndarray:
    """``n`` evenly spread points in a disc (a sunflower pattern)."""
    i = np.arange(n) + 0.5
    r = radius * np.sqrt(i / max(n, 1))
    a = i * _GOLDEN
    return np.column_stack([cx + r * np.cos(a), cy + r * np.sin(a)])


def _column(n: int, x: float, top: float, bottom: float) -> np.ndarray:
    ys = np.linspace(top, bottom, n) if n > 1 else np.array([(top + bottom) / 2] * n)
    return np.column_stack([np.full(n, x), ys])


def compute_layout(
    kind: np.ndarray, side: np.ndarray, affiliation: np.ndarray, max_per_kind: int = MAX_PER_KIND
) -> Layout:
    """The fixed layout for a model's actors.

    Args:
        kind: Kind code per actor (0 professional, 1 volunteer, 2 coordinator,
            3 residents' organisation).
        side: Side code per actor.
        affiliation: The coordinator (actor index) each volunteer belongs to, or -1.
        max_per_kind: Draw at most this many actors of each kind.

    """
    kind = np.asarray(kind)
    drawn = np.concatenate([np.flatnonzero(kind == k)[:max_per_kind] for k in range(4)])
    drawn.sort()
    pos = np.zeros((len(kind), 2))
    h, m = HEIGHT, 30.0
    pros = np.flatnonzero(kind == 0)[:max_per_kind]
    pos[pros] = _disc(len(pros), 0.19 * WIDTH, 0.5 * h, min(0.4 * h, 18 * math.sqrt(len(pros))))
    coords = np.flatnonzero(kind == 2)[:max_per_kind]
    pos[coords] = _column(len(coords), 0.46 * WIDTH, m + 20, h - m - 20)
    vols = np.flatnonzero(kind == 1)[:max_per_kind]
    groups: dict[int, list[int]] = {}
    for v in vols:
        groups.setdefault(int(affiliation[v]) if affiliation[v] in coords else -1, []).append(v)
    slot = (h - 2 * m) / max(len(coords), 1)
    for c, members in groups.items():
        cy = pos[c, 1] if c >= 0 else 0.5 * h
        radius = min(0.48 * slot if c >= 0 else 0.4 * h, 11 * math.sqrt(len(members)))
        pos[members] = _disc(len(members), 0.68 * WIDTH, cy, max(radius, 8.0))
    orgs = np.flatnonzero(kind == 3)[:max_per_kind]
    col = _column(len(orgs), 0.9 * WIDTH, m, h - m)
    col[1::2, 0] += 0.04 * WIDTH  # zig-zag so the triangles do not touch
    pos[orgs] = col
    return Layout(
        nodes=drawn, xy=pos[drawn], kind=kind[drawn], side=np.asarray(side)[drawn], total=len(kind)
    )


def _shape(shape: str, x: float, y: float, r: float, colour: str, extra: str = "") -> str:
    style = f'fill="{colour}" stroke="#ffffff" stroke-width="1"{extra}'
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {style}/>'
    if shape == "square":
        return (
            f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" '
            f'height="{2 * r:.1f}" {style}/>'
        )
    if shape == "diamond":
        pts = f"{x:.1f},{y - r:.1f} {x + r:.1f},{y:.1f} {x:.1f},{y + r:.1f} {x - r:.1f},{y:.1f}"
    else:  # triangle
        pts = f"{x:.1f},{y - r:.1f} {x + r:.1f},{y + 0.8 * r:.1f} {x - r:.1f},{y + 0.8 * r:.1f}"
    return f'<polygon points="{pts}" {style}/>'


def tie_classes(side: np.ndarray) -> np.ndarray:
    """Class of every pair: 0 within one side, 1 with a coordinator, 2 formal-informal."""
    s = np.asarray(side)
    broker = (s[:, None] == 2) | (s[None, :] == 2)
    cross = ((s[:, None] == 0) & (s[None, :] == 1)) | ((s[:, None] == 1) & (s[None, :] == 0))
    return np.where(cross, 2, np.where(broker, 1, 0))


def drawn_familiarity(ties: Any, nodes: np.ndarray) -> np.ndarray:
    """Familiarity among the drawn actors, as a square array (nodes x nodes).

    Uses ``ties.get(i, j)`` (zero across districts); a plain square matrix
    (``ties.familiarity``) is sliced instead where ``get`` is missing.
    """
    nodes = np.asarray(nodes)
    if hasattr(ties, "get"):
        return np.asarray(ties.get(nodes[:, None], nodes[None, :]), dtype=float)
    return np.asarray(ties.familiarity, dtype=float)[np.ix_(nodes, nodes)]


def network_svg(
    layout: Layout,
    familiarity: np.ndarray,
    title: str = "",
    picked: int = -1,
) -> str:
    """The network as an SVG element (no text in it: the legend is ``legend_html``).

    Args:
        layout: The fixed layout (``compute_layout``).
        familiarity: Familiarity among the drawn actors (``drawn_familiarity``), in
            the order of ``layout.nodes``.
        title: What the drawing shows, for screen readers.
        picked: The actor (row of ``model.actors``) the user clicked, drawn black.

    """
    xy = layout.xy
    fam = np.asarray(familiarity, dtype=float)
    cls = tie_classes(layout.side)
    rows, cols = np.nonzero(np.triu(fam >= TIE_MIN, 1))
    strength = fam[rows, cols]
    pair_cls = cls[rows, cols]
    level = np.digitize(strength, _BINS) - 1
    parts = []
    names = ("within", "broker", "cross")
    for c in (0, 1, 2):
        for b in range(len(_BINS) - 1):
            sel = (pair_cls == c) & (level == b)
            if not sel.any():
                continue
            f = 0.5 * (_BINS[b] + min(_BINS[b + 1], 1.0))
            d = " ".join(
                f"M{xy[i, 0]:.1f} {xy[i, 1]:.1f}L{xy[j, 0]:.1f} {xy[j, 1]:.1f}"
                for i, j in zip(rows[sel], cols[sel], strict=True)
            )
            dash = TIE_DASHES[names[c]]
            parts.append(
                f'<path d="{d}" stroke="{TIE_COLOURS[names[c]]}" '
                + (f'stroke-dasharray="{dash}" ' if dash else "")
                + f'stroke-width="{0.3 + 2.6 * f * f:.2f}" '
                f'stroke-opacity="{0.06 + 0.6 * f * f:.2f}" fill="none"/>'
            )
    for k in (0, 1, 3, 2):  # coordinators on top
        colour, shape, r = KIND_STYLE[k]
        for j in np.flatnonzero(layout.kind == k):
            x, y = xy[j]
            actor = f' data-actor="{int(layout.nodes[j])}" class="samenspel-actor"'
            parts.append(
                _shape(
                    shape,
                    x,
                    y,
                    r + (1.5 if int(layout.nodes[j]) == picked else 0),
                    "#000000" if int(layout.nodes[j]) == picked else colour,
                    actor,
                )
            )
    n_cross = int((pair_cls == 2).sum())
    return (
        f'<svg class="samenspel-network" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" preserveAspectRatio="xMidYMid meet" '
        f'data-ties="{len(rows)}" data-cross-ties="{n_cross}" '
        f'xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{_esc(title)}">'
        + "".join(parts)
        + "</svg>"
    )


def legend_html(kind_label: Callable[[int], str], tie_labels: Sequence[str], note: str = "") -> str:
    """The legend of the network as HTML (page text, so it never shrinks with the drawing).

    Args:
        kind_label: Name of an actor kind.
        tie_labels: Names of the tie classes: within, with coordinator, cross.
        note: A line under the legend (e.g. that not all actors are drawn).

    """
    items = []
    for k in (0, 2, 1, 3):
        colour, shape, _ = KIND_STYLE[k]
        icon = f'<svg width="16" height="16" viewBox="0 0 16 16">{_shape(shape, 8, 8, 6, colour)}</svg>'
        items.append(f"<span>{icon} {_esc(kind_label(k))}</span>")
    for name, text in zip(("within", "broker", "cross"), tie_labels, strict=True):
        dash = f' stroke-dasharray="{TIE_DASHES[name]}"' if TIE_DASHES[name] else ""
        icon = (
            f'<svg width="28" height="10" viewBox="0 0 28 10"><line x1="1" y1="5" x2="27" '
            f'y2="5" stroke="{TIE_COLOURS[name]}" stroke-width="3"{dash}/></svg>'
        )
        items.append(
            f'<span data-tie="{name}" data-colour="{TIE_COLOURS[name]}">{icon} {_esc(text)}</span>'
        )
    extra = f'<div style="color:#555">{_esc(note)}</div>' if note else ""
    return (
        '<div class="samenspel-network-legend" style="display:flex;flex-wrap:wrap;gap:4px 14px;'
        'font-size:13px;align-items:center">' + "".join(items) + "</div>" + extra
    )


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
