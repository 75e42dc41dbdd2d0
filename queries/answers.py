"""The questions the CLI and the Python API answer by name: who held a post, a person's
timeline, a post's succession, an organization's roster and hierarchy.

Each finds the person or organization first (an unknown name is an error listing the
closest names; an ambiguous one lists the candidates), checks dates, then runs the
recipe. `orggraph who-held …` and `open_graph(…).who_held(…)` call the same function.
"""
from __future__ import annotations

from typing import Optional

from orggraph.graph.lookup import find_nodes, find_organization
from orggraph.graph.store import Result, Store
from orggraph.loaders.dates import check_iso_date
from orggraph.queries import run_recipe


def who_held(store: Store, title: str, organization: str, on: Optional[str] = None) -> Result:
    """Who held TITLE at ORGANIZATION (on a date), with a `note` when the answer is uncertain."""
    on = check_iso_date(on, "on")
    org = find_organization(store, organization)
    result = run_recipe(store, "who-held", {"title": title, "organization": org["search"], "date": on})
    return who_held_notes(result, on)


def succession(store: Store, title: str, organization: str) -> Result:
    """The holders of a post in order, with tenures and whom each replaced."""
    org = find_organization(store, organization)
    return run_recipe(store, "succession", {"title": title, "organization": org["search"]})


def roster(store: Store, organization: str, on: Optional[str] = None) -> Result:
    """Everyone holding a post in an organization (on a date)."""
    on = check_iso_date(on, "on")
    org = find_organization(store, organization)
    return run_recipe(store, "holders", {"organization": org["search"], "date": on})


def timeline(store: Store, person: str) -> Result:
    """A person's posts in order; namesakes (one name, several person nodes) all together, unless a
    key (p:…@…) picks one."""
    found = find_nodes(store, "Person", person, "person")
    key = found[0]["key"] if len(found) == 1 else None
    return run_recipe(store, "timeline", {"person": found[0]["search"], "key": key})


def hierarchy(store: Store, organization: str) -> Result:
    """The organizations stated to be above and below an organization, with their depth."""
    org = find_organization(store, organization)
    above = run_recipe(store, "parent-organizations", {"organization": org["search"]}).dicts()
    below = run_recipe(store, "sub-organizations", {"organization": org["search"]}).dicts()
    rows = [["above", r["depth"], r["organization"], r["parent_organization"]] for r in above]
    rows += [["below", r["depth"], r["organization"], r["sub_organization"]] for r in below]
    return Result(["direction", "depth", "organization", "related_organization"], rows)


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
