"""Every tab draws its section: title, KPI cards with the dataset's figures, charts whose
elements show their values to the pointer resting on them (in the window, past Qt's tooltip delay)."""

from __future__ import annotations

import pytest
from PySide6 import QtCore, QtWidgets

from chery_viewer.core.audit import analyse
from chery_viewer.core.content import BUILDERS
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.core.formatting import format_value
from chery_viewer.ui.charts import ChartView
from chery_viewer.ui.main_window import TAB_KEYS, MainWindow
from chery_viewer.ui.panels import PANELS

from .events import open_tab, rest_on, scroll_to, show, tooltip_text


@pytest.mark.parametrize("key", list(PANELS))
def test_every_panel_builds_with_title_kpis_and_charts(qtbot, sheet: FactSheet, key: str) -> None:
    content = BUILDERS[key](sheet, analyse(sheet))
    panel = PANELS[key](content)
    qtbot.addWidget(panel)
    assert panel.content.title
    assert len(panel.kpi_cards) == len(content.kpis) >= 3
    assert len(panel.charts) == len(content.charts) >= 1
    for card, kpi in zip(panel.kpi_cards, content.kpis, strict=True):
        assert card.value_label.text() == kpi.value
        assert card.title_label.text() == kpi.label
    for chart in panel.charts:
        assert chart.targets, f"{chart.spec.id} has nothing to hover"


def test_sales_kpis_show_the_dataset_figures(qtbot, sheet: FactSheet) -> None:
    panel = PANELS["sales"](BUILDERS["sales"](sheet, analyse(sheet)))
    qtbot.addWidget(panel)
    cards = {card.kpi.label: card for card in panel.kpi_cards}
    sales = sheet.figure("sales_2022")
    assert cards["Group sales"].value_label.text() == format_value(sales.value, sales.unit) == "1,232,727"
    assert "+28.2%" in cards["Group sales"].change_label.text()
    assert cards["December"].value_label.text() == "105,483"
    tooltip = cards["Group sales"].toolTip()
    assert "[S1]" in tooltip and "Gulf News" in tooltip


@pytest.fixture
def shown(qtbot, window: MainWindow) -> MainWindow:
    show(qtbot, window)
    return window


def _chart(qtbot, window: MainWindow, tab: str, chart_id: str) -> ChartView:
    open_tab(qtbot, window, TAB_KEYS.index(tab))
    return next(c for c in window.current_panel().charts if c.spec.id == chart_id)


def _hover(qtbot, window: MainWindow, chart: ChartView, at: QtCore.QPointF) -> str:
    """Rest the pointer on ``at`` (a point of the chart's scene) and read the tooltip that shows."""
    rest_on(qtbot, chart.viewport(), scroll_to(qtbot, window.current_panel(), chart, at))
    return tooltip_text()


def _target(chart: ChartView, prefix: str) -> QtCore.QPointF:
    """Where the element whose tooltip starts with ``prefix`` is drawn (its mark, for a missing value)."""
    target = next(t for t in chart.targets if t.tooltip.startswith(prefix))
    return target.item.sceneBoundingRect().center() if target.item is not None else target.scene_center()


@pytest.fixture(autouse=True)
def _no_tooltip_left():
    yield
    QtWidgets.QToolTip.hideText()


def test_bar_hover_gives_exact_value_period_and_source(qtbot, shown: MainWindow) -> None:
    annual = _chart(qtbot, shown, "sales", "sales_annual")
    bar_2022 = _hover(qtbot, shown, annual, _target(annual, "Group sales 2022:"))
    assert bar_2022.startswith("Group sales 2022:")
    assert "1,232,727 vehicles" in bar_2022 and "Period: 2022" in bar_2022 and "[S1]" in bar_2022
    missing = _hover(qtbot, shown, annual, _target(annual, "Group sales 2018"))
    assert "2018" in missing and "n/a" in missing, "the missing year must say n/a, not zero"
    growth = _hover(qtbot, shown, annual, _target(annual, "Group sales growth 2023"))
    assert growth.startswith("Group sales growth 2023") and "52.6%" in growth and "[S8]" in growth


def test_donut_and_network_hover(qtbot, shown: MainWindow) -> None:
    open_tab(qtbot, shown, TAB_KEYS.index("sales"))
    donut = next(c for c in shown.current_panel().charts if c.spec.kind == "donut")
    for segment, also in (("2.40 million users", "21.4%"), ("8.80 million users", "Derived:")):
        target = next(t for t in donut.targets if t.path is not None and segment in t.tooltip)
        text = _hover(qtbot, shown, donut, target.scene_center())
        assert segment in text and also in text
    open_tab(qtbot, shown, TAB_KEYS.index("partners"))
    network = shown.current_panel().charts[0]
    catl = _hover(qtbot, shown, network, _target(network, "CATL"))
    assert catl.startswith("CATL") and "power battery" in catl and "[S22]" in catl


def test_empty_space_has_no_tooltip(qtbot, shown: MainWindow) -> None:
    open_tab(qtbot, shown, TAB_KEYS.index("innovation"))
    chart = shown.current_panel().charts[0]
    bar = _hover(qtbot, shown, chart, chart.targets[0].scene_center())
    assert bar, "an element of the same chart shows its tooltip"
    vb = chart.getPlotItem().vb
    top_right = vb.mapViewToScene(vb.viewRect().topRight()) + QtCore.QPointF(-8, 8)
    assert chart.target_at(top_right) is None
    _hover(qtbot, shown, chart, top_right)
    qtbot.waitUntil(lambda: tooltip_text() == "")  # any shown on the way there goes; none comes
