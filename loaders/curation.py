"""A user's corrections, kept in a YAML file that every load applies, so they survive
re-loads (OpenSanctions-style judgements that persist).

    merge:    # one person under several keys: `keep` absorbs the others
      - {keep: "p:le tien chau@hai phong", absorb: ["p:le tien chau@national"]}
    split:    # a namesake: this person, in these articles, is someone else
      - {person: "p:nguyen manh cuong@quang ninh", sources: ["003_f801e71792efedb7.txt"], scope: "quang ninh#2"}
    alias:    # another spelling of a person's name
      - {person: "p:nguyen phu trong@national", alias: "Nguyễn Phú Trong"}
    reject:   # a statement that is wrong (all articles when `source` is absent)
      - {person: "Trần Đại Quang", title: "Trưởng ban", organization: "Ban Tổ chức Trung ương", source: "dev-11"}

`orggraph curate merge|split|alias|reject` write this file and correct the graph.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Optional

import yaml

from orggraph.loaders.normalize import fold, normalize_text

CURATION_FILE = "curation.yaml"
HEADER = ("# orggraph curation: corrections every load applies (see `orggraph curate --help`).\n"
          "# Person keys are shown by `orggraph recipe people --param name=…`.\n")


class CurationError(ValueError):
    pass


@dataclass
class Curation:
    merge: list[dict] = field(default_factory=list)
    split: list[dict] = field(default_factory=list)
    alias: list[dict] = field(default_factory=list)
    reject: list[dict] = field(default_factory=list)

    # -- file -------------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Optional[str]) -> "Curation":
        if not path or not os.path.exists(path):
            return cls()
        try:
            with open(path, encoding="utf-8") as fh:
                data = yaml.safe_load(fh) or {}
        except yaml.YAMLError as exc:
            raise CurationError(f"{path}: not valid YAML ({exc.__class__.__name__})") from None
        if not isinstance(data, dict):
            raise CurationError(f"{path}: expected a mapping with merge/split/alias/reject")
        unknown = set(data) - {"merge", "split", "alias", "reject"}
        if unknown:
            raise CurationError(f"{path}: unknown section {sorted(unknown)[0]!r} (merge, split, alias, reject)")
        curation = cls(**{k: list(data.get(k) or []) for k in ("merge", "split", "alias", "reject")})
        curation.validate(path)
        return curation

    def validate(self, where: str = "curation") -> None:
        needs = {"merge": ("keep", "absorb"), "split": ("person", "sources", "scope"), "alias": ("person", "alias"),
                 "reject": ("person", "title", "organization")}
        for section, keys in needs.items():
            for entry in getattr(self, section):
                missing = [k for k in keys if not isinstance(entry, dict) or not entry.get(k)]
                if missing:
                    raise CurationError(f"{where}: a {section} entry lacks {missing[0]!r}: {entry!r}")

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
        folded = fold(name)
        for entry in self.alias:
            if fold(entry["alias"]) == folded and entry.get("name"):
                return normalize_text(entry["name"])
        return name

    def alias_key(self, name: str) -> Optional[str]:
        folded = fold(name)
        for entry in self.alias:
            if fold(entry["alias"]) == folded:
                return entry["person"]
        return None

    def person_key(self, key: str, source: str) -> str:
        """The key a person gets in an article once splits and merges are applied."""
        name = key.partition("@")[0]
        for entry in self.split:
            # By name as well as key: the person split may be a node that later merged
            # nodes of the same name by evidence (graph/identity.py).
            if (entry["person"] == key or entry["person"].partition("@")[0] == name) and source in entry["sources"]:
                key = f"p:{entry['scope']}" if not entry["scope"].startswith("p:") else entry["scope"]
                break
        for entry in self.merge:
            if key in entry["absorb"]:
                return entry["keep"]
        return key

    def rejects(self, person: str, title: str, organization: str, source: str) -> bool:
        for entry in self.reject:
            if (fold(entry["person"]) == fold(person) and fold(entry["title"]) == fold(title)
                    and fold(entry["organization"]) == fold(organization)
                    and (not entry.get("source") or entry["source"] == source)):
                return True
        return False

    def __bool__(self) -> bool:
        return bool(self.merge or self.split or self.alias or self.reject)
