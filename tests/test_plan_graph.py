"""The planner's task graph (planner/plan/graph.py): a topological order that is the same on every run."""

from __future__ import annotations

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from planner.plan.graph import TaskGraph, topological_order


@st.composite
def dags(draw: st.DrawFn) -> TaskGraph:
    """Random DAGs whose edges may point either way in id order, duplicates kept out."""
    n = draw(st.integers(min_value=0, max_value=25))
    rank = draw(st.permutations(range(n)))  # edges go from lower to higher rank: no cycle
    pairs = draw(st.lists(st.tuples(st.integers(0, max(n - 1, 0)), st.integers(0, max(n - 1, 0))), max_size=60))
    children: list[dict[int, None]] = [{} for _ in range(n)]
    for a, b in pairs:
        if n and rank[a] < rank[b]:
            children[a][b] = None
    return TaskGraph(tuple(tuple(c) for c in children))


@given(dags())
def test_every_dependency_comes_before_its_dependents(graph: TaskGraph) -> None:
    order = topological_order(graph)
    assert sorted(order) == list(range(len(graph.children)))
    position = {tid: i for i, tid in enumerate(order)}
    assert all(position[a] < position[b] for a, kids in enumerate(graph.children) for b in kids)


@given(dags())
def test_the_order_is_the_one_networkx_gives_so_plans_did_not_change(graph: TaskGraph) -> None:
    digraph: nx.DiGraph[int] = nx.DiGraph()
    digraph.add_nodes_from(range(len(graph.children)))
    digraph.add_edges_from((a, b) for a, kids in enumerate(graph.children) for b in kids)
    assert topological_order(graph) == list(nx.topological_sort(digraph))
