"""Vietnamese personal names: family-name lexicon, a name regex, and candidate name spans.

A candidate is a family name followed by capitalized syllables. It stops before words that
start a title, an organization or a place (lexicons/names.yaml), and is dropped when it is
part of a proper name ("Trường Chính trị Tô Hiệu"), a place ("Thành phố Hồ Chí Minh") or a
historical figure. All matching is one precompiled regex; the checks run per candidate.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

import yaml

from orggraph.loaders.districts import is_district_name
from orggraph.loaders.lexicon import read_lexicon, trie_pattern
from orggraph.loaders.places import LOWER, UPPER, province_named

LEXICON_DIR = Path(__file__).parent / "lexicons"
SURNAMES_PATH = LEXICON_DIR / "surnames.txt"
NAMES_DATA_PATH = LEXICON_DIR / "names.yaml"

_APOSTROPHES = "'\u2019"


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", str(s)).strip()


@functools.cache
def load_surnames() -> frozenset[str]:
    """Family names as written ("Nguyễn", "Rơ Châm", "H'"); comments and blanks skipped."""
    out = set()
    with open(SURNAMES_PATH, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                out.add(_nfc(line))
    return frozenset(out)


@functools.cache
def _data() -> dict:
    with open(NAMES_DATA_PATH, encoding="utf-8") as f:
        return yaml.safe_load(f)


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", _nfc(s)).casefold()


@functools.cache
def _historical() -> frozenset[str]:
    return frozenset(_fold(n) for n in _data().get("historical_names") or ())


@functools.cache
def _not_persons() -> frozenset[str]:
    """Names that are no person's: the lexicon's, and foreign states of several syllables
    ("Hy Lạp" before "Yannis Mouzalas" is Greece, not a person called Lạp)."""
    countries = read_lexicon("foreign").get("countries", ())
    return frozenset(_fold(n) for n in [*(_data().get("not_persons") or ()), *(c for c in countries if " " in c)])


def is_historical_name(name: str) -> bool:
    """Whether `name` is a historical figure ("Hồ Chí Minh", "Tô Hiệu"): never an office holder."""
    return _fold(name) in _historical()


# ---------------------------------------------------------------------------------------
# The name pattern

_TITLE_SYL = "[%s][%s]*(?![\\w'])" % (UPPER, LOWER)
_CAPS_SYL = "[%s]+(?![\\w'])" % UPPER


def _alternation(words) -> str:
    return trie_pattern(sorted(set(words)), char_pattern=re.escape)


def _stop_lookahead(upper: bool) -> str:
    """A negative lookahead refusing a syllable that starts a title/organization/place."""
    data = _data()
    conv = (lambda w: w.upper()) if upper else (lambda w: w)
    words = [conv(_nfc(w)) for w in data.get("stop_words") or ()]
    parts = ["(?:%s)(?![\\w'])" % _alternation(words)]
    for first, nexts in (data.get("stop_phrases") or {}).items():
        nxt = "|".join(re.escape(_nfc(n)) for n in sorted(nexts, key=len, reverse=True))
        parts.append("%s (?i:%s)(?!\\w)" % (re.escape(conv(_nfc(first))), nxt))
    return "(?!" + "|".join(parts) + ")"


def _build_pattern() -> str:
    surnames = load_surnames()
    glued = [s.rstrip(_APOSTROPHES) for s in surnames if s[-1] in _APOSTROPHES]
    spaced = [s for s in surnames if s[-1] not in _APOSTROPHES]
    branches = []
    for upper, syl in ((False, _TITLE_SYL), (True, _CAPS_SYL)):
        conv = (lambda w: w.upper()) if upper else (lambda w: w)
        stop = _stop_lookahead(upper)
        more = "(?: %s%s)" % (stop, syl)
        branches.append("(?:%s)(?![\\w'])%s{1,4}" % (_alternation(conv(s) for s in spaced), more))
        if glued:
            branches.append(
                "(?:%s)[%s] ?%s%s%s{1,3}" % (_alternation(conv(s) for s in glued), _APOSTROPHES, stop, syl, more)
            )
    return "(?<![\\w'])(?=[%s])(?:%s)" % (UPPER, "|".join(branches))


# Regex source for a Vietnamese full name: a family name from the lexicon, then 1-4
# capitalized syllables (or all in CAPS), single spaces only, never a title word.
PERSON_NAME_PATTERN: str = _build_pattern()
_PERSON_RX = re.compile(PERSON_NAME_PATTERN)


# ---------------------------------------------------------------------------------------
# Proper-name context

_CLAUSE_BREAK_RX = re.compile(r"[,;:()\[\]\n\"\u201c\u201d]|\.\s")


@functools.cache
def _cues() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Cue phrases as token tuples, indexed by their last token (longest first)."""
    cues = {tuple(_nfc(c).split()) for c in (_data().get("proper_name_cues") or []) + _district_cue_list()}
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for cue in sorted(cues, key=len, reverse=True):
        by_last.setdefault(cue[-1], []).append(cue)
    return {k: tuple(v) for k, v in by_last.items()}


def _district_cue_list() -> list[str]:
    return list(_data().get("district_level_cues") or ())


@functools.lru_cache(maxsize=1)
def _district_cues() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(_nfc(c).split()) for c in _district_cue_list())


_CAPITALIZED_WORDS = re.compile(r"[%s][%s]*(?:\s+[%s][%s]*){0,3}" % (UPPER, LOWER, UPPER, LOWER))


def _names_a_place(text: str, start: int) -> bool:
    """Whether the capitalized words at `start` begin with a district's or a province's name."""
    match = _CAPITALIZED_WORDS.match(text, start)
    words = match.group(0).split() if match else []
    return any(is_district_name(" ".join(words[:n])) or province_named(" ".join(words[:n])) is not None
               for n in range(len(words), 0, -1))


def is_person_after_unit(words: str) -> bool:
    """Whether the words after a district-level unit word are a person's name, not the unit's:
    they begin with a family name and no district or province has them ("UBND huyện Nguyễn
    Văn Bình"; but "quận Lê Chân", "thị xã Hoàng Mai" are places)."""
    return bool(words) and words.split()[0] in load_surnames() and not _names_a_place(words, 0)


@functools.cache
def _cue_exceptions() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for k, v in (_data().get("cue_exceptions") or {}).items():
        out[_fold(k)] = out.get(_fold(k), frozenset()) | frozenset(_fold(w) for w in v)
    return out


@functools.cache
def _institution_words() -> frozenset[str]:
    return frozenset(_nfc(w) for w in _data().get("institution_words") or ())


def is_inside_proper_name(text: str, start: int) -> bool:
    """Whether a name at `start` belongs to a proper name rather than naming a person.

    True after a cue such as "Trường", "đường", "phong cách", "Đoàn TNCS", "huyện", possibly
    with institution-type words between ("Trường Chính trị Tô Hiệu", "Trường THPT chuyên
    Lê Quý Đôn"). Only the same clause is looked at.
    """
    window = text[max(0, start - 100) : start]
    breaks = list(_CLAUSE_BREAK_RX.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    tokens = window.split()
    if not tokens:
        return False
    inst = _institution_words()
    exceptions = _cue_exceptions()
    for between in range(0, 6):
        if between > len(tokens):
            break
        if between and tokens[-between] not in inst:
            break
        head = tokens[: len(tokens) - between]
        if not head:
            break
        for cue in _cues().get(head[-1], ()):
            n = len(cue)
            if n <= len(head) and tuple(head[-n:]) == cue:
                before = head[-n - 1] if len(head) > n else None
                if before is not None and n == 1 and _fold(before) in exceptions.get(_fold(cue[0]), ()):
                    continue
                if cue in _district_cues() and not between:
                    return _names_a_place(text, start)
                return True
    return False


# ---------------------------------------------------------------------------------------
# Candidate names


def _token_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:end])]


@functools.lru_cache(maxsize=65536)
def _is_blocked(words: str, historical: bool = True) -> bool:
    """A place, a non-person name or (if `historical`) a historical figure rather than a person."""
    folded = _fold(words)
    if folded in _not_persons() or (historical and folded in _historical()):
        return True
    hit = province_named(words)
    return hit is not None and _fold(words) in {_fold(f) for f in hit.forms}


def _starts_with_surname(text: str, pos: int) -> bool:
    m = _PERSON_RX.match(text, pos)
    return m is not None


_PREV_CAPITALIZED_RX = re.compile(r"(?<![\w'])((?:[%s][%s]* ){1,2})$" % (UPPER, LOWER))


def _blocked_front(text: str, start: int, tokens: list[tuple[int, int]]) -> int:
    """How many leading tokens belong to a place/non-person/historical name.

    The blocked name may begin up to two capitalized words before the candidate
    ("tỉnh Bình Dương Trần Thanh Liêm", "sân bay Tân Sơn Nhất").
    """
    prev = _PREV_CAPITALIZED_RX.search(text, max(0, start - 40), start)
    fronts = [""]
    if prev:
        words = prev.group(1).split()
        fronts += [" ".join(words[-n:]) + " " for n in range(1, len(words) + 1)]
    for k in range(min(4, len(tokens)), 0, -1):
        head = text[start : tokens[k - 1][1]]
        # a historical figure's name that begins a longer name is another person's ("Nguyễn Hiền
        # Phương" is not "Nguyễn Hiền"); places and non-persons block wherever they stand
        if any(_is_blocked(front + head, historical=bool(front) or k == len(tokens)) for front in fronts):
            return k
    return 0


_PREVIOUS_WORD = re.compile(r"(\S+)\s+$")
_PERSON_WORDS = frozenset("Ông Bà Anh Chị Em Cô Chú Bác Thầy Cụ Cháu Đồng Chí Ngài Đ/c".split())


# The family names most Vietnamese carry; a name rarely has one as its second syllable after a rarer one.
_COMMON_SURNAMES = frozenset("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý".split())


@functools.lru_cache(maxsize=1)
def _opening_words() -> frozenset[str]:
    """Capitalized words that end a name because they begin something else ("Theo", "Trong", "Sau")."""
    return frozenset(_nfc(w) for w in _data().get("stop_words") or ())


def find_person_names(text: str) -> list[tuple[int, int, str]]:
    """Spans (start, end, name) of candidate full names: 2-5 syllables, the first a family name.

    Greedy, but stops before title/organization words; drops places ("Thành phố Hồ Chí
    Minh"), proper names ("Trường Chính trị Tô Hiệu", "phong cách Hồ Chí Minh") and historical
    figures; when a place or school name runs into a person ("Bí thư Thành ủy Hà Nội Hoàng
    Trung Hải", "huyện Lương Sơn Nguyễn Văn A") the person is kept.
    """
    out: list[tuple[int, int, str]] = []
    if not text:
        return out
    pos = 0
    anchored: int | None = None
    n = len(text)
    while pos < n or anchored is not None:
        if anchored is not None:
            m = _PERSON_RX.match(text, anchored)
            anchored = None
            if m is None:
                continue
        else:
            m = _PERSON_RX.search(text, pos)
            if m is None:
                break
        start, end = m.span()
        pos = end
        tokens = _token_spans(text, start, end)

        # A place, non-person or historical name at the front: skip it, keep what follows.
        cut = _blocked_front(text, start, tokens)
        if cut:
            if len(tokens) - cut >= 2 and _starts_with_surname(text, tokens[cut][0]):
                anchored = tokens[cut][0]
            continue

        if is_inside_proper_name(text, start):
            for k in range(2, len(tokens) - 1):
                if _starts_with_surname(text, tokens[k][0]):
                    anchored = tokens[k][0]
                    break
            continue

        if end < n and text[end] in "-‐" and end + 1 < n and text[end + 1].isalpha():
            continue  # "Kim Jong-un", "Kim Won-hong": a foreign name written with a hyphen
        previous = _PREVIOUS_WORD.search(text, max(0, start - 20), start)
        if len(tokens) >= 4 and _starts_with_surname(text, tokens[1][0]) and previous and \
                previous.group(1)[:1].isupper() and previous.group(1)[1:].islower() and \
                previous.group(1) not in _PERSON_WORDS and previous.group(1) not in _opening_words():
            # "Ngân hàng Đại Dương Hà Văn Thắm": a capitalized word, then a family name that ends its
            # proper name ("Đại Dương"), then the person
            start = tokens[1][0]
        elif len(tokens) >= 4 and text[tokens[0][0]:tokens[0][1]] not in _COMMON_SURNAMES and \
                text[tokens[1][0]:tokens[1][1]] in _COMMON_SURNAMES:
            # "trường Sen Vàng Phạm Thị Tân": a rare family name, then a common one, is the end of
            # another name ("Vàng"), then the person
            start = tokens[1][0]
        out.append((start, end, text[start:end]))
    return out
