"""Subordination, only where an article states it: "Đảng bộ khối các cơ quan thành
phố … là Đảng bộ cấp trên cơ sở trực thuộc Thành ủy", "với vị trí là cấp ủy trực
thuộc tỉnh, … Đảng ủy Khối các Cơ quan tỉnh …".

The parent is what follows "trực thuộc" ("tỉnh" alone means the province's party
committee); the child is the sentence's named party organization.  Plural subjects
("các cấp ủy cơ sở trực thuộc Đảng ủy Khối", "64 chi, đảng bộ trực thuộc") state
no single relation and are skipped.
"""
from __future__ import annotations

import re
from typing import Optional

from loaders.congresses import party_orgs_in
from loaders.organizations import PlaceContext, canonical_org
from loaders.statements import Org, Subordination
from loaders.titles import scan_org_words

_UNDER = re.compile(r"(?<!\w)(?:trực thuộc|thuộc)\s+")
_PLURAL = re.compile(r"(?:\b(?:các|những|nhiều|mỗi)\b|\b\d+\s+\w)[^;.]{0,40}$", re.I)
_UNIT_PARENT = {"tỉnh": "Tỉnh ủy", "thành phố": "Thành ủy", "trung ương": "Ban Chấp hành Trung ương Đảng",
                "thành ủy": "Thành ủy", "tỉnh ủy": "Tỉnh ủy"}
_PARENT_START = re.compile(r"(?:Ban Chấp hành |Đảng bộ |Đảng ủy |Thành ủy|Tỉnh ủy|Huyện ủy|Quận ủy|Thị ủy|"
                           r"tỉnh\b|thành phố\b|Trung ương\b)")


def _parent(sentence: str, pos: int, context: PlaceContext) -> Optional[Org]:
    if not _PARENT_START.match(sentence, pos):
        return None
    words, _ = scan_org_words(sentence, pos, len(sentence))
    bare = _UNIT_PARENT.get(words.strip().lower())
    org = canonical_org(bare or words, context)
    if org is None or org.kind != "party_committee":
        return None
    return org


def find_subordination(sentences: list[str], context: PlaceContext) -> list[Subordination]:
    found: list[Subordination] = []
    seen = set()
    for sentence in sentences:
        for match in _UNDER.finditer(sentence):
            lead_in = sentence[max(0, match.start() - 40):match.start()]
            if _PLURAL.search(lead_in):
                continue
            parent = _parent(sentence, match.end(), context)
            if parent is None:
                continue
            children = [o for _, o in party_orgs_in(sentence, context)
                        if o.name != parent.name and not parent.name.startswith(o.name)]
            if not children:
                continue
            child = children[0]
            key = (child.name, parent.name)
            if key not in seen:
                seen.add(key)
                found.append(Subordination(child, parent, sentence))
    return found
