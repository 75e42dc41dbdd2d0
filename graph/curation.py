"""Applying a user's corrections to a graph that is already loaded.

Loads apply the curation file as they resolve (loaders/curation.py); articles
already in the graph are corrected here, by moving Statement nodes between persons
(their SUBJECT) or marking them rejected, then recomputing the tenures they touch,
so the result is the graph a fresh load with the curation file would give.
"""
from __future__ import annotations

from dataclasses import dataclass

from orggraph.graph.store import RelWrite, Store, StoreError
from orggraph.graph.tenures import refresh_tenures
from orggraph.loaders.normalize import fold, spelled_as

_KEPT = "(s.rejected IS NULL OR NOT s.rejected)"


@dataclass
class Outcome:
    moved: int = 0
    removed: int = 0

    def line(self) -> str:
        return f"{self.moved} statements moved, {self.removed} removed (rejected: kept in the graph, marked)"


def person_exists(store: Store, key: str) -> str:
    rows = store.read("MATCH (p:Person {key: $key}) RETURN p.name", {"key": key}).rows
    if not rows:
        raise StoreError(f"no person with key {key!r} (see `orggraph recipe people --param name=…`)")
    return rows[0][0]


def _attended(store: Store, key: str) -> list[dict]:
    rows = []
    for label in ("Congress", "Event"):
        rows += [dict(r, label=label) for r in store.read(
            f"MATCH (p:Person {{key: $key}})-[t:ATTENDED]->(e:{label}) RETURN e.key AS target, t.role AS role",
            {"key": key}).dicts()]
    return rows


def _mentions(store: Store, key: str) -> list[str]:
    return [r[0] for r in store.read("MATCH (a:Article)-[:MENTIONS]->(p:Person {key: $key}) RETURN a.key",
                                     {"key": key}).rows]


def _move_statements(store: Store, statements: list[str], old: str, new: str) -> None:
    """The statements are now about `new` (their SUBJECT moves)."""
    if not statements:
        return
    store.write("UNWIND $keys AS k MATCH (s:Statement {key: k})-[r:SUBJECT]->(p:Person {key: $old}) DELETE r",
                {"keys": statements, "old": old})
    store.create_relationships(RelWrite("SUBJECT", "Statement", "Person"), [{"src": k, "dst": new} for k in statements])


def _write_held(store: Store, person: str, positions: list[str]) -> None:
    store.merge_relationships(RelWrite("HELD_OFFICE", "Person", "Position"),
                              [{"src": person, "dst": x} for x in positions])


def _write_attended(store: Store, person: str, row: dict) -> None:
    spec = RelWrite("ATTENDED", "Person", row["label"], ("role",))
    store.merge_relationships(spec, [{"src": person, "dst": row["target"], "role": row.get("role")}])


def _write_mentions(store: Store, person: str, articles: list[str]) -> None:
    spec = RelWrite("MENTIONS", "Article", "Person", ("sentence", "reported"))
    store.merge_relationships(spec, [{"src": a, "dst": person, "sentence": None, "reported": None} for a in articles])


def move_persons(store: Store, into: dict[str, str]) -> int:
    """Everything said of each absorbed person (a key of `into`) is said of the person it
    goes into: its statements (their SUBJECT), posts, attendance and mentions, in a few
    batched writes; the absorbed nodes are removed and the tenures they touched
    recomputed.  Runs inside the caller's transaction; returns the statements moved."""
    absorbed = sorted(into)
    if not absorbed:
        return 0
    held = sorted({(into[p], x) for p, x in store.read(
        "UNWIND $keys AS k MATCH (p:Person {key: k})-[:HELD_OFFICE]->(x:Position) RETURN p.key, x.key",
        {"keys": absorbed}).rows})
    store.merge_relationships(RelWrite("HELD_OFFICE", "Person", "Position"), [{"src": a, "dst": b} for a, b in held])
    statements = store.read("UNWIND $keys AS k MATCH (s:Statement)-[:SUBJECT]->(p:Person {key: k}) "
                            "RETURN s.key AS s, p.key AS old", {"keys": absorbed}).dicts()
    if statements:
        store.write("UNWIND $rows AS r MATCH (s:Statement {key: r.s}) WITH s, r "
                    "MATCH (s)-[e:SUBJECT]->(p:Person) WHERE p.key = r.old DELETE e",
                    {"rows": statements})
        store.create_relationships(RelWrite("SUBJECT", "Statement", "Person"),
                                   [{"src": row["s"], "dst": into[row["old"]]} for row in statements])
    for label in ("Congress", "Event"):
        rows = {(into[p], e): {"src": into[p], "dst": e, "role": role} for p, e, role in store.read(
            f"UNWIND $keys AS k MATCH (p:Person {{key: k}})-[t:ATTENDED]->(e:{label}) RETURN p.key, e.key, t.role",
            {"keys": absorbed}).rows}
        store.merge_relationships(RelWrite("ATTENDED", "Person", label, ("role",)), list(rows.values()))
    mentions = sorted({(a, into[p]) for p, a in store.read(
        "UNWIND $keys AS k MATCH (a:Article)-[:MENTIONS]->(p:Person {key: k}) RETURN p.key, a.key",
        {"keys": absorbed}).rows})
    store.merge_relationships(RelWrite("MENTIONS", "Article", "Person", ("sentence", "reported")),
                              [{"src": a, "dst": k, "sentence": None, "reported": None} for a, k in mentions])
    store.write("UNWIND $keys AS k MATCH (p:Person {key: k}) DETACH DELETE p", {"keys": absorbed})
    refresh_tenures(store, held)
    return len(statements)


def merge_persons(store: Store, keep: str, absorb: list[str]) -> Outcome:
    """Everything said of the absorbed persons is said of `keep`; they are removed."""
    person_exists(store, keep)
    others = [key for key in absorb if key != keep]
    for key in others:
        person_exists(store, key)
    with store.transaction():
        return Outcome(moved=move_persons(store, {key: keep for key in others}))


def split_person(store: Store, key: str, sources: list[str], new_key: str) -> Outcome:
    """What the articles `sources` say of `key` is said of a new person `new_key`."""
    name = person_exists(store, key)
    articles = {r[0] for r in store.read("MATCH (a:Article) WHERE a.source IN $sources RETURN a.key",
                                         {"sources": sources}).rows}
    if not articles:
        raise StoreError(f"none of these articles is loaded: {', '.join(sources)}")
    outcome = Outcome()
    with store.transaction():
        store.merge_nodes("Person", [{"key": new_key, "name": name, "search": fold(name), "aliases": []}],
                          ["name", "search", "aliases"])
        said = "MATCH (a:Article)-[:STATES]->(s:Statement)-[:SUBJECT]->(p:Person {key: $key}), (s)-[:OBJECT]->"
        params = {"key": key, "articles": sorted(articles)}
        held = store.read(said + "(x:Position) WHERE a.key IN $articles RETURN s.key, x.key", params).rows
        roles = {r["target"]: r for r in _attended(store, key)}
        attended = [row for label in ("Congress", "Event") for row in store.read(
            said + f"(e:{label}) WHERE a.key IN $articles RETURN s.key, e.key", params).rows]
        _move_statements(store, [s for s, _ in held + attended], key, new_key)
        outcome.moved += len(held) + len(attended)
        positions = sorted({x for _, x in held})
        _write_held(store, new_key, positions)
        for target in sorted({e for _, e in attended}):
            _write_attended(store, new_key, roles[target])
            if not store.read("MATCH (p:Person {key: $key})<-[:SUBJECT]-(s:Statement)-[:OBJECT]->(e {key: $e}) "
                              "RETURN count(s)", {"key": key, "e": target}).rows[0][0]:
                store.write(f"MATCH (p:Person {{key: $key}})-[t:ATTENDED]->(e:{roles[target]['label']} {{key: $e}}) "
                            "DELETE t", {"key": key, "e": target})
        mentioned = [a for a in _mentions(store, key) if a in articles]
        _write_mentions(store, new_key, mentioned)
        store.write("UNWIND $articles AS a MATCH (:Article {key: a})-[m:MENTIONS]->(p:Person {key: $key}) DELETE m",
                    {"articles": mentioned, "key": key})
        refresh_tenures(store, [(p, x) for x in positions for p in (key, new_key)])
    return outcome


def add_alias(store: Store, key: str, alias: str) -> Outcome:
    """Record another spelling; a person node under that spelling is merged in."""
    name = person_exists(store, key)
    aliases = store.read("MATCH (p:Person {key: $key}) RETURN p.aliases", {"key": key}).rows[0][0] or []
    outcome = Outcome()
    others = [k for k, other in store.read("MATCH (p:Person) WHERE p.search = $search AND p.key <> $key "
                                           "RETURN p.key, p.name", {"search": fold(alias), "key": key}).rows
              if spelled_as(alias, other)]
    if others:
        outcome = merge_persons(store, key, others)
    if alias not in aliases and not spelled_as(alias, name):
        store.write("MATCH (p:Person {key: $key}) SET p.aliases = $aliases", {"key": key, "aliases": aliases + [alias]})
    return outcome


def reject_statements(store: Store, person: str, title: str, organization: str, source: str | None) -> Outcome:
    """Mark rejected the statements that a person held a title at an organization (from
    one article, or all); tenures and facts leave them out."""
    found = store.read(
        "MATCH (a:Article)-[:STATES]->(s:Statement)-[:SUBJECT]->(p:Person), "
        "(s)-[:OBJECT]->(x:Position)-[:OF]->(o:Organization) "
        f"WHERE p.search = $person AND x.search = $title AND o.search = $organization AND {_KEPT} "
        "RETURN s.key AS statement, p.key AS person, p.name AS name, x.key AS position, a.source AS source",
        {"person": fold(person), "title": fold(title), "organization": fold(organization)}).dicts()
    found = [row for row in found if spelled_as(person, row["name"])]
    if not found:
        raise StoreError(f"no statement that {person} held {title} at {organization}")
    if source:
        if not store.read("MATCH (a:Article {source: $source}) RETURN a.key", {"source": source}).rows:
            raise StoreError(f"no article with source {source!r}")
        found = [row for row in found if row["source"] == source]
    outcome = Outcome(removed=len(found))
    with store.transaction():
        store.write("UNWIND $keys AS k MATCH (s:Statement {key: k}) SET s.rejected = true",
                    {"keys": [row["statement"] for row in found]})
        refresh_tenures(store, [(row["person"], row["position"]) for row in found])
    return outcome
