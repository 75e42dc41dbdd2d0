"""The bulk path: a first load into an empty embedded store.

Creating rows one query at a time costs far more than LadybugDB's COPY FROM, but a
transaction that COPYs into tables already holding data commits slowly (it rewrites
what is there), so COPY pays only into empty tables.  A first load therefore gathers
every article's rows in memory (GraphBatch.absorb, as a group does), computes the
tenures in Python with the same rules (graph/tenures.settle), and writes everything
in one transaction of COPY statements at the end.  Killed before that commit, the
store stays empty and the next load starts over; later loads write group by group.
"""
from __future__ import annotations

from orggraph.graph.model import REL_TYPES
from orggraph.graph.store import RelWrite, Store
from orggraph.graph.tenures import Said, settle, stated
from orggraph.graph.writer import WriteOutcome, statement_links
from orggraph.loaders.resolve import GraphBatch


def is_empty(store: Store) -> bool:
    return store.read("MATCH (n) RETURN count(n)").rows[0][0] == 0


def bulk_write(store: Store, batch: GraphBatch) -> WriteOutcome:
    """Every row of `batch` (a whole load) into an empty store, in one transaction."""
    statements = batch.statements
    for seq, row in enumerate(statements):  # numbered in place: a first load holds every row once
        row["seq"] = seq
    said: Said = {}
    for row in statements:
        if row["fact"] == "held_office" and not row["rejected"]:
            said.setdefault((row["subject"], row["object"]), []).append(stated(row))
    single = {key for key, row in batch.nodes.get("Position", {}).items() if row.get("single_holder")}
    tenures = settle(said, {}, single)
    nodes = rels = 0
    with store.transaction():
        for label, rows in batch.nodes.items():
            store.bulk_nodes(label, list(rows.values()))
            nodes += len(rows)
        store.bulk_nodes("Statement", statements)
        nodes += len(statements)
        for rel_type, rows in batch.rels.items():
            groups: dict[RelWrite, list[dict]] = {}
            for (src, dst, to_label, from_label), row in rows.items():
                pair = next(p for p in REL_TYPES[rel_type].pairs
                            if p[1] == to_label and (from_label is None or p[0] == from_label))
                if rel_type == "HELD_OFFICE":
                    if (src, dst) not in tenures:
                        continue  # no statement it rests on
                    row = {**row, **tenures[(src, dst)]}
                groups.setdefault(RelWrite(rel_type, *pair), []).append(row)
            for spec, group in groups.items():
                store.bulk_relationships(spec, group)
                rels += len(group)
        for spec, group in statement_links(statements).items():
            store.bulk_relationships(spec, group)
            rels += len(group)
    return WriteOutcome(written=True, nodes=nodes, relationships=rels)
