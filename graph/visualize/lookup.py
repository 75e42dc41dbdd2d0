"""Store look-ups the pages share: finding the organization or person asked for, the articles
behind statements, the holders of posts."""
from __future__ import annotations

from typing import Iterable

from orggraph.graph.store import Store
from orggraph.graph.visualize.errors import Ambiguous, NotFound
from orggraph.graph.visualize.text import _lines
from orggraph.loaders.normalize import fold


def _find(store: Store, label: str, text: str, what: str) -> dict:
    """The node of `label` whose key is `text`, else whose `search` is the folded text, else the one
    whose `search` contains it; several at the same step are ambiguous."""
    q = fold(text or "")
    if not q:
        raise NotFound(f"give the {what}'s name")
    exact = [r[0] for r in store.read(f"MATCH (n:{label}) WHERE n.key = $key OR n.search = $q RETURN n LIMIT 50",
                                      {"key": text, "q": q}).rows]
    by_key = [n for n in exact if n.get("key") == text]
    steps = [by_key, exact]
    if not exact:
        steps.append([r[0] for r in store.read(f"MATCH (n:{label}) WHERE n.search CONTAINS $q RETURN n LIMIT 50",
                                               {"q": q}).rows])
    for pick in steps:
        if len(pick) == 1:
            return pick[0]
        if len(pick) > 1:
            pick = sorted(pick, key=lambda n: (len(n.get("name") or ""), n.get("name") or "", n.get("key")))
            names = [n.get("name") for n in pick]
            shown = "; ".join(f"{n.get('name')} ({n.get('key')})" if names.count(n.get("name")) > 1
                              else str(n.get("name")) for n in pick[:6])
            more = " and more" if len(pick) > 6 else ""
            raise Ambiguous(f"{text!r} matches {len(pick)}{'+' if len(pick) == 50 else ''} {what}s: {shown}{more} "
                            f"— give more of the name, or the key")
    raise NotFound(f"no {what} matches {text!r} (names match without diacritics or case)")


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
