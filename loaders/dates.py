"""Dates in articles: the article's own date, the event's date, date mentions, terms.

Vietnamese writes the day before the month ("4/8/2020" is 4 August) and often
leaves the year out ("Sáng 16-10"); the year then comes from the article's
date.  Values are ISO strings, partial when the text is ("2009-07", "2008").
Input is text already passed through `normalize_text` (plain "-" dashes).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from loaders.normalize import read_lexicon

__all__ = [
    "DateMention",
    "find_dates",
    "event_date",
    "parse_article_date",
    "parse_term",
    "looks_like_stamp",
]

_LEX = read_lexicon("dates")
MIN_YEAR, MAX_YEAR = 1900, 2100
LATE_DAYS = 31  # a yearless day more than this after the article is last year's


def _words(section: str) -> str:
    """An alternation of the section's entries, longest first, spaces flexible."""
    entries = sorted(_LEX[section], key=len, reverse=True)
    return "|".join(re.escape(e).replace(r"\ ", r"\s+") for e in entries)


_TOD = _words("time_of_day")
_WEEKDAY = _words("weekdays")
_REL = _words("relational")
_YEAR_WORD = _words("year")
_MONTH_WORD = _words("month")

def _after_word(section: str) -> str:
    """Lookbehinds for "<word> " (as written or capitalized) right before a number."""
    words = {w for e in _LEX[section] for w in (e, e[:1].upper() + e[1:])}
    return "(?:" + "|".join(f"(?<={re.escape(w)} )" for w in sorted(words)) + ")"


# Every form starts with a digit, so the scan is fast; the words before the number
# ("Sáng", "ngày", "tháng", "từ", "(") are read afterwards by _CONTEXT.
_L = r"(?<![\w.,/:-])"  # not inside a longer number, a decimal, a code or a time
_R = r"(?![\d/]|[.,-]\d)"
_R_YEAR = r"(?![\d/]|[.,]\d|\s?-\s?\d)"  # and not a term "2020 - 2025"
_CORE = re.compile(
    r"(?=\d)"  # lets the engine jump from digit to digit
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
    + rf"|{_after_word('month')}(?P<om>\d{{1,2}})(?:\s*,?\s*(?:{_YEAR_WORD})\s*(?P<oy>\d{{4}}))?(?![\d/.-])"
    # "(năm) 2008", "(từ) 1995"
    + r"|(?P<yy>\d{4})" + _R_YEAR
    + ")",
    re.IGNORECASE,
)
# The words before a number, read backwards from it: "từ" "Sáng" "ngày" "tháng" "(".
_CONTEXT = re.compile(
    rf"(?:(?<!\w)(?P<rel>{_REL})\s+)?"
    rf"(?:(?<!\w)(?P<cue>(?:{_WEEKDAY})\s*,?|{_TOD})(?!\w)\s*)?"
    rf"(?:(?<!\w)(?P<unit>{_MONTH_WORD}|{_YEAR_WORD})\s*)?"
    r"(?P<paren>\(\s*)?$",
    re.IGNORECASE,
)
CONTEXT_CHARS = 32
_DOCUMENT_BEFORE = re.compile(rf"(?:{_words('document_words')})\s*$", re.IGNORECASE)
_MONTH_UNIT = re.compile(rf"(?:{_MONTH_WORD})$", re.IGNORECASE)
_YEAR_UNIT = re.compile(rf"(?:{_YEAR_WORD})$", re.IGNORECASE)
_DAY_CUE = re.compile(r"ngày$", re.IGNORECASE)


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: str | None
    cue: str | None = None  # the time-of-day or weekday word, if any ("Sáng")


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
    parts = iso[:10].split("-")
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
            if d is not None and 1 <= d <= 31:
                continue  # 29/2 in a common year: try the year before
            return None
        if dt.date(year, m, d or 1) <= limit:
            return iso
    return None


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def find_dates(sentence: str, article_date: str | None) -> list[DateMention]:
    """Every date mention in the sentence, with its ISO value when it can be known."""
    found = []
    for m in _CORE.finditer(sentence):
        start = m.start()
        ctx = _CONTEXT.search(sentence, max(0, start - CONTEXT_CHARS), start)
        cue, rel, unit, paren = ctx["cue"], ctx["rel"], ctx["unit"], ctx["paren"]
        value = _mention_value(m, cue, rel, unit, paren, sentence, article_date)
        if value is False:
            continue
        begin = ctx.start("cue") if cue else ctx.start("unit") if unit else start
        end = m.end()
        if paren and cue and sentence.startswith(")", end):
            end += 1  # "hôm nay (6/2)"
        found.append(
            DateMention(begin, end, sentence[begin:end], value, cue.rstrip(" ,") if cue else None)
        )
    return found


def _mention_value(m, cue, rel, unit, paren, sentence, article_date) -> str | None | bool:
    """The ISO value of a matched number, None if unknown, False if it is not a date."""
    g = m.groupdict()
    month_unit = bool(unit and _MONTH_UNIT.match(unit))
    if g["rd"]:
        if not (cue or rel or g["ry"]):
            return False
        return _day_value(int(g["rd"]), int(g["rm"]), _int(g["ry"]), article_date)
    if g["fd"]:
        return _iso(int(g["fy"]), int(g["fm"]), int(g["fd"])) or False
    if g["ld"]:
        if not (cue and _DAY_CUE.search(cue)):
            return False  # "3 tháng 5 ngày" is a count
        return _day_value(int(g["ld"]), int(g["lm"]), _int(g["ly"]), article_date)
    if g["tm"]:
        if g["ts"] != "/" and not month_unit:
            return False
        if not month_unit and _DOCUMENT_BEFORE.search(sentence, max(0, m.start() - 20), m.start()):
            return False  # "Chỉ thị 05/2017"
        return _iso(int(g["ty"]), int(g["tm"])) or False
    if g["dd"]:
        closed = paren and sentence.startswith(")", m.end())
        if not (cue or closed or (rel and g["ds"] == "/")) or unit:
            return False
        if _DOCUMENT_BEFORE.search(sentence, max(0, m.start() - 20), m.start()):
            return False
        return _day_value(int(g["dd"]), int(g["dm"]), None, article_date)
    if g["om"]:
        month = int(g["om"])
        if not 1 <= month <= 12 or _NUMBER_BEFORE.search(sentence, max(0, m.start() - 12), m.start()):
            return False  # "9 tháng 10" is a count of months
        if g["oy"]:
            return _iso(int(g["oy"]), month) or False
        return _with_inferred_year(month, None, article_date)
    # a year: "năm 2008", or "từ 1995"
    if not (unit and _YEAR_UNIT.match(unit)) and not (rel and not cue and not paren and not unit):
        return False
    return _iso(int(g["yy"])) or False


def _day_value(day: int, month: int, year: int | None, article_date: str | None) -> str | None | bool:
    if not _valid_day_month(day, month):
        return False
    if year:
        return _iso(year, month, day) or False
    return _with_inferred_year(month, day, article_date)


def _valid_day_month(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


_NUMBER_BEFORE = re.compile(r"\d\s*(?:\S+\s*)?$")


def event_date(paragraphs: list[str], article_date: str | None) -> str | None:
    """The date of the article's main event: the lead's first cued date, else the article's."""
    for mention in _lead_event_mentions(paragraphs, article_date):
        if mention.value:
            return mention.value
    return article_date


_TOD_WORD = re.compile(rf"(?:{_TOD})$", re.IGNORECASE)
# "Quyết định số 469-QĐNS/TW ngày 21/3/2017": the date of a document, not of the event.
_DOCUMENT_REF = re.compile(
    rf"(?:\d+\s*[-/]\s*[^\W\d_]{{2,}}[\w/-]*|(?:{_words('document_words')})\s*\d[\w/-]*)\s*$",
    re.IGNORECASE,
)
LEAD_PARAGRAPHS = 2
LEAD_CHARS = 400  # the lead's event is dated early; a one-line body is not all "lead"
# "ngày" dates an event when it opens a clause ("…, ngày 11-7, Đại hội…", "Trong 2 ngày
# 14-15/5", "vào ngày 5/7"), not "thành lập ngày 27/1/1994" or "sinh ngày 23/11/1966".
_CLAUSE_BEFORE = re.compile(rf"(?:^|[,;:(\-–.]|\d|(?<!\w)(?:{_REL}))\s*$", re.IGNORECASE)
_NGAY = "ngày"


def _lead_event_mentions(paragraphs: list[str], article_date: str | None):
    """Dates with a time-of-day or "ngày" cue early in the lead, in reading order."""
    for paragraph in paragraphs[:LEAD_PARAGRAPHS]:
        lead = paragraph[:LEAD_CHARS]
        for mention in find_dates(lead, article_date):
            if not (mention.cue and _TOD_WORD.match(mention.cue)):
                continue
            before = lead[max(0, mention.start - 40):mention.start]
            if _DOCUMENT_REF.search(before):
                continue
            if mention.cue.lower() == _NGAY and not _CLAUSE_BEFORE.search(before):
                continue
            yield mention


# --- the article's own date -------------------------------------------------
_META = re.compile(
    r"\s*(?:(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}\S*)?"
    r"|(?P<d2>\d{1,2})[/.-](?P<m2>\d{1,2})[/.-](?P<y2>\d{4})(?:[T ,]+\d{1,2}:\d{2}\S*)?)\s*"
)
_STAMP_DATE = re.compile(
    rf"{_L}(?:(?P<d>\d{{1,2}})[/.-](?P<m>\d{{1,2}})[/.-](?P<y>\d{{4}})|(?P<y2>\d{{4}})-(?P<m2>\d{{2}})-(?P<d2>\d{{2}})){_R}"
)
_TIME = r"\d{1,2}\s?[:hH]\s?\d{2}(?::\d{2})?(?:\s*(?:AM|PM|SA|CH))?(?:\s*\(?GMT\s*[+-]?\s*\d{0,2}\)?)?"
_DATE = r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2})"
_STAMP_LINE = re.compile(
    rf"(?:(?:{_words('stamp_prefixes')})\s*:?\s*)?(?:(?:{_WEEKDAY})\s*,?\s*)?"
    rf"(?:{_TIME}\s*[,|-]?\s*(?:ngày\s*)?{_DATE}|{_DATE}(?:\s*[,|-]?\s*(?:lúc\s*)?{_TIME})?)"
    r"\s*[.|]?",
    re.IGNORECASE,
)
STAMP_MAX_CHARS = 80


def looks_like_stamp(line: str) -> bool:
    """Whether a line is a page's date/time stamp ("07:56 16/10/2024")."""
    line = line.strip()
    return len(line) <= STAMP_MAX_CHARS and _STAMP_LINE.fullmatch(line) is not None


def _meta_value(meta_date: str) -> str | None:
    m = _META.fullmatch(meta_date)
    if not m:
        return None
    if m["y"]:
        return _iso(int(m["y"]), _int(m["m"]), _int(m["d"]))
    return _iso(int(m["y2"]), int(m["m2"]), int(m["d2"]))


def parse_article_date(
    stamps: list[str], paragraphs: list[str], meta_date: str | None = None
) -> str | None:
    """The article's own date: metadata, else the page stamp, else the lead's dated event."""
    if meta_date:
        value = _meta_value(meta_date)
        if value:
            return value
    for stamp in stamps:
        for m in _STAMP_DATE.finditer(stamp):
            if m["y"]:
                value = _iso(int(m["y"]), int(m["m"]), int(m["d"]))
            else:
                value = _iso(int(m["y2"]), int(m["m2"]), int(m["d2"]))
            if value:
                return value
    for mention in _lead_event_mentions(paragraphs, None):
        if mention.value and len(mention.value) == len("2020-08-04"):
            return mention.value
    return None


# --- congress terms ------------------------------------------------------------
_TERM = re.compile(r"(?<![\d.,])(\d{4})\s*[-\u2010-\u2015\u2212]?\s*(\d{4})(?![\d]|[.,]\d)")
TERM_YEARS = range(2, 11)


def parse_term(text: str) -> tuple[int, int] | None:
    """A term such as "2020 - 2025" or "20202025" as (2020, 2025); None if there is none."""
    for m in _TERM.finditer(text):
        first, last = int(m.group(1)), int(m.group(2))
        if MIN_YEAR <= first <= MAX_YEAR and last - first in TERM_YEARS:
            return first, last
    return None
