"""Tests for queries.answers: who-held on a date answers one holder of a one-holder
post, and a holder known only from undated statements never holds it on a date."""
from __future__ import annotations

from orggraph.graph.store import Result
from orggraph.queries.answers import who_held_on

COLUMNS = ["person", "title", "organization", "start_date", "end_date", "status", "first_seen", "last_seen",
           "start_basis", "end_basis", "single_holder", "statements", "statements_that_year", "evidence"]


def row(person, first, last, statuses, dates, single=True, title="Thủ tướng", org="Chính phủ"):
    """A who-held row as the recipe gives it, its statement counts taken from the statuses
    and dates given (`statements_that_year`: holding statements in the queried date's year)."""
    that_year = sum(1 for s, d in zip(statuses, dates) if s in ("current", "start") and d and d[:4] == "2017")
    return [person, title, org, first, None, "current", first, last, "attested", None, single, len(statuses),
            that_year, ["…"] * len(statuses)]


def answer(rows, date, undated_rows=()):
    assert date[:4] == "2017"  # the year row() counts in
    result = who_held_on(Result(COLUMNS, list(rows)), date, Result(COLUMNS, list(rows) + list(undated_rows)))
    return result.dicts()


def test_one_holder_of_a_one_holder_post_the_best_covered():
    premier = row("Nguyễn Xuân Phúc", "2017-02-03", "2017-07-28", ["current"] * 40, ["2017-03-01"] * 40)
    stray = row("Mai Tiến Dũng", "2017", "2017", ["current"], ["2017"])
    found = answer([stray, premier], "2017-06-01")
    assert [r["person"] for r in found] == ["Nguyễn Xuân Phúc"]
    assert found[0]["note"].startswith("other candidates: Mai Tiến Dũng (2017, 1 statements)")


def test_a_holder_attested_on_both_sides_of_the_date_beats_a_busier_one_who_is_not():
    before = row("A", "2017-01-01", "2017-03-01", ["current"] * 30, ["2017-02-01"] * 30)
    around = row("B", "2017-04-01", "2017-07-01", ["current"] * 3, ["2017-05-01"] * 3)
    assert [r["person"] for r in answer([before, around], "2017-06-01")] == ["B"]


def test_several_holders_of_a_multi_holder_post_all_answer():
    deputies = [row(n, "2017", "2017", ["current"], ["2017"], single=False, title="Phó Thủ tướng") for n in "ABC"]
    assert [r["person"] for r in answer(deputies, "2017-06-01")] == ["A", "B", "C"]


def test_undated_holders_are_shown_as_undated_never_as_holding():
    undated = row("Vũ Văn Tám", None, None, ["current"], [None], single=False, title="Phó Thủ tướng")
    found = answer([], "2017-06-01", [undated])
    assert [(r["person"], r["status"]) for r in found] == [("Vũ Văn Tám", "undated")]
    assert "not known to hold it on 2017-06-01" in found[0]["note"]


def test_an_undated_candidate_of_a_one_holder_post_is_a_note():
    premier = row("Nguyễn Xuân Phúc", "2017-02-03", "2017-07-28", ["current"], ["2017-03-01"])
    undated = row("Hồ Thị Kim Thoa", None, None, ["current"], [None])
    found = answer([premier], "2017-06-01", [undated])
    assert [r["person"] for r in found] == ["Nguyễn Xuân Phúc"]
    assert "undated: Hồ Thị Kim Thoa" in found[0]["note"]


def test_the_organization_named_exactly_wins_over_those_containing_its_words():
    ours = row("Nguyễn Thị Kim Ngân", "2017", "2017-05-22", ["current"] * 9, ["2017"] * 9, title="Chủ tịch",
               org="Quốc hội")
    theirs = row("Win Khaing Than", "2017-05-11", "2017-05-11", ["current"], ["2017-05-11"], title="Chủ tịch",
                 org="Quốc hội Myanmar")
    result = who_held_on(Result(COLUMNS, [ours, theirs]), "2017-06-01", None, "quoc hoi")
    assert [r["organization"] for r in result.dicts()] == ["Quốc hội"]
    result = who_held_on(Result(COLUMNS, [ours, theirs]), "2017-06-01", None, "myanmar")
    assert [r["organization"] for r in result.dicts()] == ["Quốc hội", "Quốc hội Myanmar"]  # no exact name: all
