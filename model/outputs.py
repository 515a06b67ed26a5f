"""Outputs: the weekly gauges and the end-of-run summary.

Weekly (one row per week in Mesa's DataCollector):
- ``share_<mode>``: share of the open cases in each mode;
- ``familiarity``, ``disagreement``: means over formal-informal pairs (a
  professional and an informal actor active in its area);
- ``goal_uncertainty``: mean over professionals and informal actors;
- ``regard_formal``, ``regard_informal``: mean regard for the other side per side;
- ``ei_index``: Krackhardt's E-I index of strong ties (familiarity >= 0.5);
- ``brokerage_share``: intermediated / (intermediated + co-production) among open
  cases (how much of the collaboration runs through coordinators);
- running counts of the case events.

The summary counts every case once, in its mode (closed cases and those still open
at the end), and labels the run's regime from the last year: the largest mean weekly
share of open cases among co-existence, intermediated and co-production (``"none"``
if no open case involved both sides in that year).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np

from .cases import COEXISTENCE, COPRODUCTION, INTERMEDIATED, MODE_NAMES
from .ties import disagreement

if TYPE_CHECKING:
    from .neighbourhood import Neighbourhood

COUNTERS = ("late_escalations", "instrumentalisations", "referrals",
            "referrals_taken_seriously", "silent_reached", "discontinuities", "clashes",
            "wijktafel_attendance", "reflection_participation")
GAUGES = (*(f"share_{m}" for m in MODE_NAMES),
          "familiarity", "disagreement", "goal_uncertainty", "regard_formal",
          "regard_informal", "ei_index", "brokerage_share", "open_cases", *COUNTERS)
REGIMES = {COEXISTENCE: "co-existence", INTERMEDIATED: "intermediated",
           COPRODUCTION: "co-production"}
STRONG_TIE = 0.5
BETWEENNESS_SAMPLE = 500  # larger graphs (city scale) use sampled betweenness


def _shares(modes: np.ndarray) -> np.ndarray:
    counts = np.bincount(modes, minlength=len(MODE_NAMES)).astype(float)
    total = counts.sum()
    return counts / total if total else np.full(len(MODE_NAMES), np.nan)


def brokerage(shares: np.ndarray) -> float:
    """Share of collaboration (intermediated + co-production) via coordinators."""
    collab = shares[INTERMEDIATED] + shares[COPRODUCTION]
    return float(shares[INTERMEDIATED] / collab) if collab > 0 else float("nan")


def measure(model: Neighbourhood) -> dict[str, float]:
    """Compute this week's gauges."""
    a, ties = model.actors, model.ties
    shares = _shares(model.cases.modes(model.cases.active_ids()))
    out: dict[str, float] = {f"share_{m}": float(s) for m, s in zip(MODE_NAMES, shares,
                                                                      strict=True)}
    f, i = ties.formal, ties.informal
    out["familiarity"] = ties.cross_mean()
    out["disagreement"] = (float(disagreement(a, ties.cross_i, ties.cross_j).mean())
                           if len(ties.cross_i) else float("nan"))
    members = np.concatenate([f, i])
    out["goal_uncertainty"] = float(a["uncertainty"][members].mean())
    out["regard_formal"] = float(a["regard"][f].mean()) if len(f) else float("nan")
    out["regard_informal"] = float(a["regard"][i].mean()) if len(i) else float("nan")
    out["ei_index"] = ties.ei_index(STRONG_TIE)
    out["brokerage_share"] = brokerage(shares)
    out["open_cases"] = float(len(model.cases.active_ids()))
    for k in COUNTERS:
        out[k] = float(model.counters[k])
    return out


def tie_graph(model: Neighbourhood, strong: float = STRONG_TIE) -> nx.Graph:
    """Graph of the actors with an edge for every tie with familiarity >= ``strong``."""
    g = nx.Graph()
    a = model.actors
    for i in range(len(a["kind"])):
        g.add_node(i, kind=int(a["kind"][i]), side=int(a["side"][i]))
    rows, cols, values = model.ties.strong_pairs(strong)
    g.add_weighted_edges_from(
        (int(r), int(c), float(v)) for r, c, v in zip(rows, cols, values, strict=True))
    return g


def regime(model: Neighbourhood, last_weeks: int = 52) -> str:
    """Regime label from the joint modes of the open cases over the last year.

    The mean weekly share of open cases in co-existence, intermediated and
    co-production over the last ``last_weeks`` weeks; the largest names the regime.
    ``"none"`` when no case involved both sides in that period.
    """
    tail = model.datacollector.get_model_vars_dataframe().tail(last_weeks)
    means = {code: tail[f"share_{MODE_NAMES[code]}"].mean() for code in REGIMES}
    means = {code: float(v) for code, v in means.items() if v == v and v > 0}
    if not means:
        return "none"
    return REGIMES[max(means, key=means.get)]


def summarise(model: Neighbourhood) -> dict[str, Any]:
    """End-of-run summary: case modes over all cases, final gauges, events, regime."""
    modes = model.cases.modes()
    shares = _shares(modes)
    out: dict[str, Any] = {"weeks": model.week, "cases": len(modes)}
    out.update({f"share_{m}": float(s) for m, s in zip(MODE_NAMES, shares, strict=True)})
    out["brokerage_share"] = brokerage(shares)
    out["informal_uptake"] = float(np.nansum(shares[1:]))
    last = measure(model)
    for k in ("familiarity", "disagreement", "goal_uncertainty", "regard_formal",
              "regard_informal", "ei_index"):
        out[k] = last[k]
    for k in COUNTERS:
        out[k] = int(model.counters[k])
    g = tie_graph(model)
    coords = [n for n, d in g.nodes(data=True) if d["kind"] == 2]
    btw = {}
    if g.number_of_edges():  # exact up to BETWEENNESS_SAMPLE nodes, sampled beyond
        k = BETWEENNESS_SAMPLE if g.number_of_nodes() > BETWEENNESS_SAMPLE else None
        seed = int(model.rng_decisions.integers(2**31)) if k else None
        btw = nx.betweenness_centrality(g, k=k, seed=seed)
    out["coordinator_betweenness"] = (float(np.mean([btw.get(c, 0.0) for c in coords]))
                                      if coords else float("nan"))
    out["regime"] = regime(model)
    return out
