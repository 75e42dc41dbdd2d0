"""Resolution: give every mention a canonical key, and turn an article's statements
into the node and relationship rows the writer merges.

Keys are stable functions of canonical names, so a re-load changes nothing and the
same person or organization named in two articles lands on one node:
- organizations by canonical name (which carries kind and locality); an unscoped
  one ("Thành ủy" with no city) gets a key tied to its article, so it can never
  collide with a scoped organization;
- persons by their name as written (tone marks kept: Thành and Thanh are two names;
  `normalize.name_key`) within a context: the most local province among the
  organizations they hold posts in, else the article's province, else national
  for holders of central posts; a person the article gives no context for stays
  within that article.  Namesakes in unrelated provinces stay apart.
- positions by (title, organization); congresses by (organization, ordinal).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from typing import Optional

from orggraph.loaders.curation import Curation
from orggraph.loaders.dates import opens_a_date
from orggraph.loaders.keys import person_key
from orggraph.loaders.normalize import fold
from orggraph.loaders.statements import Extraction, Org
from orggraph.loaders.structure import standard_parent
from orggraph.loaders.titles import is_single_holder

LEVEL_RANK = {"grassroots": 0, "commune": 1, "district": 2, "bloc": 3, "province": 4, "central": 5}


def org_key(org: Org, article: str) -> str:
    base = "o:" + fold(org.name)
    return base if org.scoped else f"{base}#unscoped@{article}"


def position_key(title: str, org_key_: str) -> str:
    return f"pos:{fold(title)}@{org_key_}"


def congress_key(org_key_: str, ordinal: int) -> str:
    return f"c:{org_key_}#{ordinal}"


def event_key(article: str) -> str:
    return f"e:{article}"


@dataclass
class GraphBatch:
    """The rows one article (or a group of articles) contributes, by label and by
    relationship type."""

    article_key: str
    nodes: dict[str, dict[str, dict]] = field(default_factory=dict)  # label -> key -> row
    rels: dict[str, dict[tuple, dict]] = field(default_factory=dict)  # type -> (src, dst, to_label) -> row
    article_keys: list[str] = field(default_factory=list)
    # One row per statement, in article order: key, fact, status, as_of, basis, congress, confidence,
    # sentence, and what it links: article, subject (+ subject_label), object (+ object_label).
    statements: list[dict] = field(default_factory=list)

    def absorb(self, other: "GraphBatch") -> None:
        """Add another article's rows: a later article's non-null values win and
        statements follow in article order, exactly as writing the articles one by one
        would (so how a load is grouped never changes the graph)."""
        self.article_keys += other.article_keys or [other.article_key]
        self.statements += other.statements
        for label, rows in other.nodes.items():
            mine = self.nodes.setdefault(label, {})
            for key, row in rows.items():
                if key not in mine:
                    mine[key] = dict(row)
                else:
                    for prop, value in row.items():
                        if value is not None:
                            mine[key][prop] = value
        for rel_type, rows in other.rels.items():
            mine = self.rels.setdefault(rel_type, {})
            for ident, row in rows.items():
                if ident not in mine:
                    mine[ident] = dict(row)
                    continue
                target = mine[ident]
                for prop, value in row.items():
                    if value is not None:
                        target[prop] = value

    def node(self, label: str, key: str, **props) -> str:
        rows = self.nodes.setdefault(label, {})
        if key not in rows:
            rows[key] = {"key": key, **props}
        return key

    def rel(self, rel_type: str, src: str, dst: str, to_label: str, from_label: str | None = None, **props) -> dict:
        rows = self.rels.setdefault(rel_type, {})
        ident = (src, dst, to_label, from_label)
        if ident not in rows:
            rows[ident] = {"src": src, "dst": dst, **props}
        return rows[ident]

    def statement(self, fact: str, subject: str, subject_label: str, obj: str, object_label: str, sentence: str,
                  status: str | None = None, as_of: str | None = None, basis: str | None = None,
                  congress: str | None = None, confidence: float = 1.0, rejected: bool = False) -> None:
        """One fact one sentence of this article says.  The key is a hash of what it
        says, so the same statement loaded twice is one row."""
        ident = "|".join(str(v) for v in (self.article_key, fact, subject, obj, sentence, status))
        self.statements.append({
            "key": "s:" + hashlib.sha1(ident.encode("utf-8")).hexdigest()[:20], "fact": fact, "status": status,
            "as_of": as_of, "basis": basis, "congress": congress, "confidence": confidence, "sentence": sentence,
            "rejected": rejected,
            "article": self.article_key, "subject": subject, "subject_label": subject_label, "object": obj,
            "object_label": object_label})


def person_scopes(extraction: Extraction) -> dict[str, str]:
    """The context each person's key is formed in (see the module docstring)."""
    article = extraction.article
    best: dict[str, tuple[int, str]] = {}
    for held in extraction.held_office:
        org = held.organization
        if not org.scoped:
            scope = (0, article.key)
        elif org.locality:
            scope = (2 + (5 - LEVEL_RANK.get(org.level or "province", 4)), fold(org.locality))
        else:
            scope = (1, "national")
        if held.person not in best or scope[0] > best[held.person][0]:
            best[held.person] = scope
    fallback = fold(article.locality) if article.locality else article.key
    return {name: best.get(name, (0, fallback))[1] for name in extraction.persons}


def cut_names(extraction: Extraction) -> dict[str, str]:
    """Names cut short or glued to the next word that the article also spells right:
    "Đinh La" beside "Đinh La Thăng" is him; so is "Đinh La Thăng Sáng" (a time of day
    glued on), or any four-word name when the article says more of its first three words
    (a real four-word name, "Nguyễn Thị Kim Ngân", says more of itself than of a cut
    "Nguyễn Thị Kim")."""
    words = {name: fold(name).split() for name in extraction.persons}
    weight = {name: 1 for name in extraction.persons}
    for held in extraction.held_office:
        weight[held.person] = weight.get(held.person, 1) + 1
    fixes: dict[str, str] = {}
    for name, parts in words.items():
        if len(parts) == 2:
            longer = [m for m, w in words.items() if len(w) == 3 and w[:2] == parts]
            if len(longer) == 1:
                fixes[name] = longer[0]
        elif len(parts) == 4:
            shorter = [m for m, w in words.items() if w == parts[:3]]
            glued = opens_a_date(name.split()[-1])  # "Đinh La Thăng Sáng 5/6, …"
            if len(shorter) == 1 and (glued or weight[shorter[0]] > weight[name]):
                fixes[name] = shorter[0]
    return {name: full for name, full in fixes.items() if full not in fixes}


def registry_edges(batch: GraphBatch, org: Org, key: str, article: str) -> None:
    """The organizations the standard structure puts above `org` (loaders/structure.py),
    as SUBORDINATE_TO edges with `registry` true and no evidence of their own."""
    child, child_key = org, key
    for _ in range(3):  # a Sở -> the People's Committee; a district -> its province …
        parent = standard_parent(child)
        if parent is None:
            return
        parent_key = batch.node("Organization", org_key(parent, article), **org_row(parent))
        row = batch.rel("SUBORDINATE_TO", child_key, parent_key, "Organization", since=None, until=None,
                        registry=True, stated=None)
        row["registry"] = True
        child, child_key = parent, parent_key


def _is_standard(child: Org, parent: Org) -> bool:
    standard = standard_parent(child)
    return standard is not None and standard.name == parent.name


def org_row(org: Org) -> dict:
    return {"name": org.name, "search": fold(org.name), "aliases": list(org.aliases), "kind": org.kind,
            "level": org.level, "locality": org.locality, "founded": None, "dissolved": None}


def to_batch(extraction: Extraction, curation: Optional[Curation] = None) -> GraphBatch:
    """The rows an article contributes, with the user's corrections applied."""
    curation = curation or Curation()
    art = extraction.article
    batch = GraphBatch(art.key)
    scopes = person_scopes(extraction)
    persons = {}
    fixes = cut_names(extraction)
    for name in extraction.persons:
        if name in fixes:
            continue
        key = curation.alias_key(name) or curation.person_key(person_key(name, scopes[name]), art.source)
        display = curation.canonical_name(name)
        persons[name] = batch.node("Person", key, name=display, search=fold(display), aliases=[])
    for name, full in fixes.items():
        persons[name] = persons[full]

    def org_node(org: Org) -> str:
        key = batch.node("Organization", org_key(org, art.key), **org_row(org))
        batch.rel("MENTIONS", art.key, key, "Organization", sentence=None, reported=None)
        registry_edges(batch, org, key, art.key)
        return key

    # The congress an article reports elects who it says was elected in its organization.
    electing = {c.organization.name: congress_key(org_key(c.organization, art.key), c.ordinal)
                for c in extraction.congresses if c.reported}
    stated: dict[tuple[str, str], tuple[set, set]] = {}  # (person, position) -> sentences, statuses said
    for held in extraction.held_office:
        rejected = curation.rejects(held.person, held.title, held.organization.name, art.source)
        o = org_node(held.organization)
        pos = batch.node("Position", position_key(held.title, o), title=held.title,
                         name=f"{held.title} {held.organization.name}", search=fold(held.title),
                         single_holder=is_single_holder(held.title, held.organization.name))
        batch.rel("OF", pos, o, "Organization", from_label="Position")
        batch.rel("MENTIONS", art.key, pos, "Position", sentence=None, reported=None)
        person = persons[held.person]
        if not rejected:  # a rejected statement is kept, marked, and makes no tenure
            batch.rel("HELD_OFFICE", person, pos, "Position")
        said = stated.setdefault((person, pos), (set(), set()))
        if held.sentence in said[0] and held.status in said[1]:
            continue  # the same fact twice in one sentence (captions are often repeated)
        said[0].add(held.sentence)
        said[1].add(held.status)
        elected_at = electing.get(held.organization.name) if held.basis == "elected" else None
        batch.statement("held_office", person, "Person", pos, "Position", held.sentence, status=held.status,
                        as_of=held.as_of, basis=held.basis, congress=elected_at or None,
                        confidence=held.confidence, rejected=rejected)

    for sub in extraction.subordination:
        child, parent = org_node(sub.child), org_node(sub.parent)
        if child == parent:
            continue
        row = batch.rel("SUBORDINATE_TO", child, parent, "Organization", since=None, until=None,
                        registry=_is_standard(sub.child, sub.parent), stated=True)
        row["stated"] = True  # (the standard structure may have put the edge here first)
        if sub.sentence not in stated.setdefault((child, parent), (set(), set()))[0]:
            stated[(child, parent)][0].add(sub.sentence)
            batch.statement("subordinate_to", child, "Organization", parent, "Organization", sub.sentence)

    reported_target = None
    for congress in extraction.congresses:
        o = org_node(congress.organization)
        key = congress_key(o, congress.ordinal)
        term = congress.term or (None, None)
        batch.node("Congress", key, name=congress.name, search=fold(congress.name), ordinal=congress.ordinal,
                   term_start=term[0], term_end=term[1], start_date=congress.date, end_date=None,
                   delegates=congress.delegates)
        batch.rel("OF", key, o, "Organization", from_label="Congress")
        mention = batch.rel("MENTIONS", art.key, key, "Congress", sentence=congress.sentence,
                            reported=congress.reported)
        mention["reported"] = bool(mention["reported"] or congress.reported)
        if congress.reported:
            reported_target = (key, "Congress")

    if reported_target is None and extraction.event is not None:
        event = extraction.event
        key = batch.node("Event", event_key(art.key), name=event.name, search=fold(event.name), kind=event.kind,
                         date=event.date)
        if event.organization is not None:
            batch.rel("OF", key, org_node(event.organization), "Organization", from_label="Event")
        batch.rel("MENTIONS", art.key, key, "Event", sentence=event.sentence, reported=True)
        reported_target = (key, "Event")

    if reported_target is not None:
        target, label = reported_target
        for attendance in extraction.attendance:
            person = persons[attendance.person]
            batch.rel("ATTENDED", person, target, label, role=attendance.role)
            if attendance.sentence not in stated.setdefault((person, target), (set(), set()))[0]:
                stated[(person, target)][0].add(attendance.sentence)
                batch.statement("attended", person, "Person", target, label, attendance.sentence)

    for name, key in persons.items():
        batch.rel("MENTIONS", art.key, key, "Person", sentence=None, reported=None)

    batch.node("Article", art.key, name=art.title or art.source, search=fold(art.title or art.source),
               title=art.title, date=art.date, source=art.source, locality=art.locality, url=art.url)
    return batch
