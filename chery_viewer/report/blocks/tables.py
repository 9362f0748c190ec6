"""Tables: measured once, split between rows into chunks that fit, each repeating the header row.

Column widths come from the Qt-free solver in :mod:`chery_viewer.report.columns`; which
columns are right-aligned (numbers) and which hold links is said by the table, never guessed
from the formatted cells.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6 import QtCore, QtGui

from chery_viewer.core.content import Table
from chery_viewer.core.formatting import is_safe_url
from chery_viewer.report.blocks.text import continued
from chery_viewer.report.canvas import BLUE, ZEBRA, Canvas, TypeScale
from chery_viewer.report.columns import column_widths
from chery_viewer.report.flowables import Chunk, Flow, Flowable

__all__ = ["TableChunk", "TableData", "TableFlow"]


@dataclass(frozen=True)
class TableData:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    link_column: int | None = None  # cells of this column are URLs
    numeric_columns: tuple[int, ...] = ()  # right-aligned

    @classmethod
    def of(cls, table: Table) -> TableData:
        link = table.link_columns[0] if table.link_columns else None
        return cls(table.title, table.columns, table.rows, table.caption, link, table.numeric_columns)


class TableFlow(Flow):
    """A table measured once; split into chunks that fit, each repeating the header row."""

    PAD_X, PAD_Y = 5.0, 3.5
    KEEP_WHOLE = 8  # tables of up to this many rows are never split
    MIN_ROWS = 3

    def __init__(self, c: Canvas, data: TableData, width: float) -> None:
        self.data = data
        self.width = width
        self.font, self.head_font = c.font(TypeScale.TABLE), c.font(TypeScale.TABLE, True)
        self.widths = self._column_widths(c, width)
        self.align = ["right" if i in data.numeric_columns else "left" for i in range(len(data.columns))]
        self.cells = [
            [c.wrap(cell, self.font, w - 2 * self.PAD_X) for cell, w in zip(row, self.widths, strict=True)]
            for row in data.rows
        ]
        self.head = [
            c.wrap(h, self.head_font, w - 2 * self.PAD_X) for h, w in zip(data.columns, self.widths, strict=True)
        ]
        lh = c.line_height(self.font)
        self.lh = lh
        self.head_h = max(len(h) for h in self.head) * lh + 2 * self.PAD_Y
        self.row_h = [max(max(len(cell), 1) for cell in row) * lh + 2 * self.PAD_Y for row in self.cells]
        self.title_h = c.text_height(data.title, c.font(TypeScale.HEADING, True), width)
        self.cont_h = c.text_height(continued(data.title), c.font(TypeScale.HEADING, True), width)
        self.caption_h = c.text_height(data.caption, c.font(TypeScale.CAPTION), width) if data.caption else 0
        self.start = 0
        self.height = self.chunk_height(0, len(self.row_h))

    def count(self) -> int:
        return len(self.row_h)

    def chunk(self, start: int, end: int) -> Flowable:
        return TableChunk(self, start, end)

    def chunk_height(self, start: int, end: int) -> float:
        title = self.cont_h if start else self.title_h
        caption = 6 + self.caption_h if end == len(self.row_h) and self.caption_h else 0.0
        return title + 6 + self.head_h + sum(self.row_h[start:end]) + caption

    @property
    def min_height(self) -> float:
        remaining = len(self.row_h) - self.start
        return self.chunk_height(self.start, self.start + min(self.MIN_ROWS, remaining))

    def split(self, avail_w: float, avail_h: float, fresh: bool = False) -> tuple[Flowable | None, Flowable | None]:
        available, end = avail_h, len(self.row_h)
        if self.start == 0 and end <= self.KEEP_WHOLE and not fresh and self.height > available:
            return None, self  # a short table moves whole to the next page
        stop = self.fit(available)
        if stop == end:
            return TableChunk(self, self.start, end), None
        if stop - self.start < min(self.MIN_ROWS, end - self.start) and not fresh:
            return None, self  # no chunk of one or two rows at the foot of a page
        stop = max(stop, self.start + 1)
        if 0 < end - stop < self.MIN_ROWS and stop - self.start > self.MIN_ROWS:
            stop = max(end - self.MIN_ROWS, self.start + self.MIN_ROWS)  # nor a widow on the next page
        if stop >= end:
            return TableChunk(self, self.start, end), None
        return TableChunk(self, self.start, stop), self.rest(stop)

    def _column_widths(self, c: Canvas, width: float) -> list[float]:
        d = self.data
        return column_widths(
            [[c.advance(cell, self.font) for cell in row] for row in d.rows],
            [c.advance(h, self.head_font) for h in d.columns],
            [
                max((c.advance(w, self.font) for row in d.rows for w in c.unbreakable(row[i])), default=0.0)
                for i in range(len(d.columns))
            ],
            [max((c.advance(w, self.head_font) for w in c.unbreakable(h)), default=0.0) for h in d.columns],
            width,
            2 * self.PAD_X + 2,
            d.link_column,
        )


class TableChunk(Chunk):
    flow: TableFlow

    def draw(self, c: Canvas, x: float, y: float) -> None:
        tb, t, width = self.flow, c.theme, self.width
        title = continued(tb.data.title) if self.start else tb.data.title
        y += c.draw_text(x, y, width, title, c.font(TypeScale.HEADING, True), t.foreground) + 6
        c.fill(QtCore.QRectF(x, y, width, tb.head_h), t.surface)
        c.rule(x, y + tb.head_h, x + width, t.border, 1.0)
        self._row(c, x, y, tb.head, tb.head_font, t.foreground)
        y += tb.head_h
        for i in range(self.start, self.end):
            h = tb.row_h[i]
            if (i - self.start) % 2 == 1:
                c.fill(QtCore.QRectF(x, y, width, h), ZEBRA)
            self._row(c, x, y, tb.cells[i], tb.font, t.foreground, i)
            y += h
            c.rule(x, y, x + width, t.grid, 0.6)
        if self.end == len(tb.row_h) and tb.caption_h:
            c.draw_text(x, y + 6, width, tb.data.caption, c.font(TypeScale.CAPTION), t.muted)

    def _row(
        self,
        c: Canvas,
        x: float,
        y: float,
        cells: list[list[str]],
        font: QtGui.QFont,
        colour: str,
        index: int | None = None,
    ) -> None:
        tb = self.flow
        cx = x
        for col, (lines, w) in enumerate(zip(cells, tb.widths, strict=True)):
            link = index is not None and col == tb.data.link_column
            for j, line in enumerate(lines):
                c.draw_line(
                    cx + tb.PAD_X,
                    y + tb.PAD_Y + j * tb.lh,
                    line,
                    font,
                    BLUE if link else colour,
                    w - 2 * tb.PAD_X,
                    tb.align[col],
                )
            if link and index is not None and is_safe_url(url := tb.data.rows[index][col]):
                c.add_link(cx, y, w, tb.row_h[index], url)
            cx += w
