"""graph/visualize/: pictures built from the seeds, their layout, the page they render to, and
real headless Chromium opening pages with the network cut off.

The browser tests need Debian's `chromium` (CI installs it); without it they fail, they do not skip.
"""
from __future__ import annotations

import json
import re
import time

import networkx as nx
import pytest

from orggraph.graph import visualize as V
from orggraph.graph.store import open_store

# A picture counts as drawn when this share of the area below the page header is not white.
DRAWN = 0.01
HEADER_PX = 150


@pytest.fixture()
def store(seeds_db):
    with open_store(seeds_db, read_only=True) as s:
        yield s


def page_payload(html_text: str) -> dict:
    m = re.search(r'<script type="application/json" id="orggraph-data">(.*?)</script>', html_text, re.S)
    assert m, "the page carries its data"
    return json.loads(m.group(1))


def boxes_overlap(g: nx.MultiDiGraph) -> list[tuple]:
    items = [(n, d["x"] - d["w"] / 2, d["x"] + d["w"] / 2, d["y"] - d["h"] / 2, d["y"] + d["h"] / 2)
             for n, d in g.nodes(data=True)]
    items.sort(key=lambda t: t[1])
    bad = []
    for i, (a, l1, r1, t1, b1) in enumerate(items):
        for b, l2, r2, t2, b2 in items[i + 1:]:
            if l2 >= r1:
                break
            if t1 < b2 and t2 < b1:
                bad.append((a, b))
    return bad


# --- dates -----------------------------------------------------------------------------------
def test_a_tenure_covers_a_date_from_its_start_until_before_its_end():
    h = {"start_date": "2020-08-04", "end_date": "2024-10-16", "status": "ended"}
    assert V.covers(h, "2020-08-04") and V.covers(h, "2024-10-15")
    assert not V.covers(h, "2024-10-16") and not V.covers(h, "2020-08-03")
    # Partial dates compare at their precision.
    assert V.covers({"start_date": "2020", "status": "current"}, "2020-01-01")
    assert not V.covers({"start_date": "2020-07", "end_date": "2021"}, "2021-03-01")
    assert V.covers({"first_seen": "2019-05-01"}, "2019-06-01")  # no stated start: the first attestation
    assert not V.covers({"status": "ended"}, "2019-06-01")


def test_bad_dates_are_refused():
    with pytest.raises(V.VizError, match="ISO date"):
        V.check_date("16/10/2024")


# --- finding what to draw ------------------------------------------------------------------
def test_organizations_match_without_diacritics_or_case(store):
    assert V.find_organization(store, "THANH UY HAI PHONG")["name"] == "Thành ủy Hải Phòng"
    assert V.find_organization(store, "Khối các cơ quan thành phố Hải Phòng")["name"] == \
        "Đảng ủy Khối các cơ quan thành phố Hải Phòng"
    with pytest.raises(V.Ambiguous, match="matches"):
        V.find_organization(store, "hai phong")
    with pytest.raises(V.NotFound, match="no organization matches"):
        V.find_organization(store, "Tỉnh ủy Cà Mau")


# --- hierarchy -------------------------------------------------------------------------------
def test_hierarchy_shows_the_tree_below_with_key_holders_on_a_date(store):
    pic = V.hierarchy(store, "thanh uy hai phong", on="2024-10-16")
    g = pic.graph
    top, child = "o:thanh uy hai phong", "o:dang uy khoi cac co quan thanh pho hai phong"
    assert set(g.nodes) == {top, child}
    assert g.nodes[top]["focus"] and not g.nodes[child]["focus"]
    assert "Bí thư: Lê Tiến Châu" in g.nodes[top]["text"]
    assert "Bí thư: Phạm Quang Hiển" in g.nodes[child]["text"]
    assert g.has_edge(child, top) and g.edges[child, top, 0]["type"] == "SUBORDINATE_TO"
    assert g.nodes[top]["y"] < g.nodes[child]["y"]  # top-down
    # Tooltips and details carry dates, the source file and the evidence sentence.
    detail = g.nodes[top]["detail"]
    assert "2024-10-16 → nay" in detail and "001_7239dae0792dcdec.txt" in detail and "Sáng 16-10" in detail
    assert "2024-10-16" in g.nodes[top]["tip"]
    assert "trực thuộc Thành ủy" in g.edges[child, top, 0]["detail"]
    assert not boxes_overlap(g)


def test_hierarchy_on_an_earlier_date_shows_who_held_the_posts_then(store):
    g = V.hierarchy(store, "Thành ủy Hải Phòng", on="2020-08-04").graph
    child = g.nodes["o:dang uy khoi cac co quan thanh pho hai phong"]["text"]
    assert "Phạm Xuân Thanh" in child and "Phạm Quang Hiển" not in child
    assert "Lê Tiến Châu" not in g.nodes["o:thanh uy hai phong"]["text"]


def test_hierarchy_draws_the_chain_above(store):
    pic = V.hierarchy(store, "khoi cac co quan thanh pho hai phong", depth=0)
    g = pic.graph
    assert g.nodes["o:thanh uy hai phong"]["y"] < g.nodes["o:dang uy khoi cac co quan thanh pho hai phong"]["y"]
    assert "1 cấp trên" in pic.subtitle


def test_a_hierarchy_above_the_size_limit_is_refused(store):
    with pytest.raises(V.TooLarge, match="above the limit of 1"):
        V.hierarchy(store, "Thành ủy Hải Phòng", max_nodes=1)


def test_a_wide_tree_is_packed_without_overlaps():
    g = nx.MultiDiGraph()
    children = {"root": [f"d{i}" for i in range(12)]}
    for i in range(12):
        children[f"d{i}"] = [f"d{i}.{j}" for j in range(40)]
    for n in ["root", *children["root"], *(c for i in range(12) for c in children[f"d{i}"])]:
        g.add_node(n)
        V.set_size(g, n, [("Đảng ủy cơ sở Trường Trung học phổ thông", V.BOLD_SIZE), ("Bí thư: Nguyễn Văn A", 14)])
    V.layout_tree(g, "root", children)
    assert not boxes_overlap(g)
    xs = [d["x"] for _, d in g.nodes(data=True)]
    ys = [d["y"] for _, d in g.nodes(data=True)]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    assert width / height < 4, "leaves are packed in columns, not one endless row"
    for i in range(12):  # every leaf sits below its parent
        assert all(g.nodes[c]["y"] > g.nodes[f"d{i}"]["y"] for c in children[f"d{i}"])


# --- a person's career: a timeline ------------------------------------------------------------
def rows_of(g: nx.MultiDiGraph) -> list[tuple[str, list]]:
    """The page's rows top-down: (the label's group, the nodes sharing its y)."""
    by_y: dict[float, list] = {}
    for n, d in g.nodes(data=True):
        by_y.setdefault(d["y"], []).append(n)
    return [(g.nodes[ns[0]]["group"], ns) for _, ns in sorted(by_y.items())]


def test_person_is_a_timeline_one_row_per_post_grouped_by_organization(store):
    pic = V.person(store, "le tien chau")
    g = pic.graph
    posts = [n for n in g if n.startswith("post:")]
    assert len(posts) == 3 and all(f"bar:{n[5:]}" in g for n in posts)  # each dated post has its bar
    # One row per post: its label and its bar, nothing else, each post under its organization's row.
    ys = [g.nodes[n]["y"] for n in posts]
    assert len(set(ys)) == 3
    for n in posts:
        assert [m for m in g if g.nodes[m]["y"] == g.nodes[n]["y"]] in ([n, f"bar:{n[5:]}"], [f"bar:{n[5:]}", n])
    order = [n for n in sorted(g, key=lambda n: g.nodes[n]["y"]) if not n.startswith("bar:")]
    assert order[0] == "person:" + V.find_person(store, "le tien chau")["key"]
    org_rows = [i for i, n in enumerate(order) if n.startswith("org:")]
    assert all(order[i + 1].startswith("post:") for i in org_rows)
    texts = " ".join(g.nodes[n]["text"] for n in order)
    assert "Thành ủy Hải Phòng" in texts and "Bí thư" in texts and "Trưởng Đoàn" in texts
    # Time runs left to right: a bar starts where its date falls on the axis, right of the labels.
    assert pic.axis and [t["text"] for t in pic.axis["ticks"]][:1] == ["2024"]
    tick = {t["text"]: t["x"] for t in pic.axis["ticks"]}
    for n in posts:
        bar = g.nodes[f"bar:{n[5:]}"]
        assert bar["start"] == "2024-10-16"
        left = bar["x"] - bar["w"] / 2
        assert tick["2024"] < left < tick["2025"]
        assert g.nodes[n]["x"] + g.nodes[n]["w"] / 2 < tick["2024"]  # labels left of the axis
    # Labels in one column: right edges line up.
    rights = {round(g.nodes[n]["x"] + g.nodes[n]["w"] / 2, 1) for n in order if n.split(":")[0] in
              ("person", "org", "post", "event")}
    assert len(rights) == 1
    events = [n for n, d in g.nodes(data=True) if d["group"] == "Event"]
    assert len(events) == 1 and "chủ trì" in g.nodes[events[0]]["text"] and f"mark:{events[0]}" in g
    assert not boxes_overlap(g) and g.number_of_edges() == 0


def test_later_dates_are_further_right_and_undated_posts_are_apart(seeds_copy):
    from orggraph.graph.store import RelWrite

    with open_store(seeds_copy) as s:
        with s.transaction():
            s.merge_nodes("Position", [
                {"key": "x:test:giam doc", "name": "Giám đốc Sở Thử Nghiệm", "search": "giam doc", "title": "Giám đốc"},
                {"key": "x:test:pho giam doc", "name": "Phó Giám đốc Sở Thử Nghiệm", "search": "pho giam doc",
                 "title": "Phó Giám đốc"}], ["name", "search", "title"])
            s.merge_relationships(RelWrite("HELD_OFFICE", "Person", "Position", ("start_date", "end_date", "status")),
                                  [{"src": "p:lê tiến châu@hai phong", "dst": "x:test:giam doc",
                                    "start_date": "2015-03", "end_date": "2019-06-01", "status": "ended"},
                                   {"src": "p:lê tiến châu@hai phong", "dst": "x:test:pho giam doc",
                                    "start_date": None, "end_date": None, "status": "ended"}])
    with open_store(seeds_copy, read_only=True) as s:
        pic = V.person(s, "p:le tien chau@hai phong")
    g = pic.graph
    old, new = g.nodes["bar:x:test:giam doc"], g.nodes["bar:pos:bi thu@o:thanh uy hai phong"]
    assert old["x"] < new["x"]
    tick = {t["text"]: t["x"] for t in pic.axis["ticks"]}
    assert abs((old["x"] - old["w"] / 2) - (tick["2015"] + (tick["2016"] - tick["2015"]) * 2 / 12)) < 1
    assert abs((old["x"] + old["w"] / 2) - (tick["2019"] + (tick["2020"] - tick["2019"]) * 5 / 12)) < 1
    # The undated post: a row under its own heading after the dated ones, with no bar.
    undated = "post:x:test:pho giam doc"
    assert "bar:x:test:pho giam doc" not in g
    heading = g.nodes["heading:undated"]
    assert heading["y"] < g.nodes[undated]["y"]
    assert all(g.nodes[n]["y"] < heading["y"] for n in g if n.startswith("bar:"))
    assert "1 chưa rõ thời gian" in pic.subtitle
    assert not boxes_overlap(g)


def test_person_details_name_who_held_the_same_post_before(store):
    g = V.person(store, "Phạm Quang Hiển").graph
    details = [d["detail"] for n, d in g.nodes(data=True) if n.startswith("post:")]
    assert any("Trước: Phạm Xuân Thanh" in d for d in details)
    assert any("Trước: Phạm Xuân Thanh" in d["tip"] for n, d in g.nodes(data=True) if n.startswith("post:"))


def test_unknown_person(store):
    with pytest.raises(V.NotFound, match="no person matches"):
        V.person(store, "Nguyễn Không Có")


# --- a congress ----------------------------------------------------------------------------
def test_congress_shows_attendees_by_role(store):
    pic = V.congress(store, "Đảng ủy Khối các cơ quan thành phố Hải Phòng")
    g = pic.graph
    assert "lần thứ VI" in pic.title
    people = {d["text"] for _, d in g.nodes(data=True) if d["group"] == "Person"}
    assert any("Phạm Xuân Thanh" in t for t in people) and any("Nguyễn Thị Nghĩa" in t for t in people)
    assert "heading:speaker" in g
    with pytest.raises(V.NotFound, match=r"have: 5, 6"):
        V.congress(store, "Đảng ủy Khối các cơ quan thành phố Hải Phòng", ordinal=9)
    assert "lần thứ V" in V.congress(store, "Đảng ủy Khối các cơ quan thành phố Hải Phòng", ordinal=5).title


# --- any query -------------------------------------------------------------------------------
def test_query_paths_draw_exactly(store):
    pic = V.query_picture(store, "MATCH path = (p:Person)-[:HELD_OFFICE]->(x:Position)-[:OF]->(o:Organization) "
                                 "WHERE p.search = 'le tien chau' RETURN path")
    g = pic.graph
    assert g.number_of_nodes() == 7  # the person, three posts, three organizations
    types = sorted(d["type"] for *_, d in g.edges(data=True))
    assert types == ["HELD_OFFICE"] * 3 + ["OF"] * 3
    person = next(n for n, d in g.nodes(data=True) if d["group"] == "Person")
    assert g.out_degree(person) == 3 and g.in_degree(person) == 0


def test_query_relationship_columns_join_their_neighbours_in_schema_direction(store):
    pic = V.query_picture(store, "MATCH (x:Position)<-[r:HELD_OFFICE]-(p:Person) WHERE p.search = 'le tien chau' "
                                 "RETURN x, r, p")
    g = pic.graph
    edges = [(g.nodes[a]["group"], g.nodes[b]["group"], d["type"]) for a, b, d in g.edges(data=True)]
    assert edges == [("Person", "Position", "HELD_OFFICE")] * 3
    assert any("2024-10-16" in d["detail"] and "Sáng 16-10" in d["detail"] for *_, d in g.edges(data=True))


def test_query_nodes_and_relationships_of_a_path_are_paired(store):
    g = V.query_picture(store, "MATCH path = (p:Person)-[:HELD_OFFICE]->(x:Position)-[:OF]->(o:Organization) "
                               "WHERE p.search = 'pham quang hien' RETURN nodes(path), relationships(path)").graph
    assert sorted(d["type"] for *_, d in g.edges(data=True)) == ["HELD_OFFICE", "OF"]


def test_query_nodes_in_one_row_are_joined_as_the_same_row(store):
    g = V.query_picture(store, "MATCH (p:Person)-[:ATTENDED]->(c:Congress) RETURN p, c").graph
    assert {d["type"] for *_, d in g.edges(data=True)} == {"_row"}


def test_query_without_nodes_is_explained(store):
    with pytest.raises(V.VizError, match="no nodes or paths to draw"):
        V.query_picture(store, "MATCH (p:Person) RETURN p.name")


def test_query_above_the_size_limit_is_refused(store):
    with pytest.raises(V.TooLarge, match="above the limit of 5"):
        V.query_picture(store, "MATCH (n) RETURN n", max_nodes=5)


# --- the page --------------------------------------------------------------------------------
def _picture_with(name: str) -> V.Picture:
    g = nx.MultiDiGraph()
    g.add_node("a", group="Organization", text=V.markup(name), tip=name, detail=name, x=0.0, y=0.0)
    g.add_node("b", group="Person", text="Lê Văn B", tip="b", detail="b", x=0.0, y=120.0)
    g.add_edge("b", "a", type="HELD_OFFICE", text="2020 → nay", tip="t", detail="d")
    return V.Picture(g, name, "thử")


def test_the_page_is_self_contained():
    html_text = V.render_html(_picture_with("Thành ủy Hải Phòng"))
    assert V.external_references(html_text) == []
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html_text, re.I)
    assert "@import" not in html_text and "@font-face" not in html_text
    assert "vis.Network" in html_text and len(html_text) > 400_000  # vis-network is inlined
    assert '<html lang="vi">' in html_text and "Người" in html_text and "Tổ chức" in html_text  # legend


def test_names_cannot_break_out_of_the_page():
    name = "</script><script>alert(1)</script> & <b>"
    html_text = V.render_html(_picture_with(name))
    assert "<script>alert(1)" not in html_text
    payload = page_payload(html_text)
    assert payload["nodes"][0]["title"] == name  # tooltips are text, shown as text
    assert "&lt;/script>" in payload["nodes"][0]["label"]


def test_external_references_are_found():
    assert V.external_references('<script src="https://unpkg.com/vis-network"></script>')
    assert V.external_references("<link href='//cdn.example.org/b.css' rel=stylesheet>")
    assert V.external_references("body{background:url(https://x.example/i.png)}")
    assert V.external_references("@import url('https://fonts.googleapis.com/css?family=Roboto');")


def test_big_pictures_drop_edge_labels_and_curves():
    g = nx.MultiDiGraph()
    for i in range(V.BIG_NODES + 1):
        g.add_node(i, group="Person", text=str(i), x=float(i), y=0.0)
    for i in range(V.BIG_NODES):
        g.add_edge(i, i + 1, type="OF", text="thuộc")
    data = V.page_data(V.Picture(g, "lớn"))
    assert data["big"] and data["options"]["edges"]["smooth"] is False
    assert data["options"]["physics"]["enabled"] is False
    assert all("label" not in e for e in data["edges"])


def test_default_file_names():
    assert V.default_filename("hierarchy", "Thành ủy Hải Phòng") == "hierarchy-thanh-uy-hai-phong.html"
    assert V.default_filename("person", "Lê Tiến Châu") == "person-le-tien-chau.html"
    assert re.fullmatch(r"query-[0-9a-f]{8}\.html", V.default_filename("query", "MATCH (n) RETURN n"))


# --- in a real browser, offline ------------------------------------------------------------
def synthetic_picture(n_orgs: int = 400, per_org: int = 4) -> V.Picture:
    """n_orgs * (1 + per_org) nodes: organizations in a tree, per_org / 2 posts each and their holders,
    laid out like the query pictures."""
    g = nx.MultiDiGraph()
    for i in range(n_orgs):
        org = f"o{i}"
        g.add_node(org, group="Organization", text=V.markup(f"Đảng ủy xã Thử Nghiệm {i}"), tip=f"Tổ chức {i}")
        V.set_size(g, org, [(f"Đảng ủy xã Thử Nghiệm {i}", 14)])
        if i:
            g.add_edge(org, f"o{(i - 1) // 5}", type="SUBORDINATE_TO", text="", tip="trực thuộc")
        for j in range(per_org // 2):
            pos, person = f"x{i}.{j}", f"p{i}.{j}"
            g.add_node(pos, group="Position", text="Bí thư" if j == 0 else "Phó Bí thư", tip="chức vụ")
            V.set_size(g, pos, [("Phó Bí thư", 15)])
            g.add_node(person, group="Person", text=f"Nguyễn Văn {i}.{j}", tip="2020-08-04 → nay")
            V.set_size(g, person, [(f"Nguyễn Văn {i}.{j}", 14)])
            g.add_edge(pos, org, type="OF", text="", tip="thuộc")
            g.add_edge(person, pos, type="HELD_OFFICE", text="2020-08-04 → nay", tip="“Câu trích.” — 001.txt")
    V.layout_layers(g)
    return V.Picture(g, "Đồ thị thử nghiệm", f"{g.number_of_nodes()} nút")


def test_chromium_sees_what_a_page_tries_to_fetch(tmp_path):
    """The control: a page that loads from the network is caught (so a clean report means something)."""
    page = tmp_path / "leaky.html"
    page.write_text('<!doctype html><html><body><h1>x</h1><img src="http://example.com/x.png">'
                    '<script src="https://unpkg.com/vis-network/standalone/umd/vis-network.min.js"></script>'
                    '</body></html>', encoding="utf-8")
    result = V.render_offline(str(page), str(tmp_path / "leaky.png"))
    assert "http://example.com/x.png" in result.requests
    assert any("unpkg.com" in url for url in result.requests)


def test_a_2000_node_page_renders_offline_quickly(tmp_path):
    pic = synthetic_picture(400, 4)
    assert pic.node_count == 2000
    page = str(tmp_path / "big.html")
    V.write_html(pic, page)
    started = time.perf_counter()
    result = V.render_offline(page, str(tmp_path / "big.png"))
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.log
    assert result.requests == []
    assert seconds < 15, f"a 2,000-node page took {seconds:.1f} s"
    assert V.drawn_fraction(result.png, HEADER_PX) > DRAWN


# --- large pages open where labels can be read (real Chromium) --------------------------------
READABLE = 0.8  # page.js: below this zoom a 14 px label is under 11 px on screen


def test_overlapping_boxes_on_screen_are_found():
    box = lambda i, left, top: V.Box(i, "Person", f"b{i}", left, top, left + 100, top + 40)  # noqa: E731
    view = V.OpeningView(1.0, 800, 600, [box(0, 0, 0), box(1, 100, 0), box(2, 50, 39.5), box(3, 150, 30)], [], "")
    assert [(a.id, b.id) for a, b in view.overlaps()] == [(1, 3)]  # touching or within 1 px is not overlap


def check_opening_view(page: str, png: str) -> V.OpeningView:
    """The page as it opens: readable zoom, text on screen, no two boxes covering each other, pixels."""
    result = V.render_offline(page, png)
    assert result.returncode == 0 and result.requests == [], (result.log, result.requests)
    assert V.drawn_fraction(png, HEADER_PX) > DRAWN, "the screenshot is blank"
    view = V.opening_view(page)
    assert view.scale >= READABLE - 1e-6, f"opens at zoom {view.scale:.2f}: labels too small to read"
    labels = view.labels()
    assert len(labels) >= 8 and all(b.text.strip() for b in labels)
    assert view.overlaps() == [], [(a.text, b.text) for a, b in view.overlaps()[:5]]
    return view


def long_career(path: str, posts: int = 120, undated: int = 15) -> None:
    """Lê Tiến Châu with `posts` more dated posts in 30 organizations over 1990-2024 and `undated` more."""
    from orggraph.graph.store import RelWrite

    with open_store(path) as s, s.transaction():
        s.merge_nodes("Organization", [{"key": f"o:test:{i}", "name": f"Sở Thử Nghiệm số {i} tỉnh Bình Định",
                                        "search": f"so thu nghiem so {i} tinh binh dinh"} for i in range(30)],
                      ["name", "search"])
        rows = [{"key": f"x:test:{i}", "name": f"Phó Giám đốc Sở Thử Nghiệm số {i % 30}", "search": f"pgd {i}",
                 "title": f"Phó Giám đốc phụ trách mảng {i}"} for i in range(posts + undated)]
        s.merge_nodes("Position", rows, ["name", "search", "title"])
        s.merge_relationships(RelWrite("OF", "Position", "Organization"),
                              [{"src": f"x:test:{i}", "dst": f"o:test:{i % 30}"} for i in range(posts + undated)])
        held = [{"src": "p:lê tiến châu@hai phong", "dst": f"x:test:{i}",
                 "start_date": f"{1990 + i * 34 // posts}-{1 + i % 12:02d}" if i < posts else None,
                 "end_date": f"{1991 + i * 34 // posts}-06" if i < posts else None, "status": "ended"}
                for i in range(posts + undated)]
        s.merge_relationships(RelWrite("HELD_OFFICE", "Person", "Position", ("start_date", "end_date", "status")), held)


def test_a_long_career_opens_at_a_readable_zoom_without_overlapping_labels(seeds_copy, tmp_path):
    long_career(seeds_copy)
    with open_store(seeds_copy, read_only=True) as s:
        pic = V.person(s, "p:le tien chau@hai phong")
    assert sum(1 for n in pic.graph if n.startswith("bar:")) == 123
    page = str(tmp_path / "career.html")
    V.write_html(pic, page)
    view = check_opening_view(page, str(tmp_path / "career.png"))
    # The page is far taller than the window (fit-to-window would shrink it to specks) and opens on
    # its start: the person's own box, top left.
    focus = next(b for b in view.boxes if b.group == "Person")
    assert "Lê Tiến Châu" in focus.text and 0 <= focus.top < view.height / 4 and 0 <= focus.left < view.width / 2
    assert max(b.bottom for b in view.boxes) > view.height - 50


def large_hierarchy(districts: int = 30, per_district: int = 14) -> V.Picture:
    """A province committee, its districts and their communes, laid out as `viz hierarchy` does."""
    from orggraph.graph.visualize.picture import _add_box

    g = nx.MultiDiGraph()
    children: dict = {"root": []}
    _add_box(g, "root", "Organization", bold=["Tỉnh ủy Thử Nghiệm"], plain=["Bí thư: Nguyễn Văn Một"], focus=True)
    for d in range(districts):
        dk = f"d{d}"
        _add_box(g, dk, "Organization", bold=[f"Huyện ủy Thử Nghiệm {d}"], plain=[f"Bí thư: Trần Văn {d}"])
        children["root"].append(dk)
        children[dk] = []
        for c in range(per_district):
            ck = f"c{d}.{c}"
            _add_box(g, ck, "Organization", bold=[f"Đảng ủy xã Thử Nghiệm {d * per_district + c}"],
                     plain=[f"Bí thư: Lê Văn {d}.{c}"], ital=[] if c % 3 else ["chưa rõ người giữ chức"])
            children[dk].append(ck)
            g.add_edge(ck, dk, type="SUBORDINATE_TO", text="", tip="trực thuộc")
        g.add_edge(dk, "root", type="SUBORDINATE_TO", text="", tip="trực thuộc")
    V.layout_tree(g, "root", children)
    return V.Picture(g, "Hệ thống tổ chức: Tỉnh ủy Thử Nghiệm", "thử", kind="hierarchy")


def test_a_large_hierarchy_opens_at_a_readable_zoom_on_its_top(tmp_path):
    pic = large_hierarchy()
    assert pic.node_count == 451
    page = str(tmp_path / "tree.html")
    V.write_html(pic, page)
    view = check_opening_view(page, str(tmp_path / "tree.png"))
    top = [b for b in view.boxes if "Tỉnh ủy Thử Nghiệm" in b.text]
    assert top and 0 <= top[0].top < view.height / 3  # the organization asked for, near the top


SEARCH = """var s = document.getElementById('search'); s.value = %s;
s.dispatchEvent(new Event('input'));
s.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));"""


def test_the_search_box_finds_and_focuses_a_box(tmp_path):
    page = str(tmp_path / "tree.html")
    V.write_html(large_hierarchy(), page)
    before = V.opening_view(page)
    assert not any("Thử Nghiệm 377" in b.text for b in before.boxes)  # far off screen at first
    view = V.opening_view(page, then=SEARCH % json.dumps("dang uy xa thu nghiem 377"))  # no diacritics
    assert view.found == "1/1"
    hit = [b for b in view.boxes if "Đảng ủy xã Thử Nghiệm 377" in b.text]
    assert len(hit) == 1 and view.selected == [hit[0].id]
    middle = ((hit[0].left + hit[0].right) / 2, (hit[0].top + hit[0].bottom) / 2)
    assert abs(middle[0] - view.width / 2) < 5 and abs(middle[1] - view.height / 2) < 5
    assert V.opening_view(page, then=SEARCH % json.dumps("khong co ai")).found == "không thấy"


def test_the_legend_filters_by_kind(seeds_db, tmp_path):
    with open_store(seeds_db, read_only=True) as s:
        pic = V.person(s, "le tien chau")
    page = str(tmp_path / "chau.html")
    V.write_html(pic, page)
    shown = V.opening_view(page)
    assert {"Position", "_bar", "Organization"} <= {b.group for b in shown.boxes}
    untick = ("var b = document.querySelector('input.kind[data-groups=Position]'); b.checked = false; "
              "b.dispatchEvent(new Event('change'));")
    view = V.opening_view(page, then=untick)
    groups = {b.group for b in view.boxes}
    assert "Position" not in groups and {"_bar", "Organization", "Person"} <= groups
