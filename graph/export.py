"""The facts export: one row per statement as stored in the graph (design.md
"Facts export"; the evaluation reads it).

Provenance arrays on relationships are aligned index by index; they are zipped
here, in Python, because list indexing differs between the Cypher dialects.
"""
from __future__ import annotations

from typing import Iterator

from orggraph.graph.store import Store

FACT_COLUMNS = {
    "held_office": ["fact", "person", "title", "organization", "status", "as_of", "source", "evidence"],
    "subordinate_to": ["fact", "child", "parent", "source", "evidence"],
    "congress": ["fact", "name", "organization", "ordinal", "term", "date", "reported", "source", "evidence"],
    "attended": ["fact", "person", "event", "role", "source", "evidence"],
}
ALL_COLUMNS = list(dict.fromkeys(c for cols in FACT_COLUMNS.values() for c in cols))


def iter_facts(store: Store) -> Iterator[dict]:
    sources = dict(store.read("MATCH (a:Article) RETURN a.key, a.source").rows)
    rows: list[dict] = []
    held = store.read(
        "MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position)-[:OF]->(o:Organization) "
        "RETURN p.name, x.title, o.name, h.sources, h.evidence, h.stated_status, h.stated_as_of")
    for person, title, org, srcs, evidence, statuses, dates in held.rows:
        for src, sentence, status, as_of in zip(srcs or [], evidence or [], statuses or [], dates or []):
            rows.append({"fact": "held_office", "person": person, "title": title, "organization": org,
                         "status": status, "as_of": as_of, "source": sources.get(src, src), "evidence": sentence})
    subs = store.read("MATCH (c:Organization)-[s:SUBORDINATE_TO]->(p:Organization) "
                      "RETURN c.name, p.name, s.sources, s.evidence")
    for child, parent, srcs, evidence in subs.rows:
        for src, sentence in zip(srcs or [], evidence or []):
            rows.append({"fact": "subordinate_to", "child": child, "parent": parent,
                         "source": sources.get(src, src), "evidence": sentence})
    congresses = store.read(
        "MATCH (a:Article)-[m:MENTIONS]->(c:Congress)-[:OF]->(o:Organization) "
        "RETURN c.name, o.name, c.ordinal, c.term_start, c.term_end, c.start_date, m.reported, a.source, m.sentence")
    for name, org, ordinal, term_start, term_end, date, reported, source, sentence in congresses.rows:
        term = f"{term_start}-{term_end}" if term_start and term_end else None
        rows.append({"fact": "congress", "name": name, "organization": org, "ordinal": ordinal, "term": term,
                     "date": date if reported else None, "reported": bool(reported), "source": source,
                     "evidence": sentence})
    attended = store.read("MATCH (p:Person)-[t:ATTENDED]->(e) RETURN p.name, e.name, t.role, t.sources, t.evidence")
    for person, event, role, srcs, evidence in attended.rows:
        for src, sentence in zip(srcs or [], evidence or []):
            rows.append({"fact": "attended", "person": person, "event": event, "role": role,
                         "source": sources.get(src, src), "evidence": sentence})
    order = list(FACT_COLUMNS)
    # Every column in the key: the order is the same whatever order the store returned rows in.
    rows.sort(key=lambda r: (str(r["source"]), order.index(r["fact"]), str(r.get("person") or r.get("name") or
                                                                          r.get("child") or ""),
                             *(str(r.get(column)) for column in ALL_COLUMNS)))
    yield from rows
