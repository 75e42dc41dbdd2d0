"""The graph schema: node labels, relationship types and their properties.

One declaration serves every store: the embedded store turns it into node and
relationship tables, the Neo4j store into uniqueness constraints, the README
documents it.  Property names avoid words either Cypher dialect reserves
(`start_date`/`end_date`, never `end` or `on`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

STRING = "STRING"
STRINGS = "STRING[]"
INT = "INT64"
BOOL = "BOOLEAN"


@dataclass(frozen=True)
class NodeLabel:
    name: str
    properties: dict[str, str]
    doc: str


@dataclass(frozen=True)
class RelType:
    name: str
    pairs: tuple[tuple[str, str], ...]
    properties: dict[str, str] = field(default_factory=dict)
    doc: str = ""


# Every node has a stable `key`, a display `name` and `search` (the name folded to
# lowercase ASCII) so that "le tien chau" finds "Lê Tiến Châu".
_COMMON = {"key": STRING, "name": STRING, "search": STRING}

NODES: tuple[NodeLabel, ...] = (
    NodeLabel("Person", {**_COMMON, "aliases": STRINGS, "merged_from": STRINGS, "merge_reasons": STRINGS},
              "a person named in the news (`merged_from`: the keys merged into it, `merge_reasons`: why)"),
    NodeLabel(
        "Organization",
        {**_COMMON, "aliases": STRINGS, "kind": STRING, "level": STRING, "locality": STRING,
         "founded": STRING, "dissolved": STRING},
        "a party committee, state body, front, ministry, enterprise…",
    ),
    NodeLabel("Position", {**_COMMON, "title": STRING, "single_holder": BOOL},
              "a title at one organization, shared by successive holders (`single_holder`: one holder at a time)"),
    NodeLabel(
        "Congress",
        {**_COMMON, "ordinal": INT, "term_start": INT, "term_end": INT, "start_date": STRING,
         "end_date": STRING, "delegates": INT},
        "a congress (đại hội) of an organization",
    ),
    NodeLabel("Event", {**_COMMON, "kind": STRING, "date": STRING}, "a conference, working session or ceremony"),
    NodeLabel(
        "Article",
        {**_COMMON, "title": STRING, "date": STRING, "source": STRING, "locality": STRING, "url": STRING},
        "one article; its key is a hash of its text",
    ),
)

# Statement arrays are aligned index by index: sources[i] (an Article key) said
# evidence[i] with status stated_status[i] as of stated_as_of[i], on basis
# stated_basis[i] (elected, appointed, attested, stated), naming the congress that
# elected the person in stated_congress[i] ("" when none).
_PROVENANCE = {"sources": STRINGS, "evidence": STRINGS}

RELATIONSHIPS: tuple[RelType, ...] = (
    RelType(
        "HELD_OFFICE",
        (("Person", "Position"),),
        {"start_date": STRING, "end_date": STRING, "start_basis": STRING, "end_basis": STRING,
         "first_seen": STRING, "last_seen": STRING, "status": STRING, "elected_at": STRING,
         "replaces": STRING, "replaced_by": STRING,
         **_PROVENANCE, "stated_status": STRINGS, "stated_as_of": STRINGS, "stated_basis": STRINGS,
         "stated_congress": STRINGS},
        "a person's tenure in a position, merged from every statement",
    ),
    RelType("OF", (("Position", "Organization"), ("Congress", "Organization"), ("Event", "Organization")),
            {}, "the organization a position, congress or event belongs to"),
    RelType("SUBORDINATE_TO", (("Organization", "Organization"),),
            {**_PROVENANCE, "since": STRING, "until": STRING, "registry": BOOL},
            "a lower organization under a higher one: stated (`evidence`) and/or from the standard structure "
            "(`registry`)"),
    RelType("ATTENDED", (("Person", "Congress"), ("Person", "Event")),
            {"role": STRING, **_PROVENANCE}, "a person present at a congress or event"),
    RelType(
        "MENTIONS",
        tuple(("Article", label) for label in ("Person", "Organization", "Position", "Congress", "Event")),
        {"sentence": STRING, "reported": BOOL},
        "an entity an article names (for a congress: the sentence, and whether the article reports it: `reported`)",
    ),
)

NODE_LABELS = {n.name: n for n in NODES}
REL_TYPES = {r.name: r for r in RELATIONSHIPS}
