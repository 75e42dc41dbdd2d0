"""Tests for loaders.congresses: "Đại hội đại biểu Đảng bộ … lần thứ VI, nhiệm kỳ 2020-2025".

A congress is its organization and ordinal; the one the article reports is the one its
headline or lead says opened, closed or took place.  Sentences are real lines from
shared/seeds and shared/eval/dev.jsonl; the expected congresses are those of
shared/eval/gold/seeds.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orggraph.loaders.congresses import congress_name, find_congresses, int_to_roman, party_organization_name, roman_to_int
from orggraph.loaders.extract import extract_article
from orggraph.loaders.normalize import normalize_text
from orggraph.loaders.organizations import PlaceContext
from orggraph.loaders.places import province_named
from orggraph.loaders.read import read_inputs
from orggraph.loaders.statements import CongressMention, Org

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT.parent / "shared" / "eval" / "gold" / "seeds.json"

HAI_PHONG = PlaceContext(province_named("Hải Phòng"))
QUANG_NINH = PlaceContext(province_named("Quảng Ninh"))
NOWHERE = PlaceContext()

KHOI_HP = "Đảng ủy Khối các cơ quan thành phố Hải Phòng"
KHOI_QN = "Đảng ủy Khối các cơ quan tỉnh Quảng Ninh"
CENTRAL = "Ban Chấp hành Trung ương Đảng"

# seeds/000
TITLE_000 = "Hải Phòng: Đại hội Đảng bộ khối các cơ quan thành công tốt đẹp"
LEAD_000 = ("(CLO) Sáng 4/8/2020, Đảng bộ khối các cơ quan thành phố Hải Phòng tiến hành khai mạc Đại hội đại "
            "biểu lần thứ VI, nhiệm kỳ 2020 - 2025.")
RESOLUTIONS_000 = ("Các tổ chức Đảng luôn đề cao tinh thần trách nhiệm, tập trung lãnh đạo cán bộ, đảng viên nâng "
                   "cao chất lượng công tác tham mưu với Thành ủy, HĐND, UBND thành phố lãnh đạo, tổ chức thực hiện "
                   "Nghị quyết Đại hội XII của Đảng và Nghị quyết Đại hội XV Đảng bộ thành phố.")
# seeds/003
TITLE_003 = "Bế mạc Đại hội đại biểu Đảng bộ Khối cơ quan tỉnh Quảng Ninh lần thứ IX"
BODY_003 = ("Sau hai ngày làm việc với tinh thần đoàn kết, dân chủ, kỷ cương, nêu gương, trách nhiệm, ngày 11-7, "
            "Đại hội đại biểu Đảng bộ Khối cơ quan tỉnh Quảng Ninh lần thứ IX nhiệm kỳ 2020-2025 đã thành công tốt đẹp.")


def congresses(sentences, context, title=None, day=None):
    sentences = [normalize_text(s) for s in sentences]
    return find_congresses(sentences, context, normalize_text(title) if title else None, day)


def summary(found):
    return {(c.organization.name, c.ordinal) for c in found}


# ---------------------------------------------------------------------------------------
# Ordinals and names


@pytest.mark.parametrize("text, number", [("I", 1), ("V", 5), ("VI", 6), ("IX", 9), ("XII", 12), ("XV", 15),
                                          ("XVI", 16), ("XXV", 25), ("XL", 40), ("6", 6), ("25", 25)])
def test_roman_to_int(text, number):
    assert roman_to_int(text) == number


@pytest.mark.parametrize("text", ["ABC", "VIa", ""])
def test_roman_to_int_rejects_non_numerals(text):
    assert roman_to_int(text) is None


def test_int_to_roman_round_trips():
    assert [int_to_roman(n) for n in (1, 4, 6, 9, 12, 16, 25, 40)] == ["I", "IV", "VI", "IX", "XII", "XVI", "XXV", "XL"]
    assert all(roman_to_int(int_to_roman(n)) == n for n in range(1, 41))


@pytest.mark.parametrize("committee, organization", [
    ("Thành ủy Hải Phòng", "Đảng bộ thành phố Hải Phòng"),
    ("Tỉnh ủy Quảng Ninh", "Đảng bộ tỉnh Quảng Ninh"),
    ("Huyện ủy Tuy Đức", "Đảng bộ huyện Tuy Đức"),
    (KHOI_HP, "Đảng bộ Khối các cơ quan thành phố Hải Phòng"),
    ("Thành ủy", "Đảng bộ thành phố"),
])
def test_party_organization_of_a_committee(committee, organization):
    assert party_organization_name(committee) == organization


def mention(org: str, ordinal: int) -> CongressMention:
    return CongressMention(Org(org, "party_committee"), ordinal, None, None, None, False, "…")


def test_congress_name_of_a_local_organization():
    assert congress_name(mention(KHOI_HP, 6)) == \
        "Đại hội đại biểu Đảng bộ Khối các cơ quan thành phố Hải Phòng lần thứ VI"
    assert mention(KHOI_QN, 9).name == "Đại hội đại biểu Đảng bộ Khối các cơ quan tỉnh Quảng Ninh lần thứ IX"


def test_congress_name_of_the_party():
    assert congress_name(mention(CENTRAL, 12)) == "Đại hội đại biểu toàn quốc lần thứ XII của Đảng"


# ---------------------------------------------------------------------------------------
# find_congresses on sentences


def test_reported_congress_from_the_lead():
    [c] = congresses([TITLE_000, LEAD_000], HAI_PHONG, TITLE_000, "2020-08-04")
    assert (c.organization.name, c.ordinal, c.term, c.reported, c.date) == (KHOI_HP, 6, (2020, 2025), True, "2020-08-04")


def test_reported_congress_from_the_headline():
    [c] = congresses([TITLE_003, "Thứ Bảy, 11-07-2020, 16:19", BODY_003], QUANG_NINH, TITLE_003, "2020-07-11")
    assert (c.organization.name, c.ordinal, c.term, c.reported, c.date) == (KHOI_QN, 9, (2020, 2025), True, "2020-07-11")


def test_resolutions_of_past_congresses_are_mentions_not_reports():
    found = congresses([RESOLUTIONS_000], HAI_PHONG)
    assert summary(found) == {(CENTRAL, 12), ("Thành ủy Hải Phòng", 15)}
    assert not any(c.reported for c in found)
    assert all(c.date is None for c in found)


def test_dai_hoi_cua_dang_is_the_national_congress():
    # dev-11: "… quán triệt Nghị quyết Đại hội XII của Đảng, Nghị quyết số 39 của Bộ Chính trị"
    found = congresses(["Hội nghị đã thảo luận, thống nhất chủ trương trên tinh thần quán triệt Nghị quyết Đại hội XII "
                        "của Đảng, Nghị quyết số 39 của Bộ Chính trị về tinh giản biên chế."], NOWHERE)
    assert summary(found) == {(CENTRAL, 12)}


def test_congress_of_a_province_named_after_the_ordinal_word():
    # seeds/003: "… thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV …"
    found = congresses(["hoàn thành tốt nhiệm vụ chính trị của đảng bộ góp phần quan trọng thực hiện thắng lợi Nghị "
                        "quyết Đại hội Đảng bộ tỉnh lần thứ XV và mục tiêu xây dựng Quảng Ninh là tỉnh dịch vụ."],
                       QUANG_NINH)
    assert summary(found) == {("Tỉnh ủy Quảng Ninh", 15)}


def test_arabic_ordinal():
    # seeds/001: "… các chỉ tiêu tại Nghị quyết Đại hội 6 Đảng bộ Khối nhiệm kỳ 2020-2025; …"
    found = congresses(["(HPĐT)- Sáng 16-10, đồng chí Lê Tiến Châu, Ủy viên Trung ương Đảng, Bí thư Thành ủy, Trưởng "
                        "Đoàn đại biểu Quốc hội Hải Phòng chủ trì làm việc với Đảng ủy Khối các cơ quan thành phố về kết "
                        "quả thực hiện các chỉ tiêu tại Nghị quyết Đại hội 6 Đảng bộ Khối nhiệm kỳ 2020-2025; kết quả "
                        "thực hiện nhiệm vụ 9 tháng năm 2024."], HAI_PHONG)
    assert summary(found) == {(KHOI_HP, 6)}
    assert not found[0].reported


def test_unscoped_article_keeps_unscoped_congress_organizations():
    # seeds/004 names no city: "… Nghị quyết Đại hội Đảng bộ Thành phố lần thứ XXV; …"
    found = congresses(["Đồng chí đề nghị Đảng bộ Tiếp tục triển khai thực hiện Nghị quyết Đại hội Đảng bộ Thành phố "
                        "lần thứ XXV; Nghị quyết Đại hội Đảng bộ Khối lần thứ II, nhiệm kỳ 20202025 gắn với triển khai "
                        "thực hiện các nghị quyết của Tỉnh, của Thành phố và của Đảng ủy Khối."], NOWHERE)
    by_ordinal = {c.ordinal: c for c in found}
    assert by_ordinal[25].organization.name == "Thành ủy" and not by_ordinal[25].organization.scoped
    assert by_ordinal[2].term == (2020, 2025)  # "20202025": the dash lost


def test_a_congress_that_is_not_a_party_congress_is_not_one():
    # dev-18: an emulation congress of the justice sector
    assert congresses(["Phát biểu tại Đại hội Thi đua yêu nước ngành tư pháp lần thứ V sáng 1/11, Chủ tịch Quốc hội "
                       "Nguyễn Thị Kim Ngân nhấn mạnh ngành tư pháp đã tích cực tham mưu."], NOWHERE) == []


def test_no_dai_hoi_no_congress():
    # dev-02: a committee's term is not a congress
    assert congresses(["Tháng 8/2015, bà Hoài được giới thiệu, bầu vào Ban Chấp hành Đảng bộ huyện Tuy Đức nhiệm kỳ "
                       "III (2015-2020)."], NOWHERE) == []


def test_nghi_quyet_trung_uong_is_not_a_congress():
    # dev-11: a plenum of the Central Committee, not a congress
    assert congresses(["Đồng thời, với tinh thần của Nghị quyết Trung ương 4 (khóa XII) về xây dựng, chỉnh đốn Đảng, "
                       "là nói thẳng, nói thật, nói hết."], NOWHERE) == []


def test_every_mention_keeps_its_sentence():
    sentences = [TITLE_000, LEAD_000, RESOLUTIONS_000]
    for c in congresses(sentences, HAI_PHONG, TITLE_000, "2020-08-04"):
        assert c.sentence in [normalize_text(s) for s in sentences]


# ---------------------------------------------------------------------------------------
# Whole seed articles against the gold annotations


@pytest.fixture(scope="module")
def gold():
    if not GOLD.exists():
        pytest.skip("shared/eval/gold/seeds.json not present")
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seeds():
    return {raw.source: extract_article(raw) for raw in read_inputs([str(ROOT / "seeds")])}


def canonical(gold, org_id):
    return gold["organizations"][org_id][0]


@pytest.mark.parametrize("source", ["000_b5463ef16decb005.txt", "001_7239dae0792dcdec.txt",
                                    "002_b241ef349ae1539f.txt", "003_f801e71792efedb7.txt",
                                    "004_3bbf188c0b56541f.txt"])
def test_seed_congresses_are_the_gold_ones(gold, seeds, source):
    expected = {(canonical(gold, c["organization"]), c["ordinal"]) for c in gold["articles"][source]["congresses"]}
    assert summary(seeds[source].congresses) == expected


@pytest.mark.parametrize("source", ["000_b5463ef16decb005.txt", "003_f801e71792efedb7.txt"])
def test_seed_reported_congress_has_the_articles_date(gold, seeds, source):
    [primary] = [c for c in gold["articles"][source]["congresses"] if c.get("primary")]
    [reported] = [c for c in seeds[source].congresses if c.reported]
    assert (reported.organization.name, reported.ordinal) == (canonical(gold, primary["organization"]),
                                                              primary["ordinal"])
    assert reported.date == primary["date"]
    assert "-".join(map(str, reported.term)) == primary["term"]


def test_seed_000_fifth_congress_is_the_khois_with_its_term(seeds):
    # "… chỉ tiêu nghị quyết Đại hội V, nhiệm kỳ 2015 - 2020 đề ra": the Khối's previous congress
    [fifth] = [c for c in seeds["000_b5463ef16decb005.txt"].congresses if c.ordinal == 5]
    assert fifth.organization.name == KHOI_HP
    assert fifth.term == (2015, 2020) and not fifth.reported


def test_only_one_congress_per_article_is_reported(seeds):
    for source, ex in seeds.items():
        assert sum(c.reported for c in ex.congresses) <= 1, source


# ---------------------------------------------------------------------------------------
# Whose national congress (issue 12)


def test_a_foreign_partys_congress_is_no_congress_here():
    # baomoi 2017: China's 19th congress, in Vietnamese words that would fit Vietnam's party
    found = congresses(["Trung Quốc đang chuẩn bị cho Đại hội toàn quốc lần thứ XIX của Đảng vào cuối năm nay."],
                       NOWHERE, None, "2017")
    assert found == []


def test_no_national_congress_past_the_next_one():
    # in 2017 Vietnam's party had held its 12th; "lần thứ XIX của Đảng" cannot be Vietnam's
    assert congresses(["Đại hội toàn quốc lần thứ XIX của Đảng đã bầu Ban Chấp hành mới."], NOWHERE, None,
                      "2017-10-25") == []
    [c] = congresses(["Quán triệt Nghị quyết Đại hội toàn quốc lần thứ XII của Đảng."], NOWHERE, None, "2017")
    assert (c.organization.name, c.ordinal, c.term) == (CENTRAL, 12, (2016, 2021))


def test_the_national_congress_term_follows_the_calendar():
    [c] = congresses(["Đại hội đại biểu toàn quốc lần thứ XIII của Đảng khai mạc tại Hà Nội."], NOWHERE, None,
                     "2021-01-26")
    assert (c.ordinal, c.term) == (13, (2021, 2026))
