"""The column-width solver on measured widths alone: no Qt, no fonts."""

from __future__ import annotations

import pytest

from chery_viewer.report.columns import SLACK, column_widths


def test_a_table_that_fits_is_stretched_in_proportion():
    widths = column_widths([[50, 100]], [40, 40], [50, 100], [40, 40], width=400, pad=10)
    assert sum(widths) == pytest.approx(400)
    natural = [50 * SLACK + 10, 100 * SLACK + 10]
    assert widths[1] / widths[0] == pytest.approx(natural[1] / natural[0])


def test_a_long_text_column_gets_the_room_and_short_columns_keep_their_words():
    rows = [[30, 900, 40], [30, 700, 40], [28, 800, 42]]
    widths = column_widths(rows, [20, 30, 25], [30, 90, 42], [20, 30, 25], width=500, pad=12)
    assert sum(widths) == pytest.approx(500)
    assert widths[0] >= 30 + 12 and widths[2] >= 42 + 12  # numbers never wrap
    assert widths[1] > widths[0] + widths[2]


def test_a_link_column_is_capped_lower_than_a_text_column():
    rows = [[400, 400]]
    text = column_widths(rows, [10, 10], [400, 400], [10, 10], width=300, pad=0)
    link = column_widths(rows, [10, 10], [400, 400], [10, 10], width=300, pad=0, link_column=1)
    assert sum(text) == pytest.approx(300) and sum(link) == pytest.approx(300)
    assert text[0] == pytest.approx(text[1])  # the same columns share alike


def test_too_many_columns_share_the_width_by_their_minimum():
    widths = column_widths([[200] * 5], [50] * 5, [200] * 5, [50] * 5, width=200, pad=4)
    assert sum(widths) == pytest.approx(200) and len(set(round(w, 6) for w in widths)) == 1


def test_wrapping_is_spread_so_no_row_is_much_taller():
    # two text columns: the solver widens the one whose wrapping saves most per pixel
    rows = [[600, 100], [600, 100], [600, 100]]
    widths = column_widths(rows, [10, 10], [60, 60], [10, 10], width=400, pad=0)
    lines = [max(-(-600 * SLACK // widths[0]), -(-100 * SLACK // widths[1])) for _ in rows]
    assert widths[0] > widths[1] and max(lines) <= 3
