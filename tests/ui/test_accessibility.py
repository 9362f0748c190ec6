"""Accessibility as a keyboard and screen-reader user meets it.

The accessible tree is read with ``QAccessible.queryAccessibleInterface`` (what Qt's AT-SPI
bridge serves) and checked against the dataset; keys are real key presses through the event
loop, and the focus, the tooltip and the announced text are what the user would get.
"""

from __future__ import annotations

import itertools

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.content.accessible import card_text, chart_text, kpi_text, table_text
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.ui import language
from chery_viewer.ui.charts import ChartView
from chery_viewer.ui.main_window import TAB_KEYS, MainWindow
from chery_viewer.ui.panels.base import SectionPanel
from chery_viewer.ui.widgets import TableView

from .events import POPUP_WARNINGS, choose_language, menu_item, open_tab, press, show, tab_to, tooltip_text

pytestmark = pytest.mark.qt_log_ignore(*POPUP_WARNINGS)

A = QtGui.QAccessible
Key = QtCore.Qt.Key
CTRL = QtCore.Qt.KeyboardModifier.ControlModifier


def _iface(widget: QtWidgets.QWidget) -> QtGui.QAccessibleInterface:
    iface = A.queryAccessibleInterface(widget)
    assert iface is not None and iface.isValid()
    return iface


def _name(widget: QtWidgets.QWidget) -> str:
    return _iface(widget).text(A.Text.Name)


def _description(widget: QtWidgets.QWidget) -> str:
    return _iface(widget).text(A.Text.Description)


def _plain(text: str) -> bool:
    return "<" not in text and "http" not in text


@pytest.fixture
def shown(qtbot, window: MainWindow) -> MainWindow:
    show(qtbot, window)
    return window


@pytest.fixture
def announced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every announcement the app sends to assistive technology, in order."""
    said: list[str] = []
    update = QtGui.QAccessible.updateAccessibility

    def record(event: QtGui.QAccessibleEvent) -> None:
        if isinstance(event, QtGui.QAccessibleAnnouncementEvent):
            said.append(event.message())
        update(event)

    monkeypatch.setattr(QtGui.QAccessible, "updateAccessibility", record)
    return said


# -- names and descriptions ------------------------------------------------------------------


def _pages(qtbot, window: MainWindow) -> dict[str, SectionPanel]:
    """Every tab's page, each opened by Ctrl+N and read while it is shown, as a screen reader
    reads the page in front."""
    pages = {}
    for index, key in enumerate(TAB_KEYS):
        open_tab(qtbot, window, index)
        pages[key] = window.current_panel()
    return pages


def test_kpi_cards_say_figure_period_change_and_source(qtbot, shown: MainWindow, sheet: FactSheet):
    pages = _pages(qtbot, shown)
    panel = pages["overview"]
    sales = sheet.find("group_sales", str(sheet.report_year))
    growth = sheet.find("group_sales_yoy", str(sheet.report_year))
    assert sales is not None and growth is not None
    card = panel.kpi_cards[0]
    name = _name(card)
    publisher = sheet.sources[sales.source_id].publisher
    figure = f"{sales.value:,.0f} vehicles, {sheet.report_year}"
    assert name == f"Group sales, {figure}, up {growth.value:.1f}% year on year, source {publisher}"
    assert _iface(card).text(A.Text.Description) == card.kpi.tooltip
    for page in pages.values():
        for card in page.kpi_cards:
            assert _name(card) == kpi_text(card.kpi).name
            assert card.kpi.label in _name(card)
            assert _plain(_name(card)) and _plain(_description(card)) and _description(card)


def test_charts_are_named_by_title_and_describe_their_values(qtbot, shown: MainWindow, sheet: FactSheet):
    pages = _pages(qtbot, shown)
    years = sheet.annual_years()
    sales = {y: f.value for y in years if (f := sheet.find("group_sales", str(y))) is not None}
    top = max(sales, key=sales.__getitem__)
    chart = next(c for c in pages["sales"].charts if c.spec.id == "sales_annual")
    iface = _iface(chart)
    assert iface.role() == A.Role.Chart
    assert iface.text(A.Text.Name) == chart.spec.title
    assert iface.childCount() == 0  # not the two nested empty fillers a graphics view would show
    description = iface.text(A.Text.Description)
    assert f"highest {top} at {sales[top]:,.0f} vehicles" in description
    assert f"{sheet.report_year} {sales[sheet.report_year]:,.0f} vehicles" in description
    for page in pages.values():
        for chart in page.charts:
            assert _iface(chart).role() == A.Role.Chart
            assert _name(chart) == chart.spec.title
            assert _description(chart) == chart_text(chart.spec).description
            assert _plain(_description(chart))


def test_tables_are_named_by_their_heading_and_linked_to_it(qtbot, shown: MainWindow):
    for page in _pages(qtbot, shown).values():
        for table in page.tables:
            iface = _iface(table)
            assert iface.role() == A.Role.Table
            assert iface.text(A.Text.Name) == table.table.title == table_text(table.table).name
            labels = [r[0] for r in iface.relations(A.RelationFlag.Label)]
            assert [lab.text(A.Text.Name) for lab in labels] == [table.table.title]
            assert isinstance(labels[0].object(), QtWidgets.QLabel)


def test_fact_cards_and_notes_read_as_plain_text(qtbot, shown: MainWindow, sheet: FactSheet):
    pages = _pages(qtbot, shown)
    cards = [c for page in pages.values() for c in page.fact_cards]
    assert cards
    for card in cards:
        assert _name(card) == card.card.title
        assert _description(card) == card_text(card.card).description
        assert card.card.body in _description(card) and _plain(_description(card))
    headlines = {s.title for s in sheet.sources.values()}
    assert all(any(h in _description(c) for h in headlines) for c in cards)  # the source's headline, not its address
    notes = pages["overview"].notes
    assert [_name(n) for n in notes] == list(pages["overview"].content.notes)


def test_names_follow_the_language(qtbot, shown: MainWindow):
    choose_language(qtbot, shown, "简体中文")
    try:
        name = _name(shown.current_panel().kpi_cards[0])
        assert name.startswith("集团销量，1,232,727辆，2022年，同比增长28.2%")
        chart = shown.current_panel().charts[0]
        assert "最高为2024，2,603,916辆" in _description(chart)
        choose_language(qtbot, shown, "English")
        assert _name(shown.current_panel().kpi_cards[0]).startswith("Group sales, 1,232,727 vehicles, 2022")
    finally:
        language.install("en")


# -- keyboard --------------------------------------------------------------------------------


def _open_tab(qtbot, window: MainWindow, section: str):
    """Ctrl+N to a tab, waited for until its page is shown (a page built just now shows on the next turn)."""
    open_tab(qtbot, window, TAB_KEYS.index(section))
    panel = window.current_panel()
    qtbot.waitUntil(lambda: all(w.isVisible() for w in panel.focusables))
    return panel


def _press(key: Key, modifier: QtCore.Qt.KeyboardModifier = QtCore.Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed at the window that has the focus, as the keyboard sends it."""
    focus = QtWidgets.QApplication.focusWidget()
    assert focus is not None
    press(focus.window(), key, modifier)


@pytest.mark.parametrize("key", TAB_KEYS)
def test_tab_reaches_every_card_chart_and_table_in_reading_order(qtbot, shown: MainWindow, key: str):
    panel = _open_tab(qtbot, shown, key)
    stops = panel.focusables
    assert panel.kpi_cards and all(c in stops for c in (*panel.kpi_cards, *panel.charts, *panel.tables))
    tab_to(qtbot, shown, stops[0])
    for expected in stops[1:]:
        _press(Key.Key_Tab)  # one press per stop: a table is left with one Tab, not one per cell
        assert QtWidgets.QApplication.focusWidget() is expected
    # Reading order: each stop is further down the page, or in the same row further right.
    places = [s.mapTo(panel.widget(), QtCore.QPoint(0, 0)) for s in stops]
    for before, after in itertools.pairwise(places):
        same_row = abs(after.y() - before.y()) <= 24
        assert (same_row and after.x() > before.x()) or after.y() > before.y() + 24, (before, after)
    for expected in reversed(stops[:-1]):
        _press(Key.Key_Backtab)
        assert QtWidgets.QApplication.focusWidget() is expected


def test_arrow_keys_move_inside_a_table_and_tab_leaves_it(qtbot, shown: MainWindow):
    panel = _open_tab(qtbot, shown, "sales")
    table = panel.tables[0]
    tab_to(qtbot, shown, table)
    _press(Key.Key_Down)
    _press(Key.Key_Down)
    assert QtWidgets.QApplication.focusWidget() is table and table.currentRow() >= 1
    _press(Key.Key_Tab)
    assert QtWidgets.QApplication.focusWidget() is not table


def _focus_chart(qtbot, window: MainWindow, section: str, chart_id: str) -> ChartView:
    """Reach a chart the keyboard way: Tab until it has the focus."""
    panel = _open_tab(qtbot, window, section)
    chart = next(c for c in panel.charts if c.spec.id == chart_id)
    tab_to(qtbot, window, chart)
    return chart


def test_arrow_keys_step_through_a_charts_points_and_series(
    qtbot, shown: MainWindow, announced: list[str], sheet: FactSheet
):
    chart = _focus_chart(qtbot, shown, "sales", "sales_annual")
    years = sheet.annual_years()
    y = sheet.report_year
    for _ in range(years.index(y) + 1):
        _press(Key.Key_Right)
    sales = sheet.find("group_sales", str(y))
    assert sales is not None
    said = announced[-1]
    assert said.startswith(f"Group sales, {y}: {sales.value:,.0f} vehicles")
    assert said.endswith(f"({years.index(y) + 1} of {len(years)})")
    assert _iface(chart).text(A.Text.Value) == said
    qtbot.waitUntil(lambda: tooltip_text() != "")
    assert tooltip_text().startswith(f"Group sales {y}: {sales.value:,.0f} vehicles")  # the pointer's tooltip
    _press(Key.Key_Up)  # to the growth rate above the bars, same year
    growth = sheet.find("group_sales_yoy", str(y))
    assert growth is not None and announced[-1].startswith(f"Growth on the year before, {y}: {growth.value:.1f}%")
    qtbot.waitUntil(lambda: f"{growth.value:.1f}%" in tooltip_text())
    _press(Key.Key_Left)
    assert announced[-1].startswith(f"Growth on the year before, {y - 1}:")
    _press(Key.Key_Down)
    _press(Key.Key_Home)
    assert announced[-1].startswith(f"Group sales, {years[0]}:")
    _press(Key.Key_Escape)
    qtbot.waitUntil(lambda: not QtWidgets.QToolTip.isVisible())
    assert _iface(chart).text(A.Text.Value) == ""
    assert QtWidgets.QApplication.focusWidget() is chart


def test_network_keys_walk_its_levels(qtbot, shown: MainWindow, announced: list[str], sheet: FactSheet):
    chart = _focus_chart(qtbot, shown, "partners", "partner_network")
    _press(Key.Key_Right)  # starts on the partners, the last level
    assert announced[-1].endswith(f"(1 of {len(sheet.partners)})")
    assert any(p.name in announced[-1] for p in sheet.partners)
    _press(Key.Key_Up)
    _press(Key.Key_Up)
    assert announced[-1].endswith("(1 of 1)") and "Chery" in announced[-1]
    assert chart.selection == (0, 0)


def _data_dialog_after(qtbot, keys: tuple[Key, QtCore.Qt.KeyboardModifier]) -> tuple[str, int, list[str]]:
    """Press a key in the focused chart and read the dialog it opens, then close it with Esc."""
    seen: dict[str, object] = {}

    def read() -> None:
        dialog = QtWidgets.QApplication.activeModalWidget()
        if dialog is None or not dialog.isActiveWindow():
            QtCore.QTimer.singleShot(50, read)
            return
        table = dialog.findChild(TableView)
        seen["name"] = _name(table)
        seen["rows"] = table.rowCount()
        seen["cells"] = [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())]
        seen["focus"] = QtWidgets.QApplication.focusWidget() is table
        press(dialog, Key.Key_Escape)

    QtCore.QTimer.singleShot(0, read)
    _press(*keys)
    assert seen.get("focus") is True
    return seen["name"], seen["rows"], seen["cells"]  # type: ignore[return-value]


def test_enter_and_alt_shift_f11_show_the_charts_data_as_a_table(qtbot, shown: MainWindow, sheet: FactSheet):
    chart = _focus_chart(qtbot, shown, "sales", "sales_annual")
    points = sum(len(s.points) for s in chart.spec.series)
    y = sheet.report_year
    sales = sheet.find("group_sales", str(y))
    assert sales is not None
    alt_shift = QtCore.Qt.KeyboardModifier.AltModifier | QtCore.Qt.KeyboardModifier.ShiftModifier
    for keys in ((Key.Key_Return, QtCore.Qt.KeyboardModifier.NoModifier), (Key.Key_F11, alt_shift)):
        name, rows, cells = _data_dialog_after(qtbot, keys)
        assert name == chart.spec.title and rows == points
        assert f"{sales.value:,.0f} vehicles" in cells
        qtbot.waitUntil(lambda: QtWidgets.QApplication.focusWidget() is chart)  # back where the user was


# -- zoom --------------------------------------------------------------------------------------


def test_zoom_keys_scale_text_and_charts_and_are_remembered(qtbot, shown: MainWindow, sheet: FactSheet, settings):
    panel = _open_tab(qtbot, shown, "overview")
    size = panel.kpi_cards[0].value_label.font().pointSizeF()
    height = panel.charts[0].height()
    tab_to(qtbot, shown, panel.kpi_cards[1])
    _press(Key.Key_Equal, CTRL)
    bigger = shown.current_panel()
    assert shown.zoom == pytest.approx(1.1) and settings.zoom == pytest.approx(1.1)
    assert bigger.kpi_cards[0].value_label.font().pointSizeF() == pytest.approx(size * 1.1)
    qtbot.waitUntil(lambda: bigger.charts[0].height() > height)  # once the new page has its size
    assert bigger.charts[0].chart.scale == pytest.approx(1.1)
    assert QtWidgets.QApplication.focusWidget() is bigger.kpi_cards[1]  # the focus stays on the same card
    _press(Key.Key_Plus, CTRL)
    assert shown.zoom == pytest.approx(1.25)
    _press(Key.Key_Minus, CTRL)
    _press(Key.Key_Minus, CTRL)
    _press(Key.Key_Minus, CTRL)
    assert shown.zoom == pytest.approx(0.9)
    _press(Key.Key_0, CTRL)
    assert shown.zoom == 1.0 and settings.zoom == 1.0
    _press(Key.Key_Equal, CTRL)
    again = MainWindow(sheet, settings)
    qtbot.addWidget(again)
    assert again.zoom == pytest.approx(1.1)
    assert again.current_panel().charts[0].chart.scale == pytest.approx(1.1)


# -- focus ring ----------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_focus_ring_shows_on_cards_charts_and_tabs(qtbot, shown: MainWindow, theme: str):
    menu_item(qtbot, shown, "v", theme[0])  # View → Light theme / Dark theme
    qtbot.waitUntil(lambda: shown.theme.name == theme and shown.current_panel().isVisible())
    ring = QtGui.QColor(shown.theme.bar_highlight)

    def has_ring(widget: QtWidgets.QWidget, rect: QtCore.QRect | None = None) -> bool:
        image = (widget.grab(rect) if rect is not None else widget.grab()).toImage()
        y = image.height() // 2
        return any(
            abs(QtGui.QColor(image.pixel(x, y)).red() - ring.red()) < 12
            and abs(QtGui.QColor(image.pixel(x, y)).green() - ring.green()) < 12
            and abs(QtGui.QColor(image.pixel(x, y)).blue() - ring.blue()) < 12
            for x in range(0, 4)
        )

    panel = _open_tab(qtbot, shown, "overview")
    for widget in (panel.kpi_cards[0], panel.charts[0]):
        assert not has_ring(widget)
        tab_to(qtbot, shown, widget)
        qtbot.waitUntil(lambda w=widget: has_ring(w))
    bar = shown.tabs.tabBar()
    current = bar.tabRect(bar.currentIndex())
    assert not has_ring(bar, current)
    tab_to(qtbot, shown, bar)
    qtbot.waitUntil(lambda: has_ring(bar, current))
