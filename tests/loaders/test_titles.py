"""Tests for loaders.titles: matching a title, the words naming its organization, and
comma chains of titles ("Ủy viên Trung ương Đảng, Bí thư Thành ủy, Trưởng Đoàn …").

Texts are real lines from shared/seeds and shared/eval/dev.jsonl, normalized as the
pipeline does before reading them (new tone placement, NFC).
"""

from __future__ import annotations

import pytest

from orggraph.loaders.normalize import normalize_text
from orggraph.loaders.titles import match_title, parse_chain, scan_org_words, title_lexicon


def title_at(text: str, pos: int = 0):
    found = match_title(normalize_text(text), pos)
    return None if found is None else (found[0].title, found[1], found[2])


def chain(text: str, limit_at: str | None = None):
    """(title, org words) of the chain at the start of `text`, and the text it covers."""
    text = normalize_text(text)
    limit = text.index(limit_at) if limit_at else None
    segments, end = parse_chain(text, 0, limit)
    return [(s.title, s.org_words or s.fixed_org) for s in segments], text[:end]


def segments(text: str):
    return parse_chain(normalize_text(text), 0)[0]


def org_words(text: str, limit_at: str | None = None) -> str:
    text = normalize_text(text)
    limit = text.index(limit_at) if limit_at else len(text)
    return scan_org_words(text, 0, limit)[0]


# ---------------------------------------------------------------------------------------
# match_title


def test_title_at_the_position():
    assert title_at("Bí thư Thành ủy Lê Tiến Châu") == ("Bí thư", 0, 6)
    assert title_at("đồng chí Bí thư Thành ủy Lê Tiến Châu", 9) == ("Bí thư", 9, 15)


def test_no_title_where_the_position_is_not_a_title():
    assert title_at("đồng chí Bí thư Thành ủy", 0) is None
    assert title_at("Đảng ủy Khối các cơ quan thành phố") is None


def test_title_needs_a_word_boundary():
    assert title_at("Bí thưởng") is None


def test_longest_form_wins():
    # seeds/000: "Phó bí thư Thường trực Thành ủy, Nguyễn Thị Nghĩa"
    assert title_at("Phó bí thư Thường trực Thành ủy") == ("Phó Bí thư Thường trực", 0, 22)
    # seeds/001: "Phó chủ tịch Thường trực UBND thành phố"
    assert title_at("Phó chủ tịch Thường trực UBND thành phố")[0] == "Phó Chủ tịch Thường trực"


@pytest.mark.parametrize("text, title", [
    ("Phó Bí thư TT Thành ủy", "Phó Bí thư Thường trực"),  # seeds/004
    ("PGĐ Sở KH-CN tỉnh Đắk Nông", "Phó Giám đốc"),  # dev-02
    ("Tổng giám đốc Tổng Công ty Khí Việt Nam", "Tổng Giám đốc"),  # dev-09
    ("huyện ủy viên, Bí thư huyện đoàn", "Ủy viên Ban Chấp hành"),  # dev-02
    ("Phó trưởng Ban tổ chức Trung ương", "Phó Trưởng ban"),  # dev-08
])
def test_forms_and_abbreviations_map_to_canonical_titles(text, title):
    assert title_at(text)[0] == title


@pytest.mark.parametrize("text, title, org", [
    ("Ủy viên Trung ương Đảng, Bí thư Thành ủy", "Ủy viên Ban Chấp hành", "Ban Chấp hành Trung ương Đảng"),
    ("Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng", "Ủy viên Bộ Chính trị", "Ban Chấp hành Trung ương Đảng"),
    ("Bí thư Trung ương Đảng, Trưởng Ban Tổ chức", "Bí thư", "Ban Bí thư"),
    ("Tổng Bí thư Nguyễn Phú Trọng", "Tổng Bí thư", "Ban Chấp hành Trung ương Đảng"),
    ("Thường trực Ban Bí thư Võ Văn Thưởng", "Thường trực", "Ban Bí thư"),
    ("Thủ tướng Phạm Minh Chính", "Thủ tướng", "Chính phủ"),
    ("Phó Thủ tướng Chính phủ Vũ Đức Đam", "Phó Thủ tướng", "Chính phủ"),
])
def test_central_titles_fix_their_organization(text, title, org):
    form, _, _ = match_title(text, 0)
    assert (form.title, form.org) == (title, org)


def test_pho_is_never_the_full_title():
    # "Phó Bí thư" is not "Bí thư", "Phó Giám đốc" is not "Giám đốc" (domain.md §2)
    assert title_at("Phó Bí thư Thành ủy")[0] == "Phó Bí thư"
    assert title_at("Phó Giám đốc CATP")[0] == "Phó Giám đốc"
    for key, form in title_lexicon().forms.items():
        if key.startswith("phó "):
            assert form.title.startswith("Phó"), form
        else:  # the short forms put "phó" last: "PGĐ", "Cục phó", "Vụ phó"
            assert not form.title.startswith("Phó") or key == "pgđ" or key.endswith(" phó"), form


def test_short_deputy_forms():
    # "ông Bùi Sĩ Hoa, Cục phó Cục Thông tin Đối ngoại" (a deputy head of a department)
    assert title_at("Cục phó Cục Thông tin Đối ngoại")[0] == "Phó Cục trưởng"
    assert title_at("Vụ phó Vụ Tổ chức cán bộ")[0] == "Phó Vụ trưởng"


# ---------------------------------------------------------------------------------------
# scan_org_words


def test_org_words_end_at_a_verb():
    # seeds/001: "Trưởng Đoàn đại biểu Quốc hội Hải Phòng chủ trì làm việc"
    assert org_words("Đoàn đại biểu Quốc hội Hải Phòng chủ trì làm việc với") == "Đoàn đại biểu Quốc hội Hải Phòng"


def test_org_words_end_at_a_comma_before_another_body():
    # seeds/000: "tham mưu với Thành ủy, HĐND, UBND thành phố"
    assert org_words("Thành ủy, HĐND, UBND thành phố lãnh đạo") == "Thành ủy"


def test_org_words_end_at_a_semicolon():
    assert org_words("Thành ủy; Lê Anh Quân, Ủy viên Ban Thường vụ Thành ủy") == "Thành ủy"


def test_org_words_end_at_a_period():
    assert org_words("Bệnh viện Đa khoa tỉnh Thanh Hóa. Ông Lê Thanh Hoàn") == "Bệnh viện Đa khoa tỉnh Thanh Hóa"


def test_org_words_keep_a_parenthesized_place():
    # dev-02: "Bí thư kiêm Chủ tịch UBND huyện Tuy Đức (Đắk Nông) được nhận vào làm việc"
    assert org_words("UBND huyện Tuy Đức (Đắk Nông) được nhận vào làm việc") == "UBND huyện Tuy Đức (Đắk Nông)"


def test_org_words_continue_into_the_parent_body():
    # dev-09: "Cục trưởng Cục Hợp tác quốc tế, Bộ GD&ĐT"
    assert org_words("Cục Hợp tác quốc tế, Bộ GD&ĐT") == "Cục Hợp tác quốc tế, Bộ GD&ĐT"


def test_org_words_keep_phong_chong_together():
    # dev-10: "Trưởng phòng Phòng, chống tệ nạn xã hội, Sở Lao động - Thương binh và Xã hội …"
    assert org_words("Phòng, chống tệ nạn xã hội").startswith("Phòng, chống tệ nạn xã hội")


def test_org_words_keep_a_spaced_dash_between_name_words():
    # dev-10: "Bộ trưởng Bộ Lao động - Thương binh và Xã hội Đào Ngọc Dung ứng cử …"
    text = "Bộ Lao động - Thương binh và Xã hội Đào Ngọc Dung ứng cử"
    assert org_words(text, limit_at="Đào") == "Bộ Lao động - Thương binh và Xã hội"


def test_org_words_drop_a_trailing_connector():
    assert org_words("Đảng ủy khối các cơ quan và các đồng chí") == "Đảng ủy khối các cơ quan"


def test_org_words_end_before_a_military_rank():
    # dev-05: "Đại tá Lê Văn Tam- Giám đốc CATP và Đại tá Lê Thanh Hải- Phó Giám đốc"
    assert org_words("CATP và Đại tá Lê Thanh Hải- Phó Giám đốc") == "CATP"


def test_org_words_respect_the_limit():
    text = normalize_text("Sở Xây dựng TPHCM Trần Quang Lâm phát biểu.")
    words, end = scan_org_words(text, 0, text.index("Trần"))
    assert words == "Sở Xây dựng TPHCM" and end == len("Sở Xây dựng TPHCM")


# ---------------------------------------------------------------------------------------
# parse_chain


def test_every_title_of_a_comma_chain_belongs_to_it():
    # seeds/001
    titles, covered = chain("Ủy viên Trung ương Đảng, Bí thư Thành ủy, Trưởng Đoàn đại biểu Quốc hội Hải Phòng "
                            "chủ trì làm việc với Đảng ủy Khối các cơ quan thành phố")
    assert titles == [("Ủy viên Ban Chấp hành", "Ban Chấp hành Trung ương Đảng"), ("Bí thư", "Thành ủy"),
                      ("Trưởng Đoàn", "Đoàn đại biểu Quốc hội Hải Phòng")]
    assert covered.endswith("Quốc hội Hải Phòng")


def test_old_tone_placement_reads_the_same_after_normalization():
    # seeds/001 writes "Uỷ viên Trung ương Đảng" in one sentence and "Ủy viên" in another
    assert chain("Uỷ viên Trung ương Đảng, Bí thư Thành ủy")[0] == chain("Ủy viên Trung ương Đảng, Bí thư Thành ủy")[0]


def test_a_semicolon_ends_the_chain():
    # seeds/001: "… các đồng chí: Đỗ Mạnh Hiến, Phó bí thư Thường trực Thành ủy; Lê Anh Quân, …"
    titles, covered = chain("Phó bí thư Thường trực Thành ủy; Lê Anh Quân, Ủy viên Ban Thường vụ Thành ủy")
    assert titles == [("Phó Bí thư Thường trực", "Thành ủy")]
    assert covered == "Phó bí thư Thường trực Thành ủy"


def test_party_and_state_titles_in_one_chain():
    # seeds/001: "Lê Anh Quân, Ủy viên Ban Thường vụ Thành ủy, Phó chủ tịch Thường trực UBND thành phố; …"
    titles, _ = chain("Ủy viên Ban Thường vụ Thành ủy, Phó chủ tịch Thường trực UBND thành phố; đại diện lãnh đạo")
    assert titles == [("Ủy viên Ban Thường vụ", "Thành ủy"), ("Phó Chủ tịch Thường trực", "UBND thành phố")]


def test_no_chain_where_no_title_starts():
    segs, end = parse_chain("Đồng chí Vũ Thị Mai Anh", 0)
    assert segs == [] and end == 0


def test_chain_starts_at_the_given_position():
    text = normalize_text("Đồng chí Vũ Thị Mai Anh, Phó Bí thư TT Thành ủy dự và chỉ đạo Hội nghị.")
    segs, end = parse_chain(text, text.index("Phó"))
    assert [(s.title, s.org_words) for s in segs] == [("Phó Bí thư Thường trực", "Thành ủy")]
    assert text[:end].endswith("Thành ủy")


def test_chain_stops_at_the_limit():
    text = normalize_text("Quyền Giám đốc Sở Xây dựng TPHCM Trần Quang Lâm phát biểu.")  # dev-20
    segs, _ = parse_chain(text, 0, text.index("Trần"))
    assert [(s.title, s.org_words) for s in segs] == [("Quyền Giám đốc", "Sở Xây dựng TPHCM")]


def test_quyen_is_kept_in_the_title():
    assert chain("Quyền Giám đốc Sở Xây dựng TPHCM", limit_at=None)[0][0][0] == "Quyền Giám đốc"


def test_nguyen_marks_former_posts():
    # dev-02: "ông Trần Đình Mạnh, nguyên Bí thư, Chủ tịch UBND huyện Tuy Đức"
    segs = segments("nguyên Bí thư, Chủ tịch UBND huyện Tuy Đức.")
    assert [(s.title, s.former) for s in segs] == [("Bí thư", True), ("Chủ tịch", True)]


def test_each_nguyen_marks_its_own_title():
    # 2017 corpus: "ông Võ Kim Cự, …, nguyên Bí thư Tỉnh ủy, nguyên Bí thư Ban cán sự Đảng, nguyên Chủ tịch …"
    segs = segments("nguyên Bí thư Tỉnh ủy, nguyên Bí thư Ban cán sự Đảng, nguyên Chủ tịch Ủy ban nhân dân "
                    "tỉnh Hà Tĩnh chịu trách nhiệm")
    assert [(s.title, s.org_words, s.former) for s in segs] == [
        ("Bí thư", "Tỉnh ủy", True), ("Bí thư", "Ban cán sự Đảng", True),
        ("Chủ tịch", "Ủy ban nhân dân tỉnh Hà Tĩnh", True)]


def test_tan_marks_a_new_post():
    # dev-09 headline: "GS.TS Lê Anh Tuấn tân Chủ tịch Hội đồng trường ĐH Bách khoa Hà Nội"
    [seg] = segments("tân Chủ tịch Hội đồng trường ĐH Bách khoa Hà Nội")
    assert (seg.title, seg.new, seg.former) == ("Chủ tịch", True, False)
    assert seg.org_words == "Hội đồng trường ĐH Bách khoa Hà Nội"


def test_plain_titles_are_neither_former_nor_new():
    for seg in segments("Ủy viên Trung ương Đảng, Bí thư Thành ủy, Trưởng Đoàn đại biểu Quốc hội Hải Phòng"):
        assert not seg.former and not seg.new


def test_kiem_joins_two_titles():
    # dev-02: "Con gái của Bí thư kiêm Chủ tịch UBND huyện Tuy Đức (Đắk Nông)"
    segs = segments("Bí thư kiêm Chủ tịch UBND huyện Tuy Đức (Đắk Nông) được nhận vào làm việc")
    assert [(s.title, s.org_words) for s in segs] == [("Bí thư", None), ("Chủ tịch", "UBND huyện Tuy Đức (Đắk Nông)")]
    assert segs[0].party and not segs[1].party


def test_a_rank_inside_a_chain_is_not_a_post():
    # dev-10: "Bí thư Đảng ủy Bộ tham mưu, Đại tá, Phó Tham mưu trưởng Quân khu 4."
    titles, _ = chain("Bí thư Đảng ủy Bộ tham mưu, Đại tá, Phó Tham mưu trưởng Quân khu 4.")
    assert titles == [("Bí thư", "Đảng ủy Bộ tham mưu"), ("Phó Tham mưu trưởng", "Quân khu 4")]


def test_a_dash_after_a_name_opens_the_chain_and_a_verb_ends_it():
    # dev-05: "Đại tá Lê Văn Tam- Ủy viên Ban Thường vụ Thành ủy, Bí thư Đảng ủy, Giám đốc CATP chủ trì Lễ …"
    titles, covered = chain("Ủy viên Ban Thường vụ Thành ủy, Bí thư Đảng ủy, Giám đốc CATP chủ trì Lễ công bố")
    assert titles == [("Ủy viên Ban Thường vụ", "Thành ủy"), ("Bí thư", "Đảng ủy"), ("Giám đốc", "CATP")]
    assert covered.endswith("CATP")


def test_central_chain_keeps_fixed_organizations():
    # dev-12: "đồng chí Trần Quốc Vượng, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Chủ nhiệm Ủy ban Kiểm tra Trung ương"
    segs = segments("Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Chủ nhiệm Ủy ban Kiểm tra Trung ương đã có buổi")
    assert [(s.title, s.fixed_org) for s in segs[:2]] == [("Ủy viên Bộ Chính trị", "Ban Chấp hành Trung ương Đảng"),
                                                          ("Bí thư", "Ban Bí thư")]
    assert segs[2].title == "Chủ nhiệm Ủy ban Kiểm tra" and segs[2].org_words == "Trung ương"


def test_head_word_of_the_title_begins_the_organization():
    # dev-03: "ông Lê Văn Dũng, Trưởng ban Tổ chức Tỉnh ủy Quảng Nam cho hay"
    [seg] = segments("Trưởng ban Tổ chức Tỉnh ủy Quảng Nam cho hay")
    assert seg.title == "Trưởng ban"
    assert seg.org_words.casefold() == "ban tổ chức tỉnh ủy quảng nam"


def test_committee_member_title_implies_its_committee():
    # dev-02: "bà Trần Trương Mạnh Hoài (SN 1986) - huyện ủy viên, Bí thư huyện đoàn huyện Tuy Đức"
    segs = segments("huyện ủy viên, Bí thư huyện đoàn huyện Tuy Đức. Bà Hoài")
    assert [(s.title, s.org_words) for s in segs] == [("Ủy viên Ban Chấp hành", "Huyện ủy"),
                                                      ("Bí thư", "huyện đoàn huyện Tuy Đức")]


def test_deputy_titles_stay_deputy_in_chains():
    for text in ["Phó bí thư Thường trực Thành ủy", "Phó Bí thư TT Thành ủy", "Phó bí thư Đảng ủy xã",
                 "PGĐ Sở KH-CN tỉnh Đắk Nông", "Phó trưởng Phòng Tham mưu"]:
        for seg in segments(text):
            assert seg.title.startswith("Phó"), (text, seg.title)
