"""Tests for loaders.tenure.compute_tenure: the rules written in its docstring.

Statements are (stated status, as-of date) pairs, as the seeds give them: Phạm Xuân
Thanh "Bí thư Đảng ủy khối các cơ quan" on 2020-08-04 (seeds/000), Nguyễn Mạnh Cường
"tái đắc cử Bí thư" on 2020-07-11 (seeds/003), Lê Tiến Châu "Bí thư Thành ủy" on
2024-10-16 (seeds/001), Trần Đình Mạnh "nguyên Bí thư" (dev-02, undated).
"""

from __future__ import annotations

import pytest

from orggraph.loaders.tenure import Holder, Statement, apply_succession, compute_tenure, covers

FIELDS = {"start_date", "end_date", "start_basis", "end_basis", "first_seen", "last_seen", "status",
          "elected_at", "replaces", "replaced_by"}


def test_always_returns_every_field():
    assert set(compute_tenure([("current", "2020-08-04")])) == FIELDS
    assert set(compute_tenure([])) == FIELDS


def test_no_statements_is_unknown_with_no_dates():
    t = compute_tenure([])
    assert t["status"] == "unknown"
    assert all(t[f] is None for f in FIELDS - {"status"})


# -- first_seen / last_seen --------------------------------------------------------------

def test_first_and_last_seen_are_earliest_and_latest_dated_statements_in_any_order():
    t = compute_tenure([("current", "2024-10-16"), ("current", "2019-01-26"), ("current", "2020-08-04")])
    assert (t["first_seen"], t["last_seen"]) == ("2019-01-26", "2024-10-16")


def test_undated_statements_do_not_count_as_seen():
    t = compute_tenure([("current", None), ("current", "2020-08-04"), ("current", None)])
    assert (t["first_seen"], t["last_seen"]) == ("2020-08-04", "2020-08-04")


def test_partial_dates_of_one_precision_order_as_dates():
    t = compute_tenure([("current", "2021"), ("current", "2019"), ("current", "2020")])
    assert (t["first_seen"], t["last_seen"]) == ("2019", "2021")
    t = compute_tenure([("current", "2020-11"), ("current", "2020-07"), ("current", "2021-01")])
    assert (t["first_seen"], t["last_seen"]) == ("2020-07", "2021-01")


def test_a_year_sorts_before_a_month_of_that_year():
    t = compute_tenure([("current", "2020-07"), ("current", "2020")])
    assert (t["first_seen"], t["last_seen"]) == ("2020", "2020-07")


# -- start_date ----------------------------------------------------------------------------

CONGRESS_003 = "Đại hội đại biểu Đảng bộ Khối các cơ quan tỉnh Quảng Ninh lần thứ IX"


def test_elected_start_names_its_congress():
    # seeds/003: "Đồng chí Nguyễn Mạnh Cường tái đắc cử Bí thư …" at the congress the article reports
    t = compute_tenure([Statement("start", "2020-07-11", "elected", CONGRESS_003), Statement("current", "2021-03-02")])
    assert (t["start_date"], t["start_basis"], t["elected_at"]) == ("2020-07-11", "elected", CONGRESS_003)


def test_appointed_start():
    # dev-01: "Đồng chí Đoàn Minh Huấn được bổ nhiệm làm Tổng biên tập Tạp chí Cộng sản"
    t = compute_tenure([Statement("start", "2017-07-12", "appointed")])
    assert (t["start_date"], t["start_basis"], t["elected_at"]) == ("2017-07-12", "appointed", None)


def test_a_start_without_a_basis_counts_as_appointed():
    t = compute_tenure([("start", "2020-07-11")])
    assert (t["start_date"], t["start_basis"]) == ("2020-07-11", "appointed")


def test_stated_start_wins_over_an_earlier_attestation():
    t = compute_tenure([("current", "2019-01-26"), Statement("start", "2020-07-11", "elected"), ("current", "2024-10-16")])
    assert (t["start_date"], t["start_basis"]) == ("2020-07-11", "elected")


def test_earliest_of_several_stated_starts():
    t = compute_tenure([Statement("start", "2020-07-11", "elected"), Statement("start", "2015-07-10", "appointed")])
    assert (t["start_date"], t["start_basis"]) == ("2015-07-10", "appointed")


def test_without_a_stated_start_the_earliest_attestation_is_the_start():
    t = compute_tenure([("current", "2024-10-16"), ("current", "2020-08-04")])
    assert (t["start_date"], t["start_basis"]) == ("2020-08-04", "attested")


def test_partial_date_start():
    t = compute_tenure([Statement("start", "2020-07", "elected"), ("current", "2020-08-04")])
    assert (t["start_date"], t["start_basis"]) == ("2020-07", "elected")
    t = compute_tenure([("current", "2021"), ("current", "2020")])
    assert (t["start_date"], t["start_basis"]) == ("2020", "attested")


def test_undated_start_gives_no_start_date():
    t = compute_tenure([("start", None)])
    assert t["start_date"] is None and t["start_basis"] is None


# -- end_date ------------------------------------------------------------------------------

def test_stated_end():
    t = compute_tenure([("current", "2019-01-26"), ("end", "2020-07-11")])
    assert (t["end_date"], t["end_basis"], t["status"]) == ("2020-07-11", "stated", "ended")


def test_latest_of_several_stated_ends():
    t = compute_tenure([("end", "2018"), ("end", "2020-03"), ("current", "2017")])
    assert (t["end_date"], t["end_basis"]) == ("2020-03", "stated")


def test_former_statement_infers_an_end():
    # "nguyên Bí thư …" said on 2024-10-16 of a post attested in 2020
    t = compute_tenure([("current", "2020-08-04"), ("former", "2024-10-16")])
    assert (t["end_date"], t["end_basis"], t["status"]) == ("2024-10-16", "inferred", "ended")


def test_the_earliest_former_statement_bounds_the_end():
    t = compute_tenure([("former", "2021"), ("former", "2019")])
    assert (t["end_date"], t["end_basis"]) == ("2019", "inferred")


def test_stated_end_wins_over_a_former_statement():
    t = compute_tenure([("former", "2024"), ("end", "2020-03"), ("current", "2019")])
    assert (t["end_date"], t["end_basis"]) == ("2020-03", "stated")


def test_a_later_holding_statement_cancels_the_end():
    # left the post, then holds it again
    t = compute_tenure([("current", "2015"), ("end", "2016-05"), ("start", "2020-07-11")])
    assert t["end_date"] is None and t["end_basis"] is None
    assert t["status"] == "current"


def test_a_later_current_statement_cancels_an_inferred_end():
    t = compute_tenure([("former", "2019-01-26"), ("current", "2024-10-16")])
    assert t["end_date"] is None and t["status"] == "current"


def test_an_earlier_holding_statement_does_not_cancel_the_end():
    t = compute_tenure([("current", "2024-10-16"), ("start", "2020-07-11"), ("end", "2025-01")])
    assert (t["end_date"], t["status"]) == ("2025-01", "ended")


# -- status --------------------------------------------------------------------------------

@pytest.mark.parametrize("statements", [
    [("current", "2024-10-16")],
    [("start", "2020-07-11")],
    [("current", "2019-01-26"), ("start", "2020-07-11")],
])
def test_current_when_the_latest_statement_holds_or_starts(statements):
    t = compute_tenure(statements)
    assert t["status"] == "current" and t["end_date"] is None


def test_undated_former_is_ended_without_a_date():
    # "ông Trần Đình Mạnh, nguyên Bí thư, Chủ tịch UBND huyện Tuy Đức" (dev-02 has no date)
    t = compute_tenure([("former", None)])
    assert t["status"] == "ended" and t["end_date"] is None and t["end_basis"] is None


def test_undated_end_is_ended():
    assert compute_tenure([("end", None)])["status"] == "ended"


def test_undated_current_is_current():
    t = compute_tenure([("current", None)])
    assert t["status"] == "current" and t["start_date"] is None


def test_statement_order_does_not_matter():
    statements = [("current", "2019-01-26"), ("start", "2020-07-11"), ("former", "2024"), ("current", "2020-08-04")]
    assert compute_tenure(statements) == compute_tenure(list(reversed(statements)))


# -- succession (single-holder posts) --------------------------------------------------------

def holder(person: str, *statements) -> Holder:
    return Holder(person, compute_tenure(list(statements)))


def test_the_next_holders_start_closes_the_previous_tenure():
    # Bí thư Đảng ủy Khối các cơ quan Hải Phòng: Phạm Xuân Thanh (seeds/000), later Phạm Quang Hiển (seeds/001)
    thanh = holder("Phạm Xuân Thanh", ("current", "2020-08-04"))
    hien = holder("Phạm Quang Hiển", ("current", "2024-10-16"))
    apply_succession([hien, thanh])
    assert (thanh.tenure["end_date"], thanh.tenure["end_basis"], thanh.tenure["status"]) == (
        "2024-10-16", "inferred", "ended")
    assert (thanh.tenure["replaced_by"], hien.tenure["replaces"]) == ("Phạm Quang Hiển", "Phạm Xuân Thanh")
    assert hien.tenure["end_date"] is None and hien.tenure["status"] == "current"


def test_an_earlier_stated_end_is_kept():
    first = holder("A", ("current", "2015"), ("end", "2019-06"))
    second = holder("B", ("start", "2020-07-11"))
    apply_succession([first, second])
    assert (first.tenure["end_date"], first.tenure["end_basis"]) == ("2019-06", "stated")


def test_holders_from_the_same_date_are_left_as_they_are():
    a = holder("A", ("current", "2024-10-16"))
    b = holder("B", ("current", "2024-10-16"))
    apply_succession([a, b])
    assert a.tenure["end_date"] is None and b.tenure["end_date"] is None
    assert a.tenure["replaced_by"] is None and b.tenure["replaces"] is None


def test_undated_holders_take_no_part_in_succession():
    a = holder("A", ("current", None))
    b = holder("B", ("current", "2020-08-04"))
    apply_succession([a, b])
    assert a.tenure["replaced_by"] is None and b.tenure["replaces"] is None and a.tenure["end_date"] is None


# -- coverage of a date ----------------------------------------------------------------------

def test_a_tenure_covers_dates_from_its_start():
    t = compute_tenure([("current", "2020-08-04")])
    assert covers(t, "2020-08-04") and covers(t, "2024-10-16")
    assert not covers(t, "2020-08-03")


def test_the_end_day_belongs_to_the_successor():
    t = {"start_date": "2020-08-04", "end_date": "2024-10-16"}
    assert covers(t, "2024-10-15") and not covers(t, "2024-10-16")


def test_partial_dates_cover_their_whole_period():
    assert covers({"start_date": "2020", "end_date": None}, "2020-01-01")
    assert covers({"start_date": "2020-07", "end_date": None}, "2020-07-01")
    assert not covers({"start_date": "2020-07", "end_date": None}, "2020-06-30")
    assert covers({"start_date": "2015", "end_date": "2020"}, "2020-12-31")
    assert not covers({"start_date": "2015", "end_date": "2020"}, "2021-01-01")



def test_a_junk_start_does_not_end_a_holder_still_attested_after_it():
    # issue 12: one article calls someone else "Thủ tướng" in January; the premier is attested
    # in the post through the year, so nothing ends his tenure
    premier = Holder("phuc", compute_tenure([("start", "2016-04-07"), ("current", "2017-03-01"),
                                             ("current", "2017-06-20")]))
    other = Holder("other", compute_tenure([("start", "2017-01-06")]))
    apply_succession([premier, other])
    assert premier.tenure["end_date"] is None and premier.tenure["replaced_by"] is None
    assert covers(premier.tenure, "2017-06-01")


def test_a_successor_still_ends_a_holder_last_attested_before_the_start():
    first = Holder("a", compute_tenure([("start", "2015-10-01"), ("current", "2016-12-01")]))
    second = Holder("b", compute_tenure([("start", "2017-04-10")]))
    apply_succession([first, second])
    assert (first.tenure["end_date"], first.tenure["replaced_by"]) == ("2017-04-10", "b")


def test_a_nguyen_on_the_day_the_person_is_said_to_hold_the_post_ends_nothing():
    # baomoi 2017: "Tổng Bí thư Nguyễn Phú Trọng, nguyên Tổng Bí thư: Lê Khả Phiêu, …" misread as "nguyên" of him
    tenure = compute_tenure([("current", "2017-02-03"), ("former", "2017-05-22"), ("current", "2017-05-22")])
    assert tenure["end_date"] is None and tenure["status"] == "current"
    stated = compute_tenure([("current", "2017-02-03"), ("end", "2017-05-22"), ("current", "2017-05-22")])
    assert stated["end_date"] == "2017-05-22"  # a stated end still ends it


def test_an_undated_tenure_covers_no_date():
    undated = compute_tenure([("current", None)])
    assert undated["status"] == "current" and not covers(undated, "2017-06-01")
