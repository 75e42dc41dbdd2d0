"""Person keys keep the name as written: tone marks are part of a Vietnamese name (Hùng and
Hưng, Thành and Thanh are different names), while old and new tone placement and letter
case are one spelling.  Curation entries written without marks (as files written when keys
were folded have them) match every spelling that folds to them."""
from __future__ import annotations

import unicodedata

from orggraph.loaders.curation import Curation
from orggraph.loaders.extract import extract_article
from orggraph.loaders.keys import key_name, key_scope, person_key, respell
from orggraph.loaders.normalize import is_plain, name_key, spelled_as
from orggraph.loaders.read import RawArticle
from orggraph.loaders.resolve import to_batch


def _persons(text: str, source: str = "a-1", date: str = "2017-05-12", curation: Curation | None = None) -> dict:
    batch = to_batch(extract_article(RawArticle(source=source, text=text, date=date)), curation)
    return {key: row["name"] for key, row in batch.nodes.get("Person", {}).items()}


def test_names_that_differ_only_in_tone_marks_get_different_keys():
    assert person_key("Nguyễn Thành Phong", "ho chi minh") != person_key("Nguyễn Thanh Phong", "ho chi minh")
    assert person_key("Nguyễn Văn Hùng", "national") != person_key("Nguyễn Văn Hưng", "national")
    assert person_key("Nguyễn Thị Thùy", "national") != person_key("Nguyễn Thị Thủy", "national")
    assert person_key("Nguyễn Thành Phong", "ho chi minh") == "p:nguyễn thành phong@ho chi minh"


def test_tone_placement_case_and_normal_form_are_one_spelling():
    assert person_key("Lê Văn Hoà", "thanh hoa") == person_key("Lê Văn Hòa", "thanh hoa")
    assert person_key("Nguyễn Thị Thuỷ", "x") == person_key("Nguyễn Thị Thủy", "x")
    assert person_key("NGUYỄN XUÂN PHÚC", "national") == person_key("Nguyễn  Xuân Phúc", "national")
    assert person_key(unicodedata.normalize("NFD", "Nguyễn Xuân Phúc"), "x") == person_key("Nguyễn Xuân Phúc", "x")
    assert name_key("Quý") == "quý"  # "quý" keeps its tone where it is


def test_the_parts_of_a_key():
    key = person_key("Đỗ Mạnh Hiến", "hai phong#2")
    assert (key_name(key), key_scope(key)) == ("đỗ mạnh hiến", "hai phong#2")


def test_written_without_marks_means_every_spelling_that_folds_to_it():
    assert is_plain("p:do manh hien@hai phong") and not is_plain("p:đỗ mạnh hiến@hai phong")
    assert spelled_as("nguyen thanh phong", "Nguyễn Thành Phong")
    assert spelled_as("nguyen thanh phong", "Nguyễn Thanh Phong")
    assert spelled_as("p:do manh hien@hai phong", "p:đỗ mạnh hiến@hai phong")
    assert not spelled_as("p:do manh hien@hai phong", "p:đỗ mạnh hiến@hau giang")
    # With marks, only its own spelling (in any tone placement or case).
    assert not spelled_as("Nguyễn Thanh Phong", "Nguyễn Thành Phong")
    assert spelled_as("NGUYỄN THANH HOÀ", "Nguyễn Thanh Hòa")


def test_a_key_written_without_marks_takes_the_spelling_it_meets():
    assert respell("p:do manh hien@hau giang#2", "đỗ mạnh hiến") == "p:đỗ mạnh hiến@hau giang#2"
    assert respell("p:le tien chau@hai phong", "lê tiến chân") == "p:le tien chau@hai phong"  # another name
    assert respell("p:lê tiến châu@hai phong", "lê tiến chẩu") == "p:lê tiến châu@hai phong"  # written with marks


# Real sentences: the chairman of Hồ Chí Minh City's People's Committee and the head of the
# Ministry of Health's food-safety department, one article each and both in one article.
CHAIRMAN = ("Sáng 12/5, ông Nguyễn Thành Phong, Chủ tịch UBND TP.HCM, đã chủ trì buổi làm việc với các sở, "
            "ngành về công tác chống ngập.")
FOOD_SAFETY = ("Ông Nguyễn Thanh Phong, Cục trưởng Cục An toàn thực phẩm (Bộ Y tế), cho biết đoàn kiểm tra sẽ "
               "làm việc với các cơ sở sản xuất.")


def test_thanh_and_thanh_with_a_grave_are_two_persons_in_one_article():
    persons = _persons("Chống ngập và an toàn thực phẩm\n" + CHAIRMAN + "\n" + FOOD_SAFETY)
    assert sorted(persons.values()) == ["Nguyễn Thanh Phong", "Nguyễn Thành Phong"]
    assert "p:nguyễn thành phong@ho chi minh" in persons


def test_a_caption_in_capitals_is_the_same_key():
    caption = _persons("Thủ tướng làm việc\nThủ tướng NGUYỄN XUÂN PHÚC phát biểu chỉ đạo tại buổi làm việc.")
    plain = _persons("Thủ tướng làm việc\nThủ tướng Nguyễn Xuân Phúc phát biểu chỉ đạo tại buổi làm việc.")
    assert caption == plain == {"p:nguyễn xuân phúc@national": "Nguyễn Xuân Phúc"}


def test_an_old_curation_file_with_folded_keys_still_merges_splits_and_aliases():
    hai_phong = "Hải Phòng\nĐồng chí Đỗ Mạnh Hiến, Phó Bí thư Thường trực Thành ủy Hải Phòng, phát biểu."
    hau_giang = "Hậu Giang\nĐồng chí Đỗ Mạnh Hiến, Bí thư Tỉnh ủy Hậu Giang, chủ trì hội nghị."
    merge = Curation(merge=[{"keep": "p:do manh hien@hai phong", "absorb": ["p:do manh hien@hau giang"]}])
    assert set(_persons(hau_giang, "hg-1", curation=merge)) == {"p:đỗ mạnh hiến@hai phong"}
    assert set(_persons(hai_phong, "hp-1", curation=merge)) == {"p:đỗ mạnh hiến@hai phong"}
    split = Curation(split=[{"person": "p:do manh hien@hai phong", "sources": ["hp-2"],
                             "scope": "p:do manh hien@hai phong#2"}])
    assert set(_persons(hai_phong, "hp-2", curation=split)) == {"p:đỗ mạnh hiến@hai phong#2"}
    assert set(_persons(hai_phong, "hp-1", curation=split)) == {"p:đỗ mạnh hiến@hai phong"}
    # A folded alias matches every spelling; a marked one only its own.
    typo = "Hải Phòng\nĐồng chí Lê Tiến Chân, Bí thư Thành ủy Hải Phòng, dự hội nghị."
    alias = Curation(alias=[{"person": "p:le tien chau@hai phong", "alias": "le tien chan", "name": "Lê Tiến Châu"}])
    assert _persons(typo, curation=alias) == {"p:lê tiến châu@hai phong": "Lê Tiến Châu"}
    marked = Curation(alias=[{"person": "p:le tien chau@hai phong", "alias": "Lê Tiến Chẩn"}])
    assert set(_persons(typo, curation=marked)) == {"p:lê tiến chân@hai phong"}


def test_a_folded_keep_that_absorbs_another_name_gathers_both():
    """The spelling of such a `keep` is unknown: the kept person's own nodes take it as written."""
    curation = Curation(merge=[{"keep": "p:le tien chau@hai phong", "absorb": ["p:le tien chan@hai phong"]}])
    right = "Hải Phòng\nĐồng chí Lê Tiến Châu, Bí thư Thành ủy Hải Phòng, dự hội nghị."
    typo = "Hải Phòng\nĐồng chí Lê Tiến Chân, Bí thư Thành ủy Hải Phòng, dự hội nghị."
    assert set(_persons(right, curation=curation)) == set(_persons(typo, curation=curation)) == {
        "p:le tien chau@hai phong"}


def test_a_reject_entry_without_marks_matches_every_spelling_with_marks_only_its_own():
    plain = Curation(reject=[{"person": "nguyen thanh phong", "title": "Chu tich", "organization": "x"}])
    assert plain.rejects("Nguyễn Thành Phong", "Chủ tịch", "X", "a") and plain.rejects("Nguyễn Thanh Phong",
                                                                                       "Chủ tịch", "X", "a")
    marked = Curation(reject=[{"person": "Nguyễn Thanh Phong", "title": "Chủ tịch", "organization": "X"}])
    assert marked.rejects("Nguyễn Thanh Phong", "Chủ tịch", "X", "a")
    assert not marked.rejects("Nguyễn Thành Phong", "Chủ tịch", "X", "a")
