"""The summary's betweenness equals networkx's, bit for bit (exact and sampled)."""

from __future__ import annotations

import networkx as nx
import pytest

from samenspel.model.outputs import betweenness


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
