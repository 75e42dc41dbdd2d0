"""What extraction yields: statements, each one fact from one sentence of one article.

Extraction never merges across articles; `resolve` gives mentions their keys and
`tenure` merges statements into tenures.
"""
from __future__ import annotations

from dataclasses import dataclass, field

STATUSES = ("current", "start", "end", "former")


@dataclass(frozen=True)
class Org:
    """An organization as an article names it, already in canonical form.

    `locality` is the province or city it belongs to; `scoped` is False for a name
    such as a bare "Thành ủy" whose city the article never says: such an
    organization must never merge with a scoped one.
    """

    name: str
    kind: str = "other"
    level: str | None = None
    locality: str | None = None
    scoped: bool = True
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class HeldOffice:
    person: str
    title: str
    organization: Org
    status: str
    as_of: str | None
    sentence: str
    basis: str = "attested"  # how a start came about: elected, appointed; else attested (or stated, for ends)
    confidence: float = 1.0  # how sure extraction is (extract.statement_confidence)


@dataclass(frozen=True)
class Subordination:
    child: Org
    parent: Org
    sentence: str


@dataclass(frozen=True)
class CongressMention:
    organization: Org
    ordinal: int
    term: tuple[int, int] | None
    date: str | None
    delegates: int | None
    reported: bool  # the congress the article itself reports
    sentence: str

    @property
    def name(self) -> str:
        from orggraph.loaders.congresses import congress_name

        return congress_name(self)


@dataclass(frozen=True)
class EventMention:
    name: str
    kind: str  # conference, working_session, ceremony
    date: str | None
    organization: Org | None
    sentence: str


@dataclass(frozen=True)
class Attendance:
    person: str
    role: str  # delegate, chair, speaker, guest, elected
    sentence: str


@dataclass
class ArticleInfo:
    key: str
    source: str
    title: str | None
    date: str | None
    locality: str | None
    url: str | None


@dataclass
class Extraction:
    """Everything one article says."""

    article: ArticleInfo
    held_office: list[HeldOffice] = field(default_factory=list)
    subordination: list[Subordination] = field(default_factory=list)
    congresses: list[CongressMention] = field(default_factory=list)
    event: EventMention | None = None
    attendance: list[Attendance] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
