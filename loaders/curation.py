"""A user's corrections, kept in a YAML file that every load applies, so they survive
re-loads (OpenSanctions-style judgements that persist).

    merge:    # one person under several keys: `keep` absorbs the others
      - {keep: "p:lê tiến châu@hai phong", absorb: ["p:lê tiến châu@national"]}
    split:    # a namesake: this person, in these articles, is someone else
      - {person: "p:nguyễn mạnh cường@quang ninh", sources: ["003_f801e71792efedb7.txt"],
         scope: "p:nguyễn mạnh cường@quang ninh#2"}
    alias:    # another spelling of a person's name
      - {person: "p:nguyen phu trong@national", alias: "Nguyễn Phú Trong", name: "Nguyễn Phú Trọng"}
    reject:   # a statement that is wrong (all articles when `source` is absent)
      - {person: "Trần Đại Quang", title: "Trưởng ban", organization: "Ban Tổ chức Trung ương", source: "dev-11"}

`orggraph curate merge|split|alias|reject` write this file and correct the graph.

Person keys keep the name's tone marks ("p:lê tiến châu@hai phong").  A key, alias or
reject name written without any diacritics ("p:le tien chau@hai phong", as files
written when keys were folded have them) matches every spelling that folds to it; one
written with marks matches only its own spelling (`normalize.spelled_as`).  A key
written without marks becomes the spelling of the person it meets (`keys.respell`),
except a merge's `keep` that absorbs another name: its spelling is unknown, so the
kept person's nodes and the absorbed ones all take `keep` as written.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Optional

import yaml

from orggraph.loaders.keys import key_name, respell
from orggraph.loaders.normalize import fold, is_plain, normalize_text, spelled_as

CURATION_FILE = "curation.yaml"
HEADER = ("# orggraph curation: corrections every load applies (see `orggraph curate --help`).\n"
          "# Person keys are shown by `orggraph recipe people --param name=…`.\n")


class CurationError(ValueError):
    pass


# Each section's entries: field -> (type, required).  `list` means a list of texts.
SCHEMA: dict[str, dict[str, tuple[type, bool]]] = {
    "merge": {"keep": (str, True), "absorb": (list, True)},
    "split": {"person": (str, True), "sources": (list, True), "scope": (str, True)},
    "alias": {"person": (str, True), "alias": (str, True), "name": (str, False)},
    "reject": {"person": (str, True), "title": (str, True), "organization": (str, True), "source": (str, False)},
}


def _entry_problem(entry: object, fields: dict[str, tuple[type, bool]]) -> Optional[str]:
    if not isinstance(entry, dict):
        return f"expected a mapping with {', '.join(fields)}, not {_kind(entry)}"
    for key in entry:
        if key not in fields:
            return f"unknown key {key!r} (known: {', '.join(fields)})"
    for key, (kind, required) in fields.items():
        value = entry.get(key)
        if value is None or value == "" or value == []:
            if required:
                return f"lacks {key!r}"
            continue
        if kind is str and not isinstance(value, str):
            return f"{key!r} must be a text, not {_kind(value)}"
        if kind is list:
            if not isinstance(value, list):
                return f"{key!r} must be a list of texts, not {_kind(value)}"
            bad = next((v for v in value if not isinstance(v, str) or not v), None)
            if bad is not None:
                return f"{key!r} must be a list of texts, and holds {_kind(bad)}"
    return None


def _kind(value: object) -> str:
    if isinstance(value, str):
        return f"the text {value!r}" if value else "an empty text"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "nothing" if value is None else type(value).__name__


def _show(entry: object) -> str:
    text = repr(entry)
    return text if len(text) <= 80 else text[:77] + "..."


def _across_names(entry: dict) -> bool:
    """A merge entry whose `keep`, written without tone marks, absorbs another name: the
    spelling of `keep` is unknown, so every node it means takes `keep` as written."""
    name = key_name(entry["keep"])
    return is_plain(name) and any(not spelled_as(name, key_name(a)) for a in entry["absorb"])


def split_key(scope: str) -> str:
    """The key a split entry's `scope` names (written in full, or without "p:")."""
    return scope if scope.startswith("p:") else f"p:{scope}"


@dataclass
class Curation:
    merge: list[dict] = field(default_factory=list)
    split: list[dict] = field(default_factory=list)
    alias: list[dict] = field(default_factory=list)
    reject: list[dict] = field(default_factory=list)

    # -- file -------------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Optional[str]) -> "Curation":
        """Read and check the whole file up front: one line naming the file, the entry and
        the problem, before any article is touched."""
        if not path or not os.path.exists(path):
            return cls()
        try:
            with open(path, "rb") as fh:
                raw = fh.read()
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CurationError(f"{path}: not valid UTF-8 (byte {exc.start})") from None
        except OSError as exc:
            raise CurationError(f"{path}: cannot read: {exc.strerror or exc}") from None
        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}" if mark is not None else ""
            raise CurationError(f"{path}: not valid YAML{where} ({exc.__class__.__name__})") from None
        if not isinstance(data, dict):
            raise CurationError(f"{path}: expected a mapping with merge/split/alias/reject")
        unknown = [k for k in data if k not in SCHEMA]
        if unknown:
            raise CurationError(f"{path}: unknown section {unknown[0]!r} (merge, split, alias, reject)")
        for section in SCHEMA:
            if data.get(section) is not None and not isinstance(data[section], list):
                raise CurationError(f"{path}: {section} must be a list of entries, not "
                                    f"{_kind(data[section])}")
        curation = cls(**{k: list(data.get(k) or []) for k in SCHEMA})
        curation.validate(path)
        return curation

    def validate(self, where: str = "curation") -> None:
        """Every entry against SCHEMA: known keys only, each of its type, required ones present."""
        for section, fields in SCHEMA.items():
            for number, entry in enumerate(getattr(self, section), 1):
                problem = _entry_problem(entry, fields)
                if problem:
                    raise CurationError(f"{where}: {section} entry {number} ({_show(entry)}): {problem}")

    def save(self, path: str) -> None:
        data = {k: getattr(self, k) for k in ("merge", "split", "alias", "reject") if getattr(self, k)}
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(HEADER)
            yaml.safe_dump(data, fh, allow_unicode=True, sort_keys=False, width=120)
        os.replace(tmp, path)

    # -- applying during resolution -----------------------------------------------------------
    def canonical_name(self, name: str) -> str:
        """An alias spelled in an article becomes the name of the person it belongs to."""
        for entry in self.alias:
            if spelled_as(entry["alias"], name) and entry.get("name"):
                return normalize_text(entry["name"])
        return name

    def alias_key(self, name: str) -> Optional[str]:
        """The key of the person `name` is an alias of (its tone marks from the entry's `name`)."""
        for entry in self.alias:
            if spelled_as(entry["alias"], name):
                return respell(entry["person"], entry.get("name") or name)
        return None

    def person_key(self, key: str, source: str) -> str:
        """The key a person gets in an article once splits and merges are applied."""
        for entry in self.split:
            # By name as well as key: the person split may be a node that later merged
            # nodes of the same name by evidence (graph/identity.py).
            if (spelled_as(entry["person"], key) or spelled_as(key_name(entry["person"]), key_name(key))) \
                    and source in entry["sources"]:
                key = respell(split_key(entry["scope"]), key_name(key))
                break
        for entry in self.merge:
            keep = entry["keep"]
            if any(spelled_as(absorbed, key) for absorbed in entry["absorb"]):
                return keep if _across_names(entry) else respell(keep, key_name(key))
            if _across_names(entry) and spelled_as(keep, key):
                return keep  # the kept person's own articles come to the same key
        return key

    def rejects(self, person: str, title: str, organization: str, source: str) -> bool:
        for entry in self.reject:
            if (spelled_as(entry["person"], person) and fold(entry["title"]) == fold(title)
                    and fold(entry["organization"]) == fold(organization)
                    and (not entry.get("source") or entry["source"] == source)):
                return True
        return False

    def __bool__(self) -> bool:
        return bool(self.merge or self.split or self.alias or self.reject)
