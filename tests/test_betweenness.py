"""The summary's betweenness equals networkx's, bit for bit (exact and sampled)."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from samenspel.model.outputs import betweenness
from samenspel.model.state import Kind


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_sampled_betweenness_matches_networkx_on_a_graph_in_many_pieces(seed):
    g = nx.gnm_random_graph(300, 260, seed=seed)  # many small components
    g.add_nodes_from(range(300, 340))  # isolated nodes, as actors without strong ties
    ours = betweenness(g, k=120, seed=seed + 7)
    theirs = nx.betweenness_centrality(g, k=120, seed=seed + 7)
    assert list(ours) == list(theirs)
    assert all(ours[v] == theirs[v] for v in g)


@pytest.mark.parametrize("seed", [0, 1])
def test_exact_betweenness_matches_networkx(seed):
    g = nx.gnm_random_graph(60, 90, seed=seed)
    ours, theirs = betweenness(g), nx.betweenness_centrality(g)
    assert all(ours[v] == theirs[v] for v in g)


def test_tiny_graphs_are_left_unscaled_like_networkx():
    g = nx.path_graph(2)
    assert betweenness(g) == nx.betweenness_centrality(g)


@pytest.mark.parametrize("areas", [1, 8])
def test_coordinator_betweenness_is_networkx_on_the_tie_graph(areas):
    """The summary's layout of the strong ties (no graph built) walks as networkx does."""
    from samenspel.model import Neighbourhood
    from samenspel.model.outputs import BETWEENNESS_SAMPLE, coordinator_betweenness, tie_graph

    model = Neighbourhood(3, n_areas=areas, weeks=30)
    model.run_model()
    g = tie_graph(model)
    assert g.number_of_edges() > 0
    sampled = g.number_of_nodes() > BETWEENNESS_SAMPLE
    assert sampled == (areas > 1)
    k, seed = (BETWEENNESS_SAMPLE, model.summary_seed) if sampled else (None, None)
    btw = nx.betweenness_centrality(g, k=k, seed=seed)
    coords = [v for v, kind in g.nodes(data="kind") if kind == Kind.COORDINATOR]
    assert coordinator_betweenness(model) == float(np.mean([btw[c] for c in coords]))
