"""The questions the CLI and the Python API answer by name: who held a post, a person's
timeline, a post's succession, an organization's roster and hierarchy.

Each finds the person or organization first (an unknown name is an error listing the
closest names; an ambiguous one lists the candidates), checks dates, then runs the
recipe. `orggraph who-held …` and `open_graph(…).who_held(…)` call the same function.

On a date, a post one person holds at a time gets one answer: the holder whose
attested interval covers the date best (attested on both sides of it, then the
most statements near it, then the most statements); the other candidates go into
the chosen row's `note`, never into more rows.  A tenure with no dated statement
covers no date: it shows as `undated`, after the holders, never as current.  An
organization named exactly wins over those whose names merely contain the words.
"""
from __future__ import annotations

from typing import Optional

from orggraph.graph.lookup import find_nodes, find_organization
from orggraph.graph.store import Result, Store
from orggraph.loaders.dates import check_iso_date
from orggraph.loaders.normalize import fold, name_key
from orggraph.queries import run_recipe


def _sure(min_confidence: Optional[float]) -> Optional[str]:
    """The recipes' `min_confidence` parameter (they take text, as from the command line)."""
    return None if min_confidence is None else repr(float(min_confidence))


def who_held(store: Store, title: str, organization: str, on: Optional[str] = None,
             min_confidence: Optional[float] = None) -> Result:
    """Who held TITLE at ORGANIZATION (on a date), with a `note` when the answer is uncertain;
    with `min_confidence`, only tenures whose surest statement reaches it."""
    on = check_iso_date(on, "on")
    org = find_organization(store, organization)
    params = {"title": title, "organization": org["search"], "min_confidence": _sure(min_confidence)}
    result = run_recipe(store, "who-held", {**params, "date": on})
    every = run_recipe(store, "who-held", {**params, "date": None}) if on else None
    if on:
        result = with_year_counts(store, result, on)
    return who_held_on(result, on, every, org["name"])


def succession(store: Store, title: str, organization: str, min_confidence: Optional[float] = None) -> Result:
    """The holders of a post in order, with tenures and whom each replaced."""
    org = find_organization(store, organization)
    return run_recipe(store, "succession", {"title": title, "organization": org["search"],
                                            "min_confidence": _sure(min_confidence)})


def roster(store: Store, organization: str, on: Optional[str] = None, min_confidence: Optional[float] = None) -> Result:
    """Everyone holding a post in an organization (on a date)."""
    on = check_iso_date(on, "on")
    org = find_organization(store, organization)
    return run_recipe(store, "holders", {"organization": org["search"], "date": on,
                                         "min_confidence": _sure(min_confidence)})


def timeline(store: Store, person: str, min_confidence: Optional[float] = None) -> Result:
    """A person's posts in order; namesakes (one name, several person nodes) all together, unless a
    key (p:…@…) picks one."""
    found = find_nodes(store, "Person", person, "person")
    key = found[0]["key"] if len(found) == 1 else None
    result = run_recipe(store, "timeline", {"person": found[0]["search"], "key": key,
                                            "min_confidence": _sure(min_confidence)})
    if key is None:  # namesakes: their one spelling, not others that fold alike
        spelling = name_key(found[0]["name"])
        at = result.columns.index("person")
        result = Result(result.columns, [row for row in result.rows if name_key(row[at]) == spelling])
    return result


def hierarchy(store: Store, organization: str) -> Result:
    """The organizations stated to be above and below an organization, with their depth."""
    org = find_organization(store, organization)
    above = run_recipe(store, "parent-organizations", {"organization": org["search"]}).dicts()
    below = run_recipe(store, "sub-organizations", {"organization": org["search"]}).dicts()
    rows = [["above", r["depth"], r["organization"], r["parent_organization"], r["basis"]] for r in above]
    rows += [["below", r["depth"], r["organization"], r["sub_organization"], r["basis"]] for r in below]
    return Result(["direction", "depth", "organization", "related_organization", "basis"], rows)


HIDDEN = ("single_holder", "person_key", "position_key", "statements", "statements_that_year", "evidence",
          "more_evidence")
HOLDING = ("current", "start")


def with_year_counts(store: Store, result: Result, date: str) -> Result:
    """who-held's rows with `statements_that_year`: how many statements say the person holds
    the post in the date's year.  Read only for the posts that rank candidates (a post one
    person holds at a time, with more than one answer), so a quiet question costs nothing."""
    rows = result.dicts()
    answers: dict[str, int] = {}
    for row in rows:
        answers[row["position_key"]] = answers.get(row["position_key"], 0) + 1
    pairs = sorted({(r["person_key"], r["position_key"]) for r in rows
                    if r.get("single_holder") and answers[r["position_key"]] > 1})
    near: dict[tuple, int] = {}
    if pairs:
        for person, position, count in store.read(
                "UNWIND $pairs AS r MATCH (x:Position {key: r.dst})<-[:OBJECT]-(s:Statement)-[:SUBJECT]->"
                "(p:Person {key: r.src}) WHERE (s.rejected IS NULL OR NOT s.rejected) AND s.status IN $holding "
                "AND left(s.as_of, 4) = $year RETURN p.key, x.key, count(s)",
                {"pairs": [{"src": a, "dst": b} for a, b in pairs], "holding": list(HOLDING),
                 "year": date[:4]}).rows:
            near[(person, position)] = count
    counts = [near.get((r["person_key"], r["position_key"]), 0) for r in rows]
    return Result([*result.columns, "statements_that_year"],
                  [[*row, count] for row, count in zip(result.rows, counts)])


def _within(date: str, first: Optional[str], last: Optional[str]) -> bool:
    """Whether first ≤ date ≤ last, each compared at its own precision."""
    return bool(first and last) and date[: len(first)] >= first and date[: len(last)] <= last


def cover_score(row: dict, date: str) -> tuple:
    """How well a holder's attested interval covers a date (higher is better)."""
    return (_within(date, row.get("first_seen"), row.get("last_seen")), row.get("statements_that_year") or 0,
            row.get("statements") or 0, row.get("start_date") or "")


def _summary(row: dict) -> str:
    seen = row.get("first_seen")
    span = "undated" if not seen else seen if seen == row.get("last_seen") else f"{seen}..{row.get('last_seen')}"
    return f"{row['person']} ({span}, {row.get('statements') or 0} statements)"


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
    columns = [c for c in result.columns if c not in HIDDEN] + ["note", "evidence", "more_evidence"]
    out = [[row.get(c) if c != "note" else note for c in columns] for row, note in zip(rows, out_notes)]
    return Result(columns, out)

