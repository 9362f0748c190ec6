"""Text blocks: the cover banner, section headings, sub-headings and paragraphs."""

from __future__ import annotations

from PySide6 import QtCore

from chery_viewer.core.i18n import translate
from chery_viewer.report.canvas import BLUE, COVER_EDGE, COVER_INK, COVER_SOFT_INK, Canvas, TypeScale
from chery_viewer.report.flowables import Flowable

__all__ = ["Cover", "Paragraph", "SectionHeading", "SubHeading", "continued"]


def continued(title: str) -> str:
    """The heading of a table, card group or note list carried over to the next page."""
    return translate("Report", "{title} (continued)").format(title=title)


class Cover(Flowable):
    """The first page's banner: title, description and a line of facts, bleeding to the page edges."""

    gap_after = 22.0
    cover = True

    def __init__(self, c: Canvas, title: str, text: str, meta: str, width: float) -> None:
        self.title, self.text, self.meta, self.width = title, text, meta, width
        self.title_h = c.text_height(self.title, c.font(TypeScale.COVER_TITLE, True), width)
        self.text_h = c.text_height(self.text, c.font(TypeScale.COVER_TEXT), width * 0.9)
        self.meta_h = c.text_height(self.meta, c.font(TypeScale.SMALL, True), width)
        self.height = self.title_h + 8 + self.text_h + 14 + self.meta_h + 24

    def draw(self, c: Canvas, x: float, y: float) -> None:
        width = self.width
        c.fill(QtCore.QRectF(0, 0, c.page.width, y + self.height), BLUE)
        c.fill(QtCore.QRectF(0, y + self.height - 4, c.page.width, 4), COVER_EDGE)
        y += c.draw_text(x, y, width, self.title, c.font(TypeScale.COVER_TITLE, True), COVER_INK) + 8
        y += c.draw_text(x, y, width * 0.9, self.text, c.font(TypeScale.COVER_TEXT), COVER_SOFT_INK) + 14
        c.draw_text(x, y, width, self.meta, c.font(TypeScale.SMALL, True), COVER_INK)


class SectionHeading(Flowable):
    keep_with_next = True
    gap_after = 18.0

    def __init__(self, c: Canvas, title: str, summary: str, width: float) -> None:
        self.title, self.summary, self.width = title, summary, width
        self.title_h = c.line_height(c.font(TypeScale.SECTION, True))
        self.summary_h = c.text_height(summary, c.font(TypeScale.SUMMARY), width) if summary else 0.0
        self.height = self.title_h + 10 + self.summary_h

    def draw(self, c: Canvas, x: float, y: float) -> None:
        c.draw_line(x, y, self.title, c.font(TypeScale.SECTION, True), c.theme.foreground)
        y += self.title_h + 2
        c.fill(QtCore.QRectF(x, y, 44, 3), BLUE)
        if self.summary:
            c.draw_text(x, y + 8, self.width, self.summary, c.font(TypeScale.SUMMARY), c.theme.muted)


class SubHeading(Flowable):
    keep_with_next = True
    gap_after = 6.0

    def __init__(self, c: Canvas, text: str, width: float) -> None:
        self.text, self.width = text, width
        self.height = c.text_height(text, c.font(TypeScale.HEADING, True), width)

    def draw(self, c: Canvas, x: float, y: float) -> None:
        c.draw_text(x, y, self.width, self.text, c.font(TypeScale.HEADING, True), c.theme.foreground)


class Paragraph(Flowable):
    gap_after = 8.0

    def __init__(self, c: Canvas, text: str, width: float, px: int = TypeScale.BODY, colour: str = "") -> None:
        self.text, self.px, self.width = text, px, width
        self.colour = colour or c.theme.foreground
        self.height = c.text_height(text, c.font(px), width)

    def draw(self, c: Canvas, x: float, y: float) -> None:
        c.draw_text(x, y, self.width, self.text, c.font(self.px), self.colour)
