"""Chart tooltips as a user meets them: the pointer moves onto an element and rests there.

Every test sends real mouse and key events through the event loop and waits past Qt's own
tooltip delay (QEvent.ToolTip arrives about 0.7 s after the pointer stops): that event once
hid the chart's tooltip a second after it appeared, while tests that called the hover code
directly kept passing.
"""

from __future__ import annotations

import pytest
from PySide6 import QtCore, QtTest, QtWidgets

from chery_viewer.core.audit import analyse
from chery_viewer.core.content import BUILDERS
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.ui.charts import ChartView
from chery_viewer.ui.panels import PANELS

from .events import tooltip_text

# Past QEvent.ToolTip (~0.7 s) and the 300 ms fade Qt gives a tooltip it is hiding.
REST_MS = 2500


def _shown_chart(qtbot, sheet: FactSheet, section: str, chart_id: str) -> ChartView:
    panel = PANELS[section](BUILDERS[section](sheet, analyse(sheet)))
    qtbot.addWidget(panel)
    panel.resize(1280, 900)
    panel.show()
    qtbot.waitExposed(panel)
    chart = next(c for c in panel.charts if c.spec.id == chart_id)
    chart.panel = panel  # keep the panel (and its Python wrappers) alive as long as the chart is used
    QtWidgets.QApplication.processEvents()
    return chart


def _viewport_pos(chart: ChartView, scene_pos: QtCore.QPointF) -> QtCore.QPoint:
    inner = chart.mapTo(chart.panel.widget(), chart.mapFromScene(scene_pos))
    chart.panel.ensureVisible(inner.x(), inner.y(), 60, 60)  # scrolled into view, as the user would
    QtWidgets.QApplication.processEvents()
    return chart.mapFromScene(scene_pos)


def _rest_on(qtbot, chart: ChartView, pos: QtCore.QPoint) -> None:
    """Move onto ``pos`` in small steps, as a hand does, then keep still."""
    viewport = chart.viewport()
    start = QtCore.QPoint(max(pos.x() - 30, 1), max(pos.y() - 20, 1))
    for k in range(6):
        step = start + (pos - start) * (k + 1) / 6
        QtTest.QTest.mouseMove(viewport, step)
        qtbot.wait(15)
    qtbot.wait(REST_MS)


def _target(chart: ChartView, prefix: str):
    return next(t for t in chart.targets if t.tooltip.startswith(prefix))


@pytest.fixture(autouse=True)
def _no_tooltip_left():
    yield
    QtWidgets.QToolTip.hideText()


def test_bar_tooltip_stays_up_while_the_pointer_rests(qtbot, sheet: FactSheet) -> None:
    chart = _shown_chart(qtbot, sheet, "sales", "sales_annual")
    _rest_on(qtbot, chart, _viewport_pos(chart, _target(chart, "Group sales 2022:").scene_center()))
    text = tooltip_text()
    assert "1,232,727 vehicles" in text and "Period: 2022" in text and "[S1]" in text
    qtbot.wait(2000)  # still there seconds later: the user can read a multi-line source note
    assert "1,232,727 vehicles" in tooltip_text()


def test_moving_to_another_bar_shows_its_value(qtbot, sheet: FactSheet) -> None:
    chart = _shown_chart(qtbot, sheet, "sales", "sales_annual")
    _rest_on(qtbot, chart, _viewport_pos(chart, _target(chart, "Group sales 2022:").scene_center()))
    _rest_on(qtbot, chart, _viewport_pos(chart, _target(chart, "Group sales 2023:").scene_center()))
    text = tooltip_text()
    assert text.startswith("Group sales 2023:") and "1,232,727" not in text.splitlines()[0]


def test_leaving_the_element_or_pressing_escape_hides_it(qtbot, sheet: FactSheet) -> None:
    chart = _shown_chart(qtbot, sheet, "sales", "sales_annual")
    bar = _viewport_pos(chart, _target(chart, "Group sales 2022:").scene_center())
    _rest_on(qtbot, chart, bar)
    assert tooltip_text()
    QtTest.QTest.keyClick(chart.viewport(), QtCore.Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not QtWidgets.QToolTip.isVisible(), timeout=2000)
    _rest_on(qtbot, chart, bar)
    assert tooltip_text()
    empty = chart.mapFromScene(chart.plot.vb.mapViewToScene(chart.plot.vb.viewRect().topRight())) + QtCore.QPoint(-8, 8)
    _rest_on(qtbot, chart, empty)
    assert tooltip_text() == ""


def test_missing_year_label_is_hoverable_and_says_na(qtbot, sheet: FactSheet) -> None:
    chart = _shown_chart(qtbot, sheet, "sales", "sales_annual")
    missing = next(t for t in chart.targets if t.tooltip.startswith("Group sales 2018"))
    assert missing.item is not None, "the n/a mark is what the user points at"
    _rest_on(qtbot, chart, chart.mapFromScene(missing.item.sceneBoundingRect().center()))
    assert "n/a" in tooltip_text()


def test_bar_value_label_is_hoverable(qtbot, sheet: FactSheet) -> None:
    chart = _shown_chart(qtbot, sheet, "sales", "sales_annual")
    label = next(t for t in chart.targets if t.item is not None and t.tooltip.startswith("Group sales 2024:"))
    _rest_on(qtbot, chart, chart.mapFromScene(label.item.sceneBoundingRect().center()))
    assert tooltip_text().startswith("Group sales 2024:")


def test_line_point_and_donut_segment(qtbot, sheet: FactSheet) -> None:
    growth = _shown_chart(qtbot, sheet, "sales", "sales_annual")
    _rest_on(qtbot, growth, _viewport_pos(growth, _target(growth, "Group sales growth 2023").scene_center()))
    assert "52.6%" in tooltip_text() and "[S8]" in tooltip_text()

    donut = next(c for c in growth.panel.charts if c.spec.kind == "donut")
    donut.panel = growth.panel
    segment = next(t for t in donut.targets if t.path is not None and "2.40 million users" in t.tooltip)
    _rest_on(qtbot, donut, _viewport_pos(donut, segment.scene_center()))
    assert "2.40 million users" in tooltip_text() and "21.4%" in tooltip_text()


@pytest.mark.parametrize("on", ["node", "label"])
def test_network_node_and_its_name(qtbot, sheet: FactSheet, on: str) -> None:
    network = _shown_chart(qtbot, sheet, "partners", "partner_network")
    node = next(t for t in network.targets if t.tooltip.startswith("CATL") and (t.item is None) == (on == "node"))
    _rest_on(qtbot, network, _viewport_pos(network, node.scene_center()))
    assert "power battery" in tooltip_text() and "[S22]" in tooltip_text()


def test_a_bar_of_another_kind_says_so(qtbot, sheet: FactSheet) -> None:
    factories = _shown_chart(qtbot, sheet, "innovation", "factory_capacity")
    wuhu = _target(factories, "Wuhu Future ICV Plant planned capacity:")
    _rest_on(qtbot, factories, _viewport_pos(factories, wuhu.scene_center()))
    text = tooltip_text()
    assert "Planned: a target the source announces, not a result achieved." in text
    assert "Inferred: tying this figure to Wuhu Super Factory is our reading." in text
    key = factories.chart.key
    assert key is not None and key.isVisible()
    assert factories.viewport().rect().contains(factories.mapFromScene(key.sceneBoundingRect()).boundingRect())

    patents = next(c for c in factories.panel.charts if c.spec.id == "patents")
    patents.panel = factories.panel
    inventions = _target(patents, "Invention patents")
    _rest_on(qtbot, patents, _viewport_pos(patents, inventions.scene_center()))
    assert "Derived: " in tooltip_text() and "Planned: " not in tooltip_text()
