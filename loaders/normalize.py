"""Vietnamese text normalization: one spelling for the same words, and a search key.

Articles mix NFC and NFD, old and new tone placement ("Thành uỷ" / "Thành ủy"),
odd spaces and dashes.  Everything downstream matches words with regular
expressions, so the text is brought to one form first; the word lists in
`loaders/lexicons/` are read through the same normalization so they match it.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["normalize_text", "retone_word", "fold", "name_key", "is_plain", "spelled_as", "split_glued_words"]


# --- tone placement -------------------------------------------------------
# The old style puts the tone on the last vowel of an open "oa", "oe", "uy"
# syllable ("hoà", "khoẻ", "uỷ"); the new style, which the gold data and the
# scorer use, on the first ("hòa", "khỏe", "ủy").  Not after "q" ("quý") and,
# for "uy", not after "g".  Same rule as `_retone` in shared/eval/score.py,
# extended to keep the letters' case ("UỶ" -> "ỦY").
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook, dot below


def _retone_pairs() -> dict[str, str]:
    pairs = {}
    for first, seconds in (("o", "ae"), ("u", "y")):
        for second in seconds:
            for tone in _TONES:
                for v1 in (first, first.upper()):
                    for v2 in (second, second.upper()):
                        old = unicodedata.normalize("NFC", v1 + v2 + tone)
                        pairs[old] = unicodedata.normalize("NFC", v1 + tone + v2)
    return pairs


_RETONE = _retone_pairs()
# The toned vowel must end the word (an open syllable): "hoàn" keeps its tone.
# One character class up front keeps the scan fast; "q"/"g" are checked after.
_OLD_TONE = re.compile("[oOuU][" + "".join(sorted({k[1] for k in _RETONE})) + r"](?!\w)")


def _retone_match(m: re.Match) -> str:
    old = m.group()
    new = _RETONE.get(old)
    if new is None:
        return old  # "oỳ", "uà": not an old-style pair
    before = m.string[m.start() - 1:m.start()]  # "" at the start of the text
    if before and (before in "qQ" or (before in "gG" and old[0] in "uU")):
        return old  # "quý", "quỳ"; "nguỵ" is kept as written, like the scorer does
    return new


def _retone(text: str) -> str:
    return _OLD_TONE.sub(_retone_match, text)


def retone_word(word: str) -> str:
    """The word with the new tone placement ("Uỷ" -> "Ủy", "quý" unchanged)."""
    return _retone(unicodedata.normalize("NFC", word))


# --- characters -------------------------------------------------------------
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SPACES = "\t\u00a0\u1680\u200b\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
_DROPPED = "\u00ad\u200c\u200d\u2060\ufeff"  # soft hyphen, joiners, BOM: not spaces
# Invisible format characters that only steer display: bidi marks and embeddings (LRM, RLM,
# ALM, LRE-RLO, LRI-PDI), invisible operators, the Mongolian vowel separator.  Next to a
# name they would hide it from every pattern, so they go.
_INVISIBLE = "\u200e\u200f\u061c" + "".join(map(chr, range(0x202A, 0x202F))) + \
    "".join(map(chr, range(0x2066, 0x206A))) + "\u2061\u2062\u2063\u2064\u180e"
_BREAKS = "\r\u2028\u2029\u0085\x0b\x0c"
_CONTROLS = "".join(chr(c) for c in (*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0)) if c != 0x85)
_CHAR_MAP = {
    **{c: "-" for c in _DASHES},
    **{c: " " for c in _SPACES},
    **{c: "" for c in _DROPPED + _INVISIBLE + _CONTROLS},
    **{c: "\n" for c in _BREAKS},
    "\u00d0": "\u0110",  # Icelandic eth, a common stand-in for "Đ"
    "\u00f0": "\u0111",
}
_ODD_CHAR = re.compile("[" + re.escape("".join(_CHAR_MAP)) + "]")


def _odd_char(m: re.Match) -> str:
    return _CHAR_MAP[m.group()]


_RUNS_OF_SPACES = re.compile(r" {2,}")


def _letters(predicate) -> str:
    return "".join(chr(c) for c in range(0x41, 0x1EFA)
                   if chr(c).isalpha() and predicate(chr(c)) and unicodedata.name(chr(c), "").startswith("LATIN"))


_LOWER, _UPPER = _letters(str.islower), _letters(str.isupper)
_VIETNAMESE = "".join(ch for ch in _LOWER + _UPPER if ord(ch) > 0x7F)
# Words glued by page scraping: "thường trựcĐảng ủy", "Dệt - MayViệt Nam", "Bộ GTVTLê Đình
# Thọ", "Trường -Ủy viên".  Only where a Vietnamese letter is involved, so "YouTube" and
# "iPhone" stay whole.  A cheap pattern finds the rare places where case changes inside a
# word; the decision is made only there.
_CASE_CHANGE = re.compile(rf"[{_LOWER}][{_UPPER}]|[{_UPPER}][{_UPPER}][{_LOWER}]")
_VIETNAMESE_SET = frozenset(_VIETNAMESE)
_GLUED_DASH = re.compile(rf"(?<=\w) -(?=[{_UPPER}])")
# "Phó trưởng Ban Đào tạo,Giám đốc Trung tâm Khảo thí": a comma with no space after it, between words
_GLUED_COMMA = re.compile(r"(?<=[^\W\d_]{2}),(?=[^\W\d_])")


def _word_at(text: str, start: int, step: int) -> str:
    end = start
    while 0 <= end < len(text) and text[end].isalpha():
        end += step
    return text[start:end] if step > 0 else text[end + 1:start + 1]


def split_glued_words(text: str) -> str:
    """Set apart words that page scraping glued ("thường trựcĐảng ủy" → "thường trực Đảng ủy").

    Applied by extraction to the sentences it reads closely, not to whole texts: the scan
    for case changes would cost a fifth of extraction's time for a rare repair."""
    if " -" in text:
        text = _GLUED_DASH.sub(" - ", text)
    if "," in text:
        text = _GLUED_COMMA.sub(", ", text)
    if not _CASE_CHANGE.search(text):
        return text
    return _split_glued(text)


def _split_glued(text: str) -> str:
    cuts = []
    for match in _CASE_CHANGE.finditer(text):
        cut = match.end() - 1 if match.group(0)[1].isupper() and match.group(0)[0].islower() else match.start() + 1
        left, right = _word_at(text, cut - 1, -1), _word_at(text, cut, 1)
        if match.group(0)[0].islower():  # "trựcĐảng", "MayViệt", "DanhNguyên"
            ok = len(left) >= 2 and left[-2:].islower() and (
                any(ch in _VIETNAMESE_SET for ch in right) or (any(ch in _VIETNAMESE_SET for ch in left)
                                                               and len(right) > 1 and right[1:].islower()))
        else:  # "GTVTLê Đình": capitals, then a capitalized syllable and another one
            after = text[cut + len(right):cut + len(right) + 2]
            ok = (left.isupper() and len(left) >= 2 and right[1:].islower()
                  and any(ch in _VIETNAMESE_SET for ch in right) and after[:1] == " " and after[1:].isupper())
        if ok:
            cuts.append(cut)
    if not cuts:
        return text
    pieces, last = [], 0
    for cut in cuts:
        pieces.append(text[last:cut])
        last = cut
    pieces.append(text[last:])
    return " ".join(pieces)


def normalize_text(text: str) -> str:
    """NFC, new tone placement, plain spaces and dashes; lines kept.  Idempotent."""
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    text = _ODD_CHAR.sub(_odd_char, text)  # before NFC: a dropped joiner may split a letter
    text = unicodedata.normalize("NFC", text)
    text = _retone(text)
    if "  " in text:  # substring tests are far cheaper than a regex scan
        text = _RUNS_OF_SPACES.sub(" ", text)
    # Runs are single spaces now, so plain replaces strip every line's edges.
    if " \n" in text:
        text = text.replace(" \n", "\n")
    if "\n " in text:
        text = text.replace("\n ", "\n")
    return text.strip(" ")


# --- search key ------------------------------------------------------------
_MARKS = re.compile(r"[\u0300-\u036f]+")
_WHITESPACE = re.compile(r"\s+")


@lru_cache(maxsize=16384)  # names and titles recur through an archive
def fold(text: str) -> str:
    """Search key: lowercase, no diacritics, "đ" -> "d", whitespace collapsed."""
    text = text.lower().replace("đ", "d").replace("\u00f0", "d")
    text = _MARKS.sub("", unicodedata.normalize("NFD", text))
    return _WHITESPACE.sub(" ", text).strip()


def name_key(text: str) -> str:
    """A name as written, in one form: lowercase, NFC, new tone placement, whitespace
    collapsed; tone marks kept, because in Vietnamese they are part of the name (Hùng and
    Hưng are two names).  "Hoà" and "Hòa", "NGUYỄN XUÂN PHÚC" and "Nguyễn Xuân Phúc" are one."""
    return _WHITESPACE.sub(" ", _retone(unicodedata.normalize("NFC", text)).lower()).strip()


def is_plain(text: str) -> bool:
    """Written without any tone mark or other diacritic ("le tien chau", "p:do manh hien@hai phong")."""
    return fold(text) == _WHITESPACE.sub(" ", text.lower()).strip()


def spelled_as(written: str, actual: str) -> bool:
    """Whether a name or key a user wrote means `actual`: written without any diacritics it
    matches every spelling that folds to it ("nguyen thanh phong" is Nguyễn Thành Phong and
    Nguyễn Thanh Phong); written with them, only its own spelling (in `name_key`'s form).
    Curation entries (keys, aliases, rejects) and typed keys match by this rule, so files
    written when person keys were folded keep working."""
    if is_plain(written):
        return fold(written) == fold(actual)
    return name_key(written) == name_key(actual)
