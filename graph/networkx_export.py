"""The whole graph as one GraphML or GEXF file (`orggraph export graph --format graphml|gexf`),
for Gephi, Cytoscape and networkx users.

Built as a networkx MultiDiGraph: node ids are `Label:key` (as in the Neo4j CSVs); each node
has `label` (its name, which Gephi shows), `type` (Person, Organization, …) and its properties;
each edge has `relationship` (HELD_OFFICE, …) and its properties.
Neither format stores lists or nulls: a list is written as a JSON array in a string, a null
property is left out.
"""
from __future__ import annotations

import json
import os

import networkx as nx

from orggraph.graph.copy import iter_node_batches, iter_relationship_batches, node_keys
from orggraph.graph.model import NODES, RELATIONSHIPS
from orggraph.graph.store import Store, StoreError

FORMATS = ("graphml", "gexf")


def _attributes(row: dict, props) -> dict:
    out = {}
    for prop in props:
        value = row.get(prop)
        if value is None:
            continue
        out[prop] = json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value
    return out


def to_networkx(store: Store) -> nx.MultiDiGraph:
    """Every node and relationship of the model in one networkx graph."""
    graph = nx.MultiDiGraph()
    keys: dict[str, list[str]] = {}
    for node in NODES:
        keys[node.name] = node_keys(store, node.name)
        for rows in iter_node_batches(store, node, keys[node.name]):
            for row in rows:
                graph.add_node(f"{node.name}:{row['key']}", label=row.get("name") or row["key"], type=node.name,
                               **_attributes(row, node.properties))
    for rel in RELATIONSHIPS:
        for from_label, to_label in rel.pairs:
            for rows in iter_relationship_batches(store, rel, from_label, to_label, keys[from_label]):
                for row in rows:
                    graph.add_edge(f"{from_label}:{row['src']}", f"{to_label}:{row['dst']}", relationship=rel.name,
                                   **_attributes(row, rel.properties))
    return graph


def write_graph_file(store: Store, path: str, fmt: str) -> nx.MultiDiGraph:
    """Write the graph to `path` as GraphML or GEXF; return it (for its counts)."""
    if fmt not in FORMATS:
        raise StoreError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if os.path.isdir(path):
        raise StoreError(f"{path} is a directory; give a file name such as graph.{fmt}")
    graph = to_networkx(store)
    if fmt == "graphml":
        nx.write_graphml(graph, path, named_key_ids=True)
    else:
        nx.write_gexf(graph, path)
    return graph
