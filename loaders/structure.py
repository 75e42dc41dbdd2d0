"""The standard structure of Vietnam's party and state, from organization names alone:
edges no article needs to state (domain.md §3).

- a Sở (department) of a province is under the province's People's Committee;
- a district's party committee (Huyện ủy, Quận ủy, Thị ủy…) and a Khối's party
  committee (Đảng ủy Khối … tỉnh X) are under the province's party committee;
- the central boards (Ban Tổ chức Trung ương, Ủy ban Kiểm tra Trung ương, …) are
  under the Central Committee.

`standard_parent` is a small function over canonical names, the province lexicon and
the district table (a district committee the article did not place, when one
province has a district of that name), so that an organization registry can later
answer instead.  The graph
keeps these edges apart from stated ones (`registry` on SUBORDINATE_TO).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from orggraph.loaders.districts import provinces_of_district
from orggraph.loaders.lexicon import load_yaml
from orggraph.loaders.organizations import PlaceContext, canonical_org
from orggraph.loaders.places import province_named
from orggraph.loaders.statements import Org

CENTRAL_COMMITTEE = Org("Ban Chấp hành Trung ương Đảng", "party_committee", "central", None, True)


@lru_cache(maxsize=1)
def _central_boards() -> frozenset[str]:
    return frozenset(load_yaml("structure.yaml")["central_boards"])


@lru_cache(maxsize=256)
def _province_org(locality: str, phrase: str) -> Optional[Org]:
    """The province's own organization a bare phrase names ("Tỉnh ủy", "Ủy ban nhân dân")."""
    province = province_named(locality)
    if province is None:
        return None
    if phrase == "committee":
        phrase = "Tỉnh ủy" if province.kind == "tỉnh" else "Thành ủy"
    org = canonical_org(phrase, PlaceContext(province=province))
    return org if org is not None and org.scoped and org.locality else None


def _district_province(org: Org) -> Optional[str]:
    """The province of a district committee the article did not place ("Huyện ủy Phú
    Xuyên"), when only one province has a district of that name (loaders/districts.py)."""
    if org.kind != "party_committee" or org.level != "district":
        return None
    words = org.name.split()  # "Huyện ủy" + the district's name
    district = " ".join(words[2:]) if len(words) > 2 and words[1] == "ủy" else ""
    provinces = provinces_of_district(district) if district else frozenset()
    return next(iter(provinces)) if len(provinces) == 1 else None


def standard_parent(org: Org) -> Optional[Org]:
    """The organization the standard structure puts `org` directly under, or None."""
    if not org.scoped:
        return None
    if org.name in _central_boards():
        return CENTRAL_COMMITTEE
    locality = org.locality or _district_province(org)
    if not locality:
        return None
    if org.name.startswith("Sở ") and org.level in (None, "province"):
        parent = _province_org(locality, "Ủy ban nhân dân")
    elif org.kind == "party_committee" and org.level in ("district", "bloc"):
        parent = _province_org(locality, "committee")
    else:
        return None
    return parent if parent is not None and parent.name != org.name else None
