"""Tests for loaders.organizations: from an article's words to the canonical names of
domain.md §3, completed from the article's places.

Phrases are the organization words of real lines in shared/seeds and
shared/eval/dev.jsonl; the expected names are those of the gold annotations.
"""

from __future__ import annotations

import pytest

from orggraph.loaders.organizations import (PlaceContext, canonical_org, expand_abbreviations, party_committee_inside,
                                   party_committee_of, unit_of_context)
from orggraph.loaders.places import province_named
from orggraph.loaders.statements import Org

HAI_PHONG = PlaceContext(province_named("Hải Phòng"))
QUANG_NINH = PlaceContext(province_named("Quảng Ninh"))
DA_NANG = PlaceContext(province_named("Đà Nẵng"))
HCM = PlaceContext(province_named("Hồ Chí Minh"))
NOWHERE = PlaceContext()
# dev-02 names "huyện Tuy Đức" (Đắk Nông) throughout; dev-03 "xã Quế Long" (huyện Quế Sơn, Quảng Nam)
TUY_DUC = PlaceContext.from_text(province_named("Đắk Nông"),
                                 "Con gái của Bí thư kiêm Chủ tịch UBND huyện Tuy Đức (Đắk Nông) … "
                                 "Trưởng phòng GD&ĐT huyện Tuy Đức … bà Hoài được UBND huyện Tuy Đức cử đi học")
QUE_LONG = PlaceContext.from_text(province_named("Quảng Nam"),
                                  "Bí thư Đảng ủy xã Quế Long (huyện Quế Sơn, Quảng Nam) … Trụ sở chính quyền xã "
                                  "Quế Long … Chủ tịch HĐND xã Quế Long")


def name(phrase: str, context: PlaceContext = NOWHERE) -> str:
    org = canonical_org(phrase, context)
    assert org is not None, phrase
    return org.name


# ---------------------------------------------------------------------------------------
# expand_abbreviations


@pytest.mark.parametrize("short, full", [
    ("UBND thành phố", "Ủy ban nhân dân thành phố"),
    ("HĐND xã Quế Long", "Hội đồng nhân dân xã Quế Long"),
    ("MTTQ Việt Nam xã", "Mặt trận Tổ quốc Việt Nam xã"),
    ("Ban Thường vụ TW", "Ban Thường vụ Trung ương"),
    ("Sở KH-CN tỉnh Đắk Nông", "Sở Khoa học và Công nghệ tỉnh Đắk Nông"),
    ("Bộ GD&ĐT", "Bộ Giáo dục và Đào tạo"),
    ("Bộ KH&CN", "Bộ Khoa học và Công nghệ"),
    ("Đoàn ĐBQH tỉnh", "Đoàn đại biểu Quốc hội tỉnh"),
    ("Giám đốc CATP", "Giám đốc Công an thành phố"),
    ("Chủ tịch UBND TPHCM", "Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh"),
    ("ĐH Quốc gia TP.HCM", "Đại học Quốc gia Thành phố Hồ Chí Minh"),
])
def test_abbreviations_are_expanded(short, full):
    assert expand_abbreviations(short) == full


def test_abbreviations_only_as_whole_words():
    assert expand_abbreviations("UBNDs") == "UBNDs"
    assert expand_abbreviations("Trung tâm CITD") == "Trung tâm CITD"


def test_expansion_collapses_spaces():
    assert expand_abbreviations("UBND   thành phố ") == "Ủy ban nhân dân thành phố"


# ---------------------------------------------------------------------------------------
# canonical_org: names the article completes


def test_bare_thanh_uy_takes_the_articles_city():
    org = canonical_org("Thành ủy", HAI_PHONG)
    assert (org.name, org.kind, org.locality, org.scoped) == ("Thành ủy Hải Phòng", "party_committee", "Hải Phòng", True)
    assert "Thành ủy" in org.aliases


def test_bare_thanh_uy_without_a_city_stays_unscoped():
    # seeds/004: "Đồng chí Vũ Thị Mai Anh, Phó Bí thư TT Thành ủy" (the article names no city)
    org = canonical_org("Thành ủy", NOWHERE)
    assert (org.name, org.locality, org.scoped) == ("Thành ủy", None, False)


def test_thanh_uy_is_not_completed_with_a_province():
    # a "Thành ủy" in a Quảng Ninh article is not "Thành ủy Quảng Ninh" (Quảng Ninh is a tỉnh)
    org = canonical_org("Thành ủy", QUANG_NINH)
    assert org.name == "Thành ủy" and not org.scoped


def test_tinh_uy_takes_a_province_not_a_city():
    assert name("Tỉnh ủy", QUANG_NINH) == "Tỉnh ủy Quảng Ninh"
    org = canonical_org("Tỉnh ủy", HAI_PHONG)
    assert org.name == "Tỉnh ủy" and not org.scoped


def test_state_body_of_the_city():
    # seeds/001: "Phó chủ tịch Thường trực UBND thành phố"
    org = canonical_org("UBND thành phố", HAI_PHONG)
    assert (org.name, org.kind, org.locality, org.scoped) == (
        "Ủy ban nhân dân thành phố Hải Phòng", "state_body", "Hải Phòng", True)
    assert "UBND thành phố" in org.aliases


def test_state_body_without_a_city_stays_unscoped():
    org = canonical_org("UBND thành phố", NOWHERE)
    assert org.name == "Ủy ban nhân dân thành phố" and not org.scoped


def test_khoi_cac_co_quan_takes_the_articles_city():
    # seeds/000: "Bí thư Đảng ủy khối các cơ quan, Phạm Xuân Thanh"
    org = canonical_org("Đảng ủy khối các cơ quan", HAI_PHONG)
    assert (org.name, org.level, org.scoped) == ("Đảng ủy Khối các cơ quan thành phố Hải Phòng", "bloc", True)


def test_department_takes_the_articles_city():
    # seeds/001: "phối hợp chặt chẽ Ban Tổ chức Thành ủy, Sở Nội vụ"
    assert name("Sở Nội vụ", HAI_PHONG) == "Sở Nội vụ thành phố Hải Phòng"


def test_thanh_uy_thanh_pho_is_the_citys_committee():
    assert name("Thành ủy thành phố", HAI_PHONG) == "Thành ủy Hải Phòng"


def test_district_committee_takes_the_articles_district():
    # dev-02
    org = canonical_org("Huyện ủy", TUY_DUC)
    assert (org.name, org.level, org.locality) == ("Huyện ủy Tuy Đức", "district", "Đắk Nông")


def test_commune_committee_takes_the_articles_commune():
    # dev-03: "ông Trần Hữu Sáu, Phó bí thư Đảng ủy xã"
    org = canonical_org("Đảng ủy xã", QUE_LONG)
    assert (org.name, org.level, org.locality) == ("Đảng ủy xã Quế Long", "commune", "Quảng Nam")


def test_commune_body_takes_the_articles_commune():
    # dev-03: "Ông Hồ Anh Trung … đang là Chủ tịch UBND xã."
    assert name("UBND xã", QUE_LONG) == "Ủy ban nhân dân xã Quế Long"


def test_commune_body_without_a_commune_stays_unscoped():
    org = canonical_org("UBND xã", NOWHERE)
    assert not org.scoped


def test_police_of_the_city():
    # dev-05: "Giám đốc CATP"
    org = canonical_org("CATP", DA_NANG)
    assert (org.name, org.locality) == ("Công an thành phố Đà Nẵng", "Đà Nẵng")


# ---------------------------------------------------------------------------------------
# canonical_org: names that carry their own place


@pytest.mark.parametrize("phrase, expected", [
    # seeds/000, seeds/002: "Đảng bộ khối các cơ quan thành phố Hải Phòng" is an alias of its committee
    ("Đảng bộ khối các cơ quan thành phố Hải Phòng", "Đảng ủy Khối các cơ quan thành phố Hải Phòng"),
    # seeds/003 headline and body
    ("Đảng bộ Khối cơ quan tỉnh Quảng Ninh", "Đảng ủy Khối các cơ quan tỉnh Quảng Ninh"),
    ("Đảng ủy Khối cơ quan tỉnh Quảng Ninh", "Đảng ủy Khối các cơ quan tỉnh Quảng Ninh"),
    ("Ban Chấp hành Đảng bộ tỉnh Quảng Ninh", "Tỉnh ủy Quảng Ninh"),
    ("Đảng bộ tỉnh Quảng Ninh", "Tỉnh ủy Quảng Ninh"),
    ("Đảng bộ thành phố Hải Phòng", "Thành ủy Hải Phòng"),
    ("Đảng bộ thành phố Hồ Chí Minh", "Thành ủy Thành phố Hồ Chí Minh"),
    ("Huyện ủy huyện Tuy Đức", "Huyện ủy Tuy Đức"),
    ("Ban Chấp hành Đảng bộ huyện Tuy Đức", "Huyện ủy Tuy Đức"),
    ("Huyện đoàn huyện Tuy Đức", "Huyện đoàn Tuy Đức"),
])
def test_party_organizations_are_named_after_their_committee(phrase, expected):
    assert name(phrase) == expected


@pytest.mark.parametrize("phrase, context", [
    ("Đảng ủy Khối các Cơ quan tỉnh", QUANG_NINH),  # seeds/003
    ("Đảng ủy Khối cơ quan tỉnh Quảng Ninh", NOWHERE),
    ("Đảng bộ Khối cơ quan tỉnh Quảng Ninh", QUANG_NINH),
])
def test_spellings_of_one_khoi_give_one_name(phrase, context):
    assert name(phrase, context) == "Đảng ủy Khối các cơ quan tỉnh Quảng Ninh"


def test_place_in_the_name_wins_over_the_article():
    # a name that carries its place keeps it, whatever the article's province
    org = canonical_org("Đoàn đại biểu Quốc hội Hải Phòng", QUANG_NINH)
    assert (org.name, org.locality) == ("Đoàn đại biểu Quốc hội thành phố Hải Phòng", "Hải Phòng")


def test_bare_province_name_gets_its_unit_word():
    # seeds/001: "Trưởng Đoàn đại biểu Quốc hội Hải Phòng" → domain.md §3 "Đoàn đại biểu Quốc hội thành phố Hải Phòng"
    assert name("Đoàn đại biểu Quốc hội Hải Phòng") == "Đoàn đại biểu Quốc hội thành phố Hải Phòng"
    assert name("Đoàn ĐBQH tỉnh", QUANG_NINH) == "Đoàn đại biểu Quốc hội tỉnh Quảng Ninh"


def test_place_in_parentheses_gives_the_locality_and_leaves_the_name():
    # dev-02: "Chủ tịch UBND huyện Tuy Đức (Đắk Nông)"
    org = canonical_org("UBND huyện Tuy Đức (Đắk Nông)", NOWHERE)
    assert (org.name, org.locality, org.scoped) == ("Ủy ban nhân dân huyện Tuy Đức", "Đắk Nông", True)


def test_department_with_its_province():
    # dev-02: "Hiện ông Mạnh là PGĐ Sở KH-CN tỉnh Đắk Nông."
    org = canonical_org("Sở KH-CN tỉnh Đắk Nông", NOWHERE)
    assert (org.name, org.locality) == ("Sở Khoa học và Công nghệ tỉnh Đắk Nông", "Đắk Nông")


def test_front_committee_of_a_commune():
    # dev-03: "Chủ tịch MTTQ Việt Nam xã Quế Long" → gold "Ủy ban Mặt trận Tổ quốc Việt Nam xã Quế Long"
    assert name("MTTQ Việt Nam xã Quế Long") == "Ủy ban Mặt trận Tổ quốc Việt Nam xã Quế Long"


def test_unnamed_khoi_of_a_city_stays_unscoped_without_the_city():
    # seeds/004: "Đảng bộ khối MTTQ và các tổ chức chính trị - xã hội thành phố" (no city in the article)
    org = canonical_org("Đảng ủy Khối MTTQ và các tổ chức chính trị - xã hội thành phố", NOWHERE)
    assert org.name == "Đảng ủy Khối Mặt trận Tổ quốc và các tổ chức chính trị - xã hội thành phố"
    assert org.kind == "party_committee" and not org.scoped


# ---------------------------------------------------------------------------------------
# canonical_org: central bodies, kinds, empty input


@pytest.mark.parametrize("phrase", ["Ban Tuyên giáo TW", "Ban Tuyên giáo Trung ương", "Ban Tuyên giáo Trung ương Đảng"])
def test_central_boards_by_their_own_names(phrase):
    # dev-14: "Trưởng ban Tuyên giáo Trung ương Võ Văn Thưởng"
    org = canonical_org(phrase, HAI_PHONG)
    assert org.name == "Ban Tuyên giáo Trung ương" and org.locality is None and org.scoped


def test_ban_bi_thu_aliases():
    assert name("Ban Bí thư Trung ương Đảng") == "Ban Bí thư"
    assert canonical_org("Ban Bí thư").kind == "party_committee"


@pytest.mark.parametrize("phrase, kind", [
    ("Thành ủy Hải Phòng", "party_committee"),
    ("Đảng ủy xã Quế Long", "party_committee"),
    ("UBND huyện Tuy Đức", "state_body"),
    ("HĐND xã Quế Long", "state_body"),
    ("Đoàn đại biểu Quốc hội Hải Phòng", "state_body"),
])
def test_kind_comes_from_the_head_of_the_name(phrase, kind):
    assert canonical_org(phrase).kind == kind


@pytest.mark.parametrize("phrase", ["", "  ", " , ", ";", "-"])
def test_empty_phrase_is_no_organization(phrase):
    assert canonical_org(phrase, HAI_PHONG) is None


def test_canonical_org_is_stable_on_its_own_output():
    for phrase, context in [("Thành ủy", HAI_PHONG), ("UBND thành phố", HAI_PHONG), ("Huyện ủy", TUY_DUC),
                            ("Đảng bộ Khối cơ quan tỉnh Quảng Ninh", NOWHERE), ("CATP", DA_NANG)]:
        first = name(phrase, context)
        assert name(first, context) == first
        assert name(first, NOWHERE) == first


# ---------------------------------------------------------------------------------------
# PlaceContext


def test_context_finds_the_articles_most_named_district_and_commune():
    assert TUY_DUC.units == {"district": "huyện Tuy Đức"}
    assert QUE_LONG.units["commune"] == "xã Quế Long"
    assert QUE_LONG.units["district"] == "huyện Quế Sơn"


def test_units_named_in_a_text_take_precedence():
    narrowed = TUY_DUC.with_units("Ủy viên Ban Chấp hành Đảng bộ huyện Như Xuân")
    assert narrowed.units["district"] == "huyện Như Xuân"
    assert narrowed.province == TUY_DUC.province
    assert TUY_DUC.with_units("Ban Thường vụ Tỉnh ủy") is TUY_DUC


# ---------------------------------------------------------------------------------------
# unit_of_context, party_committee_of, party_committee_inside


def test_bare_huyen_is_the_articles_district():
    # dev-02 headline: "con gái Bí thư huyện"
    org = unit_of_context("huyện", TUY_DUC)
    assert (org.name, org.level, org.locality) == ("huyện Tuy Đức", "district", "Đắk Nông")


def test_bare_xa_is_the_articles_commune():
    assert unit_of_context("xã", QUE_LONG).name == "xã Quế Long"


def test_bare_tinh_is_the_articles_province_only_if_it_is_a_tinh():
    assert unit_of_context("tỉnh", QUANG_NINH).name == "tỉnh Quảng Ninh"
    assert unit_of_context("tỉnh", HAI_PHONG) is None
    assert unit_of_context("thành phố", HAI_PHONG).name == "thành phố Hải Phòng"


def test_bare_unit_word_with_no_such_unit_in_the_article_is_nothing():
    assert unit_of_context("xã", TUY_DUC) is None
    assert unit_of_context("huyện", NOWHERE) is None


@pytest.mark.parametrize("org_name, committee, level", [
    # dev-02: "nguyên Bí thư, Chủ tịch UBND huyện Tuy Đức" → the Bí thư is of Huyện ủy Tuy Đức
    ("Ủy ban nhân dân huyện Tuy Đức", "Huyện ủy Tuy Đức", "district"),
    ("Hội đồng nhân dân xã Quế Long", "Đảng ủy xã Quế Long", "commune"),
    ("Ủy ban nhân dân tỉnh Đắk Nông", "Tỉnh ủy Đắk Nông", "province"),
    ("Ủy ban nhân dân thành phố Hải Phòng", "Thành ủy Hải Phòng", "province"),
    ("huyện Tuy Đức", "Huyện ủy Tuy Đức", "district"),
    ("Ủy ban nhân dân thị xã Nghi Sơn", "Thị ủy Nghi Sơn", "district"),
])
def test_party_committee_of_the_unit_an_organization_belongs_to(org_name, committee, level):
    org = party_committee_of(Org(org_name, "state_body", None, "Đắk Nông", True))
    assert (org.name, org.kind, org.level, org.locality) == (committee, "party_committee", level, "Đắk Nông")


def test_no_party_committee_for_an_organization_without_a_unit():
    assert party_committee_of(Org("Tạp chí Cộng sản")) is None


def test_party_committee_inside_an_organization():
    # dev-05: "Ủy viên Ban Thường vụ Thành ủy, Bí thư Đảng ủy, Giám đốc CATP"
    police = Org("Công an thành phố Đà Nẵng", "state_body", "province", "Đà Nẵng", True)
    org = party_committee_inside("Đảng ủy", police)
    assert (org.name, org.kind, org.locality, org.scoped) == (
        "Đảng ủy Công an thành phố Đà Nẵng", "party_committee", "Đà Nẵng", True)


def test_party_committee_inside_an_unscoped_organization_stays_unscoped():
    org = party_committee_inside("Đảng ủy", Org("Ủy ban nhân dân xã", "state_body", "commune", None, False))
    assert not org.scoped
