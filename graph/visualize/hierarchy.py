"""The hierarchy page: the organization tree below and the chain above, key holders on a date."""
from __future__ import annotations

import datetime

import networkx as nx

from orggraph.graph.store import Store
from orggraph.graph.provenance import attach_evidence
from orggraph.graph.visualize.layout import layout_row, layout_tree
from orggraph.graph.visualize.lookup import _articles, _holders, _source_keys, find_organization
from orggraph.graph.visualize.picture import (DEFAULT_DEPTH, DEFAULT_MAX_NODES, MAX_ANCESTOR_LEVELS,
                                             MAX_HOLDER_LINES, Picture, _add_box, check_size)
from orggraph.graph.visualize.text import (_status, check_date, covers, describe_node, node_tip, provenance,
                                          tenure_text, wrap)
from orggraph.graph.visualize.words import _title_rank
from orggraph.loaders.normalize import fold


def hierarchy(store: Store, org: str, *, depth: int = DEFAULT_DEPTH, on: str | None = None,
              max_nodes: int | None = DEFAULT_MAX_NODES) -> Picture:
    """The organizations below `org` (SUBORDINATE_TO, `depth` levels) and the chain above it, top-down,
    each showing who held its key posts on `on` (default: today, or the graph's latest article when
    that is more than a year old, said in a note on the page)."""
    notes: list[str] = []
    on = check_date(on)
    if on is None:
        on, note = default_date(store)
        notes += [note] if note else []
    top = find_organization(store, org)
    orgs: dict[str, dict] = {top["key"]: top}
    links: dict[tuple[str, str], dict] = {}  # (child, parent) -> the SUBORDINATE_TO properties
    children: dict[str, list[str]] = {}
    frontier = [top["key"]]
    for _ in range(max(depth, 0)):
        if not frontier:
            break
        rows = store.read("MATCH (c:Organization)-[r:SUBORDINATE_TO]->(p:Organization) WHERE p.key IN $keys "
                          "RETURN c, r, p.key AS parent", {"keys": frontier}).rows
        nxt = []
        for c, r, parent in sorted(rows, key=lambda row: (row[0].get("name") or "", row[0]["key"])):
            links.setdefault((c["key"], parent), r)
            children.setdefault(parent, []).append(c["key"])
            if c["key"] not in orgs:
                orgs[c["key"]] = c
                nxt.append(c["key"])
        check_size(len(orgs), max_nodes, f"the hierarchy of {top['name']}")
        frontier = nxt
    # The chain above: every organization the selected one is (transitively) under.
    above: dict[str, int] = {}
    frontier = [top["key"]]
    for level in range(1, MAX_ANCESTOR_LEVELS + 1):
        if not frontier:
            break
        rows = store.read("MATCH (c:Organization)-[r:SUBORDINATE_TO]->(p:Organization) WHERE c.key IN $keys "
                          "RETURN c.key AS child, r, p", {"keys": frontier}).rows
        nxt = []
        for child, r, p in sorted(rows, key=lambda row: (row[2].get("name") or "", row[2]["key"])):
            links.setdefault((child, p["key"]), r)
            if p["key"] not in orgs:
                orgs[p["key"]] = p
                above[p["key"]] = level
                nxt.append(p["key"])
        frontier = nxt
    check_size(len(orgs), max_nodes, f"the hierarchy of {top['name']}")

    tenures = [t for t in _holders(store, list(orgs)) if covers(t["h"], on)]
    attach_evidence(store, [(t["h"], t["person_key"], t["position_key"]) for t in tenures]
                    + [(r, child, parent) for (child, parent), r in links.items()])
    articles = _articles(store, _source_keys([t["h"] for t in tenures] + list(links.values())))
    by_org: dict[str, list[dict]] = {}
    for t in tenures:
        by_org.setdefault(t["org"], []).append(t)

    g = nx.MultiDiGraph()
    for key, node in orgs.items():
        held = sorted(by_org.get(key, []), key=lambda t: (_title_rank(t["title"]), fold(t["title"] or ""),
                                                          t["person"] or ""))
        lines: list[str] = []
        for t in held[:MAX_HOLDER_LINES]:
            lines += wrap(f"{t['title']}: {t['person']}", 40)
        if len(held) > MAX_HOLDER_LINES:
            lines.append(f"+ {len(held) - MAX_HOLDER_LINES} người khác")
        detail = describe_node(node) + [""]
        tip = list(detail)
        if held:
            detail.append(f"Người giữ chức ngày {on}:")
        else:
            detail.append(f"Không có ai được ghi nhận giữ chức ở đây ngày {on}.")
        for i, t in enumerate(held):
            detail.append(f"• {t['title']}: {t['person']} ({tenure_text(t['h'])}, {_status(t['h'])})")
            detail += ["   " + line for line in provenance(t["h"], articles)]
            if i < MAX_HOLDER_LINES:  # the tooltip: each key holder with the first sentence that says so
                tip.append(f"• {t['title']}: {t['person']} ({tenure_text(t['h'])})")
                tip += ["   " + line for line in provenance(t["h"], articles, width=110)[:1]]
        if len(held) > MAX_HOLDER_LINES:
            tip.append(f"… và {len(held) - MAX_HOLDER_LINES} người khác (bấm để xem)")
        _add_box(g, key, "Organization", bold=wrap(node.get("name") or key, 30), plain=lines,
                 ital=[] if held else ["chưa rõ người giữ chức"], detail="\n".join(detail), tip="\n".join(tip),
                 focus=(key == top["key"]))
    for (child, parent), r in links.items():
        since = " ".join(x for x in (r.get("since") and f"từ {r['since']}", r.get("until") and f"đến {r['until']}")
                         if x)
        detail = [f"{orgs[child].get('name')} trực thuộc {orgs[parent].get('name')}"
                  + (f" ({since})" if since else "")] + provenance(r, articles)
        g.add_edge(child, parent, type="SUBORDINATE_TO", text="", detail="\n".join(detail),
                   tip=node_tip("\n".join(detail[:3])))

    # Layout: the tree below, then the chain above stacked over the selected organization.
    layout_tree(g, top["key"], children)
    if above:
        levels: dict[int, list[str]] = {}
        for key, level in above.items():
            levels.setdefault(level, []).append(key)
        y = g.nodes[top["key"]]["y"] - g.nodes[top["key"]]["h"] / 2
        for level in sorted(levels):
            row = sorted(levels[level], key=lambda k: orgs[k].get("name") or k)
            h = max(g.nodes[k]["h"] for k in row)
            y -= 70 + h
            layout_row(g, row, y + h / 2, g.nodes[top["key"]]["x"], 40)

    below = len(orgs) - 1 - len(above)
    subtitle = (f"{below} tổ chức trực thuộc (tới {depth} cấp), {len(above)} cấp trên; "
                f"người giữ chức ngày {on}")
    return Picture(g, f"Hệ thống tổ chức: {top['name']}", subtitle, kind="hierarchy", notes=notes)


# A graph whose latest article is older than this is an archive: "today" would find its posts empty.
STALE_DAYS = 365


def default_date(store: Store, today: datetime.date | None = None) -> tuple[str, str | None]:
    """The date a hierarchy shows when none is asked for: today, unless the graph's latest article is
    more than STALE_DAYS older, then that article's date, with a note saying so."""
    today = today or datetime.date.today()
    rows = store.read("MATCH (a:Article) WHERE a.date IS NOT NULL AND a.date >= '1900' "
                      "RETURN max(a.date) AS latest").rows
    latest = str(rows[0][0])[:10] if rows and rows[0][0] else None
    if not latest or latest >= (today - datetime.timedelta(days=STALE_DAYS)).isoformat():
        return today.isoformat(), None
    return latest, (f"Không nêu ngày (--on): dữ liệu mới nhất là bài báo ngày {latest}, cũ hơn hôm nay "
                    f"({today.isoformat()}) hơn một năm, nên trang cho thấy người giữ chức ngày {latest}.")
