"""Store look-ups the pages share: finding the organization or person asked for, the articles
behind statements, the holders of posts."""
from __future__ import annotations

from typing import Iterable

from orggraph.graph.lookup import Ambiguous as AmbiguousName
from orggraph.graph.lookup import NotFound as UnknownName
from orggraph.graph.lookup import find_node
from orggraph.graph.store import Store
from orggraph.graph.visualize.errors import Ambiguous, NotFound
from orggraph.graph.visualize.text import _lines


def _find(store: Store, label: str, text: str, what: str) -> dict:
    """The node a name means, found as every command finds it (graph/lookup.py): unknown names
    name the closest ones, ambiguous ones list the candidates."""
    try:
        return find_node(store, label, text, what)
    except UnknownName as exc:
        raise NotFound(str(exc)) from None
    except AmbiguousName as exc:
        raise Ambiguous(str(exc)) from None


def find_organization(store: Store, text: str) -> dict:
    return _find(store, "Organization", text, "organization")


def find_person(store: Store, text: str) -> dict:
    return _find(store, "Person", text, "person")


def _articles(store: Store, keys: Iterable[str]) -> dict[str, dict]:
    keys = sorted({k for k in keys if k})
    if not keys:
        return {}
    rows = store.read("MATCH (a:Article) WHERE a.key IN $keys RETURN a", {"keys": keys}).rows
    return {r[0]["key"]: r[0] for r in rows}


def _source_keys(props_list: Iterable[dict]) -> set[str]:
    out: set[str] = set()
    for props in props_list:
        out.update(s for s in _lines(props.get("sources")) if isinstance(s, str))
    return out


def _holders(store: Store, org_keys: list[str]) -> list[dict]:
    if not org_keys:
        return []
    return store.read(
        "MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position)-[:OF]->(o:Organization) WHERE o.key IN $keys "
        "RETURN o.key AS org, x.title AS title, x.name AS position, x.key AS position_key, p.name AS person, "
        "p.key AS person_key, h",
        {"keys": org_keys}).dicts()
