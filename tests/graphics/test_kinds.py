"""The kinds as drawn: each looks different, in greyscale too, and a chart with several has a key.

Charts are rendered as the PDF and the image export render them (``graphics.render``) into a
QImage, and the pixels of bars are compared by their luminance (what a greyscale print keeps).
"""

from __future__ import annotations

import statistics

import pyqtgraph as pg
import pytest
from PySide6 import QtCore, QtGui

from chery_viewer.core.audit import Analysis
from chery_viewer.core.content import ChartSpec, build_sections
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.graphics.chart import ChartScene
from chery_viewer.graphics.image import export_font
from chery_viewer.graphics.kinds import look
from chery_viewer.graphics.render import draw_view, lay_out, vector_only
from chery_viewer.graphics.theme import DARK, LIGHT, Theme

W, H = 900, 420


class Drawn:
    """A chart rendered into an image, with the pixel rectangles of its marks."""

    def __init__(self, spec: ChartSpec, theme: Theme) -> None:
        self.scene = ChartScene(spec, theme, export_font(False))
        self.host = pg.GraphicsView(background=theme.background)
        self.host.setCentralItem(self.scene.layout)
        vector_only(self.host.scene())
        lay_out(self.host, W, H)
        self.image = QtGui.QImage(W, H, QtGui.QImage.Format.Format_RGB32)
        self.image.fill(QtGui.QColor(theme.background))
        painter = QtGui.QPainter(self.image)
        try:
            draw_view(self.host, painter, QtCore.QPointF(0, 0), W, H)
        finally:
            painter.end()

    def close(self) -> None:
        self.host.close()
        self.host.deleteLater()

    def rect_of(self, category: str) -> QtCore.QRect:
        """The pixels of the bar of ``category`` (of the chart's first series)."""
        point = next(p for p in self.scene.spec.series[0].points if p.category == category)
        target = next(t for t in self.scene.targets if t.rect is not None and t.tooltip == point.tooltip)
        return self.host.mapFromScene(target.scene_rect()).boundingRect()

    def luminance(self, rect: QtCore.QRect) -> list[float]:
        values = []
        for y in range(max(rect.top(), 0), min(rect.bottom() + 1, H)):
            for x in range(max(rect.left(), 0), min(rect.right() + 1, W)):
                c = self.image.pixelColor(x, y)
                values.append(0.2126 * c.red() + 0.7152 * c.green() + 0.0722 * c.blue())
        return values

    def body(self, category: str) -> list[float]:
        """The luminance of a bar's lower part, inside its border and below its value label."""
        r = self.rect_of(category)
        return self.luminance(
            QtCore.QRect(r.left() + 5, r.top() + r.height() // 3, r.width() - 10, r.height() * 2 // 3 - 2)
        )

    def left_edge(self, category: str) -> list[float]:
        r = self.rect_of(category)
        return self.luminance(QtCore.QRect(r.left(), r.top() + 6, 1, r.height() - 12))


@pytest.fixture(scope="module")
def specs(sheet: FactSheet, analysis: Analysis) -> dict[str, ChartSpec]:
    return {c.id: c for s in build_sections(sheet, analysis) for c in s.charts}


@pytest.fixture
def drawn(qapp, specs):
    made: list[Drawn] = []

    def draw(chart_id: str, theme: Theme = LIGHT) -> Drawn:
        made.append(Drawn(specs[chart_id], theme))
        return made[-1]

    yield draw
    for d in made:
        d.close()


def _key_texts(scene: ChartScene) -> list[str]:
    assert scene.key is not None
    return [label.text for _sample, label in scene.key.items]


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_a_derived_bar_is_hatched_a_stated_one_solid(drawn, theme: Theme):
    chart = drawn("patents", theme)
    filed, granted, inventions = chart.body("Filed"), chart.body("Granted"), chart.body("Inventions")
    # Solid: one colour throughout.
    assert statistics.pstdev(filed) < 1.0 and statistics.pstdev(granted) < 1.0
    # Hatched: lines of the bar's colour over a paler fill, a texture a greyscale print keeps.
    assert statistics.pstdev(inventions) > 8.0
    assert abs(statistics.mean(inventions) - statistics.mean(granted)) > 10


def test_grid_lines_pass_behind_the_bars(drawn):
    chart = drawn("patents")
    filed, granted = chart.rect_of("Filed"), chart.rect_of("Granted")
    gap = (filed.right() + granted.left()) // 2  # a column between two bars
    background = QtGui.QColor(LIGHT.background).name()
    rows = range(granted.top() + 4, granted.bottom() - 4)
    grid = [y for y in rows if chart.image.pixelColor(gap, y).name() != background]
    assert grid, "the grid is drawn between the bars"
    fill = chart.image.pixelColor(granted.center().x(), granted.bottom() - 3).name()
    crossed = [y for y in grid if chart.image.pixelColor(granted.center().x(), y).name() != fill]
    assert crossed == [], f"grid rows {crossed} run across the bar"


def test_a_planned_inferred_bar_is_pale_with_a_dotted_border(drawn):
    chart = drawn("factory_capacity")
    qingdao, wuhu = chart.body("Qingdao"), chart.body("Wuhu (inferred)")
    assert statistics.pstdev(wuhu) < 1.0, "outline only: a plain pale fill, no hatching"
    assert statistics.mean(wuhu) > statistics.mean(qingdao) + 60, "much paler than a stated bar, in greyscale too"
    edge = chart.left_edge("Wuhu (inferred)")
    dark = sum(1 for v in edge if v < 110) / len(edge)
    assert 0.2 < dark < 0.8, f"a dotted border is dark and light in turn ({dark:.0%} dark)"
    assert statistics.pstdev(chart.left_edge("Qingdao")) < 1.0, "a stated bar has no border"


def test_the_report_year_is_outlined_not_hatched(drawn):
    chart = drawn("sales_annual")
    year = chart.body("2022")
    assert statistics.pstdev(year) < 1.0, "no hatch on the report year's bar"
    assert statistics.mean(chart.left_edge("2022")) < 60, "a solid outline in the foreground colour"
    assert statistics.mean(year) < statistics.mean(chart.body("2021")) - 20, "and its darker fill"
    assert chart.scene.key is None, "one kind only: no key"


def test_the_key_lists_only_the_kinds_present_and_is_drawn(drawn):
    assert _key_texts(drawn("patents").scene) == ["stated", "derived"]
    assert _key_texts(drawn("exports_annual").scene) == ["stated", "derived"]  # derived: the share line's markers
    assert drawn("nev_patents").scene.key is None
    chart = drawn("factory_capacity")
    assert _key_texts(chart.scene) == ["stated", "planned", "inferred"]
    area = chart.host.mapFromScene(chart.scene.key.sceneBoundingRect()).boundingRect()
    assert area.width() > 120 and area.right() <= W and area.top() >= 0
    values = chart.luminance(area)
    # the key's samples (a solid swatch, a pale one, a dotted outline) and its dark words
    assert sum(1 for v in values if v < 100) > 40
    swatch = QtGui.QColor(look(("stated",), LIGHT.bar, LIGHT).fill)
    pixels = {
        chart.image.pixelColor(x, y).name()
        for x in range(area.left(), area.right())
        for y in range(area.top(), area.bottom())
    }
    assert swatch.name() in pixels


def test_the_network_key_names_node_colours_and_links(drawn):
    chart = drawn("partner_network")
    assert _key_texts(chart.scene) == ["Chery", "alliance domain", "partner", "pairing stated", "pairing inferred"]
    area = chart.host.mapFromScene(chart.scene.key.sceneBoundingRect()).boundingRect()
    pixels = {
        chart.image.pixelColor(x, y).name()
        for x in range(area.left(), area.right())
        for y in range(area.top(), area.bottom())
    }
    assert {c.lower() for c in LIGHT.levels} <= pixels, "a dot of each node colour"


def test_a_derived_donut_segment_is_hatched(drawn):
    chart = drawn("china_share_donut")
    segments = [t for t in chart.scene.targets if t.path is not None]
    assert len(segments) == 2
    spreads = []
    for target in segments:
        centre = chart.host.mapFromScene(target.scene_center())
        spreads.append(statistics.pstdev(chart.luminance(QtCore.QRect(centre.x() - 6, centre.y() - 6, 12, 12))))
    chery, others = spreads  # Chery's exports are stated; the rest of China's are derived
    assert chery < 1.0 and others > 8.0
