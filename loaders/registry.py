"""The registry of national bodies: a mention of the Central Committee, a ministry, the
Front or a national mass organization becomes that body's one canonical name.

The press writes the same body many ways ("UBTW MTTQ VN", "Ủy ban T.Ư Mặt trận Tổ quốc
Việt Nam", "Bộ trưởng Công Thương"); the data is `lexicons/central_bodies.yaml`.  Names
reach this module with abbreviations already expanded (organizations.py does that); here
they are compared by a key that ignores case, diacritics, punctuation and "&"/"và".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from orggraph.loaders.lexicon import load_yaml
from orggraph.loaders.normalize import fold

_KIND = {"party": "party_committee", "state": "state_body", "ministries": "ministry", "front": "front",
         "military": "military"}
_BOARD = re.compile(r"^(?:Ban (?!Bí thư|Chấp hành)|Ủy ban Kiểm tra|Văn phòng|Hội đồng)")


@dataclass(frozen=True)
class Body:
    name: str
    kind: str
    since: Optional[str] = None
    until: Optional[str] = None


@dataclass(frozen=True)
class Registry:
    by_key: dict[str, Body]
    by_subject: dict[str, Body]  # "cong thuong" -> Bộ Công Thương
    front_keys: frozenset[str]
    central_prefixes: tuple[str, ...]  # folded, longest first
    minister_titles: frozenset[str]


def body_key(name: str) -> str:
    """"Bộ Văn hóa - Thể thao & Du lịch" and "Bộ Văn hóa, Thể thao và Du lịch" share a key."""
    key = fold(name.replace("&", " và "))
    key = re.sub(r"[^a-z0-9/ ]+", " ", key)
    key = re.sub(r"(?<!\S)va(?!\S)", " ", key)  # "Bộ Giáo dục - Đào tạo" is "Bộ Giáo dục và Đào tạo"
    return re.sub(r"\s+", " ", key).strip()


@lru_cache(maxsize=1)
def registry() -> Registry:
    data = load_yaml("central_bodies.yaml")
    by_key: dict[str, Body] = {}
    by_subject: dict[str, Body] = {}
    front: set[str] = set()
    for section, kind in _KIND.items():
        for entry in data[section]:
            name = entry["name"]
            body_kind = "party_board" if kind == "party_committee" and _BOARD.match(name) else kind
            if section == "front" and not name.startswith(("Ủy ban", "Mặt trận")):
                body_kind = "mass_organization"
            body = Body(name, body_kind, entry.get("since"), entry.get("until"))
            for alias in [name] + list(entry.get("aliases") or []):
                by_key.setdefault(body_key(alias), body)
                if section == "front":
                    front.add(body_key(alias))
            if entry.get("subject"):
                by_subject[body_key(entry["subject"])] = body
    prefixes = tuple(sorted((body_key(p) for p in data["central_prefixes"]), key=len, reverse=True))
    return Registry(by_key, by_subject, frozenset(front), prefixes, frozenset(data["minister_titles"]))


@lru_cache(maxsize=1)
def _written_names() -> re.Pattern:
    """Every name and alias as written, to find them whole in running text."""
    from orggraph.loaders.lexicon import phrase_pattern

    data = load_yaml("central_bodies.yaml")
    names = [n for section in _KIND for e in data[section] for n in [e["name"]] + list(e.get("aliases") or [])]
    return re.compile(rf"(?:{phrase_pattern(names)})(?![\w])", re.I)


def body_name_at(text: str, pos: int) -> int:
    """The end of a national body's name written at `pos` ("Đài Tiếng nói Việt Nam", "Ban Chính
    sách, chiến lược Trung ương"), or -1: such a name is taken whole, whatever its words."""
    match = _written_names().match(text, pos)
    return match.end() if match and text[pos].isupper() else -1


@lru_cache(maxsize=8192)  # names recur through an archive
def central_body(name: str) -> Optional[Body]:
    """The national body an (abbreviation-expanded) name means, if it is one."""
    reg = registry()
    key = body_key(name)
    key = re.sub(r" (?:khoa [ivxlc]+|nhiem ky \d{4}( \d{4})?)$", "", key)  # "… khóa VII"
    body = reg.by_key.get(key)
    if body is not None:
        return body
    for prefix in reg.central_prefixes:  # "Ban Chấp hành Trung ương Hội Nông dân Việt Nam"
        if key.startswith(prefix + " "):
            rest = key[len(prefix) + 1:]
            if rest in reg.front_keys:
                return reg.by_key[rest]
    return None


def ministry_of_subject(words: str, title: str) -> Optional[Body]:
    """"Bộ trưởng Công Thương": the ministry a minister's title names without "Bộ"."""
    if title not in registry().minister_titles:
        return None
    return registry().by_subject.get(body_key(words))
