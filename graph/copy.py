"""Copy a graph from one store to another without re-extracting: `orggraph copy --to-neo4j URI`.

Every node label and relationship type of graph.model is read with its properties from
the source (the embedded store) and written to the target in batches, through the
target's own `merge_nodes`/`merge_relationships`: MERGE on `key`, every property set
to the source's value.  Running it again changes nothing, and it never deletes what
only the target holds.  Nodes come first (all labels), then relationships, each batch
in one transaction, retried when the target reports a transient error.

Reading is batched too: the keys of one label are read once (small), then nodes and
the relationships leaving them are fetched by key, batch after batch, so memory stays
bounded by the batch size rather than the graph.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterator

from orggraph.graph.model import NODES, RELATIONSHIPS, NodeLabel, RelType
from orggraph.graph.store import RelWrite, Store, StoreError

BATCH_SIZE = 1000
RETRIES = 3


@dataclass
class CopySummary:
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def node_count(self) -> int:
        return sum(self.nodes.values())

    @property
    def relationship_count(self) -> int:
        return sum(self.relationships.values())

    def line(self) -> str:
        return (f"copied {self.node_count} nodes and {self.relationship_count} relationships "
                f"in {self.seconds:.1f} s")


def node_keys(store: Store, label: str) -> list[str]:
    return sorted(row[0] for row in store.read(f"MATCH (n:{label}) RETURN n.key").rows if row[0] is not None)


def iter_node_batches(store: Store, node: NodeLabel, keys: list[str],
                      batch_size: int = BATCH_SIZE) -> Iterator[list[dict]]:
    """Rows of `key` and every property of the label, batch by batch."""
    props = list(node.properties)
    for start in range(0, len(keys), batch_size):
        found = store.read(f"UNWIND $keys AS k MATCH (n:{node.name} {{key: k}}) RETURN n",
                           {"keys": keys[start:start + batch_size]}).rows
        yield [{p: _value(row[0], p) for p in props} for row in found]


def iter_relationship_batches(store: Store, rel: RelType, from_label: str, to_label: str, from_keys: list[str],
                              batch_size: int = BATCH_SIZE) -> Iterator[list[dict]]:
    """Rows of `src`, `dst` and every property of the type, for relationships leaving
    `from_keys` (batch by batch) towards `to_label`."""
    props = list(rel.properties)
    for start in range(0, len(from_keys), batch_size):
        found = store.read(
            f"UNWIND $keys AS k MATCH (a:{from_label} {{key: k}})-[r:{rel.name}]->(b:{to_label}) "
            "RETURN a.key, b.key, r", {"keys": from_keys[start:start + batch_size]}).rows
        if found:
            yield [{"src": src, "dst": dst, **{p: _value(r, p) for p in props}} for src, dst, r in found]


def copy_graph(source: Store, target: Store, *, batch_size: int = BATCH_SIZE,
               on_progress: Callable[[CopySummary], None] | None = None) -> CopySummary:
    """Copy every node and relationship of the model from `source` into `target`."""
    started = time.perf_counter()
    summary = CopySummary()
    target.setup_schema()
    keys: dict[str, list[str]] = {}
    for node in NODES:
        keys[node.name] = node_keys(source, node.name)
        props = [p for p in node.properties if p != "key"]
        summary.nodes[node.name] = 0
        for rows in iter_node_batches(source, node, keys[node.name], batch_size):
            _write(target, lambda rows=rows, label=node.name: target.merge_nodes(label, rows, props))
            summary.nodes[node.name] += len(rows)
            summary.seconds = time.perf_counter() - started
            if on_progress:
                on_progress(summary)
    for rel in RELATIONSHIPS:
        summary.relationships[rel.name] = 0
        for from_label, to_label in rel.pairs:
            spec = RelWrite(rel.name, from_label, to_label, tuple(rel.properties))
            for rows in iter_relationship_batches(source, rel, from_label, to_label, keys[from_label], batch_size):
                _write(target, lambda rows=rows, spec=spec: target.merge_relationships(spec, rows))
                summary.relationships[rel.name] += len(rows)
                summary.seconds = time.perf_counter() - started
                if on_progress:
                    on_progress(summary)
    summary.seconds = time.perf_counter() - started
    return summary


def graph_counts(store: Store) -> dict[str, int]:
    """How many nodes of each label and relationships of each type the store holds."""
    counts = {}
    for node in NODES:
        counts[node.name] = store.read(f"MATCH (n:{node.name}) RETURN count(n)").rows[0][0]
    for rel in RELATIONSHIPS:
        counts[rel.name] = store.read(f"MATCH ()-[r:{rel.name}]->() RETURN count(r)").rows[0][0]
    return counts


def _write(target: Store, work: Callable[[], None]) -> None:
    """One batch in one transaction; again (a few times) when the error is transient."""
    for attempt in range(1, RETRIES + 1):
        try:
            with target.transaction():
                work()
            return
        except StoreError as exc:
            if not getattr(exc, "transient", False) or attempt == RETRIES:
                raise
            time.sleep(0.5 * attempt)


def _value(entity, prop: str):
    return entity.get(prop) if isinstance(entity, dict) else None
