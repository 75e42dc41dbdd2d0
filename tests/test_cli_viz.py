"""`orggraph viz …` end to end: the seeds drawn through the CLI, the pages opened in real headless
Chromium with the network cut off (Debian's `chromium`; CI installs it, and without it these fail)."""
from __future__ import annotations

import os
import re

import pytest

from orggraph.graph import visualize as V

DRAWN = 0.01
HEADER_PX = 150


@pytest.fixture()
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check_offline_render(page: str, png: str, max_seconds: float = 10.0) -> V.Rendering:
    html_text = open(page, encoding="utf-8").read()
    assert V.external_references(html_text) == []
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html_text, re.I)
    result = V.render_offline(page, png)
    assert result.returncode == 0, result.log
    assert result.requests == [], f"the page tried to load {result.requests}"
    assert result.seconds < max_seconds, f"took {result.seconds:.1f} s"
    assert V.drawn_fraction(png, HEADER_PX) > DRAWN, "nothing was drawn"
    return result


def test_viz_hierarchy_writes_a_page_that_renders_offline(cli, seeds_db, in_tmp):
    code, out, err = cli("--db", seeds_db, "viz", "hierarchy", "Thành ủy Hải Phòng", "--on", "2024-10-16")
    assert code == 0, err
    assert out.strip() == "hierarchy-thanh-uy-hai-phong.html"  # a name from the command, in the current directory
    assert "2 nodes" in err
    page = in_tmp / "hierarchy-thanh-uy-hai-phong.html"
    text = page.read_text(encoding="utf-8")
    assert "Thành ủy Hải Phòng" in text and "Lê Tiến Châu" in text and "Đảng ủy Khối các cơ quan" in text
    check_offline_render(str(page), str(in_tmp / "hierarchy.png"))


def test_viz_person_writes_a_page_that_renders_offline(cli, seeds_db, in_tmp):
    out_file = in_tmp / "pages" / "chau.html"
    code, out, err = cli("--db", seeds_db, "viz", "person", "le tien chau", "-o", str(out_file))
    assert code == 0, err
    assert out.strip() == str(out_file)
    text = out_file.read_text(encoding="utf-8")
    assert "Lê Tiến Châu" in text and "Trưởng Đoàn" in text and "Ban Chấp hành Trung ương Đảng" in text
    check_offline_render(str(out_file), str(in_tmp / "person.png"))


def test_viz_congress_and_query_render_offline(cli, seeds_db, in_tmp):
    code, out, err = cli("--db", seeds_db, "viz", "congress", "dang uy khoi cac co quan thanh pho hai phong")
    assert code == 0, err
    assert out.strip() == "congress-dang-uy-khoi-cac-co-quan-thanh-pho-hai-phong.html"
    assert "Phạm Xuân Thanh" in (in_tmp / out.strip()).read_text(encoding="utf-8")
    code, out, err = cli("--db", seeds_db, "viz", "query",
                         "MATCH path = (p:Person)-[:HELD_OFFICE]->(:Position)-[:OF]->(o:Organization) "
                         "WHERE o.search CONTAINS $q RETURN path", "--param", "q=hai phong", "-o", "q.html")
    assert code == 0, err
    assert out.strip() == "q.html"
    check_offline_render(str(in_tmp / "q.html"), str(in_tmp / "q.png"))


def test_viz_congress_by_ordinal(cli, seeds_db, in_tmp):
    code, out, err = cli("--db", seeds_db, "viz", "congress", "Đảng ủy Khối các cơ quan thành phố Hải Phòng",
                         "--ordinal", "5")
    assert code == 0, err
    assert out.strip() == "congress-dang-uy-khoi-cac-co-quan-thanh-pho-hai-phong-5.html"
    code, out, err = cli("--db", seeds_db, "viz", "congress", "Đảng ủy Khối các cơ quan thành phố Hải Phòng",
                         "--ordinal", "9")
    assert code == 1
    assert err.count("\n") == 1 and "no congress number 9" in err


@pytest.mark.parametrize("args, message", [
    (["hierarchy", "Tỉnh ủy Cà Mau"], "no organization matches 'Tỉnh ủy Cà Mau'"),
    (["hierarchy", "hai phong"], "matches"),
    (["hierarchy", "Thành ủy Hải Phòng", "--on", "16-10-2024"], "ISO date"),
    (["hierarchy", "Thành ủy Hải Phòng", "--max-nodes", "1"], "above the limit of 1"),
    (["person", "Nguyễn Không Có"], "no person matches"),
    (["query", "MATCH (p:Person) RETURN p.name"], "no nodes or paths to draw"),
    (["query", "CREATE (p:Person {key: 'x', name: 'x', search: 'x'}) RETURN p"], "read-only"),
    (["query", "MATCH (n) RETURN n", "--max-nodes", "3"], "above the limit of 3"),
    (["query", "MATCH (n RETURN n"], "error: "),
])
def test_viz_errors_are_one_line(cli, seeds_db, in_tmp, args, message):
    code, out, err = cli("--db", seeds_db, "viz", *args)
    assert code == 1
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
    assert message in err
    assert os.listdir(in_tmp) == []  # nothing half-written


def test_viz_help_documents_the_query_rules(cli):
    code, out, _ = cli("viz", "query", "--help")
    assert code == 0
    flat = " ".join(out.split())
    assert "paths" in flat and "same row" in flat and "--max-nodes" in flat


def test_viz_hierarchy_of_an_old_graph_defaults_to_its_latest_article(cli, seeds_db, in_tmp):
    """The seeds' latest article is 2024-10-16: once that is over a year old, a hierarchy without --on
    shows the posts on that date (Lê Tiến Châu became Bí thư that day) and says so on the page."""
    import datetime

    from orggraph.graph.store import open_store
    from orggraph.graph.visualize.hierarchy import default_date

    with open_store(seeds_db, read_only=True) as store:
        assert default_date(store, datetime.date(2024, 12, 1)) == ("2024-12-01", None)  # recent: today
        on, note = default_date(store, datetime.date(2026, 12, 1))
    assert on == "2024-10-16" and "2024-10-16" in note and "--on" in note
    code, out, err = cli("--db", seeds_db, "viz", "hierarchy", "Thành ủy Hải Phòng", "-o", "h.html")
    assert code == 0, err
    text = (in_tmp / "h.html").read_text(encoding="utf-8")
    today = datetime.date.today()
    if today > datetime.date(2025, 10, 16):
        assert '<p class="note">' in text and "dữ liệu mới nhất là bài báo ngày 2024-10-16" in text
        assert "Bí thư: Lê Tiến Châu" in text and "người giữ chức ngày 2024-10-16" in text
    else:  # the clock says the seeds are recent: today it is
        assert f"người giữ chức ngày {today.isoformat()}" in text
    code, out, err = cli("--db", seeds_db, "viz", "hierarchy", "Thành ủy Hải Phòng", "--on", "2020-08-04",
                         "-o", "h2.html")
    assert code == 0 and "dữ liệu mới nhất" not in (in_tmp / "h2.html").read_text(encoding="utf-8")


def test_viz_person_page_is_a_timeline_with_search_and_kind_filter(cli, seeds_db, in_tmp):
    code, out, err = cli("--db", seeds_db, "viz", "person", "le tien chau", "-o", "p.html")
    assert code == 0, err
    text = (in_tmp / "p.html").read_text(encoding="utf-8")
    assert 'id="search"' in text and 'class="kind"' in text and '"axis":{"ticks":' in text
    view = V.opening_view(str(in_tmp / "p.html"))
    assert view.overlaps() == [] and any("Lê Tiến Châu" in b.text for b in view.labels())
