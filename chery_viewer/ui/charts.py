"""ChartSpec -> pyqtgraph: the only place that draws charts, for the window and the PDF alike.

Hover is handled in one place: the view keeps a list of hover targets (bars, points,
donut segments, graph nodes) with their tooltip text and answers ``tooltip_at`` for a
scene position. pyqtgraph's own per-item hover only exists for scatter plots, and
tooltips set on overlapping view boxes hide each other.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.content import ChartSpec, Series
from chery_viewer.ui.theme import LIGHT, Theme

HOVER_RADIUS_PX = 9.0


def compact_number(value: float, percent: bool = False) -> str:
    """Axis and bar-label text: 1.23M, 451k, 40%."""
    if percent:
        return f"{value:.0f}%"
    magnitude = abs(value)
    if magnitude >= 1_000_000:
        return f"{value / 1_000_000:.2f}M".replace(".00M", "M")
    if magnitude >= 10_000:
        return f"{value / 1_000:.0f}k"
    if magnitude >= 1_000:
        return f"{value / 1_000:.1f}k".replace(".0k", "k")
    return f"{value:,.0f}"


class NumberAxis(pg.AxisItem):
    """An axis whose ticks read 250k / 1.2M (or 40% for a percentage axis)."""

    def __init__(self, orientation: str, percent: bool = False) -> None:
        super().__init__(orientation)
        self._percent = percent

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802 (Qt name)
        return [compact_number(v * scale, self._percent) for v in values]


@dataclass
class _Target:
    """Something the mouse can hover: a rectangle, a point or a path in a view box's coordinates."""

    view: pg.ViewBox
    tooltip: str
    rect: QtCore.QRectF | None = None
    point: QtCore.QPointF | None = None
    path: QtGui.QPainterPath | None = None
    inside: QtCore.QPointF | None = None  # a point inside a path, for tests and keyboard users

    def scene_center(self) -> QtCore.QPointF:
        """A scene position that hovers this target."""
        if self.point is not None:
            return self.view.mapViewToScene(self.point)
        if self.inside is not None:
            return self.view.mapViewToScene(self.inside)
        return self.view.mapViewToScene(self.rect.normalized().center())  # type: ignore[union-attr]


class ChartView(pg.PlotWidget):
    """One chart, drawn from its spec; hover any element for its exact value and source."""

    def __init__(self, spec: ChartSpec, theme: Theme = LIGHT, parent: QtWidgets.QWidget | None = None) -> None:
        right_unit = next((s.unit for s in spec.series if s.axis == "right"), None)
        axes = {"left": NumberAxis("left", percent=spec.series[0].unit == "percent" if spec.series else False)}
        if right_unit:
            axes["right"] = NumberAxis("right", percent=right_unit == "percent")
        super().__init__(parent, background=theme.background, axisItems=axes)
        self.spec = spec
        self.theme = theme
        self.targets: list[_Target] = []
        self._second: pg.ViewBox | None = None
        plot = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.vb.setMouseEnabled(False, False)
        plot.vb.setMenuEnabled(False)
        self.setMinimumHeight(220)
        font = QtGui.QFont()
        font.setPointSizeF(8.5)
        for name in ("left", "bottom", "right"):
            axis = plot.getAxis(name)
            axis.setPen(pg.mkPen(theme.border))
            axis.setTextPen(pg.mkPen(theme.muted))
            axis.setStyle(tickFont=font, maxTickLevel=1, textFillLimits=[(0, 0.8), (2, 0.5), (4, 0.3)])
        if spec.kind == "bars":
            self._draw_bars(plot)
        elif spec.kind == "donut":
            self._draw_donut(plot)
        elif spec.kind == "network":
            self._draw_network(plot)
        else:
            raise ValueError(f"unknown chart kind {spec.kind!r}")
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    # -- hover ---------------------------------------------------------------------------

    def tooltip_at(self, scene_pos: QtCore.QPointF) -> str:
        """Tooltip of the element under ``scene_pos`` (points win over bars), or ''."""
        best: tuple[float, str] | None = None
        for target in self.targets:
            if target.point is not None:
                d = QtCore.QLineF(target.view.mapViewToScene(target.point), scene_pos).length()
                if d <= HOVER_RADIUS_PX and (best is None or d < best[0]):
                    best = (d, target.tooltip)
        if best:
            return best[1]
        for target in self.targets:
            local = target.view.mapSceneToView(scene_pos)
            if (target.rect is not None and target.rect.normalized().contains(local)) or (
                    target.path is not None and target.path.contains(local)):
                return target.tooltip
        return ""

    def _on_mouse_moved(self, scene_pos: QtCore.QPointF) -> None:
        text = self.tooltip_at(scene_pos)
        if text:
            QtWidgets.QToolTip.showText(QtGui.QCursor.pos(), text, self)
        else:
            QtWidgets.QToolTip.hideText()

    # -- bars and lines ------------------------------------------------------------------

    def _draw_bars(self, plot: pg.PlotItem) -> None:
        spec, theme = self.spec, self.theme
        n = len(spec.categories)
        plot.showGrid(x=False, y=True, alpha=0.25)
        bottom = plot.getAxis("bottom")
        bottom.setTicks([[(i, c) for i, c in enumerate(spec.categories)]])
        plot.setLabel("left", spec.y_label, color=theme.muted)
        index = {c: i for i, c in enumerate(spec.categories)}
        left_max, right_max, right_min = 0.0, 0.0, 0.0
        line_colours = iter(theme.lines)
        has_right = any(s.axis == "right" for s in spec.series)
        if has_right:
            self._second = pg.ViewBox(enableMenu=False)
            self._second.setMouseEnabled(False, False)
            plot.scene().addItem(self._second)
            self._second.setZValue(plot.zValue() + 10)  # the line stays above the bars
            plot.getAxis("right").linkToView(self._second)
            plot.setLabel("right", spec.y2_label, color=theme.muted)
            self._second.setXLink(plot.vb)
            plot.vb.sigResized.connect(self._sync_second_view)
        if sum(1 for _ in spec.series) > 1:
            legend = plot.addLegend(offset=(8, 4), colCount=len(spec.series), labelTextColor=theme.foreground,
                                    labelTextSize="8pt", brush=pg.mkBrush(theme.background + "d0"))
            legend.setParentItem(plot.vb)
        for series in spec.series:
            view = self._second if series.axis == "right" and self._second is not None else plot.vb
            values = [p.value for p in series.points if p.value is not None and not math.isnan(p.value)]
            if series.axis == "right":
                right_max = max([right_max, *values])
                right_min = min([right_min, *values])
            else:
                left_max = max([left_max, *values])
            if series.style == "bar":
                self._add_bars(plot, view, series, index)
            else:
                self._add_line(plot, view, series, index, next(line_colours, theme.lines[0]))
        plot.vb.setXRange(-0.6, n - 0.4, padding=0)
        plot.vb.setYRange(0, (left_max or 1) * 1.28, padding=0)
        if self._second is not None:
            self._second.setYRange(min(0.0, right_min * 1.2), (right_max or 1) * 1.3, padding=0)
            self._sync_second_view()

    def _sync_second_view(self) -> None:
        if self._second is not None:
            vb = self.getPlotItem().vb
            self._second.setGeometry(vb.sceneBoundingRect())
            self._second.linkedViewChanged(vb, self._second.XAxis)

    def _add_bars(self, plot: pg.PlotItem, view: pg.ViewBox, series: Series, index: dict[str, int]) -> None:
        theme = self.theme
        xs, heights, widths, brushes = [], [], [], []
        label_font = QtGui.QFont()
        label_font.setPointSizeF(7.5)
        for point in series.points:
            centre = index[point.category] + (point.span - 1) / 2
            width = 0.68 + (point.span - 1)
            if point.value is None or math.isnan(point.value):
                marker = pg.TextItem("n/a", color=theme.muted, anchor=(0.5, 1.0))
                marker.setFont(label_font)
                marker.setPos(centre, 0)
                view.addItem(marker)
                self.targets.append(_Target(view, point.tooltip, rect=QtCore.QRectF(centre - width / 2, 0, width, 1)))
                continue
            xs.append(centre)
            heights.append(point.value)
            widths.append(width)
            colour = theme.bar_highlight if point.highlight else theme.bar
            brushes.append(pg.mkBrush(colour if point.span == 1 else colour + "99"))
            self.targets.append(_Target(view, point.tooltip,
                                        rect=QtCore.QRectF(centre - width / 2, 0, width, point.value)))
            marker_prefix = point.display[0] if point.display[:1] in ("~", ">") else ""
            label = pg.TextItem(marker_prefix + compact_number(point.value, series.unit == "percent"), color=theme.foreground,
                                anchor=(0.5, 1.0))
            label.setFont(label_font)
            label.setPos(centre, point.value)
            view.addItem(label)
        if xs:
            bars = pg.BarGraphItem(x=xs, height=heights, width=widths, brushes=brushes, brush=theme.bar,
                                   pen=pg.mkPen(None), name=series.name)
            view.addItem(bars)
            if plot.legend is not None:
                plot.legend.addItem(bars, series.name)

    def _add_line(self, plot: pg.PlotItem, view: pg.ViewBox, series: Series, index: dict[str, int], colour: str) -> None:
        xs = [float(index[p.category]) for p in series.points]
        ys = [math.nan if p.value is None else p.value for p in series.points]
        pen = pg.mkPen(colour, width=2.2)
        # useCache=False keeps the markers vector in the PDF; PlotDataItem passes its own option on to its
        # scatter item on every update, so setting it on the scatter alone is undone.
        curve = pg.PlotDataItem(xs, ys, pen=pen, connect="finite", symbol="o", symbolSize=7, symbolBrush=colour,
                                symbolPen=pg.mkPen(self.theme.background, width=1.2), name=series.name,
                                useCache=False)
        view.addItem(curve)
        if plot.legend is not None:
            plot.legend.addItem(curve, series.name)
        for x, y, point in zip(xs, ys, series.points, strict=True):
            if not math.isnan(y):
                self.targets.append(_Target(view, point.tooltip, point=QtCore.QPointF(x, y)))

    # -- donut ----------------------------------------------------------------------------

    def _draw_donut(self, plot: pg.PlotItem) -> None:
        theme = self.theme
        for name in ("left", "bottom"):
            plot.hideAxis(name)
        vb = plot.vb
        vb.setAspectLocked(True)
        points = self.spec.series[0].points
        total = sum(p.value or 0 for p in points)
        start = 90.0
        font = QtGui.QFont()
        font.setPointSizeF(8.5)
        for i, point in enumerate(points):
            sweep = -360.0 * (point.value or 0) / total
            path = _ring_segment(start, sweep, outer=1.0, inner=0.62)
            item = QtWidgets.QGraphicsPathItem(path)
            item.setBrush(pg.mkBrush(theme.segments[i % len(theme.segments)]))
            item.setPen(pg.mkPen(theme.background, width=2))
            vb.addItem(item)
            middle = math.radians(start + sweep / 2)
            inside = QtCore.QPointF(0.81 * math.cos(middle), 0.81 * math.sin(middle))
            self.targets.append(_Target(vb, point.tooltip, path=path, inside=inside))
            label = pg.TextItem(f"{point.category}\n{point.display} ({(point.value or 0) / total * 100:.1f}%)",
                                color=theme.foreground, anchor=(0.0 if math.cos(middle) >= 0 else 1.0, 0.5))
            label.setFont(font)
            label.setPos(1.12 * math.cos(middle), 1.12 * math.sin(middle))
            vb.addItem(label)
            start += sweep
        vb.setRange(xRange=(-2.4, 2.4), yRange=(-1.15, 1.15), padding=0)

    # -- network ----------------------------------------------------------------------------

    def _draw_network(self, plot: pg.PlotItem) -> None:
        theme, spec = self.theme, self.spec
        for name in ("left", "bottom"):
            plot.hideAxis(name)
        vb = plot.vb
        parents = {e.target: e.source for e in spec.edges}
        domain_order = [n.id for n in spec.nodes if n.level == 1]
        leaves = sorted((n for n in spec.nodes if n.level == 2),
                        key=lambda n: domain_order.index(parents[n.id]) if parents.get(n.id) in domain_order else 99)
        pos: dict[str, QtCore.QPointF] = {}
        for i, node in enumerate(leaves):
            pos[node.id] = QtCore.QPointF(2.0, -i)
        for node in (n for n in spec.nodes if n.level == 1):
            kids = [pos[n.id].y() for n in leaves if parents.get(n.id) == node.id]
            pos[node.id] = QtCore.QPointF(1.0, sum(kids) / len(kids) if kids else 0.0)
        mids = [p.y() for nid, p in pos.items() if nid.startswith("domain:")]
        for node in (n for n in spec.nodes if n.level == 0):
            pos[node.id] = QtCore.QPointF(0.0, sum(mids) / len(mids) if mids else 0.0)
        for edge in spec.edges:
            a, b = pos[edge.source], pos[edge.target]
            style = QtCore.Qt.PenStyle.DashLine if edge.inferred else QtCore.Qt.PenStyle.SolidLine
            vb.addItem(pg.PlotCurveItem([a.x(), b.x()], [a.y(), b.y()], pen=pg.mkPen(theme.muted, width=1.4, style=style)))
        font = QtGui.QFont()
        font.setPointSizeF(8.5)
        for node in spec.nodes:
            p = pos[node.id]
            colour = theme.levels[min(node.level, len(theme.levels) - 1)]
            size = (26, 18, 14)[min(node.level, 2)]
            dot = pg.ScatterPlotItem([p.x()], [p.y()], size=size, brush=pg.mkBrush(colour),
                                     pen=pg.mkPen(theme.background, width=1.5), useCache=False)
            vb.addItem(dot)
            anchor = (0.0, 0.5) if node.level == 2 else (0.5, -0.35)
            text = pg.TextItem(node.label, color=theme.foreground, anchor=anchor)
            text.setFont(font)
            text.setPos(p.x() + (0.06 if node.level == 2 else 0.0), p.y())
            vb.addItem(text)
            self.targets.append(_Target(vb, node.tooltip, point=p))
        bottom = -max(len(leaves) - 1, 1)
        vb.setRange(xRange=(-0.35, 2.95), yRange=(bottom - 0.6, 0.6), padding=0)


def _ring_segment(start_deg: float, sweep_deg: float, outer: float, inner: float) -> QtGui.QPainterPath:
    """A donut segment as a closed path, angles in degrees counter-clockwise from +x."""
    path = QtGui.QPainterPath()
    steps = max(8, int(abs(sweep_deg) / 3))
    angles = [math.radians(start_deg + sweep_deg * k / steps) for k in range(steps + 1)]
    path.moveTo(outer * math.cos(angles[0]), outer * math.sin(angles[0]))
    for a in angles[1:]:
        path.lineTo(outer * math.cos(a), outer * math.sin(a))
    for a in reversed(angles):
        path.lineTo(inner * math.cos(a), inner * math.sin(a))
    path.closeSubpath()
    return path


def prepare_for_render(view: ChartView, width: int, height: int) -> None:
    """Lay a chart out at a size without showing it (a never-shown widget keeps a stale layout)."""
    view.resize(width, height)
    QtWidgets.QApplication.sendEvent(view, QtGui.QResizeEvent(QtCore.QSize(width, height), QtCore.QSize(width, height)))
    view.resizeEvent(None)
    view.getPlotItem().layout.activate()
    view._sync_second_view()  # noqa: SLF001 (same module family)
