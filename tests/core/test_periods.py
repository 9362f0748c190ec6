"""Periods as the dataset writes them, and their labels."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chery_viewer.core.periods import Period


@pytest.mark.parametrize(
    ("code", "start", "end", "precision", "label"),
    [
        ("2022", date(2022, 1, 1), date(2022, 12, 31), "year", "2022"),
        ("2022-07", date(2022, 7, 1), date(2022, 7, 31), "month", "Jul 2022"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month", "Feb 2024"),
        ("2022-09-16", date(2022, 9, 16), date(2022, 9, 16), "day", "16 Sep 2022"),
        ("2022-01/2022-08", date(2022, 1, 1), date(2022, 8, 31), "range", "Jan–Aug 2022"),
        ("2022-01/2022-06", date(2022, 1, 1), date(2022, 6, 30), "range", "H1 2022"),
        ("2022-09/2022-12", date(2022, 9, 1), date(2022, 12, 31), "range", "Sep–Dec 2022"),
        ("2021-06/2022-11", date(2021, 6, 1), date(2022, 11, 30), "range", "Jun 2021–Nov 2022"),
    ],
)
def test_parse_and_label(code: str, start: date, end: date, precision: str, label: str):
    period = Period.parse(code)
    assert (period.code, period.start, period.end, period.precision) == (code, start, end, precision)
    assert period.label() == label


def test_is_year_and_months():
    assert Period.parse("2022").is_year
    assert not Period.parse("2022-07").is_year
    assert Period.parse("2022").months is None
    assert Period.parse("2022-07").months == (7, 7)
    assert Period.parse("2022-05/2022-06").months == (5, 6)
    assert Period.parse("2021-06/2022-11").months is None, "a range across years has no months within one year"
    assert Period.parse("2022-09-16").months is None


@pytest.mark.parametrize(
    "code",
    [
        "2022-13",
        "2022-00",
        "2022-02-30",
        "2022-04-31",
        "22",
        "20221",
        "2022-1",
        "2022-7-01",
        "",
        " 2022",
        "2022 ",
        "abc",
        "2022/2023",
        "2022-01-05/2022-02",
        "2022-01/2022-02-01",
        "2022-08/2022-01",
        "/2022-01",
        "2022-01/2022-02/2022-03",
        "2022-W01",
    ],
)
def test_bad_codes_raise_value_error(code: str):
    with pytest.raises(ValueError, match="period"):
        Period.parse(code)


@pytest.mark.parametrize("code", ["2022-01/", "2022/"])
def test_trailing_slash_is_rejected(code: str):
    with pytest.raises(ValueError):
        Period.parse(code)


def test_error_names_the_expected_form():
    with pytest.raises(ValueError, match="2022-01/2022-08"):
        Period.parse("2022/2023")


def test_periods_compare_by_value():
    assert Period.parse("2022-07") == Period.parse("2022-07")
    assert Period.parse("2022-07") != Period.parse("2022-08")


@given(st.integers(min_value=1990, max_value=2100), st.integers(1, 12), st.integers(1, 12))
def test_any_range_within_a_year(year: int, first: int, last: int):
    code = f"{year}-{first:02d}/{year}-{last:02d}"
    if last < first:
        with pytest.raises(ValueError):
            Period.parse(code)
        return
    period = Period.parse(code)
    assert period.months == (first, last)
    assert period.start == date(year, first, 1)
    assert period.end.month == last and period.end.year == year
    assert period.label().endswith(str(year))


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_any_real_day(day: date):
    period = Period.parse(day.isoformat())
    assert period.start == period.end == day
    assert period.precision == "day"
