"""Reading the lexicon data files in `loaders/lexicons/` (reviewed like code)."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Iterable

import yaml


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when PyYAML has it


@lru_cache(maxsize=None)
def load_yaml(name: str):
    text = resources.files("orggraph.loaders").joinpath("lexicons", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader)


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty lines of a text lexicon, without `#` comments."""
    text = resources.files("orggraph.loaders").joinpath("lexicons", name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


def alternation(phrases) -> str:
    """A plain regex alternation of `phrases`, longest first, spaces matching any white space
    (for short lists; `phrase_pattern` builds a trie for long ones)."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True))


def _phrase_char(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


def phrase_pattern(phrases, casefold: bool = True, word_start: bool = False, any_case: bool = False,
                   word_chars: str = r"\w") -> str:
    """A regex source matching any of `phrases` (longest first), spaces matching any run
    of white space (compile with re.I when `casefold`).  Built as a character trie: Python's re tries the branches of a
    plain alternation one by one, which made a lexicon of titles the slowest step.  `word_start`, `any_case`: see `trie_pattern`."""
    words = {" ".join((p.casefold() if casefold else p).split()) for p in phrases if p.strip()}
    return trie_pattern(words, _phrase_char, word_start, any_case, word_chars)


def trie_pattern(words: Iterable[str], char_pattern=re.escape, word_start: bool = False, any_case: bool = False,
                 word_chars: str = r"\w") -> str:
    """A regex source matching any of `words`, shaped as a character trie (longest first).

    Python's re tries alternatives one by one; a trie makes each position cost a few
    character tests instead of one test per spelling.  `word_start`: only where no word
    character precedes; the test follows the first character (`(?<!\\w.)`), so that the pattern
    still opens with its possible first characters and re skips every other position fast
    (a leading `(?<!\\w)` makes it try a match at every character).  `any_case`: the first
    letter in either case and the rest case-insensitive, for the same reason without re.I (a
    pattern compiled with re.I can never skip ahead).  `word_chars`: what may not precede (a class's
    contents, `\\w` unless told).
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict, boundary: str = "") -> str:
        branches = [char_pattern(ch) + boundary + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    boundary = rf"(?<![{word_chars}].)" if word_start else ""
    if any_case:
        firsts = {}
        for ch, child in sorted(trie.items()):
            firsts.setdefault(ch.lower(), []).append(emit(child))
        branches = [char_pattern(c) + boundary + "(?i:%s)" % "|".join(rests)
                    for first, rests in firsts.items() for c in dict.fromkeys((first, first.upper()))]
        return "(?:%s)" % "|".join(branches) if branches else "(?!)"
    pattern = emit(trie, boundary)
    return pattern or "(?!)"


def at_word_start(words: Iterable[str]) -> str:
    """A regex source matching any of `words` as written, where no word character precedes
    (like a leading `\\b` before a word), shaped so that re skips to their first letters fast."""
    return trie_pattern(words, re.escape, word_start=True)


@lru_cache(maxsize=None)
def read_lexicon(name: str) -> dict[str, tuple[str, ...]]:
    """The sections of `lexicons/<name>.txt`, entries normalized like the text.

    Format: `[section]` lines open a section; one entry per line; blank lines
    and lines starting with "#" are skipped.
    """
    from orggraph.loaders.normalize import normalize_text

    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    text = resources.files("orggraph.loaders").joinpath("lexicons", name + ".txt").read_text(encoding="utf-8")
    for raw in text.splitlines():
        line = normalize_text(raw.strip())
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1].strip(), [])
        elif current is None:
            raise ValueError(f"lexicon {name}: entry before any [section]: {line!r}")
        else:
            current.append(line)
    return {k: tuple(v) for k, v in sections.items()}
