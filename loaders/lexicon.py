"""Reading the lexicon data files in `loaders/lexicons/` (reviewed like code)."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=None)
def load_yaml(name: str):
    return yaml.safe_load(resources.files("loaders").joinpath("lexicons", name).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty lines of a text lexicon, without `#` comments."""
    text = resources.files("loaders").joinpath("lexicons", name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)
