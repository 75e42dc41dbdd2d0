"""loaders/dates.check_iso_date: the one check of every date a user types (--on, recipe
date parameters, the Python API), full or partial ISO, and real on the calendar."""
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orggraph.loaders.dates import DateError, check_iso_date


@pytest.mark.parametrize("value, expected", [
    ("2020", "2020"), ("2020-08", "2020-08"), ("2020-08-04", "2020-08-04"), (" 2024-02-29 ", "2024-02-29"),
    ("2000-02-29", "2000-02-29"), ("2020-12-31", "2020-12-31"), (None, None),
])
def test_real_dates_pass_as_given(value, expected):
    assert check_iso_date(value, "--on") == expected


@pytest.mark.parametrize("value", ["2020-13-45", "2020-13", "2020-00", "2020-01-00", "2021-02-29", "1900-02-29",
                                   "2020-04-31", "20-01-01", "2020/01/01", "2020-1-1", "16/10/2024", "", "2020-08-04T10"])
def test_impossible_or_malformed_dates_name_the_option(value):
    with pytest.raises(DateError, match=r"^--param date must be a real ISO date"):
        check_iso_date(value, "--param date")


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_every_calendar_day_passes(day):
    assert check_iso_date(day.isoformat(), "on") == day.isoformat()


@given(st.integers(1000, 9999), st.integers(1, 12), st.integers(1, 40))
def test_a_day_passes_exactly_when_the_calendar_has_it(year, month, day):
    text = f"{year:04d}-{month:02d}-{day:02d}"
    try:
        dt.date(year, month, day)
        real = True
    except ValueError:
        real = False
    if real:
        assert check_iso_date(text, "on") == text
    else:
        with pytest.raises(DateError):
            check_iso_date(text, "on")
