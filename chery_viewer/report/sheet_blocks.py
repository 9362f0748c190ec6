"""The fact sheet's own blocks: dense, small-type versions of the report's cards, KPIs and tables,
each measured for the width of the panel it sits in (see :mod:`chery_viewer.report.fact_sheet`).

Every block here is a :class:`~chery_viewer.report.flowables.Flowable`, so the fact sheet's
pages are painted by the same ``DocTemplate`` as the full report.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6 import QtCore, QtGui

from chery_viewer.core.content import Card, Kpi
from chery_viewer.graphics.theme import change_mark
from chery_viewer.report.canvas import BLUE, COVER_EDGE, COVER_INK, COVER_SOFT_INK, Canvas
from chery_viewer.report.flowables import Flowable

__all__ = ["Band", "CardGrid", "Heading", "KpiGrid", "Line", "Rows", "SourceList"]

PAD = 7.0


class Band(Flowable):
    """The title band: bleeds to the page's edges above ``y``; title, subtitle and as-of on the right."""

    cover = True
    gap_after = 14.0

    def __init__(self, c: Canvas, title: str, subtitle: str, side: str, width: float, title_px: int = 26) -> None:
        self.title, self.subtitle, self.side, self.width = title, subtitle, side, width
        self.title_px = title_px
        self.side_w = c.advance(side, c.font(11, True)) + 4 if side else 0.0
        self.title_h = c.text_height(title, c.font(title_px, True), width - self.side_w - 12)
        self.sub_h = c.text_height(subtitle, c.font(11), width) if subtitle else 0.0
        self.height = self.title_h + (4 + self.sub_h if subtitle else 0) + 14

    def draw(self, c: Canvas, x: float, y: float) -> None:
        c.fill(QtCore.QRectF(0, 0, c.page.width, y + self.height), BLUE)
        c.fill(QtCore.QRectF(0, y + self.height - 3, c.page.width, 3), COVER_EDGE)
        c.draw_text(x, y, self.width - self.side_w - 12, self.title, c.font(self.title_px, True), COVER_INK)
        if self.side:
            c.draw_line(x, y + 4, self.side, c.font(11, True), COVER_INK, self.width, "right")
        if self.subtitle:
            c.draw_text(x, y + self.title_h + 4, self.width, self.subtitle, c.font(11), COVER_SOFT_INK)


class Heading(Flowable):
    """A panel's heading: bold text over a blue rule; a short muted line beside it if given."""

    keep_with_next = True
    gap_after = 6.0

    def __init__(self, c: Canvas, text: str, width: float, px: int = 13) -> None:
        self.text, self.width, self.px = text, width, px
        self.text_h = c.text_height(text, c.font(px, True), width)
        self.height = self.text_h + 4

    def draw(self, c: Canvas, x: float, y: float) -> None:
        c.draw_text(x, y, self.width, self.text, c.font(self.px, True), c.theme.foreground)
        c.fill(QtCore.QRectF(x, y + self.text_h + 1, self.width, 1.2), BLUE)


class KpiGrid(Flowable):
    """KPI cards in a grid of ``cols`` columns: label, large value, unit and period, change, source id."""

    GAP = 7.0

    def __init__(self, c: Canvas, kpis: Sequence[tuple[Kpi, str]], width: float, cols: int, value_px: int = 22) -> None:
        self.kpis, self.width, self.cols = tuple(kpis), width, max(cols, 1)
        self.card_w = (width - self.GAP * (self.cols - 1)) / self.cols
        inner = self.card_w - 2 * PAD - 3
        px = value_px
        while px > 12 and any(c.advance(k.value, c.font(px, True)) > inner for k, _ in self.kpis):
            px -= 1
        self.value_px, self.inner = px, inner
        self.rows: list[float] = []
        for i in range(0, len(self.kpis), self.cols):
            self.rows.append(max(self._card_h(c, k, cite) for k, cite in self.kpis[i : i + self.cols]))
        self.height = sum(self.rows) + self.GAP * (len(self.rows) - 1)

    @staticmethod
    def meta(k: Kpi) -> str:
        return " · ".join(part for part in (k.exact or k.unit, k.period) if part)

    def _change(self, k: Kpi) -> str:
        return f"{k.arrow} {k.change} {k.change_label}".strip() if k.change else ""

    def _meta(self, c: Canvas, k: Kpi, cite: str, at: tuple[float, float] | None) -> float:
        """Unit and period, then the source id in the theme's blue (on the next line if it must);
        draws at ``at`` if given; returns the height."""
        font, bold = c.font(9), c.font(9, True)
        lines = c.wrap(self.meta(k), font, self.inner)
        last = c.advance(lines[-1], font) if lines else 0.0
        below = bool(cite) and last + 5 + c.advance(cite, bold) > self.inner
        if at is not None:
            x, y = at
            c.draw_text(x, y, self.inner, self.meta(k), font, c.theme.muted)
            if cite:
                row = len(lines) - (0 if below else 1)
                left = x + (0 if below or not lines else last + 5)
                c.draw_line(left, y + row * c.line_height(font), cite, bold, BLUE)
        return (len(lines) + below) * c.line_height(font)

    def _card_h(self, c: Canvas, k: Kpi, cite: str) -> float:
        h = 2 * PAD + c.text_height(k.label, c.font(10), self.inner) + 2
        h += c.line_height(c.font(self.value_px, True))
        h += self._meta(c, k, cite, None)
        if k.change:
            h += 2 + c.text_height(self._change(k), c.font(10, True), self.inner)
        return h

    def draw(self, c: Canvas, x: float, y: float) -> None:
        t = c.theme
        top = y
        for r, row_h in enumerate(self.rows):
            for i, (k, cite) in enumerate(self.kpis[r * self.cols : (r + 1) * self.cols]):
                left = x + i * (self.card_w + self.GAP)
                c.fill(QtCore.QRectF(left, top, self.card_w, row_h), t.surface, t.border, 5)
                c.fill(QtCore.QRectF(left, top + 6, 3, row_h - 12), BLUE)
                cx, cy = left + PAD + 3, top + PAD
                cy += c.draw_text(cx, cy, self.inner, k.label, c.font(10), t.muted) + 2
                value_font = c.font(self.value_px, True)
                c.draw_line(cx, cy, k.value, value_font, t.foreground)
                cy += c.line_height(value_font)
                cy += self._meta(c, k, cite, (cx, cy))
                if k.change:
                    _, colour = change_mark(k.change_sign, t)
                    c.draw_text(cx, cy + 2, self.inner, self._change(k), c.font(10, True), colour)
            top += row_h + self.GAP


class CardGrid(Flowable):
    """Cards in ``cols`` columns, compact: bold title, body, muted meta (which names the source)."""

    GAP = 7.0

    def __init__(self, c: Canvas, cards: Sequence[Card], width: float, cols: int, body_px: int = 10) -> None:
        self.cards, self.width, self.cols, self.body_px = tuple(cards), width, max(cols, 1), body_px
        self.card_w = (width - self.GAP * (self.cols - 1)) / self.cols
        self.inner = self.card_w - 2 * PAD
        self.rows: list[float] = []
        for i in range(0, len(self.cards), self.cols):
            self.rows.append(max(self._card_h(c, card) for card in self.cards[i : i + self.cols]))
        self.height = sum(self.rows) + self.GAP * (len(self.rows) - 1) if self.rows else 0.0

    def _card_h(self, c: Canvas, card: Card) -> float:
        return (
            2 * PAD
            + c.text_height(card.title, c.font(self.body_px + 1, True), self.inner)
            + 2
            + c.text_height(card.body, c.font(self.body_px), self.inner)
            + 3
            + c.text_height(card.meta, c.font(9), self.inner)
        )

    def draw(self, c: Canvas, x: float, y: float) -> None:
        t = c.theme
        top = y
        for r, row_h in enumerate(self.rows):
            for i, card in enumerate(self.cards[r * self.cols : (r + 1) * self.cols]):
                left = x + i * (self.card_w + self.GAP)
                c.fill(QtCore.QRectF(left, top, self.card_w, row_h), t.surface, t.border, 5)
                cx, cy = left + PAD, top + PAD
                cy += c.draw_text(cx, cy, self.inner, card.title, c.font(self.body_px + 1, True), t.foreground) + 2
                cy += c.draw_text(cx, cy, self.inner, card.body, c.font(self.body_px), t.foreground) + 3
                c.draw_text(cx, cy, self.inner, card.meta, c.font(9), t.muted)
            top += row_h + self.GAP


class Rows(Flowable):
    """A compact table without a header: each row's cells in fixed shares of the width, zebra-striped."""

    def __init__(
        self, c: Canvas, rows: Sequence[Sequence[str]], shares: Sequence[float], width: float,
        numeric: Sequence[int] = (), bold: Sequence[int] = (0,), px: int = 10,
        muted: Sequence[int] = (), small: Sequence[int] = (),
    ) -> None:  # fmt: skip
        self.rows, self.width, self.numeric, self.bold, self.px = [tuple(r) for r in rows], width, numeric, bold, px
        self.muted, self.small = muted, small
        total = sum(shares)
        self.widths = [width * s / total for s in shares]
        self.row_h = [
            max(
                c.text_height(cell, self._font(c, i), w - 8)
                for i, (cell, w) in enumerate(zip(row, self.widths, strict=True))
            )
            + 5
            for row in self.rows
        ]
        self.height = sum(self.row_h)

    def _font(self, c: Canvas, i: int) -> QtGui.QFont:
        return c.font(self.px - 1 if i in self.muted or i in self.small else self.px, i in self.bold)

    def draw(self, c: Canvas, x: float, y: float) -> None:
        t = c.theme
        for r, (row, h) in enumerate(zip(self.rows, self.row_h, strict=True)):
            if r % 2 == 0:
                c.fill(QtCore.QRectF(x, y, self.width, h), t.surface)
            left = x
            for i, (cell, w) in enumerate(zip(row, self.widths, strict=True)):
                align = "right" if i in self.numeric else "left"
                colour = t.muted if i in self.muted else t.foreground
                c.draw_text(left + 4, y + 2.5, w - 8, cell, self._font(c, i), colour, align)
                left += w
            y += h


class Line(Flowable):
    """A paragraph in the sheet's small type, optionally with a bold lead-in and a tinted box."""

    gap_after = 8.0

    def __init__(
        self, c: Canvas, text: str, width: float, px: int = 10, boxed: bool = False, muted: bool = False
    ) -> None:
        self.text, self.width, self.px, self.boxed, self.muted = text, width, px, boxed, muted
        pad = PAD if boxed else 0.0
        self.pad = pad
        self.height = c.text_height(text, c.font(px), width - 2 * pad) + 2 * pad

    def draw(self, c: Canvas, x: float, y: float) -> None:
        t = c.theme
        if self.boxed:
            c.fill(QtCore.QRectF(x, y, self.width, self.height), t.surface, t.border, 5)
            c.fill(QtCore.QRectF(x, y + 5, 3, self.height - 10), BLUE)
        colour = t.muted if self.muted else t.foreground
        c.draw_text(x + self.pad + (3 if self.boxed else 0), y + self.pad, self.width - 2 * self.pad - 3,
                    self.text, c.font(self.px), colour)  # fmt: skip


class SourceList(Flowable):
    """The sources in small type, in columns: id in bold, publisher and date, the headline after."""

    GAP = 10.0

    def __init__(self, c: Canvas, entries: Sequence[tuple[str, str]], width: float, cols: int, px: int = 7) -> None:
        self.entries, self.width, self.cols, self.px = tuple(entries), width, cols, px
        self.col_w = (width - self.GAP * (cols - 1)) / cols
        self.id_w = max((c.advance(i, c.font(px, True)) for i, _ in self.entries), default=0.0) + 3
        self.entry_h = [c.text_height(text, c.font(px), self.col_w - self.id_w) for _, text in self.entries]
        per = -(-len(self.entries) // cols)
        self.columns = [list(range(k * per, min((k + 1) * per, len(self.entries)))) for k in range(cols)]
        self.height = max((sum(self.entry_h[i] + 1 for i in col) for col in self.columns), default=0.0)

    def draw(self, c: Canvas, x: float, y: float) -> None:
        t = c.theme
        for k, col in enumerate(self.columns):
            left, top = x + k * (self.col_w + self.GAP), y
            for i in col:
                sid, text = self.entries[i]
                c.draw_line(left, top, sid, c.font(self.px, True), BLUE)
                c.draw_text(left + self.id_w, top, self.col_w - self.id_w, text, c.font(self.px), t.muted)
                top += self.entry_h[i] + 1
