"""Chart blocks: title, the chart (vector, drawn by :mod:`chery_viewer.graphics`), its exact
values and its source caption; small bar charts in pairs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6 import QtCore

from chery_viewer.core.content import ChartSpec, Series
from chery_viewer.graphics.chart import spec_colours
from chery_viewer.graphics.render import render_chart
from chery_viewer.report.canvas import Canvas, TypeScale
from chery_viewer.report.flowables import Flowable

__all__ = ["SMALL_CHART_H", "ChartBlock", "ChartPair", "chart_blocks", "is_small"]

SMALL_CHART_H = 200.0


def _point_label(spec: ChartSpec, category: str, span: int) -> str:
    if span > 1 and category in spec.categories:
        i = spec.categories.index(category)
        last = spec.categories[min(i + span - 1, len(spec.categories) - 1)]
        return f"{category}–{last}"
    return category


@dataclass
class ValuesGrid:
    """Exact values as a grid: categories across, one row per series (no label column for one series)."""

    columns: list[str]
    label_w: float
    col_w: float
    head: list[list[str]]
    head_h: float
    row_h: list[float]


class ChartBlock(Flowable):
    """Title, the chart (vector), its exact values and its source caption: never split.

    The chart itself may shrink (down to ``MIN_CHART_H``) to use the rest of a page.
    """

    ends_opening = True
    VALUE_PX = TypeScale.TABLE
    MIN_CHART_H = 180.0
    SEP = "   ·   "

    def __init__(self, c: Canvas, spec: ChartSpec, width: float, chart_h: float | None = None) -> None:
        self.spec = spec
        self.width = width
        self.colours = spec_colours(spec, c.theme)
        self.font, self.bold = c.font(self.VALUE_PX), c.font(self.VALUE_PX, True)
        self.lh = c.line_height(self.font)
        self.title_h = c.text_height(spec.title, c.font(TypeScale.HEADING, True), width)
        if chart_h is not None:
            self.chart_h = chart_h
        elif spec.kind == "network":
            self.chart_h = float(max(250, 40 * sum(1 for n in spec.nodes if n.level == 2) + 40))
        elif spec.kind == "donut":
            self.chart_h = 210.0
        else:
            self.chart_h = 250.0
        self.min_chart_h = min(self.chart_h, self.MIN_CHART_H)
        self.caption_h = c.text_height(spec.caption, c.font(TypeScale.CAPTION), width) if spec.caption else 0
        self.labels = [self._series_label(s) for s in spec.series]
        self.grid = self._grid(c, width)
        self.flows = (
            [] if self.grid else [self._flow(c, s, width - self._flow_label_w(c, width) - 8) for s in spec.series]
        )
        self.values_h = self._values_height(c, width)
        self._update()

    def _update(self) -> None:
        self.height = (
            self.title_h
            + 6
            + self.chart_h
            + (8 + self.values_h if self.values_h else 0)
            + (6 + self.caption_h if self.caption_h else 0)
        )

    @property
    def min_height(self) -> float:
        return self.height - (self.chart_h - self.min_chart_h)

    def shrunk(self, by: float) -> ChartBlock:
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__)
        copy.chart_h = max(self.chart_h - by, self.min_chart_h)
        copy._update()
        return copy

    def split(self, avail_w: float, avail_h: float, fresh: bool = False) -> tuple[Flowable | None, Flowable | None]:
        available = avail_h
        if self.height <= available:
            return self, None
        if self.min_height <= available:
            return self.shrunk(self.height - available), None
        return (self, None) if fresh else (None, self)

    # -- exact values ---------------------------------------------------------------------

    def _series_label(self, series: Series) -> str:
        if len(self.spec.series) == 1:
            return ""
        return series.legend

    def _grid(self, c: Canvas, width: float) -> ValuesGrid | None:
        """A grid when every point sits on its own category and the values fit their columns."""
        spec = self.spec
        if spec.kind == "network" or not spec.series or any(p.span != 1 for s in spec.series for p in s.points):
            return None
        order = {cat: i for i, cat in enumerate(spec.categories)}
        cats = sorted({p.category for s in spec.series for p in s.points}, key=lambda k: order.get(k, len(order)))
        label_w = 0.0
        if any(self.labels):
            label_w = min(max(c.advance(label, self.bold) for label in self.labels) + 26, width * 0.3)
        col_w = (width - label_w) / len(cats)
        need = max(c.advance(p.display, self.font) for s in spec.series for p in s.points) + 10
        if col_w < need:
            return None
        head = [c.wrap(cat, self.font, col_w - 8) for cat in cats]
        head_h = max(len(h) for h in head) * self.lh + 6
        row_h = [
            max(len(c.wrap(label, self.bold, label_w - 20)) if label else 1, 1) * self.lh + 6 for label in self.labels
        ]
        return ValuesGrid(cats, label_w, col_w, head, head_h, row_h)

    def _flow_label_w(self, c: Canvas, width: float) -> float:
        return min(max((c.advance(label, self.bold) for label in self.labels), default=0.0) + 26, width * 0.3)

    def _flow(self, c: Canvas, series: Series, width: float) -> list[list[tuple[str, str]]]:
        """'category value' tokens flowed into lines of ``width`` (a token never breaks)."""
        sep = c.advance(self.SEP, self.font)
        lines: list[list[tuple[str, str]]] = [[]]
        used = 0.0
        for p in series.points:
            cat = _point_label(self.spec, p.category, p.span)
            adv = c.advance(cat + " ", self.font) + c.advance(p.display, self.bold)
            if lines[-1] and used + sep + adv > width:
                lines.append([])
                used = 0.0
            used += (sep if lines[-1] else 0.0) + adv
            lines[-1].append((cat, p.display))
        return lines

    def _values_height(self, c: Canvas, width: float) -> float:
        if self.grid:
            return self.grid.head_h + sum(self.grid.row_h)
        if not self.flows:
            return 0.0
        label_w = self._flow_label_w(c, width)
        total = 0.0
        for label, flow in zip(self.labels, self.flows, strict=True):
            total += max(len(flow), len(c.wrap(label, self.bold, label_w - 20))) * self.lh + 6
        return total

    # -- drawing ---------------------------------------------------------------------------

    def draw(self, c: Canvas, x: float, y: float) -> None:
        t, width = c.theme, self.width
        c.draw_text(x, y, width, self.spec.title, c.font(TypeScale.HEADING, True), t.foreground)
        y += self.title_h + 6
        render_chart(self.spec, c.painter, QtCore.QRectF(x, y, round(width), round(self.chart_h)), t, c.chart_font)
        y += self.chart_h
        if self.values_h:
            y += 8
            self._draw_values(c, x, y, width)
            y += self.values_h
        if self.caption_h:
            c.draw_text(x, y + 6, width, self.spec.caption, c.font(TypeScale.CAPTION), t.muted)

    def _swatch(self, c: Canvas, x: float, y: float, series: Series, colour: str) -> None:
        if series.style == "bar":
            c.fill(QtCore.QRectF(x, y - 4.5, 10, 9), colour, radius=1.5)
        else:
            c.rule(x - 1, y, x + 11, colour, 2.0)
            c.fill(QtCore.QRectF(x + 2, y - 3, 6, 6), colour, radius=3)

    def _draw_values(self, c: Canvas, x: float, y: float, width: float) -> None:
        t, g = c.theme, self.grid
        if g:
            c.fill(QtCore.QRectF(x, y, width, g.head_h), t.surface)
            for i, lines in enumerate(g.head):
                for j, line in enumerate(lines):
                    c.draw_line(
                        x + g.label_w + i * g.col_w, y + 3 + j * self.lh, line, self.font, t.muted, g.col_w, "center"
                    )
            y += g.head_h
            for s, label, colour, row_h in zip(self.spec.series, self.labels, self.colours, g.row_h, strict=True):
                if label:
                    self._swatch(c, x + 3, y + 3 + self.lh / 2, s, colour)
                    c.draw_text(x + 18, y + 3, g.label_w - 20, label, self.bold, t.foreground)
                shown = {p.category: p.display for p in s.points}
                for i, cat in enumerate(g.columns):
                    if cat in shown:
                        c.draw_line(
                            x + g.label_w + i * g.col_w, y + 3, shown[cat], self.font, t.foreground, g.col_w, "center"
                        )
                y += row_h
                c.rule(x, y, x + width, t.grid, 0.6)
            return
        label_w = self._flow_label_w(c, width)
        for s, label, colour, flow in zip(self.spec.series, self.labels, self.colours, self.flows, strict=True):
            self._swatch(c, x + 3, y + self.lh / 2, s, colour)
            names = c.wrap(label, self.bold, label_w - 20)
            for j, line in enumerate(names):
                c.draw_line(x + 18, y + j * self.lh, line, self.bold, t.foreground)
            for j, tokens in enumerate(flow):
                tx = x + label_w + 8
                for k, (cat, display) in enumerate(tokens):
                    if k:
                        tx += c.draw_line(tx, y + j * self.lh, self.SEP, self.font, t.muted)
                    tx += c.draw_line(tx, y + j * self.lh, cat + " ", self.font, t.muted)
                    tx += c.draw_line(tx, y + j * self.lh, display, self.bold, t.foreground)
            y += max(len(flow), len(names)) * self.lh + 6


class ChartPair(Flowable):
    """Two small charts side by side, aligned: same title, chart and values heights."""

    GAP_X = 20.0

    def __init__(self, c: Canvas, a: ChartSpec, b: ChartSpec, width: float) -> None:
        half = (width - self.GAP_X) / 2
        self.blocks = [ChartBlock(c, a, half, SMALL_CHART_H), ChartBlock(c, b, half, SMALL_CHART_H)]
        for name in ("title_h", "values_h", "caption_h"):
            top = max(getattr(block, name) for block in self.blocks)
            for block in self.blocks:
                setattr(block, name, top)
        for block in self.blocks:
            block._update()
        self.half, self.width = half, width
        self.height = self.blocks[0].height

    @property
    def min_height(self) -> float:
        return self.blocks[0].min_height

    ends_opening = True

    def split(self, avail_w: float, avail_h: float, fresh: bool = False) -> tuple[Flowable | None, Flowable | None]:
        available = avail_h
        if self.height <= available:
            return self, None
        if self.min_height <= available:
            pair = object.__new__(ChartPair)
            pair.__dict__.update(self.__dict__)
            pair.blocks = [b.shrunk(self.height - available) for b in self.blocks]
            pair.height = pair.blocks[0].height
            return pair, None
        return (self, None) if fresh else (None, self)

    def draw(self, c: Canvas, x: float, y: float) -> None:
        for i, block in enumerate(self.blocks):
            c.save()
            try:
                block.draw(c, x + i * (self.half + self.GAP_X), y)
            finally:
                c.restore()


def is_small(spec: ChartSpec) -> bool:
    """A single-series bar chart of a few bars: half a page wide is enough."""
    return spec.kind == "bars" and len(spec.series) == 1 and len(spec.categories) <= 4


def chart_blocks(c: Canvas, charts: Sequence[ChartSpec], width: float) -> list[Flowable]:
    blocks: list[Flowable] = []
    pending: ChartSpec | None = None
    for spec in charts:
        if is_small(spec):
            if pending is None:
                pending = spec
                continue
            blocks.append(ChartPair(c, pending, spec, width))
            pending = None
            continue
        if pending is not None:
            blocks.append(ChartBlock(c, pending, width, SMALL_CHART_H))
            pending = None
        blocks.append(ChartBlock(c, spec, width))
    if pending is not None:
        blocks.append(ChartBlock(c, pending, width, SMALL_CHART_H))
    return blocks
