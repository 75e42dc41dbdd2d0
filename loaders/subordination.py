"""Subordination, only where an article states it: "Xí nghiệp Cơ khí hàng hải 131
thuộc Công ty Bảo đảm an toàn hàng hải I", "Đảng bộ khối các cơ quan thành phố … là
Đảng bộ cấp trên cơ sở trực thuộc Thành ủy", "với vị trí là cấp ủy trực thuộc tỉnh,
… Đảng ủy Khối các Cơ quan tỉnh …".

The parent is what follows "(trực) thuộc" ("tỉnh" alone means the province's party
committee).  The child is the organization named right before it, or, for a party
parent, the sentence's named party organization.  Plural subjects ("các cấp ủy cơ
sở trực thuộc Đảng ủy Khối", "64 chi, đảng bộ trực thuộc") state no single relation
and are skipped, and so is a relation whose either end is no named organization
of a known kind ("Nguy cơ phụ thuộc Trung Quốc" is a dependence, not a structure;
"vốn Nhà nước, trực thuộc Tổng công ty này" names no organization).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from orggraph.loaders.congresses import party_orgs_in
from orggraph.loaders.organizations import PlaceContext, canonical_org, find_head, lexicon
from orggraph.loaders.statements import Org, Subordination
from orggraph.loaders.titles import scan_org_words, title_lexicon

# "phụ thuộc" (depends on), "lệ thuộc", "tùy thuộc" state no structure
_UNDER = re.compile(r"(?<!\w)(?<!phụ )(?<!Phụ )(?<!lệ )(?<!tùy )(?<!tuỳ )(?:trực thuộc|thuộc)\s+")
_PLURAL = re.compile(r"(?:\b(?:các|những|nhiều|mỗi)\b|\b\d+\s+\w)[^;.]{0,40}$", re.I)
# "thành phố trực thuộc Trung ương": a city's administrative rank, not a party relation
_ADMINISTRATIVE = re.compile(r"\b(?:thành phố|tỉnh|đô thị)\s*$")
_UNIT_PARENT = {"tỉnh": "Tỉnh ủy", "thành phố": "Thành ủy", "trung ương": "Ban Chấp hành Trung ương Đảng",
                "thành ủy": "Thành ủy", "tỉnh ủy": "Tỉnh ủy"}
_PARENT_START = re.compile(r"(?:Ban Chấp hành |Đảng bộ |Đảng ủy |Thành ủy|Tỉnh ủy|Huyện ủy|Quận ủy|Thị ủy|"
                           r"tỉnh\b|thành phố\b|Trung ương\b)")


def _parent(sentence: str, pos: int, context: PlaceContext) -> Optional[Org]:
    if not (_PARENT_START.match(sentence, pos) or sentence[pos:pos + 1].isupper()):
        return None
    words, _ = scan_org_words(sentence, pos, len(sentence))
    bare = _UNIT_PARENT.get(words.strip().lower())
    if not bare and len(words.split()) < 2:
        return None
    return canonical_org(bare or words, context)


def _adjacent_child(sentence: str, pos: int) -> Optional[str]:
    """The name that ends right before "thuộc": walk back over capitalized words and
    the words names are made of, to a separator or another word."""
    name_words = lexicon().name_words
    words = sentence[:pos].split()
    taken: list[str] = []
    for word in reversed(words):
        bare = word.rstrip(",;:")
        if bare != word and taken or word in ("-", "–"):
            break
        if bare[:1].isupper() or bare[:1].isdigit() or bare.lower() in name_words:
            taken.append(bare)
        else:
            break
    taken.reverse()
    while taken and not taken[0][:1].isupper():
        taken.pop(0)
    name = " ".join(taken)
    if len(taken) < 2 or taken[0].casefold() in _post_words():
        return None  # "Trưởng một tiểu ban thuộc …" names a post, not a unit
    return name


@lru_cache(maxsize=1)
def _post_words() -> frozenset[str]:
    """Words that begin titles but never organizations ("Trưởng", "Phó", "Giám")."""
    titles = {form.split()[0].casefold() for form in title_lexicon().forms}
    heads = {head.head.split()[0].casefold() for head in lexicon().heads}
    return frozenset(titles - heads)


# Inside a name read from a sentence: a place clause ("Đại học Trung Sơn ở thành phố
# Quảng Châu"), a second organization run on ("Bộ GD-ĐT Trường ĐH Y dược Cần Thơ"), a
# post ("… và Trưởng Ban …"): the words ran past the organization's name.
_RUN_ON = re.compile(r"\s(?:ở|tại|và cựu|của Nga)\s|\s(?:chính|tổng|liên|Liên)$|\s(?:Trường|Học viện|Bệnh viện|"
                     r"Công ty|Sở|Bộ|Trung tâm|Trưởng|Phó|Giám đốc)\s")


def _is_named_org(org: Org) -> bool:
    """An organization of a kind the lexicon knows, named beyond its bare head ("Tổng
    công ty", "Nhà nước" alone name none), with nothing run on after its name."""
    if org.kind == "other" or _RUN_ON.search(org.name):
        return False
    head = find_head(org.name)
    return head is None or len(org.name.split()) > len(head.head.split())


def find_subordination(sentences: list[str], context: PlaceContext) -> list[Subordination]:
    found: list[Subordination] = []
    seen = set()
    for sentence in sentences:
        if "thuộc" not in sentence:
            continue
        for match in _UNDER.finditer(sentence):
            lead_in = sentence[max(0, match.start() - 40):match.start()]
            if _PLURAL.search(lead_in) or _ADMINISTRATIVE.search(lead_in):
                continue
            parent = _parent(sentence, match.end(), context)
            if parent is None:
                continue
            adjacent = _adjacent_child(sentence, match.start())
            child = canonical_org(adjacent, context) if adjacent else None
            if child is None and parent.kind == "party_committee":
                children = [o for _, o in party_orgs_in(sentence, context)
                            if o.name != parent.name and not parent.name.startswith(o.name)]
                child = children[0] if children else None
            if child is None or child.name == parent.name or not (_is_named_org(child) and _is_named_org(parent)):
                continue
            key = (child.name, parent.name)
            if key not in seen:
                seen.add(key)
                found.append(Subordination(child, parent, sentence))
    return found
