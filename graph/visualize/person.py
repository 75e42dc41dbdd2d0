"""The person page: a career, its organizations, congresses and events, and who held the same
posts before and after."""
from __future__ import annotations

import math

import networkx as nx

from orggraph.graph.store import Store
from orggraph.graph.visualize.layout import layout_row
from orggraph.graph.visualize.lookup import _articles, _source_keys, find_person
from orggraph.graph.visualize.picture import DEFAULT_MAX_NODES, MAX_OTHER_HOLDERS, Picture, _add_box, check_size
from orggraph.graph.visualize.text import (_start, _status, clip, describe_node, node_tip, provenance, tenure_text,
                                          wrap)
from orggraph.graph.visualize.words import ROLE_WORDS, _title_rank


def person(store: Store, name: str, *, max_nodes: int | None = DEFAULT_MAX_NODES) -> Picture:
    """A person's posts in time order (with their organizations), the congresses and events attended,
    and the people who held the same posts before and after."""
    who = find_person(store, name)
    key, who_name = who["key"], who.get("name") or who["key"]
    posts = store.read("MATCH (p:Person {key: $key})-[h:HELD_OFFICE]->(x:Position) "
                       "OPTIONAL MATCH (x)-[:OF]->(o:Organization) RETURN x, h, o", {"key": key}).rows
    went = store.read("MATCH (p:Person {key: $key})-[a:ATTENDED]->(c) "
                      "OPTIONAL MATCH (c)-[:OF]->(o:Organization) RETURN c, a, o.name AS org", {"key": key}).rows
    others = store.read("MATCH (p:Person {key: $key})-[:HELD_OFFICE]->(x:Position)<-[h:HELD_OFFICE]-(q:Person) "
                        "WHERE q.key <> $key RETURN x.key AS position, q, h", {"key": key}).rows
    articles = _articles(store, _source_keys([r[1] for r in posts] + [r[1] for r in went] + [r[2] for r in others]))
    g = nx.MultiDiGraph()
    me = "person:" + key

    # Posts, earliest first, and their organizations.
    mine: dict[str, dict] = {}  # post node -> this person's tenure
    org_posts: dict[str, list[str]] = {}
    orgs: dict[str, dict] = {}
    for x, h, o in sorted(posts, key=lambda r: (_start(r[1]) or "9999", _title_rank(r[0].get("title")),
                                                r[0].get("name") or "")):
        pk = "post:" + x["key"]
        if pk in mine:
            continue
        mine[pk] = h
        title = x.get("title") or x.get("name") or x["key"]
        dates = tenure_text(h)
        detail = [f"{who_name} giữ chức {x.get('name') or title}", f"{dates} ({_status(h)})"]
        if h.get("start_basis"):
            detail.append(f"bắt đầu: {h['start_basis']}"
                          + (f"; kết thúc: {h['end_basis']}" if h.get("end_basis") else ""))
        if h.get("first_seen"):
            detail.append(f"thấy trong bài: {h['first_seen']} → {h.get('last_seen') or h['first_seen']}")
        detail = "\n".join(detail + provenance(h, articles))
        _add_box(g, pk, "Position", bold=wrap(title, 26), plain=[dates], detail=detail)
        g.add_edge(me, pk, type="HELD_OFFICE", text="", detail=detail, tip=node_tip(detail))
        if o:
            orgs["org:" + o["key"]] = o
            org_posts.setdefault("org:" + o["key"], []).append(pk)
    for ok, o in orgs.items():
        _add_box(g, ok, "Organization", plain=wrap(o.get("name") or o["key"], 28), detail="\n".join(describe_node(o)))
        for pk in org_posts[ok]:
            g.add_edge(pk, ok, type="OF", text="", detail=f"thuộc {o.get('name')}", tip=f"thuộc {o.get('name')}")

    # Other holders of each post: before this person's tenure (left of the post) or after (right).
    sides: dict[str, tuple[list, list]] = {pk: ([], []) for pk in mine}
    for position, q, h in sorted(others, key=lambda r: (_start(r[2]) or "9999", r[1].get("name") or "")):
        pk = "post:" + position
        own, theirs = _start(mine[pk]) or "", _start(h) or ""
        sides[pk][0 if theirs and own and theirs < own else 1].append((q, h))
    notes = []
    for pk, (before, after) in sides.items():
        if len(before) > MAX_OTHER_HOLDERS or len(after) > MAX_OTHER_HOLDERS:
            notes.append(f"{g.nodes[pk]['detail'].splitlines()[0]}: chỉ hiện {MAX_OTHER_HOLDERS} người "
                         f"giữ chức gần nhất trước và sau")
        sides[pk] = before, after = before[-MAX_OTHER_HOLDERS:], after[:MAX_OTHER_HOLDERS]
        for side, holders in (("trước", before), ("sau", after)):
            for q, h in holders:
                qk = f"other:{pk}:{q['key']}"
                dates = tenure_text(h)
                detail = "\n".join([f"{q.get('name')} — giữ chức này {side} {who_name}", f"{dates} ({_status(h)})"]
                                   + provenance(h, articles))
                _add_box(g, qk, "Person", plain=wrap(q.get("name") or q["key"], 24) + [dates], detail=detail)
                g.add_edge(qk, pk, type="HELD_OFFICE", text=side, detail=detail, tip=node_tip(detail), dashes=True)

    # Congresses and events attended, in date order.
    events = []
    for c, a, org_name in went:
        ek = "event:" + c["key"]
        if ek in g:
            continue
        when = c.get("start_date") or c.get("date") or (str(c["term_start"]) if c.get("term_start") else "")
        lines = wrap(c.get("name") or c["key"], 30)
        if len(lines) > 3:
            lines = lines[:2] + [clip(lines[2] + " …", 30)]
        role = ROLE_WORDS.get(a.get("role"), a.get("role") or "dự")
        said = [f"{who_name}: {role}"] + provenance(a, articles)
        detail = "\n".join(describe_node(c) + ([f"của {org_name}"] if org_name else []) + said)
        _add_box(g, ek, c.get("_label") if c.get("_label") in ("Congress", "Event") else "Event", plain=lines,
                 ital=[when] if when else [], detail=detail)
        g.add_edge(me, ek, type="ATTENDED", text=role, detail="\n".join(said), tip=node_tip("\n".join(said)))
        events.append((when or "9999", c.get("name") or "", ek))
    _add_box(g, me, "Person", bold=wrap(who_name, 24), focus=True,
             detail="\n".join(describe_node(who) + [f"{len(mine)} chức vụ, {len(events)} đại hội/sự kiện"]))
    check_size(g.number_of_nodes(), max_nodes, f"the career of {who_name}")

    # Layout: events on top, the person, then one column per post, organizations under their posts.
    hgap, inner = 40, 80  # between columns; between a post and its other holders (room for "trước"/"sau")
    columns = [[f"other:{pk}:{q['key']}" for q, _ in sides[pk][0]] + [pk]
               + [f"other:{pk}:{q['key']}" for q, _ in sides[pk][1]] for pk in mine]
    row_h = max((g.nodes[n]["h"] for col in columns for n in col), default=0)
    events_h = max((g.nodes[ek]["h"] for *_, ek in events), default=0)
    y_person = events_h / 2 + 100 + g.nodes[me]["h"] / 2 if events else 0.0
    y_posts = y_person + g.nodes[me]["h"] / 2 + 110 + row_h / 2
    widths = [sum(g.nodes[n]["w"] for n in col) + inner * (len(col) - 1) for col in columns]
    x = -(sum(widths) + hgap * max(len(columns) - 1, 0)) / 2
    for col, width in zip(columns, widths):
        layout_row(g, col, y_posts, x + width / 2, inner)
        x += width + hgap
    g.nodes[me]["x"], g.nodes[me]["y"] = 0.0, y_person
    layout_row(g, [ek for *_, ek in sorted(events)], 0.0, 0.0, 40)
    # Organizations under the mean of their posts, pushed apart where they would overlap.
    y_orgs = y_posts + row_h / 2 + 90 + max((g.nodes[ok]["h"] for ok in orgs), default=0) / 2
    right = -math.inf
    for ok in sorted(orgs, key=lambda ok: sum(g.nodes[pk]["x"] for pk in org_posts[ok]) / len(org_posts[ok])):
        want = sum(g.nodes[pk]["x"] for pk in org_posts[ok]) / len(org_posts[ok])
        left = max(want - g.nodes[ok]["w"] / 2, right + 30)
        g.nodes[ok]["x"], g.nodes[ok]["y"] = left + g.nodes[ok]["w"] / 2, y_orgs
        right = left + g.nodes[ok]["w"]
    shown = sum(len(b) + len(a) for b, a in sides.values())
    subtitle = (f"{len(mine)} chức vụ ở {len(orgs)} tổ chức, {len(events)} đại hội/sự kiện, "
                f"{shown} người giữ các chức ấy trước/sau")
    return Picture(g, f"Quá trình công tác: {who_name}", subtitle, kind="person", notes=notes)
