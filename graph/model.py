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
DOUBLE = "DOUBLE"


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
    NodeLabel(
        "Statement",
        {"key": STRING, "fact": STRING, "status": STRING, "as_of": STRING, "basis": STRING, "congress": STRING,
         "confidence": DOUBLE, "sentence": STRING, "rejected": BOOL, "seq": INT},
        "one fact one sentence of one article says: `fact` held_office (with `status` current, start, end or "
        "former, `as_of`, `basis`, `congress`: the congress that elected), subordinate_to or attended; "
        "`confidence`: how sure extraction is (1.0 for other facts); `rejected` by the user (curate reject); `seq`: load order",
    ),
)

RELATIONSHIPS: tuple[RelType, ...] = (
    RelType(
        "HELD_OFFICE",
        (("Person", "Position"),),
        {"start_date": STRING, "end_date": STRING, "start_basis": STRING, "end_basis": STRING,
         "first_seen": STRING, "last_seen": STRING, "status": STRING, "elected_at": STRING,
         "replaces": STRING, "replaced_by": STRING,
         "own_end_date": STRING, "own_end_basis": STRING, "own_status": STRING,
         "statements": INT, "first_statements": STRINGS, "confidence": DOUBLE},
        "a person's tenure in a position, merged from its statements (`own_…`: before the next holder's start "
        "closes it; `statements`: how many rest on it; `first_statements`: the keys of the first "
        "three, whose sentences recipes show; `confidence`: its surest statement's)",
    ),
    RelType("OF", (("Position", "Organization"), ("Congress", "Organization"), ("Event", "Organization")),
            {}, "the organization a position, congress or event belongs to"),
    RelType("SUBORDINATE_TO", (("Organization", "Organization"),),
            {"since": STRING, "until": STRING, "registry": BOOL, "stated": BOOL},
            "a lower organization under a higher one: `stated` (Statement nodes rest on it) and/or from the "
            "standard structure (`registry`)"),
    RelType("ATTENDED", (("Person", "Congress"), ("Person", "Event")),
            {"role": STRING}, "a person present at a congress or event"),
    RelType(
        "MENTIONS",
        tuple(("Article", label) for label in ("Person", "Organization", "Position", "Congress", "Event")),
        {"sentence": STRING, "reported": BOOL},
        "an entity an article names (for a congress: the sentence, and whether the article reports it: `reported`)",
    ),
    # A statement links its article, its subject and its object (see STATEMENT_FACTS).
    RelType("STATES", (("Article", "Statement"),), {}, "the article that makes a statement"),
    RelType("SUBJECT", (("Statement", "Person"), ("Statement", "Organization")), {},
            "who or what a statement is about: the holder, the attendee, the lower organization"),
    RelType("OBJECT", (("Statement", "Position"), ("Statement", "Organization"), ("Statement", "Congress"),
                       ("Statement", "Event")), {},
            "what a statement says of its subject: the post, the higher organization, the congress or event"),
)

# One Statement node per fact per sentence per article: (fact, subject label, object label).
STATEMENT_FACTS = {
    "held_office": ("Person", "Position"),
    "subordinate_to": ("Organization", "Organization"),
    "attended": ("Person", None),  # a Congress or an Event
}

NODE_LABELS = {n.name: n for n in NODES}
REL_TYPES = {r.name: r for r in RELATIONSHIPS}
