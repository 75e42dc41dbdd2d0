"""The articles and sentences behind a relationship, read from its statements.

HELD_OFFICE, SUBORDINATE_TO and ATTENDED hold no provenance themselves (each statement
is a Statement node linking its Article, subject and object); the pictures show it
beside the relationship as `sources` (Article keys) and `evidence` (sentences), in load
order, leaving out statements the user rejected.
"""
from __future__ import annotations

from typing import Iterable

from orggraph.graph.store import Store

STATED = ("HELD_OFFICE", "SUBORDINATE_TO", "ATTENDED")  # the relationships statements stand behind


def attach_evidence(store: Store, items: Iterable[tuple[dict, str, str]]) -> None:
    """Set `sources` and `evidence` on each relationship dict of `items` (dict, subject
    key, object key) from the statements about that subject and object."""
    items = [item for item in items if isinstance(item[0], dict)]
    pairs = sorted({(a, b) for _, a, b in items})
    said: dict[tuple[str, str], list[tuple]] = {}
    if pairs:
        for a, b, article, sentence, seq in store.read(
                "UNWIND $pairs AS r MATCH (x {key: r.src})<-[:SUBJECT]-(s:Statement)-[:OBJECT]->(y {key: r.dst}), "
                "(t:Article)-[:STATES]->(s) WHERE s.rejected IS NULL OR NOT s.rejected "
                "RETURN r.src, r.dst, t.key, s.sentence, s.seq", {"pairs": [{"src": a, "dst": b} for a, b in pairs]}
        ).rows:
            said.setdefault((a, b), []).append((seq, article, sentence))
    for props, a, b in items:
        rows = sorted(said.get((a, b), []), key=lambda row: row[0])
        props["sources"] = [article for _, article, _ in rows]
        props["evidence"] = [sentence for _, _, sentence in rows]
