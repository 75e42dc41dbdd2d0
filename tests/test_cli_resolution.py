"""Issue 12 through the real CLI and store: one node per career across provinces,
namesakes apart, `resolution` explains merges, `load --date` dates an undated archive,
and an undated statement never answers `who-held --on`."""
from __future__ import annotations

import json

from tests.conftest import SEEDS

ARTICLES = [
    {"id": "hcm-1", "text": "TP.HCM: Hội nghị Thành ủy lần thứ 12\nSáng 3/3, đồng chí Đinh La Thăng, Ủy viên Bộ Chính "
                            "trị, Bí thư Thành ủy TP.HCM chủ trì Hội nghị Thành ủy TP.HCM."},
    {"id": "th-1", "text": "Thanh Hóa: Đoàn công tác Trung ương làm việc với tỉnh\nChiều 5/6, đồng chí Đinh La Thăng, "
                           "Phó Trưởng Ban Kinh tế Trung ương đã làm việc với Tỉnh ủy Thanh Hóa."},
    # a namesake of seeds/003's Quảng Ninh Khối secretary, in a Hồ Chí Minh City district
    {"id": "q3-1", "text": "TP.HCM: Quận 3 tổ chức hội nghị\nSáng 10/5, ông Nguyễn Mạnh Cường, Phó Chủ tịch UBND "
                           "Quận 3 TP.HCM chủ trì hội nghị."},
]


def _load(cli, tmp_path, *extra: str, rows=ARTICLES):
    jsonl = tmp_path / "archive.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    db = str(tmp_path / "db")
    code, _, err = cli("--db", db, "load", *extra, str(SEEDS / "003_f801e71792efedb7.txt"), str(jsonl))
    assert code == 0, err
    return db


def _keys(cli, db, name):
    code, out, _ = cli("--db", db, "recipe", "people", "--param", f"name={name}", "-f", "json")
    assert code == 0
    return {r["key"] for r in json.loads(out)}


def test_a_national_figure_is_one_node_and_namesakes_stay_two(cli, tmp_path):
    db = _load(cli, tmp_path, "--date", "2017")
    assert _keys(cli, db, "dinh la thang") == {"p:đinh la thăng@national"}
    assert _keys(cli, db, "nguyen manh cuong") == {"p:nguyễn mạnh cường@quang ninh",
                                                   "p:nguyễn mạnh cường@ho chi minh"}
    code, out, _ = cli("--db", db, "timeline", "dinh la thang", "-f", "json")
    assert {r["organization"] for r in json.loads(out)} >= {"Thành ủy Thành phố Hồ Chí Minh", "Ban Kinh tế Trung ương"}


def test_resolution_says_what_was_merged_and_why(cli, tmp_path):
    db = _load(cli, tmp_path)
    code, out, err = cli("--db", db, "resolution", "dinh la thang", "-f", "json")
    assert code == 0, err
    rows = json.loads(out)
    assert [r["merged"] for r in rows] == ["p:đinh la thăng@national", "p:đinh la thăng@ho chi minh"]
    assert rows[1]["reason"].startswith("a central post (") and "Ban Kinh tế Trung ương" in rows[1]["reason"]
    code, _, err = cli("--db", db, "resolution", "nobody at all")
    assert code != 0 and len(err.strip().splitlines()) == 1


def test_load_date_dates_undated_rows_and_a_rows_own_date_wins(cli, tmp_path):
    rows = ARTICLES[:2] + [dict(ARTICLES[2], date="2016-12-30")]
    db = _load(cli, tmp_path, "--date", "2017-02..2017-07", rows=rows)
    code, out, _ = cli("--db", db, "query", "MATCH (a:Article) RETURN a.source AS source, a.date AS date", "-f", "json")
    dates = {r["source"]: r["date"] for r in json.loads(out)}
    assert dates["hcm-1"] == dates["th-1"] == "2017" and dates["q3-1"] == "2016-12-30"
    # the lead's day inside the period dates the statements: "Sáng 3/3" of 2017
    code, out, _ = cli("--db", db, "who-held", "Bí thư", "Thành ủy Thành phố Hồ Chí Minh", "--on", "2017-06-01",
                       "-f", "json")
    [held] = json.loads(out)
    assert (held["person"], held["first_seen"]) == ("Đinh La Thăng", "2017-03-03")


def test_a_bad_period_is_one_line_and_no_load(cli, tmp_path):
    code, _, err = cli("--db", str(tmp_path / "db"), "load", "--date", "June 2017", str(SEEDS))
    assert code != 0 and "--date" in err and len(err.strip().splitlines()) == 1


def test_an_undated_statement_covers_no_date(cli, tmp_path):
    db = _load(cli, tmp_path)  # no --date: the JSON Lines rows stay undated
    code, out, _ = cli("--db", db, "who-held", "Bí thư", "Thành ủy Thành phố Hồ Chí Minh", "--on", "2017-06-01",
                       "-f", "json")
    [held] = json.loads(out)
    assert held["status"] == "undated" and "not known to hold it on 2017-06-01" in held["note"]


def test_hierarchy_shows_registry_children_apart_from_stated_ones(cli, tmp_path):
    rows = [{"id": "th-2", "text": "Thanh Hóa: Ngành y tế họp\nSáng 4/4, ông Lê Văn Bình, Giám đốc Sở Y tế tỉnh Thanh Hóa "
                                   "chủ trì hội nghị."}]
    db = _load(cli, tmp_path, rows=rows)
    code, out, err = cli("--db", db, "hierarchy", "Ủy ban nhân dân tỉnh Thanh Hóa", "-f", "json")
    assert code == 0, err
    assert {(r["direction"], r["related_organization"], r["basis"]) for r in json.loads(out)} == {
        ("below", "Sở Y tế tỉnh Thanh Hóa", "registry")}
    code, out, _ = cli("--db", db, "hierarchy", "Đảng ủy Khối các cơ quan tỉnh Quảng Ninh", "-f", "json")
    found = {(r["direction"], r["related_organization"], r["basis"]) for r in json.loads(out)}
    assert ("above", "Tỉnh ủy Quảng Ninh", "stated") in found  # seeds/003 states it (and the registry agrees)
