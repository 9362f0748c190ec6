"""Every tab draws its section: title, KPI cards with the dataset's figures, charts with hover values."""

from __future__ import annotations

import pytest

from chery_viewer.core.audit import analyse
from chery_viewer.core.content import BUILDERS
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.core.formatting import format_value
from chery_viewer.ui.charts import ChartView, prepare_for_render
from chery_viewer.ui.panels import PANELS


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


def _hover_texts(chart: ChartView) -> list[str]:
    prepare_for_render(chart, 800, 320)
    return [chart.tooltip_at(target.scene_center()) for target in chart.targets]


def test_bar_hover_gives_exact_value_period_and_source(qtbot, sheet: FactSheet) -> None:
    panel = PANELS["sales"](BUILDERS["sales"](sheet, analyse(sheet)))
    qtbot.addWidget(panel)
    annual = next(c for c in panel.charts if c.spec.id == "sales_annual")
    texts = _hover_texts(annual)
    bar_2022 = next(t for t in texts if t.startswith("Group sales 2022:"))
    assert "1,232,727 vehicles" in bar_2022 and "Period: 2022" in bar_2022 and "[S1]" in bar_2022
    assert any("2018" in t and "n/a" in t for t in texts), "the missing year must say n/a, not zero"
    growth = next(t for t in texts if t.startswith("Group sales growth 2023"))
    assert "52.6%" in growth and "[S8]" in growth


def test_donut_and_network_hover(qtbot, sheet: FactSheet) -> None:
    analysis = analyse(sheet)
    sales = PANELS["sales"](BUILDERS["sales"](sheet, analysis))
    partners = PANELS["partners"](BUILDERS["partners"](sheet, analysis))
    qtbot.addWidget(sales)
    qtbot.addWidget(partners)
    donut = next(c for c in sales.charts if c.spec.kind == "donut")
    texts = _hover_texts(donut)
    assert any("2.40 million users" in t and "21.4%" in t for t in texts)
    assert any("8.80 million users" in t and "Derived:" in t for t in texts)
    network = partners.charts[0]
    texts = _hover_texts(network)
    catl = next(t for t in texts if t.startswith("CATL"))
    assert "power battery" in catl and "[S22]" in catl


def test_empty_space_has_no_tooltip(qtbot, sheet: FactSheet) -> None:
    panel = PANELS["innovation"](BUILDERS["innovation"](sheet, analyse(sheet)))
    qtbot.addWidget(panel)
    chart = panel.charts[0]
    prepare_for_render(chart, 600, 300)
    top_right = chart.getPlotItem().vb.mapViewToScene(chart.getPlotItem().vb.viewRect().topRight())
    assert chart.tooltip_at(top_right) == ""
