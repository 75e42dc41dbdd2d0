"""Congresses: "Đại hội đại biểu Đảng bộ Khối … lần thứ VI, nhiệm kỳ 2020-2025".

A congress is named by its organization and ordinal (Roman or Arabic: "lần thứ
VI", "Đại hội XII của Đảng", "Đại hội 6").  When the words name no organization,
the sentence's party organization or the article's main one is meant ("Đảng bộ
khối … tiến hành khai mạc Đại hội đại biểu lần thứ VI").  The congress the
article itself reports is the one its headline or lead says opened, closed or
took place.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Optional

from orggraph.loaders.dates import parse_term
from orggraph.loaders.lexicon import load_yaml, phrase_pattern
from orggraph.loaders.organizations import PlaceContext, canonical_org, find_head
from orggraph.loaders.statements import CongressMention, Org
from orggraph.loaders.titles import scan_org_words

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ORDINAL = r"(?:lần thứ\s+(?P<o1>[IVXLC]+|\d{1,2})|(?P<o2>[IVXLC]+)|(?P<o3>\d{1,2}))(?![\w/.,-]\d|\w)"
_CONGRESS = re.compile(
    r"Đại hội(?:\s+đại biểu)?(?P<toanquoc>\s+(?:Đảng\s+)?toàn quốc)?"
    r"(?:\s+(?P<org>Đảng bộ|Ban Chấp hành Đảng bộ))?"
)
_PARTY_ORG = re.compile(r"(?<!\w)(?:Ban Chấp hành Đảng bộ|Đảng bộ|Đảng ủy|Thành ủy|Tỉnh ủy|Huyện ủy|Quận ủy|Thị ủy)"
                        r"(?=\s|$|[,.;])")
_REPORTING = re.compile(r"khai mạc|bế mạc|tiến hành|diễn ra|thành công tốt đẹp|tổ chức|họp phiên|bầu", re.I)
_ORDINAL_AT = re.compile(r"\s*,?\s*" + _ORDINAL)
_OF_THE_PARTY = re.compile(r"\s*(?:của\s+)?Đảng(?:\s+Cộng sản Việt Nam)?(?!\s*bộ)(?!\w)")
_TRAILING_ORG = re.compile(r"\s*(?:,\s*)?(?=Đảng bộ|Ban Chấp hành Đảng bộ)")
_RESOLUTION_BEFORE = re.compile(r"Nghị quyết\s*$", re.I)
# "Đại hội 6 Đảng bộ Khối nhiệm kỳ 2020-2025": the organization's words, then the term
_TERM_AFTER_ORG = re.compile(r"^\s+(?:Đảng bộ|Ban Chấp hành)[^,;.]{0,60}?\s(?=nhiệm kỳ)"
                             r"(?:nhiệm kỳ\s*(\d{4}\s*-\s*\d{4}|\d{8}))")
_TERM = re.compile(r"^\s*,?\s*(?:khóa\s+[IVXLC]+\s*,?\s*)?nhiệm kỳ\s*(\d{4}\s*-\s*\d{4}|\d{8})")
_DELEGATES = re.compile(r"(\d{1,3}(?:\.\d{3})*|\d+)\s+đại biểu")
_CENTRAL = "Ban Chấp hành Trung ương Đảng"


@lru_cache(maxsize=1)
def _national() -> tuple[dict[int, int], re.Pattern]:
    data = load_yaml("congresses.yaml")
    foreign = re.compile(phrase_pattern(data["foreign"], casefold=False).join((r"(?<!\w)(?:", r")(?!\w)(?!\s+Cai)")))
    return {int(k): int(v) for k, v in data["national"].items()}, foreign


def is_national_congress(ordinal: int, sentence: str, date: Optional[str]) -> bool:
    """Whether "Đại hội … lần thứ N của Đảng" can be Vietnam's party's: no foreign party in
    the sentence, and N at most the congress after the one in office in the article's
    year (the 12th in 2016–2020, so up to the 13th being prepared)."""
    years, foreign = _national()
    if foreign.search(sentence):
        return False
    year = int(date[:4]) if date else max(years.values())
    in_office = max((n for n, y in years.items() if y <= year), default=min(years))
    return ordinal <= in_office + 1


def national_term(ordinal: int) -> Optional[tuple[int, int]]:
    """The term of Vietnam's party's national congress N: from its year to the next one's."""
    years, _ = _national()
    if ordinal not in years:
        return None
    return years[ordinal], years.get(ordinal + 1, years[ordinal] + 5)


def roman_to_int(text: str) -> Optional[int]:
    if text.isdigit():
        return int(text)
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN_VALUES.get(ch)
        if value is None:
            return None
        following = _ROMAN_VALUES.get(text[i + 1]) if i + 1 < len(text) else 0
        total += -value if following and following > value else value
    return total or None


def int_to_roman(number: int) -> str:
    out = []
    for value, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def congress_name(congress: CongressMention) -> str:
    """"Đại hội đại biểu Đảng bộ Khối các cơ quan thành phố Hải Phòng lần thứ VI"."""
    org = congress.organization.name
    ordinal = int_to_roman(congress.ordinal)
    if org == _CENTRAL:
        return f"Đại hội đại biểu toàn quốc lần thứ {ordinal} của Đảng"
    return f"Đại hội đại biểu {party_organization_name(org)} lần thứ {ordinal}"


def party_organization_name(committee: str) -> str:
    """The party organization a committee leads: "Thành ủy Hải Phòng" → "Đảng bộ thành phố Hải Phòng"."""
    for prefix, replacement in (("Tỉnh ủy ", "Đảng bộ tỉnh "), ("Thành ủy ", "Đảng bộ thành phố "),
                                ("Huyện ủy ", "Đảng bộ huyện "), ("Quận ủy ", "Đảng bộ quận "),
                                ("Thị ủy ", "Đảng bộ thị xã "), ("Đảng ủy ", "Đảng bộ ")):
        if committee.startswith(prefix):
            return replacement + committee[len(prefix):]
    if committee in ("Thành ủy", "Tỉnh ủy"):
        return {"Thành ủy": "Đảng bộ thành phố", "Tỉnh ủy": "Đảng bộ tỉnh"}[committee]
    return committee


def party_orgs_in(text: str, context: PlaceContext) -> list[tuple[int, Org]]:
    found = []
    for match in _PARTY_ORG.finditer(text):
        words, _ = scan_org_words(text, match.start(), len(text))
        if len(words.split()) < 2 and not words.endswith("ủy"):
            continue
        org = canonical_org(words, context)
        if org is not None and org.kind == "party_committee":
            found.append((match.start(), org))
    return found


def _expand_short(org: Org, known: Counter) -> Org:
    """"Đảng ủy Khối" said in short is the article's Khối named in full: the first
    one the article names (a first mention usually gives the full name)."""
    head = find_head(org.name)
    if head is None:
        return org
    rest = org.name[len(head.head):].strip()
    if org.scoped and rest and not rest.startswith(("thành phố", "tỉnh")):
        return org  # a name of its own, not a short form completed from the article's place
    for candidate in known:  # insertion order: first mention first
        if (candidate.name != org.name and candidate.name.startswith(head.head)
                and len(candidate.name) > len(org.name)
                and (candidate.locality == org.locality or org.locality is None or not org.scoped)):
            return candidate
    return org


def find_congresses(sentences: list[str], context: PlaceContext, title: Optional[str],
                    event_day: Optional[str]) -> list[CongressMention]:
    if not any("Đại hội" in sentence for sentence in sentences):
        return []
    known: Counter = Counter()
    for sentence in sentences:
        for _, org in party_orgs_in(sentence, context):
            known[org] += 1
    lead = set(sentences[:3])
    found: dict[tuple[str, int], CongressMention] = {}
    # Two passes: congresses whose organization is named first, so that a bare
    # "Đại hội V" later means the organization of the congress the article reports.
    main_org = known.most_common(1)[0][0] if known else None
    for sentence in sentences:
        _read_sentence(sentence, context, title, lead, event_day, known, None, found)
    reported = [c.organization for c in found.values() if c.reported]
    main_org = reported[0] if reported else main_org
    for sentence in sentences:
        _read_sentence(sentence, context, title, lead, event_day, known, main_org, found)
    return list(found.values())


def _read_sentence(sentence: str, context: PlaceContext, title: Optional[str], lead: set[str],
                   event_day: Optional[str], known: Counter, main_org: Optional[Org],
                   found: dict[tuple[str, int], CongressMention]) -> None:
    """Add the congresses a sentence mentions.  Without `main_org` (the first pass)
    only those whose organization the sentence itself names."""
    for match in _CONGRESS.finditer(sentence):
        mention = _read_match(sentence, match, context, title, lead, event_day, known, main_org)
        if mention is None:
            continue
        key = (mention.organization.name, mention.ordinal)
        previous = found.get(key)
        if previous is not None:
            mention = CongressMention(
                mention.organization, mention.ordinal, mention.term or previous.term,
                mention.date or previous.date, mention.delegates or previous.delegates,
                mention.reported or previous.reported,
                previous.sentence if previous.reported and not mention.reported else mention.sentence)
        found[key] = mention


def _read_match(sentence: str, match: re.Match, context: PlaceContext, title: Optional[str], lead: set[str],
                event_day: Optional[str], known: Counter, main_org: Optional[Org]) -> Optional[CongressMention]:
    pos = match.end()
    org: Optional[Org] = None
    if match.group("org"):
        words, pos = scan_org_words(sentence, match.start("org"), len(sentence))
        org = canonical_org(words, context)
    ordinal_match = _ORDINAL_AT.match(sentence, pos)
    if not ordinal_match:
        return None
    ordinal = roman_to_int(ordinal_match.group("o1") or ordinal_match.group("o2") or ordinal_match.group("o3"))
    if not ordinal or ordinal > 40:
        return None
    after = ordinal_match.end()
    tail = sentence[after:after + 80]
    if match.group("toanquoc") or _OF_THE_PARTY.match(tail):
        if not is_national_congress(ordinal, sentence, event_day):
            return None  # another country's party congress, or none Vietnam's party has held
        org = Org(_CENTRAL, "party_committee", "central", None, True)
    elif org is None:
        trailing = _TRAILING_ORG.match(tail)
        if trailing:
            words, _ = scan_org_words(sentence, after + trailing.end(), len(sentence))
            org = canonical_org(words, context)
    if org is None:
        before = [o for _, o in party_orgs_in(sentence[:match.start()], context)]
        if before:
            org = before[-1]
        elif main_org is None:
            return None  # first pass: wait until the article's main congress is known
        else:
            org = main_org
    if org.kind not in ("party_committee", "party_cell"):
        return None
    org = _expand_short(org, known)
    term_match = _TERM.match(sentence[after:]) or _TERM_AFTER_ORG.match(sentence[after:])
    term = parse_term(term_match.group(1)) if term_match else None
    if term is None and org.name == _CENTRAL:
        term = national_term(ordinal)
    reported = ((sentence == title or sentence in lead) and bool(_REPORTING.search(sentence))
                and not _RESOLUTION_BEFORE.search(sentence[:match.start()]))
    delegates = None
    if reported:
        d = _DELEGATES.search(sentence)
        delegates = int(d.group(1).replace(".", "")) if d else None
    return CongressMention(org, ordinal, term, event_day if reported else None, delegates, reported, sentence)
