"""The canvas at the bottom of the paper renderer: a painter, the document's fonts, text measuring
(wrapping, CJK-aware unbreakable pieces) and drawing primitives; the type scale and colours.

Every block measures and draws through a :class:`Canvas`, so fonts and metrics are made once
per document. Qt's page sizes and layouts are turned into :class:`PageInfo` here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence

from PySide6 import QtCore, QtGui

from chery_viewer.core.i18n import has_cjk, is_chinese
from chery_viewer.graphics.fonts import chart_font, document_families
from chery_viewer.graphics.theme import BLUE, Theme
from chery_viewer.report.breaks import bind, bound_spans
from chery_viewer.report.geometry import PageInfo

__all__ = [
    "BLUE", "CARD_PAD", "COVER_EDGE", "COVER_INK", "COVER_SOFT_INK", "PAGE_SIZES", "ZEBRA",
    "Canvas", "TypeScale", "page_for_layout", "page_for_size", "prepare_painter",
]  # fmt: skip

PAGE_SIZES: dict[str, QtGui.QPageSize.PageSizeId] = {
    "A4": QtGui.QPageSize.PageSizeId.A4,
    "Letter": QtGui.QPageSize.PageSizeId.Letter,
}


def page_for_layout(layout: QtGui.QPageLayout) -> PageInfo:
    """The full paper of a writer's or printer's page layout (margins are ours, not the device's)."""
    rect = layout.fullRect(QtGui.QPageLayout.Unit.Inch)
    return PageInfo.from_inches(rect.width(), rect.height())


def page_for_size(page_size: str) -> PageInfo:
    size = QtGui.QPageSize(PAGE_SIZES[page_size]).size(QtGui.QPageSize.Unit.Inch)
    return PageInfo.from_inches(size.width(), size.height())


def _chunks(paragraph: str, size: int) -> Iterator[tuple[int, str]]:
    """The paragraph cut into pieces of at most ``size`` characters (at the last space of a piece
    where it has one), each with its offset."""
    at = 0
    while len(paragraph) - at > size:
        cut = paragraph.rfind(" ", at + size // 2, at + size) + 1 or at + size
        yield at, paragraph[at:cut]
        at = cut
    yield at, paragraph[at:]


def prepare_painter(painter: QtGui.QPainter) -> None:
    """Antialiased shapes and text, on every device."""
    if not painter.isActive():
        raise RuntimeError("the painter is not active")
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)


class Canvas:
    """The painter with the fonts, colours and text helpers every block uses.

    ``families`` are the document's font families, most preferred first (see
    :func:`chery_viewer.graphics.fonts.document_families`); charts drawn on this canvas get
    ``chart_font``, built from them, so nothing global changes while a document is painted.
    """

    def __init__(
        self, painter: QtGui.QPainter, page: PageInfo, theme: Theme, families: Sequence[str] | None = None
    ) -> None:
        self.painter = painter
        self.device = painter.device()
        self.page = page
        self.theme = theme
        self.families = list(families) if families else document_families(is_chinese())
        self.chart_font = chart_font(self.families)
        self.links: list[tuple[QtCore.QRectF, str]] = []
        self._fonts: dict[tuple[int, bool], QtGui.QFont] = {}
        self._metrics: dict[tuple[int, bool], QtGui.QFontMetricsF] = {}
        self._wraps: dict[tuple[str, int, bool, int], list[str]] = {}
        self._advances: dict[tuple[str, int, bool], float] = {}

    def font(self, px: int, bold: bool = False) -> QtGui.QFont:
        """The document's font at ``px`` pixels (pixel sizes: the same on every device)."""
        key = (px, bold)
        if key not in self._fonts:
            font = QtGui.QFont(self.families[0])
            if len(self.families) > 1:
                font.setFamilies(self.families)  # characters missing from the first family fall back
            font.setPixelSize(px)
            font.setBold(bold)
            font.setHintingPreference(QtGui.QFont.HintingPreference.PreferNoHinting)
            if hasattr(font, "setFeature"):  # Qt 6.7+: no "fi"/"fl" ligatures, so "first" is found by search
                font.setFeature(QtGui.QFont.Tag("liga"), 0)
            self._fonts[key] = font
        return self._fonts[key]

    def metrics(self, font: QtGui.QFont) -> QtGui.QFontMetricsF:
        key = (font.pixelSize(), font.bold())
        if key not in self._metrics:
            self._metrics[key] = QtGui.QFontMetricsF(font, self.device)
        return self._metrics[key]

    def line_height(self, font: QtGui.QFont) -> float:
        return math.ceil(self.metrics(font).height() * 1.18)

    def advance(self, text: str, font: QtGui.QFont) -> float:
        key = (text, font.pixelSize(), font.bold())
        found = self._advances.get(key)
        if found is None:
            found = self._advances[key] = self.metrics(font).horizontalAdvance(text)
        return found

    def wrap(self, text: str, font: QtGui.QFont, width: float) -> list[str]:
        """Lines of ``text`` within ``width``: at word boundaries, or anywhere for a word too long."""
        key = (text, font.pixelSize(), font.bold(), int(width * 4))
        if key in self._wraps:
            return self._wraps[key]
        if "\n" not in text and len(text) <= self.LAYOUT_CHUNK and self.advance(text, font) <= width - 1.0:
            self._wraps[key] = [text.strip()]
            return self._wraps[key]
        lines: list[str] = []
        option = QtGui.QTextOption()
        option.setWrapMode(QtGui.QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        for paragraph in text.split("\n"):
            bound, where = bind(paragraph)  # no line ends inside a period
            for offset, piece in _chunks(bound, self.LAYOUT_CHUNK):
                layout = QtGui.QTextLayout(piece, font, self.device)
                layout.setTextOption(option)
                layout.beginLayout()
                while True:
                    line = layout.createLine()
                    if not line.isValid():
                        break
                    line.setLineWidth(max(width - 1.0, 1.0))  # 1 px of slack against rounding
                    start = offset + line.textStart()
                    end = start + line.textLength()
                    if where is not None:
                        start, end = where[start], where[end]
                    lines.append(paragraph[start:end].strip())
                layout.endLayout()
            if not paragraph:
                lines.append("")
        self._wraps[key] = lines
        return lines

    # Qt lays out one paragraph in time that grows faster than its length (a 500,000-character
    # word took 15 s): longer paragraphs are laid out in pieces of this many characters, cut at
    # a space where there is one, so a 1 MB cell costs time in proportion to its length.
    LAYOUT_CHUNK = 2000
    SHORT_CJK = 8  # a CJK word of up to this many characters (a name: 宁德时代, 无数据) stays whole
    CJK_PIECE = 4  # a longer one is kept in pieces of about this many characters

    @classmethod
    def unbreakable(cls, text: str) -> list[str]:
        """The pieces of ``text`` a table column should hold on one line: its words, a period
        (Jan–Sep 2022, 2022年1月–9月) or a figure with its mark (961,926 [S5]) whole; a longer
        word with CJK characters (Chinese has no spaces) in runs of a few characters, cut only
        at line-break opportunities (never inside a Latin word, a number or a period, never
        before '，')."""
        pieces: list[str] = []
        inside = {i for a, b in bound_spans(text) for i in range(a + 1, b)}  # no break before these
        for start, word in cls._words(text, inside):
            if len(word) <= cls.SHORT_CJK or not has_cjk(word):
                pieces.append(word)
                continue
            # Qt counts UTF-16 units: map them back to characters (they differ past U+FFFF), in one
            # pass (a sum over each prefix made a long word quadratic: 30,000 characters, 18 s)
            at, units = {}, 0
            for i, ch in enumerate(word):
                at[units] = i
                units += 2 if ord(ch) > 0xFFFF else 1
            at[units] = len(word)
            finder = QtCore.QTextBoundaryFinder(QtCore.QTextBoundaryFinder.BoundaryType.Line, word)
            begin = cut = 0
            while (end := finder.toNextBoundary()) != -1:
                end = at.get(end, cut)
                if end <= cut or start + end in inside:
                    continue
                if end - begin > cls.CJK_PIECE and cut > begin:
                    pieces.append(word[begin:cut])
                    begin = cut
                cut = end
            pieces.append(word[begin:])
        return pieces

    @staticmethod
    def _words(text: str, inside: set[int]) -> Iterator[tuple[int, str]]:
        """The words of ``text`` with their offsets; the words of one period make one."""
        words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
        i = 0
        while i < len(words):
            start, end = words[i]
            while i + 1 < len(words) and end in inside:
                i += 1
                end = words[i][1]
            yield start, text[start:end]
            i += 1

    def text_height(self, text: str, font: QtGui.QFont, width: float) -> float:
        return len(self.wrap(text, font, width)) * self.line_height(font)

    def draw_line(
        self,
        x: float,
        y: float,
        text: str,
        font: QtGui.QFont,
        colour: str,
        width: float | None = None,
        align: str = "left",
    ) -> float:
        """One line of text with its top at ``y``; returns the advance width."""
        advance = self.advance(text, font)
        if width is not None and align == "right":
            x += width - advance
        elif width is not None and align == "center":
            x += (width - advance) / 2
        self.painter.setFont(font)
        self.painter.setPen(QtGui.QColor(colour))
        lh = self.line_height(font)
        baseline = y + (lh - self.metrics(font).height()) / 2 + self.metrics(font).ascent()
        self.painter.drawText(QtCore.QPointF(x, baseline), text)
        return advance

    def draw_text(
        self, x: float, y: float, width: float, text: str, font: QtGui.QFont, colour: str, align: str = "left"
    ) -> float:
        """Wrapped text with its top at ``y``; returns the height used."""
        lh = self.line_height(font)
        lines = self.wrap(text, font, width)
        for i, line in enumerate(lines):
            self.draw_line(x, y + i * lh, line, font, colour, width, align)
        return len(lines) * lh

    def fill(self, rect: QtCore.QRectF, colour: str, border: str | None = None, radius: float = 0.0) -> None:
        p = self.painter
        p.save()
        p.setPen(QtGui.QPen(QtGui.QColor(border), 0.8) if border else QtCore.Qt.PenStyle.NoPen)
        p.setBrush(QtGui.QColor(colour))
        if radius:
            p.drawRoundedRect(rect, radius, radius)
        else:
            p.drawRect(rect)
        p.restore()

    def rule(self, x1: float, y: float, x2: float, colour: str, width: float = 0.8) -> None:
        self.painter.save()
        self.painter.setPen(QtGui.QPen(QtGui.QColor(colour), width))
        self.painter.drawLine(QtCore.QPointF(x1, y), QtCore.QPointF(x2, y))
        self.painter.restore()

    def save(self) -> None:
        self.painter.save()

    def restore(self) -> None:
        self.painter.restore()

    def add_link(self, x: float, y: float, w: float, h: float, url: str) -> None:
        self.links.append((QtCore.QRectF(x, y, w, h), url))


class TypeScale:
    """Font sizes in pixels at 96 dpi (pt = px × 0.75)."""

    COVER_TITLE = 30
    COVER_TEXT = 13
    SECTION = 26
    SUMMARY = 13
    HEADING = 14
    BODY = 12
    SMALL = 11
    TABLE = 10
    CAPTION = 10
    RUNNING = 9


CARD_PAD = 10.0
COVER_EDGE, COVER_INK, COVER_SOFT_INK = "#005a8c", "#ffffff", "#eaf4fb"  # on the theme's blue banner
ZEBRA = "#f8f9fb"  # every other table row, a shade lighter than the theme's surface
