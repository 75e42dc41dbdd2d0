"""Writing one article's rows into a store: all of it in one transaction, or none.

The Article node's presence marks an article as loaded, and since it commits in the
same transaction as everything the article says, a crash leaves either the whole
article or nothing: a re-load of the same text is skipped before anything is written.
"""
from __future__ import annotations

from dataclasses import dataclass

from orggraph.graph.model import NODE_LABELS, REL_TYPES
from orggraph.graph.store import RelWrite, Store
from orggraph.loaders.resolve import GraphBatch
from orggraph.loaders.tenure import FIELDS as TENURE_FIELDS
from orggraph.loaders.tenure import Holder, Statement, apply_succession, compute_tenure

# Which relationship properties are overwritten and which accumulate across articles.
_REL_PROPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "HELD_OFFICE": ((), ("sources", "evidence", "stated_status", "stated_as_of", "stated_basis", "stated_congress")),
    "OF": ((), ()),
    "SUBORDINATE_TO": (("registry",), ("sources", "evidence")),
    "ATTENDED": (("role",), ("sources", "evidence")),
    "MENTIONS": (("sentence", "reported"), ()),
}


@dataclass
class WriteOutcome:
    written: bool
    nodes: int = 0
    relationships: int = 0


def is_loaded(store: Store, article_key: str) -> bool:
    return bool(store.read("MATCH (a:Article {key: $key}) RETURN count(a)", {"key": article_key}).rows[0][0])


def write_batch(store: Store, batch: GraphBatch, check_loaded: bool = True) -> WriteOutcome:
    """Merge one article's rows (or a group's, see GraphBatch.absorb); a no-op when the
    article is already loaded.  Loading checks a group's articles itself."""
    if check_loaded and is_loaded(store, batch.article_key):
        return WriteOutcome(written=False)
    nodes = rels = 0
    with store.transaction():
        # The Article first: its MENTIONS relationships need it.  A loaded article is
        # new (checked above, or by the loader), so it and its mentions are created.
        articles = list(batch.nodes["Article"].values())
        props = [p for p in NODE_LABELS["Article"].properties if p != "key"]
        store.create_nodes("Article", [{p: row.get(p) for p in ("key", *props)} for row in articles], props)
        nodes += len(articles)
        for label, rows in batch.nodes.items():
            if label == "Article":
                continue
            nodes += _merge_nodes(store, label, list(rows.values()))
        for rel_type, rows in batch.rels.items():
            for spec, group in _group_rel_rows(rel_type, rows).items():
                if rel_type == "MENTIONS":
                    store.create_relationships(spec, group)
                else:
                    store.merge_relationships(spec, group)
                rels += len(group)
        held = batch.rels.get("HELD_OFFICE", {})
        if held:
            refresh_tenures(store, [row["dst"] for row in held.values()],
                            [(row["src"], row["dst"]) for row in held.values()])
    return WriteOutcome(written=True, nodes=nodes, relationships=rels)


def _merge_nodes(store: Store, label: str, rows: list[dict]) -> int:
    props = [p for p in NODE_LABELS[label].properties if p != "key"]
    store.merge_nodes(label, [{p: row.get(p) for p in ("key", *props)} for row in rows], props)
    return len(rows)


def _group_rel_rows(rel_type: str, rows: dict[tuple, dict]) -> dict[RelWrite, list[dict]]:
    rel = REL_TYPES[rel_type]
    set_props, append_props = _REL_PROPS[rel_type]
    groups: dict[RelWrite, list[dict]] = {}
    for (_src, _dst, to_label, from_label), row in rows.items():
        pair = next(p for p in rel.pairs if p[1] == to_label and (from_label is None or p[0] == from_label))
        spec = RelWrite(rel_type, pair[0], pair[1], set_props, append_props)
        groups.setdefault(spec, []).append(row)
    return groups


_TENURE_INPUTS = "p.key, x.key, x.single_holder, h.stated_status, h.stated_as_of, h.stated_basis, h.stated_congress"


def refresh_tenures(store: Store, positions: list[str], pairs: list[tuple[str, str]] | None = None) -> None:
    """Recompute tenures from all their statements, then order the holders of
    single-holder posts (loaders/tenure.py).  A single-holder post needs all its holders;
    for other posts (a Central Committee has hundreds of members) only the (person,
    position) `pairs` an article touched, when given, are read again."""
    positions = sorted(set(positions))
    single = {row[0] for row in store.read(
        "UNWIND $positions AS k MATCH (x:Position {key: k}) WHERE x.single_holder RETURN x.key",
        {"positions": positions}).rows}
    found = store.read(
        f"UNWIND $positions AS k MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position {{key: k}}) RETURN {_TENURE_INPUTS}",
        {"positions": sorted(single) if pairs is not None else positions},
    ).rows
    if pairs is not None:
        others = [{"src": a, "dst": b} for a, b in sorted(set(pairs)) if b not in single]
        found += store.read(
            "UNWIND $pairs AS r MATCH (p:Person {key: r.src})-[h:HELD_OFFICE]->(x:Position {key: r.dst}) "
            f"RETURN {_TENURE_INPUTS}", {"pairs": others}).rows if others else []
    by_position: dict[tuple[str, bool], list[Holder]] = {}
    for person, position, single, statuses, dates, bases, congresses in found:
        count = len(statuses or [])
        statements = [Statement(st, d, b, c) for st, d, b, c in zip(
            statuses or [], dates or [], _padded(bases, count, "attested"), _padded(congresses, count, ""))]
        holder = Holder(person, compute_tenure(statements))
        by_position.setdefault((position, bool(single)), []).append(holder)
    updates = []
    for (position, single), holders in by_position.items():
        if single:
            apply_succession(holders)
        for holder in holders:
            updates.append({"src": holder.person, "dst": position,
                            **{f: holder.tenure.get(f) for f in TENURE_FIELDS}})
    if updates:
        sets = ", ".join(f"h.{f} = r.{f}" for f in TENURE_FIELDS)
        store.write(
            "UNWIND $rows AS r MATCH (p:Person {key: r.src})-[h:HELD_OFFICE]->(x:Position {key: r.dst}) SET " + sets,
            {"rows": updates},
        )


def _padded(values: list | None, count: int, filler: str) -> list:
    """Statements written before a property existed have shorter arrays."""
    values = list(values or [])
    return values + [filler] * (count - len(values))
