"""Answers that need more than a recipe's rows: who-held says plainly when the
graph cannot be sure who held a post on a date."""
from __future__ import annotations

from typing import Optional

from orggraph.graph.store import Result


def who_held_notes(result: Result, date: Optional[str]) -> Result:
    """Add a `note` column: why an answer on a date is uncertain, or empty."""
    rows = result.dicts()
    by_position: dict[tuple, int] = {}
    for row in rows:
        ident = (row["title"], row["organization"])
        by_position[ident] = by_position.get(ident, 0) + 1
    notes = []
    for row in rows:
        parts = []
        if date and row.get("single_holder") and by_position[(row["title"], row["organization"])] > 1:
            parts.append("conflicting attestations: more than one holder on this date")
        last_seen = row.get("last_seen")
        if date and last_seen and date[: len(last_seen)] > last_seen:
            if row.get("end_basis") == "inferred":
                parts.append(f"inferred: last attested {last_seen}, next holder from {row['end_date']}")
            elif not row.get("end_date"):
                parts.append(f"not attested after {last_seen}")
        notes.append("; ".join(parts))
    columns = [c for c in result.columns if c not in ("single_holder", "evidence")] + ["note", "evidence"]
    out = [[row.get(c) if c != "note" else note for c in columns] for row, note in zip(rows, notes)]
    return Result(columns, out)
