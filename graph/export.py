"""The facts export: one row per statement as stored in the graph (design.md
"Facts export"; the evaluation reads it): the Statement nodes with their article,
subject and object, and the congresses articles mention.
"""
from __future__ import annotations

from typing import Iterator

from orggraph.graph.store import Store

FACT_COLUMNS = {
    "held_office": ["fact", "person", "title", "organization", "status", "as_of", "source", "evidence", "basis",
                    "confidence"],
    "subordinate_to": ["fact", "child", "parent", "source", "evidence"],
    "congress": ["fact", "name", "organization", "ordinal", "term", "date", "reported", "source", "evidence"],
    "attended": ["fact", "person", "event", "role", "source", "evidence"],
}
# Statements with their article and subject; a statement the user rejected is not a fact.
_STATED = "MATCH (a:Article)-[:STATES]->(s:Statement)-[:SUBJECT]->(p:Person),"
_KEPT = "(s.rejected IS NULL OR NOT s.rejected)"
ALL_COLUMNS = list(dict.fromkeys(c for cols in FACT_COLUMNS.values() for c in cols))


def iter_facts(store: Store, min_confidence: float | None = None) -> Iterator[dict]:
    """Every fact, sorted; with `min_confidence`, held-office statements less sure than it
    are left out (the other facts carry no confidence of their own: 1.0)."""
    rows: list[dict] = []
    for row in store.read(
            f"{_STATED} (s)-[:OBJECT]->(x:Position)-[:OF]->(o:Organization) WHERE s.fact = 'held_office' AND {_KEPT} "
            "AND ($min IS NULL OR s.confidence >= $min) "
            "RETURN p.name AS person, x.title AS title, o.name AS organization, s.status AS status, s.as_of AS as_of, "
            "a.source AS source, s.sentence AS evidence, s.basis AS basis, s.confidence AS confidence, s.seq AS seq",
            {"min": min_confidence}).dicts():
        rows.append({"fact": "held_office", **row})
    for row in store.read(
            "MATCH (a:Article)-[:STATES]->(s:Statement)-[:SUBJECT]->(c:Organization), (s)-[:OBJECT]->(p:Organization) "
            "WHERE s.fact = 'subordinate_to' RETURN c.name AS child, p.name AS parent, a.source AS source, "
            "s.sentence AS evidence, s.seq AS seq").dicts():
        rows.append({"fact": "subordinate_to", **row})
    congresses = store.read(
        "MATCH (a:Article)-[m:MENTIONS]->(c:Congress)-[:OF]->(o:Organization) "
        "RETURN c.name, o.name, c.ordinal, c.term_start, c.term_end, c.start_date, m.reported, a.source, m.sentence")
    for name, org, ordinal, term_start, term_end, date, reported, source, sentence in congresses.rows:
        term = f"{term_start}-{term_end}" if term_start and term_end else None
        rows.append({"fact": "congress", "name": name, "organization": org, "ordinal": ordinal, "term": term,
                     "date": date if reported else None, "reported": bool(reported), "source": source,
                     "evidence": sentence})
    for row in store.read(
            f"{_STATED} (s)-[:OBJECT]->(e), (p)-[t:ATTENDED]->(e) WHERE s.fact = 'attended' "
            "RETURN p.name AS person, e.name AS event, t.role AS role, a.source AS source, s.sentence AS evidence, "
            "s.seq AS seq").dicts():
        rows.append({"fact": "attended", **row})
    order = list(FACT_COLUMNS)
    # Every column in the key: the order is the same whatever order the store returned rows in.
    rows.sort(key=lambda r: (str(r["source"]), order.index(r["fact"]), str(r.get("person") or r.get("name") or
                                                                          r.get("child") or ""),
                             *(str(r.get(column)) for column in ALL_COLUMNS), r.get("seq") or 0))
    for row in rows:
        row.pop("seq", None)
        yield row
