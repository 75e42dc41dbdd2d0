"""Dates in articles: the article's own date, the event's date, date mentions, terms.

Vietnamese writes the day before the month ("4/8/2020" is 4 August) and often
leaves the year out ("Sáng 16-10"); the year then comes from the article's
date.  Values are ISO strings, partial when the text is ("2009-07", "2008").
Input is text already passed through `normalize_text` (single spaces, "-" dashes).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from orggraph.loaders.lexicon import read_lexicon

__all__ = [
    "DateMention",
    "find_dates",
    "event_date",
    "parse_article_date",
    "parse_term",
    "looks_like_stamp",
    "DateRange",
    "parse_date_range",
    "statement_date",
    "opens_a_date",
    "DateError",
    "check_iso_date",
]

_LEX = read_lexicon("dates")
MIN_YEAR, MAX_YEAR = 1900, 2100
LATE_DAYS = 31  # a yearless day more than this after the article is last year's
ISO_DAY_CHARS = len("2020-08-04")


def _words(section: str) -> str:
    """An alternation of the section's entries, longest first, spaces flexible."""
    entries = sorted(_LEX[section], key=len, reverse=True)
    return "|".join(re.escape(e).replace(r"\ ", r"\s+") for e in entries)


def _phrases(*sections: str) -> frozenset[str]:
    return frozenset(e.lower() for s in sections for e in _LEX[s])


def _after_word(section: str) -> str:
    """Lookbehinds for "<word> " (as written or capitalized) right before a number."""
    words = {w for e in _LEX[section] for w in (e, e[:1].upper() + e[1:])}
    return "(?:" + "|".join(f"(?<={re.escape(w)} )" for w in sorted(words)) + ")"


_TIME_OF_DAY = _phrases("time_of_day")  # "sáng", "chiều nay", "ngày"…: open an event's date
_CUES = _phrases("time_of_day", "weekdays")
_RELATIONAL = _phrases("relational")  # "từ", "đến"…: place a date, are not part of it
_MONTH_WORDS = _phrases("month")
_YEAR_WORDS = _phrases("year")
_UNITS = _MONTH_WORDS | _YEAR_WORDS
_DOCUMENT_WORDS = _phrases("document_words")
_DAY_WORD = _LEX["day"][0]  # the one cue that also dates documents
MAX_CUE_WORDS = max(len(p.split()) for p in _CUES)
MAX_REL_WORDS = max(len(p.split()) for p in _RELATIONAL)
MAX_DOC_WORDS = max(len(p.split()) for p in _DOCUMENT_WORDS)
MAX_CONTEXT_WORDS = 1 + MAX_CUE_WORDS + MAX_REL_WORDS + MAX_DOC_WORDS
_CUE_ENDS = frozenset(p.split()[-1] for p in _CUES)  # a cue's last word comes first backwards
_REL_ENDS = frozenset(p.split()[-1] for p in _RELATIONAL)
# Any word of those phrases: a number after another word has no context to read.
_CONTEXT_WORDS = frozenset(
    w.rstrip(",") for p in _UNITS | _CUES | _RELATIONAL | _DOCUMENT_WORDS for w in p.split()
)

_MONTH_WORD = _words("month")
_YEAR_WORD = _words("year")
_L = r"(?<![\w.,/:-])"  # not inside a longer number, a decimal, a code or a time
_R = r"(?![\d/]|[.,-]\d)"
_R_YEAR = r"(?![\d/]|[.,]\d|\s?-\s?\d)"  # and not a term "2020 - 2025"
# Every form starts with a digit so the scan jumps from digit to digit; the words
# before the number ("Sáng", "ngày", "tháng", "từ", "(") are read by _context().
_CORE = re.compile(
    r"(?=[0-9])"
    + _L
    + "(?:"
    # a range of days: "14 -15/5", "15 - 18/4/2017" (the first day counts)
    + r"(?P<rd>\d{1,2})\s*(?:-|và|đến)\s*\d{1,2}\s?(?P<rs>[/.-])\s?(?P<rm>\d{1,2})"
    + r"(?:(?P=rs)(?P<ry>\d{4}))?" + _R
    # "4/8/2020", "11-07-2020", "8.2.2017"
    + r"|(?P<fd>\d{1,2})\s?(?P<fs>[/.-])\s?(?P<fm>\d{1,2})\s?(?P=fs)\s?(?P<fy>\d{4})" + _R
    # "(ngày) 06 tháng 08 năm 2020", "(ngày) 16 tháng 3"
    + rf"|(?P<ld>\d{{1,2}})\s*(?:{_MONTH_WORD})\s*(?P<lm>\d{{1,2}})"
    + rf"(?:\s*,?\s*(?:{_YEAR_WORD})\s*(?P<ly>\d{{4}}))?" + _R
    # "10/1990", "(tháng) 6.2016"
    + r"|(?P<tm>\d{1,2})\s?(?P<ts>[/.-])\s?(?P<ty>\d{4})" + _R
    # "16-10", "16/3", "8.2" (needs a cue or brackets)
    + r"|(?P<dd>\d{1,2})\s?(?P<ds>[/.-])\s?(?P<dm>\d{1,2})" + _R
    # "(tháng) 3", "(tháng) 8 năm 2015"
    + rf"|{_after_word('month')}(?P<om>\d{{1,2}})"
    + rf"(?:\s*,?\s*(?:{_YEAR_WORD})\s*(?P<oy>\d{{4}}))?(?![\d/.-])"
    # "(năm) 2008", "(từ) 1995"
    + r"|(?P<yy>\d{4})" + _R_YEAR
    + ")",
    re.IGNORECASE,
)


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: str | None
    cue: str | None = None  # the time-of-day or weekday words, if any ("Sáng", "thứ Hai")


_OPENERS = "(“\"'[«"
CONTEXT_CHARS = 40  # enough for "kể từ sáng nay (" before a number
_DIGIT = re.compile("[0-9]")


@dataclass(slots=True)
class _Context:
    """The words right before a number."""

    paren: bool = False
    unit: str | None = None  # "tháng", "năm"
    unit_start: int = -1
    cue: str | None = None  # "Sáng", "Chiều nay", "thứ Hai,"
    cue_start: int = -1
    rel: str | None = None  # "từ", "đến"
    words: tuple[str, ...] = ()  # up to a few words before all of these, nearest first


@dataclass(frozen=True, slots=True)
class _Found:
    """A date mention as written; its value may still need the article's year."""

    start: int
    end: int
    text: str
    cue: str | None
    year: int | None
    month: int
    day: int | None

    def mention(self, article_date: str | None) -> DateMention:
        if self.year is not None:
            value = _iso(self.year, self.month or None, self.day)
        else:
            value = _with_inferred_year(self.month, self.day, article_date)
        return DateMention(self.start, self.end, self.text, value, self.cue)


def opens_a_date(word: str) -> bool:
    """Whether a word is a one-word time-of-day cue ("Sáng", "Chiều", "Ngày") that opens a
    sentence's date: glued to the name before it, it is no part of the name."""
    return word.lower() in _TIME_OF_DAY


def find_dates(sentence: str, article_date: str | None) -> list[DateMention]:
    """Every date mention in the sentence, with its ISO value when it can be known."""
    first = _DIGIT.search(sentence)
    if not first:
        return []
    return [found.mention(article_date) for found in _iter_found(sentence, first.start())]


def _iter_found(text: str, pos: int = 0) -> Iterator[_Found]:
    for m in _CORE.finditer(text, pos):  # the lookbehinds still see the text before pos
        ctx = _context(text, m.start())
        parts = _parts(m, ctx, text)
        if parts is None:
            continue
        start = ctx.cue_start if ctx.cue else ctx.unit_start if ctx.unit else m.start()
        end = m.end()
        if ctx.paren and ctx.cue and text.startswith(")", end):
            end += 1  # "hôm nay (6/2)"
        cue = ctx.cue.rstrip(",") if ctx.cue else None
        yield _Found(start, end, text[start:end], cue, *parts)


def _context(text: str, pos: int) -> _Context:
    """Read the words before a number backwards: "(", "tháng"/"năm", a cue, "từ"…."""
    lo = max(0, pos - CONTEXT_CHARS)
    before = text[lo:pos].rstrip(" ")
    last = before[before.rfind(" ") + 1:].lstrip(_OPENERS).rstrip(",").lower()
    if last not in _CONTEXT_WORDS and not before.endswith("("):
        return _Context(words=(last,))  # the common case: "có 1/3", "đạt 2017"
    ctx = _Context()
    if before.endswith("("):
        ctx.paren = True
        before = before[:-1].rstrip(" ")
    parts = before.split(" ")
    if lo and parts:
        parts.pop(0)  # may be cut off by the window
    words: list[tuple[str, str, int]] = []  # (word, lowercased, start), nearest first
    end = lo + len(before)
    for word in reversed(parts[-MAX_CONTEXT_WORDS:]):
        core = word.lstrip(_OPENERS)
        if not core:
            break
        words.append((core, core.lower(), end - len(core)))
        if len(core) < len(word):
            break  # "(Sáng 5/7)": nothing before the bracket belongs to the date
        end -= len(word) + 1
    k = 0
    if words and words[0][1] in _UNITS:
        ctx.unit, _, ctx.unit_start = words[0]
        k = 1
    n = _phrase_at(words, k, _CUES, _CUE_ENDS, MAX_CUE_WORDS)
    if n:
        ctx.cue_start = words[k + n - 1][2]
        ctx.cue = text[ctx.cue_start:words[k][2] + len(words[k][0])]
        k += n
    n = _phrase_at(words, k, _RELATIONAL, _REL_ENDS, MAX_REL_WORDS)
    if n:
        ctx.rel = " ".join(w[1] for w in reversed(words[k:k + n]))
        k += n
    ctx.words = tuple(w[1] for w in words[k:])
    return ctx


def _phrase_at(words: list[tuple[str, str, int]], k: int, phrases, ends, most: int) -> int:
    """How many words from words[k] backwards spell one of the phrases (0 if none)."""
    if k >= len(words) or words[k][1].rstrip(",") not in ends:
        return 0
    for n in range(min(most, len(words) - k), 0, -1):
        if " ".join(w[1] for w in reversed(words[k:k + n])).rstrip(",") in phrases:
            return n
    return 0


def _parts(m: re.Match, ctx: _Context, sentence: str) -> tuple[int | None, int, int | None] | None:
    """(year, month, day) of a matched number, year None when left out (month 0 for a
    bare year); None if the number is not a date."""
    g = m.groupdict()
    month_unit = ctx.unit is not None and ctx.unit.lower() in _MONTH_WORDS
    year_unit = ctx.unit is not None and ctx.unit.lower() in _YEAR_WORDS
    if g["rd"]:
        if not (ctx.cue or ctx.rel or g["ry"]):
            return None
        return _day_parts(_int(g["ry"]), int(g["rm"]), int(g["rd"]))
    if g["fd"]:
        return _day_parts(int(g["fy"]), int(g["fm"]), int(g["fd"]))
    if g["ld"]:
        if not (ctx.cue and ctx.cue.lower().endswith(_DAY_WORD)):
            return None  # "3 tháng 5 ngày" is a count
        return _day_parts(_int(g["ly"]), int(g["lm"]), int(g["ld"]))
    if g["tm"]:
        if not month_unit and (g["ts"] != "/" or _after_document_word(ctx)):
            return None  # "6.2016" needs "tháng"; "Chỉ thị 05/2017" is a number
        return _day_parts(int(g["ty"]), int(g["tm"]), None)
    if g["dd"]:
        closed = ctx.paren and sentence.startswith(")", m.end())
        if ctx.unit or not (ctx.cue or closed or (ctx.rel and g["ds"] == "/")):
            return None  # a bare "1/3" is a fraction, "3-2" a score
        if _after_document_word(ctx):
            return None
        return _day_parts(None, int(g["dm"]), int(g["dd"]))
    if g["om"]:
        if ctx.words and ctx.words[0].isdigit():
            return None  # "9 tháng 10" is a count of months
        return _day_parts(_int(g["oy"]), int(g["om"]), None)
    # a year: "năm 2008", or "từ 1995"
    if not (year_unit or (ctx.rel and not ctx.cue and not ctx.paren and not ctx.unit)):
        return None
    year = int(g["yy"])
    return (year, 0, None) if _iso(year) else None


def _after_document_word(ctx: _Context) -> bool:
    return any(
        " ".join(reversed(ctx.words[:n])) in _DOCUMENT_WORDS for n in range(1, MAX_DOC_WORDS + 1)
    )


def _day_parts(year: int | None, month: int, day: int | None) -> tuple[int | None, int, int | None] | None:
    """The parts if they can make a date (a yearless 29/2 can), else None."""
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    if year is not None and _iso(year, month, day) is None:
        return None  # "31/02/2020"
    return year, month, day


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _iso(y: int | None, m: int | None = None, d: int | None = None) -> str | None:
    """ISO text for a valid (possibly partial) date, else None."""
    if y is None or not MIN_YEAR <= y <= MAX_YEAR:
        return None
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _latest_day(iso: str) -> dt.date | None:
    """The last day an ISO (partial) date can mean; None if it is not one."""
    parts = iso[:ISO_DAY_CHARS].split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 12
        d = int(parts[2]) if len(parts) > 2 else calendar.monthrange(y, m)[1]
        return dt.date(y, m, d)
    except (ValueError, IndexError):
        return None


def _with_inferred_year(m: int, d: int | None, article_date: str | None) -> str | None:
    """A yearless date placed in the article's year, or the year before."""
    ref = _latest_day(article_date) if article_date else None
    if ref is None or not 1 <= m <= 12:
        return None
    limit = ref + dt.timedelta(days=LATE_DAYS)
    for year in (ref.year, ref.year - 1):
        iso = _iso(year, m, d)
        if iso is None:
            continue  # 29/2 in a common year: try the year before
        if dt.date(year, m, d or 1) <= limit:
            return iso
    return None


# --- the event ---------------------------------------------------------------------
LEAD_PARAGRAPHS = 2
LEAD_CHARS = 400  # the lead's event is dated early; a one-line body is not all "lead"
# "Quyết định số 469-QĐNS/TW ngày 21/3/2017": the date of a document, not of the event.
_DOCUMENT_NUMBER = re.compile(r"\d+[-/]\S*[^\W\d_]\S*")
_CLAUSE_END = tuple(",;:(-.")


def _dates_a_document(before: str) -> bool:
    """Whether the words before a date ("… số 469-QĐNS/TW ngày") name a document."""
    words = before.split()
    if not words:
        return False
    if _DOCUMENT_NUMBER.fullmatch(words[-1]):
        return True
    return words[-1].isdigit() and any(
        " ".join(words[-1 - n:-1]).lower() in _DOCUMENT_WORDS for n in range(1, MAX_DOC_WORDS + 1)
    )


def _opens_clause(before: str) -> bool:
    """"…, ngày 11-7", "Trong 2 ngày 14-15/5", "vào ngày 5/7" but not "thành lập ngày 27/1/1994"."""
    before = before.rstrip()
    if not before or before.endswith(_CLAUSE_END) or before[-1].isdigit():
        return True
    words = before.split()
    return any(" ".join(words[-n:]).lower() in _RELATIONAL for n in range(1, MAX_REL_WORDS + 1))


def event_date(paragraphs: list[str], article_date: str | None) -> str | None:
    """The date of the article's main event: the lead's first cued date, else the article's."""
    for mention in _lead_event_mentions(paragraphs, article_date):
        if mention.value:
            return mention.value
    return article_date


def _lead_event_mentions(paragraphs: list[str], article_date: str | None) -> Iterator[DateMention]:
    """Dates with a time-of-day or "ngày" cue early in the lead, in reading order."""
    for paragraph in paragraphs[:LEAD_PARAGRAPHS]:
        for found in _lead_events(paragraph[:LEAD_CHARS]):
            yield found.mention(article_date)


@lru_cache(maxsize=16)  # parse_article_date and event_date read the same lead
def _lead_events(lead: str) -> tuple[_Found, ...]:
    events = []
    for found in _iter_found(lead):
        cue = found.cue.lower() if found.cue else None
        if cue not in _TIME_OF_DAY:
            continue
        before = lead[max(0, found.start - 40):found.start]
        if _dates_a_document(before):
            continue
        if cue == _DAY_WORD and not _opens_clause(before):
            continue
        events.append(found)
    return tuple(events)


# --- the article's own date -------------------------------------------------
_META = re.compile(
    r"\s*(?:(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}\S*)?"
    r"|(?P<d2>\d{1,2})[/.-](?P<m2>\d{1,2})[/.-](?P<y2>\d{4})(?:[T ,]+\d{1,2}:\d{2}\S*)?)\s*"
)
_STAMP_DATE = re.compile(
    _L + r"(?:(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"
    r"|(?P<y2>\d{4})-(?P<m2>\d{2})-(?P<d2>\d{2}))" + _R
)
_TIME = r"\d{1,2}\s?[:hH]\s?\d{2}(?::\d{2})?(?:\s*(?:AM|PM|SA|CH))?(?:\s*\(?GMT\s*[+-]?\s*\d{0,2}\)?)?"
_DATE = r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2})"
_STAMP_LINE = re.compile(
    rf"(?:(?:{_words('stamp_prefixes')})\s*:?\s*)?(?:(?:{_words('weekdays')})\s*,?\s*)?"
    rf"(?:{_TIME}\s*[,|-]?\s*(?:{_DAY_WORD}\s*)?{_DATE}|{_DATE}(?:\s*[,|-]?\s*(?:lúc\s*)?{_TIME})?)"
    r"\s*[.|]?",
    re.IGNORECASE,
)
STAMP_MAX_CHARS = 80


def looks_like_stamp(line: str) -> bool:
    """Whether a line is a page's date/time stamp ("07:56 16/10/2024")."""
    line = line.strip()
    return len(line) <= STAMP_MAX_CHARS and _STAMP_LINE.fullmatch(line) is not None


def parse_article_date(
    stamps: list[str], paragraphs: list[str], meta_date: str | None = None
) -> str | None:
    """The article's own date: metadata, else the page stamp, else the lead's dated event."""
    if meta_date:
        m = _META.fullmatch(meta_date)
        if m:
            value = (
                _iso(int(m["y"]), _int(m["m"]), _int(m["d"]))
                if m["y"]
                else _iso(int(m["y2"]), int(m["m2"]), int(m["d2"]))
            )
            if value:
                return value
    for stamp in stamps:
        for m in _STAMP_DATE.finditer(stamp):
            value = (
                _iso(int(m["y"]), int(m["m"]), int(m["d"]))
                if m["y"]
                else _iso(int(m["y2"]), int(m["m2"]), int(m["d2"]))
            )
            if value:
                return value
    for mention in _lead_event_mentions(paragraphs, None):
        if mention.value and len(mention.value) == ISO_DAY_CHARS:
            return mention.value
    return None


# --- congress terms ------------------------------------------------------------
_TERM = re.compile(r"(?<![\d.,])(\d{4})\s*[-\u2010-\u2015\u2212]?\s*(\d{4})(?![\d]|[.,]\d)")
TERM_YEARS = range(2, 11)  # a term runs 2 to 10 years (usually 5)


def parse_term(text: str) -> tuple[int, int] | None:
    """A term such as "2020 - 2025" or "20202025" as (2020, 2025); None if there is none."""
    for m in _TERM.finditer(text):
        first, last = int(m.group(1)), int(m.group(2))
        if MIN_YEAR <= first <= MAX_YEAR and last - first in TERM_YEARS:
            return first, last
    return None


# --- the period an archive is from -------------------------------------------------
@dataclass(frozen=True)
class DateRange:
    """`load --date 2017` or `--date 2017-02..2017-07`: the period an input's undated
    articles are from.  They are dated `partial`, the ISO date the whole period shares
    ("2017"); a date read from an article's own text is kept only inside the period."""

    first: str
    last: str

    @property
    def partial(self) -> str:
        shared = []
        for a, b in zip(self.first.split("-"), self.last.split("-")):
            if a != b:
                break
            shared.append(a)
        return "-".join(shared)

    def contains(self, iso: str) -> bool:
        return iso[: len(self.first)] >= self.first and iso[: len(self.last)] <= self.last


_ISO_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_date_range(text: str) -> DateRange:
    """"2017", "2017-06", "2017-02..2017-07" as a DateRange; ValueError with a one-line reason."""
    first, sep, last = text.strip().partition("..")
    parts = []
    for value in (first, last if sep else first):
        m = _ISO_PARTIAL.fullmatch(value.strip())
        if not m or _iso(int(m[1]), _int(m[2]), _int(m[3])) is None:
            raise ValueError(f"not an ISO date or period: {text!r} (try 2017, 2017-06 or 2017-02..2017-07)")
        parts.append(m[0])
    if parts[1][: len(parts[0])] < parts[0]:
        raise ValueError(f"the period ends before it starts: {text!r}")
    if not DateRange(*parts).partial:
        raise ValueError(f"a period within one year, please: {text!r} (load each year with its own --date)")
    return DateRange(*parts)


# --- a statement's own date ----------------------------------------------------------
# Words right before a date that make it no start or end of a post: a birth, a
# deadline or target ("đến năm 2020", "trước ngày 30/6"), a founding.
_NOT_TENURE_BEFORE = re.compile(
    r"(?:\b(?:sinh|SN|năm sinh|đến năm|trước|hạn|chậm nhất|phấn đấu|thành lập|ra đời)\b"
    r"[\s(,]*(?:(?:ngày|tháng|năm)\s*)?)$", re.IGNORECASE)
EARLIEST_TENURE_YEAR = 1945  # a date before the Republic is history, not a tenure
LATE_STATEMENT_DAYS = 31  # a start or end this long after the article is a plan, not a fact


def statement_date(sentence: str, article_date: str | None, as_of: str | None) -> str | None:
    """The date a start or end statement is as of: the one date of its own sentence that
    can date a tenure (not a birth, deadline, founding or history, not after the
    article), else `as_of` (the article's date)."""
    latest = _latest_day(article_date) if article_date else None
    dated = []
    for d in find_dates(sentence, article_date):
        if not d.value or _NOT_TENURE_BEFORE.search(sentence[max(0, d.start - 25):d.start]):
            continue
        if int(d.value[:4]) < EARLIEST_TENURE_YEAR:
            continue
        if latest is not None and d.value[:ISO_DAY_CHARS] > (latest + dt.timedelta(days=LATE_STATEMENT_DAYS)).isoformat():
            continue
        dated.append(d.value)
    return dated[0] if len(dated) == 1 else as_of
# --- dates users type ------------------------------------------------------------
_USER_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DateError(ValueError):
    """A date a user typed that is not a real full or partial ISO date."""


def check_iso_date(value: str | None, option: str) -> str | None:
    """The date as given (stripped), when it is YYYY, YYYY-MM or YYYY-MM-DD and exists on the
    calendar; otherwise a DateError naming `option` as the user typed it ("--on", "--param date").
    One check for every command, recipe and API call, so 2020-13-45 is refused everywhere."""
    if value is None:
        return None
    text = value.strip()
    m = _USER_DATE.match(text)
    ok = bool(m)
    if m and m.group(2):
        month = int(m.group(2))
        ok = 1 <= month <= 12
        if ok and m.group(3):
            day = int(m.group(3))
            ok = 1 <= day <= calendar.monthrange(int(m.group(1)), month)[1]
    if not ok:
        raise DateError(f"{option} must be a real ISO date, YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2020-08-04), "
                        f"not {value!r}")
    return text
