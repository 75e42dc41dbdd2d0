"""Tests for loaders.resolve: stable keys, and an article's statements as graph rows.

Keys decide what merges across articles (domain.md §3): the same organization,
position or congress named in two articles is one node; an unscoped "Thành ủy"
never merges with a scoped one; namesakes in different provinces stay apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from orggraph.loaders.extract import extract_article
from orggraph.loaders.read import RawArticle, read_inputs
from orggraph.loaders.read import article_key
from orggraph.loaders.resolve import (congress_key, org_key, person_key, person_scopes, position_key,
                             to_batch)
from orggraph.loaders.statements import ArticleInfo, Extraction, HeldOffice, Org

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"

THANH_UY_HP = Org("Thành ủy Hải Phòng", "party_committee", "province", "Hải Phòng", True)
THANH_UY_BARE = Org("Thành ủy", "party_committee", "province", None, False)


@pytest.fixture(scope="module")
def seeds() -> dict[str, Extraction]:
    return {raw.source: extract_article(raw) for raw in read_inputs([str(SEEDS)])}


def article(key: str, locality: str | None = None) -> ArticleInfo:
    return ArticleInfo(key=key, source=f"{key}.txt", title=None, date="2024-10-16", locality=locality, url=None)


def extraction(key: str, held: list[HeldOffice], locality: str | None = None) -> Extraction:
    return Extraction(article=article(key, locality), held_office=held,
                      persons=list(dict.fromkeys(h.person for h in held)))


# ---------------------------------------------------------------------------------------
# Article keys


def test_same_text_same_article_key():
    text = (SEEDS / "001_7239dae0792dcdec.txt").read_text(encoding="utf-8")
    assert article_key(text) == article_key(str(text))
    a = extract_article(RawArticle(source="001.txt", text=text))
    b = extract_article(RawArticle(source="copy-of-001.txt", text=text, title="another title"))
    assert a.article.key == b.article.key == article_key(text)


def test_different_text_different_article_key():
    a = (SEEDS / "000_b5463ef16decb005.txt").read_text(encoding="utf-8")
    b = (SEEDS / "001_7239dae0792dcdec.txt").read_text(encoding="utf-8")
    assert article_key(a) != article_key(b)
    assert article_key(a) != article_key(a + " ")


# ---------------------------------------------------------------------------------------
# Organization keys


def test_scoped_org_key_is_the_same_in_every_article():
    assert org_key(THANH_UY_HP, "a:1") == org_key(THANH_UY_HP, "a:2")


def test_org_key_ignores_tone_placement_and_case():
    assert org_key(THANH_UY_HP, "a:1") == org_key(Org("Thành uỷ Hải Phòng"), "a:2") == \
        org_key(Org("THÀNH ỦY HẢI PHÒNG"), "a:3")


def test_different_organizations_different_keys():
    assert org_key(THANH_UY_HP, "a:1") != org_key(Org("Thành ủy Đà Nẵng", locality="Đà Nẵng"), "a:1")
    assert org_key(THANH_UY_HP, "a:1") != org_key(Org("Tỉnh ủy Hải Phòng"), "a:1")


def test_unscoped_thanh_uy_never_equals_a_scoped_key():
    bare = org_key(THANH_UY_BARE, "a:004")
    assert bare != org_key(THANH_UY_HP, "a:004")
    assert bare != org_key(Org("Thành ủy", "party_committee", "province", None, True), "a:004")


def test_unscoped_thanh_uy_of_two_articles_are_two_organizations():
    assert org_key(THANH_UY_BARE, "a:1") != org_key(THANH_UY_BARE, "a:2")
    assert org_key(THANH_UY_BARE, "a:1") == org_key(THANH_UY_BARE, "a:1")


def test_seed_004_thanh_uy_does_not_merge_with_hai_phong(seeds):
    # seeds/004 says "Phó Bí thư TT Thành ủy" and names no city
    keys004 = set(to_batch(seeds["004_3bbf188c0b56541f.txt"]).nodes["Organization"])
    keys001 = set(to_batch(seeds["001_7239dae0792dcdec.txt"]).nodes["Organization"])
    assert org_key(THANH_UY_HP, "x") in keys001
    assert not keys004 & keys001


# ---------------------------------------------------------------------------------------
# Positions and congresses


def test_position_key_is_title_at_organization():
    ok = org_key(THANH_UY_HP, "a:1")
    assert position_key("Bí thư", ok) == position_key("Bí thư", org_key(THANH_UY_HP, "a:2"))
    assert position_key("Bí thư", ok) != position_key("Phó Bí thư", ok)
    assert position_key("Phó Bí thư", ok) != position_key("Phó Bí thư Thường trực", ok)
    assert position_key("Bí thư", ok) != position_key("Bí thư", org_key(THANH_UY_BARE, "a:1"))


def test_congress_key_is_organization_and_ordinal():
    ok = org_key(Org("Đảng ủy Khối các cơ quan thành phố Hải Phòng", locality="Hải Phòng"), "a:1")
    assert congress_key(ok, 6) == congress_key(ok, 6)
    assert congress_key(ok, 6) != congress_key(ok, 5)


def test_the_sixth_khoi_congress_is_one_node_across_seeds(seeds):
    # seeds/000 reports it ("Đại hội đại biểu lần thứ VI"), seeds/001 names it ("Nghị quyết Đại hội 6 Đảng bộ Khối")
    k000 = set(to_batch(seeds["000_b5463ef16decb005.txt"]).nodes["Congress"])
    k001 = set(to_batch(seeds["001_7239dae0792dcdec.txt"]).nodes["Congress"])
    khoi = org_key(Org("Đảng ủy Khối các cơ quan thành phố Hải Phòng"), "x")
    assert congress_key(khoi, 6) in k000 & k001


# ---------------------------------------------------------------------------------------
# Person keys


def held(person: str, title: str, org: Org, sentence: str = "…") -> HeldOffice:
    return HeldOffice(person, title, org, "current", "2024-10-16", sentence)


def test_namesakes_in_different_provinces_get_different_person_keys():
    quang_nam = extraction("a:1", [held("Nguyễn Văn Hùng", "Bí thư",
                                        Org("Đảng ủy xã Quế Long", "party_committee", "commune", "Quảng Nam"))])
    gia_lai = extraction("a:2", [held("Nguyễn Văn Hùng", "Giám đốc",
                                      Org("Sở Nội vụ tỉnh Gia Lai", "state_body", "province", "Gia Lai"))])
    k1 = set(to_batch(quang_nam).nodes["Person"])
    k2 = set(to_batch(gia_lai).nodes["Person"])
    assert len(k1) == len(k2) == 1 and k1 != k2


def test_same_person_in_the_same_province_gets_one_key():
    a = extraction("a:1", [held("Lê Tiến Châu", "Bí thư", THANH_UY_HP)])
    b = extraction("a:2", [held("Lê Tiến Châu", "Trưởng Đoàn",
                                Org("Đoàn đại biểu Quốc hội thành phố Hải Phòng", "state_body", "province",
                                    "Hải Phòng"))])
    assert set(to_batch(a).nodes["Person"]) == set(to_batch(b).nodes["Person"])


def test_person_key_ignores_tone_placement():
    assert person_key("Lê Thị Hòa", "thanh hoa") == person_key("Lê Thị Hoà", "thanh hoa")
    assert person_key("Lê Tiến Châu", "hai phong") != person_key("Lê Tiến Châu", "quang ninh")


def test_holder_of_central_posts_only_has_one_national_key():
    central = Org("Ban Chấp hành Trung ương Đảng", "party_committee", "central", None, True)
    a = extraction("a:1", [held("Nguyễn Phú Trọng", "Tổng Bí thư", central)], locality="Hòa Bình")
    b = extraction("a:2", [held("Nguyễn Phú Trọng", "Tổng Bí thư", central)], locality=None)
    assert set(to_batch(a).nodes["Person"]) == set(to_batch(b).nodes["Person"])


def test_the_most_local_post_decides_the_scope():
    # "Ủy viên Trung ương Đảng, Bí thư Thành ủy, …": the Thành ủy places him in Hải Phòng
    central = Org("Ban Chấp hành Trung ương Đảng", "party_committee", "central", None, True)
    ex = extraction("a:1", [held("Lê Tiến Châu", "Ủy viên Ban Chấp hành", central),
                            held("Lê Tiến Châu", "Bí thư", THANH_UY_HP)])
    assert person_scopes(ex)["Lê Tiến Châu"] == "hai phong"


def test_holder_of_an_unscoped_post_stays_within_the_article():
    a = extraction("a:1", [held("Vũ Thị Mai Anh", "Phó Bí thư Thường trực", THANH_UY_BARE)])
    b = extraction("a:2", [held("Vũ Thị Mai Anh", "Phó Bí thư Thường trực", THANH_UY_BARE)])
    ka, kb = set(to_batch(a).nodes["Person"]), set(to_batch(b).nodes["Person"])
    assert ka != kb
    hp = extraction("a:3", [held("Vũ Thị Mai Anh", "Phó Bí thư Thường trực", THANH_UY_HP)])
    assert not ka & set(to_batch(hp).nodes["Person"])


def test_person_without_posts_takes_the_article_province():
    ex = Extraction(article=article("a:1", "Hải Phòng"), persons=["Phạm Quang Hiển"])
    assert person_scopes(ex) == {"Phạm Quang Hiển": "hai phong"}


def test_person_without_posts_or_article_place_stays_within_the_article():
    ex = Extraction(article=article("a:1", None), persons=["Phạm Quang Hiển"])
    assert person_scopes(ex) == {"Phạm Quang Hiển": "a:1"}


def test_seed_persons_keys_are_stable_across_runs(seeds):
    raw = next(r for r in read_inputs([str(SEEDS)]) if r.source.startswith("001"))
    again = to_batch(extract_article(raw))
    assert set(again.nodes["Person"]) == set(to_batch(seeds[raw.source]).nodes["Person"])


# ---------------------------------------------------------------------------------------
# The rows of one article


def test_held_office_statements_link_article_person_and_position(seeds):
    batch = to_batch(seeds["001_7239dae0792dcdec.txt"])
    held = [s for s in batch.statements if s["fact"] == "held_office"]
    assert held
    for row in held:
        assert row["article"] == batch.article_key and row["sentence"].strip()
        assert (row["subject"], row["object"], "Position", None) in batch.rels["HELD_OFFICE"]
        assert row["subject"] in batch.nodes["Person"] and row["object"] in batch.nodes["Position"]
        assert row["status"] in ("current", "start", "end", "former") and 0 < row["confidence"] <= 1
    assert len({row["key"] for row in held}) == len(held)  # one key per statement
    assert {(row["subject"], row["object"]) for row in held} == {
        (src, dst) for src, dst, _, _ in batch.rels["HELD_OFFICE"]}


def test_every_statement_of_a_seed_becomes_a_row(seeds):
    ex = seeds["001_7239dae0792dcdec.txt"]
    batch = to_batch(ex)
    stated = {(s["sentence"], s["status"]) for s in batch.statements if s["fact"] == "held_office"}
    assert {(h.sentence, h.status) for h in ex.held_office} == stated


def test_a_fact_repeated_in_one_sentence_is_one_statement():
    sentence = "Bí thư Đảng ủy khối các cơ quan, Phạm Xuân Thanh- Phát biểu tại Đại hội"
    khoi = Org("Đảng ủy Khối các cơ quan thành phố Hải Phòng", "party_committee", "bloc", "Hải Phòng")
    ex = extraction("a:1", [held("Phạm Xuân Thanh", "Bí thư", khoi, sentence)] * 2)
    batch = to_batch(ex)
    assert len(batch.rels["HELD_OFFICE"]) == 1
    assert [s["sentence"] for s in batch.statements if s["fact"] == "held_office"] == [sentence]


def test_position_names_its_title_and_organization(seeds):
    batch = to_batch(seeds["000_b5463ef16decb005.txt"])
    names = {row["name"] for row in batch.nodes["Position"].values()}
    assert "Bí thư Đảng ủy Khối các cơ quan thành phố Hải Phòng" in names
    assert "Phó Bí thư Thường trực Thành ủy Hải Phòng" in names


def test_article_node_carries_source_date_and_locality(seeds):
    batch = to_batch(seeds["003_f801e71792efedb7.txt"])
    [row] = batch.nodes["Article"].values()
    assert row["key"] == batch.article_key
    assert (row["source"], row["date"], row["locality"]) == ("003_f801e71792efedb7.txt", "2020-07-11", "Quảng Ninh")


def test_bylines_get_no_person_node(seeds):
    names = {row["name"] for ex in seeds.values() for row in to_batch(ex).nodes.get("Person", {}).values()}
    assert not names & {"P.V", "QUANG THỌ", "Quang Thọ", "Hồng Hạnh", "Lương Huấn"}


# ---------------------------------------------------------------------------------------
# Cut and glued names (issue 12)


def test_a_cut_name_beside_the_full_one_is_that_person():
    info = article("a:1", "Hồ Chí Minh")
    hcm = Org("Thành ủy Thành phố Hồ Chí Minh", "party_committee", "province", "Hồ Chí Minh")
    ex = Extraction(article=info, held_office=[held("Đinh La Thăng", "Bí thư", hcm), held("Đinh La", "Bí thư", hcm)],
                    persons=["Đinh La Thăng", "Đinh La", "Đinh La Thăng Sáng"])
    batch = to_batch(ex)
    assert set(batch.nodes["Person"]) == {"p:đinh la thăng@ho chi minh"}
    assert len(batch.rels["HELD_OFFICE"]) == 1
    # the same sentence said of the cut name is one statement
    assert [s["subject"] for s in batch.statements if s["fact"] == "held_office"] == ["p:đinh la thăng@ho chi minh"]


def test_a_real_four_word_name_is_not_cut():
    ex = Extraction(article=article("a:1"), held_office=[
        held("Nguyễn Thị Kim Ngân", "Chủ tịch", Org("Quốc hội", "state_body", "central")),
        held("Nguyễn Thị Kim Ngân", "Ủy viên Bộ Chính trị", Org("Ban Chấp hành Trung ương Đảng", "party_committee",
                                                                  "central"))],
        persons=["Nguyễn Thị Kim Ngân", "Nguyễn Thị Kim"])
    assert "p:nguyễn thị kim ngân@national" in to_batch(ex).nodes["Person"]
