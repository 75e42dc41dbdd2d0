"""The organizations an article is about, so that its short references resolve.

An article about a company names it in full once ("CTCP Xây dựng FLC Faros") and then
says "Công ty", "giữ chức Phó tổng giám đốc thường trực Công ty", or lists "7 Phó tổng
giám đốc" with no organization at all; a ministry's news says "Thứ trưởng Trần Quốc
Khánh".  The subject of each kind is the full name the article uses most (its title
counts twice); a bare head word, or a title that only that kind of body has, means it.
The heads and the titles that imply them are data: `lexicons/subjects.yaml`.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from orggraph.loaders.foreign import is_foreign_post
from orggraph.loaders.lexicon import load_yaml
from orggraph.loaders.normalize import fold
from orggraph.loaders.statements import Org


MAIN = "main"  # the key of the article's main subject among the groups
_MAIN_WEIGHT = 3
_OF_SUBJECT = re.compile(r"^([A-ZĐÀ-Ỹ].*\S)\s+(trường|công ty|tập đoàn|viện|bệnh viện|học viện|tổng công ty)$")


@dataclass(frozen=True)
class SubjectLexicon:
    head_at: re.Pattern  # a capitalized head word that begins an organization's name
    group_of_head: dict[str, str]  # folded head -> group ("enterprise", "school", …)
    groups_of_title: dict[str, tuple[str, ...]]  # canonical title -> groups whose heads it implies
    bare: re.Pattern  # a name that is only a head word ("Công ty", "Hội này")


@lru_cache(maxsize=1)
def lexicon() -> SubjectLexicon:
    data = load_yaml("subjects.yaml")
    group_of_head = {}
    for group, heads in data["heads"].items():
        for head in heads:
            group_of_head[fold(head)] = group
    heads = sorted({h for hs in data["heads"].values() for h in hs}, key=len, reverse=True)
    alternation = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in heads)
    head_at = re.compile(rf"(?<![\w])(?:{alternation})(?=\s+[A-ZĐÀ-Ỹ0-9])")
    bare = re.compile(rf"^(?:{alternation})(?:\s+(?:này|nói trên|trên))?$", re.I)
    titles = {title: tuple(groups) for title, groups in data["titles"].items()}
    return SubjectLexicon(head_at, group_of_head, titles, bare)


def is_bare_head(name: str) -> bool:
    """"Công ty", "Hội", "Tập đoàn này": a kind of body, not a name."""
    return bool(lexicon().bare.match(name.strip()))


def group_of(name: str) -> Optional[str]:
    """The group of the head word a name begins with ("Công ty …" -> "enterprise")."""
    folded = fold(name)
    best = None
    for head, group in lexicon().group_of_head.items():
        if (folded == head or folded.startswith(head + " ")) and (best is None or len(head) > len(best[0])):
            best = (head, group)
    return best[1] if best else None


def find_subjects(texts: list[tuple[str, int]], canonical) -> dict[str, Org]:
    """The most named full organization of each group in `texts` ((text, weight) pairs);
    `canonical(words)` turns the words after a head into an Org (or None)."""
    from orggraph.loaders.titles import scan_org_words

    counts: dict[str, Counter] = {}
    orgs: dict[str, Org] = {}
    total: Counter = Counter()
    for text, weight in texts:
        for match in lexicon().head_at.finditer(text):
            words, _ = scan_org_words(text, match.start(), len(text))
            if len(words) <= len(match.group(0)) + 1:
                continue
            org = canonical(words)
            if org is None or is_bare_head(org.name) or is_foreign_post(org.name, ""):
                continue  # a foreign ministry is no subject here
            group = group_of(org.name)
            if group is None or (group == "ministry" and org.kind != "ministry") or \
                    (group == "board" and (org.kind in ("party_committee", "party_cell") or
                                           org.name.startswith(("Ban Chấp hành", "Ban Thường vụ")))):
                continue  # "Bộ Chính trị" is no ministry, "Ban Chấp hành" no board
            counts.setdefault(group, Counter())[org.name] += weight
            total[org.name] += weight
            orgs.setdefault(org.name, org)
    subjects = {group: orgs[c.most_common(1)[0][0]] for group, c in counts.items()}
    # a unit or board named with its body ("Hội đồng trường Đại học Bách khoa Hà Nội", "Cục Hợp tác
    # quốc tế Bộ GD&ĐT") names that body too
    folded = {name: name.casefold() for name in total}
    weights = Counter(total)
    for name, weight in total.items():
        bodies = [body for body in total if body != name and folded[name].endswith(" " + folded[body])]
        if bodies:  # the nearest: "Trường Đại học …" rather than "Đại học …" inside it
            weights[max(bodies, key=len)] += weight
    bodies = [(name, weight) for name, weight in weights.most_common() if group_of(name) != "council"]
    if bodies and bodies[0][1] >= _MAIN_WEIGHT:
        subjects[MAIN] = orgs[bodies[0][0]]
    return subjects


def main_subject(subjects: dict[str, Org]) -> Optional[Org]:
    """The organization the article is mostly about, when one is named often enough."""
    return subjects.get(MAIN)


def of_subject(words: str, subjects: dict[str, Org]) -> Optional[str]:
    """"Công đoàn trường" -> "Công đoàn Trường Đại học Bách khoa Hà Nội": a body named with a
    lowercase head word that means the article's own school, company or institute."""
    match = _OF_SUBJECT.match(words.strip())
    if not match:
        return None
    subject = subject_for(match.group(2), subjects)
    return f"{match.group(1)} {subject.name}" if subject is not None else None


class LazySubjects(Mapping):
    """An article's subjects, found the first time a statement needs them: most articles never
    do, and the search reads every organization the article names."""

    def __init__(self, compute: Callable[[], dict[str, Org]]):
        self._compute = compute
        self._found: Optional[dict[str, Org]] = None

    def _subjects(self) -> dict[str, Org]:
        if self._found is None:
            self._found = self._compute()
        return self._found

    def __getitem__(self, group: str) -> Org:
        return self._subjects()[group]

    def __iter__(self) -> Iterator[str]:
        return iter(self._subjects())

    def __len__(self) -> int:
        return len(self._subjects())


def subject_for(name_or_title: str, subjects: Mapping[str, Org], by_title: bool = False) -> Optional[Org]:
    """The article's subject that a bare head ("Công ty") or a bare title ("Thứ trưởng") means."""
    if by_title and name_or_title not in lexicon().groups_of_title:
        return None  # (asked before the subjects, which may not have been searched yet)
    if not subjects:
        return None
    if by_title:
        for group in lexicon().groups_of_title.get(name_or_title, ()):
            if group == "board":  # many boards are named in passing: only the one the article is about
                main = subjects.get(MAIN)
                if main is not None and group_of(main.name) == "board":
                    return main
            elif group in subjects:
                return subjects[group]
        return None
    group = group_of(name_or_title)
    return subjects.get(group) if group else None
