"""Persons whose names differ only in tone marks stay apart, through the real CLI, on
sentences from the 2017 archive: Nguyễn Thành Phong (chairman of Hồ Chí Minh City's
People's Committee) is not Nguyễn Thanh Phong (head of the food-safety department, or a
doctor in the same city).  Keys typed without tone marks still work when they mean one
node; curation files written when keys were folded still apply."""
from __future__ import annotations

import json

from tests.conftest import SEEDS

CHAIRMAN = {"id": "21493259", "date": "2017-02-08", "text": (
    "TP.HCM ban hành quy chế Ban Quản lý an toàn thực phẩm\n"
    "Ông Nguyễn Thành Phong - Chủ tịch UBND TP.HCM - vừa ký quyết định ban hành quy chế tổ chức và hoạt động "
    "của Ban Quản lý an toàn thực phẩm (ATTP).")}
FOOD_SAFETY = {"id": "21494285", "date": "2017-02-08", "text": (
    "Kiểm soát an toàn thực phẩm dịp lễ hội\n"
    "Ông Nguyễn Thanh Phong, Cục trưởng Cục ATTP (Bộ Y tế) cho biết, những ngày tới, Cục sẽ tiếp tục đôn đốc "
    "các địa phương thực hiện trách nhiệm kiểm soát ATTP trong dịp lễ hội xuân 2017.")}
DOCTOR = {"id": "22315191", "date": "2017-06-20", "text": (
    "Gia tăng bệnh nhân uốn ván\n"
    "Theo bác sỹ Nguyễn Thanh Phong, Trưởng khoa Nhiễm D - Bệnh viện Bệnh Nhiệt đới Thành phố Hồ Chí Minh, "
    "trung bình mỗi ngày khoa tiếp nhận từ 15-20 trường hợp mắc uốn ván chuyển lên từ Khoa Cấp cứu.")}
HOA_OLD = {"id": "th-1", "date": "2017-06-01", "text": (
    "Thanh Hoá: hội nghị\nÔng Lê Văn Hoà, Phó Chủ tịch UBND tỉnh Thanh Hoá, phát biểu tại hội nghị.")}
HOA_NEW = {"id": "th-2", "date": "2017-06-08", "text": (
    "Thanh Hóa: kiểm tra\nÔng Lê Văn Hòa, Phó Chủ tịch UBND tỉnh Thanh Hóa, kiểm tra công trình.")}
CAPTION = {"id": "cap-1", "date": "2017-07-01", "text": (
    "Thủ tướng làm việc với tỉnh\nThủ tướng NGUYỄN XUÂN PHÚC phát biểu chỉ đạo tại buổi làm việc. Ảnh: VGP")}
PRIME_MINISTER = {"id": "pm-1", "date": "2017-07-02", "text": (
    "Thủ tướng dự hội nghị\nThủ tướng Nguyễn Xuân Phúc dự hội nghị xúc tiến đầu tư.")}
HAU_GIANG = {"id": "hg-1", "date": "2022-01-05", "text": (
    "Hậu Giang: Hội nghị Tỉnh ủy\nSáng 5/1/2022, đồng chí Đỗ Mạnh Hiến, Bí thư Tỉnh ủy Hậu Giang "
    "chủ trì Hội nghị Ban Chấp hành Đảng bộ tỉnh.")}


def _load(cli, tmp_path, *rows, db: str | None = None, extra=()) -> str:
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    db = db or str(tmp_path / "db")
    code, _, err = cli("--db", db, "load", *extra, str(path))
    assert code == 0, err
    return db


def _people(cli, db: str, name: str) -> dict:
    code, out, err = cli("--db", db, "recipe", "people", "--param", f"name={name}", "-f", "json")
    assert code == 0, err
    return {row["key"]: row for row in json.loads(out)}


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_thanh_and_thanh_with_a_grave_are_two_persons(cli, tmp_path):
    db = _load(cli, tmp_path, CHAIRMAN, FOOD_SAFETY)
    people = _people(cli, db, "nguyen thanh phong")
    assert {k: r["person"] for k, r in people.items()} == {"p:nguyễn thành phong@ho chi minh": "Nguyễn Thành Phong",
                                                         "p:nguyễn thanh phong@national": "Nguyễn Thanh Phong"}
    # Typed without marks the name means both spellings: two names, so which one?
    code, _, err = cli("--db", db, "timeline", "nguyen thanh phong")
    line = _one_line(err)
    assert code == 1 and "Nguyễn Thành Phong" in line and "Nguyễn Thanh Phong" in line
    code, out, err = cli("--db", db, "timeline", "Nguyễn Thành Phong", "-f", "json")
    assert code == 0, err
    assert {(r["person"], r["title"], r["organization"]) for r in json.loads(out)} == {
        ("Nguyễn Thành Phong", "Chủ tịch", "Ủy ban nhân dân Thành phố Hồ Chí Minh")}
    # A key typed without marks that folds to one key is that key.
    code, out, err = cli("--db", db, "timeline", "p:nguyen thanh phong@national", "-f", "json")
    assert code == 0, err
    assert {(r["person"], r["title"]) for r in json.loads(out)} == {("Nguyễn Thanh Phong", "Cục trưởng")}


def test_a_key_without_marks_that_folds_to_two_keys_is_a_one_line_error(cli, tmp_path):
    db = _load(cli, tmp_path, CHAIRMAN, DOCTOR)
    assert set(_people(cli, db, "nguyen thanh phong")) == {"p:nguyễn thành phong@ho chi minh",
                                                           "p:nguyễn thanh phong@ho chi minh"}
    for command in (["curate", "alias", "p:nguyen thanh phong@ho chi minh", "Nguyễn Thanh Phongg"],
                    ["timeline", "p:nguyen thanh phong@ho chi minh"], ["resolution", "p:nguyen thanh phong@ho chi minh"]):
        code, _, err = cli("--db", db, *command)
        assert err, command
        line = _one_line(err)
        assert code == 1 and "p:nguyễn thành phong@ho chi minh" in line and "p:nguyễn thanh phong@ho chi minh" in line
    code, _, err = cli("--db", db, "curate", "merge", "p:nguyen thanh phong@ho chi minh", "p:nobody@x")
    assert code == 1 and "matches 2 person keys" in _one_line(err)
    # With its marks the key is one node.
    code, out, err = cli("--db", db, "resolution", "p:nguyễn thanh phong@ho chi minh", "-f", "json")
    assert code == 0, err
    assert {r["key"] for r in json.loads(out)} == {"p:nguyễn thanh phong@ho chi minh"}


def test_old_and_new_tone_placement_are_one_person(cli, tmp_path):
    db = _load(cli, tmp_path, HOA_OLD, HOA_NEW)
    people = _people(cli, db, "le van hoa")
    assert list(people) == ["p:lê văn hòa@thanh hoa"]
    assert people["p:lê văn hòa@thanh hoa"]["person"] == "Lê Văn Hòa"


def test_a_caption_in_capitals_is_the_same_person(cli, tmp_path):
    db = _load(cli, tmp_path, CAPTION, PRIME_MINISTER)
    assert list(_people(cli, db, "nguyen xuan phuc")) == ["p:nguyễn xuân phúc@national"]
    code, out, _ = cli("--db", db, "query", "MATCH (a:Article)-[:MENTIONS]->(p:Person) RETURN a.source AS source, "
                       "p.name AS name", "-f", "json")
    assert {(r["source"], r["name"]) for r in json.loads(out)} == {("cap-1", "Nguyễn Xuân Phúc"),
                                                                  ("pm-1", "Nguyễn Xuân Phúc")}


def test_an_old_curation_file_with_folded_keys_still_merges_and_splits(cli, tmp_path):
    """A file written when keys were folded: its keys match the spellings that fold to them."""
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "curation.yaml").write_text(
        'merge:\n- keep: "p:do manh hien@hai phong"\n  absorb: ["p:do manh hien@hau giang"]\n', encoding="utf-8")
    db = str(tmp_path / "db")
    assert cli("--db", db, "load", str(SEEDS / "001_7239dae0792dcdec.txt"))[0] == 0
    _load(cli, tmp_path, HAU_GIANG, db=db)
    assert set(_people(cli, db, "do manh hien")) == {"p:đỗ mạnh hiến@hai phong"}

    split = tmp_path / "split"
    split.mkdir()
    (split / "curation.yaml").write_text(
        'split:\n- person: "p:do manh hien@hai phong"\n  sources: ["001_7239dae0792dcdec.txt"]\n'
        '  scope: "p:do manh hien@hai phong#2"\n', encoding="utf-8")
    assert cli("--db", str(split), "load", str(SEEDS / "001_7239dae0792dcdec.txt"))[0] == 0
    assert set(_people(cli, str(split), "do manh hien")) == {"p:đỗ mạnh hiến@hai phong#2"}
