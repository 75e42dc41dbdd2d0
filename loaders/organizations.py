"""Organizations: from the words an article uses to the canonical name of domain.md §3.

"UBND thành phố" in an article about Hải Phòng is "Ủy ban nhân dân thành phố Hải
Phòng"; "Đảng bộ tỉnh Quảng Ninh" is "Tỉnh ủy Quảng Ninh"; a bare "Thành ủy" takes
the article's city, and stays unscoped (never merged with a scoped one) when the
article names none.  The lexicon is `lexicons/organizations.yaml`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from orggraph.loaders.lexicon import at_word_start, load_yaml
from orggraph.loaders.names import UPPER, find_person_names, is_person_after_unit
from orggraph.loaders.places import Province, find_provinces, province_named
from orggraph.loaders.registry import Body, central_body, ministry_of_subject
from orggraph.loaders.normalize import fold
from orggraph.loaders.statements import Org

UNIT_WORDS = ("thị trấn", "thị xã", "thành phố", "tỉnh", "huyện", "quận", "xã", "phường")
_UNIT_LEVEL = {"xã": "commune", "phường": "commune", "thị trấn": "commune", "huyện": "district",
               "quận": "district", "thị xã": "district", "thành phố": "province", "tỉnh": "province"}
# The party committee of an administrative unit, by the unit's type word.
_PARTY_OF_UNIT = {"tỉnh": "Tỉnh ủy {}", "thành phố": "Thành ủy {}", "huyện": "Huyện ủy {}", "quận": "Quận ủy {}",
                  "thị xã": "Thị ủy {}", "xã": "Đảng ủy xã {}", "phường": "Đảng ủy phường {}",
                  "thị trấn": "Đảng ủy thị trấn {}"}
_NAME_WORD = rf"[{UPPER}0-9][\w'’-]*"
# "xã Quế Long", "huyện Chư Prông": a unit type word and a capitalized name.
UNIT_NAME = re.compile(rf"({at_word_start(UNIT_WORDS)}) ({_NAME_WORD}(?: {_NAME_WORD}){{0,3}})")
# Bodies that units belong to, when named after the unit: "Cục Hợp tác quốc tế, Bộ GD&ĐT".
PARENT_BODY = (r"(?:Bộ|Sở|Công an|Văn phòng|Tổng cục|Cục|Ủy ban nhân dân|UBND|Học viện|Đại học|ĐH|Trường|"
               r"Bệnh viện|Tập đoàn|Tổng [Cc]ông ty|Công ty|Viện|Hội Liên hiệp|Hội LHPN|Liên đoàn|"
               r"Ủy ban Thường vụ Quốc hội|Đài|Báo|Ngân hàng)")
# the press also writes a company's or a hospital's head word in lowercase: "Phó phòng sales, công ty cổ phần …"
PARENT_BODY_ANY_CASE = rf"(?:{PARENT_BODY}|công ty|tổng công ty|tập đoàn|bệnh viện|trường|CATP|CAT|CAQ)"
_COMMA_BEFORE_PARENT = re.compile(rf"(?:,|\s-|\s(?:trực\s+)?thuộc)\s*(?={PARENT_BODY_ANY_CASE}\s)")
_INNER_PARENT = re.compile(rf"(?<=\s){PARENT_BODY}\s")
_TRAILING_COMMITTEE = re.compile(r"(?<= )(Thành ủy|Tỉnh ủy|Huyện ủy|Quận ủy|Thị ủy)$")
_ANY_UNIT_WORD = re.compile(rf"(?:{at_word_start(['xã', 'phường', 'thị trấn', 'huyện', 'quận', 'thị xã'])})\s")
_BARE_UNIT_END = re.compile(rf"(?:^|\s)({'|'.join(UNIT_WORDS)})$", re.I)


@dataclass(frozen=True)
class Head:
    head: str
    kind: str
    level: Optional[str]
    local: Optional[str]


@dataclass(frozen=True)
class OrgLexicon:
    abbreviations: tuple[re.Pattern, dict[str, str]]
    rewrites: tuple[tuple[re.Pattern, str], ...]
    heads: tuple[Head, ...]
    name_words: frozenset[str]
    stop_phrases: re.Pattern
    party_place_names: dict[str, str]
    bare_party_words: frozenset[str]
    descriptive_head: re.Pattern  # names after which ordinary lowercase words belong to the name
    not_name_words: frozenset[str]
    not_name_phrases: re.Pattern
    sentence_openers: re.Pattern  # capitalized words that begin a sentence, never a name's next word
    name_compounds: re.Pattern  # "công nghệ thông tin": a stop phrase inside a compound is no stop
    empty_names: frozenset[str]  # folded names that name no body ("Marketing", "Ban quản lý")


@lru_cache(maxsize=1)
def lexicon() -> OrgLexicon:
    data = load_yaml("organizations.yaml")
    # One pass over all abbreviations, longest first ("TP.HCM" before "TP."): one regex
    # with a lookup is much faster than one substitution per abbreviation.
    branches = []
    for short in sorted(data["abbreviations"], key=len, reverse=True):
        tail = r"(?=\s|$|[,;:.)])" if not short.endswith(".") else r"\s*"
        branches.append(rf"{re.escape(short)}{tail}")
    pattern = re.compile(rf"(?<![\w.&-])(?:{'|'.join(branches)})")
    table = {short: full + (" " if short.endswith(".") else "") for short, full in data["abbreviations"].items()}
    abbreviations = (pattern, table)
    rewrites = tuple((re.compile(p), r) for p, r in data["rewrites"])
    heads = tuple(sorted((Head(h["head"], h["kind"], h.get("level"), h.get("local")) for h in data["heads"]),
                         key=lambda h: -len(h.head)))
    stops = sorted({s.strip() for s in data["stop_phrases"].split("|") if s.strip()}, key=len, reverse=True)
    stop_re = re.compile(r"(?:%s)(?!\w)" % "|".join(re.escape(s) for s in stops), re.I)
    return OrgLexicon(abbreviations, rewrites, heads, frozenset(data["name_words"].split()), stop_re,
                      dict(data.get("party_place_names") or {}),
                      frozenset(w.casefold() for w in data.get("bare_party_words") or ()),
                      # "Trưởng khoa Nội tiết": the title's last word is the head, in lowercase
                      re.compile(r"(?:%s)\s" % "|".join(re.escape(h) for h in
                                                          sorted(data["descriptive_heads"], key=len, reverse=True)),
                                 re.I),
                      frozenset(data["not_name_words"].split()),
                      re.compile(r"(?:%s)(?!\w)" % "|".join(re.escape(c) for c in
                                                         sorted(data["not_name_phrases"], key=len, reverse=True)), re.I),
                      # "Năm 2" opens "Năm 2003, ông là …": an opener ending in a digit needs no word end
                      re.compile("|".join(re.escape(c) + ("" if c[-1].isdigit() else r"(?!\w)") for c in
                                          sorted(data["sentence_openers"], key=len, reverse=True))),
                      re.compile(r"(?:%s)(?!\w)" % "|".join(re.escape(c) for c in
                                                         sorted(data["name_compounds"], key=len, reverse=True)), re.I),
                      frozenset(fold(n) for n in data["empty_names"]))


# "Công ty cổ phần Hoàng Anh Gia Lai", "Công ty sen Hoàng Giang", "trường Sen Vàng Phạm Thị Tân": the
# words right after a company's or a school's head word are its name, not a person's
COMPANY_HEAD_BEFORE = re.compile(r"(?<!\w)(?<![Mm]ôi )(?<![Pp]hi )(?<![Tt]hị )(?:[Cc]ông ty|[Cc]ty|CTCP|[Tt]ập đoàn|[Tt]rường|[Nn]hà hàng|[Kk]hách sạn)"
                                  r"(?:\s+(?:[Cc]ổ phần|CP|TNHH|[Tt]ư nhân|(?!(?:ông|bà|anh|chị|thay|cho|của|và|là|do|với)\b)[a-zà-ỹđ]+)){0,2}\s+$")
_SUB_UNIT_HEAD = re.compile(r"(?:Khoa|Phòng|Đội|Ban|Trung tâm|Bộ môn|Tổ)\s", re.I)
_PAREN_PARENT = re.compile(r"\s*\(((?:[Bb]ệnh viện|BV|[Cc]ông an|CA|[Ss]ở|[Tt]rường|[Bb]ộ|UBND|[Ủủ]y ban|[Tt]ổng cục|[Cc]ục|"
                           r"[Vv]iện|[Đđ]ại học|ĐH|[Tt]ập đoàn|[Tt]ổng công ty|[Cc]ông ty)\s[^()]{2,80})\)")
_CENTRAL_WORDS = re.compile(r"\b(?:Trung ương|[Qq]uốc gia|Việt Nam)\b")
_SPACED_ABBREVIATION_DASH = re.compile(r"(?<![\w-])([A-ZĐ]{1,5}) [-–] ([A-ZĐ]{1,5})(?![\w-])")


def _central_body_then_verb(name: str) -> Optional[Body]:
    """"Bộ Thông tin & Truyền thông ban hành": a national body's name, then lowercase words of the
    sentence going on (a national body's name never ends in a lowercase word the registry lacks)."""
    words = name.split()
    for end in range(len(words) - 1, 1, -1):
        if not words[end][:1].islower() or words[end] in ("tỉnh", "thành", "huyện", "quận", "thị", "xã", "phường"):
            break  # "… tỉnh X" may be a local body's place
        body = central_body(" ".join(words[:end]))
        if body is not None:
            return body
    return None


# One Vietnamese syllable (diacritics folded): an initial consonant, vowels, a final consonant.
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]+(?:ch|ng|nh|[cmnpt])?$")


def is_vietnamese_syllable(word: str) -> bool:
    """"Phong", "Nguyễn" are; "Irina", "Bkav", "UNESCO" are not."""
    return bool(_SYLLABLE.match(fold(word)))


def names_nothing(name: str) -> bool:
    """"Thăng", "Nhóm", "và đoàn công tác", "Hội": one ordinary word, a name that begins in the
    middle of a sentence, or a kind of body alone.  Acronyms ("VNPT", "PNJ") are names."""
    from orggraph.loaders.subjects import is_bare_head

    words = name.split()
    if not words or not words[0][:1].isupper() or fold(name) in lexicon().empty_names:
        return True
    if len(words) == 1:  # "Bkav", "Vingroup": no Vietnamese syllable, a brand
        return sum(ch.isupper() for ch in name) < 2 and central_body(name) is None and is_vietnamese_syllable(name)
    return is_bare_head(name)


def is_bare_party_word(words: str) -> bool:
    """"Đảng ủy" alone, not "Đảng ủy xã Quế Long"."""
    return words.strip(" ,").casefold() in lexicon().bare_party_words


@dataclass
class PlaceContext:
    """What an article supplies to complete organization names."""

    province: Optional[Province] = None
    units: dict[str, str] = field(default_factory=dict)  # level ("district", "commune") -> "huyện Tuy Đức"
    subjects: dict[str, Org] = field(default_factory=dict)  # the article's own company, school, … (subjects.py)

    @classmethod
    def from_text(cls, province: Optional[Province], text: str) -> "PlaceContext":
        """The article's province, and its most-named district and commune."""
        counts: dict[str, dict[str, int]] = {}
        for match in UNIT_NAME.finditer(text):
            level = _UNIT_LEVEL[match.group(1).lower()]
            if level == "province":
                continue
            if level == "district" and is_person_after_unit(match.group(2)):
                continue  # "Chủ tịch UBND huyện Nguyễn Văn Bình": the holder, not a district
            unit = f"{match.group(1).lower()} {match.group(2)}"
            counts.setdefault(level, {})
            counts[level][unit] = counts[level].get(unit, 0) + 1
        units = {level: max(c.items(), key=lambda kv: kv[1])[0] for level, c in counts.items()}
        return cls(province=province, units=units)

    def with_units(self, text: str) -> "PlaceContext":
        """This context, with the units named in `text` taking precedence."""
        if not _ANY_UNIT_WORD.search(text):
            return self
        named = PlaceContext.from_text(self.province, text).units
        return self if not named else PlaceContext(self.province, {**self.units, **named}, self.subjects)


# Pure functions of a name: the same names recur through an archive, so each is worked out once
# per process.
@lru_cache(maxsize=8192)
def expand_abbreviations(name: str) -> str:
    pattern, table = lexicon().abbreviations
    name = pattern.sub(lambda m: table[m.group(0).rstrip()], name)
    return re.sub(r"\s+", " ", name).strip()


@lru_cache(maxsize=8192)
def _apply_rewrites(name: str) -> str:
    for pattern, repl in lexicon().rewrites:
        name = pattern.sub(repl, name)
    return name


@lru_cache(maxsize=8192)
def find_head(name: str) -> Optional[Head]:
    folded = name.casefold()
    for head in lexicon().heads:
        h = head.head.casefold()
        if folded == h or folded.startswith(h + " "):
            return head
    return None


def _capitalize(name: str) -> str:
    return name[:1].upper() + name[1:] if name else name


def _place_label(province: Province) -> str:
    return lexicon().party_place_names.get(province.name, province.name)


def canonical_org(phrase: str, context: Optional[PlaceContext] = None, title: Optional[str] = None) -> Optional[Org]:
    """The organization a phrase names, completed from the article's places; `title` is the
    title the phrase follows ("Bộ trưởng Công Thương" names the ministry without "Bộ")."""
    org = _canonical_org(phrase, context, title)
    if org is None:
        return None
    name = _capitalize(_apply_rewrites(org.name))  # a completed name may take a rewrite only now
    return org if name == org.name else Org(name, org.kind, org.level, org.locality, org.scoped, org.aliases)


def _canonical_org(phrase: str, context: Optional[PlaceContext] = None, title: Optional[str] = None) -> Optional[Org]:
    context = context or PlaceContext()
    raw = phrase.strip(" ,;:.-/")  # "… tỉnh Quảng Trị./": a scraped article's end mark
    if not raw:
        return None
    first = raw.split()[0] if raw.split() else ""
    if not first or first.islower() and (first in lexicon().not_name_words or first == "và" or
                                         lexicon().not_name_phrases.match(raw)):
        return None  # "đồng chí Thứ trưởng và đoàn công tác": words that begin no name
    inner_places = []
    for paren in re.findall(r"\(([^)]*)\)", raw):
        inner_places += [m.province for m in find_provinces(paren)]
    # "Đội điều tra hình sự (Công an huyện Kiến Thụy)", "Khoa Nội tiết (Bệnh viện Nhi TƯ)": a unit that
    # needs its parent keeps the one in parentheses; other parentheses (abbreviations, places) go
    name = _PAREN_PARENT.sub(lambda m: " " + m.group(1)[:1].upper() + m.group(1)[1:], raw) \
        if _SUB_UNIT_HEAD.match(raw) else raw
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    name = _COMMA_BEFORE_PARENT.sub(" ", name)  # "Cục Hợp tác quốc tế, Bộ GD&ĐT" is one name
    people = [start for start, _, person in find_person_names(name)
              if start > 0 and not COMPANY_HEAD_BEFORE.search(name, 0, start)
              and province_named(person.split(" ", 1)[1]) is None]  # "Đại học Y Hà Nội" has no "Y Hà Nội"
    if people:  # a person's name ends an organization's ("… Tư lệnh Quân khu Võ Nguyên Giáp")
        name = name[: people[0]].rstrip(" ,-")
    if not name:
        return None
    name = _SPACED_ABBREVIATION_DASH.sub(r"\1-\2", name)  # "Bộ GD - ĐT" is "Bộ GD-ĐT"
    name = _capitalize(_apply_rewrites(expand_abbreviations(name)))
    # "Đảng ủy Khối các cơ quan, …" style commas are not part of a name.
    name = name.strip(" ,;:-")
    if not name:
        return None
    body = central_body(name) or (ministry_of_subject(name, title) if title else None) or _central_body_then_verb(name)
    if body is not None:  # a national body: one name however the press writes it
        return Org(body.name, body.kind, "central", None, True, (raw,) if raw != body.name else ())
    mentions = find_provinces(name)
    if mentions and re.match(r"\s+[a-zđà-ỹ]", name[mentions[-1].end:]):
        # lowercase words after a place are the sentence going on, not the name
        name = name[: mentions[-1].end]
        mentions = find_provinces(name)
    head = find_head(name)
    if head is not None and not name.startswith(head.head):
        name = head.head + name[len(head.head):]  # "Ban tổ chức Trung ương" -> "Ban Tổ chức Trung ương"
    for parent in _INNER_PARENT.finditer(name, 1):
        body = central_body(name[parent.start():])
        if body is not None:  # "Cục Khảo thí … Bộ Giáo dục - Đào tạo": the ministry's one name
            name = name[:parent.start()] + body.name
            break
    kind = head.kind if head else "other"
    level = head.level if head else None
    province = mentions[-1].province if mentions else (inner_places[-1] if inner_places else None)
    aliases = (raw,) if raw != name else ()

    if mentions:
        last = mentions[-1]
        written = name[last.name_start:last.end] if last.prefixed else ""
        if written and written != last.province.name and not last.province.ambiguous:
            # "UBND tỉnh TT-Huế" -> "… tỉnh Thừa Thiên Huế": one spelling of the place per body
            name = name[:last.name_start] + last.province.name + name[last.end:]
        bare_end = last.end == len(name) and not last.prefixed
        if bare_end and head and head.local in ("province", "district", "commune") and kind != "party_committee":
            # "Đoàn đại biểu Quốc hội Hải Phòng" -> "… thành phố Hải Phòng"
            name = name[: last.start].rstrip() + " " + last.province.full_name
        return Org(_capitalize(name), kind, level, province.name, True, aliases)

    bare_unit = _BARE_UNIT_END.search(name)
    if bare_unit is not None:
        # "Phòng Tham mưu Công an thành phố", "Ủy ban nhân dân xã": the unit word at the end
        # says which of the article's places completes the name.
        return _complete_bare_unit(name, bare_unit, head, kind, level, context, province, aliases)

    inner = _TRAILING_COMMITTEE.search(name)
    if inner is not None and inner.start() > 0:
        # "Ban Tổ chức Thành ủy", "Văn phòng Tỉnh ủy": the board of the article's committee
        committee = _canonical_org(inner.group(1), context)
        if committee is not None and committee.scoped:
            return Org(name[: inner.start()] + committee.name, kind, level, committee.locality, True,
                       aliases + (name,))
        return Org(name, kind, level, None, False, aliases)

    if head is None or head.local is None:
        return Org(name, kind, level, province.name if province else None, True, aliases)
    if _CENTRAL_WORDS.search(name):
        # "Đảng ủy Khối đối ngoại Trung ương Đảng": a local head, but a national body
        return Org(name, kind, "central", None, True, aliases)

    if _INNER_PARENT.search(name, len(head.head)):
        # "Phòng Tổ chức cán bộ Công ty …": a unit named with the body it belongs to
        return Org(name, kind, level, province.name if province else None, True, aliases)
    if head.local in ("district", "commune"):
        rest = name[len(head.head):].strip()
        named = bool(UNIT_NAME.search(name)) or (head.head.endswith(("ủy", "đoàn")) and rest[:1].isupper())
        if named:
            return Org(name, kind, level, _locality(context, province), True, aliases)
        unit = context.units.get(head.local)
        if unit and head.head.endswith(("ủy", "đoàn")):
            completed = _complete_unit(name, head, unit, None)
            return Org(completed, kind, level, _locality(context, province), True, aliases + (name,))
        if unit:
            return Org(f"{name} {unit}", kind, level, _locality(context, province), True, aliases + (name,))
        return Org(name, kind, level, None, False, aliases)

    # Province-level heads: the article's province supplies the place.
    target = context.province
    if target is None:
        return Org(name, kind, level, None, False, aliases)
    if head.local == "city" and target.kind != "thành phố":
        return Org(name, kind, level, None, False, aliases)
    if head.local == "province_only" and target.kind != "tỉnh":
        return Org(name, kind, level, None, False, aliases)
    if name.endswith(" " + target.name):  # "Sở Y tế Thái Bình" (a name that is also a city's): its place
        name = name[: -len(target.name)].rstrip()
    if head.local in ("city", "province_only"):
        completed = f"{name} {_place_label(target)}"
    else:
        completed = f"{name} {target.full_name}"
    return Org(completed, kind, level, target.name, True, aliases + (name,))


def _complete_bare_unit(name: str, bare_unit: re.Match, head: Optional[Head], kind: str, level: Optional[str],
                        context: PlaceContext, province: Optional[Province], aliases: tuple) -> Org:
    word = bare_unit.group(1).lower()
    base = name[: bare_unit.start()].strip()
    unit_level = _UNIT_LEVEL[word]
    if unit_level == "province":
        target = context.province
        if target is not None and (word == "tỉnh") == (target.kind == "tỉnh"):
            if head is not None and head.local in ("city", "province_only") and base == head.head:
                completed = f"{base} {_place_label(target)}"  # "Thành ủy thành phố" -> "Thành ủy Hải Phòng"
            else:
                completed = f"{base} {target.full_name}"
            return Org(completed, kind, level, target.name, True, aliases + (name,))
        return Org(name, kind, level, None, False, aliases)
    unit = context.units.get(unit_level)
    if unit and unit.startswith(word + " "):
        return Org(f"{base} {unit}", kind, level, _locality(context, province), True, aliases + (name,))
    return Org(name, kind, level, None, False, aliases)


def _locality(context: PlaceContext, province: Optional[Province]) -> Optional[str]:
    if province:
        return province.name
    return context.province.name if context.province else None


def _complete_unit(name: str, head: Head, unit: str, bare_unit) -> str:
    """"Đảng ủy xã" + "xã Quế Long" -> "Đảng ủy xã Quế Long"; "Huyện ủy" + "huyện Tuy Đức" -> "Huyện ủy Tuy Đức"."""
    if bare_unit is not None:
        return f"{name[: bare_unit.start()].strip()} {unit}".strip()
    if head.kind == "party_committee" and head.head.endswith("ủy"):
        unit_name = unit.split(" ", 1)[1] if " " in unit else unit
        unit_name = UNIT_NAME.match(unit).group(2) if UNIT_NAME.match(unit) else unit_name
        return f"{name} {unit_name}"
    return f"{name} {unit}"


def unit_of_context(word: str, context: PlaceContext) -> Optional[Org]:
    """What a bare "huyện"/"xã"/"tỉnh" means in an article: its district, commune or
    province, as an organization-shaped place ("Bí thư huyện" -> that district's committee)."""
    word = word.strip().lower()
    level = _UNIT_LEVEL.get(word)
    if level in ("district", "commune"):
        unit = context.units.get(level)
        if unit and unit.startswith(word):
            return Org(unit, "place", level, context.province.name if context.province else None, True)
    elif level == "province" and context.province and (word == "tỉnh") == (context.province.kind == "tỉnh"):
        return Org(context.province.full_name, "place", level, context.province.name, True)
    return None


def is_place_name(name: str) -> bool:
    """"Thành phố Hồ Chí Minh", "tỉnh Quảng Ninh", "huyện Tuy Đức": a place, not a body."""
    mentions = find_provinces(name)
    if mentions and mentions[0].start == 0 and mentions[-1].end == len(name):
        return True
    match = UNIT_NAME.fullmatch(name[:1].lower() + name[1:])
    return match is not None


def within_body_of(unit: Org, other: Org) -> Org:
    """"Phòng Tham mưu" beside "Phòng … Công an thành phố Đà Nẵng": a unit that names no
    body or place belongs to the body of the organization named with it."""
    if unit.scoped and (unit.locality or unit.kind not in ("department", "other")):
        return unit
    inner = _INNER_PARENT.search(other.name, 1)
    if inner is None or unit.kind not in ("department", "other", "center"):
        return unit
    return Org(f"{unit.name} {other.name[inner.start():]}", unit.kind, unit.level, other.locality, True,
               unit.aliases + (unit.name,))


def party_committee_of(org: Org) -> Optional[Org]:
    """The party committee of the unit an organization belongs to: the organization a
    bare "Bí thư" means in "Bí thư, Chủ tịch UBND huyện Tuy Đức"."""
    if is_place_name(org.name):
        mentions = find_provinces(org.name)
        if mentions and not UNIT_NAME.search(org.name[:1].lower() + org.name[1:], mentions[-1].end):
            province = mentions[-1].province
            if not re.search(r"\b(?:huyện|quận|xã|phường|thị xã|thị trấn)\s", org.name, re.I):
                template = "Tỉnh ủy {}" if province.kind == "tỉnh" else "Thành ủy {}"
                return Org(template.format(_place_label(province)), "party_committee", "province", province.name,
                           True)
    lowered = org.name[:1].lower() + org.name[1:]
    for match in UNIT_NAME.finditer(lowered):  # the first unit named is the most local one
        word = match.group(1).lower()
        template = _PARTY_OF_UNIT.get(word)
        if template:
            level = _UNIT_LEVEL[word]
            return Org(template.format(match.group(2)), "party_committee", level, org.locality, True)
    return None


def party_committee_inside(party_word: str, org: Org) -> Optional[Org]:
    """"Đảng ủy" + "Công an thành phố Đà Nẵng" -> "Đảng ủy Công an thành phố Đà Nẵng"; beside a
    department ("Phòng … Sở Lao động …") the committee is the parent body's."""
    name = org.name
    if org.kind == "department":
        inner = _INNER_PARENT.search(name)
        if inner is None:
            return None
        name = name[inner.start():]
    return Org(f"{party_word} {name}", "party_committee", "grassroots", org.locality, org.scoped)
