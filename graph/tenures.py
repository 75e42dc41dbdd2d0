"""Keeping tenures current as statements arrive: the plumbing around loaders/tenure.py.

A tenure (HELD_OFFICE) is recomputed only for the (person, position) pairs a write
touched, each from its statements in one indexed read (Position ← OBJECT ← Statement →
SUBJECT → Person).  A single-holder post then orders its holders from their stored
tenures, not their statements: `own_end_date`, `own_end_basis` and `own_status` keep each
tenure as its own statements give it, before the next holder's start closes it, so the
rules in loaders/tenure.py can run again over any holders without re-reading anything.
A pair with no statement left (curation moved or rejected them all) loses its tenure.
"""
from __future__ import annotations

from typing import NamedTuple

from orggraph.graph.store import Store
from orggraph.loaders.tenure import FIELDS, Holder, Statement, apply_succession, compute_tenure

OWN = {"own_end_date": "end_date", "own_end_basis": "end_basis", "own_status": "status"}
# Sentences a recipe shows per tenure: those of its first EVIDENCE statements (load order).
# A tenure counts its statements and keeps the keys of its first EVIDENCE, so a recipe
# reads those few by primary key and says how many more there are, whatever the post's
# fame (joining a post's statements to a person's costs as much as both have).
EVIDENCE = 3
COUNTS = ("statements", "first_statements", "confidence")
STORED = (*FIELDS, *OWN, *COUNTS)

Pair = tuple[str, str]  # (person key, position key)
# A pair's person by primary key first, then its relationships: one MATCH naming both ends
# by key is planned as a cross product of the tables with every row (slow at scale).
PERSON_THEN = "MATCH (p:Person {key: r.src}) WITH p, r"
HELD = f"{PERSON_THEN} MATCH (p)-[h:HELD_OFFICE]->(x:Position) WHERE x.key = r.dst"


def statement_of(row: dict) -> Statement:
    """The rules' view of a Statement node's properties."""
    return Statement(row["status"], row["as_of"], row.get("basis") or "attested", row.get("congress") or "")


class Stated(NamedTuple):
    """One statement about a (person, position) pair, as tenures need it."""
    seq: int
    key: str
    confidence: float
    rule: Statement  # the rules' view


Said = dict[Pair, list[Stated]]  # a pair's statements (not rejected), in load order


def stated(row: dict) -> Stated:
    return Stated(row["seq"], row["key"], row.get("confidence") or 1.0, statement_of(row))


def statements_of(store: Store, pairs: list[Pair]) -> Said:
    """The statements (not rejected) about each (person, position) pair, in load order."""
    found = store.read(
        f"UNWIND $pairs AS r {PERSON_THEN} MATCH (p)<-[:SUBJECT]-(s:Statement)-[:OBJECT]->(x:Position) "
        "WHERE x.key = r.dst AND (s.rejected IS NULL OR NOT s.rejected) "
        "RETURN p.key AS person, x.key AS position, s.seq AS seq, s.key AS key, s.status AS status, s.as_of AS as_of, "
        "s.basis AS basis, s.congress AS congress, s.confidence AS confidence",
        {"pairs": [{"src": a, "dst": b} for a, b in pairs]}).dicts()
    found.sort(key=lambda row: row["seq"])
    out: Said = {}
    for row in found:
        out.setdefault((row["person"], row["position"]), []).append(stated(row))
    return out


def counts(said: list[Stated]) -> dict:
    """How many statements a tenure rests on, the first ones recipes show, and how sure
    its surest statement is (what `--min-confidence` compares)."""
    return {"statements": len(said), "first_statements": [s.key for s in said[:EVIDENCE]],
            "confidence": max(s.confidence for s in said)}


def settle(said: Said, stored: dict[Pair, dict], single: set[str]) -> dict[Pair, dict]:
    """The tenures to store: those of the pairs in `said`, from their statements, and
    for the single-holder posts among them (`single`) the succession over every holder,
    the others' tenures taken from `stored` (their stored properties, STORED).  Returns
    every pair whose stored properties change, with all of STORED."""
    fresh = {pair: compute_tenure([s.rule for s in rows]) for pair, rows in said.items()}
    own = {pair: {mine: tenure.get(field) for mine, field in OWN.items()} for pair, tenure in fresh.items()}
    counted = {pair: counts(rows) for pair, rows in said.items()}
    holders: dict[str, list[Holder]] = {}
    for (person, position), tenure in stored.items():
        if position not in single:
            continue
        if (person, position) not in fresh:  # the tenure as its own statements give it
            restored = {f: tenure.get(f) for f in FIELDS}
            restored.update({field: tenure.get(mine) for mine, field in OWN.items()})
            fresh[(person, position)] = restored
            own[(person, position)] = {mine: tenure.get(mine) for mine in OWN}
            counted[(person, position)] = {c: tenure.get(c) for c in COUNTS}
    for (person, position), tenure in fresh.items():
        tenure["replaces"] = tenure["replaced_by"] = None
        if position in single:
            holders.setdefault(position, []).append(Holder(person, tenure))
    for position_holders in holders.values():
        apply_succession(position_holders)
    changed = {}
    for pair, tenure in fresh.items():
        row = {**{f: tenure.get(f) for f in FIELDS}, **own[pair], **counted[pair]}
        if stored.get(pair) != row:
            changed[pair] = row
    return changed


def refresh_tenures(store: Store, pairs: list[Pair]) -> None:
    """Recompute the tenures of `pairs` from their statements, then the succession of
    every single-holder post among them (loaders/tenure.py holds the rules)."""
    pairs = sorted(set(pairs))
    if not pairs:
        return
    said = statements_of(store, pairs)
    gone = [{"src": a, "dst": b} for a, b in pairs if (a, b) not in said]
    if gone:
        store.write(f"UNWIND $rows AS r {HELD} "
                    "DELETE h", {"rows": gone})
    cols = ", ".join(f"h.{f} AS {f}" for f in STORED)
    stored = {}
    for row in store.read(
            "UNWIND $positions AS k MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position {key: k}) WHERE x.single_holder "
            f"RETURN p.key AS person, x.key AS position, {cols}", {"positions": sorted({b for _, b in said})}).dicts():
        stored[(row.pop("person"), row.pop("position"))] = row
    changed = settle(said, stored, {position for _, position in stored})
    rows = [{"src": a, "dst": b, **row} for (a, b), row in changed.items()]
    if rows:
        sets = ", ".join(f"h.{f} = r.{f}" for f in STORED)
        store.write(f"UNWIND $rows AS r {HELD} "
                    f"SET {sets}", {"rows": rows})
