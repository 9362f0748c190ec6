"""The KPI cards of a section, side by side."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6 import QtCore

from chery_viewer.core.content import Kpi
from chery_viewer.graphics.theme import change_mark
from chery_viewer.report.canvas import BLUE, Canvas, TypeScale
from chery_viewer.report.flowables import Flowable

__all__ = ["KpiRow"]


class KpiRow(Flowable):
    """The KPI cards of a section side by side; the values as large as the row allows.

    Cards are as wide as their value needs (at least ``MIN_W``), the room left shared equally,
    so one long value ("11.20 million") does not shrink every number in the row.
    """

    GAP_X = 8.0
    PAD = 9.0
    MIN_W = 96.0

    def __init__(self, c: Canvas, kpis: Sequence[Kpi], width: float) -> None:
        self.kpis = tuple(kpis)
        self.width = width
        n = max(len(self.kpis), 1)
        room = width - self.GAP_X * (n - 1)
        chrome = 2 * self.PAD + 3
        self.value_px, widths = 13, [room / n] * n
        for px in range(24, 12, -1):
            need = [max(c.advance(k.value, c.font(px, True)) + 2, self.MIN_W) + chrome for k in self.kpis]
            if sum(need) <= room:
                extra = (room - sum(need)) / n
                self.value_px, widths = px, [w + extra for w in need]
                break
        self.widths = widths
        self.inners = [w - chrome for w in widths]
        cards = list(zip(self.kpis, self.inners, strict=True))
        self.label_h = max(c.text_height(k.label, c.font(TypeScale.SMALL), w) for k, w in cards)
        self.meta_h = max(c.text_height(self._meta(k), c.font(TypeScale.CAPTION), w) for k, w in cards)
        self.change_h = max(
            (
                c.line_height(c.font(TypeScale.SMALL, True))
                + c.text_height(k.change_label, c.font(TypeScale.CAPTION), w)
                for k, w in cards
                if k.change
            ),
            default=0.0,
        )
        self.value_h = c.line_height(c.font(self.value_px, True))
        self.height = (
            2 * self.PAD
            + self.label_h
            + 3
            + self.value_h
            + 1
            + self.meta_h
            + (6 + self.change_h if self.change_h else 0)
        )

    @staticmethod
    def _meta(k: Kpi) -> str:
        unit = k.exact or k.unit  # a compact headline (123.3万) shows the exact figure here
        return f"{unit} · {k.period}" if unit else k.period

    def draw(self, c: Canvas, x: float, y: float) -> None:
        t = c.theme
        left = x
        for k, card_w, inner in zip(self.kpis, self.widths, self.inners, strict=True):
            c.fill(QtCore.QRectF(left, y, card_w, self.height), t.surface, t.border, 6)
            c.fill(QtCore.QRectF(left, y + 7, 3, self.height - 14), BLUE)
            cx, cy = left + self.PAD + 3, y + self.PAD
            left += card_w + self.GAP_X
            c.draw_text(cx, cy, inner, k.label, c.font(TypeScale.SMALL), t.muted)
            cy += self.label_h + 3
            c.draw_line(cx, cy, k.value, c.font(self.value_px, True), t.foreground)
            cy += self.value_h + 1
            c.draw_text(cx, cy, inner, self._meta(k), c.font(TypeScale.CAPTION), t.muted)
            cy += self.meta_h + 6
            if k.change:
                arrow, colour = change_mark(k.change_sign, t)
                bold = c.font(TypeScale.SMALL, True)
                c.draw_line(cx, cy, f"{arrow} {k.change}", bold, colour)
                if k.change_label:
                    c.draw_text(cx, cy + c.line_height(bold), inner, k.change_label, c.font(TypeScale.CAPTION), t.muted)
