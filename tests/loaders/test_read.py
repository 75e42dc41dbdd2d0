"""Tests for loaders.read: files, directories, globs and JSON Lines in, RawArticles out.

One bad input is a ReadProblem (reported and skipped), never an exception, so the rest
of a load goes on.  The article text used is the lead of seeds/001.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from orggraph.loaders.read import RawArticle, ReadProblem, read_inputs

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

LEAD = ("(HPĐT)- Sáng 16-10, đồng chí Lê Tiến Châu, Ủy viên Trung ương Đảng, Bí thư Thành ủy, "
        "Trưởng Đoàn đại biểu Quốc hội Hải Phòng chủ trì làm việc với Đảng ủy Khối các cơ quan thành phố.")


def read(*paths) -> list:
    return list(read_inputs([str(p) for p in paths]))


def articles(items) -> list[RawArticle]:
    return [i for i in items if isinstance(i, RawArticle)]


def problems(items) -> list[ReadProblem]:
    return [i for i in items if isinstance(i, ReadProblem)]


def write_jsonl(path: Path, rows, gz: bool = False) -> Path:
    data = "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows)
    if gz:
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------
# Text files, directories, globs


def test_txt_file_is_one_article_named_after_the_file(tmp_path):
    f = tmp_path / "001_hp.txt"
    f.write_text(LEAD, encoding="utf-8")
    [item] = read(f)
    assert isinstance(item, RawArticle)
    assert item.source == "001_hp.txt"
    assert item.text == LEAD
    assert item.html is False


def test_html_file_is_marked_html(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(f"<html><body><p>{LEAD}</p></body></html>", encoding="utf-8")
    [item] = read(f)
    assert isinstance(item, RawArticle) and item.html is True


def test_directory_is_read_recursively_in_name_order_and_skips_other_files(tmp_path):
    (tmp_path / "b.txt").write_text(LEAD, encoding="utf-8")
    (tmp_path / "a.txt").write_text(LEAD + " a", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.md").write_text(LEAD + " c", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "d.txt").write_text(LEAD, encoding="utf-8")
    items = read(tmp_path)
    assert not problems(items)
    assert [a.source for a in articles(items)] == ["a.txt", "b.txt", "c.md"]


def test_the_seeds_directory_gives_five_articles():
    items = read(SEEDS)
    assert not problems(items)
    assert [a.source for a in articles(items)] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert len(articles(items)) == 5


def test_glob_matches_files(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(LEAD, encoding="utf-8")
    assert [a.source for a in articles(read(tmp_path / "x*.txt"))] == ["x1.txt", "x2.txt"]


def test_glob_matching_nothing_is_a_problem(tmp_path):
    [p] = read(tmp_path / "nothing-*.txt")
    assert isinstance(p, ReadProblem)


def test_missing_path_is_a_problem_and_the_rest_still_loads(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(LEAD, encoding="utf-8")
    items = read(tmp_path / "missing.txt", good)
    assert [p.source for p in problems(items)] == [str(tmp_path / "missing.txt")]
    assert "no such file" in problems(items)[0].message
    assert [a.source for a in articles(items)] == ["good.txt"]


def test_directory_without_articles_is_a_problem(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    [p] = read(tmp_path)
    assert isinstance(p, ReadProblem)


@pytest.mark.parametrize("content", [b"", b"   \n\n \t"])
def test_empty_file_is_a_problem(tmp_path, content):
    f = tmp_path / "empty.txt"
    f.write_bytes(content)
    [p] = read(f)
    assert isinstance(p, ReadProblem) and "empty" in p.message


def test_invalid_utf8_is_a_problem(tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes(LEAD.encode("utf-8")[:40] + b"\xff\xfe Th\xe0nh \xfay")
    [p] = read(f)
    assert isinstance(p, ReadProblem) and "UTF-8" in p.message


def test_binary_file_is_a_problem(tmp_path):
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x00\x01\x02JFIF\x00" * 50)
    [p] = read(f)
    assert isinstance(p, ReadProblem) and "binary" in p.message


def test_problem_prints_as_one_line_with_its_source(tmp_path):
    [p] = read(tmp_path / "missing.txt")
    line = str(p)
    assert line.startswith(str(tmp_path / "missing.txt") + ": ") and "\n" not in line


# ---------------------------------------------------------------------------------------
# JSON Lines


DEV_ROW = {"id": "dev-08", "title": "Tham dự buổi lễ", "date": "2021-04-22", "url": "https://example.org/a",
           "text": "Tham dự buổi lễ còn có Bộ trưởng Bộ KH&CN Huỳnh Thành Đạt."}


def test_jsonl_rows_become_articles_with_their_fields(tmp_path):
    f = write_jsonl(tmp_path / "dev.jsonl", [DEV_ROW, {"id": 17, "text": LEAD}])
    items = read(f)
    assert not problems(items)
    a, b = articles(items)
    assert (a.source, a.title, a.date, a.url, a.text) == ("dev-08", DEV_ROW["title"], "2021-04-22",
                                                         DEV_ROW["url"], DEV_ROW["text"])
    assert b.source == "17" and b.title is None and b.date is None


def test_jsonl_gz_reads_like_jsonl(tmp_path):
    f = write_jsonl(tmp_path / "dev.jsonl.gz", [DEV_ROW, {"id": "x", "text": LEAD}], gz=True)
    items = read(f)
    assert not problems(items)
    assert [a.source for a in articles(items)] == ["dev-08", "x"]


def test_the_dev_set_reads_whole():
    dev = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev.jsonl"
    if not dev.exists():
        pytest.skip("shared/eval/dev.jsonl not present")
    items = read(dev)
    assert not problems(items)
    ids = [json.loads(line)["id"] for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(ids) >= 20
    assert [a.source for a in articles(items)] == ids  # every row, in order, none lost


def test_row_without_id_is_named_after_file_and_line(tmp_path):
    f = write_jsonl(tmp_path / "batch.jsonl", [{"text": LEAD}, {"id": "", "text": LEAD}])
    assert [a.source for a in articles(read(f))] == ["batch.jsonl:1", "batch.jsonl:2"]


def test_malformed_rows_are_problems_and_good_rows_still_load(tmp_path):
    f = write_jsonl(tmp_path / "mixed.jsonl", [
        {"id": "a", "text": LEAD},
        '{"id": "b", "text": "unterminated',
        '["a", "list"]',
        "42",
        {"id": "c", "text": LEAD},
    ])
    items = read(f)
    assert [a.source for a in articles(items)] == ["a", "c"]
    assert [p.source for p in problems(items)] == [f"{f}:2", f"{f}:3", f"{f}:4"]


@pytest.mark.parametrize("row", [{"id": "n1"}, {"id": "n2", "text": ""}, {"id": "n3", "text": "  \n "},
                                 {"id": "n4", "text": None}, {"id": "n5", "text": 12}])
def test_row_without_text_is_a_problem(tmp_path, row):
    f = write_jsonl(tmp_path / "rows.jsonl", [row])
    [p] = read(f)
    assert isinstance(p, ReadProblem) and "text" in p.message


def test_blank_lines_in_jsonl_are_not_problems(tmp_path):
    f = tmp_path / "blank.jsonl"
    f.write_text(json.dumps({"id": "a", "text": LEAD}) + "\n\n   \n" + json.dumps({"id": "b", "text": LEAD}) + "\n",
                 encoding="utf-8")
    items = read(f)
    assert not problems(items) and len(articles(items)) == 2


def test_invalid_utf8_row_is_a_problem(tmp_path):
    f = tmp_path / "bytes.jsonl"
    f.write_bytes(b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "\xff\xfe"}\n')
    items = read(f)
    assert [a.source for a in articles(items)] == ["a"]
    assert [p.source for p in problems(items)] == [f"{f}:2"]


def test_truncated_gz_keeps_rows_before_the_cut_and_reports_the_rest(tmp_path):
    whole = tmp_path / "whole.jsonl.gz"
    write_jsonl(whole, [{"id": f"r{i}", "text": LEAD + f" {i} " + "x" * 2000} for i in range(50)], gz=True)
    data = whole.read_bytes()
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) // 2])
    items = read(cut)  # must not raise
    assert problems(items), "a truncated archive must be reported"
    assert all(isinstance(i, (RawArticle, ReadProblem)) for i in items)
    assert len(articles(items)) < 50


def test_gz_that_is_not_gzip_is_a_problem(tmp_path):
    f = tmp_path / "fake.jsonl.gz"
    f.write_text(json.dumps({"id": "a", "text": LEAD}), encoding="utf-8")
    items = read(f)
    assert problems(items) and not articles(items)


def test_empty_jsonl_raises_nothing(tmp_path):
    f = tmp_path / "empty.jsonl"
    f.write_text("", encoding="utf-8")
    assert articles(read(f)) == []


def test_html_row_is_marked_html(tmp_path):
    f = write_jsonl(tmp_path / "pages.jsonl", [{"id": "p", "text": "<!DOCTYPE html><html><body>x</body></html>"},
                                               {"id": "q", "text": LEAD, "html": True}])
    assert [a.html for a in articles(read(f))] == [True, True]
