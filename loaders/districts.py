"""Districts of Vietnam's provinces (until the 2025 reform), from the maintained dataset of
`vietnamadminunits` (see make_districts.py): which province a district named in an article
belongs to, and which capitalized pairs are places rather than persons ("KCN Thạch Thất")."""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from typing import Optional

from orggraph.loaders.lexicon import at_word_start
from orggraph.loaders.normalize import fold

LEAD_CHARS = 400


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    """Folded district name -> the provinces that have a district of that name."""
    text = resources.files("orggraph.loaders").joinpath("lexicons", "districts.tsv").read_text(encoding="utf-8")
    provinces: dict[str, set[str]] = defaultdict(set)
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("province\t"):
            continue
        province, _, district = line.split("\t")
        provinces[fold(district)].add(province)
    return {name: frozenset(p) for name, p in provinces.items()}


def provinces_of_district(name: str) -> frozenset[str]:
    """The provinces with a district of this name ("Quảng Xương" -> Thanh Hóa; "Châu Thành" -> six)."""
    return _table().get(fold(name), frozenset())


def is_district_name(name: str) -> bool:
    return fold(name) in _table()


_DISTRICT_MENTION = re.compile(rf"({at_word_start(['huyện', 'quận', 'thị xã'])})\s+([A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){{0,2}})")


def province_of_districts(text: str) -> Optional[str]:
    """The one province that the districts an article names belong to ("xã Quảng Yên, huyện Quảng
    Xương" -> Thanh Hóa), when they point to one province only."""
    votes: dict[str, int] = defaultdict(int)
    for match in _DISTRICT_MENTION.finditer(text):
        weight = 2 if match.start() < LEAD_CHARS else 1  # the lead's district counts as two
        words = match.group(2).split()
        for n in range(len(words), 0, -1):  # "huyện Quảng Xương Thanh Hóa": the longest that is a district
            provinces = provinces_of_district(" ".join(words[:n]))
            if provinces:
                if len(provinces) == 1:
                    votes[next(iter(provinces))] += weight
                break
    if len(votes) != 1 or max(votes.values()) < 2:
        return None
    return next(iter(votes))
