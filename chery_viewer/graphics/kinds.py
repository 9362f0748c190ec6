"""How a chart shows what kind of value each mark is, and the key that says so.

One look per kind, for bars and donut segments (``look``) and for a line's markers
(``marker_look``), used by :mod:`chery_viewer.graphics.chart` for the window, the PDF and
the exported images alike:

- stated: a solid fill;
- derived (computed by the app): hatched, diagonal lines of the colour over a paler fill,
  with a thin border; a line's marker hollow;
- planned (a target, not a result): outline only, a dashed border round a very pale fill;
  a marker a hollow diamond;
- inferred (the tie of a figure to its category is our reading): a dotted border in the
  foreground colour, over the fill of the value's own kind (a planned figure we inferred is
  pale and dotted); a marker a dotted ring.

The cues are texture and line style, never hue alone, so they hold in greyscale and for
every colour vision. The report year's bar keeps its kind's fill and gets a heavy outline in
the foreground colour, in its kind's line style. A chart whose marks are of more than one
kind carries a key listing the kinds it shows (``add_kind_key``); the partner network's key
names its node colours and its two kinds of link (``add_network_key``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.content import (
    ChartSpec,
    NodeLevel,
    PointKind,
    level_name,
    link_name,
    point_kind_name,
)
from chery_viewer.graphics.theme import Theme, mix

__all__ = [
    "KindSample",
    "Look",
    "MarkerLook",
    "add_kind_key",
    "add_network_key",
    "link_pen",
    "look",
    "marker_look",
]

HATCH = QtCore.Qt.BrushStyle.BDiagPattern
FILL_WEIGHT = {"derived": 0.45, "planned": 0.18}  # how much of the colour a paler fill keeps
DASHES = {"dash": [4.0, 2.5], "dot": [1.0, 1.6]}  # in pen widths
LineStyle = str  # "solid", "dash" or "dot"


@dataclass(frozen=True)
class Look:
    """A bar's or segment's fill, hatch and border."""

    fill: str
    hatch: str = ""  # colour of the hatch lines over the fill; "" for none
    border: str = ""  # "" for no border
    width: float = 0.0
    line: LineStyle = "solid"

    def brush(self) -> QtGui.QBrush:
        return pg.mkBrush(self.fill)

    def hatch_brush(self) -> QtGui.QBrush | None:
        return QtGui.QBrush(QtGui.QColor(self.hatch), HATCH) if self.hatch else None

    def pen(self) -> QtGui.QPen:
        return styled_pen(self.border, self.width, self.line) if self.border else pg.mkPen(None)


@dataclass(frozen=True)
class MarkerLook:
    """A line marker's symbol, fill and ring."""

    symbol: str
    brush: str
    border: str
    width: float
    line: LineStyle = "solid"

    def pen(self) -> QtGui.QPen:
        return styled_pen(self.border, self.width, self.line)


def styled_pen(colour: str, width: float, line: LineStyle) -> QtGui.QPen:
    """A cosmetic pen (its width in pixels whatever the chart's scale), solid, dashed or dotted."""
    pen = pg.mkPen(colour, width=width)
    if line in DASHES:
        pen.setDashPattern(DASHES[line])
    if line == "dot":
        pen.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
    return pen


def _split(kinds: Sequence[PointKind]) -> tuple[PointKind, bool]:
    """A mark's value kind, and whether it is inferred."""
    value = next((k for k in kinds if k != "inferred"), "stated")
    return value, "inferred" in kinds


def look(kinds: Sequence[PointKind], colour: str, theme: Theme, highlight: bool = False) -> Look:
    """The look of a bar or segment of ``colour`` whose value is of ``kinds``."""
    kind, inferred = _split(kinds)
    fill = mix(colour, theme.background, FILL_WEIGHT[kind]) if kind in FILL_WEIGHT else colour
    if tuple(kinds) == ("inferred",):
        fill = theme.background  # the key's sample: the dotted border alone
    line = "dot" if inferred else "dash" if kind == "planned" else "solid"
    hatch = colour if kind == "derived" else ""
    if highlight:
        return Look(fill, hatch, theme.foreground, 2.0, line)
    if inferred:
        return Look(fill, hatch, theme.foreground, 1.5, line)
    if kind == "planned":
        return Look(fill, hatch, colour, 1.5, line)
    if kind == "derived":
        return Look(fill, hatch, colour, 1.0, line)
    return Look(fill)


def marker_look(kinds: Sequence[PointKind], colour: str, theme: Theme) -> MarkerLook:
    """The look of a line's marker of ``colour`` whose value is of ``kinds``: filled when stated."""
    kind, inferred = _split(kinds)
    symbol = "d" if kind == "planned" else "o"
    if kind == "stated" and not inferred:
        return MarkerLook(symbol, colour, theme.background, 1.2)
    if inferred:
        return MarkerLook(symbol, theme.background, theme.foreground, 1.6, "dot")
    return MarkerLook(symbol, theme.background, colour, 1.6)


def link_pen(inferred: bool, theme: Theme) -> QtGui.QPen:
    """A network link: solid when a source states the pairing, dashed when it is our inference."""
    return styled_pen(theme.muted, 1.4, "dash" if inferred else "solid")


# -- the keys --------------------------------------------------------------------------------


class KindSample(pg.ItemSample):
    """A key's sample: a small bar or segment in a kind's look, a marker in it, or both; or a
    network node or link. Draws itself; clicking it hides nothing (it stands for no item)."""

    SWATCH = QtCore.QRectF(1, 5, 14, 10)

    def __init__(
        self,
        theme: Theme,
        area: Look | None = None,
        marker: tuple[MarkerLook, float] | None = None,
        link: QtGui.QPen | None = None,
    ) -> None:
        super().__init__(None)
        self.area, self.marker, self.link = area, marker, link
        self.theme = theme
        self._width = (17 if area else 0) + (14 if marker else 0) + (22 if link else 0) or 14
        self.setFixedWidth(self._width)

    def boundingRect(self) -> QtCore.QRectF:
        return QtCore.QRectF(0, 0, self._width, 20)

    def paint(self, p: QtGui.QPainter, *args: object) -> None:
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        x = 0.0
        if self.area is not None:
            p.setPen(self.area.pen())
            p.setBrush(self.area.brush())
            p.drawRect(self.SWATCH)
            hatch = self.area.hatch_brush()
            if hatch is not None:
                p.setPen(QtCore.Qt.PenStyle.NoPen)
                p.setBrush(hatch)
                p.drawRect(self.SWATCH)
                p.setPen(self.area.pen())
                p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
                p.drawRect(self.SWATCH)
            x += 17
        if self.link is not None:
            p.setPen(self.link)
            p.drawLine(QtCore.QPointF(x + 1, 10), QtCore.QPointF(x + 21, 10))
            x += 22
        if self.marker is not None:
            marker, size = self.marker
            p.save()
            p.translate(x + 7, 10)
            drawSymbol(p, marker.symbol, size, marker.pen(), pg.mkBrush(marker.brush))
            p.restore()

    def mouseClickEvent(self, event: QtWidgets.QGraphicsSceneMouseEvent) -> None:
        event.ignore()


def _key(
    parent: QtWidgets.QGraphicsItem,
    entries: list[tuple[KindSample, str]],
    theme: Theme,
    font: QtGui.QFont,
    points: float,
    offset: tuple[float, float],
    columns: int,
) -> pg.LegendItem:
    key = pg.LegendItem(
        offset=offset,
        colCount=columns,
        labelTextColor=theme.foreground,
        labelTextSize=f"{points:g}pt",
        brush=pg.mkBrush(theme.background + "d0"),
        verSpacing=-4,
    )
    key.setParentItem(parent)
    for sample, text in entries:
        key.addItem(sample, text)
    for _sample, entry in key.items:  # the chart's font, not the application's
        entry.item.setFont(font)
        entry.setText(entry.text)
    key.setZValue(20)
    return key


def add_kind_key(
    spec: ChartSpec,
    parent: QtWidgets.QGraphicsItem,
    theme: Theme,
    font: QtGui.QFont,
    points: float,
    area_colour: str,
    line_colour: str,
) -> pg.LegendItem | None:
    """A key in the top right corner of ``parent`` (a plot's view box) listing the kinds of
    ``spec``'s marks, each with the samples of the marks that have it (a bar or segment in
    ``area_colour``, a marker in ``line_colour``); None when every mark is of one kind."""
    kinds = spec.point_kinds
    if len(kinds) < 2:
        return None
    on_areas: set[PointKind] = set()
    on_markers: set[PointKind] = set()
    for series in spec.series:
        marks = on_areas if series.style == "bar" else on_markers
        marks.update(k for p in series.points if p.value is not None for k in p.kinds)
    entries = []
    for kind in kinds:
        area = look((kind,), area_colour, theme) if kind in on_areas else None
        marker = (marker_look((kind,), line_colour, theme), 7.0) if kind in on_markers else None
        entries.append((KindSample(theme, area, marker), point_kind_name(kind)))
    return _key(parent, entries, theme, font, points, (-8, 4), len(entries))


def add_network_key(
    spec: ChartSpec, parent: QtWidgets.QGraphicsItem, theme: Theme, font: QtGui.QFont, points: float
) -> pg.LegendItem | None:
    """The network's key, in the top left corner of ``parent`` (where the links from Chery,
    at the left, to the topmost domain leave room): what each node colour stands
    for, and a stated and an inferred link (each only if the chart has one)."""
    levels: list[NodeLevel] = sorted({n.level for n in spec.nodes})
    if not levels:
        return None
    entries = []
    for level in levels:
        colour = theme.levels[min(level, len(theme.levels) - 1)]
        dot = MarkerLook("o", colour, theme.background, 1.2)
        entries.append((KindSample(theme, marker=(dot, (12, 10, 9)[min(level, 2)])), level_name(level)))
    for inferred in sorted({e.inferred for e in spec.edges}):
        entries.append((KindSample(theme, link=link_pen(inferred, theme)), link_name(inferred)))
    return _key(parent, entries, theme, font, points, (8, 4), 1)
