"""The regex shapes the lexicons are compiled into match exactly what a plain alternation would.

The tries that test the word start after their first letter (`word_start`), and that take the
first letter in either case (`any_case`), exist for speed only: re can skip to a pattern's
possible first letters when the pattern opens with them.  These tests hold them to the plain
forms on real sentences.
"""
import re

import pytest

from orggraph.loaders.lexicon import at_word_start, phrase_pattern, trie_pattern
from orggraph.loaders.places import find_provinces
from orggraph.loaders.sentences import _AFTER, _CANDIDATE, split_sentences

SENTENCES = [
    "Chiều 12/5, tại huyện Quảng Xương, ông Lê Văn Hà, Chủ tịch UBND xã Quảng Yên, đã báo cáo.",
    "Xã Tân Lập thuộc huyện Đan Phượng; thị xã Sơn Tây và thị trấn Phùng; quận Ba Đình, phường Kim Mã.",
    "Nhuyện, thuyện, huyệnx: không phải từ nào cũng là đơn vị hành chính (xã-hội, thị xãx).",
    "BÁO CÁO tại hội nghị, Báo cáo viên Nguyễn Văn A dự buổi làm việc; bế mạc lúc 17h.",
    "Thủ tướng Lý Khắc Cường và Chủ tịch Tập Cận Bình; Tập-Cận Bình không phải tên riêng.",
]


def _spans(pattern: str, flags: int = 0) -> list[list[tuple[int, int]]]:
    rx = re.compile(pattern, flags)
    return [[m.span() for m in rx.finditer(s)] for s in SENTENCES]


def test_word_start_trie_matches_like_a_leading_word_boundary():
    words = ["huyện", "xã", "thị xã", "thị trấn", "quận", "phường"]
    plain = r"\b(?:%s)" % "|".join(sorted(words, key=len, reverse=True))
    assert _spans(at_word_start(words)) == _spans(plain)
    assert any(_spans(plain))  # the sentences do name such units


def test_word_start_with_other_word_characters():
    names = ["Tập Cận Bình", "Lý Khắc Cường"]
    plain = r"(?<![\w-])(?:Tập\s+Cận\s+Bình|Lý\s+Khắc\s+Cường)"
    shaped = phrase_pattern(names, casefold=False, word_start=True, word_chars=r"\w-")
    assert _spans(shaped) == _spans(plain)
    assert sum(map(len, _spans(plain))) == 2  # "Tập-Cận Bình" is not the name


def test_any_case_trie_matches_like_re_ignorecase():
    words = ["báo cáo", "bế mạc", "buổi làm việc", "dự"]
    plain = r"(?<!\w)(?:%s)(?!\w)" % phrase_pattern(words)
    shaped = r"(?:%s)(?!\w)" % phrase_pattern(words, word_start=True, any_case=True)
    assert _spans(shaped) == _spans(plain, re.I)
    assert [m.group(0) for m in re.finditer(shaped, SENTENCES[3])][:2] == ["BÁO CÁO", "Báo cáo"]


def test_trie_of_words_sharing_a_first_letter_tries_the_longest_first():
    shaped = re.compile("(?:%s)" % trie_pattern(["thị", "thị xã", "thị trấn"], word_start=True))
    assert [m.group(0) for m in shaped.finditer(SENTENCES[1])] == ["thị xã", "thị trấn"]


@pytest.mark.parametrize("text, found", [
    ("UBND tỉnh Quảng Ninh và TP.HCM", [("tỉnh Quảng Ninh", "tỉnh"), ("TP.HCM", "TP")]),
    # a prefixed name wins over the bare name at the same place; names never overlap
    ("Sở Nội vụ Gia Lai, Tp. Đà Nẵng, Hà Nội", [("Gia Lai", ""), ("Tp. Đà Nẵng", "Tp"), ("Hà Nội", "")]),
    ("THÀNH PHỐ HẢI PHÒNG - Ngày 3/4", [("THÀNH PHỐ HẢI PHÒNG", "THÀNH PHỐ")]),
])
def test_place_names_after_a_prefix_and_bare(text, found):
    assert [(m.text, m.prefix) for m in find_provinces(text)] == found


def test_sentence_ends_other_than_a_period():
    old = re.compile(r"(?P<t>\./\.|\.{2,}|…+|[.!?]+)" + _AFTER)  # the plain form it replaced
    text = "Xin chào! Bạn khỏe không?? Tôi ổn... Thật sự…… Vậy à?! Hết./. Tiếp theo."
    assert [m.groups() for m in _CANDIDATE.finditer(text)] == [m.groups() for m in old.finditer(text)]
    assert split_sentences(text) == ["Xin chào!", "Bạn khỏe không??", "Tôi ổn...", "Thật sự……", "Vậy à?!",
                                     "Hết./.", "Tiếp theo."]
