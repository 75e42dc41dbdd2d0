"""loaders/normalize.py: one spelling for the same words, and the search key."""
import importlib.util
import json
import re
import unicodedata
from pathlib import Path

import pytest

from orggraph.loaders.lexicon import read_lexicon
from orggraph.loaders.normalize import fold, normalize_text, retone_word, split_glued_words

REPO = Path(__file__).resolve().parents[2]
SCORER = REPO.parent / "shared" / "eval" / "score.py"
DEV = REPO.parent / "shared" / "eval" / "dev.jsonl"


@pytest.mark.parametrize(
    "word, expected",
    [
        ("Uỷ", "Ủy"),
        ("uỷ", "ủy"),
        ("UỶ", "ỦY"),
        ("hoà", "hòa"),
        ("Hoà", "Hòa"),
        ("HOÀ", "HÒA"),
        ("khoá", "khóa"),
        ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"),
        ("hoá", "hóa"),
        # never touched
        ("quý", "quý"),
        ("quỳ", "quỳ"),
        ("giữ", "giữ"),
        ("nguỵ", "nguỵ"),  # "uy" after "g": kept as written, like the scorer
        ("hoàn", "hoàn"),  # closed syllable: the tone is where it belongs
        ("của", "của"),
        ("Ủy", "Ủy"),
    ],
)
def test_retone_word(word, expected):
    assert retone_word(word) == expected


def test_retone_word_takes_nfd():
    assert retone_word(unicodedata.normalize("NFD", "Uỷ")) == "Ủy"


def test_old_tone_placement_in_a_real_sentence():
    # seeds/001: both placements occur in one article
    line = "Đồng chí Đỗ Mạnh Hiến, Phó bí thư Thường trực Thành uỷ phát biểu tại cuộc làm việc."
    assert normalize_text(line) == (
        "Đồng chí Đỗ Mạnh Hiến, Phó bí thư Thường trực Thành ủy phát biểu tại cuộc làm việc."
    )
    assert normalize_text("công nghiệp hoá, hiện đại hoá đất nước; Uỷ ban kiểm tra") == (
        "công nghiệp hóa, hiện đại hóa đất nước; Ủy ban kiểm tra"
    )


def test_nfd_input_becomes_nfc_and_retoned():
    nfd = unicodedata.normalize("NFD", "Đồng chí Lê Tiến Châu, Uỷ viên Trung ương Đảng")
    out = normalize_text(nfd)
    assert out == "Đồng chí Lê Tiến Châu, Ủy viên Trung ương Đảng"
    assert unicodedata.is_normalized("NFC", out)


def test_odd_spaces_and_controls():
    # seeds/004 has a non-breaking space after the comma
    line = "Đồng chí Vũ Thị Mai Anh,\u00a0Phó Bí thư TT Thành ủy ghi nhận"
    assert normalize_text(line) == "Đồng chí Vũ Thị Mai Anh, Phó Bí thư TT Thành ủy ghi nhận"
    assert normalize_text("Đảng\u200bủy\u2003Khối\tcác\u202fcơ quan") == "Đảng ủy Khối các cơ quan"
    assert normalize_text("Thành\u00adủy\ufeff\x07 Hải\u200dPhòng") == "Thànhủy HảiPhòng"
    assert normalize_text("\u00d0ảng ủy") == "Đảng ủy"


def test_lines_kept_and_trimmed():
    text = " (CLO) Sáng 4/8/2020,  Đảng bộ khối  \r\n\u00a0\n\nAudio \r\nQuang cảnh Đại hội\u2028"
    assert normalize_text(text) == "(CLO) Sáng 4/8/2020, Đảng bộ khối\n\n\nAudio\nQuang cảnh Đại hội\n"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("nhiệm kỳ 2020 – 2025", "nhiệm kỳ 2020 - 2025"),
        ("nhiệm kỳ 2020—2025", "nhiệm kỳ 2020-2025"),
        ("Hồng Hạnh – Lương Huấn", "Hồng Hạnh - Lương Huấn"),
        ("nhiệt độ −5 độ, mã ‐ ‑ ‒ ―", "nhiệt độ -5 độ, mã - - - -"),
        ("nhiệm kỳ 20202025", "nhiệm kỳ 20202025"),
        ("“Dân vận khéo”", "“Dân vận khéo”"),
    ],
)
def test_dashes(raw, expected):
    assert normalize_text(raw) == expected


def _articles():
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    if DEV.exists():
        texts += [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines()]
    return texts


def test_idempotent_on_real_articles():
    texts = _articles()
    assert texts
    for text in texts:
        once = normalize_text(text)
        assert normalize_text(once) == once
        assert normalize_text(unicodedata.normalize("NFD", text)) == once


@pytest.mark.skipif(not SCORER.exists(), reason="shared/eval/score.py not available")
def test_same_tone_rule_as_the_scorer():
    spec = importlib.util.spec_from_file_location("score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    words = {w for text in _articles() for w in re.findall(r"[^\W\d_]+", text)}
    words |= {"uỷ", "hoà", "khoá", "thuỷ", "khoẻ", "quý", "nguỵ", "oà", "Quỳ"}
    for word in words:
        expected = unicodedata.normalize("NFC", score._retone(unicodedata.normalize("NFC", word.lower())))
        assert retone_word(word).lower() == expected, word


@pytest.mark.parametrize(
    "text, key",
    [
        ("Lê Tiến Châu", "le tien chau"),
        ("Đảng ủy Khối  các cơ quan\nthành phố", "dang uy khoi cac co quan thanh pho"),
        ("ĐẢNG BỘ", "dang bo"),
        ("Nguyễn Thị Nghĩa- Phát biểu", "nguyen thi nghia- phat bieu"),
        (unicodedata.normalize("NFD", "Trưởng Đoàn"), "truong doan"),
    ],
)
def test_fold(text, key):
    assert fold(text) == key


def test_lexicon_entries_are_normalized():
    # the files may be written with either tone placement; entries match normalized text
    lines = read_lexicon("debris")["lines"]
    assert "Điều chỉnh kích thước chữ" in lines
    assert all(normalize_text(e) == e for e in lines)


def test_glued_words_are_set_apart():
    # dev-09 and the 2017 corpus: words glued by page scraping
    assert split_glued_words("Phó Bí thư thường trựcĐảng ủy") == "Phó Bí thư thường trực Đảng ủy"
    assert split_glued_words("Tập đoàn Dệt - MayViệt Nam") == "Tập đoàn Dệt - May Việt Nam"
    assert split_glued_words("Chủ tịch Hội đồng Trường -Ủy viên Ban") == "Chủ tịch Hội đồng Trường - Ủy viên Ban"
    assert split_glued_words("Thứ trưởng Bộ GTVTLê Đình Thọ") == "Thứ trưởng Bộ GTVT Lê Đình Thọ"
    # abbreviations, ASCII brand names and a glued verb stay as written
    assert split_glued_words("UBND, HĐND, ĐBQH, TP.HCM, LĐLĐ, ĐHQG") == "UBND, HĐND, ĐBQH, TP.HCM, LĐLĐ, ĐHQG"
    assert split_glued_words("YouTube, iPhone, TikTok") == "YouTube, iPhone, TikTok"
    assert split_glued_words("Phó Giám đốc CATPchúc mừng") == "Phó Giám đốc CATPchúc mừng"
