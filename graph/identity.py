"""After a load: make the person nodes of one name one node per career
(loaders/identity.py decides, with reasons), and show what was merged and why.

Merges move statements with the same batched writes loading uses, all in one
transaction, and record on the kept node which keys it absorbed (`merged_from`)
and why (`merge_reasons`, aligned).  Only names with more than one node are read,
so a load that adds no namesake costs one query.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from orggraph.graph.curation import HELD
from orggraph.graph.store import RelWrite, Store
from orggraph.graph.writer import refresh_tenures
from orggraph.loaders.curation import Curation
from orggraph.loaders.identity import Merge, Node, Post, resolve_name

_HELD_ARRAYS = tuple(HELD.append_props)
MENTIONS = RelWrite("MENTIONS", "Article", "Person", ("sentence", "reported"), ())


@dataclass
class Consolidation:
    names: int = 0  # names with more than one node
    merges: list[Merge] = field(default_factory=list)

    def line(self) -> str:
        return f"{len(self.merges)} person nodes merged into others by evidence ({self.names} names read)"


def read_nodes(store: Store, keys: list[str], fixed: set[str] = frozenset()) -> dict[str, Node]:
    """The person nodes with their posts and the provinces of the articles naming them."""
    nodes: dict[str, Node] = {}
    for key, name in store.read("UNWIND $keys AS k MATCH (p:Person {key: k}) RETURN p.key, p.name",
                                {"keys": keys}).rows:
        nodes[key] = Node(key, name, fixed=key in fixed)
    for row in store.read(
            "UNWIND $keys AS k MATCH (p:Person {key: k})-[h:HELD_OFFICE]->(x:Position)-[:OF]->(o:Organization) "
            "RETURN p.key, x.key, x.name, o.key, o.name, o.level, o.locality, size(h.sources), o.kind",
            {"keys": keys}).rows:
        person, *post = row
        nodes[person].posts.append(Post(*post[:6], statements=post[6] or 0, kind=post[7]))
    for person, locality, count in store.read(
            "UNWIND $keys AS k MATCH (a:Article)-[:MENTIONS]->(p:Person {key: k}) "
            "RETURN p.key, a.locality, count(a)", {"keys": keys}).rows:
        nodes[person].mentions += count
        if locality:
            nodes[person].article_provinces.add(locality)
    return nodes


def split_targets(curation: Optional[Curation]) -> set[str]:
    """Keys a curation split made: the user said they are someone else, so they stay apart."""
    if not curation:
        return set()
    return {s["scope"] if s["scope"].startswith("p:") else f"p:{s['scope']}" for s in curation.split}


def consolidate(store: Store, curation: Optional[Curation] = None) -> Consolidation:
    """Merge the nodes of each name that are one career (see loaders/identity.py)."""
    outcome = Consolidation()
    groups = store.read("MATCH (p:Person) WITH p.search AS s, collect(p.key) AS keys "
                        "WHERE size(keys) > 1 RETURN s, keys").rows
    outcome.names = len(groups)
    if not groups:
        return outcome
    nodes = read_nodes(store, sorted(k for _, keys in groups for k in keys), split_targets(curation))
    for _, keys in sorted(groups):
        outcome.merges += resolve_name([nodes[k] for k in keys if k in nodes])
    if outcome.merges:
        apply_merges(store, outcome.merges, {k: n.name for k, n in nodes.items()})
    return outcome


def apply_merges(store: Store, merges: list[Merge], names: dict[str, str]) -> None:
    """Move everything said of each absorbed node to the node that keeps it, in one transaction."""
    into = {m.absorb: m.keep for m in merges}
    absorbed = sorted(into)
    with store.transaction():
        held: dict[tuple[str, str], dict] = {}
        cols = ", ".join(f"h.{a}" for a in _HELD_ARRAYS)
        for person, position, *arrays in store.read(
                f"UNWIND $keys AS k MATCH (p:Person {{key: k}})-[h:HELD_OFFICE]->(x:Position) "
                f"RETURN p.key, x.key, {cols}", {"keys": absorbed}).rows:
            row = held.setdefault((into[person], position), {"src": into[person], "dst": position,
                                                              **{a: [] for a in _HELD_ARRAYS}})
            count = len(arrays[0] or [])
            for name, values in zip(_HELD_ARRAYS, arrays):
                values = list(values or [])
                row[name] += values + [""] * (count - len(values))
        store.merge_relationships(HELD, list(held.values()))
        for label in ("Congress", "Event"):
            rows: dict[tuple[str, str], dict] = {}
            for person, target, role, sources, evidence in store.read(
                    f"UNWIND $keys AS k MATCH (p:Person {{key: k}})-[t:ATTENDED]->(e:{label}) "
                    "RETURN p.key, e.key, t.role, t.sources, t.evidence", {"keys": absorbed}).rows:
                row = rows.setdefault((into[person], target), {"src": into[person], "dst": target, "role": role,
                                                                "sources": [], "evidence": []})
                row["sources"] += list(sources or [])
                row["evidence"] += list(evidence or [])
            store.merge_relationships(RelWrite("ATTENDED", "Person", label, ("role",), ("sources", "evidence")),
                                      list(rows.values()))
        mentions = {(a, into[p]) for p, a in store.read(
            "UNWIND $keys AS k MATCH (a:Article)-[:MENTIONS]->(p:Person {key: k}) RETURN p.key, a.key",
            {"keys": absorbed}).rows}
        store.merge_relationships(MENTIONS, [{"src": a, "dst": k, "sentence": None, "reported": None}
                                             for a, k in sorted(mentions)])
        kept: dict[str, dict] = {}
        for keep, merged, reasons, aliases, name in store.read(
                "UNWIND $keys AS k MATCH (p:Person {key: k}) RETURN p.key, p.merged_from, p.merge_reasons, "
                "p.aliases, p.name", {"keys": sorted(set(into.values()))}).rows:
            kept[keep] = {"key": keep, "merged_from": list(merged or []), "merge_reasons": list(reasons or []),
                          "aliases": list(aliases or []), "name": name}
        for merge in merges:
            row = kept[merge.keep]
            row["merged_from"].append(merge.absorb)
            row["merge_reasons"].append(merge.reason)
            other = names.get(merge.absorb)
            if other and other != row["name"] and other not in row["aliases"]:
                row["aliases"].append(other)
        store.write("UNWIND $rows AS r MATCH (p:Person {key: r.key}) "
                    "SET p.merged_from = r.merged_from, p.merge_reasons = r.merge_reasons, p.aliases = r.aliases",
                    {"rows": list(kept.values())})
        store.write("UNWIND $keys AS k MATCH (p:Person {key: k}) DETACH DELETE p", {"keys": absorbed})
        refresh_tenures(store, sorted({position for _, position in held}))


def explain(store: Store, name: str) -> list[dict]:
    """Per person node of a name (folded, or a key): the keys merged into it and why."""
    from orggraph.loaders.normalize import fold

    rows = store.read("MATCH (p:Person) WHERE p.key = $q OR p.search = $s OR p.search CONTAINS $s "
                      "OPTIONAL MATCH (p)-[h:HELD_OFFICE]->(:Position) "
                      "RETURN p.key, p.name, p.merged_from, p.merge_reasons, sum(size(h.sources)) ORDER BY p.key",
                      {"q": name, "s": fold(name)}).rows
    out = []
    for key, display, merged, reasons, statements in rows:
        base = {"person": display, "key": key, "statements": statements or 0}
        out.append({**base, "merged": key, "reason": "the node kept (its own key)"})
        for absorbed, reason in zip(merged or [], reasons or []):
            out.append({**base, "merged": absorbed, "reason": reason})
    return out
