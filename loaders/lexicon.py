"""Reading the lexicon data files in `loaders/lexicons/` (reviewed like code)."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when PyYAML has it


@lru_cache(maxsize=None)
def load_yaml(name: str):
    text = resources.files("loaders").joinpath("lexicons", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader)


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty lines of a text lexicon, without `#` comments."""
    text = resources.files("loaders").joinpath("lexicons", name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


def _phrase_char(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


def phrase_pattern(phrases, casefold: bool = True) -> str:
    """A regex source matching any of `phrases` (longest first), spaces matching any run
    of white space (compile with re.I when `casefold`).  Built as a character trie: Python's re tries the branches of a
    plain alternation one by one, which made a lexicon of titles the slowest step."""
    from loaders.places import trie_pattern

    words = {" ".join((p.casefold() if casefold else p).split()) for p in phrases if p.strip()}
    return trie_pattern(words, _phrase_char)
