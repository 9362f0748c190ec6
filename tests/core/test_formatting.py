"""How numbers are written: one set of rules for the screen, tooltips and the PDF."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chery_viewer.core.formatting import (
    format_change,
    format_number,
    format_percent,
    format_value,
    format_with_unit,
    is_safe_url,
    spreadsheet_safe,
    unit_word,
)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1_232_727, 0, "1,232,727"),
        (0, 0, "0"),
        (999, 0, "999"),
        (1000, 0, "1,000"),
        (1234.56, 1, "1,234.6"),
    ],
)
def test_format_number(value: float, decimals: int, expected: str):
    assert format_number(value, decimals) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (28.2, "28.2%"),
        (30, "30%"),
        (30.0, "30%"),
        (36.61, "36.6%"),
        (27.98, "28%"),
        (0.9, "0.9%"),
        (101.1, "101.1%"),
        (-23.81, "−23.8%"),  # a true minus sign, as in format_change
        (0, "0%"),
    ],
)
def test_format_percent(value: float, expected: str):
    assert format_percent(value) == expected


def test_format_percent_never_writes_minus_zero():
    assert format_percent(-0.04) == "0%"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (28.2, "+28.2%"),
        (0, "+0%"),
        (-23.81, "\u221223.8%"),
        (111, "+111%"),
        (None, ""),
        (math.nan, ""),
    ],
)
def test_format_change_uses_a_sign_and_a_true_minus(value, expected: str):
    assert format_change(value) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((1_232_727, "vehicles"), "1,232,727"),
        ((730_000, "vehicles", True), "~730,000"),
        ((96_000, "vehicles", True, True), ">96,000"),
        ((96_000, "vehicles", False, True), ">96,000"),
        ((11_200_000, "users", True), "11.20 million"),
        ((2_400_000, "users", True), "2.40 million"),
        ((11_200_000, "users"), "11,200,000"),
        ((3_110_000, "vehicles", True), "3.11 million"),
        ((1_234_567, "vehicles", True), "1.23 million"),  # no false digits
        ((28.2, "percent"), "28.2%"),
        ((37, "percent", True), "~37%"),
        ((100, "CNY billion"), "CNY 100 bn"),
        ((10.1, "CNY billion"), "CNY 10.1 bn"),
        ((None, "vehicles"), "n/a"),
        ((math.nan, "percent"), "n/a"),
        ((0, "vehicles"), "0"),
    ],
)
def test_format_value(args: tuple, expected: str):
    assert format_value(*args) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((1_232_727, "vehicles"), "1,232,727 vehicles"),
        ((260_000, "square metres"), "260,000 m²"),
        ((200_000, "vehicles per year"), "200,000 vehicles a year"),
        ((28.2, "percent"), "28.2%"),
        ((100, "CNY billion"), "CNY 100 bn"),
        ((None, "vehicles"), "n/a"),
        ((20_000, "people", True, True), ">20,000 people"),
    ],
)
def test_format_with_unit(args: tuple, expected: str):
    assert format_with_unit(*args) == expected


def test_every_unit_of_the_schema_has_a_word_or_lives_in_the_number():
    from chery_viewer.core.dataset import canonical_descriptor

    figures = next(r for r in canonical_descriptor()["resources"] if r["name"] == "figures")
    units = next(f for f in figures["schema"]["fields"] if f["name"] == "unit")["constraints"]["enum"]
    for unit in units:
        if unit in ("percent", "CNY billion"):
            assert unit_word(unit) == ""
        else:
            assert unit_word(unit), unit


@given(st.integers(min_value=0, max_value=10**12))
def test_whole_numbers_read_back_exactly(n: int):
    text = format_value(float(n), "vehicles")
    assert int(text.replace(",", "")) == n
    assert all(len(group) == 3 for group in text.split(",")[1:])


@given(st.floats(min_value=-100, max_value=10_000, allow_nan=False))
def test_percent_has_at_most_one_decimal_and_is_close(value: float):
    text = format_percent(value)
    assert text.endswith("%")
    number = text[:-1].replace("−", "-")
    assert "." not in number or len(number.split(".")[1]) == 1
    assert abs(float(number) - value) <= 0.05 + 1e-9


@given(st.floats(min_value=-100, max_value=10_000, allow_nan=False))
def test_change_is_signed(value: float):
    text = format_change(value)
    assert text[0] in "+\u2212"
    assert "-" not in text


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.com/a", True),
        ("http://example.com", True),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("https:///nohost", False),
        ("https://exämple.com", False),
        ("ftp://example.com", False),
    ],
)
def test_only_plain_http_links_are_clickable(url: str, safe: bool):
    assert is_safe_url(url) is safe


@pytest.mark.parametrize(
    ("text", "cell"), [("=SUM(A1)", "'=SUM(A1)"), ("@x", "'@x"), ("-1+2", "'-1+2"), ("Haier", "Haier")]
)
def test_spreadsheet_cells_never_start_a_formula(text: str, cell: str):
    assert spreadsheet_safe(text) == cell
