"""The congress page: its organization and who attended it, in rows by role."""
from __future__ import annotations

import math

import networkx as nx

from orggraph.graph.store import Store
from orggraph.graph.provenance import attach_evidence
from orggraph.graph.visualize.layout import layout_grid
from orggraph.graph.visualize.lookup import _articles, _source_keys, find_organization
from orggraph.graph.visualize.errors import NotFound
from orggraph.graph.visualize.picture import DEFAULT_MAX_NODES, Picture, _add_box, check_size
from orggraph.graph.visualize.text import covers, describe_node, provenance, tenure_text, wrap
from orggraph.graph.visualize.words import ROLE_HEADINGS, ROLE_ORDER, ROLE_WORDS, _title_rank
from orggraph.loaders.normalize import fold


def _role_rank(role: str) -> int:
    return ROLE_ORDER.index(role) if role in ROLE_ORDER else len(ROLE_ORDER)


def congress(store: Store, org: str, *, ordinal: int | None = None,
             max_nodes: int | None = DEFAULT_MAX_NODES) -> Picture:
    """A congress of `org` (the latest, or lần thứ `ordinal`): the organization above it and its
    attendees in rows by role (chair, elected, speaker, delegate, guest)."""
    o = find_organization(store, org)
    found = [r[0] for r in store.read("MATCH (c:Congress)-[:OF]->(o:Organization {key: $key}) RETURN c",
                                      {"key": o["key"]}).rows]
    if not found:
        raise NotFound(f"no congress of {o['name']} in the graph")
    found.sort(key=lambda c: (c.get("ordinal") is None, c.get("ordinal") or 0))
    numbered = [c for c in found if c.get("ordinal") is not None]
    if ordinal is None:
        c = numbered[-1] if numbered else found[-1]
    else:
        match = [c for c in numbered if c["ordinal"] == ordinal]
        if not match:
            have = ", ".join(str(c["ordinal"]) for c in numbered) or "none numbered"
            raise NotFound(f"no congress number {ordinal} of {o['name']} in the graph (have: {have})")
        c = match[0]
    attended = store.read("MATCH (p:Person)-[a:ATTENDED]->(c:Congress {key: $key}) RETURN p, a",
                          {"key": c["key"]}).rows
    elected = store.read("MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position) WHERE h.elected_at = $key RETURN p, h, x",
                         {"key": c["key"]}).rows
    attach_evidence(store, [(a, p["key"], c["key"]) for p, a in attended]
                    + [(h, p["key"], x["key"]) for p, h, x in elected])
    people: dict[str, dict] = {}
    roles: dict[str, list[tuple[str, dict]]] = {}
    for p, a in attended:
        people[p["key"]] = p
        roles.setdefault(p["key"], []).append((a.get("role") or "delegate", a))
    for p, h, x in elected:
        people[p["key"]] = p
        roles.setdefault(p["key"], []).append(("elected", {**h, "_title": x.get("title")}))
    check_size(len(people) + 2 + len(ROLE_ORDER), max_nodes, f"the congress {c['name']}")
    date = c.get("start_date")
    posts = store.read("MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position)-[:OF]->(o:Organization {key: $org}) "
                       "WHERE p.key IN $keys RETURN p.key AS person, x.title AS title, h",
                       {"org": o["key"], "keys": sorted(people)}).dicts() if people else []
    titles: dict[str, list[str]] = {}  # each attendee's posts at the organization (on the congress date if known)
    for t in sorted(posts, key=lambda t: _title_rank(t["title"])):
        if not date or covers(t["h"], date) or t["h"].get("elected_at") == c["key"]:
            titles.setdefault(t["person"], []).append(t["title"])
    articles = _articles(store, _source_keys([a for rs in roles.values() for _, a in rs]))

    g = nx.MultiDiGraph()
    ck, okey = "congress:" + c["key"], "org:" + o["key"]
    _add_box(g, ck, "Congress", bold=wrap(c.get("name") or c["key"], 34), focus=True,
             detail="\n".join(describe_node(c) + [f"của {o.get('name')}",
                                                  f"{len(people)} người dự hoặc được bầu trong dữ liệu"]))
    _add_box(g, okey, "Organization", plain=wrap(o.get("name") or o["key"], 34), detail="\n".join(describe_node(o)))
    g.add_edge(ck, okey, type="OF", text="của", detail=f"{c.get('name')} — của {o.get('name')}",
               tip="đại hội của tổ chức")
    groups: dict[str, list[str]] = {}
    for pkey, p in people.items():
        rs = roles[pkey]
        role_words = ", ".join(dict.fromkeys(ROLE_WORDS.get(r, r) for r, _ in rs))
        detail = describe_node(p) + [f"tại đại hội: {role_words}"]
        if titles.get(pkey):
            detail.append(f"ở {o.get('name')}: " + "; ".join(titles[pkey]))
        for r, a in rs:
            if r == "elected" and a.get("_title"):
                detail.append(f"được bầu {a['_title']} ({tenure_text(a)})")
            detail += provenance(a, articles)
        nk = "person:" + pkey
        _add_box(g, nk, "Person", bold=wrap(p.get("name") or pkey, 24),
                 plain=wrap(", ".join(titles.get(pkey, [])[:2]), 30)[:2] if titles.get(pkey) else [],
                 detail="\n".join(detail))
        g.add_edge(nk, ck, type="ATTENDED", text="", detail="\n".join(detail), tip=role_words)
        groups.setdefault(min((r for r, _ in rs), key=_role_rank), []).append(nk)

    # Layout: the organization over the congress, attendees under it in rows by role, each headed.
    g.nodes[okey]["x"], g.nodes[okey]["y"] = 0.0, 0.0
    g.nodes[ck]["x"], g.nodes[ck]["y"] = 0.0, g.nodes[okey]["h"] / 2 + 80 + g.nodes[ck]["h"] / 2
    y = g.nodes[ck]["y"] + g.nodes[ck]["h"] / 2 + 90
    for role in sorted(groups, key=_role_rank):
        members = sorted(groups[role], key=lambda n: fold(g.nodes[n]["detail"].splitlines()[0]))
        heading = f"{ROLE_HEADINGS.get(role, role)} ({len(members)})"
        hk = "heading:" + role
        _add_box(g, hk, "_heading", bold=[heading], detail=heading)
        cols = max(4, min(10, math.ceil(math.sqrt(len(members) * 2))))
        below = layout_grid(g, members, y, cols)
        left = min(g.nodes[n]["x"] - g.nodes[n]["w"] / 2 for n in members[:cols])
        g.nodes[hk]["x"], g.nodes[hk]["y"] = left - 30 - g.nodes[hk]["w"] / 2, g.nodes[members[0]]["y"]
        y = below + 30
    when = f", ngày {date}" if date else ""
    term = f", nhiệm kỳ {c.get('term_start')}-{c.get('term_end')}" if c.get("term_start") else ""
    counts = ", ".join(f"{ROLE_HEADINGS.get(r, r).lower()}: {len(v)}" for r, v in groups.items())
    subtitle = f"{o.get('name')}{term}{when}; {counts or 'không có ai dự trong dữ liệu'}"
    return Picture(g, c.get("name") or "Đại hội", subtitle, kind="congress")
