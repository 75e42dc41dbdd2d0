"""Sentence splitting for Vietnamese news paragraphs.

A fact and its evidence are one sentence, so a boundary must not fall inside
"TP. Hồ Chí Minh", "PGS. TS Vũ Hải Quân", "4.466 đảng viên" or a short quotation,
and ";" never ends a sentence: lists of people ("Đỗ Mạnh Hiến, Phó bí thư …;
Lê Anh Quân, …") stay together.
"""
from __future__ import annotations

import bisect
import re

from orggraph.loaders.lexicon import read_lexicon

__all__ = ["split_sentences", "split_lines_and_sentences"]

ABBREVIATIONS = frozenset(read_lexicon("sentence_abbreviations")["abbreviations"])
# Words longer than this before a period are never abbreviations, initials or list numbers.
MAX_SPECIAL_WORD = max(map(len, ABBREVIATIONS)) + 1  # +1 for an opening bracket
QUOTE_SPAN_CHARS = 300  # a quotation up to this long is kept in one sentence
BRACKET_SPAN_CHARS = 150

_LOWER = "a-zà-ỹđ"  # roughly the lowercase letters; only to spot a period glued to the next word
# A terminator, closing quotes/brackets, then either whitespace or (glued) a capitalized word.
_AFTER = (
    r"(?P<c>[”\"’»)\]]*)"
    rf"(?:(?P<s>\s+)(?=(?P<n>\S))|(?<=[{_LOWER}]{{2}}\.)(?=[^\W\d_][{_LOWER}]))"
)
# "./.", "...", "…", "?!": each alternative opens with its literal, so that re skips to them
# fast (as `\./\.|\.{2,}|…+|[.!?]+`, tried in that order).
_CANDIDATE = re.compile(r"(?P<t>\.(?:/\.|\.+|[.!?]*)|……*|!(?:[.!?]*)|\?(?:[.!?]*))" + _AFTER)
# Most paragraphs end sentences with "." only; a pattern that starts with a literal
# period is scanned several times faster.
_DOT_CANDIDATE = re.compile(r"(?P<t>\.(?:/\.|\.+)?)" + _AFTER)
_OTHER_TERMINATORS = ("!", "?", "…")
_SPANS = re.compile(
    rf"“[^“”\n]{{1,{QUOTE_SPAN_CHARS}}}”|\"[^\"\n]{{1,{QUOTE_SPAN_CHARS}}}\"|\([^()\n]{{1,{BRACKET_SPAN_CHARS}}}\)"
)
_OPENERS = frozenset("“\"‘'«([")
_BULLETS = frozenset("-•*+–")


def split_sentences(paragraph: str) -> list[str]:
    """The paragraph's sentences, stripped, in order."""
    out: list[str] = []
    for line in paragraph.split("\n"):
        for sentence in _split_line(line):
            out += _split_glued_address(sentence)
    return out


# A capitalized "Ông"/"Bà" inside a sentence is a heading or a caption run into the next
# sentence: "… làm Phó trưởng Ban Kinh tế Trung ương Ông Phạm Minh Chính sau đó công bố …"
# (about 300 times in the corpora).  Not after "và", "của", "với", "cho", "Hai" ("Hai Bà
# Trưng"), and only before a full name ("Bà Rịa", "Bà Triệu" are no persons' names).
_GLUED_ADDRESS = re.compile(r"(?<=[^\W\d_]) (?=(?:Ông|Bà) [A-ZĐ])")
_NOT_AFTER = frozenset({"và", "của", "với", "cho", "Hai", "là", "gặp", "ông", "bà"})


def _split_glued_address(sentence: str) -> list[str]:
    if "Ông " not in sentence and "Bà " not in sentence:
        return [sentence]
    from orggraph.loaders.names import find_person_names  # late: names reads lexicons this module needs not
    pieces, start = [], 0
    for m in _GLUED_ADDRESS.finditer(sentence):
        previous = sentence[sentence.rfind(" ", 0, m.start()) + 1:m.start()]
        if previous in _NOT_AFTER or m.start() <= start:
            continue
        after = m.end() + 3  # past "Ông " / "Bà "
        after += sentence[after] == " "
        names = find_person_names(sentence[after:after + 60])
        if not names or names[0][0] != 0 or len(names[0][2].split()) < 2:
            continue
        pieces.append(sentence[start:m.start()].strip())
        start = m.end()
    return pieces + [sentence[start:].strip()] if pieces else [sentence]


def split_lines_and_sentences(paragraphs: list[str]) -> list[str]:
    """All sentences of all paragraphs, in order."""
    out: list[str] = []
    for paragraph in paragraphs:
        out += split_sentences(paragraph)
    return out


def _split_line(text: str) -> list[str]:
    pieces = []
    start = 0
    spans = None  # quotations and brackets, found when first needed
    other = any(t in text for t in _OTHER_TERMINATORS)
    for m in (_CANDIDATE if other else _DOT_CANDIDATE).finditer(text):
        cut = m.end(2)  # after the terminator and any closing quotes
        if cut <= start or not _is_boundary(text, m, start):
            continue
        piece = text[start:cut]
        if "(" in piece or "“" in piece or '"' in piece:  # the cut may be inside a quotation
            if spans is None:
                spans = _spans(text)
            if _inside(spans, cut):
                continue
        piece = piece.strip()
        if piece:
            pieces.append(piece)
        start = m.end()
    rest = text[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def _spans(text: str) -> tuple[list[int], list[int]]:
    starts, ends = [], []
    for m in _SPANS.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _inside(spans: tuple[list[int], list[int]], pos: int) -> bool:
    starts, ends = spans
    i = bisect.bisect_left(starts, pos) - 1  # the last span starting before pos
    return i >= 0 and pos < ends[i]


def _is_boundary(text: str, m: re.Match, sentence_start: int) -> bool:
    terminator, _, _, nxt = m.groups()
    if nxt is not None and not (
        nxt.isupper() or nxt.isdigit() or nxt in _OPENERS
        or (nxt in _BULLETS and text[m.end(3) + 1:m.end(3) + 2] == " ")
    ):
        return False
    if terminator != ".":
        return True  # "!", "?", "…", "./." end a sentence when the next one starts
    dot = m.start()
    word_start = max(text.rfind(" ", sentence_start, dot) + 1, sentence_start)
    if nxt is not None and dot - word_start > MAX_SPECIAL_WORD:
        return True  # the common case: "… thành phố. Đồng chí …"
    word = text[word_start:dot].lstrip("(“\"‘'«[")
    if word in ABBREVIATIONS:
        return False
    if nxt is None:  # glued: "đâu nhé.Chúc bạn" but not "www.Abc"
        return text[m.end()].isupper() and "." not in word and "/" not in word
    if len(word) == 1 and word.isalpha() and word.isupper():
        # "T. Sơn" is an initial; "lần thứ V. Đại hội" ends a sentence
        before = text[sentence_start:word_start].rstrip()
        last = before[before.rfind(" ") + 1:]
        return bool(last) and last[0].islower()
    if word.isdigit() and len(word) <= 2 and word_start <= sentence_start:
        return False  # a list number: "2. Tuổi Hợi …"
    return True
