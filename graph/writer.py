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
from orggraph.graph.tenures import refresh_tenures

# Which relationship properties are set when a relationship is merged (tenures are set
# by refresh_tenures; what each article says is a Statement node).
_REL_PROPS: dict[str, tuple[str, ...]] = {
    "HELD_OFFICE": (),
    "OF": (),
    "SUBORDINATE_TO": ("registry",),
    "ATTENDED": ("role",),
    "MENTIONS": ("sentence", "reported"),
}
_STATEMENT_PROPS = [p for p in NODE_LABELS["Statement"].properties if p != "key"]


@dataclass
class WriteOutcome:
    written: bool
    nodes: int = 0
    relationships: int = 0


def is_loaded(store: Store, article_key: str) -> bool:
    return bool(store.read("MATCH (a:Article {key: $key}) RETURN count(a)", {"key": article_key}).rows[0][0])


def write_batch(store: Store, batch: GraphBatch, check_loaded: bool = True,
                first_seq: int | None = None) -> WriteOutcome:
    """Merge one article's rows (or a group's, see GraphBatch.absorb); a no-op when the
    article is already loaded.  Loading checks a group's articles itself, and numbers
    statements on from `first_seq` (else from the last in the store)."""
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
        if batch.statements:
            nodes += len(batch.statements)
            rels += write_statements(store, batch.statements, first_seq)
        held = batch.rels.get("HELD_OFFICE", {})
        if held:
            refresh_tenures(store, [(row["src"], row["dst"]) for row in held.values()])
    return WriteOutcome(written=True, nodes=nodes, relationships=rels)


def _merge_nodes(store: Store, label: str, rows: list[dict]) -> int:
    props = [p for p in NODE_LABELS[label].properties if p != "key"]
    store.merge_nodes(label, [{p: row.get(p) for p in ("key", *props)} for row in rows], props)
    return len(rows)


def _group_rel_rows(rel_type: str, rows: dict[tuple, dict]) -> dict[RelWrite, list[dict]]:
    rel = REL_TYPES[rel_type]
    groups: dict[RelWrite, list[dict]] = {}
    for (_src, _dst, to_label, from_label), row in rows.items():
        pair = next(p for p in rel.pairs if p[1] == to_label and (from_label is None or p[0] == from_label))
        props = _REL_PROPS[rel_type]
        if rel_type == "SUBORDINATE_TO" and row.get("stated"):
            props = (*props, "stated")  # set only true: an edge a statement rests on stays stated
        spec = RelWrite(rel_type, pair[0], pair[1], props)
        groups.setdefault(spec, []).append(row)
    return groups


def next_seq(store: Store) -> int:
    """The `seq` the next statement gets: statements are numbered in load order."""
    last = store.read("MATCH (s:Statement) RETURN max(s.seq)").rows[0][0]
    return 0 if last is None else last + 1


def statement_rows(statements: list[dict], first: int) -> list[dict]:
    """The Statement nodes' rows, numbered in load order from `first` (with what they link)."""
    return [{**row, "seq": first + i} for i, row in enumerate(statements)]


def statement_links(statements: list[dict]) -> dict[RelWrite, list[dict]]:
    """Each statement's article (STATES), subject and object, by relationship and labels."""
    links: dict[RelWrite, list[dict]] = {}
    for row in statements:
        links.setdefault(RelWrite("STATES", "Article", "Statement"), []).append({"src": row["article"],
                                                                                "dst": row["key"]})
        links.setdefault(RelWrite("SUBJECT", "Statement", row["subject_label"]), []).append(
            {"src": row["key"], "dst": row["subject"]})
        links.setdefault(RelWrite("OBJECT", "Statement", row["object_label"]), []).append(
            {"src": row["key"], "dst": row["object"]})
    return links


def write_statements(store: Store, statements: list[dict], first: int | None = None) -> int:
    """Statements are new with their article: created, numbered in load order, and
    linked to article, subject and object."""
    rows = statement_rows(statements, next_seq(store) if first is None else first)
    store.create_nodes("Statement", rows, _STATEMENT_PROPS)
    for spec, group in statement_links(statements).items():
        store.create_relationships(spec, group)
    return 3 * len(statements)
