"""From a scraped article's text to its headline, body paragraphs, bylines and debris.

Pages come with menus, visitor counters, related-article lists, photo credits and
author bylines glued to the last sentence.  Facts must come only from the body,
and a byline ("Hồng Hạnh - Lương Huấn") must never be read as a person holding
an office, so this separates them; what it removes is kept (`debris`, `stamps`)
because the page footer and the date stamp still tell the city and the date.
Conservative by design: only lines matching the furniture lists are dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from orggraph.loaders.dates import looks_like_stamp
from orggraph.loaders.lexicon import read_lexicon
from orggraph.loaders.normalize import fold
from orggraph.loaders.sentences import ABBREVIATIONS

__all__ = ["CleanArticle", "clean_article"]

_LEX = read_lexicon("debris")


def _casefold_set(section: str) -> frozenset[str]:
    return frozenset(e.casefold().rstrip(": ") for e in _LEX[section])


def _alternation(section: str) -> str:
    entries = sorted(_LEX[section], key=len, reverse=True)
    return "|".join(re.escape(e).replace(r"\ ", r"\s+") for e in entries)


_DEBRIS_LINES = _casefold_set("lines")
_TAIL_MARKERS = _casefold_set("tail_markers")
_OUTLETS = _casefold_set("outlets")
_REPORTERS = _casefold_set("reporters")
_DEBRIS_PREFIX = re.compile(rf"(?:{_alternation('line_prefixes')})", re.IGNORECASE)
_OUTLET_START = re.compile(rf"(?:{_alternation('outlet_words')})(?!\w)", re.IGNORECASE)
_NOT_NAME = re.compile(rf"(?:{_alternation('not_name_words')})(?!\w)", re.IGNORECASE)
_CONTENT_WORDS = re.compile(rf"(?<!\w)(?:{_alternation('content_words')})(?!\w)", re.IGNORECASE)
_BYLINE_PREFIX = re.compile(rf"(?:{_alternation('byline_prefixes')})(?:\s+|(?<=:))", re.IGNORECASE)
_SOURCE_PREFIX = re.compile(rf"(?:{_alternation('source_prefixes')})\s*", re.IGNORECASE)
_CREDIT_MARK = _alternation("photo_credit_markers")

_HEADING = re.compile(r"#{1,6}(?:\s+|$)")  # "### Nội dung chính", not "#hashtag"
_NO_WORDS = re.compile(r"[\W_]*")
MAX_HEADLINE_WORDS = 35
MAX_HEADLINE_CHARS = 250
SENTENCE_TITLE_WORDS = 16  # a "title" this long that ends with "." is really the lead
LEAD_PARAGRAPHS = 3  # where an outlet tag "(CLO)" may open a paragraph
MAX_BYLINE_CHARS = 80
MAX_FURNITURE_CHARS = 60  # furniture lines and tail markers are short


@dataclass
class CleanArticle:
    title: str | None
    paragraphs: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    debris: list[str] = field(default_factory=list)
    stamps: list[str] = field(default_factory=list)


def clean_article(text: str, title: str | None = None) -> CleanArticle:
    """Split normalized article text into headline, body paragraphs, bylines and debris."""
    out = CleanArticle(title=title.strip() if title and title.strip() else None)
    content = _sort_lines(text, out)
    content = _take_title(content, out)
    paragraphs: list[str] = []
    for i, line in enumerate(content):
        if paragraphs and line == paragraphs[-1]:
            continue  # a photo caption printed twice
        if line[0] in ":;,":
            line = _LEADING_JUNK.sub("", line)
        if i < LEAD_PARAGRAPHS:
            line = _strip_outlet_tag(line, out)
        line = _strip_photo_credits(line, out)
        if line and not (paragraphs and line == paragraphs[-1]):
            paragraphs.append(line)
    _strip_final_bylines(paragraphs, out)
    out.paragraphs = paragraphs
    out.bylines = list(dict.fromkeys(out.bylines))
    return out


# --- lines ---------------------------------------------------------------------
def _sort_lines(text: str, out: CleanArticle) -> list[str]:
    """Content lines; furniture to `debris`, date stamps to `stamps`."""
    content: list[str] = []
    tail = False
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if tail:
            out.debris.append(line)
            continue
        if looks_like_stamp(line):
            out.stamps.append(line)
            continue
        if line[0] == "#":  # markdown: "# Headline", "### Nội dung chính"
            line = _HEADING.sub("", line, count=1) or line
        key = line.casefold().rstrip(": ") if len(line) <= MAX_FURNITURE_CHARS else ""
        if key in _TAIL_MARKERS:
            tail = bool(content)  # before the body it is only a menu entry
            out.debris.append(line)
        elif key in _DEBRIS_LINES or _DEBRIS_PREFIX.match(line) or _NO_WORDS.fullmatch(line):
            out.debris.append(line)
        else:
            content.append(line)
    return content


def _take_title(content: list[str], out: CleanArticle) -> list[str]:
    """Drop the headline line from the body (it goes to `title`)."""
    if not content:
        return content
    first = content[0]
    if out.title is not None:
        if _same_text(first, out.title) and not _is_sentence_title(out.title):
            return content[1:]
        return content
    if _looks_like_headline(first):
        out.title = first
        return content[1:]
    return content


def _same_text(a: str, b: str) -> bool:
    def key(s: str) -> str:
        return fold(_HEADING.sub("", s.strip(), count=1)).rstrip(" .")

    return key(a) == key(b)


def _is_sentence_title(title: str) -> bool:
    return title.rstrip().endswith(".") and len(title.split()) >= SENTENCE_TITLE_WORDS


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= MAX_HEADLINE_WORDS
        and len(line) <= MAX_HEADLINE_CHARS
        and line[-1] not in ".:;,"
        and not line[0].islower()
        and line[0] != "("
        and _parse_credit(line) is None
    )


# --- inside paragraphs -------------------------------------------------------
_LEADING_JUNK = re.compile(r"^[:;,]+\s*")
_OUTLET_TAG = re.compile(r"\(\s*([^()\s:]{1,20}(?:\s[^()\s:]{1,15}){0,2})\s*\)\s*(?:-+\s*|:\s*)?")


def _strip_outlet_tag(line: str, out: CleanArticle) -> str:
    """"(CLO) Sáng 4/8/2020, …" -> "Sáng 4/8/2020, …"; the tag goes to `debris`."""
    if not line.startswith("("):
        return line
    m = _OUTLET_TAG.match(line)
    if not m or m.end() >= len(line):
        return line
    words = m.group(1).split()
    first = words[0]
    if not (first[0].isupper() or "." in first) or any(w.isdigit() for w in words):
        return line
    if len(words) == 3 and not all(w[0].isupper() for w in words):
        return line
    out.debris.append(m.group().strip())
    return line[m.end():]


# Photo credits.  Lines are long and credits rare, so a line is first tested with
# substring searches, and the patterns are then matched only at "(" and ":".
_MARKERS = _LEX["photo_credit_markers"]
# Every credit without brackets has a marker's last letters before its ":".
_COLON_HINTS = tuple(
    sorted({end + colon for m in _MARKERS for end in (m[-2:], m[-2:].upper()) for colon in (":", " :")})
)
_PAREN_CREDIT = re.compile(  # matched at a "("
    rf"\(\s*(?:{_CREDIT_MARK})\s*(?:[:.]\s*(?P<credit>[^()]{{0,80}}?)\s*)?\)", re.IGNORECASE
)
_MARKER_BEFORE_COLON = re.compile(rf"(?<!\w)(?:{_CREDIT_MARK})\s*$", re.IGNORECASE)
MARKER_CHARS = max(map(len, _MARKERS)) + 2
_CREDIT_AFTER = tuple('.!?…”")]')  # a credit follows a caption's end …
_NO_SPACE_BEFORE = frozenset('.,;:!?…)”')
_TOKEN = re.compile(r"\S+")
_VIET_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?"
)


def _is_initial(word: str) -> bool:
    """"T." in "T. Sơn"."""
    return len(word) == 2 and word[1] == "." and word[0].isupper()


_OPENERS_AFTER_CREDIT = frozenset("Ngày Sáng Chiều Tối Trưa Theo Trong Tại Khi Hôm Năm Tháng Sau Trước".split())


def _strip_photo_credits(line: str, out: CleanArticle) -> str:
    """Remove "Ảnh: Trí Dũng/TTXVN", "(Ảnh: SGGP)"; credited persons go to `bylines`."""
    colon = any(h in line for h in _COLON_HINTS)
    if not colon and "(" not in line:
        return line
    cuts: list[tuple[int, int, str | None]] = []  # (start, end, the credit's words)
    i = line.find("(")
    while i >= 0:
        m = _PAREN_CREDIT.match(line, i)
        if m:
            cuts.append((len(line[:i].rstrip()), m.end(), m.group("credit")))
        i = line.find("(", m.end() if m else i + 1)
    i = line.find(":") if colon else -1
    while i >= 0:
        m = _MARKER_BEFORE_COLON.search(line, max(0, i - MARKER_CHARS), i)
        start = _credit_start(line, m.start()) if m else None
        if start is not None and not any(a <= i < b for a, b, _ in cuts):
            words = i + 1 + len(line[i + 1:]) - len(line[i + 1:].lstrip())
            end = _credit_end(line, words)
            if end is not None:
                cuts.append((start, end, line[words:end]))
                i = line.find(":", end)
                continue
        i = line.find(":", i + 1)
    if not cuts:
        return line
    pieces, pos = [], 0
    for start, end, credit in sorted(cuts):
        if start < pos:
            continue
        _credit_removed(line[start:end], credit, out)
        pieces.append(line[pos:start].rstrip())
        pos = end
    pieces.append(line[pos:].lstrip())
    text = ""
    for piece in pieces:
        if piece:  # "hiệp thương (ảnh: Quốc Chính)." -> "hiệp thương."
            text += piece if not text or piece[0] in _NO_SPACE_BEFORE else " " + piece
    return text


def _credit_start(line: str, marker: int) -> int | None:
    """Where the credit's text begins, or None when the marker is mid-sentence."""
    before = line[:marker].rstrip()
    if not before or before.endswith(_CREDIT_AFTER):
        return len(before)
    if before.endswith("-"):  # … or a dash: "Bình Dương - Ảnh: Vnexpress"
        return len(before) - 1
    if line.startswith("Ảnh", marker):  # a caption run into its credit: "… Công đoàn TP Ảnh: Hồng Đào"
        return len(before)
    return None


def _credit_removed(whole: str, credit: str | None, out: CleanArticle) -> None:
    out.debris.append(whole.strip())
    if credit:
        parsed = _parse_credit(credit)
        if parsed:
            out.bylines += parsed


def _credit_end(line: str, start: int) -> int | None:
    """Where a photo credit that starts at `start` ends, or None if it is not one."""
    taken: list[re.Match] = []
    outlet_first = False
    for k, tok in enumerate(_TOKEN.finditer(line, start, start + 100)):
        word = tok.group()
        core = word.rstrip(".,;:")
        if not core or not (core[0].isupper() or core[0] == "("):
            if outlet_first:
                return taken[-1].end()
            return _undelimited_end(taken) if k else None
        if word.startswith("("):  # "Quốc Đạt (TTXVN)"
            close = line.find(")", tok.start(), tok.start() + 40)
            if close < 0 or "(" in line[tok.start() + 1:close]:
                return _undelimited_end(taken)
            return close + 1
        if _is_initial(word):
            taken.append(tok)
            continue
        if k == 0 and "/" in core[:-1] and core == word and not core.rsplit("/", 1)[1].isupper():
            outlet_first = True  # "VGP/Nhật Bắc": the outlet, then the photographer's whole name (not "AFP/TTXVN")
            taken.append(tok)
            continue
        if outlet_first and (k > 2 or word in _OPENERS_AFTER_CREDIT):
            return taken[-1].end()  # "VGP/Quang Hiếu Ngày 16/5, …": the next sentence
        if "/" in core or "-" in core[1:]:
            return tok.start() + len(core)  # "Trí Dũng/TTXVN", "Phước Ngọc-TTXVN"
        if core != word:  # "Vũ Di." ends the credit; its period goes with it
            return tok.start() + len(core) + (word[len(core)] == ".")
        taken.append(tok)
        if len(taken) > 5:
            return _undelimited_end(taken)
    if taken and taken[-1].end() == len(line.rstrip()):
        return len(line)
    return _undelimited_end(taken)


def _undelimited_end(taken: list[re.Match]) -> int | None:
    """A credit run into the next sentence ("Ảnh: Quốc Thắng Công an quận…"): guess its length."""
    if not taken:
        return None
    words = [t.group() for t in taken]
    if _is_all_caps(words[0]):
        n = 1
        while n < len(words) and _is_all_caps(words[n]):
            n += 1
    elif not _VIET_SYLLABLE.fullmatch(fold(words[0])):
        n = 1  # "Reuters", "Sina"
    elif len(words) >= 2:
        n = 2  # most Vietnamese pen names have two syllables
    else:
        return None
    return taken[n - 1].end()


def _is_all_caps(word: str) -> bool:
    return len(word) > 1 and word.isupper()


# --- bylines -----------------------------------------------------------------------
_TAIL_CUT = re.compile(r"[.!?…”\"»)](?:(?<=\.)/\.)?\s+(?=\S)")  # "./." or one mark; opens with a class: re skips fast
_TRAILING_PAREN = re.compile(r"\s*\(([^()]{1,60})\)$")
_NAME_SEPARATOR = re.compile(r"\s*(?:[-,&]|(?<!\w)và(?!\w))\s*")
_OUTLET_WORD = re.compile(r"[\w.+&-]+|-")
_LATER_SOURCE = re.compile(
    r"\s*/\s*|\s+(?:" + "|".join(re.escape(w) for w in _LEX["source_prefixes"] if w.isalpha()) + r")\s+",
    re.IGNORECASE,
)
_SENTENCE_PUNCTUATION = re.compile(r"[.!?;:,](?:\s|$)")
_INITIALS = re.compile(r"[^\W\d_]\.(?:\s?[^\W\d_]\w*\.?)+")  # "P.V", "T.Nam", "T. N."
MAX_TAIL_CUTS = 3


def _strip_final_bylines(paragraphs: list[str], out: CleanArticle) -> None:
    """Bylines and source credits on the last lines or glued to the last sentence."""
    while paragraphs:
        last = paragraphs[-1]
        parsed = _parse_credit(last)
        if parsed is None:
            if _is_source_credit(last):
                out.debris.append(paragraphs.pop())
                continue
            break
        out.bylines += parsed
        if not parsed:
            out.debris.append(last)
        paragraphs.pop()
    for _ in range(MAX_TAIL_CUTS):
        if not paragraphs or not _strip_glued_byline(paragraphs, out):
            break


def _strip_glued_byline(paragraphs: list[str], out: CleanArticle) -> bool:
    last = paragraphs[-1]
    window = max(0, len(last) - MAX_BYLINE_CHARS - 2)
    for cut in _TAIL_CUT.finditer(last, window):  # longest tail first
        if _after_abbreviation(last, cut.start()):
            continue  # "BS. Lê Anh Tiến" is one credit
        tail = last[cut.end():]
        if not (tail[0].isupper() or _SOURCE_PREFIX.match(tail)):
            continue  # every credit starts with a capital, but "theo Thời đại"
        parsed = _parse_credit(tail)
        if parsed is None and not _is_source_credit(tail):
            continue
        if parsed:
            out.bylines += parsed
        else:
            out.debris.append(tail.strip())
        paragraphs[-1] = last[:cut.start() + len(cut.group().rstrip())]
        return True
    return False


def _after_abbreviation(text: str, dot: int) -> bool:
    return text[dot] == "." and text[text.rfind(" ", 0, dot) + 1:dot] in ABBREVIATIONS


def _parse_credit(text: str) -> list[str] | None:
    """The author names of a byline ("Hồng Hạnh - Lương Huấn", "Theo Đặng Dương (Dân Trí)").

    [] for a credit that names no person ("TTXVN/Tin Tức"); None if it is not a credit.
    """
    s = text.strip()
    if s.endswith(".") and not (s[-2:-1].isupper() and s[-3:-2] in ("", " ", ".")):
        s = s[:-1].rstrip()  # a final period, but not the one of "P.V."
    if not s or len(s) > MAX_BYLINE_CHARS:
        return None
    whole = s
    m = _BYLINE_PREFIX.match(s)
    if m:
        s = s[m.end():].strip()
    for _ in range(2):  # "(TTXVN)", "(Tổng hợp)", "(t/h)"
        paren = _TRAILING_PAREN.search(s)
        if paren:
            s = s[:paren.start()]
    source = _LATER_SOURCE.search(s)  # "Mai Chi Theo Reuters", "Trí Dũng/TTXVN"
    if source:
        s, outlet = s[:source.start()], s[source.end():]
        if not _looks_like_outlet(outlet):
            return None
    names = []
    for part in _NAME_SEPARATOR.split(s.strip(" -,&")):
        kind = _name_kind(part)
        if kind is None:
            return None
        if kind == "name":
            names.append(part)
    if _CONTENT_WORDS.search(whole):
        return None  # "Phó Bí Thư Nguyễn Văn A" names an office
    return names


def _name_kind(part: str) -> str | None:
    """"name", "outlet", or None when the words are not a credit."""
    folded = part.casefold()
    if folded in _REPORTERS:
        return "name"
    if folded in _OUTLETS:
        return "outlet"
    words = part.split()
    if not words:
        return None
    if len(words) == 1:
        word = words[0]
        if word[0].isupper() and _INITIALS.fullmatch(word):
            return "name"  # "P.V", "T.Nam", "B.Thanh"
        if word.isupper() and len(word) > 1:
            return "outlet"  # "TTXVN", "NNVN", "VTC14"
        return None
    if _OUTLET_START.match(part):
        return "outlet"
    if len(words) > 5 or _NOT_NAME.match(part):
        return None
    if not all(_is_capitalized(w) for w in words):
        return None
    if all(_is_initial(w) or _VIET_SYLLABLE.fullmatch(fold(w)) for w in words):
        return "name"
    return "outlet"  # "Google Maps", "Daily Mail": capitalized, but not a Vietnamese name


def _is_capitalized(word: str) -> bool:
    if _is_initial(word):
        return True
    return word.isalpha() and word[0].isupper() and (word[1:].islower() or word.isupper() or len(word) == 1)


def _looks_like_outlet(text: str) -> bool:
    """"TTXVN", "Tin Tức", "VOV-Trung tâm Tin": short, and starts with a capital."""
    words = _OUTLET_WORD.findall(text)
    return 0 < len(words) <= 6 and (words[0][0].isupper() or words[0][0].isdigit())


def _is_source_credit(text: str) -> bool:
    """"Theo Trang tin Điện tử …", "Nguồn: Báo Đất Việt": a source, not an author."""
    s = text.strip().rstrip(".")
    m = _SOURCE_PREFIX.match(s)
    if not m or len(s) > MAX_BYLINE_CHARS * 2:
        return False
    rest = s[m.end():]
    words = rest.split()
    return (
        0 < len(words) <= 15
        and rest[0].isupper()
        and not _SENTENCE_PUNCTUATION.search(rest)
        and not _CONTENT_WORDS.search(rest)
    )

