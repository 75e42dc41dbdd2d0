"""Applying a user's corrections to a graph that is already loaded.

Loads apply the curation file as they resolve (loaders/curation.py); articles
already in the graph are corrected here, by moving statements between nodes with
the same batched writes loading uses, so the result is the graph a fresh load
with the curation file would give.
"""
from __future__ import annotations

from dataclasses import dataclass

from orggraph.graph.store import RelWrite, Store, StoreError
from orggraph.graph.writer import refresh_tenures
from orggraph.loaders.normalize import fold

_HELD_ARRAYS = ("sources", "evidence", "stated_status", "stated_as_of", "stated_basis", "stated_congress")
_ATTENDED_ARRAYS = ("sources", "evidence")
HELD = RelWrite("HELD_OFFICE", "Person", "Position", (), _HELD_ARRAYS)


@dataclass
class Outcome:
    moved: int = 0
    removed: int = 0

    def line(self) -> str:
        return f"{self.moved} statements moved, {self.removed} removed"


def person_exists(store: Store, key: str) -> str:
    rows = store.read("MATCH (p:Person {key: $key}) RETURN p.name", {"key": key}).rows
    if not rows:
        raise StoreError(f"no person with key {key!r} (see `orggraph recipe people --param name=…`)")
    return rows[0][0]


def _held(store: Store, key: str) -> list[dict]:
    cols = ", ".join(f"h.{a} AS {a}" for a in _HELD_ARRAYS)
    return store.read(f"MATCH (p:Person {{key: $key}})-[h:HELD_OFFICE]->(x:Position) RETURN x.key AS position, {cols}",
                      {"key": key}).dicts()


def _attended(store: Store, key: str) -> list[dict]:
    rows = []
    for label in ("Congress", "Event"):
        rows += [dict(r, label=label) for r in store.read(
            f"MATCH (p:Person {{key: $key}})-[t:ATTENDED]->(e:{label}) "
            "RETURN e.key AS target, t.role AS role, t.sources AS sources, t.evidence AS evidence", {"key": key}).dicts()]
    return rows


def _mentions(store: Store, key: str) -> list[str]:
    return [r[0] for r in store.read("MATCH (a:Article)-[:MENTIONS]->(p:Person {key: $key}) RETURN a.key",
                                     {"key": key}).rows]


def _write_held(store: Store, person: str, row: dict) -> None:
    store.merge_relationships(HELD, [{"src": person, "dst": row["position"],
                                      **{a: list(row.get(a) or []) for a in _HELD_ARRAYS}}])


def _write_attended(store: Store, person: str, row: dict) -> None:
    spec = RelWrite("ATTENDED", "Person", row["label"], ("role",), _ATTENDED_ARRAYS)
    store.merge_relationships(spec, [{"src": person, "dst": row["target"], "role": row.get("role"),
                                      **{a: list(row.get(a) or []) for a in _ATTENDED_ARRAYS}}])


def _write_mentions(store: Store, person: str, articles: list[str]) -> None:
    spec = RelWrite("MENTIONS", "Article", "Person", ("sentence", "reported"), ())
    store.merge_relationships(spec, [{"src": a, "dst": person, "sentence": None, "reported": None} for a in articles])


def merge_persons(store: Store, keep: str, absorb: list[str]) -> Outcome:
    """Everything said of the absorbed persons is said of `keep`; they are removed."""
    person_exists(store, keep)
    outcome = Outcome()
    with store.transaction():
        positions = []
        for key in absorb:
            if key == keep:
                continue
            person_exists(store, key)
            for row in _held(store, key):
                _write_held(store, keep, row)
                positions.append(row["position"])
                outcome.moved += len(row.get("sources") or [])
            for row in _attended(store, key):
                _write_attended(store, keep, row)
            _write_mentions(store, keep, _mentions(store, key))
            store.write("MATCH (p:Person {key: $key}) DETACH DELETE p", {"key": key})
        if positions:
            refresh_tenures(store, positions)
    return outcome


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
        positions = []
        for row in _held(store, key):
            moving = [i for i, s in enumerate(row["sources"] or []) if s in articles]
            if not moving:
                continue
            staying = [i for i in range(len(row["sources"] or [])) if i not in moving]
            _write_held(store, new_key, _pick(row, moving, _HELD_ARRAYS))
            _rewrite_held(store, key, row, staying)
            positions.append(row["position"])
            outcome.moved += len(moving)
        for row in _attended(store, key):
            moving = [i for i, s in enumerate(row["sources"] or []) if s in articles]
            if moving:
                _write_attended(store, new_key, _pick(row, moving, _ATTENDED_ARRAYS))
                staying = [i for i in range(len(row["sources"] or [])) if i not in moving]
                _rewrite_attended(store, key, row, staying)
        mentioned = [a for a in _mentions(store, key) if a in articles]
        _write_mentions(store, new_key, mentioned)
        store.write("UNWIND $articles AS a MATCH (:Article {key: a})-[m:MENTIONS]->(p:Person {key: $key}) DELETE m",
                    {"articles": mentioned, "key": key})
        if positions:
            refresh_tenures(store, positions)
    return outcome


def add_alias(store: Store, key: str, alias: str) -> Outcome:
    """Record another spelling; a person node under that spelling is merged in."""
    name = person_exists(store, key)
    aliases = store.read("MATCH (p:Person {key: $key}) RETURN p.aliases", {"key": key}).rows[0][0] or []
    outcome = Outcome()
    others = [r[0] for r in store.read("MATCH (p:Person) WHERE p.search = $search AND p.key <> $key RETURN p.key",
                                       {"search": fold(alias), "key": key}).rows]
    if others:
        outcome = merge_persons(store, key, others)
    if alias not in aliases and fold(alias) != fold(name):
        store.write("MATCH (p:Person {key: $key}) SET p.aliases = $aliases", {"key": key, "aliases": aliases + [alias]})
    return outcome


def reject_statements(store: Store, person: str, title: str, organization: str, source: str | None) -> Outcome:
    """Remove the statements that a person held a title at an organization."""
    rows = store.read(
        "MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position)-[:OF]->(o:Organization) "
        "WHERE p.search = $person AND x.search = $title AND o.search = $organization RETURN p.key AS person",
        {"person": fold(person), "title": fold(title), "organization": fold(organization)}).dicts()
    if not rows:
        raise StoreError(f"no statement that {person} held {title} at {organization}")
    article = None
    if source:
        found = store.read("MATCH (a:Article {source: $source}) RETURN a.key", {"source": source}).rows
        if not found:
            raise StoreError(f"no article with source {source!r}")
        article = found[0][0]
    outcome = Outcome()
    with store.transaction():
        positions = []
        for key in {r["person"] for r in rows}:
            for row in _held(store, key):
                if not _is_position(store, row["position"], title, organization):
                    continue
                staying = [i for i, s in enumerate(row["sources"] or []) if article and s != article]
                outcome.removed += len(row["sources"] or []) - len(staying)
                _rewrite_held(store, key, row, staying)
                positions.append(row["position"])
        refresh_tenures(store, positions)
    return outcome


def _is_position(store: Store, position: str, title: str, organization: str) -> bool:
    rows = store.read("MATCH (x:Position {key: $key})-[:OF]->(o:Organization) RETURN x.search, o.search",
                      {"key": position}).rows
    return bool(rows) and rows[0] == [fold(title), fold(organization)]


def _pick(row: dict, indices: list[int], arrays: tuple[str, ...]) -> dict:
    picked = dict(row)
    for a in arrays:
        values = list(row.get(a) or [])
        picked[a] = [values[i] if i < len(values) else None for i in indices]
    return picked


def _rewrite_held(store: Store, person: str, row: dict, keep: list[int]) -> None:
    if not keep:
        store.write("MATCH (p:Person {key: $p})-[h:HELD_OFFICE]->(x:Position {key: $x}) DELETE h",
                    {"p": person, "x": row["position"]})
        return
    kept = _pick(row, keep, _HELD_ARRAYS)
    sets = ", ".join(f"h.{a} = ${a}" for a in _HELD_ARRAYS)
    store.write(f"MATCH (p:Person {{key: $p}})-[h:HELD_OFFICE]->(x:Position {{key: $x}}) SET {sets}",
                {"p": person, "x": row["position"], **{a: [v if v is not None else "" for v in kept[a]]
                                                       for a in _HELD_ARRAYS}})


def _rewrite_attended(store: Store, person: str, row: dict, keep: list[int]) -> None:
    label = row["label"]
    if not keep:
        store.write(f"MATCH (p:Person {{key: $p}})-[t:ATTENDED]->(e:{label} {{key: $e}}) DELETE t",
                    {"p": person, "e": row["target"]})
        return
    kept = _pick(row, keep, _ATTENDED_ARRAYS)
    store.write(f"MATCH (p:Person {{key: $p}})-[t:ATTENDED]->(e:{label} {{key: $e}}) "
                "SET t.sources = $sources, t.evidence = $evidence",
                {"p": person, "e": row["target"], "sources": kept["sources"], "evidence": kept["evidence"]})
