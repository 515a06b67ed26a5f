"""What each outcome can be: its range, and how many decimals show it.

One declaration, read by the figures (``figures``), the printed comparison table
(``compare.print_outcomes``) and the dashboard (``dashboard.compare_draw``): a 95 %
t-interval of a mean is symmetric and can reach past what the outcome can be (below
0 for a count near 0, above 1 for a share near 1), so every place that *shows* an
interval shows it within the outcome's range. The tables written to files keep the
t-interval as computed (``ci_low``, ``ci_high``), for whoever analyses them further.

Every outcome of a run's summary and every weekly gauge is declared here (a test
checks it), so a new outcome has to say what it can be. This module imports nothing
heavy (NumPy only): the figures and the comparison both import it at module level.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .model.counter_names import COUNTERS

GROUPS = ("_non_migrant", "_migrant")
"""Suffixes of the per-group outcomes (the longer first: it ends with the shorter); a
group's outcome has its base's range."""

UNIT = frozenset(
    {
        # shares of cases by mode, and of collaboration via coordinators
        "share_formal_only",
        "share_informal_only",
        "share_coexistence",
        "share_intermediated",
        "share_coproduction",
        "brokerage_share",
        "informal_uptake",
        # the three o's and the us-them scales (means of 0-1 states)
        "familiarity",
        "disagreement",
        "felt_disagreement",
        "recognition",
        "goal_uncertainty",
        "regard_formal",
        "regard_informal",
        "ingroup_formal",
        "ingroup_informal",
        "threat",
        # shares of actors and cases
        "informal_knowing_pro",
        "pro_knowing_informal",
        "shared_known",
        "needs_resolved",
        "informal_source_share",
        # normalised betweenness
        "coordinator_betweenness",
    }
)
"""Outcomes between 0 and 1: shares, and means of states on a 0-1 scale."""

SIGNED_UNIT = frozenset({"ei_index"})
"""Outcomes between -1 and 1 (Krackhardt's E-I index)."""

NON_NEGATIVE = frozenset(
    {
        *COUNTERS,  # counts of case events
        "weeks",
        "cases",
        "open_cases",
        "cross_strong_ties",
        "good_contacts_formal",
        "bad_contacts_formal",
        "good_contacts_informal",
        "bad_contacts_informal",
        "unmet_need",
        "weeks_to_help",
        "escalations_per_100",
        "silent_left_per_100",
        "sources_per_case",
        "formal_sources_per_case",
        "informal_sources_per_case",
    }
)
"""Outcomes of 0 or more with no upper bound: counts, rates, means of counts."""


def base(name: str) -> str:
    """The outcome ``name`` is a group's version of (``unmet_need_migrant``), else itself."""
    for suffix in GROUPS:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def declared(name: str) -> bool:
    """Whether ``name`` (or the outcome it is a group's version of) is declared here."""
    return base(name) in UNIT | SIGNED_UNIT | NON_NEGATIVE


def bounds(name: str) -> tuple[float, float]:
    """The lowest and highest value outcome ``name`` can take (``-inf``, ``inf`` if unknown)."""
    key = base(name)
    if key in UNIT:
        return 0.0, 1.0
    if key in SIGNED_UNIT:
        return -1.0, 1.0
    if key in NON_NEGATIVE:
        return 0.0, math.inf
    return -math.inf, math.inf


def in_unit(name: str) -> bool:
    """Whether outcome ``name`` is a share or a 0-1 scale."""
    return base(name) in UNIT


def shown_low(name: str, low: Any) -> Any:
    """The lower end of an interval as shown: not below what ``name`` can be (NaN stays)."""
    floor = bounds(name)[0]
    return low if floor == -math.inf else np.maximum(low, floor)


def shown_high(name: str, high: Any) -> Any:
    """The upper end of an interval as shown: not above what ``name`` can be (NaN stays)."""
    ceiling = bounds(name)[1]
    return high if ceiling == math.inf else np.minimum(high, ceiling)


def digits(name: str, mean: float, low: float, high: float) -> int:
    """Decimals that show a mean and its interval: as many as the interval supports.

    Two significant digits of the interval's half-width (0 to 3 decimals): 19 [9; 29]
    late escalations, a share as 0.703 [0.689; 0.718]. Without an interval (NaN, or
    no width), the decimals of the outcome's kind (``decimals``).
    """
    half = (high - low) / 2
    if not math.isfinite(half) or half <= 0:
        return decimals(name, mean)
    return min(3, max(0, 1 - math.floor(math.log10(half))))


def fixed(x: float, places: int, signed: bool = False) -> str:
    """``x`` with ``places`` decimals (a sign before it if ``signed``), never ``-0.0``.

    A value that rounds to zero is written as zero: a difference of -0.0004 with three
    decimals is ``0.000`` (``+0.000`` signed), not ``-0.000``.
    """
    x = round(x, places) + 0.0  # -0.0 + 0.0 is 0.0
    return f"{x:+.{places}f}" if signed else f"{x:.{places}f}"


def decimals(name: str, value: float) -> int:
    """Decimals that show a mean of ``name``: 3 for 0-1 scales, 1 for counts (0 from 1000).

    A mean of counts over replicates, shown as 7.500, claims a precision the runs do
    not have; 7.5 says the same.
    """
    if base(name) in UNIT | SIGNED_UNIT:
        return 3
    return 0 if abs(value) >= 1000 else 1
