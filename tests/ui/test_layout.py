"""How the pages share out the window: KPI rows, rows of charts, chart heights, donuts, tables.

Every check is on real widgets laid out by Qt in a shown window (or panel), at sizes a user
gives it, and measures what is drawn: geometry of cards, plots and columns, and the pixels of
a rendered cell.
"""

from __future__ import annotations

import itertools

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.audit import analyse
from chery_viewer.core.content import BUILDERS, Table
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.ui.main_window import TAB_KEYS, MainWindow
from chery_viewer.ui.panels import PANELS, SectionPanel
from chery_viewer.ui.panels.base import DONUT_ASPECT
from chery_viewer.ui.panels.layouts import CHART_MAX, CHART_MIN, chart_height, columns_for
from chery_viewer.ui.widgets import CELL_PAD, KpiCard, TableView, column_widths


def _shown_panel(qtbot, sheet: FactSheet, key: str, width: int, height: int) -> SectionPanel:
    panel = PANELS[key](BUILDERS[key](sheet, analyse(sheet)))
    qtbot.addWidget(panel)
    panel.resize(width, height)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _top(widget: QtWidgets.QWidget, panel: SectionPanel) -> int:
    return widget.mapTo(panel.widget(), QtCore.QPoint(0, 0)).y()


def _rows(cards: list[KpiCard], panel: SectionPanel) -> list[list[KpiCard]]:
    ordered = sorted(cards, key=lambda c: (_top(c, panel), c.x()))
    return [list(g) for _, g in itertools.groupby(ordered, key=lambda c: _top(c, panel))]


def _settled(qtbot, panel: SectionPanel) -> None:
    """Wait until the page's layout has caught up with the panel's size (deferred row fits included)."""
    qtbot.waitUntil(lambda: panel.widget().width() >= panel.viewport().width() - 1)
    qtbot.wait(50)


# -- KPI rows ------------------------------------------------------------------------------


@pytest.mark.parametrize("key", list(PANELS))
def test_kpi_cards_of_a_row_share_one_height_and_top_and_their_numbers_one_line(qtbot, sheet: FactSheet, key):
    panel = _shown_panel(qtbot, sheet, key, 1366, 700)
    _settled(qtbot, panel)
    rows = _rows(panel.kpi_cards, panel)
    assert len(rows) == 1, "at 1366 px every tab's cards fit in one row"
    for row in rows:
        assert len({c.height() for c in row}) == 1, [(c.kpi.label, c.height()) for c in row]
        assert len({_top(c.value_label, panel) for c in row}) == 1, "numbers on one line"
        for card in row:  # nothing clipped: a wrapped title has the height its text needs
            title = card.title_label
            assert title.height() >= title.heightForWidth(title.width())
            assert card.value_label.width() >= card.value_label.sizeHint().width()


def test_kpi_cards_reflow_into_even_rows_when_narrow_and_never_clip(qtbot, sheet: FactSheet):
    panel = _shown_panel(qtbot, sheet, "exports", 1366, 700)
    _settled(qtbot, panel)
    assert len(_rows(panel.kpi_cards, panel)) == 1
    panel.resize(720, 700)
    qtbot.waitUntil(lambda: len(_rows(panel.kpi_cards, panel)) > 1)
    _settled(qtbot, panel)
    assert panel.widget().width() <= panel.viewport().width(), "nothing makes the page scroll sideways"
    rows = _rows(panel.kpi_cards, panel)
    sizes = [len(r) for r in rows]
    assert max(sizes) - min(sizes) <= 1, sizes  # six cards: 3 + 3, not 4 + 2
    for row in rows:
        assert len({c.height() for c in row}) == 1
    for card in panel.kpi_cards:
        assert card.width() >= card.minimumSizeHint().width()
        assert card.value_label.width() >= card.value_label.sizeHint().width()
        assert card.unit_label.width() >= card.unit_label.sizeHint().width()
        title = card.title_label
        assert title.height() >= title.heightForWidth(title.width())
        assert title.heightForWidth(title.width()) <= 2 * title.fontMetrics().lineSpacing() + 2, card.kpi.label


def test_columns_for_spreads_cards_evenly() -> None:
    assert columns_for(1200, 6, 180, 10) == 6
    assert columns_for(800, 6, 180, 10) == 3  # four fit: two rows of three
    assert columns_for(800, 5, 180, 10) == 3  # 3 + 2
    assert columns_for(100, 5, 180, 10) == 1


# -- rows of charts ------------------------------------------------------------------------


def test_a_row_of_charts_aligns_titles_plots_and_captions(qtbot, sheet: FactSheet):
    panel = _shown_panel(qtbot, sheet, "innovation", 1366, 700)
    _settled(qtbot, panel)
    charts = panel.charts
    assert len(charts) == 3 and len({_top(c, panel) for c in charts}) == 1, "one row, plots on one top line"
    assert len({c.height() for c in charts}) == 1
    titles = [c.spec.title for c in charts]
    labels = {w.text(): w for w in panel.widget().findChildren(QtWidgets.QLabel) if w.text() in titles}
    assert len({_top(labels[t], panel) for t in titles}) == 1, "titles start on one line"
    captions = [w for w in panel.widget().findChildren(QtWidgets.QLabel) if w.property("role") == "caption"]
    bottom = _top(charts[0], panel) + charts[0].height()
    under = [w for w in captions if any(w.text() == c.spec.caption for c in charts)]
    assert len(under) == 3 and all(_top(w, panel) >= bottom for w in under)
    assert len({_top(w, panel) for w in under}) == 1, "captions start on one line under the plots"


# -- chart height --------------------------------------------------------------------------


def test_chart_height_is_a_share_of_the_page_within_bounds() -> None:
    assert chart_height(400) == CHART_MIN
    assert chart_height(800) == round(0.55 * 800)
    assert chart_height(3000) == CHART_MAX
    assert chart_height(800, 1.25) == round(0.55 * 800 * 1.25)


def test_charts_grow_when_the_window_grows_and_then_stay(qtbot, window: MainWindow):
    window.resize(1280, 700)
    window.show()
    qtbot.waitExposed(window)
    panel = window.current_panel()
    qtbot.waitUntil(lambda: panel.charts[0].height() == chart_height(panel.height()))
    small = panel.charts[0].height()
    window.resize(1280, 1040)
    qtbot.waitUntil(lambda: panel.charts[0].height() > small)
    grown = panel.charts[0].height()
    assert grown == chart_height(panel.height()) > small
    qtbot.wait(200)  # no loop: the new height changes the page, not the window, and so not the chart
    assert panel.charts[0].height() == grown and panel.height() == window.current_panel().height()
    window.resize(1280, 700)
    qtbot.waitUntil(lambda: panel.charts[0].height() == small)


def test_a_donut_has_a_column_of_its_own_shape_with_its_key_beside_it(qtbot, sheet: FactSheet):
    panel = _shown_panel(qtbot, sheet, "sales", 1366, 700)
    _settled(qtbot, panel)
    donut = next(c for c in panel.charts if c.spec.kind == "donut")
    assert donut.height() < donut.width() <= round(donut.height() * DONUT_ASPECT) < panel.viewport().width() * 0.75
    assert len(panel.legends) == 1
    legend = panel.legends[0]
    left = legend.mapTo(panel.widget(), QtCore.QPoint(0, 0))
    assert left.x() >= donut.mapTo(panel.widget(), QtCore.QPoint(donut.width(), 0)).x()
    assert _top(donut, panel) <= left.y() <= _top(donut, panel) + donut.height()
    points = donut.spec.series[0].points
    assert [row[0].text() for row in legend.rows] == [p.category for p in points]
    assert [row[1].text() for row in legend.rows] == [p.display for p in points]
    assert legend.rows[1][2].text() == "21.4%"


def test_partners_uses_the_width_for_network_table_and_notes(qtbot, sheet: FactSheet):
    panel = _shown_panel(qtbot, sheet, "partners", 1880, 940)
    _settled(qtbot, panel)
    network, table = panel.charts[0], panel.tables[0]
    network_right = network.mapTo(panel.widget(), QtCore.QPoint(network.width(), 0)).x()
    assert table.mapTo(panel.widget(), QtCore.QPoint()).x() > network_right, "side by side"
    assert _top(panel.notes[0], panel) > _top(table, panel) + table.height() - 1
    note_x = panel.notes[0].mapTo(panel.widget(), QtCore.QPoint()).x()
    assert note_x == table.mapTo(panel.widget(), QtCore.QPoint()).x(), "the notes sit under the table"
    assert _top(panel.notes[-1], panel) < _top(network, panel) + network.height() + 120
    panel.resize(1300, 800)
    qtbot.waitUntil(lambda: _top(table, panel) > _top(network, panel) + network.height())


# -- tables ---------------------------------------------------------------------------------


def test_column_widths_give_the_spare_to_long_text() -> None:
    assert column_widths([100, 50, 900], [100, 50, 120], [False, False, True], 700) == [100, 50, 550]
    wide = column_widths([100, 50, 400], [100, 50, 120], [False, False, True], 1000)
    assert sum(wide) == 1000 and wide[2] > wide[0] > wide[1] and wide[1] >= 50
    two = column_widths([100, 50, 900, 600], [100, 50, 120, 100], [False, False, True, True], 700)
    assert two[:2] == [100, 50] and sum(two) == 700 and two[2] > two[3] >= 100


def test_deals_table_widens_the_deal_and_keeps_short_columns_at_content_width(qtbot, sheet: FactSheet):
    panel = _shown_panel(qtbot, sheet, "partners", 1366, 700)
    _settled(qtbot, panel)
    table = panel.tables[0]
    header = table.horizontalHeader()
    columns = list(table.table.columns)
    widths = [header.sectionSize(c) for c in range(len(columns))]
    deal = columns.index("Deal")
    assert widths[deal] == max(widths) and widths[deal] > 2 * widths[columns.index("Industry")] * 0.9
    natural, _minimum, flexible = table.column_measures()
    for c, name in enumerate(columns):
        if not flexible[c]:
            assert widths[c] == natural[c], name  # short columns: their content's width, no more
    qtbot.waitUntil(lambda: table.rowHeight(0) < 4 * table.fontMetrics().lineSpacing())
    assert sum(widths) == table.viewport().width()


def test_a_column_of_short_codes_stays_narrow(qtbot) -> None:
    """A Chinese table: the source column's codes ([S10]) are short, the label column is long."""
    rows = tuple((f"二零二二年一至{m}月集团汽车销量与上年同期相比的增长率", f"{m}%", f"[S{m}]") for m in range(1, 9))
    view = TableView(Table("t", "t", ("数据项", "数值", "来源或公式"), rows))
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.show()
    qtbot.waitExposed(view)
    natural, _minimum, _flexible = view.column_measures()
    widths = [view.horizontalHeader().sectionSize(c) for c in range(3)]
    assert widths[0] > 3 * widths[2] and widths[2] <= 0.25 * sum(widths)
    assert widths[2] >= natural[2]


def test_cells_are_padded_from_the_grid(qtbot, sheet: FactSheet):
    panel = _shown_panel(qtbot, sheet, "partners", 1366, 700)
    _settled(qtbot, panel)
    table = panel.tables[0]
    image = table.viewport().grab().toImage()
    rect = table.visualRect(table.model().index(0, 0))  # "Haier", left aligned
    background = QtGui.QColor(image.pixel(rect.x() + 3, rect.top() + 2))
    inked = [
        x
        for x in range(rect.x() + 2, rect.right() - 1)
        for y in range(rect.top() + 2, rect.bottom() - 1)
        if QtGui.QColor(image.pixel(x, y)) != background
    ]
    assert inked, "the cell's text was drawn"
    assert min(inked) - rect.x() >= CELL_PAD.left() - 1
    ys = [
        y
        for y in range(rect.top(), rect.bottom())
        for x in range(rect.x() + 2, rect.right() - 1)
        if QtGui.QColor(image.pixel(x, y)) != background
    ]
    assert min(ys) - rect.top() >= CELL_PAD.top() - 1 and rect.bottom() - max(ys) >= CELL_PAD.bottom() - 1
    assert table.rowHeight(0) >= table.fontMetrics().height() + CELL_PAD.top() + CELL_PAD.bottom()


def test_every_tab_is_laid_out_without_clipped_cards_at_two_window_sizes(qtbot, window: MainWindow):
    window.show()
    qtbot.waitExposed(window)
    for size in ((1366, 740), (1900, 1040)):
        window.resize(*size)
        for index in range(len(TAB_KEYS)):
            window.tabs.setCurrentIndex(index)
            panel = window.current_panel()
            qtbot.waitUntil(lambda p=panel: p.isVisible() and p.charts[0].height() == chart_height(p.height()))
            for row in _rows(panel.kpi_cards, panel):
                assert len({c.height() for c in row}) == 1
