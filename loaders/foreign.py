"""Posts outside Vietnam: "Thủ tướng Trung Quốc Lý Khắc Cường", "Chủ tịch Quốc hội Lào",
"Chủ tịch Liên minh Nghị viện Thế giới (IPU)".  The graph maps Vietnam's party and state, so a
title whose organization is a foreign state or an international body is no post here.
The names are data: `lexicons/foreign.txt`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from orggraph.loaders.lexicon import alternation, phrase_pattern, read_lexicon


_VIETNAM = re.compile(r"Việt\s+Nam|\bVN\b")
_PLACE_UNIT = re.compile(r"\b(?:huyện|xã|tỉnh|quận|phường|thị xã|thị trấn|thành phố|thôn|ấp|bản)\s")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    lex = read_lexicon("foreign")
    plain = alternation(lex["countries"])
    several = alternation(n for n in lex["countries"] if " " in n or "-" in n)
    anywhere = re.compile(rf"(?<![\w-])(?:{several}|{alternation(lex['international'])})(?![\w-])")
    at_end = re.compile(rf"(?<![\w-])(?:{plain})\s*$")
    # "Tổng Tham mưu trưởng của quân đội Trung Hoa Dân quốc": "of the army of", then the state
    right_after = re.compile(rf"\s*(?:của\s+)?(?:(?:quân đội|chính phủ|nhà nước)\s+)?(?:nước\s+)?"
                             rf"(?:{plain}|{alternation(lex['ambiguous_countries'])})(?![\w-])")
    return anywhere, at_end, right_after


def is_foreign_post(org_words: str | None, text_after_title: str) -> bool:
    """True when the words after a title place the post in another state or an international body."""
    anywhere, at_end, right_after = _patterns()
    if right_after.match(text_after_title):
        return True
    if not org_words or _VIETNAM.search(org_words):  # "Nhóm nghị sĩ hữu nghị Việt Nam - Romania"
        return False
    words = re.sub(r"\([^)]*\)", " ", org_words).strip()
    end = at_end.search(words)
    if end and not _PLACE_UNIT.search(words):  # "Bộ Ngoại giao Trung Quốc", "Quốc hội Lào"
        before = words[:end.start()].split()
        one_syllable = " " not in end.group(0).strip()
        # "Công ty Tân Mỹ": a one-syllable country after a capitalized word ends a proper name
        if not (one_syllable and before and before[-1][:1].isupper()):
            return True
    return bool(anywhere.search(org_words)) and not _PLACE_UNIT.search(org_words)


@lru_cache(maxsize=1)
def _persons() -> tuple[frozenset[str], re.Pattern]:
    names = read_lexicon("foreign").get("persons", ())
    found = phrase_pattern(names, casefold=False, word_start=True, word_chars=r"\w-")
    return frozenset(names), re.compile(rf"(?:{found})(?![\w-])")


def is_foreign_person(name: str) -> bool:
    """A foreign leader known by a Sino-Vietnamese name ("Lý Hiển Long"): no post here."""
    return name in _persons()[0]


def foreign_persons_in(sentence: str) -> list[tuple[int, int, str]]:
    """Where the listed foreign leaders are named ("Tập Cận Bình" has no Vietnamese surname, so the
    name finder misses him, and his titles would go to the next name)."""
    return [(m.start(), m.end(), m.group(0)) for m in _persons()[1].finditer(sentence)]
