"""Finding the one person or organization a user means by a name they typed.

Every command and API call that takes a name goes through `find_node`, so an
unknown name is an error everywhere (with the closest names in the graph, found
without diacritics and tolerant of typos) and an ambiguous one lists the candidates.
"""
from __future__ import annotations

import difflib

from orggraph.graph.store import Store, StoreError
from orggraph.loaders.keys import key_name, spelled_as
from orggraph.loaders.normalize import fold, is_plain, name_key

MAX_CANDIDATES = 50  # nodes fetched per step; more means "be more specific" anyway
SHOWN = 6  # candidates or suggestions named in one error line
HINTS = {"Person": "`orggraph recipe people --param name=…` lists persons",
         "Organization": "`orggraph recipe organizations --param name=…` lists organizations"}


class NotFound(StoreError):
    """No node matches the name."""


class Ambiguous(StoreError):
    """Several nodes match the name and none exactly."""


def _nodes(store: Store, label: str, where: str, params: dict) -> list[dict]:
    return [r[0] for r in store.read(f"MATCH (n:{label}) WHERE {where} RETURN n LIMIT {MAX_CANDIDATES}",
                                     params).rows]


def _by_alias(store: Store, label: str, text: str) -> list[dict]:
    """Nodes with an alias (`curate alias`) that folds to the text; a person's, one the text spells
    (`spelled_as`: typed with tone marks, only that spelling)."""
    q = fold(text)
    same = (lambda a: spelled_as(text, a)) if label == "Person" else (lambda a: fold(a) == q)
    rows = store.read(f"MATCH (n:{label}) WHERE size(n.aliases) > 0 RETURN n.key, n.aliases").rows
    keys = [key for key, aliases in rows if any(same(a or "") for a in aliases or [])]
    return _nodes(store, label, "n.key IN $keys", {"keys": keys[:MAX_CANDIDATES]}) if keys else []


def find_nodes(store: Store, label: str, text: str, what: str) -> list[dict]:
    """The nodes of `label` a name means: the one whose key is `text`, else those whose name or alias
    is the text (without diacritics or case), else those whose name contains it. Several nodes of one
    name (namesakes in different places) all come back; several names are ambiguous. A person's name
    typed with tone marks means only that spelling ("Nguyễn Thanh Phong" is not Nguyễn Thành Phong);
    typed without, every spelling that folds to it, and two spellings are two names."""
    q = fold(text or "")
    if not q:
        raise NotFound(f"give the {what}'s name")
    if label == "Person" and text.startswith("p:"):
        by_key = _nodes(store, label, "n.key = $key", {"key": find_person_key(store, text)})
    else:
        by_key = _nodes(store, label, "n.key = $key", {"key": text})
    written = _spelled(label, text)
    exact = by_key or written(_nodes(store, label, "n.search = $q", {"q": q})) or _by_alias(store, label, text)
    pick = exact or written(_nodes(store, label, "n.search CONTAINS $q", {"q": q}))
    if len({_name(label, n) for n in pick}) == 1:
        return pick
    if pick:
        raise Ambiguous(f"{text!r} matches {len(pick)}{'+' if len(pick) == MAX_CANDIDATES else ''} {what}s: "
                        f"{_listing(pick)} — give more of the name, or the key")
    close = closest(store, label, q)
    hint = f"did you mean: {'; '.join(close)}?" if close else HINTS.get(label, "")
    raise NotFound(f"no {what} matches {text!r} (names match without diacritics or case); {hint}")


def _spelled(label: str, text: str):
    """Keeps the persons whose name the text spells (see find_nodes); other nodes all."""
    if label != "Person" or is_plain(text):
        return lambda nodes: nodes
    written = name_key(text)
    return lambda nodes: [n for n in nodes if written in name_key(n.get("name") or "")]


def _name(label: str, node: dict) -> str:
    """What makes two nodes one name: a person's name as written, another node's folded name."""
    return name_key(node.get("name") or "") if label == "Person" else node.get("search")


def find_node(store: Store, label: str, text: str, what: str) -> dict:
    """The one node a name means (as `find_nodes`); namesakes are ambiguous here: give the key."""
    nodes = find_nodes(store, label, text, what)
    if len(nodes) > 1:
        raise Ambiguous(f"{text!r} matches {len(nodes)}{'+' if len(nodes) == MAX_CANDIDATES else ''} {what}s: "
                        f"{_listing(nodes)} — give the key")
    return nodes[0]


def _listing(nodes: list[dict]) -> str:
    nodes = sorted(nodes, key=lambda n: (len(n.get("name") or ""), n.get("name") or "", n.get("key") or ""))
    names = [n.get("name") for n in nodes]
    shown = "; ".join(f"{n.get('name')} ({n.get('key')})" if names.count(n.get("name")) > 1 else str(n.get("name"))
                      for n in nodes[:SHOWN])
    return shown + (" and more" if len(nodes) > SHOWN else "")


def closest(store: Store, label: str, q: str, n: int = SHOWN) -> list[str]:
    """The names in the graph nearest to the folded text `q` (typos, missing or extra words)."""
    names: dict[str, str] = {}
    for search, name in store.read(f"MATCH (n:{label}) RETURN n.search, n.name").rows:
        if search:
            names.setdefault(search, name)
    scored = []
    for search in names:
        matcher = difflib.SequenceMatcher(None, q, search)
        if matcher.real_quick_ratio() < 0.5 or matcher.quick_ratio() < 0.5:
            continue
        ratio = matcher.ratio()
        if ratio >= 0.6:
            scored.append((-ratio, len(search), search))
    return [names[s] for _, _, s in sorted(scored)[:n]]


def person_keys(store: Store, text: str) -> list[str]:
    """The person keys a typed key means: itself when a node has it, else those it is
    `spelled_as` (typed without tone marks, every spelling that folds to it: the keys of
    files written when keys were folded still work)."""
    if store.read("MATCH (p:Person {key: $key}) RETURN p.key", {"key": text}).rows:
        return [text]
    rows = store.read("MATCH (p:Person) WHERE p.search = $q RETURN p.key", {"q": fold(key_name(text))}).rows
    keys = [key for (key,) in rows if spelled_as(text, key)]
    if not keys:  # a node whose name is not its key's (an alias's spelling): read every key
        keys = [key for (key,) in store.read("MATCH (p:Person) RETURN p.key").rows if spelled_as(text, key)]
    return sorted(keys)


def find_person_key(store: Store, text: str) -> str:
    """The one person key a typed key means (`person_keys`); none or several is a one-line error."""
    keys = person_keys(store, text)
    if not keys:
        raise NotFound(f"no person with key {text!r} (see `orggraph recipe people --param name=…`)")
    if len(keys) > 1:
        raise Ambiguous(f"{text!r} matches {len(keys)} person keys: {'; '.join(keys[:SHOWN])}"
                        f"{' and more' if len(keys) > SHOWN else ''} — give the key with its tone marks")
    return keys[0]


def find_person(store: Store, text: str) -> dict:
    return find_node(store, "Person", text, "person")


def find_organization(store: Store, text: str) -> dict:
    return find_node(store, "Organization", text, "organization")
