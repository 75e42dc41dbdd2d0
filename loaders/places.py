"""Vietnamese provinces and centrally-run cities: lexicon, lookup, mentions, article locality.

The lexicon (lexicons/provinces.yaml) covers the 63 units that existed until the 2025
reorganization and the 34 after it. Mentions are found with one precompiled regex built
from every spelling in the lexicon (a character trie, so matching cost does not grow with
the number of spellings); the few Python-level checks run per match, never per word.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from orggraph.loaders.lexicon import trie_pattern

LEXICON_PATH = Path(__file__).parent / "lexicons" / "provinces.yaml"

# The day the 34-unit map took effect (Resolution 202/2025/QH15 of 12 June 2025).
MERGER_EFFECTIVE = "2025-07-01"

# Letters of Vietnamese (and stray Latin-1/extended) text, split by case, for regex classes.
_LETTERS = [chr(c) for c in list(range(0x41, 0x7B)) + list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00))]
UPPER = "".join(c for c in _LETTERS if c.isalpha() and c.isupper())
LOWER = "".join(c for c in _LETTERS if c.isalpha() and c.islower())


@dataclass(frozen=True)
class Province:
    """One province-level unit; the same name may denote it before and after 2025."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    valid_from: str | None
    valid_until: str | None
    merged_into: str | None
    ambiguous: bool = False
    ambiguous_aliases: tuple[str, ...] = ()

    @property
    def full_name(self) -> str:
        """The name as written inside organization names ("Ủy ban nhân dân thành phố Hải Phòng")."""
        return f"{self.kind} {self.name}"

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def valid_on(self, date: str) -> bool:
        """Whether the unit existed on an ISO date ("2020-08-04"); string order is date order."""
        date = date[:10]
        if self.valid_from and date < self.valid_from:
            return False
        if self.valid_until and date > self.valid_until:
            return False
        return True

    def needs_prefix(self, form: str) -> bool:
        """Whether this spelling, written bare, is too ambiguous to count as the place."""
        k = _key(form)
        if k == _key(self.name):
            return self.ambiguous
        return any(k == _key(a) for a in self.ambiguous_aliases)


@dataclass
class PlaceMention:
    """A province named in a text. The span covers place words such as "tỉnh"/"TP" too."""

    province: Province
    start: int
    end: int
    text: str
    prefixed: bool
    prefix: str = ""  # "tỉnh", "thành phố", "TP", "Tỉnh ủy", "Thành ủy"... as written; "" when bare
    name_start: int = -1  # where the name itself starts (after the place prefix)

    @property
    def city_within_province(self) -> bool:
        """True for "thành phố Thanh Hóa"/"Thành ủy Thanh Hóa": the provincial city, not the province."""
        p = self.prefix.casefold().rstrip(".")
        return self.province.kind == "tỉnh" and (p in ("thành phố", "tp", "t.p") or p.startswith("thành "))


def _key(text: str) -> str:
    """Lookup key: case, spaces and dots don't matter ("TP. HCM" = "TPHCM" = "tp.hcm")."""
    text = unicodedata.normalize("NFC", text).replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"[\s.]+", "", text).casefold()


def _canonical_form(form: str) -> str:
    """Spelling used to build the regex: no spaces around dashes or after dots (matched flexibly)."""
    form = unicodedata.normalize("NFC", form).strip()
    form = re.sub(r"\s*-\s*", "-", form)
    form = re.sub(r"\.\s*", ".", form)
    return re.sub(r"\s+", " ", form)


def _char_pattern(ch: str) -> str:
    if ch == "-":
        return " ?- ?"
    if ch == ".":
        return r"\. ?"
    return re.escape(ch)


@functools.cache
def _lexicon() -> dict:
    with open(LEXICON_PATH, encoding="utf-8") as f:
        return yaml.safe_load(f)


@functools.cache
def _provinces() -> tuple[Province, ...]:
    out = []
    for e in _lexicon()["provinces"]:
        nfc = lambda s: unicodedata.normalize("NFC", str(s))  # noqa: E731
        out.append(
            Province(
                name=nfc(e["name"]),
                kind=nfc(e["kind"]),
                aliases=tuple(nfc(a) for a in e.get("aliases") or ()),
                valid_from=str(e["valid_from"]) if e.get("valid_from") else None,
                valid_until=str(e["valid_until"]) if e.get("valid_until") else None,
                merged_into=nfc(e["merged_into"]) if e.get("merged_into") else None,
                ambiguous=bool(e.get("ambiguous", False)),
                ambiguous_aliases=tuple(nfc(a) for a in e.get("ambiguous_aliases") or ()),
            )
        )
    return tuple(out)


def load_provinces() -> list[Province]:
    """All units of both periods, in lexicon order (cached; a fresh list each call)."""
    return list(_provinces())


@functools.cache
def _by_key() -> dict[str, Province]:
    """Every spelling's key -> its unit. A canonical name wins over another unit's alias."""
    table: dict[str, Province] = {}
    for p in _provinces():
        for a in p.aliases:
            table.setdefault(_key(a), p)
    for p in _provinces():
        table[_key(p.name)] = p
    return table


@functools.cache
def _prefix_source() -> str:
    words = [_canonical_form(w) for w in _lexicon().get("place_prefixes") or ()]
    return "(?i:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def _cue_words() -> list[str]:
    """Committee prefixes and organization cues, longest first."""
    lex = _lexicon()
    words = {_canonical_form(w) for w in (lex.get("committee_prefixes") or []) + (lex.get("place_cues") or [])}
    return sorted(words, key=len, reverse=True)


@functools.cache
def _prefix_strip_rx() -> re.Pattern:
    words = "|".join(re.escape(w) for w in _cue_words())
    return re.compile(r"^(?:(?i:%s)\s+)?%s(?:\.\s*|\s+)" % (words, _prefix_source()))


def province_named(text: str) -> Province | None:
    """The unit a name denotes: canonical name, alias, or either after "tỉnh"/"TP"/"Tỉnh ủy"...

    Case-insensitive ("HẢI PHÒNG", "TP.HCM", "Đăk Nông", "thành phố Hải Phòng").
    """
    if not text:
        return None
    text = unicodedata.normalize("NFC", text).strip(" \t\n,;:()")
    table = _by_key()
    hit = table.get(_key(text))
    if hit is not None:
        return hit
    stripped = _prefix_strip_rx().sub("", text, count=1)
    if stripped != text:
        hit = table.get(_key(stripped))
        if hit is not None:
            return hit
    cue_rx = _cue_strip_rx()
    stripped = cue_rx.sub("", text, count=1)
    if stripped != text:
        return table.get(_key(stripped))
    return None


@functools.cache
def _cue_strip_rx() -> re.Pattern:
    words = "|".join(re.escape(w) for w in _cue_words())
    return re.compile(r"^(?i:%s)\s+" % words)


def province_on(province: Province, date: str) -> Province:
    """The unit covering `province`'s territory on `date`: follows mergers forward, renames back.

    Hải Dương on 2025-08-01 -> Hải Phòng; Huế on 2017-06-01 -> Thừa Thiên Huế.
    """
    by_name = {p.name: p for p in _provinces()}
    seen = set()
    p = province
    while not p.valid_on(date) and p.name not in seen:
        seen.add(p.name)
        if p.valid_until and date[:10] > p.valid_until and p.merged_into in by_name:
            p = by_name[p.merged_into]
            continue
        if p.valid_from and date[:10] < p.valid_from:
            older = [q for q in _provinces() if q.merged_into == p.name and q.valid_until and q.valid_until < p.valid_from]
            # Only a pure rename has a single predecessor; a merger has no earlier self.
            if len(older) == 1:
                p = older[0]
                continue
        break
    return p


# ---------------------------------------------------------------------------------------
# Mentions


@functools.cache
def _forms() -> dict[str, tuple[Province | None, bool]]:
    """Key -> (unit, needs a prefix); unit None for the not_places blockers."""
    table: dict[str, tuple[Province | None, bool]] = {}
    for p in _provinces():
        for f in p.forms:
            table.setdefault(_key(f), (p, p.needs_prefix(f)))
    for p in _provinces():  # canonical names win
        table[_key(p.name)] = (p, p.ambiguous)
    for b in _lexicon().get("not_places") or ():
        table[_key(str(b))] = (None, False)
    return table


@functools.cache
def _mention_rxs() -> tuple[re.Pattern, re.Pattern]:
    """A place name after a prefix ("tỉnh", "TP."), and a bare one: two patterns, each opening
    with the letters it can begin with (one pattern with an optional prefix would make re try
    every character); `_place_matches` merges them."""
    surfaces: set[str] = set()
    for p in _provinces():
        for f in p.forms:
            f = _canonical_form(f)
            surfaces.update((f, f.upper()))
    for b in _lexicon().get("not_places") or ():
        f = _canonical_form(str(b))
        surfaces.update((f, f.upper()))
    names = trie_pattern(sorted(surfaces), _char_pattern)
    prefixes = trie_pattern({_canonical_form(w) for w in _lexicon().get("place_prefixes") or ()}, re.escape,
                            word_start=True, any_case=True)
    prefixed = re.compile(r"(?P<prefix>%s)(?:\. ?| )(?P<name>%s)(?!\w)" % (prefixes, names))
    bare = re.compile(r"(?P<name>%s)(?!\w)(?P<prefix>)" % trie_pattern(sorted(surfaces), _char_pattern, word_start=True))
    return prefixed, bare


def _place_matches(text: str) -> Iterator[re.Match]:
    """Place names in `text` left to right, not overlapping; at one position a prefixed name
    ("tỉnh Quảng Ninh") wins over the bare name."""
    prefixed_rx, bare_rx = _mention_rxs()
    prefixed, bare = prefixed_rx.search(text), bare_rx.search(text)
    while prefixed or bare:
        m = prefixed if prefixed and (not bare or prefixed.start() <= bare.start()) else bare
        yield m
        pos = m.end()
        if prefixed and prefixed.start() < pos:
            prefixed = prefixed_rx.search(text, pos)
        if bare and bare.start() < pos:
            bare = bare_rx.search(text, pos)


@functools.cache
def _cue_before_rx() -> re.Pattern:
    words = "|".join(re.escape(w) for w in _cue_words())
    return re.compile(r"(?<!\w)(?P<cue>(?i:%s)) $" % words)


@functools.cache
def _committee_keys() -> frozenset[str]:
    return frozenset(_key(w) for w in _lexicon().get("committee_prefixes") or ())


_PREV_WORD_RX = re.compile(r"(?<![\w'])([%s][%s]*) $" % (UPPER, LOWER))
# A name-part word before a bare province name makes it part of a person's name
# ("Nguyễn Hải Dương", "Lê Thị Hà Giang"); surnames come from the names lexicon.
_NAME_PARTS = frozenset({"Thị", "Văn"})
# What may precede an ALL-CAPS dateline on its line: an outlet tag such as "(HNM)".
_LINE_HEAD_RX = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*-?[ \t]*)?$")
_DATELINE_TAIL_RX = re.compile(r"\s*[-:]")


def _surnames() -> frozenset[str]:
    from orggraph.loaders.names import load_surnames  # late: names imports this module

    return load_surnames()


def find_provinces(text: str) -> list[PlaceMention]:
    """Every mention of a province-level unit in `text`, in order.

    Counts prefixed forms ("tỉnh Quảng Ninh", "TP.Đà Nẵng"; "Tỉnh ủy Thanh Hóa" with the span
    on the name), abbreviations ("TPHCM") and bare capitalized or ALL-CAPS names ("Sở Nội vụ
    Gia Lai"). Ambiguous names ("Hồ Chí Minh", "Hòa Bình") count only with a prefix, after an
    organization cue ("UBND Thái Bình", still bare), in parentheses, or as a dateline. Bare
    names glued to a preceding surname are taken for part of a person's name.
    """
    if not text:
        return []
    forms = _forms()
    cue_rx = _cue_before_rx()
    committee = _committee_keys()
    out: list[PlaceMention] = []
    surnames = None
    for m in _place_matches(text):
        name = m.group("name")
        province, needs_prefix = forms.get(_key(name), (None, False))
        if province is None:
            continue
        start, end = m.span()
        prefix = m.group("prefix") or ""
        licensed = bool(prefix)
        if not prefix:
            cue = cue_rx.search(text, max(0, start - 40), start)
            if cue:
                licensed = True
                if _key(cue.group("cue")) in committee:
                    prefix = cue.group("cue")
        if needs_prefix and not licensed:
            in_parens = text[start - 1 : start] == "(" and text[end : end + 1] == ")"
            dateline = False
            if name.isupper():
                line_start = text.rfind("\n", 0, start) + 1
                dateline = bool(_LINE_HEAD_RX.match(text, line_start, start)) and bool(
                    _DATELINE_TAIL_RX.match(text, end)
                )
            if not (in_parens or dateline):
                continue
        if not licensed:
            prev = _PREV_WORD_RX.search(text, max(0, start - 20), start)
            if prev:
                if surnames is None:
                    surnames = _surnames()
                if prev.group(1) in surnames or prev.group(1) in _NAME_PARTS:
                    continue
        out.append(
            PlaceMention(
                province=province,
                start=start,
                end=end,
                text=m.group(0),
                prefixed=bool(prefix) or _key(name).startswith("tp"),
                prefix=prefix,
                name_start=m.start("name"),
            )
        )
    return out


# ---------------------------------------------------------------------------------------
# Article locality

TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
BODY_WEIGHT = 1.0
EXTRA_WEIGHT = 3.0  # a page footer naming the outlet's province is strong evidence
LEAD_CHARS = 300  # the lead region: first paragraph's opening (baomoi bodies are one paragraph)
VENUE_FACTOR = 0.25  # bare "tại Hà Nội" / "ở Hà Nội" is where an event was held
MIN_SCORE = 3.0
DOMINANCE = 2.0  # the winner must outweigh the runner-up this many times

_TITLE_PREFIX_RX = re.compile(r"^\s*([^:\n]{2,40}?)\s*:\s*\S")
_DATELINE_RX = re.compile(r"^\s*(?:\([^()\n]{1,30}\)\s*-?\s*)?([%s][%s .]{1,38}?)\s*[-:]" % (UPPER, UPPER))
_VENUE_RX = re.compile(r"(?<!\w)(?i:tại|ở) $")
# Biographical context: where someone was born or studied says nothing of the article's place.
_BIOGRAPHY_RX = re.compile(r"(?<!\w)(?i:quê|nguyên quán|sinh ra|sinh tại|tốt nghiệp)(?!\w)")
_SENTENCE_END_RX = re.compile(r"[.;!?\n]")


def _context_factor(text: str, mention: PlaceMention) -> float:
    """Down-weight venue and biographical mentions; they rarely say what the article is about."""
    window = text[max(0, mention.start - 80) : mention.start]
    ends = list(_SENTENCE_END_RX.finditer(window))
    if ends:
        window = window[ends[-1].end() :]
    if _BIOGRAPHY_RX.search(window):
        return 0.0
    if not mention.prefix and _VENUE_RX.search(text, max(0, mention.start - 5), mention.start):
        return VENUE_FACTOR
    return 1.0


@functools.lru_cache(maxsize=1)
def _lineage() -> dict[str, str]:
    """Unit name -> the name its votes are pooled under (a pure rename: Thừa Thiên Huế -> Huế)."""
    by_name = {p.name: p for p in _provinces()}
    pooled: dict[str, str] = {}
    for p in _provinces():
        succ = by_name.get(p.merged_into or "")
        if succ and succ.valid_from and p.valid_until and p.valid_until < succ.valid_from:
            predecessors = [q for q in _provinces() if q.merged_into == succ.name]
            if len(predecessors) == 1:
                pooled[p.name] = succ.name
    return pooled


_BARE_LOCAL = re.compile(r"[Tt](?<![\w.].)(?:hành phố|ỉnh)(?=\s*(?:[,.;:)\n]|$|\s+[a-zđà-ỹ]))")


def _dominant(scores: dict[str, float], own: dict[str, float], min_score: float = MIN_SCORE) -> Province | None:
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if top < min_score or top < DOMINANCE * second:
        return None
    members = [n for n in own if (_lineage().get(n, n)) == best]
    winner = max(members, key=lambda n: own[n]) if members else best
    return _by_name()[winner]


@functools.lru_cache(maxsize=1)
def _by_name() -> dict[str, Province]:
    return {p.name: p for p in _provinces()}


def article_locality(title: str | None, paragraphs: list[str], extra_text: str = "") -> Province | None:
    """The province/city an article is about, or None for national or unlocated articles.

    In order: a headline prefix ("Hải Phòng: ..."), an ALL-CAPS dateline opening the lead
    ("ĐÀ NẴNG- Ngày 14-6"), the clearly dominant unit among mentions (title and lead weigh
    more; venue "tại Hà Nội" and birthplace mentions little), and last the page footer or
    other debris in `extra_text` ("Cổng tin tức Thành phố Hải Phòng").
    """
    title = (title or "").strip()
    paras = [p for p in (paragraphs or []) if p and p.strip()]
    if paras and title and paras[0].strip() == title:
        paras = paras[1:]

    if title:
        m = _TITLE_PREFIX_RX.match(title)
        if m:
            hit = province_named(m.group(1))
            if hit is not None:
                return hit
    if paras:
        m = _DATELINE_RX.match(paras[0])
        if m:
            hit = province_named(m.group(1).strip())
            if hit is not None:
                return hit

    lineage = _lineage()
    scores: dict[str, float] = defaultdict(float)
    own: dict[str, float] = defaultdict(float)

    def add(text: str, weight_at) -> None:
        for mention in find_provinces(text):
            w = weight_at(mention.start) * _context_factor(text, mention)
            if w <= 0:
                continue
            name = mention.province.name
            scores[lineage.get(name, name)] += w
            own[name] += w

    if title:
        add(title, lambda pos: TITLE_WEIGHT)
    for i, para in enumerate(paras):
        if i == 0:
            add(para, lambda pos: LEAD_WEIGHT if pos < LEAD_CHARS else BODY_WEIGHT)
        else:
            add(para, lambda pos: BODY_WEIGHT)
    hit = _dominant(scores, own)
    if hit is None and len(scores) == 1:
        # "Đảng bộ Cơ quan LĐLĐ Thành phố Hà Nội" once, then "LĐLĐ Thành phố", "UBND Thành phố" again
        # and again: the one place named is the one the bare references mean
        only = _dominant(scores, own, min_score=0.0)
        bare = _BARE_LOCAL.findall("\n".join([title] + paras))
        if only is not None and len(bare) >= 2 and all(w.lower().startswith(
                "thành phố" if only.kind == "thành phố" else "tỉnh") for w in bare):
            return only
    if hit is not None or not extra_text:
        return hit
    add(extra_text, lambda pos: EXTRA_WEIGHT)
    return _dominant(scores, own)
