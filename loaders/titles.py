"""Title chains: "Ủy viên Trung ương Đảng, Bí thư Thành ủy, Trưởng Đoàn đại biểu Quốc
hội Hải Phòng" → segments of (title, organization words).

Every title in a comma chain belongs to the same person (domain.md §2).  A title
is matched against `lexicons/titles.yaml`, longest form first; the organization's
words follow it and end at punctuation, at a verb, at a person's name, or where a
new title begins without a comma.  "Phó" titles are separate forms, so a deputy
never collapses into the full title.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from orggraph.loaders.lexicon import load_yaml, phrase_pattern
from orggraph.loaders.names import UPPER, find_person_names
from orggraph.loaders.organizations import PARENT_BODY, PARENT_BODY_ANY_CASE, is_vietnamese_syllable
from orggraph.loaders.places import find_provinces
from orggraph.loaders.registry import body_name_at
from orggraph.loaders.organizations import lexicon as org_lexicon


@dataclass(frozen=True)
class TitleForm:
    form: str
    title: str
    org: Optional[str] = None
    org_head: Optional[str] = None
    implied_org: Optional[str] = None
    party: bool = False
    strong: bool = False
    single: bool = False


@dataclass(frozen=True)
class Segment:
    """One title of a chain, with the words naming its organization (if any)."""

    title: str
    org_words: Optional[str]
    fixed_org: Optional[str]
    party: bool
    former: bool
    new: bool
    start: int
    end: int


@dataclass(frozen=True)
class TitleLexicon:
    forms: dict[str, TitleForm]  # casefolded form -> TitleForm
    title_at: re.Pattern  # matches a title form at a position
    modifier_at: re.Pattern
    former: frozenset[str]
    acting: frozenset[str]
    new: frozenset[str]
    strong_at: re.Pattern
    rank_at: re.Pattern
    title_in_lowercase: re.Pattern  # the same forms, for searching lowercased text (3x faster than re.I)
    honorific_at: re.Pattern  # "GS", "TS": a person follows, not more of a name


@lru_cache(maxsize=1)
def title_lexicon() -> TitleLexicon:
    entries = load_yaml("titles.yaml")
    cues = load_yaml("cues.yaml")
    forms: dict[str, TitleForm] = {}
    for entry in entries:
        for written in entry["forms"]:
            for form in abbreviated_forms(written):
                forms.setdefault(form.casefold(), TitleForm(form, entry["title"], entry.get("org"),
                                                             entry.get("org_head"), entry.get("implied_org"),
                                                             bool(entry.get("party")), bool(entry.get("strong")),
                                                             bool(entry.get("single"))))
    boundary_after = r"(?![\w])"
    title_at = re.compile(rf"(?:{phrase_pattern([f.form for f in forms.values()])}){boundary_after}", re.I)
    strong = [f.form for f in forms.values() if f.strong]
    strong_at = re.compile(rf"(?:{phrase_pattern(strong, casefold=False)}){boundary_after}")
    modifiers = cues["former_modifiers"] + cues["acting_modifiers"] + cues["new_modifiers"]
    modifier_at = re.compile(rf"({phrase_pattern(modifiers)})\s+", re.I)
    rank_at = re.compile(rf"(?:{phrase_pattern(cues['ranks'] + cues['person_cues'], casefold=False)})(?![\w])")
    title_in_lowercase = re.compile(rf"(?:{phrase_pattern([f.form for f in forms.values()], word_start=True)}){boundary_after}")
    honorific_at = re.compile(rf"(?:{phrase_pattern(cues['honorifics'], casefold=False)})(?![\w])")
    return TitleLexicon(forms, title_at, modifier_at, frozenset(m.casefold() for m in cues["former_modifiers"]),
                        frozenset(m.casefold() for m in cues["acting_modifiers"]),
                        frozenset(m.casefold() for m in cues["new_modifiers"]), strong_at, rank_at,
                        title_in_lowercase, honorific_at)


# How the press shortens the words of a title ("Bí thư T.Ư Đảng", "Ủy viên BCH TW Đảng"):
# every form is also matched with these short forms, so the lexicon lists each title once.
_SHORT_FORMS = (("Trung ương", ("TW", "TƯ", "T.Ư", "T.W")), ("Ban Chấp hành", ("BCH",)),
                ("Ban Thường vụ", ("BTV",)), ("Ủy ban Kiểm tra", ("UBKT",)))


def abbreviated_forms(form: str) -> list[str]:
    """`form` and its spellings with the press's short forms of its words."""
    out = [form]
    for long, shorts in _SHORT_FORMS:
        out += [f.replace(long, short) for f in list(out) if long in f for short in shorts]
    return list(dict.fromkeys(out))


@lru_cache(maxsize=None)
def is_single_holder(title: str, organization: str) -> bool:
    """One holder at a time: "Bí thư" of a Tỉnh ủy, but not a "Bí thư" of the Ban Bí thư
    (the Secretariat has several), nor a deputy or member — except the standing deputy
    ("Phó Bí thư Thường trực"), of whom there is one."""
    forms = [f for f in title_lexicon().forms.values() if f.title == title]
    if any(f.org == organization and not f.single for f in forms):
        return False
    return any(f.single for f in forms)


def find_titles(text: str, start: int = 0, end: Optional[int] = None) -> list[tuple[int, int]]:
    """(start, end) of every title form in text[start:end], at word boundaries."""
    lex = title_lexicon()
    end = len(text) if end is None else end
    lowered = _lowered(text)
    if lowered is None:  # a rare letter whose lowercase is longer: search the slow way
        return [m.span() for m in lex.title_at.finditer(text, start, end)
                if m.start() == 0 or not text[m.start() - 1].isalnum()]
    # "tại Phủ Chủ tịch, Chủ tịch nước Trần Đại Quang": the Presidential Palace is a building
    return [m.span() for m in lex.title_in_lowercase.finditer(lowered, start, end)
            if not lowered.endswith("phủ ", 0, m.start())]


@lru_cache(maxsize=4)
def _lowered(text: str) -> Optional[str]:
    """The sentence in lowercase, once per sentence (extraction asks for each name in it), or
    None when lowercasing changes its length."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


def has_title(text: str) -> bool:
    lowered = text.lower()
    return bool(title_lexicon().title_in_lowercase.search(lowered)) if len(lowered) == len(text) else \
        bool(title_lexicon().title_at.search(text))


def match_title(text: str, pos: int) -> Optional[tuple[TitleForm, int, int]]:
    """The title form starting exactly at `pos`, its start and end."""
    lex = title_lexicon()
    match = lex.title_at.match(text, pos)
    if not match or text[max(0, pos - 4):pos].lower() == "phủ ":
        return None  # "Bộ trưởng Phủ Thủ tướng", "Phủ Chủ tịch": a building or an office, not the title
    form = lex.forms.get(re.sub(r"\s+", " ", match.group(0)).casefold())
    if form is None:
        return None
    return form, match.start(), match.end()


_WORD = re.compile(r"\S+")
_PREVENTION = re.compile(r",\s*chống\b", re.I)
# Bodies that other units belong to, when they follow the unit after a comma.
_PARENT_ORG = re.compile(rf",\s*{PARENT_BODY_ANY_CASE}\s")
# "Phòng Nghiệp vụ du lịch thuộc Sở Văn hóa …", "Trung tâm Kiểm định … thuộc Đại học Quốc gia Hà Nội"
# only units that need their parent to be told apart take it ("Xí nghiệp Cơ khí hàng hải 131" is whole)
_SUB_UNIT = re.compile(r"(?:Phòng|Ban|Khoa|Bộ môn|Trung tâm|Văn phòng|Chi cục|Đội|Vụ|Cục|Viện|Trường)\s", re.I)
_BELONGS_TO = re.compile(rf"(?:trực\s+)?thuộc\s+(?={PARENT_BODY}\s)")


def _is_name_word(word: str, name_words: frozenset[str]) -> bool:
    """"công chức-viên chức": each part of a hyphenated word counts."""
    return all(part in name_words for part in word.lower().split("-") if part)


def _next_is_capitalized(text: str, pos: int, limit: int) -> bool:
    """"Ủy ban Dân tộc Đỗ Văn Chiến", "Hội đồng Nhân dân": a word between capitalized ones."""
    nxt = _WORD.match(text, _skip_space(text, pos))
    return bool(nxt) and nxt.start() < limit and nxt.group(0)[:1].isupper() and not \
        org_lexicon().stop_phrases.match(text, nxt.start()) and not org_lexicon().sentence_openers.match(text, nxt.start())


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos
_CLOSE_PUNCT = ",;:.!?\"“”'’)]"
_ABBREVIATED_UNIT = re.compile(r"(?<![\w.])(?:TP|Tp|TX|Q|H|P)$")
_CAPITAL_NEXT = re.compile(r"\s?[A-ZĐÀ-Ỹ0-9]")
UNIT_WORD_AT = re.compile(r"(?:xã|phường|thị trấn|huyện|quận|thị xã|tỉnh|thành phố|thôn|ấp|bản)\b")
UNIT_WORD_BEFORE = re.compile(r"\b(?:xã|phường|thị trấn|huyện|quận|thị xã|tỉnh|thành phố|thôn|ấp|bản)\s+(?:[A-ZĐÀ-Ỹ]\w*\s+)*$")
_ROMAN = re.compile(r"^[IVXLC]+$")


_ENUMERATED_NAME = re.compile(r",\s*[A-ZĐ][\wÀ-ỹ]*(?:\s+[\wÀ-ỹ]+){0,3}\s+và\s+[A-ZĐ]")
_COUNT_AFTER_AND = re.compile(r"\s+(?:\d+|một số|các|những|nhiều)\s+(?:bị can|bị cáo|người|cán bộ|đồng chí|cá nhân|đơn vị|tập thể|"
                              r"thành viên|doanh nghiệp)\b")
_BRANCH = re.compile(r"(?:Nhà khách|Văn phòng|Chi nhánh|Cơ quan thường trú|Cơ quan đại diện|Trung tâm|Phân viện|"
                     r"Phân hiệu)\s", re.I)
_TOPIC_BOARD = re.compile(r"(?:Ban|Ủy ban|Hội đồng|Tiểu ban)\s+(?:[Cc]hỉ đạo|[Qq]uốc gia|Nhà nước)", re.I)
_STARTS_WITH_PARENT = re.compile(rf"{PARENT_BODY}\s")
_LEGAL_FORMS = frozenset({"TNHH", "MTV", "CP", "TMCP", "CTCP", "TNHH MTV"})


def _name_at(text: str, pos: int) -> bool:
    """A person's name (or a word no Vietnamese syllable spells, a foreign name's) begins at `pos`;
    not "Phong Nha Kẻ Bàng" after "Vườn Quốc gia (VQG)"."""
    found = find_person_names(text[pos:pos + 40])
    if found and found[0][0] == 0:
        return True
    word = _WORD.match(text, pos)
    return bool(word) and not is_vietnamese_syllable(word.group(0).rstrip(_CLOSE_PUNCT))


def _place_at(text: str, pos: int) -> bool:
    """A province's name begins at `pos` ("Sở Y tế (SYT) Quảng Nam")."""
    found = find_provinces(text[pos:pos + 40])
    return bool(found) and found[0].start == 0


def _abbreviated_honorific(text: str, pos: int) -> bool:
    """"PGS.TS", "BSCK2" at `pos`; not "Luật sư" or "Nhà báo", which also begin names ("Hội Nhà báo")."""
    match = title_lexicon().honorific_at.match(text, pos)
    return bool(match) and any(ch.isupper() for ch in match.group(0)[1:])


def scan_org_words(text: str, pos: int, limit: int, max_words: int = 22) -> tuple[str, int]:
    """The words naming an organization from `pos` on, and where they end."""
    lex = org_lexicon()
    tlex = title_lexicon()
    end = pos
    i = pos
    words = 0
    descriptive = bool(lex.descriptive_head.match(text, _skip_space(text, pos)))
    recent: list[int] = []  # where the last words began (a compound may span them)
    place_named = False  # a unit's place ("xã Quảng Yên") was named: the name ends with it
    after_paren = False  # a parenthesis closed the name: a capitalized word after it begins another
    topic = False  # a steering board's "về …": what it steers belongs to its name
    capitals = run = plain = 0  # capitalized words so far (the head's included), how many in a row,
    # and ordinary words in a row that only a descriptive head lets in
    if _abbreviated_honorific(text, _skip_space(text, pos)):
        return "", pos  # "tân Hiệu trưởng PGS.TS Lưu Trang": a degree, then the person
    if text[_skip_space(text, pos):_skip_space(text, pos) + 1].isupper() and match_title(text, _skip_space(text, pos)) \
            and not text[max(0, pos - 10):pos].rstrip().endswith("Văn phòng"):
        # "Bộ trưởng Chủ nhiệm Văn phòng Chính phủ": a second title, not a name (but the Office
        # of the President is named after a title: "Chủ nhiệm Văn phòng Chủ tịch nước")
        return "", pos
    whole = body_name_at(text, _skip_space(text, pos))
    if 0 < whole <= limit:  # a national body's name is taken whole, however ordinary its words
        words = len(text[pos:whole].split())  # ("Đài Tiếng nói Việt Nam"); what follows is judged as usual,
        i = end = whole
        capitals = words
        nxt = _skip_space(text, whole)
        if nxt < limit and text[nxt].islower():  # but it never goes on in lowercase ("Bộ Nội vụ chỉ đạo …")
            return text[pos:whole].strip(), whole
    while i < limit and words < max_words:
        while i < limit and text[i] == " ":
            i += 1
        if i >= limit:
            break
        ch = text[i]
        if ch == "(":
            close = text.find(")", i, min(limit, i + 80))
            if close == -1:
                break
            inner = text[i + 1:close]
            if re.search(r"[A-ZĐ]", inner) and not re.search(r"\d{4}|SN|[Ss]inh", inner):
                end = i = close + 1
                after_paren = True
                continue
            break
        if after_paren and text[i].isupper() and not _place_at(text, i) and _name_at(text, i):
            break  # "UNESCO (…) Irina Bokova", "Viễn thông Hà Nội (Hanoi Telecom) Nguyễn Hiền Phương": a name
        after_paren = False  # "Kho bạc Nhà nước (KBNN) tỉnh Phú Yên": only the word right after it
        if ch == "-" and i + 1 < limit and text[i + 1] == " ":
            nxt = _WORD.match(text, i + 2)
            if nxt and words and (nxt.group(0)[:1].isupper() or (not place_named and nxt.group(0).lower() in lex.name_words)) \
                    and not match_title(text, i + 2) and not lex.stop_phrases.match(text, i + 2) \
                    and not tlex.modifier_at.match(text, i + 2) \
                    and not tlex.honorific_at.match(text, i + 2):
                i = i + 2
                continue
            break
        if ch == "," and text[max(0, i - 5):i].lower() == "phòng" and _PREVENTION.match(text, i):
            i += 1  # "Phòng, chống tệ nạn xã hội"
            continue
        if ch == "," and words and descriptive and _ENUMERATED_NAME.match(text, i, limit) and \
                not match_title(text, _skip_space(text, i + 1)) and not find_person_names(text[i + 1:i + 40])[:1]:
            i += 1  # "Viện Hợp tác, Nghiên cứu và Đào tạo quốc tế": an enumeration inside the name
            continue
        if ch == "," and words and _PARENT_ORG.match(text, i) and not match_title(text, _skip_space(text, i + 1)):
            i += 1  # "Cục Hợp tác quốc tế, Bộ GD&ĐT": the unit, then the body it belongs to
            continue
        belongs = _BELONGS_TO.match(text, i) if words and ch == "t" else None
        if belongs and _SUB_UNIT.match(text, _skip_space(text, pos)):
            i = belongs.end()  # the unit, "thuộc", then the body it belongs to
            continue
        if ch == "." and _ABBREVIATED_UNIT.search(text, max(pos, i - 3), i) and _CAPITAL_NEXT.match(text, i + 1):
            i += 1  # "Phòng GD&ĐT TP. Quảng Ngãi": the abbreviation's period, then the place
            continue
        if ch in _CLOSE_PUNCT or ch == "\n":
            break
        if words and text.startswith("tại ", i) and _place_at(text, i + 4) and _BRANCH.match(text, _skip_space(text, pos)):
            i += 4  # "Nhà khách Quốc hội tại Đà Nẵng", "Văn phòng đại diện tại TP.HCM": the branch's place
            words += 1
            continue
        if words and not topic and text.startswith("về ", i) and _TOPIC_BOARD.match(text, _skip_space(text, pos)):
            # "Ban Chỉ đạo Nhà nước về Du lịch", "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng"
            topic, plain, run = True, 0, 0
            words += 1
            i += 3
            continue
        if words and lex.stop_phrases.match(text, i) and not text[i].isupper() and \
                not any((c := lex.name_compounds.match(text, w)) and c.end() > i for w in recent[-3:]):
            break  # "… cho biết"; but "Cục An toàn thông tin" holds its compound
        if words and lex.sentence_openers.match(text, i):
            break  # "… Bất động sản TP.HCM Theo ông Liêm": a caption runs into the next sentence
        if place_named and not text[i].isupper() and not UNIT_WORD_AT.match(text, i):
            break  # "Ban Chỉ huy Quân sự xã Quảng Yên tự …": a name ends with its place
        if words and tlex.strong_at.match(text, i) and not re.search(r"\bBan\s*$", text[pos:i]):
            break
        if words and (tlex.rank_at.match(text, i) or _abbreviated_honorific(text, i)):
            break  # "Giám đốc CATP và Đại tá Lê Thanh Hải", "Trung tâm Hô hấp và BSCK2 Lê Thanh Chương"
        match = _WORD.match(text, i)
        word = match.group(0).rstrip(_CLOSE_PUNCT)
        if not word:
            break
        if word == "và" and (_COUNT_AFTER_AND.match(text, match.end()) or
                             match_title(text, _skip_space(text, match.end()))):
            break  # "Cty MHBS và 11 bị can khác" (a count of people); "Hội Toán học Việt Nam và Tổng biên tập …"
        first = word[0]
        compound = next((c for c in (lex.name_compounds.match(text, w) for w in recent[-2:]) if c), None)
        if compound and compound.end() >= match.start() + len(word) and not first.isupper():
            run = plain = 0  # "Hàng không": the second word of a compound the name began
        elif word in _LEGAL_FORMS:  # "Công ty TNHH MTV Thiết kế và tư vấn …": a company's legal form
            pass
        elif first.isupper() or first.isdigit() or _ROMAN.match(word) or "&" in word:
            capitals += 1
            run += 1 if words else 0  # the head word starts no proper name
        elif _is_name_word(word, lex.name_words) or (words and word.lower() not in lex.not_name_words
                                                     and _next_is_capitalized(text, match.end(), limit)):
            run = plain = 0
        elif (descriptive or topic) and words and (capitals <= 3 or topic) and run < 2 and plain < (8 if topic else 4) \
                and word.replace("-", "").isalpha() \
                and word.lower() not in lex.not_name_words and not lex.not_name_phrases.match(text, match.start()):
            # after a head whose names are ordinary words ("Cục Bản quyền tác giả"), a few of them;
            # but not after a proper name ("Cục Hàng hải Việt Nam xung quanh …": the sentence goes on)
            run = 0
            plain += 1
        else:
            break  # a lowercase word stays inside a name only before another capitalized word
        words += 1
        recent.append(match.start())
        if first.isupper() and UNIT_WORD_BEFORE.search(text, pos, match.start()):
            place_named = True
        i = match.start() + len(word)
        end = i  # punctuation glued to the word is judged at the top of the loop
    phrase = text[pos:end]
    # Trailing connectors, and first syllables whose second is missing ("… Trường Hải đảm
    # nhận"), belong to what follows, not to the name.
    trimmed = re.sub(r"(?:\s+(?:và|các|của|cùng|với|đảm|bảo|xây|kiểm|chấp|thực|giải|tham|quản|phát))+$", "", phrase)
    return trimmed.strip(), pos + len(trimmed.rstrip())


# ";" separates persons in lists ("A, Bí thư …; B, Chủ tịch …"), so it ends a chain.
_SPACE = re.compile(r"\s+")
_OF = re.compile(r"\s+của\s+(?=\w)")
# "Phó Tổng Biên tập phụ trách Tạp chí Cộng sản": in charge of, before the organization
# "… phụ trách sản xuất tại Xí nghiệp …": what the post is in charge of, then where
_IN_CHARGE = re.compile(rf"\s+phụ trách(?:\s+[a-zà-ỹđ]+){{0,5}}?(?:\s+tại)?(?=\s+[{UPPER}])")
_SEPARATOR = re.compile(r"\s*(?:,|\s-\s|–|\bkiêm\b|\bđồng thời là\b|\bvà\b)\s*")


def parse_chain(text: str, pos: int, limit: Optional[int] = None) -> tuple[list[Segment], int]:
    """Parse consecutive titles from `pos`; return them and where the chain ends."""
    lex = title_lexicon()
    limit = len(text) if limit is None else limit
    segments: list[Segment] = []
    former = False
    i = pos
    chain_end = pos
    while i < limit:
        j = i
        while j < limit and text[j] == " ":
            j += 1
        acting = new = False
        modifier = lex.modifier_at.match(text, j)
        while modifier and modifier.end() <= limit:
            word = modifier.group(1).casefold()
            if word in lex.former:
                former = True
            elif word in lex.acting:
                acting = True
            elif word in lex.new:
                new = True
            j = modifier.end()
            modifier = lex.modifier_at.match(text, j)
        found = match_title(text, j)
        if not found or found[2] > limit:
            break
        form, start, end = found
        title = ("Quyền " + form.title) if acting else form.title
        org_words = None
        if form.org is None:
            in_charge = _IN_CHARGE.match(text, end)
            if in_charge:
                end = in_charge.end()
            org_start = end
            of = _OF.match(text, end)
            if of and of.end() < limit:
                org_start = end = of.end()  # "Hiệu trưởng của trường", "Giám đốc của công ty Nhã Khắc Lâm"
            # "Trưởng Phòng GD&ĐT": the form's "Phòng" begins the name; but "Trưởng phòng Phòng,
            # chống tệ nạn xã hội" heads the department "Phòng Phòng, chống …" (prevention).
            repeated = re.match(rf"\s*{re.escape(form.org_head)}\b(?!,?\s*chống\b)", text[end:], re.I) \
                if form.org_head else None
            head_first = False
            if form.org_head and not repeated:
                head_at = text.lower().rfind(form.org_head.lower(), start, end)
                # a head that opens the title names the unit again ("Đội trưởng Đội CSGT quận 12"); without
                # it, "Đội trưởng Viettel", "Đội trưởng U21 Việt Nam" is a sports team's captain: no post
                head_first = head_at == start
                org_start = head_at if head_at >= 0 and not head_first else end
            words, org_end = scan_org_words(text, org_start, limit)
            if head_first:
                words = ""
            if form.org_head and words.lower() == form.org_head.lower():
                words = ""
            if form.implied_org and not words.startswith(form.implied_org) and \
                    not (words and _STARTS_WITH_PARENT.match(words)):  # "Đảng ủy viên Đảng ủy Kho bạc"; but
                # "nguyên Vụ trưởng Bộ Ngoại giao" names the ministry, not a department
                words = f"{form.implied_org} {words}".strip()
            org_words = words or None
            end = max(end, org_end)
        segments.append(Segment(title, org_words, form.org, form.party, former, new, start, end))
        if org_words or form.org:
            # "nguyên Bí thư, Chủ tịch UBND huyện" share one organization and both ended;
            # after a title with its own organization, "nguyên" no longer applies.
            former = False
        chain_end = end
        sep = _SEPARATOR.match(text, end) or _SPACE.match(text, end)  # a missing comma: "Bí thư Đảng ủy Giám đốc …"
        if not sep or sep.end() >= limit:
            break
        nxt = sep.end()
        rank = lex.rank_at.match(text, nxt)
        if rank:
            after_rank = _SEPARATOR.match(text, rank.end())
            if after_rank and match_title(text, after_rank.end()):
                nxt = after_rank.end()
        m = lex.modifier_at.match(text, nxt)
        probe = m.end() if m else nxt
        if not match_title(text, probe):
            break
        i = nxt
    return segments, chain_end
