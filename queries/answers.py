"""Answers that need more than a recipe's rows: who-held says plainly when the
graph cannot be sure who held a post on a date.

On a date, a post one person holds at a time gets one answer: the holder whose
attested interval covers the date best (attested on both sides of it, then the
most statements near it, then the most statements); the other candidates go into
the chosen row's `note`, never into more rows.  A tenure with no dated statement
covers no date: it shows as `undated`, after the holders, never as current.  An
organization named exactly wins over those whose names merely contain the words.
"""
from __future__ import annotations

from typing import Optional

from orggraph.graph.store import Result
from orggraph.loaders.normalize import fold

HOLDING = ("current", "start")
HIDDEN = ("single_holder", "stated_status", "stated_as_of", "evidence")


def _within(date: str, first: Optional[str], last: Optional[str]) -> bool:
    """Whether first ≤ date ≤ last, each compared at its own precision."""
    return bool(first and last) and date[: len(first)] >= first and date[: len(last)] <= last


def _near(row: dict, date: str) -> int:
    """Statements that say the person holds the post in the date's year."""
    statuses = row.get("stated_status") or []
    dates = row.get("stated_as_of") or []
    return sum(1 for s, d in zip(statuses, dates) if s in HOLDING and d and d[:4] == date[:4])


def cover_score(row: dict, date: str) -> tuple:
    """How well a holder's attested interval covers a date (higher is better)."""
    return (_within(date, row.get("first_seen"), row.get("last_seen")), _near(row, date),
            len(row.get("stated_status") or []), row.get("start_date") or "")


def _summary(row: dict) -> str:
    seen = row.get("first_seen")
    span = "undated" if not seen else seen if seen == row.get("last_seen") else f"{seen}..{row.get('last_seen')}"
    return f"{row['person']} ({span}, {len(row.get('stated_status') or [])} statements)"


def _exact(rows: list[dict], organization: Optional[str]) -> list[dict]:
    """The rows of the organization named exactly, when there are any: "Quốc hội" is not
    "Quốc hội Myanmar" nor "Hội đồng Dân tộc của Quốc hội"."""
    if not organization:
        return rows
    wanted = fold(organization)
    exact = [r for r in rows if fold(r["organization"]) == wanted]
    return exact or rows


def who_held_on(result: Result, date: Optional[str], undated: Optional[Result] = None,
                organization: Optional[str] = None) -> Result:
    """who-held's rows with a `note` column; on a date, one holder per single-holder post
    and the undated candidates last (see the module docstring).  With `organization`, an
    organization named exactly wins over those whose names merely contain it."""
    every = _exact(result.dicts() + (undated.dicts() if undated else []), organization)
    wanted = {r["organization"] for r in every}
    rows = [r for r in result.dicts() if r["organization"] in wanted]
    extra = [dict(r, status="undated") for r in (undated.dicts() if undated else [])
             if not r.get("first_seen") and not r.get("start_date") and r["organization"] in wanted]
    notes: dict[int, list[str]] = {}
    if date:
        kept: list[dict] = []
        by_position: dict[tuple, list[dict]] = {}
        for row in rows:
            by_position.setdefault((row["title"], row["organization"]), []).append(row)
        for (title, organization), holders in by_position.items():
            if not holders[0].get("single_holder") or len(holders) == 1:
                kept += holders
                continue
            ranked = sorted(holders, key=lambda r: cover_score(r, date), reverse=True)
            best = ranked[0]
            kept.append(best)
            notes.setdefault(id(best), []).append(
                "other candidates: " + "; ".join(_summary(r) for r in ranked[1:6])
                + (f"; and {len(ranked) - 6} more" if len(ranked) > 6 else ""))
        order = {id(r): i for i, r in enumerate(rows)}
        rows = sorted(kept, key=lambda r: order[id(r)])
        held = {(r["title"], r["organization"]) for r in rows}
        for row in extra:
            ident = (row["title"], row["organization"])
            if ident in held and row.get("single_holder"):
                holder = next(r for r in rows if (r["title"], r["organization"]) == ident)
                notes.setdefault(id(holder), []).append(f"undated: {row['person']}")
                continue
            notes.setdefault(id(row), []).append(f"undated: no dated statement, so not known to hold it on {date}")
            rows.append(row)
    out_notes = []
    for row in rows:
        parts = list(notes.get(id(row), []))
        last_seen = row.get("last_seen")
        if date and last_seen and date[: len(last_seen)] > last_seen:
            if row.get("end_basis") == "inferred":
                parts.append(f"inferred: last attested {last_seen}, next holder from {row['end_date']}")
            elif not row.get("end_date"):
                parts.append(f"not attested after {last_seen}")
        out_notes.append("; ".join(parts))
    columns = [c for c in result.columns if c not in HIDDEN] + ["note", "evidence"]
    out = [[row.get(c) if c != "note" else note for c in columns] for row, note in zip(rows, out_notes)]
    return Result(columns, out)

