"""Extraction: one article in, its statements out.

The stages, each its own module and testable alone: normalize the text, clean
away page debris and bylines, find the article's date and province, split
sentences, find persons and their title chains, turn titles into (title,
organization), decide each statement's status, and find congresses,
subordination and who attended the article's main event.
"""
from __future__ import annotations

import re
from collections import Counter
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Optional

from orggraph.loaders.cleanup import clean_article
from orggraph.loaders.congresses import find_congresses
from orggraph.loaders.dates import event_date, parse_article_date, statement_date
from orggraph.loaders.foreign import foreign_persons_in, is_foreign_person, is_foreign_post
from orggraph.loaders.html import html_to_article
from orggraph.loaders.lexicon import alternation, at_word_start, load_yaml, phrase_pattern
from orggraph.loaders.markdown import looks_like_markdown, markdown_to_text
from orggraph.loaders.names import find_person_names, is_historical_name, load_surnames
from orggraph.loaders.normalize import fold, normalize_text, split_glued_words
from orggraph.loaders.organizations import (COMPANY_HEAD_BEFORE, UNIT_WORDS, PlaceContext, canonical_org,
                                            is_bare_party_word, is_place_name, names_nothing, party_committee_inside,
                                            party_committee_of, unit_of_context, within_body_of)
from orggraph.loaders.districts import is_district_name, province_of_districts
from orggraph.loaders.places import article_locality, province_named
from orggraph.loaders.registry import registry
from orggraph.loaders.read import RawArticle, article_key
from orggraph.loaders.sentences import split_lines_and_sentences
from orggraph.loaders.subjects import (LazySubjects, find_subjects, is_bare_head, main_subject, of_subject,
                                       subject_for)
from orggraph.loaders.statements import ArticleInfo, Attendance, EventMention, Extraction, HeldOffice, Org
from orggraph.loaders.subordination import find_subordination
from orggraph.loaders.titles import Segment, find_titles, has_title, parse_chain, title_lexicon


@dataclass(frozen=True)
class Cues:
    link: re.Pattern  # a link verb right after a name
    link_status: dict[str, str]
    career: re.Pattern
    not_post_before: re.Pattern
    not_post_org: re.Pattern
    gap: re.Pattern  # what may stand between a title chain and the name it precedes
    honorific_then: re.Pattern  # "Bác sĩ y khoa, " before a chain
    short_ref: re.Pattern  # "ông Hùng", "bà Hoài"
    appointment: re.Pattern
    start_before: re.Pattern
    past: re.Pattern  # a sentence about the time before the article's news
    elected: re.Pattern  # a start by election
    events: dict[str, re.Pattern]
    presence: list[tuple[str, re.Pattern]]
    # any event but a congress, any presence cue: one search that most texts fail, before the
    # searches by kind (whose order decides which kind a text is)
    any_event: re.Pattern
    any_presence: re.Pattern
    career_words: tuple[str, ...]  # every career marker holds one of these word pairs (lowercase): a cheap test first


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = load_yaml("cues.yaml")
    link_status = {}
    for status, phrases in data["link_verbs"].items():
        for phrase in phrases:
            link_status[re.sub(r"\s+", " ", phrase.casefold())] = status
    link = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?[,\-–]?\s*(?:(?:hiện|nay|đang|cũng|đã|sẽ|vừa|chính thức|sau đó|đồng thời)\s+)*"
                      rf"({alternation(link_status)})(?:(?<=chức)\s+(?:vụ|danh))?\s+"
                      r"(?:(?:sang|về)\s+(?=làm|giữ))?(?:giữ\s+chức(?:\s+vụ)?\s+|làm\s+)?", re.I)  # "được điều động sang làm"
    # "… được điều động, bổ nhiệm giữ chức vụ Phó trưởng Ban": a verb the lexicon lists, then the
    # usual "giữ chức vụ" before the title
    ranks = alternation(data["ranks"] + data["honorifics"])
    person_cues = alternation(data["person_cues"])
    # "cố Bí thư Thành ủy TP.HCM - ông Võ Trần Chí": a dash joins a title to the name only
    # when "ông"/"bà"/"đồng chí" follows it (a quote's "– ông Thanh nói" has no title before)
    gap = re.compile(rf"^[\s,]*(?:[-–]\s*(?=(?:{person_cues})\s))?(?:(?:{person_cues}|{ranks})[\s,]+)*$", re.I)
    honorific_then = re.compile(rf"(?:{ranks})(?:\s+[a-zà-ỹ]+){{0,2}}\s*,\s*")
    surnames = "|".join(sorted(load_surnames(), key=len, reverse=True))
    short_ref = re.compile(rf"\b(?:[ôÔ]ng|[bB]à|[đĐ]ồng chí|anh|chị)\s+(?!(?:{surnames})\s+[A-ZĐ])([A-ZĐ][\wÀ-ỹ]+)(?!\s+[A-ZĐ])")
    # Matched on lowercased text: a case-insensitive trie is three times slower.
    events = {kind: re.compile(rf"(?:{phrase_pattern(words, word_start=True)})(?!\w)") for kind, words in data["events"].items()}
    presence = [(role, re.compile(rf"(?:{phrase_pattern(words, word_start=True, any_case=True)})(?!\w)"))
                for role, words in data["presence"].items()]
    return Cues(
        link=link, link_status=link_status,
        career=re.compile(rf"(?:{alternation(data['career_markers'])})", re.I),
        career_words=_covering_words([m.lower() for m in data["career_markers"]]),
        not_post_before=re.compile(rf"(?:{alternation(data['not_post_before'])})\s*(?:chức danh|chức vụ|vị trí)?\s*$", re.I),
        not_post_org=re.compile(data["not_post_orgs"]),
        gap=gap, honorific_then=honorific_then, short_ref=short_ref,
        appointment=re.compile(rf"(?:{phrase_pattern(data['appointment_nouns'], any_case=True)})\s+"),
        elected=re.compile(rf"(?:{phrase_pattern(data['election_words'], word_start=True, any_case=True)})(?!\w)"),
        past=re.compile(rf"\s*(?:{alternation(data['past_markers'])})\b", re.I),
        start_before=re.compile(r"\b(?:bầu|bổ nhiệm|chỉ định|điều động|phân công)\b[^,;]{0,40}$", re.I),
        events=events, presence=presence,
        any_event=re.compile(rf"(?:{phrase_pattern([w for kind, words in data['events'].items() if kind != 'congress' for w in words], word_start=True)})(?!\w)"),
        any_presence=re.compile(rf"(?:{phrase_pattern([w for words in data['presence'].values() for w in words], word_start=True, any_case=True)})(?!\w)"),
    )


def _covering_words(phrases: list[str]) -> tuple[str, ...]:
    """A few word pairs such that every phrase holds one (chosen greedily, the commonest first;
    pairs, not words, since single words such as "chức" are in most sentences)."""
    def pairs(phrase: str) -> set[str]:
        words = phrase.split()
        return {" ".join(words[i:i + 2]) for i in range(max(1, len(words) - 1))}
    left, chosen = [pairs(p) for p in phrases], []
    while left:
        word = Counter(w for words in left for w in words).most_common(1)[0][0]
        chosen.append(word)
        left = [words for words in left if word not in words]
    return tuple(chosen)


# A step of a career list: "- Từ 01/2002 đến 8/2005: …", "Từ 3/7/2017: …"
_CAREER_STEP = re.compile(r"\s*[-–•]?\s*(?:[Tt]ừ\s+)?(?:tháng\s+)?\d{1,2}[/.]\d{4}|\s*[-–•]\s*[Tt]ừ\s")
_MAYBE_CAREER = re.compile(r"từng|trải qua|kinh qua|quá trình công tác")


def _maybe_career(sentence: str) -> bool:
    """Whether a sentence holds one of `_MAYBE_CAREER`'s words; each holds "qua" or "từng", and
    substring tests first are far cheaper than the regex."""
    return ("qua" in sentence or "từng" in sentence) and bool(_MAYBE_CAREER.search(sentence))
# "Ông hiện là …", "Bà từng giữ chức …", "Hiện nay, ông là …" opening a sentence with no name in it.
_PRONOUN_SUBJECT = re.compile(r"(?:(?:Hiện nay|Hiện|Sau đó|Trước đó)\s*,?\s+|(?:Sau|Trước|Trong|Từ)\s[^,.;:]{1,40},\s*|(?P<when>[^,.;:]{0,60}\d{4}[^,.;:]{0,25})[,:]\s*)?"
                              r"(Ông|Bà|ông|bà|Đồng chí|đồng chí)"
                              r"(?=\s+(?:hiện|đang|đã|từng|cũng|được|là|giữ|làm|nguyên|tái|trúng|đắc|đảm)\b)")
_ENDED_SPAN = re.compile(r"\s*[-–•]?\s*(?:[Tt]ừ\s+)?[^,.;:]{0,30}\d{4}\s*(?:đến|-|–)\s*(?:tháng\s+|năm\s+)?[^,.;:]{0,20}\d{4}"
                         r"\s*[,:]")
_CUE_IN_CAPS = re.compile(r"^(?:Đồng Chí|Ông|Bà)\s+")
_HOUSE_NUMBER_BEFORE = re.compile(r"(?:\b(?:số|đường|phố)\s+\d*[A-Za-z/]*\s*|(?<![\w.])(?<!quận )(?<!Quận )(?<!phường )"
                                  r"(?<!Phường )(?<!khu )(?<!khóa )\d+[A-Za-z]?\s+)$")
_MAYBE_FOREIGN_PERSON = re.compile(r"(?:%s)\s" % at_word_start(
    "Tập Lý Hồ Ôn Giang Chu Đặng Lưu Mao Tưởng Vương Dương Triệu Uông Hàn Lật Thái Đinh Hoàng Ngụy Thường Đổng "
    "Trương Du Tôn Bạc Tống Hùng Mã Trần Lại Kim Ngô".split()))
_PERSON_CUE_BEFORE = re.compile(r"(?:ông|bà|anh|chị|đồng chí|[Ôô]ng|[Bb]à)\s+$")
_MAYBE_SHORT_REF = re.compile(r"\b(?:[ôÔ]ng|[bB]à|[đĐ]ồng chí|anh|chị)\s+[A-ZĐ]")


# Lists of names under one title (see ArticleReader._lists).
_LIST_CUE = re.compile(r"\bgồm\b|\blà\s+(?:các\s+)?(?:ông|bà|đồng chí)|:")
_LIST_INTRO = re.compile(r"(?:^\s*|(?<!\w)(?:các|những)\s+(?:đồng chí|ông|bà)\s+|(?<![\w,.])(?:\d{1,2}|hai|ba|bốn|năm|sáu|"
                         r"bảy|tám|chín|mười)\s+)(?=\w)", re.I)
_LIST_OPENER = re.compile(r"\s*(?:khác\s+)?(?:,\s*)?(?:(?:bao\s+)?gồm|là|:)\s*(?:(?:các\s+)?(?:đồng chí|ông|bà)\s*)?:?\s*",
                          re.I)
_LIST_GAP = re.compile(r"[\s,]*(?:và\s+)?(?:(?:ông|bà|đồng chí|Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|"
                       r"Đại tá|Thượng tá|Trung tá|Thiếu tá)\s+)*")


@dataclass
class PersonMention:
    name: str
    start: int
    end: int


@dataclass
class ArticleReader:
    """Reads an article's sentences in order, remembering who was named so that
    "bà Hoài" later in the text is the "Trần Trương Mạnh Hoài" named before."""

    context: PlaceContext
    as_of: Optional[str]
    article_date: Optional[str]
    excluded: set[str]
    persons: list[str] = field(default_factory=list)
    held: list[HeldOffice] = field(default_factory=list)
    _mentions: dict[str, list[PersonMention]] = field(default_factory=dict)
    career_subject: Optional[str] = None  # whose career list the following steps continue
    foreign: set[str] = field(default_factory=set)  # persons named with a foreign post
    _untitled: list[str] = field(default_factory=list)  # sentences read without a title, in order
    _inferred: list[HeldOffice] = field(default_factory=list)  # statements whose body the article implied
    _deceased: set[str] = field(default_factory=set)  # persons the article says have died

    # -- persons ------------------------------------------------------------------------------
    def person_mentions(self, sentence: str) -> list[PersonMention]:
        """Persons a sentence names (computed once per sentence: several stages ask)."""
        cached = self._mentions.get(sentence)
        if cached is None:
            cached = self._mentions[sentence] = self._find_mentions(sentence)
        return cached

    def _find_mentions(self, sentence: str) -> list[PersonMention]:
        found = []
        for start, end, name in find_person_names(sentence):
            if is_historical_name(name) or fold(name) in self.excluded:
                continue
            if len(name.split()[-1]) == 1:
                continue  # "Đồng chí Nguyễn Văn A, Phó Trưởng Ban …": a legal text's example, nobody
            if name.endswith(" Việt Nam"):
                continue  # "Đoàn Việt Nam do … làm Trưởng đoàn": the delegation (but "Lê Hà Nam" is a name)
            if len(name.split()) == 2 and is_district_name(name) and not _PERSON_CUE_BEFORE.search(sentence, 0, start):
                continue  # "… Meiko KCN Thạch Thất và Quốc Oai": a district, not a person
            if name.isupper():
                if _mostly_upper(sentence):
                    continue  # "… BỘ CÔNG THƯƠNG QUY ĐỊNH HỒ SƠ, TRÌNH TỰ": a heading in capitals, not a caption
                name = _CUE_IN_CAPS.sub("", name.title())  # a caption's "NGUYỄN THỊ KIM NGÂN" is the same person
                if len(name.split()) < 2:
                    continue
            if _HOUSE_NUMBER_BEFORE.search(sentence, max(0, start - 12), start):
                continue  # "số 2 Nguyễn Cảnh Chân": a street
            if COMPANY_HEAD_BEFORE.search(sentence, max(0, start - 24), start):
                continue  # "Công ty cổ phần Hoàng Anh Gia Lai": a company named like a person
            found.append(PersonMention(name, start, end))
        for start, end, name in foreign_persons_in(sentence) if _MAYBE_FOREIGN_PERSON.search(sentence) else ():
            if not any(m.start < end and start < m.end for m in found):
                found.append(PersonMention(name, start, end))
        taken = [(m.start, m.end) for m in found]
        pronoun = _PRONOUN_SUBJECT.match(sentence) if self.persons and not found else None
        if pronoun:  # a biography's "Ông hiện là Ủy viên Bộ Chính trị, …": the person last named
            found.append(PersonMention(self.persons[-1], pronoun.start(2), pronoun.end(2)))
        if not self.persons or not _MAYBE_SHORT_REF.search(sentence):
            found.sort(key=lambda m: m.start)
            return [m for m in found if not _inside_parentheses(sentence, m.start)]
        for match in cues().short_ref.finditer(sentence):
            s, e = match.span(1)
            if any(a <= s < b for a, b in taken):
                continue
            # "anh Thanh", "chị Hồng" name ordinary people: only "ông"/"bà"/"đồng chí" look back into
            # sentences without titles
            full = self.resolve_short(match.group(1), deep=not match.group(0)[:2].lower() in ("an", "ch"))
            if full:
                found.append(PersonMention(full, s, e))
        found.sort(key=lambda m: m.start)
        return [m for m in found if not _inside_parentheses(sentence, m.start)]

    def resolve_short(self, given: str, deep: bool = False) -> Optional[str]:
        """The person already named whose name ends with `given` (the most named if several);
        `deep` also looks in the sentences read without a title."""
        candidates = [p for p in self.persons if p.split()[-1] == given]
        if not candidates and not deep:
            return None
        if not candidates:
            earlier = self._named_in_untitled(given)
            self.persons += earlier[:1]
            return earlier[0] if earlier else None
        return max(set(candidates), key=lambda p: (candidates.count(p), -self.persons[::-1].index(p)))

    def _named_in_untitled(self, given: str) -> list[str]:
        """Full names ending in `given` from the sentences read without a title ("Con gái đầu của
        ông Hội là bà Bùi Thị Thu Trang …" before "bà Trang nhận chức …"): looked up only when a
        short reference needs them, so title-less sentences stay cheap to read."""
        for sentence in reversed(self._untitled):
            if given not in sentence:
                continue
            names = [name for _, _, name in find_person_names(sentence)
                     if name.split()[-1] == given and " " in name and not name.isupper()
                     and not is_historical_name(name) and fold(name) not in self.excluded]
            if names:
                return names
        return []

    # -- statements ---------------------------------------------------------------------------
    def read(self, sentence: str) -> None:
        continues_career = self.career_subject is not None and _CAREER_STEP.match(sentence)
        if not continues_career:
            self.career_subject = None
        if not has_title(sentence):
            self._untitled.append(sentence)
            self._note_death(sentence)
            if not self.persons and len(self._untitled) <= 6:
                # a biography names its subject before any title, early: "X (sinh 1957) là …"
                self.persons += [m.name for m in self.person_mentions(sentence)[:1]]
            if _maybe_career(sentence) and _career_position(sentence) is not None:
                # "Ông Bùi Thế Hùng, …, Ông đã từng giữ các vị trí từ 10/1990 đến 1995: Chuyên viên …":
                # no title yet, but the steps that follow are this person's
                mentions = self.person_mentions(sentence)
                self.career_subject = mentions[0].name if mentions else None
                self.persons += [m.name for m in mentions]
            return  # no title, no post (the cheap test that keeps extraction fast)
        sentence = split_glued_words(sentence)
        mentions = self.person_mentions(sentence)
        self._note_death(sentence)
        boundary = 0
        if continues_career:  # "- Từ 8/2005 đến 11/2007: Phó Giám đốc …" after "từng giữ các vị trí"
            self._career(self.career_subject, sentence, 0)
            return
        career_at = _career_position(sentence)
        if career_at is not None:
            subject = next((m.name for m in mentions if m.start < career_at), None) or \
                (self.persons[-1] if self.persons else None)
            if subject:
                self._career(subject, sentence, career_at)
                self.career_subject = subject
            mentions = [m for m in mentions if m.start < career_at]
        for index, mention in enumerate(mentions):
            self.persons.append(mention.name)
            region_start = max(boundary, _clause_start(sentence, mention.start))
            before = self._chain_before(sentence, region_start, mention.start)
            next_start = mentions[index + 1].start if index + 1 < len(mentions) else len(sentence)
            after, after_end, link_status = self._chain_after(sentence, mention.end, next_start)
            if before and after and link_status is None and \
                    not re.search(r"[,:\-–(]", sentence[mention.end:after[0].start]):
                # "Thứ trưởng Công thương Hồ Thị Kim Thoa Thủ tướng vừa ký …": a headline run into the
                # lead; a title named before the person has no second title glued after the name
                after, after_end = [], mention.end
            while after and link_status is None and sentence.startswith(";", after_end):
                # "ông Bùi Văn Sang, Phó Giám đốc KBNN tỉnh Phú Yên; nguyên Đảng ủy viên Đảng ủy Kho bạc … và
                # ông Trần Minh Đạo": titles after a semicolon that precede no name are the same person's
                more, more_end = parse_chain(sentence, after_end + 1, next_start)
                if not more or not _CHAIN_TAIL.match(sentence, more_end):
                    break
                after, after_end = after + more, more_end
            moved_to: list[Segment] = []
            if after and link_status is None:
                # "… X (1970) - Phó trưởng Phòng Tham mưu đến nhận công tác và giữ chức vụ Trưởng phòng …":
                # a reassignment: the post named first is left, the one after the verb begins
                link, verb = _link_at(sentence, after_end, next_start)
                if verb == "start" or (verb == "current" and cues().start_before.search(sentence[region_start:mention.start])):
                    # "bổ nhiệm PGS.TS Vũ Hải Quân, Phó Giám đốc thường trực …, giữ chức Giám đốc …" too
                    moved_to, moved_end = parse_chain(sentence, link.end(), next_start)
                    if moved_to:
                        link_status = "end"
                        after_end = moved_end
            if after and link_status == "end":
                # "thôi giữ chức Bí thư Thành ủy TP HCM, được phân công nhiệm vụ Phó Trưởng Ban …": left, then began
                link, verb = _link_at(sentence, after_end, next_start)
                if verb == "start":
                    moved_to, moved_end = parse_chain(sentence, link.end(), next_start)
                    if moved_to:
                        after_end = moved_end
            if after and link_status is None and index + 1 < len(mentions) and \
                    (not sentence[after_end:next_start].strip() or
                     _DASH_TO_NEXT.fullmatch(sentence, after_end, next_start)):
                # "Bộ trưởng Bộ GD&ĐT Nguyễn Kim Sơn, Bộ trưởng Bộ KH&CN Huỳnh Thành Đạt": the
                # second title stands before the next name and is that person's.
                after, after_end = [], mention.end
            if after and link_status is None and _ENDED_AFTER.match(sentence, after_end):
                link_status = "end"  # "…, Hiệu trưởng Trường mầm non X, bị kỷ luật hình thức cách chức"
            if after and link_status in (None, "current") and _PERIOD_BEFORE.search(sentence, region_start, mention.start):
                link_status = "former"  # "liên quan đến giai đoạn ông Bình làm Chủ tịch HĐQT Vinaconex"
            if after and link_status is None and len(after) == 1 and after[0].fixed_org and \
                    re.match(r"\s+\w", sentence[after_end:]) and \
                    _OBJECT_PERSON_BEFORE.search(sentence, region_start, mention.start):
                # "Về vụ việc xử lý đối với ông Đinh La Thăng, Tổng Bí thư gửi lời cảm ơn": the title
                # after the comma is the next clause's subject, not the object's post
                after, after_end = [], mention.end
            if after and _KIN_BEFORE.search(sentence, region_start, mention.start) and \
                    cues().link.match(sentence, mention.end, next_start):
                # "Ông Hồ Quỳnh Hưng, em trai bà Thoa, hiện là Chủ tịch …": the verb's subject is the brother
                # (but "con gái của ông Trần Đình Mạnh, nguyên Bí thư" describes the father)
                after, after_end, link_status = [], mention.end, None
            boundary = max(mention.end, after_end)
            start_verb = bool(cues().start_before.search(sentence[region_start:mention.start]))
            past = bool(cues().past.match(sentence))
            for segments, status_hint in ((before, None), (after, link_status)):
                if not segments:
                    continue
                if past and status_hint == "current":
                    status_hint = "end"  # "Trước đó, ông Súy là Tổng giám đốc …": left for the reported post
                if status_hint in (None, "current") and _ENDED_SPAN.match(sentence):
                    status_hint = "former"  # "Từ tháng 11 năm 1986 đến tháng 2 năm 1989, ông là Bí thư …"
                # "bầu đồng chí X làm Bí thư": the verb before the name starts the post the link
                # verb names; an apposition ("bổ nhiệm … đối với bà X, Bí thư Huyện đoàn") is her
                # present post.
                starts = start_verb and segments is after and link_status is not None
                self._add(mention.name, segments, sentence, status_hint, starts,
                          career_at is not None and segments[0].start > career_at,
                          moved_to if segments is after else None)
            if moved_to:
                self._add(mention.name, moved_to, sentence, "start", False, False)
            replaced = _REPLACES.match(sentence, after_end) if after and (link_status == "start" or (
                start_verb and link_status is not None)) else None
            predecessor = next((m for m in mentions[index + 1:] if m.start == replaced.end()), None) if replaced else None
            if predecessor:  # "bổ nhiệm bà X giữ chức Phó tổng giám đốc … thay ông Đỗ Quang Lâm": his post ends
                self._add(predecessor.name, after, sentence, "end", False, False)
        self._appointments(sentence, mentions)
        self._lists(sentence, mentions)

    def _lists(self, sentence: str, mentions: list[PersonMention]) -> None:
        """A title shared by a list of names: "các đồng chí Ủy viên T.Ư Đảng: A, …; B, …",
        "Phó Chủ tịch Hội gồm các ông: A, B, C", "7 Phó tổng giám đốc là ông A, ông B và bà C"."""
        if not mentions or not _LIST_CUE.search(sentence):
            return
        for intro in _LIST_INTRO.finditer(sentence):
            segments, chain_end = parse_chain(sentence, intro.end())
            if not segments:
                continue
            opener = _LIST_OPENER.match(sentence, chain_end)
            if not opener:
                continue
            previous_end = opener.end()
            for mention in (m for m in mentions if m.start >= opener.end()):
                between = sentence[previous_end:mention.start]
                if mention.start > opener.end():
                    if ";" not in between and not _LIST_GAP.fullmatch(between):
                        break  # the list ended
                    if ";" in between and not _LIST_GAP.fullmatch(between.rsplit(";", 1)[1] + " "):
                        break
                elif not _LIST_GAP.fullmatch(between):
                    break
                self._add(mention.name, segments, sentence, None, False, False, how="list")
                previous_end = mention.end

    def _career(self, person: str, sentence: str, start: int) -> None:
        """"… trải qua nhiều vị trí công tác như: giảng viên, Phó Trưởng khoa, …; Phó Bí
        thư Đảng ủy, Phó Giám đốc Học viện …": every title after the marker is the
        subject's, held before."""
        pos = start
        for title_start, title_end in find_titles(sentence, start):
            if title_start < pos:
                continue  # inside the chain just read
            segments, end = parse_chain(sentence, _modifier_start(sentence, pos, title_start))
            if segments:
                # "- Năm 2011 đến nay: Chủ tịch Công ty phần mềm FPT": the step that lasts until now
                now = _UNTIL_NOW.search(sentence, pos, title_start)
                self._add(person, segments, sentence, "current" if now else "former", False, not now, how="career")
            pos = max(end, title_end)

    def _chain_before(self, sentence: str, region_start: int, name_start: int) -> list[Segment]:
        for start, _ in find_titles(sentence, region_start, name_start):
            modifier_start = _modifier_start(sentence, region_start, start)
            segments, end = parse_chain(sentence, modifier_start, name_start)
            if segments and cues().gap.match(sentence[end:name_start]):
                if _ON_BEHALF_BEFORE.search(sentence, region_start, modifier_start):
                    # "Thừa lệnh Thủ tướng, Phó Thủ tướng Thường trực Trương Hòa Bình": the post named
                    # after "on behalf of" is another's, up to the first comma
                    comma = sentence.find(",", modifier_start, name_start)
                    return [s for s in segments if s.start > comma] if comma >= 0 else segments
                if "," in sentence[end:name_start] and \
                        _OBJECT_BEFORE.search(sentence, region_start, modifier_start):
                    # "Báo cáo với Bí thư Thành ủy, bà Trần Kim Yến cho biết": a title that the
                    # sentence's own words lead to, then a comma, is someone else's
                    return []
                return segments
        return []

    def _chain_after(self, sentence: str, name_end: int, limit: int) -> tuple[list[Segment], int, Optional[str]]:
        paren = _PAREN_AFTER_NAME.match(sentence, name_end, limit)
        if paren:  # "ông Lâm Minh Đằng (Chánh Văn phòng Tỉnh ủy Trà Vinh) xác nhận"
            close = sentence.find(")", paren.end(), limit)
            if close > 0:
                segments, _ = parse_chain(sentence, paren.end(), close)
                if segments:
                    then = paren.group(1) and paren.group(1) != "hiện"  # "(đang làm …)" tells a past scene
                    return segments, close + 1, "former" if then else None
        rest = re.match(r"\s*(?:\([^)]{0,60}\)\s*)?(?:[,:\-–]\s*){0,2}", sentence[name_end:limit])  # "Viên: - Giám đốc"
        start = name_end + rest.end()
        honorific = cues().honorific_then.match(sentence, start, limit)
        if honorific:  # "…, Bác sĩ y khoa, Phó giám đốc Bệnh viện …"
            start = honorific.end()
        segments, end = parse_chain(sentence, start, limit)
        if segments:
            return segments, end, None
        link, verb = _link_at(sentence, name_end, limit)
        if link:
            segments, end = parse_chain(sentence, link.end(), limit)
            if segments:
                return segments, end, verb
        return [], name_end, None

    def _appointments(self, sentence: str, mentions: list[PersonMention]) -> None:
        """"trao Quyết định bổ nhiệm Tổng Biên tập Tạp chí Cộng sản cho đồng chí Đoàn Minh Huấn"."""
        for match in cues().appointment.finditer(sentence):
            segments, end = parse_chain(sentence, match.end())
            if not segments:
                continue
            holder = re.match(r"\s*(?:cho|đối với)\s+", sentence[end:])
            if not holder:
                continue
            target = next((m for m in mentions if m.start >= end + holder.end() and
                           cues().gap.match(sentence[end + holder.end():m.start])), None)
            if target:
                self._add(target.name, segments, sentence, "start", False, False, how="appointment")

    def _add(self, person: str, segments: list[Segment], sentence: str, status_hint: Optional[str],
             start_verb: bool, in_career: bool, moved_to: Optional[list[Segment]] = None, how: str = "chain") -> None:
        if is_foreign_person(person) or \
                any(is_foreign_post(s.org_words, s.org_words or sentence[s.end:s.end + 40]) for s in segments):
            self.foreign.add(person)  # "Thủ tướng Trung Quốc Lý Khắc Cường": no post here, now or later
            return
        segments = [_with_function(s) for s in segments]
        borrowed: list[bool] = []
        orgs = resolve_segment_orgs(segments, self.context, borrowed)
        if moved_to:  # a unit left for a post in the same body: "Phòng Tham mưu" of that body
            new_orgs = [o for o in resolve_segment_orgs(moved_to, self.context) if o is not None]
            orgs = [within_body_of(o, new_orgs[0]) if o is not None and new_orgs else o for o in orgs]
        for number, (segment, org, inferred) in enumerate(zip(segments, orgs, borrowed)):
            if org is None or cues().not_post_org.search(org.name) or names_nothing(org.name):
                continue
            if segment.title == "Bộ trưởng" and not segment.org_words and number + 1 < len(segments) and \
                    segments[number + 1].title.startswith("Chủ nhiệm"):
                continue  # "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ": a minister's rank, the post is the office's
            if cues().not_post_before.search(sentence[max(0, segment.start - 40):segment.start]):
                continue
            if status_hint in (None, "current") and self._told_of_the_past(sentence):
                status_hint = "former"  # "Tháng 10 năm 1945, khi Hà Ứng Khâm, Tổng Tham mưu trưởng …"
            if _THEN_AFTER.match(sentence, segment.end) and status_hint not in ("start", "end"):
                status_hint = "former"  # "ông Nguyễn Vỹ - Chủ tịch Hội đồng thị xã Đà Lạt lúc bấy giờ"
            if status_hint in (None, "current") and self._period_ended(sentence, segment.end):
                status_hint = "former"  # "ông Đinh La Thăng làm Bí thư Thành ủy TP.HCM từ 2/2016-5/2017", read later
            term = _TERM_AFTER.match(sentence, segment.end)
            if term and self.article_date and int(term.group(1)) < int(self.article_date[:4]) and \
                    status_hint not in ("start", "end"):
                status_hint = "former"  # "bộ trưởng Bộ Công Thương nhiệm kỳ 2011-2016", read in 2017
            if status_hint == "end" and moved_to and segment.title.startswith("Ủy viên") and not segment.former:
                status = "current"  # "phân công ông X, Ủy viên Bộ Chính trị, … làm Bí thư": a seat kept in a move
            elif status_hint == "end" and segment.former:
                status = "former"  # "ông X, nguyên Vụ trưởng Vụ TCNH, đã được điều động …": left before
            elif status_hint in ("start", "end", "former"):
                status = status_hint
            elif segment.former or in_career:
                status = "former"
            elif segment.new or start_verb:
                status = "start"
            else:
                status = "current"
            basis = ("elected" if cues().elected.search(sentence) else "appointed") if status == "start" else \
                "stated" if status in ("end", "former") else "attested"
            confidence = statement_confidence(how, org, inferred)
            if confidence < MIN_CONFIDENCE:
                continue  # the default favours precision: "Chủ tịch" + a phrase with no known head, from a list
            self.held.append(HeldOffice(person, segment.title, org, status,
                                        self._statement_date(sentence, status), sentence, basis, confidence))
            if inferred:
                self._inferred.append(self.held[-1])

    def _period_ended(self, sentence: str, at: int) -> bool:
        """A closed period right after the post ("từ 2/2016-5/2017", "từ năm 2010 đến năm 2015") that
        ended before the article's month."""
        period = _PERIOD_AFTER.match(sentence, at)
        if not period or not self.article_date:
            return False
        ended = (int(period.group("year")), int(period.group("month") or 12))
        written = (int(self.article_date[:4]), int(self.article_date[5:7]) if len(self.article_date) >= 7 else 12)
        return ended < written

    def _told_of_the_past(self, sentence: str) -> bool:
        """A sentence that opens with a year two or more before the article's ("Năm 2001, …" in
        2017), or before 1990 when the article has no date, tells of posts held then."""
        opening = _YEAR_OPENING.match(sentence)
        if not opening:
            return False
        year = int(opening.group(1))
        now = int(self.article_date[:4]) if self.article_date else None
        return year <= now - 2 if now else year < 1990

    def _note_death(self, sentence: str) -> None:
        """"Ông A, nguyên …, đã từ trần": the first person named before the words of death has died.
        (The words are looked for before the persons: most sentences have none.)"""
        if "từ trần" not in sentence and "qua đời" not in sentence and "tạ thế" not in sentence:
            return
        died = _DIED.search(sentence)
        mentions = self.person_mentions(sentence) if died else []
        if mentions and mentions[0].start < died.start():
            self._deceased.add(mentions[0].name)

    def settled(self) -> list[HeldOffice]:
        """The statements, less a national post taken from the article's subject for a person the
        article names with another national post ("Bộ trưởng Mai Tiến Dũng nói" in a story about
        the ministry he visits, after "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Mai Tiến Dũng")."""
        kept = self.held
        if self._inferred:
            inferred = {id(h) for h in self._inferred}
            stated: dict[str, set[str]] = {}
            for h in self.held:
                if id(h) not in inferred and h.organization.level == "central":
                    stated.setdefault(h.person, set()).add(h.organization.name)
            kept = [h for h in self.held if id(h) not in inferred or h.organization.level != "central"
                    or not stated.get(h.person) or h.organization.name in stated[h.person]]
        # an obituary's posts were held until death
        return [replace(h, status="former") if h.person in self._deceased and h.status == "current" else h
                for h in kept]

    def _statement_date(self, sentence: str, status: str) -> Optional[str]:
        """A start or end dated in its own sentence is as of that date; else the article's."""
        if status in ("start", "end"):
            return statement_date(sentence, self.article_date, self.as_of)
        return self.as_of


_ROW_LEAD = re.compile(r"^(?:\d{1,3}[.)]?\s+)?")


def _mostly_upper(sentence: str) -> bool:
    """A heading set in capitals: four capitalized words in five or more."""
    words = [w for w in sentence.split() if w[:1].isalpha()]
    return len(words) >= 8 and sum(w.isupper() for w in words) >= 0.8 * len(words)


def join_table_rows(sentences: list[str], reader: "ArticleReader") -> list[str]:
    """Tables of people come as lines: "Ông Ngô Quế Lâm" then "Tổng giám đốc Tổng công
    ty …".  A line that is only a name is joined to the title lines that follow it."""
    out: list[str] = []
    i = 0
    while i < len(sentences):
        line = sentences[i]
        if i + 1 >= len(sentences) or len(line) > 80 or not _starts_with_title(sentences[i + 1]):
            out.append(line)
            i += 1
            continue
        mentions = reader.person_mentions(line)
        if len(mentions) == 1 and cues().gap.match(_ROW_LEAD.sub("", line[:mentions[0].start])) and \
                not line[mentions[0].end:].strip(" .:"):
            joined = line.rstrip(" .:")
            j = i + 1
            while j < len(sentences) and j <= i + 3 and _starts_with_title(sentences[j]):
                joined += ", " + sentences[j].strip().rstrip(",")
                j += 1
            if j > i + 1:
                out.append(joined)
                i = j
                continue
        out.append(line)
        i += 1
    return out


def _starts_with_title(text: str) -> bool:
    from orggraph.loaders.titles import match_title

    stripped = text.lstrip()
    modifier = title_lexicon().modifier_at.match(stripped)
    return match_title(stripped, modifier.end() if modifier else 0) is not None


def resolve_segment_orgs(segments: list[Segment], context: PlaceContext,
                         borrowed: Optional[list[bool]] = None) -> list[Optional[Org]]:
    """Each title's organization; titles without one borrow from their neighbours:
    "Bí thư, Chủ tịch UBND huyện X" (the party committee of the unit) and
    "Bí thư Đảng ủy, Giám đốc Công an thành phố" (the party committee inside), or from the
    article's subject.  `borrowed`, when given, is filled with whether each came from
    elsewhere than the title's own words."""
    orgs: list[Optional[Org]] = []
    bare: list[Optional[str]] = []
    # Units the chain names itself complete its bare ones ("Ủy viên Ban Chấp hành Đảng bộ
    # huyện, …, Chủ tịch Hội LHPN huyện Như Xuân").
    context = context.with_units(", ".join(s.org_words for s in segments if s.org_words))
    for segment in segments:
        if segment.fixed_org:
            orgs.append(Org(segment.fixed_org, "party_committee" if "Đảng" in segment.fixed_org or
                            "Bí thư" in segment.fixed_org else "state_body", "central", None, True))
            bare.append(None)
        elif segment.org_words and segment.org_words.strip().lower() in UNIT_WORDS:
            # "Bí thư huyện": the party committee of the article's district
            place = unit_of_context(segment.org_words, context)
            orgs.append(party_committee_of(place) if place is not None and segment.party else None)
            bare.append(None)
        elif segment.org_words and is_bare_head(segment.org_words):
            # "giữ chức Phó tổng giám đốc thường trực Công ty": the article's own company
            orgs.append(subject_for(segment.org_words, context.subjects))
            bare.append(None)
        elif segment.org_words and of_subject(segment.org_words, context.subjects) is not None:
            # "Chủ tịch Công đoàn trường": the union of the article's school
            orgs.append(canonical_org(of_subject(segment.org_words, context.subjects), context, segment.title))
            bare.append(None)
        elif segment.org_words and is_bare_party_word(segment.org_words):
            orgs.append(None)
            bare.append(segment.org_words.strip())
        elif segment.org_words and segment.title in _CHAIR_TITLES and _UNIT_FIRST.match(segment.org_words):
            # "Chủ tịch xã Đại Hiệp", "Phó Chủ tịch quận 1": the chair of its People's Committee
            orgs.append(canonical_org("Ủy ban nhân dân " + segment.org_words, context, segment.title))
            bare.append(None)
        else:
            orgs.append(canonical_org(segment.org_words, context, segment.title) if segment.org_words else None)
            bare.append(None)
    resolved: list[Optional[Org]] = []
    if borrowed is not None:
        borrowed[:] = [False] * len(segments)
    for i, (segment, org) in enumerate(zip(segments, orgs)):
        if borrowed is not None and (org is None or bool(segment.org_words and is_bare_head(segment.org_words))):
            borrowed[i] = True  # from a neighbour or the article's subject, not the title's own words
        if org is not None and segment.party and is_place_name(org.name):
            org = party_committee_of(org)  # "Bí thư Thành phố Hồ Chí Minh": the city's committee
        elif org is not None and segment.title in _CHAIR_TITLES and org.kind == "other" and org.locality and \
                province_named(org.name) is not None:
            # "Chủ tịch HN Nguyễn Đức Chung", "Phó Chủ tịch Đà Nẵng": the chair of its People's Committee
            org = canonical_org("Ủy ban nhân dân " + province_named(org.name).full_name, context, segment.title) or org
        following = orgs[i + 1] if i + 1 < len(orgs) and not segments[i + 1].party else None
        if following is not None and segment.org_words and _BARE_BOARD.fullmatch(segment.org_words.strip()):
            # "Chủ tịch HĐQT kiêm Tổng Giám đốc Công ty …", "Phó Chủ tịch thường trực HĐQT - Tổng Giám
            # đốc LienVietPostBank": the board of the body the chain names next (about 50 in the corpora)
            if borrowed is not None:
                borrowed[i] = True
            resolved.append(canonical_org(f"{segment.org_words.strip()} {following.name}", context, segment.title))
            continue
        if org is not None:
            resolved.append(org)
            continue
        neighbours = [o for o in orgs[i + 1:] if o is not None] + [o for o in reversed(orgs[:i]) if o is not None]
        neighbour = neighbours[0] if neighbours else None
        if bare[i] and neighbour is not None and neighbour.kind != "party_committee" and \
                not _NO_PARTY_INSIDE.match(neighbour.name):
            resolved.append(party_committee_inside(bare[i][:1].upper() + bare[i][1:], neighbour))
        elif segment.party and not bare[i] and neighbour is not None:
            resolved.append(party_committee_of(neighbour))
        elif not segment.party and not segment.org_words and following is not None and \
                segment.title not in registry().minister_titles:
            # "Phó Chủ tịch, Tổng Thư ký Ủy ban Trung ương MTTQ Việt Nam": one body for both
            resolved.append(following)
        elif not segment.org_words and not segment.fixed_org:
            # "7 Phó tổng giám đốc là …" in a company's news: a title only its kind of body has
            resolved.append(subject_for(segment.title, context.subjects, by_title=True))
        elif bare[i] and main_subject(context.subjects) is not None:
            # "Phó Bí thư Đảng ủy" in a university's staff table: the committee inside the school
            resolved.append(party_committee_inside(bare[i][:1].upper() + bare[i][1:], main_subject(context.subjects)))
        else:
            resolved.append(None)
    for i, org in enumerate(resolved):
        if org is not None and org.name.startswith("Khoa ") and not _HAS_PARENT_BODY.search(org.name):
            # "Phó Giám đốc Bệnh viện Nhi Trung ương, Trưởng khoa Ngoại Tổng hợp": the hospital's faculty
            body = next((o for o in reversed(resolved[:i]) if o is not None and _TEACHING_BODY.match(o.name)), None)
            if body is None:  # "Trưởng khoa Sản" in a story about one hospital: that hospital's
                main = main_subject(context.subjects)
                body = main if main is not None and _TEACHING_BODY.match(main.name) else None
            if body is not None:
                resolved[i] = Org(f"{org.name} {body.name}", org.kind, org.level, body.locality, True,
                                  org.aliases + (org.name,))
    places = [o.locality for o in resolved if o is not None and o.scoped and o.locality]
    if places and context.province is None:
        # "Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban Nhân dân tỉnh Quảng Nam" in an article with no
        # province: one place for the chain
        own = PlaceContext(province_named(places[0]), context.units, context.subjects)
        for i, (segment, org) in enumerate(zip(segments, resolved)):
            if org is not None and not org.scoped and segment.org_words:
                resolved[i] = canonical_org(segment.org_words, own, segment.title) or org
    return resolved


# How sure a statement is, from how it was found (a title chain beside the name is the
# surest; a list under a shared title, a career list, less) and what its organization is
# (one the title's own words name, in the registry or with a known head, or one borrowed
# from a neighbour or the article's subject; an unscoped one).  Exported with the facts;
# `export facts --min-confidence` and the recipes leave out the less sure.
_HOW_SURE = {"chain": 0.9, "appointment": 0.85, "list": 0.8, "career": 0.75}
MIN_CONFIDENCE = 0.5  # statements below it are not kept


def statement_confidence(how: str, org: Org, borrowed: bool) -> float:
    sure = _HOW_SURE.get(how, 0.7)
    if org.level == "central" and org.kind != "other":
        sure += 0.05  # a national body of the registry
    if org.kind == "other":
        sure *= 0.6  # no known head word: often a phrase, not a name
    if borrowed:
        sure *= 0.85
    if not org.scoped:
        sure *= 0.85
    return round(min(sure, 1.0), 2)


# Bodies with no party committee of their own: the unions, the youth union, associations,
# councils ("Phó Bí thư Đảng ủy, Chủ tịch Công đoàn trường" is the school's committee).
_NO_PARTY_INSIDE = re.compile(r"(?:Công đoàn|Đoàn Thanh niên|Hội|Hội đồng|Ban Chấp hành)\b")
_ENDED_AFTER = re.compile(r"[\s,]*(?:đã\s+)?bị\s+(?:kỷ luật\s+)?(?:bằng\s+)?(?:hình thức\s+)?(?:cách chức|cách hết|miễn nhiệm)")
_PERIOD_AFTER = re.compile(r"\s*,?\s*(?:trong\s+)?(?:\d+\s+năm\s+)?(?:từ|giai đoạn)\s+(?:tháng\s+)?(?:\d{1,2}/)?(?:năm\s+)?\d{4}"
                           r"\s*(?:-|–|đến|tới)\s*(?:tháng\s+)?(?:(?P<month>\d{1,2})/)?(?:năm\s+)?(?P<year>\d{4})(?!\d)")
_TERM_AFTER = re.compile(r"\s*,?\s*(?:nhiệm kỳ|khóa [IVXLC]+,? nhiệm kỳ)\s+\d{4}\s*[-–]\s*(\d{4})")
_CHAIR_TITLES = frozenset({"Chủ tịch", "Phó Chủ tịch", "Phó Chủ tịch Thường trực"})
_UNIT_FIRST = re.compile(r"(?:xã|phường|thị trấn|huyện|quận|thị xã|tỉnh|thành phố|TP\.?)\s+[A-ZĐÀ-Ỹ0-9]")
_CLAUSE_BREAK = re.compile(r"[;:]")
_BARE_BOARD = re.compile(r"HĐQT|HĐTV|Hội đồng (?:quản trị|thành viên)", re.I)  # a company's board, no company named
# Words after which a title is someone's object, not the next name's ("báo cáo với Bí thư Thành ủy, bà …").
_THEN_AFTER = re.compile(r"\s*\)?\s*,?\s*(?:vào\s+)?(?:lúc bấy giờ|khi đó|lúc đó|khi ấy|lúc ấy|thời điểm đó|thời điểm ấy|"
                         r"hồi đó|hồi ấy)(?!\w)")
_PERIOD_BEFORE = re.compile(r"(?:giai đoạn|thời kỳ|thời gian|thời điểm)\s+(?:ông|bà|đồng chí)\s+$")
_KIN_BEFORE = re.compile(r"(?<!\w)(?:em|anh|chị|con|cháu|bố|mẹ|cha|vợ|chồng)(?:\s+(?:trai|gái|ruột|rể|dâu|họ|nội|ngoại))?"
                         r"(?:\s+của)?\s+(?:ông|bà)\s+$")
# what may follow the last title of a person's chain (not a name the titles could introduce)
_CHAIN_TAIL = re.compile(r"\s*(?:nhiệm kỳ\s+\d{4}\s*[-–]\s*\d{4}\s*)?(?:[.;]|$|và\s+(?:ông|bà|đồng chí)\s|,\s*[a-zđà-ỹ])")
_UNTIL_NOW = re.compile(r"(?:đến|tới)\s+nay|[Hh]iện\s+(?:nay|là|giữ)")
_NOT_PRESENT_BEFORE = re.compile(r"(?<!\w)(?:đối với|đối|của|mang tên|kỷ luật|thay|tiền nhiệm|tưởng nhớ|tưởng niệm|"
                                 r"viếng|phu nhân|vợ|chồng)\s+(?:cố\s+)?(?:ông|bà|đồng chí)?\s*$")
_YEAR_OPENING = re.compile(r"\W*(?:(?:[Vv]ào|[Tt]rong|[Cc]uối|[Đđ]ầu|[Gg]iữa|[Ss]au|[Tt]rước|[Tt]ừ)\s+)?(?:(?:[Nn]gày|[Tt]háng)\s+[\d/.-]+\s+)*"
                           r"(?:[Nn]ăm\s+)?((?:19|20)\d\d)\b(?!\s*(?:[-–đ]|đến))")
_TEACHING = r"(?:Bệnh viện|Trường|Học viện|Đại học|Viện)\s"
_TEACHING_BODY = re.compile(_TEACHING)  # a name that is such a body
_HAS_PARENT_BODY = re.compile(rf"\s{_TEACHING}")  # a name that names one inside it
_DASH_TO_NEXT = re.compile(r"\s*[-–]\s*(?:ông|bà|đồng chí)\s+")
_OBJECT_PERSON_BEFORE = re.compile(r"(?<!\w)(?:đối với|với|cho|của|về|gặp|tiếp|thăm)\s+(?:ông|bà|đồng chí)?\s*$")
# "Giám đốc kinh doanh Công ty Doji", "Giám đốc sản phẩm FPT Play Box": a function is part of the title
_FUNCTION_FIRST = re.compile(r"(kinh doanh|marketing|tài chính|sản phẩm|dự án|nhân sự|kỹ thuật|truyền thông|"
                             r"phát triển dịch vụ|phát triển kinh doanh|chiến lược|vận hành|công nghệ)\s+(?=[A-ZĐ])")


def _link_at(sentence: str, pos: int, limit: int) -> tuple[Optional[re.Match], Optional[str]]:
    """A link verb at `pos` ("được bầu làm", "thôi giữ chức") and the status it gives."""
    link = cues().link.match(sentence, pos, limit)
    return link, cues().link_status.get(re.sub(r"\s+", " ", link.group(1).casefold())) if link else None


def _with_function(segment: Segment) -> Segment:
    found = _FUNCTION_FIRST.match(segment.org_words or "")
    if found is None or not segment.title.startswith(("Giám đốc", "Phó Giám đốc", "Trưởng phòng", "Phó Trưởng phòng")):
        return segment
    return replace(segment, title=f"{segment.title} {found.group(1)}", org_words=segment.org_words[found.end():])


_DIED = re.compile(r"(?<!\w)(?:đã|vừa)\s+(?:từ trần|qua đời|tạ thế)|(?<!\w)(?:từ trần|tạ thế)\s+(?:vào|lúc|hồi|ngày)")
_REPLACES = re.compile(r"\s*,?\s*thay\s+(?:thế\s+)?(?:cho\s+)?(?:ông|bà|đồng chí)\s+")
_ON_BEHALF_BEFORE = re.compile(r"(?<!\w)(?:thay mặt|thừa lệnh|thừa [uủ]y quyền(?: của)?|đáp lời|theo lời)\s+$", re.I)
_OBJECT_BEFORE = re.compile(r"(?<!\w)(?:với|cho|gặp|tặng|thăm|tiếp|mời|gửi|của|chúc mừng)\s+$", re.I)
# "ông Lâm Minh Đằng (Chánh Văn phòng …)", "Trương Tấn Sang (khi đó là Bí thư Thành ủy TP.HCM)":
# group 1 says the post was held then, not now
_PAREN_AFTER_NAME = re.compile(r"\s*\(\s*(?:(khi đó|lúc đó|khi ấy|lúc ấy|thời điểm đó|đang|hiện)\s+)?"
                               r"(?:(?:là|làm|giữ chức(?: vụ)?)\s+)?")


def _clause_start(sentence: str, pos: int) -> int:
    """Just after the last ";" or ":" before `pos` (0 if none)."""
    breaks = _clause_breaks(sentence)
    return breaks[bisect_right(breaks, pos) - 1]


@lru_cache(maxsize=4)
def _clause_breaks(sentence: str) -> list[int]:
    """0 and the end of every clause break, found once per sentence (asked for each name in it)."""
    return [0, *(m.end() for m in _CLAUSE_BREAK.finditer(sentence))]


def _modifier_start(sentence: str, region_start: int, title_start: int) -> int:
    """Include a modifier ("nguyên", "Quyền", "tân") right before a title."""
    lex = title_lexicon()
    window_start = max(region_start, title_start - 12)
    for i in range(window_start, title_start):
        match = lex.modifier_at.match(sentence, i)
        if match and match.end() == title_start and (i == 0 or not sentence[i - 1].isalnum()):
            return i
    return title_start


def _inside_parentheses(sentence: str, pos: int) -> bool:
    """"Bà Trần Thị Thanh Hoa (em dâu ông Hùng) là …": the aside names nobody's post."""
    opening, closing = _parentheses(sentence)
    return _last_before(opening, pos) > _last_before(closing, pos)


@lru_cache(maxsize=4)
def _parentheses(sentence: str) -> tuple[list[int], list[int]]:
    """Where "(" and ")" stand, found once per sentence (asked for each name in it)."""
    return [m.start() for m in _OPENING.finditer(sentence)], [m.start() for m in _CLOSING.finditer(sentence)]


_OPENING, _CLOSING = re.compile(r"\("), re.compile(r"\)")


def _last_before(positions: list[int], pos: int) -> int:
    index = bisect_left(positions, pos)
    return positions[index - 1] if index else -1


_NORMATIVE = re.compile(r"phải là người|phải có|phải đáp ứng|tiêu chuẩn|điều kiện|được quy định|theo quy định")


def _career_position(sentence: str) -> Optional[int]:
    """Where a career list begins; none in a rule's text ("Tổng bí thư phải là người đã kinh qua …")."""
    lowered = sentence.lower()
    if not any(word in lowered for word in cues().career_words):
        return None
    match = cues().career.search(sentence)
    return match.end() if match and not _NORMATIVE.search(sentence, 0, match.start()) else None


# -- the article's main event and who attended it ---------------------------------------------
def main_event(title: Optional[str], lead: list[str], date: Optional[str], reported_congress: bool,
               context: PlaceContext) -> Optional[EventMention]:
    if reported_congress:
        return None
    for text in ([title] if title else []) + lead[:3]:
        lowered = text[:600].lower()
        if not cues().any_event.search(lowered):
            continue
        for kind, pattern in cues().events.items():
            if kind == "congress":
                continue
            match = pattern.search(lowered)
            if match:
                return EventMention(name=(title or text)[:200], kind=kind, date=date, organization=None,
                                    sentence=text)
    return None


def attendance(sentences: list[str], reader: ArticleReader, event_kind: str) -> list[Attendance]:
    """Persons in sentences that place them at the main event, with their role."""
    found: dict[str, Attendance] = {}
    for sentence in sentences:
        role = _presence_role(sentence, event_kind)
        if role is None:
            continue  # (the cheap test first: most sentences place nobody at the event)
        # "kết luận thi hành kỷ luật đối ông Bùi Văn Sang", "mang tên ông Võ Trần Chí": the sentence is
        # about them, they are not at the event
        for mention in reader.person_mentions(sentence):
            if mention.name not in found and \
                    not _NOT_PRESENT_BEFORE.search(sentence, max(0, mention.start - 40), mention.start):
                found[mention.name] = Attendance(mention.name, role, sentence)
    return list(found.values())


def _presence_role(sentence: str, event_kind: str) -> Optional[str]:
    """The role the first presence cue of the sentence gives (cues.yaml order), or None."""
    if not cues().any_presence.search(sentence):
        return None
    for role, pattern in cues().presence:
        if role == "appointed_at_ceremony":
            if event_kind != "ceremony":
                continue
            role = "elected"
        if pattern.search(sentence):
            return role
    return None


def extract_article(raw: RawArticle) -> Extraction:
    """All statements of one article."""
    text, title, meta_date = raw.text, raw.title, raw.date
    if raw.html:
        text, html_title, html_date = html_to_article(raw.text)
        title, meta_date = title or html_title, meta_date or html_date
    elif looks_like_markdown(text):
        text = markdown_to_text(text)
    key = raw.key or article_key(raw.text)
    normalized = normalize_text(text)
    clean = clean_article(normalized, title=normalize_text(title) if title else None)
    date = parse_article_date(clean.stamps, clean.paragraphs, meta_date)
    if raw.undated is not None and not meta_date and (date is None or not raw.undated.contains(date)):
        date = raw.undated.partial  # `load --date`: the archive's period, not a date from the text outside it
    province = article_locality(clean.title, clean.paragraphs, "\n".join(clean.debris + clean.stamps))
    body = "\n".join(([clean.title] if clean.title else []) + clean.paragraphs)
    if province is None:  # "xã Quảng Yên, huyện Quảng Xương": districts that only one province has
        named = province_of_districts(body)
        province = province_named(named) if named else None
    context = PlaceContext.from_text(province, body)
    weighted = ([(clean.title, 2)] if clean.title else []) + [(p, 1) for p in clean.paragraphs]
    context.subjects = LazySubjects(lambda: find_subjects(weighted, lambda words: canonical_org(words, context)))
    day = event_date(clean.paragraphs, date)
    as_of = date or (day if day and len(day) == 10 else None)
    if date and len(date) < 10 and day and len(day) == 10 and day.startswith(date) and \
            (raw.undated is None or raw.undated.contains(day)):
        as_of = day  # the event's day inside a partial article date says more
    authors = clean.bylines
    excluded = {fold(a) for a in authors}
    sentences = ([clean.title] if clean.title else []) + split_lines_and_sentences(clean.paragraphs)
    reader = ArticleReader(context, as_of, date, excluded)
    sentences = join_table_rows(sentences, reader)
    for sentence in sentences:
        reader.read(sentence)
    info = ArticleInfo(key=key, source=raw.source, title=clean.title, date=date,
                       locality=province.name if province else None, url=raw.url)
    congresses = find_congresses(sentences, context, clean.title, day or date)
    reported = any(c.reported for c in congresses)
    lead = clean.paragraphs[:3]
    event = main_event(clean.title, lead, day or date, reported, context)
    attended = attendance(sentences, reader, "congress" if reported else event.kind) if (reported or event) else []
    persons = list(dict.fromkeys(reader.persons + [a.person for a in attended]))
    return Extraction(
        article=info,
        held_office=_dedupe([h for h in reader.settled() if h.person not in reader.foreign]),
        subordination=find_subordination(sentences, context),
        congresses=congresses,
        event=event,
        attendance=attended,
        persons=persons,
        authors=authors,
    )


def _dedupe(held: list[HeldOffice]) -> list[HeldOffice]:
    seen = set()
    out = []
    for h in held:
        ident = (h.person, h.title, h.organization.name, h.status, h.sentence)
        if ident not in seen:
            seen.add(ident)
            out.append(h)
    return out
