"""Keeping tenures current as statements arrive: the plumbing around loaders/tenure.py.

A tenure (HELD_OFFICE) is recomputed only for the (person, position) pairs a write
touched, each from its statements in one indexed read (Position → OBJECT ← Statement →
SUBJECT → Person).  A single-holder post then orders its holders from their stored
tenures, not their statements: `own_end_date`, `own_end_basis` and `own_status` keep each
tenure as its own statements give it, before the next holder's start closes it, so the
rules in loaders/tenure.py can run again over any holders without re-reading anything.
A pair with no statement left (curation moved or rejected them all) loses its tenure.
"""
from __future__ import annotations

from orggraph.graph.store import Store
from orggraph.loaders.tenure import FIELDS, Holder, Statement, apply_succession, compute_tenure

OWN = {"own_end_date": "end_date", "own_end_basis": "end_basis", "own_status": "status"}
_STORED = (*FIELDS, *OWN)


def statements_of(store: Store, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], list[Statement]]:
    """The statements (not rejected) about each (person, position) pair, in load order."""
    found = store.read(
        "UNWIND $pairs AS r MATCH (x:Position {key: r.dst})<-[:OBJECT]-(s:Statement)-[:SUBJECT]->(p:Person {key: r.src}) "
        "WHERE s.rejected IS NULL OR NOT s.rejected "
        "RETURN p.key, x.key, s.seq, s.status, s.as_of, s.basis, s.congress",
        {"pairs": [{"src": a, "dst": b} for a, b in pairs]}).rows
    out: dict[tuple[str, str], list[tuple]] = {}
    for person, position, seq, status, as_of, basis, congress in found:
        out.setdefault((person, position), []).append((seq, Statement(status, as_of, basis or "attested",
                                                                      congress or "")))
    return {pair: [s for _, s in sorted(rows, key=lambda r: r[0])] for pair, rows in out.items()}


def refresh_tenures(store: Store, pairs: list[tuple[str, str]]) -> None:
    """Recompute the tenures of `pairs` from their statements, then the succession of
    every single-holder post among them (loaders/tenure.py holds the rules)."""
    pairs = sorted(set(pairs))
    if not pairs:
        return
    said = statements_of(store, pairs)
    gone = [{"src": a, "dst": b} for a, b in pairs if (a, b) not in said]
    if gone:
        store.write("UNWIND $rows AS r MATCH (p:Person {key: r.src})-[h:HELD_OFFICE]->(x:Position {key: r.dst}) "
                    "DELETE h", {"rows": gone})
    fresh = {pair: compute_tenure(statements) for pair, statements in said.items()}
    positions = sorted({b for _, b in said})
    cols = ", ".join(f"h.{f}" for f in _STORED)
    stored = store.read(
        "UNWIND $positions AS k MATCH (p:Person)-[h:HELD_OFFICE]->(x:Position {key: k}) WHERE x.single_holder "
        f"RETURN p.key, x.key, {cols}", {"positions": positions}).rows
    holders: dict[str, list[Holder]] = {}
    before: dict[tuple[str, str], dict] = {}
    for person, position, *values in stored:
        tenure = dict(zip(_STORED, values))
        before[(person, position)] = tenure
        if (person, position) not in fresh:  # the tenure as its own statements give it
            own = {f: tenure[f] for f in FIELDS}
            own.update({field: tenure[mine] for mine, field in OWN.items()})
            fresh[(person, position)] = own
        holders.setdefault(position, []).append(Holder(person, fresh[(person, position)]))
    updates = []
    for (person, position), tenure in fresh.items():
        own = {mine: tenure.get(field) for mine, field in OWN.items()}
        if position not in holders:
            tenure["replaces"] = tenure["replaced_by"] = None
        updates.append((person, position, own))
    for position_holders in holders.values():
        apply_succession(position_holders)
    rows = []
    for person, position, own in updates:
        row = {**{f: fresh[(person, position)].get(f) for f in FIELDS}, **own}
        if before.get((person, position)) != row:
            rows.append({"src": person, "dst": position, **row})
    if rows:
        sets = ", ".join(f"h.{f} = r.{f}" for f in _STORED)
        store.write("UNWIND $rows AS r MATCH (p:Person {key: r.src})-[h:HELD_OFFICE]->(x:Position {key: r.dst}) "
                    f"SET {sets}", {"rows": rows})
