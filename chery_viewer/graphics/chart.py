"""ChartSpec -> pyqtgraph items: the one place charts are drawn, for the window and the paper alike.

A :class:`ChartScene` builds a chart's items from its spec, an explicit :class:`Theme` and an
explicit base font, into a ``pg.GraphicsLayout`` (one main plot and, when a series asks for it,
an upper strip that shares the categories: a growth rate above the bars, a running total above
the months; that replaces a second y axis, so the two scales never overlap). It reads no
global state: not the application's font, not the window. The window shows the layout in a
``ChartView`` (:mod:`chery_viewer.ui.charts`); :mod:`chery_viewer.graphics.render` paints it
into any painter and rectangle.

Hover targets (bars, points, donut segments, graph nodes; :mod:`chery_viewer.graphics.hover`) are kept
here, with :meth:`ChartScene.tooltip_at` for a scene position: pyqtgraph's own per-item hover
only exists for scatter plots.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.content import ChartSpec, Point, Series
from chery_viewer.core.formatting import not_available
from chery_viewer.core.i18n import has_cjk
from chery_viewer.graphics.axes import NumberAxis, NumberForm, value_form, value_label
from chery_viewer.graphics.hover import HOVER_RADIUS_PX, HoverTarget
from chery_viewer.graphics.kinds import Look, add_kind_key, add_network_key, link_pen, look, marker_look
from chery_viewer.graphics.theme import LIGHT, Theme, bar_colour, ink_for, series_colours

__all__ = ["AXIS_WIDTH_PX", "HOVER_RADIUS_PX", "ChartScene", "HoverTarget", "spec_colours"]

AXIS_WIDTH_PX = 58
MAX_LABELLED_BARS = 16  # same for both plots, so the strip's categories line up with the bars


def spec_colours(spec: ChartSpec, theme: Theme) -> list[str]:
    """The colour of each of ``spec``'s series, as the chart draws it (the paper's keys use it too)."""
    return series_colours([(s.style, s.panel) for s in spec.series], theme)


class ChartScene:
    """One chart's items, built from its spec with an explicit theme and base font.

    ``layout`` is the central item to put in any ``pg.GraphicsView``; ``plot`` (and ``upper``,
    the strip, or None) are its plots; ``targets`` what the pointer can hover; ``key`` the key
    of the kinds its marks show (:mod:`chery_viewer.graphics.kinds`), or None.
    """

    def __init__(
        self, spec: ChartSpec, theme: Theme = LIGHT, font: QtGui.QFont | None = None, scale: float = 1.0
    ) -> None:
        self.spec = spec
        self.theme = theme
        self.scale = scale  # the window's zoom: every text of the chart at this multiple of its size
        self.font = QtGui.QFont(font) if font is not None else QtGui.QFont()
        if scale != 1.0 and self.font.pointSizeF() > 0:
            self.font.setPointSizeF(self.font.pointSizeF() * scale)
        self.targets: list[HoverTarget] = []
        self.key: pg.LegendItem | None = None  # the key of kinds (of nodes and links for a network), if any
        self.layout = pg.GraphicsLayout()
        self.layout.setContentsMargins(2, 4, 10, 2)
        self.layout.setSpacing(0)
        upper = [s for s in spec.series if s.panel == "upper"]
        main = [s for s in spec.series if s.panel != "upper"]
        self.upper: pg.PlotItem | None = None
        if upper and spec.kind == "bars":
            self.upper = self._new_plot(0, upper[0].unit == "percent")
            self.layout.nextRow()
        self.plot = self._new_plot(1 if self.upper else 0, bool(main) and main[0].unit == "percent")
        if spec.kind == "bars":
            self._draw_bars(main, upper)
        elif spec.kind == "donut":
            self._draw_donut()
        elif spec.kind == "network":
            self._draw_network()
        else:
            raise ValueError(f"unknown chart kind {spec.kind!r}")

    def sized(self, points: float) -> QtGui.QFont:
        """The chart's base font at ``points``."""
        font = QtGui.QFont(self.font)
        font.setPointSizeF(points * self.scale)
        return font

    def _new_plot(self, row: int, percent: bool) -> pg.PlotItem:
        # enableMenu=False at construction: the view box then never builds its context menu (~4 ms a plot)
        plot = self.layout.addPlot(
            row=row, col=0, axisItems={"left": NumberAxis("left", percent=percent)}, enableMenu=False
        )
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.vb.setMouseEnabled(False, False)
        plot.vb.setMenuEnabled(False)
        font = self.sized(8.5)
        for name in ("left", "bottom", "right", "top"):
            # NumberAxis writes 2.5M itself; without this every range change (hidden axes too)
            # re-renders each axis label as HTML: tens of ms over the charts of one PDF export
            plot.getAxis(name).enableAutoSIPrefix(False)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(pg.mkPen(self.theme.border))
            axis.setTextPen(pg.mkPen(self.theme.muted))
            axis.setStyle(tickFont=font, maxTickLevel=1, textFillLimits=[(0, 0.8), (2, 0.5), (4, 0.3)])
        plot.getAxis("left").setWidth(round(AXIS_WIDTH_PX * self.scale))
        plot.getAxis("left").label.setFont(self.font)
        return plot

    def target_at(self, scene_pos: QtCore.QPointF) -> HoverTarget | None:
        """The element under ``scene_pos``: the nearest point within reach, else a bar,
        segment or label that contains it."""
        best: tuple[float, HoverTarget] | None = None
        for target in self.targets:
            if target.point is not None and target.item is None:
                d = QtCore.QLineF(target.view.mapViewToScene(target.point), scene_pos).length()
                if d <= HOVER_RADIUS_PX and (best is None or d < best[0]):
                    best = (d, target)
        if best:
            return best[1]
        return next((t for t in self.targets if t.point is None and t.contains(scene_pos)), None)

    def tooltip_at(self, scene_pos: QtCore.QPointF) -> str:
        """Tooltip of the element under ``scene_pos`` (points win over bars), or ''."""
        target = self.target_at(scene_pos)
        return target.tooltip if target else ""

    # -- bars and lines ------------------------------------------------------------------

    def _draw_bars(self, main: list[Series], upper: list[Series]) -> None:
        spec, theme = self.spec, self.theme
        index = {c: i for i, c in enumerate(spec.categories)}
        plots = [(self.plot, main, spec.y_label)] + ([(self.upper, upper, spec.upper_label)] if self.upper else [])
        for plot, series_list, y_label in plots:
            plot.showGrid(x=False, y=True, alpha=0.25)
            # The left axis draws the grid, the bottom one ticks into the plot: under the view box
            # (z -100), both pass behind the bars instead of across them.
            for name in ("left", "bottom"):
                plot.getAxis(name).setZValue(-150)
            plot.getAxis("bottom").setTicks([[(i, c) for i, c in enumerate(spec.categories)]])
            if not has_cjk(y_label):
                # A rotated Chinese unit (辆 on its side) reads badly; the title and the 万 ticks say it.
                plot.setLabel("left", y_label, color=theme.muted)
            plot.vb.setXRange(-0.6, len(spec.categories) - 0.4, padding=0)
            if plot is not self.plot:
                plot.setXLink(self.plot)
                plot.getAxis("bottom").setStyle(showValues=False)
            colours = iter(series_colours([(s.style, "") for s in series_list if s.style != "bar"], theme))
            top, bottom = 0.0, 0.0
            for series in series_list:
                values = [p.value for p in series.points if p.value is not None and not math.isnan(p.value)]
                top, bottom = max([top, *values]), min([bottom, *values])
                if series.style == "bar":
                    self._add_bars(plot, series, index)
                else:
                    self._add_line(plot, series, index, next(colours), label=plot is not self.plot)
            # Room above the tallest bar for its label, and in the main plot for the key of kinds.
            headroom = (1.42 if len(spec.point_kinds) > 1 else 1.28) if plot is self.plot else 1.45
            plot.vb.setYRange(bottom * 1.2, (top or 1) * headroom, padding=0)
            names = [s.name for s in series_list]
            if len(names) > 1:
                legend = plot.addLegend(
                    offset=(8, 4),
                    colCount=len(names),
                    labelTextColor=theme.foreground,
                    labelTextSize=f"{8 * self.scale:g}pt",
                    brush=pg.mkBrush(theme.background + "d0"),
                )
                for item in plot.listDataItems():
                    legend.addItem(item, item.name())
                for _sample, entry in legend.items:  # the chart's font, not the application's
                    entry.item.setFont(self.font)
                    entry.setText(entry.text)
            elif names and names[0] != spec.title:
                caption = pg.TextItem(names[0], color=theme.muted, anchor=(0, 0))
                caption.setFont(self.sized(8))
                caption.setParentItem(plot.vb)
                caption.setPos(6, 2)
        if self.upper is not None:
            self.layout.layout.setRowStretchFactor(0, 1)
            self.layout.layout.setRowStretchFactor(1, 3)
        self.key = add_kind_key(spec, self.plot.vb, theme, self.font, 8 * self.scale, theme.bar, theme.muted)

    def _add_bars(self, plot: pg.PlotItem, series: Series, index: dict[str, int]) -> None:
        theme, view = self.theme, plot.vb
        bars: list[tuple[float, float, float, Look]] = []  # centre, height, width, look
        labels: list[tuple[float, Point, Look]] = []
        for point in series.points:
            centre = index[point.category] + (point.span - 1) / 2
            width = 0.68 + (point.span - 1)
            if point.value is None or math.isnan(point.value):
                marker = pg.TextItem(not_available(), color=theme.muted, anchor=(0.5, 1.0))
                marker.setFont(self.sized(7.5))
                marker.setPos(centre, 0)
                view.addItem(marker)
                self.targets.append(HoverTarget(view, point.tooltip, item=marker))
                continue
            colour = bar_colour(theme, point.highlight, point.span)  # a bar over several categories: pale
            bar_look = look(point.kinds, colour, theme, point.highlight)
            bars.append((centre, point.value, width, bar_look))
            self.targets.append(
                HoverTarget(view, point.tooltip, rect=QtCore.QRectF(centre - width / 2, 0, width, point.value))
            )
            labels.append((centre, point, bar_look))
        heights = [b[1] for b in bars]
        top = max(heights, default=0) * 1.28 or 1
        form = value_form(heights, series.unit == "percent")  # one unit and precision for the series
        if len(self.spec.categories) > MAX_LABELLED_BARS:
            labels = []  # too many bars to label legibly: hover and the tables give the values
        for centre, point, bar_look in labels:
            value = point.value or 0.0
            inside = value / top > 0.14  # tall enough to hold its label inside, at the top
            label = pg.TextItem(
                value_label(value, form, point.approximate, point.lower_bound),
                color=ink_for(bar_look.fill) if inside else theme.foreground,
                anchor=(0.5, -0.15) if inside else (0.5, 1.0),
            )
            label.setFont(self.sized(7.5))
            label.setPos(centre, value)
            label.setZValue(5)
            view.addItem(label)
            self.targets.append(HoverTarget(view, point.tooltip, item=label))
        _add_bar_layers(view, bars, series.legend)

    def _add_line(self, plot: pg.PlotItem, series: Series, index: dict[str, int], colour: str, label: bool) -> None:
        xs = [float(index[p.category]) for p in series.points]
        ys = [math.nan if p.value is None else p.value for p in series.points]
        curve = pg.PlotCurveItem(xs, ys, pen=pg.mkPen(colour, width=2.2), connect="finite", name=series.legend)
        plot.addItem(curve)
        finite = [(x, y, p) for x, y, p in zip(xs, ys, series.points, strict=True) if not math.isnan(y)]
        looks = [marker_look(p.kinds, colour, self.theme) for _, _, p in finite]  # hollow when not stated
        # useCache=False: markers drawn as paths, not cached bitmaps, so they stay vector in PDF and SVG.
        markers = pg.ScatterPlotItem(
            [x for x, _, _ in finite],
            [y for _, y, _ in finite],
            size=7,
            symbol=[m.symbol for m in looks],
            brush=[pg.mkBrush(m.brush) for m in looks],
            pen=[m.pen() for m in looks],
            useCache=False,
        )
        plot.vb.addItem(markers)
        form = value_form(ys, series.unit == "percent")
        for x, y, point in zip(xs, ys, series.points, strict=True):
            if math.isnan(y):
                continue
            self.targets.append(HoverTarget(plot.vb, point.tooltip, point=QtCore.QPointF(x, y)))
            if label:
                text = pg.TextItem(_short(point, form), color=self.theme.foreground, anchor=(0.5, 1.25))
                text.setFont(self.sized(7.5))
                text.setPos(x, y)
                plot.vb.addItem(text)
                self.targets.append(HoverTarget(plot.vb, point.tooltip, item=text))

    # -- donut ----------------------------------------------------------------------------

    def _draw_donut(self) -> None:
        theme, vb = self.theme, self.plot.vb
        for name in ("left", "bottom"):
            self.plot.hideAxis(name)
        vb.setAspectLocked(True)
        points = self.spec.series[0].points
        total = sum(p.value or 0 for p in points)
        start = 90.0
        for i, point in enumerate(points):
            sweep = -360.0 * (point.value or 0) / total
            path = _ring_segment(start, sweep, outer=1.0, inner=0.62)
            segment = look(point.kinds, theme.segments[i % len(theme.segments)], theme)
            # The fill, its hatching and its kind's border, then the gap between segments over them.
            hatch = segment.hatch_brush()
            layers = [(segment.brush(), pg.mkPen(None))]
            if hatch is not None or segment.border:
                layers.append((hatch if hatch is not None else QtGui.QBrush(), segment.pen()))
            layers.append((QtGui.QBrush(), pg.mkPen(theme.background, width=2)))
            for brush, pen in layers:
                item = QtWidgets.QGraphicsPathItem(path)
                item.setBrush(brush)
                item.setPen(pen)
                vb.addItem(item)
            middle = math.radians(start + sweep / 2)
            inside = QtCore.QPointF(0.81 * math.cos(middle), 0.81 * math.sin(middle))
            self.targets.append(HoverTarget(vb, point.tooltip, path=path, inside=inside))
            label = pg.TextItem(
                f"{point.category}\n{point.display} ({(point.value or 0) / total * 100:.1f}%)",
                color=theme.foreground,
                anchor=(0.0 if math.cos(middle) >= 0 else 1.0, 0.5),
            )
            label.setFont(self.sized(8.5))
            label.setPos(1.12 * math.cos(middle), 1.12 * math.sin(middle))
            vb.addItem(label)
            self.targets.append(HoverTarget(vb, point.tooltip, item=label))
            start += sweep
        vb.setRange(xRange=(-2.4, 2.4), yRange=(-1.15, 1.15), padding=0)
        self.key = add_kind_key(self.spec, vb, theme, self.font, 8 * self.scale, theme.muted, theme.muted)

    # -- network ----------------------------------------------------------------------------

    def _draw_network(self) -> None:
        theme, spec, vb = self.theme, self.spec, self.plot.vb
        for name in ("left", "bottom"):
            self.plot.hideAxis(name)
        parents = {e.target: e.source for e in spec.edges}
        domain_order = [n.id for n in spec.nodes if n.level == 1]
        leaves = sorted(
            (n for n in spec.nodes if n.level == 2),
            key=lambda n: domain_order.index(parents[n.id]) if parents.get(n.id) in domain_order else 99,
        )
        pos: dict[str, QtCore.QPointF] = {}
        for i, node in enumerate(leaves):
            pos[node.id] = QtCore.QPointF(2.0, -i)
        for node in (n for n in spec.nodes if n.level == 1):
            kids = [pos[n.id].y() for n in leaves if parents.get(n.id) == node.id]
            pos[node.id] = QtCore.QPointF(1.0, sum(kids) / len(kids) if kids else 0.0)
        mids = [p.y() for nid, p in pos.items() if nid in domain_order]
        for node in (n for n in spec.nodes if n.level == 0):
            pos[node.id] = QtCore.QPointF(0.0, sum(mids) / len(mids) if mids else 0.0)
        for edge in spec.edges:
            a, b = pos[edge.source], pos[edge.target]
            vb.addItem(pg.PlotCurveItem([a.x(), b.x()], [a.y(), b.y()], pen=link_pen(edge.inferred, theme)))
        for node in spec.nodes:
            p = pos[node.id]
            colour = theme.levels[min(node.level, len(theme.levels) - 1)]
            size = (26, 18, 14)[min(node.level, 2)]
            dot = pg.ScatterPlotItem(
                [p.x()],
                [p.y()],
                size=size,
                brush=pg.mkBrush(colour),
                pen=pg.mkPen(theme.background, width=1.5),
                useCache=False,
            )
            vb.addItem(dot)
            text = pg.TextItem(
                node.label, color=theme.foreground, anchor=(0.0, 0.5) if node.level == 2 else (0.5, -0.35)
            )
            text.setFont(self.sized(8.5))
            text.setPos(p.x() + (0.06 if node.level == 2 else 0.0), p.y())
            vb.addItem(text)
            self.targets.append(HoverTarget(vb, node.tooltip, point=p))
            self.targets.append(HoverTarget(vb, node.tooltip, item=text))
        bottom = -max(len(leaves) - 1, 1)
        vb.setRange(xRange=(-0.35, 2.95), yRange=(bottom - 0.6, 0.6), padding=0)
        self.key = add_network_key(spec, vb, theme, self.font, 8 * self.scale)


def _add_bar_layers(view: pg.ViewBox, bars: list[tuple[float, float, float, Look]], name: str) -> None:
    """A series' bars in three layers: the fills, the hatching of derived bars over them, and the
    borders (a kind's dashes or dots, the report year's outline) over both."""
    if not bars:
        return
    layers = [
        (bars, lambda lk: {"brush": lk.brush(), "pen": pg.mkPen(None)}),
        ([b for b in bars if b[3].hatch], lambda lk: {"brush": lk.hatch_brush(), "pen": pg.mkPen(None)}),
        ([b for b in bars if b[3].border], lambda lk: {"brush": QtGui.QBrush(), "pen": lk.pen()}),
    ]
    for z, (chosen, style) in enumerate(layers):
        if not chosen:
            continue
        styles = [style(b[3]) for b in chosen]
        item = pg.BarGraphItem(
            x=[b[0] for b in chosen],
            height=[b[1] for b in chosen],
            width=[b[2] for b in chosen],
            brushes=[st["brush"] for st in styles],
            pens=[st["pen"] for st in styles],
            name=name if z == 0 else None,
        )
        item.setZValue(z)
        view.addItem(item)


def _short(point: Point, form: NumberForm) -> str:
    """Label for a point in the upper strip (a rate, a running total), in its series' form."""
    return value_label(point.value or 0.0, form, point.approximate, point.lower_bound)


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
