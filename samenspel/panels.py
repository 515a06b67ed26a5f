"""The grid of a figure of many small panels, in numbers: no matplotlib here.

``samenspel.figures`` draws its panel figures on this grid, and ``samenspel.compare``
splits the outcome figure into bands of rows drawn in its pool's workers. The command
that splits needs only these numbers, so it does not import matplotlib (about 0.7 s
of CPU, while its workers are busy) for them.
"""

from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


def panel_grid(
    size: tuple[float, float],
    rows: int,
    columns: int,
    top: float,
    bottom: float,
    left: float = 0.55,
    right: float = 0.15,
    gap: tuple[float, float] = (0.5, 0.5),
) -> dict[str, float]:
    """Gridspec keywords for a grid of panels with margins and gaps in inches.

    A fixed layout for many alike panels: matplotlib's constrained layout measures
    every tick label of every panel to find the same margins (about half the time of
    drawing the 66-panel outcome figure). ``gap`` is (between columns, between rows):
    room for the y tick labels of the panel to the right, and for the x tick labels
    and the title of the panel below.
    """
    width, height = size
    panel_w = (width - left - right - gap[0] * (columns - 1)) / columns
    panel_h = (height - top - bottom - gap[1] * (rows - 1)) / rows
    return {
        "left": left / width,
        "right": 1.0 - right / width,
        "top": 1.0 - top / height,
        "bottom": bottom / height,
        "wspace": gap[0] / panel_w,
        "hspace": gap[1] / panel_h,
    }


def panel_rows(panels: int, columns: int) -> int:
    """Rows of a grid of ``panels`` panels, ``columns`` to a row (at least one)."""
    return max(1, math.ceil(panels / columns))


def outcome_rows(table: pd.DataFrame, columns: int = 4) -> int:
    """Rows of panels of ``outcome_bars`` for ``table`` (all its outcomes)."""
    return panel_rows(table["outcome"].nunique(), columns)


def split_rows(n_rows: int, parts: int) -> list[range]:
    """``range(n_rows)`` in at most ``parts`` runs of consecutive rows, as even as can be."""
    parts = max(1, min(parts, n_rows))
    edges = [round(k * n_rows / parts) for k in range(parts + 1)]
    return [range(a, b) for a, b in itertools.pairwise(edges)]
