"""Tests for loaders.subordination: "X trực thuộc Y", only where an article states it.

Plural subjects ("các cấp ủy cơ sở trực thuộc", "64 Chi, Đảng bộ trực thuộc") state no
single relation; a post "thuộc" a body is not a unit of it.  Sentences are real lines
from shared/seeds and shared/eval/dev.jsonl; the expected relations are those of the
gold annotations.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from orggraph.loaders.extract import extract_article
from orggraph.loaders.normalize import normalize_text
from orggraph.loaders.organizations import PlaceContext
from orggraph.loaders.places import province_named
from orggraph.loaders.read import read_inputs
from orggraph.loaders.subordination import find_subordination

ROOT = Path(__file__).resolve().parents[2]

HAI_PHONG = PlaceContext(province_named("Hải Phòng"))
QUANG_NINH = PlaceContext(province_named("Quảng Ninh"))
DA_NANG = PlaceContext(province_named("Đà Nẵng"))
THANH_HOA = PlaceContext(province_named("Thanh Hóa"))
NOWHERE = PlaceContext()


def relations(sentences, context):
    return [(s.child.name, s.parent.name) for s in find_subordination([normalize_text(x) for x in sentences], context)]


# ---------------------------------------------------------------------------------------
# Stated relations


def test_khoi_directly_under_the_city_committee():
    # seeds/002
    assert relations(["Đảng bộ khối các cơ quan thành phố được thành lập ngày 27/1/1994, là Đảng bộ cấp trên cơ sở "
                      "trực thuộc Thành ủy."], HAI_PHONG) == [
        ("Đảng ủy Khối các cơ quan thành phố Hải Phòng", "Thành ủy Hải Phòng")]


def test_truc_thuoc_tinh_means_the_provincial_committee():
    # seeds/003
    assert relations(["Nhiệm kỳ qua, với vị trí là cấp ủy trực thuộc tỉnh và là cấp trên trực tiếp của các tổ chức cơ "
                      "sở đảng trong khối, Đảng ủy Khối các Cơ quan tỉnh đã thực hiện tốt nhiệm vụ chính trị của các tổ "
                      "chức cơ sở đảng."], QUANG_NINH) == [
        ("Đảng ủy Khối các cơ quan tỉnh Quảng Ninh", "Tỉnh ủy Quảng Ninh")]


def test_unit_thuoc_its_company():
    # dev-06, gold: xn-ck-hh-131 under cty-bdathh-1
    assert relations(["- Từ 8/2005 đến 11/2007: Phó Giám đốc phụ trách sản xuất Xí nghiệp Cơ khí hàng hải 131 thuộc "
                      "Công ty Bảo đảm an toàn hàng hải I;"], NOWHERE) == [
        ("Xí nghiệp Cơ khí hàng hải 131", "Công ty Bảo đảm an toàn hàng hải I")]


def test_the_relation_keeps_its_sentence():
    sentence = normalize_text("Đảng bộ khối các cơ quan thành phố được thành lập ngày 27/1/1994, là Đảng bộ cấp trên "
                              "cơ sở trực thuộc Thành ủy.")
    [sub] = find_subordination([sentence], HAI_PHONG)
    assert sub.sentence == sentence


def test_one_relation_stated_twice_is_one():
    sentence = ("Đảng bộ khối các cơ quan thành phố được thành lập ngày 27/1/1994, là Đảng bộ cấp trên cơ sở trực "
                "thuộc Thành ủy.")
    assert len(relations([sentence, sentence], HAI_PHONG)) == 1


# ---------------------------------------------------------------------------------------
# No relation stated


@pytest.mark.parametrize("sentence", [
    # seeds/002: plural subject
    "Đảng ủy Khối các cơ quan thành phố vừa có văn bản gửi các cấp ủy cơ sở trực thuộc Đảng ủy Khối, các đoàn thể "
    "thuộc khối về việc tuyên truyền kỷ niệm 25 năm ngày thành lập Đảng bộ khối.",
    # seeds/000: a count of units
    "Với 197 đại biểu đại diện cho hơn 4.000 đảng viên thuộc 64 Chi, Đảng bộ trực thuộc tham dự",
    # seeds/001: counts of units
    "Báo cáo tại cuộc làm việc, đồng chí Phạm Quang Hiển, Bí thư Đảng ủy Khối các cơ quan thành phố cho biết, Đảng bộ "
    "Khối các cơ quan thành phố có 62 tổ chức cơ sở đảng trực thuộc; 442 chi bộ và 10 đảng bộ bộ phận trực thuộc đảng "
    "bộ cơ sở, với 4.466 đảng viên.",
])
def test_plural_subjects_state_no_relation(sentence):
    assert relations([sentence], HAI_PHONG) == []


@pytest.mark.parametrize("sentence, context", [
    # dev-09: a post in a body, not a unit of it
    ("Trưởng một tiểu ban thuộc Hội biên tập công trình Châu Á (CASE); ủy viên thường trực Hội các nhà nghiên cứu "
     "biên tập công trình Việt Nam (VASE).", NOWHERE),
    # dev-10: a deputy of the delegation, not a unit of it
    ("Bà Cầm Thị Mẫn (Sinh năm 1970), Bí thư Chi bộ Văn phòng Đoàn đại biểu Quốc hội tỉnh Thanh Hóa, Đại biểu Quốc "
     "hội chuyên trách thuộc Đoàn đại biểu Quốc hội tỉnh Thanh Hóa.", THANH_HOA),
    # dev-05: "3 cán bộ … trực thuộc CATP": persons, not an organization
    ("ĐÀ NẴNG- Ngày 14-6, Đại tá Lê Văn Tam- Ủy viên Ban Thường vụ Thành ủy, Bí thư Đảng ủy, Giám đốc CATP chủ trì "
     "Lễ công bố Quyết định của Tổng cục Chính trị CAND về việc bổ nhiệm, điều động 3 cán bộ lãnh đạo chỉ huy cấp "
     "phòng trực thuộc CATP.", DA_NANG),
    # dev-07: persons "thuộc" bodies
    ("Trong số 203 người ứng cử đại biểu Quốc hội khóa XV ở Trung ương, có 11 nhân sự thuộc các cơ quan Đảng (chiếm "
     "tỷ lệ 5,42%);5 người thuộc cơ quan Chủ tịch nước và các cơ quan tư pháp.", NOWHERE),
])
def test_thuoc_without_a_unit_states_no_relation(sentence, context):
    assert relations([sentence], context) == []


def test_sentences_without_thuoc_state_nothing():
    assert relations(["Đồng chí Vũ Thị Mai Anh, Phó Bí thư TT Thành ủy dự và chỉ đạo Hội nghị."], NOWHERE) == []


# ---------------------------------------------------------------------------------------
# Whole seed articles


@pytest.fixture(scope="module")
def seeds():
    return {raw.source: extract_article(raw) for raw in read_inputs([str(ROOT / "seeds")])}


@pytest.mark.parametrize("source, expected", [
    ("000_b5463ef16decb005.txt", set()),
    ("001_7239dae0792dcdec.txt", set()),
    ("002_b241ef349ae1539f.txt", {("Đảng ủy Khối các cơ quan thành phố Hải Phòng", "Thành ủy Hải Phòng")}),
    ("003_f801e71792efedb7.txt", {("Đảng ủy Khối các cơ quan tỉnh Quảng Ninh", "Tỉnh ủy Quảng Ninh")}),
    ("004_3bbf188c0b56541f.txt", set()),
])
def test_seed_subordination_is_the_gold_one(seeds, source, expected):
    assert {(s.child.name, s.parent.name) for s in seeds[source].subordination} == expected


def test_a_dependence_is_no_structure():
    # baomoi 2017: "phụ thuộc" (depends on) is not "thuộc" (belongs to)
    assert relations(["Nguy cơ phụ thuộc Trung Quốc Theo số liệu của Tổng cục Hải quan, kim ngạch nhập khẩu tăng."],
                     NOWHERE) == []


def test_both_ends_must_be_organizations():
    assert relations(["Khu vực Tây Nguyên thuộc Trung Quốc Theo số liệu mới."], NOWHERE) == []


@pytest.mark.parametrize("sentence", [
    # baomoi 2017: a bare head, a place clause, a second organization, a post run on
    "Công ty TNHH MTV An ninh hàng không, 100% vốn Nhà nước, trực thuộc Tổng công ty này.",
    "Ca sinh nở diễn ra tại Bệnh viện First Affiliated, trực thuộc Đại học Trung Sơn ở thành phố Quảng Châu.",
    "Trên địa bàn còn có Trường ĐH Cần Thơ thuộc Bộ GD-ĐT, Trường ĐH Y dược Cần Thơ thuộc Bộ Y tế.",
    "Ông Hưng ký công văn gửi Đảng đoàn Quốc hội và Trưởng Ban công tác đại biểu thuộc Ủy ban Thường vụ Quốc hội.",
])
def test_names_that_ran_past_the_organization_state_nothing(sentence):
    assert relations([sentence], NOWHERE) == []


def test_a_real_unit_under_a_real_body_is_kept():
    assert relations(["Kết quả giám định của Trung tâm pháp y thuộc Sở Y tế Thành phố Hồ Chí Minh kết luận."],
                     NOWHERE) == [("Trung tâm pháp y", "Sở Y tế Thành phố Hồ Chí Minh")]
