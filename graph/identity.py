"""After a load: make the person nodes of one name one node per career
(loaders/identity.py decides, with reasons), and show what was merged and why.
"One name" is the name part of the key, tone marks kept: Nguyễn Thành Phong and
Nguyễn Thanh Phong are never compared, let alone merged.

Merges move Statement nodes (their SUBJECT) and what rests on them with a few
batched writes (graph/curation.move_persons), all in one transaction, recompute the
tenures of the posts they touch, and record on the kept node which keys it absorbed (`merged_from`)
and why (`merge_reasons`, aligned).  Only names with more than one node are read,
so a load that adds no namesake costs one query.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from orggraph.graph.curation import move_persons
from orggraph.graph.store import Store
from orggraph.loaders.curation import Curation, split_key
from orggraph.loaders.identity import Merge, Node, Post, resolve_name
from orggraph.loaders.keys import key_name, spelled_as

# The statements (not rejected) that a person held a post: what a post weighs.
_HELD_STATEMENTS = ("OPTIONAL MATCH (p)<-[:SUBJECT]-(s:Statement)-[:OBJECT]->(x) "
                    "WHERE s.rejected IS NULL OR NOT s.rejected")


@dataclass
class Consolidation:
    names: int = 0  # names with more than one node
    merges: list[Merge] = field(default_factory=list)

    def line(self) -> str:
        return f"{len(self.merges)} person nodes merged into others by evidence ({self.names} names read)"


def read_nodes(store: Store, keys: list[str], fixed: set[str] = frozenset()) -> dict[str, Node]:
    """The person nodes with their posts and the provinces of the articles naming them; a node
    is `fixed` when a key in `fixed` (a curation split's, perhaps written without tone marks) means it."""
    nodes: dict[str, Node] = {}
    for key, name in store.read("UNWIND $keys AS k MATCH (p:Person {key: k}) RETURN p.key, p.name",
                                {"keys": keys}).rows:
        nodes[key] = Node(key, name, fixed=any(spelled_as(f, key) for f in fixed))
    for row in store.read(
            "UNWIND $keys AS k MATCH (p:Person {key: k})-[:HELD_OFFICE]->(x:Position)-[:OF]->(o:Organization) "
            f"{_HELD_STATEMENTS} "
            "RETURN p.key, x.key, x.name, o.key, o.name, o.level, o.locality, count(s), o.kind",
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
    return {split_key(s["scope"]) for s in curation.split}


def consolidate(store: Store, curation: Optional[Curation] = None) -> Consolidation:
    """Merge the nodes of each name that are one career (see loaders/identity.py).  A name is
    the name part of the key, as written; the folded `search` only narrows the reading to
    names that may have several nodes."""
    outcome = Consolidation()
    candidates = store.read("MATCH (p:Person) WITH p.search AS s, collect(p.key) AS keys "
                            "WHERE size(keys) > 1 RETURN s, keys").rows
    by_name: dict[str, list[str]] = {}
    for _, keys in candidates:
        for key in keys:
            by_name.setdefault(key_name(key), []).append(key)
    groups = sorted((name, sorted(keys)) for name, keys in by_name.items() if len(keys) > 1)
    outcome.names = len(groups)
    if not groups:
        return outcome
    nodes = read_nodes(store, sorted(k for _, keys in groups for k in keys), split_targets(curation))
    for _, keys in groups:
        outcome.merges += resolve_name([nodes[k] for k in keys if k in nodes])
    if outcome.merges:
        apply_merges(store, outcome.merges, {k: n.name for k, n in nodes.items()})
    return outcome


def apply_merges(store: Store, merges: list[Merge], names: dict[str, str]) -> None:
    """Move everything said of each absorbed node to the node that keeps it, in one transaction."""
    into = {m.absorb: m.keep for m in merges}
    with store.transaction():
        move_persons(store, into)
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


def explain(store: Store, name: str) -> list[dict]:
    """Per person node of a name (folded, or a key; a name or key typed with tone marks means only
    that spelling): the keys merged into it and why."""
    from orggraph.graph.lookup import find_person_key
    from orggraph.loaders.normalize import fold, is_plain, name_key

    keys = [find_person_key(store, name)] if name.startswith("p:") else []
    where = "p.key IN $keys" if keys else "p.search CONTAINS $s"
    rows = store.read(f"MATCH (p:Person) WHERE {where} "
                      "OPTIONAL MATCH (p)<-[:SUBJECT]-(s:Statement {fact: 'held_office'}) "
                      "WHERE s.rejected IS NULL OR NOT s.rejected "
                      "RETURN p.key, p.name, p.merged_from, p.merge_reasons, count(s) ORDER BY p.key",
                      {"keys": keys, "s": fold(name)}).rows
    out = []
    for key, display, merged, reasons, statements in rows:
        if not keys and not is_plain(name) and name_key(name) not in name_key(display or ""):
            continue  # typed with tone marks: only that spelling
        base = {"person": display, "key": key, "statements": statements or 0}
        out.append({**base, "merged": key, "reason": "the node kept (its own key)"})
        for absorbed, reason in zip(merged or [], reasons or []):
            out.append({**base, "merged": absorbed, "reason": reason})
    return out
