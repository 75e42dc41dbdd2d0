"""The person page: a career read as a timeline.

Time runs left to right; each post is one row, rows grouped under their organization, the tenure a
bar from its start to its end (or to the last article that saw it).  Posts with no date at all
(often former posts named in passing: "nguyên Bộ trưởng") are listed apart after the dated ones;
congresses and events last, each a mark on its date (or the date of the first article about it).  Who held the
same post before and after is in each post's tooltip and detail text.
"""
from __future__ import annotations

import networkx as nx

from orggraph.graph.store import Store
from orggraph.graph.provenance import attach_evidence
from orggraph.graph.visualize.layout import layout_timeline, timeline_scale
from orggraph.graph.visualize.lookup import _articles, _source_keys, find_person
from orggraph.graph.visualize.picture import DEFAULT_MAX_NODES, MAX_OTHER_HOLDERS, Picture, _add_box, check_size
from orggraph.graph.visualize.text import (_start, _status, clip, describe_node, node_tip, provenance, tenure_text,
                                          wrap)
from orggraph.graph.visualize.words import ROLE_WORDS, _title_rank

LABEL_CHARS = 44  # a row's label wraps at this many characters


def _end(h: dict) -> str | None:
    """Where a tenure's bar ends: its stated end, else the last article that saw it, else its start."""
    return h.get("end_date") or h.get("last_seen") or _start(h)


def _post_detail(who_name: str, x: dict, h: dict, before: list, after: list, articles: dict) -> str:
    title = x.get("title") or x.get("name") or x["key"]
    lines = [f"{who_name} giữ chức {x.get('name') or title}", f"{tenure_text(h)} ({_status(h)})"]
    if h.get("start_basis"):
        lines.append(f"bắt đầu: {h['start_basis']}" + (f"; kết thúc: {h['end_basis']}" if h.get("end_basis") else ""))
    if h.get("first_seen"):
        lines.append(f"thấy trong bài: {h['first_seen']} → {h.get('last_seen') or h['first_seen']}")
    for side, holders in (("Trước", before), ("Sau", after)):
        if holders:
            lines.append(f"{side}: " + "; ".join(f"{q.get('name') or q['key']} ({tenure_text(qh)})"
                                                 for q, qh in holders))
    return "\n".join(lines + provenance(h, articles))


def person(store: Store, name: str, *, max_nodes: int | None = DEFAULT_MAX_NODES) -> Picture:
    """A person's posts as a timeline grouped by organization, the congresses and events attended on
    the same axis, undated posts apart; who held each post before and after is in its details."""
    who = find_person(store, name)
    key, who_name = who["key"], who.get("name") or who["key"]
    posts = store.read("MATCH (p:Person {key: $key})-[h:HELD_OFFICE]->(x:Position) "
                       "OPTIONAL MATCH (x)-[:OF]->(o:Organization) RETURN x, h, o", {"key": key}).rows
    went = store.read("MATCH (p:Person {key: $key})-[a:ATTENDED]->(c) "
                      "OPTIONAL MATCH (c)-[:OF]->(o:Organization) RETURN c, a, o.name AS org", {"key": key}).rows
    others = store.read("MATCH (p:Person {key: $key})-[:HELD_OFFICE]->(x:Position)<-[h:HELD_OFFICE]-(q:Person) "
                        "WHERE q.key <> $key RETURN x.key AS position, q, h", {"key": key}).rows
    check_size(2 * len(posts) + 2 * len(went) + 2, max_nodes, f"the career of {who_name}")
    attach_evidence(store, [(h, key, x["key"]) for x, h, _ in posts] + [(a, key, c["key"]) for c, a, _ in went]
                    + [(h, q["key"], position) for position, q, h in others])
    articles = _articles(store, _source_keys([r[1] for r in posts] + [r[1] for r in went] + [r[2] for r in others]))

    # This person's posts (one tenure each, the earliest if the store has several) and their organizations.
    mine: dict[str, tuple[dict, dict, dict | None]] = {}
    for x, h, o in sorted(posts, key=lambda r: (_start(r[1]) or "9999", _title_rank(r[0].get("title")),
                                                r[0].get("name") or "")):
        mine.setdefault(x["key"], (x, h, o))
    # Other holders of each post: before this person's tenure or after.
    sides: dict[str, tuple[list, list]] = {k: ([], []) for k in mine}
    for position, q, h in sorted(others, key=lambda r: (_start(r[2]) or "9999", r[1].get("name") or "")):
        own, theirs = _start(mine[position][1]) or "", _start(h) or ""
        sides[position][0 if theirs and own and theirs < own else 1].append((q, h))
    notes = []
    if any(len(b) > MAX_OTHER_HOLDERS or len(a) > MAX_OTHER_HOLDERS for b, a in sides.values()):
        notes.append(f"Mỗi chức vụ chỉ nêu {MAX_OTHER_HOLDERS} người giữ chức gần nhất trước và sau.")

    # The time axis: every dated tenure and event; a current post runs to the latest of them.
    events = []
    for c, a, org_name in went:
        when = c.get("start_date") or c.get("date") or (str(c["term_start"]) if c.get("term_start") else "")
        if not when:  # no date of its own: the day the first article reported it
            when = min((articles[s]["date"][:10] for s in _source_list(a) if (articles.get(s) or {}).get("date")),
                       default="")
        events.append((when, c, a, org_name))
    dates = [d for _, h, _ in mine.values() for d in (_start(h), _end(h)) if d] + [w for w, *_ in events if w]
    scale = timeline_scale(dates)

    g = nx.MultiDiGraph()
    me = "person:" + key
    rows: list[tuple[str, list]] = []  # (kind, node keys in the row: label first, then marks on the axis)
    _add_box(g, me, "Person", bold=[who_name], focus=True,
             detail="\n".join(describe_node(who) + [f"{len(mine)} chức vụ, {len(events)} đại hội/sự kiện"]))
    rows.append(("person", [me]))

    by_org: dict[str, list[str]] = {}
    orgs: dict[str, dict] = {}
    undated: list[str] = []
    for pkey, (x, h, o) in mine.items():
        if not _start(h):
            undated.append(pkey)
            continue
        ok = o["key"] if o else ""
        orgs.setdefault(ok, o or {})
        by_org.setdefault(ok, []).append(pkey)

    def post_rows(pkeys: list[str], with_org: bool) -> None:
        for pkey in pkeys:
            x, h, o = mine[pkey]
            before, after = sides[pkey]
            before, after = before[-MAX_OTHER_HOLDERS:], after[:MAX_OTHER_HOLDERS]
            detail = _post_detail(who_name, x, h, before, after, articles)
            title = x.get("title") or x.get("name") or x["key"]
            where = (o or {}).get("name") or "(chưa rõ tổ chức)" if with_org else ""
            label = "post:" + pkey
            _add_box(g, label, "Position", bold=wrap(title, LABEL_CHARS)[:2],
                     plain=wrap(where, LABEL_CHARS)[:2] if where else [],
                     ital=[tenure_text(h) if _start(h) else _status(h)], detail=detail)
            g.nodes[label]["shape"] = "box"  # a row's label: a box like the others in the column
            row = [label]
            if _start(h):
                bar = "bar:" + pkey
                end = _end(h)
                if h.get("status") == "current" and not h.get("end_date"):
                    end = max(end or "", scale.last)
                seen_only = not h.get("start_date")
                g.add_node(bar, group="_seen" if seen_only else "_bar", text="", detail=detail, tip=node_tip(detail),
                           start=_start(h), end=end, focus=False)
                row.append(bar)
            rows.append(("post", row))

    for ok in sorted(by_org, key=lambda k: min(_start(mine[p][1]) for p in by_org[k])):
        o = orgs[ok]
        head = "org:" + (ok or "?")
        _add_box(g, head, "Organization", bold=wrap(o.get("name") or "(chưa rõ tổ chức)", LABEL_CHARS)[:2],
                 detail="\n".join(describe_node(o)) if o else "Chức vụ chưa gắn với tổ chức nào")
        rows.append(("org", [head]))
        post_rows(by_org[ok], with_org=False)

    if undated:
        rows.append(("heading", [_heading(g, "undated", f"Chưa rõ thời gian ({len(undated)})")]))
        post_rows(undated, with_org=True)
    if events:
        rows.append(("heading", [_heading(g, "events", f"Đại hội, sự kiện ({len(events)})")]))
        for when, c, a, org_name in sorted(events, key=lambda e: (e[0] or "9999", e[1].get("name") or "")):
            ek = "event:" + c["key"]
            if ek in g:
                continue
            role = ROLE_WORDS.get(a.get("role"), a.get("role") or "dự")
            said = [f"{who_name}: {role}"] + provenance(a, articles)
            detail = "\n".join(describe_node(c) + ([f"của {org_name}"] if org_name else []) + said)
            lines = wrap(c.get("name") or c["key"], LABEL_CHARS)
            if len(lines) > 2:
                lines = lines[:1] + [clip(lines[1] + " …", LABEL_CHARS)]
            group = c.get("_label") if c.get("_label") in ("Congress", "Event") else "Event"
            _add_box(g, ek, group, plain=lines, ital=[", ".join(x for x in (when, role) if x)], detail=detail)
            row = [ek]
            if when:
                g.add_node("mark:" + ek, group="_mark", text="", detail=detail, tip=node_tip(detail),
                           start=when, end=when, focus=False)
                row.append("mark:" + ek)
            rows.append(("event", row))

    axis = layout_timeline(g, rows, scale)
    dated = len(mine) - len(undated)
    subtitle = (f"{len(mine)} chức vụ ở {len(orgs)} tổ chức ({dated} có ngày, {len(undated)} chưa rõ thời gian), "
                f"{len(events)} đại hội/sự kiện" + (f"; {scale.first} → {scale.last}" if scale.first else ""))
    return Picture(g, f"Quá trình công tác: {who_name}", subtitle, kind="person", notes=notes, axis=axis)


def _source_list(props: dict) -> list[str]:
    sources = props.get("sources")
    return [s for s in (sources if isinstance(sources, list) else [sources]) if isinstance(s, str)]


def _heading(g: nx.MultiDiGraph, key: str, text: str) -> str:
    hk = "heading:" + key
    _add_box(g, hk, "_heading", bold=[text], detail=text)
    return hk
