"""Tenures: merge the statements about one person in one position into start, end
and status; and, for posts one person holds at a time, order the holders.

Articles only attest: on its date an article says a person holds a post
(`current`), starts it (`start`), leaves it (`end`) or held it before (`former`).
Dates are ISO strings, possibly partial ("2020", "2020-07"), as in Wikidata and
OpenSanctions; comparing them as strings orders them correctly.

Rules for one person in one position (also in the README, "Tenures"):
- `first_seen`/`last_seen`: the earliest and latest dated statement.
- `start_date`: the earliest `start` statement's date, basis `elected` (a congress or
  a vote elected the person; `elected_at` names the congress when the article
  reports it) or `appointed`; else the earliest attestation, basis `attested`.
- `end_date`: the latest `end` statement's date (basis `stated`), or the date of a
  `former` statement (basis `inferred`: "nguyên …" says the post ended before that
  date), unless a later statement says the person holds the post again (for an
  inferred end, one of the same day too).
- `status`: `ended` when an end date is known, `current` when the latest dated
  statement says the person holds or starts the post, otherwise `unknown`; undated
  statements decide it only when no statement is dated.

Succession, for single-holder posts (Bí thư, Chủ tịch, Giám đốc …, and the standing
deputies "Phó … Thường trực"; never another deputy or a member): holders are ordered
by start; the next holder's start closes the previous tenure at the latest there
(basis `inferred`), and consecutive holders get `replaces`/`replaced_by` — unless
the previous holder is still attested in the post after that start: then the two
overlap, and `who-held --on` picks the one whose attestations cover the date best.

A tenure covers a date when start ≤ date and, for a full end date, date < end (the
end day belongs to the successor); a tenure with no dated statement covers no date.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

FIELDS = ("start_date", "end_date", "start_basis", "end_basis", "first_seen", "last_seen", "status",
          "elected_at", "replaces", "replaced_by")


@dataclass
class Statement:
    status: str
    as_of: Optional[str]
    basis: str = "attested"
    congress: str = ""


def compute_tenure(statements: list[Statement | tuple]) -> dict[str, Optional[str]]:
    """The tenure from statements (or plain `(status, as_of)` pairs)."""
    statements = [s if isinstance(s, Statement) else Statement(*s) for s in statements]
    out: dict[str, Optional[str]] = {f: None for f in FIELDS}
    # by date; on one date, a statement that the person holds the post counts last
    dated = sorted((s for s in statements if s.as_of), key=lambda s: (s.as_of, s.status in ("current", "start")))
    statuses = {s.status for s in statements}
    if dated:
        out["first_seen"], out["last_seen"] = dated[0].as_of, dated[-1].as_of
    starts = [s for s in dated if s.status == "start"]
    holding = [s.as_of for s in dated if s.status in ("current", "start")]
    if starts:
        first = starts[0]
        out["start_date"] = first.as_of
        out["start_basis"] = first.basis if first.basis in ("elected", "appointed") else "appointed"
        out["elected_at"] = first.congress or None
    elif holding:
        out["start_date"], out["start_basis"] = holding[0], "attested"
    elected = [s.congress for s in statements if s.congress]
    if elected and not out["elected_at"]:
        out["elected_at"] = elected[0]
    stated_ends = [s.as_of for s in dated if s.status == "end"]
    if stated_ends:
        end, basis = stated_ends[-1], "stated"
    else:
        formers = [s.as_of for s in dated if s.status == "former"]
        end, basis = (formers[0], "inferred") if formers else (None, None)
    # A later statement that the person holds the post undoes an end; for an end only
    # inferred from "nguyên …", so does one of the same day (the sentence that says
    # "nguyên" of one person often says who holds the post now, and names are misread).
    if end and not any(d[: len(end)] > end or (basis == "inferred" and d[: len(end)] == end) for d in holding):
        out["end_date"], out["end_basis"] = end, basis
    if out["end_date"]:
        out["status"] = "ended"
    elif dated and dated[-1].status in ("current", "start"):
        out["status"] = "current"
    elif not dated and statuses & {"end", "former"}:
        out["status"] = "ended"
    elif not dated and statuses & {"current", "start"}:
        out["status"] = "current"
    else:
        out["status"] = "unknown"
    return out


@dataclass
class Holder:
    person: str
    tenure: dict[str, Optional[str]] = field(default_factory=dict)

    @property
    def start(self) -> Optional[str]:
        return self.tenure.get("start_date") or self.tenure.get("first_seen")


def apply_succession(holders: list[Holder]) -> list[Holder]:
    """Order the holders of a single-holder post and close each tenure at the next start."""
    dated = sorted((h for h in holders if h.start), key=lambda h: h.start)
    for holder in holders:
        holder.tenure["replaces"] = holder.tenure["replaced_by"] = None
    for previous, following in zip(dated, dated[1:]):
        if following.start <= previous.start:
            continue  # two holders attested from the same date: a conflict, left as is
        if still_holding_after(previous.tenure, following.start):
            continue  # attested in the post after the other's start: a conflict, not a succession
        end = previous.tenure.get("end_date")
        if end is None or end > following.start:
            previous.tenure["end_date"], previous.tenure["end_basis"] = following.start, "inferred"
            previous.tenure["status"] = "ended"
        previous.tenure["replaced_by"] = following.person
        following.tenure["replaces"] = previous.person
    return holders


def still_holding_after(tenure: dict[str, Optional[str]], date: str) -> bool:
    """Whether a tenure's latest statement says the person holds the post after `date`
    (at the precision of both: "2017" is not after "2017-01-06")."""
    last = tenure.get("last_seen")
    if tenure.get("status") != "current" or not last:
        return False
    width = min(len(last), len(date))
    return last[:width] > date[:width]


def covers(tenure: dict[str, Optional[str]], date: str) -> bool:
    """Whether a tenure covers an ISO date (see the module docstring)."""
    start = tenure.get("start_date") or tenure.get("first_seen")
    if not start or date[: len(start)] < start:
        return False  # a tenure with no dated statement covers no date
    end = tenure.get("end_date")
    if end is None:
        return True
    return date < end if len(end) == 10 else date[: len(end)] <= end
