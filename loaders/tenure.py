"""Tenures: merge the statements about one person in one position into start, end
and status.

Articles only attest: on its date an article says a person holds a post
(`current`), starts it (`start`), leaves it (`end`) or held it before (`former`).
Dates are ISO strings, possibly partial ("2020", "2020-07"); comparing them as
strings orders them correctly within the same precision.

Rules:
- `first_seen`/`last_seen`: the earliest and latest dated statement.
- `start_date`: the earliest `start` statement's date (basis `stated`), else the
  earliest attestation (basis `attested`).
- `end_date`: the latest `end` statement's date (basis `stated`), or the date of
  a `former` statement (basis `inferred`: the post ended before that date), unless a
  later statement says the person holds it again.
- `status`: `ended` when an end is known, `current` when the latest statement says
  the person holds or starts the post, else `unknown`.
"""
from __future__ import annotations


def compute_tenure(statements: list[tuple[str, str | None]]) -> dict[str, str | None]:
    dated = sorted((d, s) for s, d in statements if d)
    statuses = {s for s, _ in statements}
    out: dict[str, str | None] = {f: None for f in ("start_date", "end_date", "start_basis", "end_basis",
                                                     "first_seen", "last_seen", "status")}
    if dated:
        out["first_seen"], out["last_seen"] = dated[0][0], dated[-1][0]
    starts = [d for d, s in dated if s == "start"]
    holding = [d for d, s in dated if s in ("current", "start")]
    if starts:
        out["start_date"], out["start_basis"] = starts[0], "stated"
    elif holding:
        out["start_date"], out["start_basis"] = holding[0], "attested"
    ends = [(d, "stated") for d, s in dated if s == "end"] + [(d, "inferred") for d, s in dated if s == "former"]
    if ends:
        end_date, basis = min(ends) if not [d for d, s in dated if s == "end"] else max(
            (e for e in ends if e[1] == "stated"))
        if not any(d > end_date for d in holding):
            out["end_date"], out["end_basis"] = end_date, basis
    if out["end_date"]:
        out["status"] = "ended"
    elif dated and dated[-1][1] in ("current", "start"):
        out["status"] = "current"
    elif not dated and statuses & {"end", "former"}:
        out["status"] = "ended"
    elif not dated and statuses & {"current", "start"}:
        out["status"] = "current"
    else:
        out["status"] = "unknown"
    return out
