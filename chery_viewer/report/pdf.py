"""The fact sheet as a PDF (or on a printer): the same ``SectionContent`` the window shows, laid out in pages.

One function, :func:`paint_document`, draws the whole document on any ``QPainter``: the
``QPdfWriter`` of :func:`export_pdf` and the ``QPrinter`` of :mod:`chery_viewer.report.printing`.
It first lays every section out (so the page count is known before the first page is
drawn, for "Page N of M"), then paints page by page.

Everything is measured in layout pixels, 96 to the inch. The PDF writer runs at exactly
96 dpi: pyqtgraph caches axes and bars as ``QPicture`` recordings made at 96 dpi and
replays them mis-scaled at any other resolution.

Charts are fresh ``ChartView`` widgets made for the export (never the window's, which may
never have been shown) and rendered straight into the painter, so they stay vector with
selectable text. Below each chart, its exact values are printed from ``Point.display``.

Every text the reader sees goes through ``translate("Report", ...)`` (the section content
arrives translated from ``chery_viewer.core.content``). In Chinese the bundled CJK subset
font (``chery_viewer.ui.language.cjk_family``) comes first in every font, the charts' too, so
Chinese is drawn from, and embedded as, that font on any machine; lines break between CJK
characters (Qt's line breaker), and bookmarks and metadata are written as UTF-16 strings.

Qt writes the file into memory, with a document ID derived from the content and our own
XMP metadata. One incremental update then adds what Qt cannot write (bookmarks, subject
and keywords, links on source URLs) and Qt's clock-time dates are replaced by the
dataset's as-of date, so the same dataset and options always give the same bytes. This
is done by hand, not with pypdf: importing pypdf alone (about 0.1 s) would take a quarter
of the time a headless export may add to the import floor (the tests read every result
back with pypdf, in strict mode).
The finished bytes reach the target path through a temporary file in the same folder
and ``os.replace``, so a failed export never leaves a partial file nor touches an
existing one.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import gc
import hashlib
import io
import math
import os
import re
import sys
import uuid
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")  # pyqtgraph picks its binding on import

from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer import __version__
from chery_viewer.core.audit import Analysis, analyse
from chery_viewer.core.content import (
    Card,
    CardGroup,
    ChartSpec,
    Kpi,
    SectionContent,
    Series,
    Table,
    audit_tables,
    build_sections,
    source_date,
)
from chery_viewer.core.files import WriteError, atomic_write, describe_problem
from chery_viewer.core.formatting import is_safe_url, not_available, unit_words
from chery_viewer.core.i18n import current_language, data_language, has_cjk, is_chinese, translate
from chery_viewer.core.signals import checkpoint, deferred, hold_for_test
from chery_viewer.ui.theme import BLUE, LIGHT, Theme

if TYPE_CHECKING:
    from chery_viewer.core.factsheet import FactSheet

__all__ = [
    "PAGE_SIZES",
    "DocumentLayout",
    "ExportError",
    "PageInfo",
    "closing_title",
    "document_title",
    "export_pdf",
    "paint_document",
    "render_pdf_bytes",
]

DPI = 96
PX_PER_MM = DPI / 25.4
PT_PER_PX = 72 / DPI
PAGE_SIZES: dict[str, QtGui.QPageSize.PageSizeId] = {
    "A4": QtGui.QPageSize.PageSizeId.A4,
    "Letter": QtGui.QPageSize.PageSizeId.Letter,
}


def author() -> str:
    """The PDF's Author field: who compiled it, and that it is not the company's document."""
    return translate("Report", "Compiled by the Chery Fact Sheet project from press reports; not affiliated with Chery")


FONT_FAMILIES = ("DejaVu Sans", "Noto Sans", "Segoe UI", "Helvetica Neue", "Arial")

_app: QtWidgets.QApplication | None = None  # a QApplication this module created, kept alive


class ExportError(Exception):
    """The PDF could not be written; the message is one readable line naming the file."""


def closing_title() -> str:
    """The title of the closing section (sources, audit findings, formulas), in the current language."""
    return translate("Report", "Sources and audit")


def _continued(title: str) -> str:
    """The heading of a table, card group or note list carried over to the next page."""
    return translate("Report", "{title} (continued)").format(title=title)


# -- page geometry ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PageInfo:
    """A page in layout pixels (96 to the inch), with its margins."""

    width: float
    height: float
    margin_x: float = 15 * PX_PER_MM
    margin_top: float = 19 * PX_PER_MM
    margin_bottom: float = 17 * PX_PER_MM

    @classmethod
    def from_page_layout(cls, layout: QtGui.QPageLayout) -> PageInfo:
        """The full paper of a writer's or printer's page layout (margins are ours, not the device's)."""
        rect = layout.fullRect(QtGui.QPageLayout.Unit.Inch)
        return cls(rect.width() * DPI, rect.height() * DPI)

    @classmethod
    def for_page_size(cls, page_size: str) -> PageInfo:
        size = QtGui.QPageSize(PAGE_SIZES[page_size]).size(QtGui.QPageSize.Unit.Inch)
        return cls(size.width() * DPI, size.height() * DPI)

    @property
    def left(self) -> float:
        return self.margin_x

    @property
    def right(self) -> float:
        return self.width - self.margin_x

    @property
    def top(self) -> float:
        return self.margin_top

    @property
    def bottom(self) -> float:
        return self.height - self.margin_bottom

    @property
    def content_width(self) -> float:
        return self.right - self.left

    @property
    def content_height(self) -> float:
        return self.bottom - self.top


@dataclass
class DocumentLayout:
    """What :func:`paint_document` drew: the page count, where each section starts (title, 0-based
    page index, y in layout pixels) and the links (page index, rectangle, URL)."""

    page_count: int = 0
    sections: list[tuple[str, int, float]] = field(default_factory=list)
    links: list[tuple[int, QtCore.QRectF, str]] = field(default_factory=list)


# -- canvas: fonts, measuring and drawing text ------------------------------------------------


def _chunks(paragraphs: Iterable[str], size: int) -> Iterator[str]:
    """The paragraphs, each longer than ``size`` cut into pieces of at most ``size`` characters
    (at the last space of a piece where it has one)."""
    for paragraph in paragraphs:
        while len(paragraph) > size:
            cut = paragraph.rfind(" ", size // 2, size) + 1 or size
            yield paragraph[:cut]
            paragraph = paragraph[cut:]
        yield paragraph


def _families() -> list[str]:
    """The document's font families, most preferred first: the first available of
    ``FONT_FAMILIES`` (else the application font's); for Chinese, the bundled CJK subset before it.

    The CJK family comes first so every Chinese character is drawn with (and embedded from) the
    bundled font, never a system CJK font that another machine may lack; a character it lacks
    falls back to the next family.
    """
    available = set(QtGui.QFontDatabase.families())
    families = [next((f for f in FONT_FAMILIES if f in available), QtGui.QGuiApplication.font().family())]
    if is_chinese():
        from chery_viewer.ui.language import SYSTEM_CJK_FAMILIES, cjk_family

        families[:0] = [f for f in (cjk_family(), *SYSTEM_CJK_FAMILIES) if f]
    return families


@contextlib.contextmanager
def _chart_font(families: Sequence[str]) -> Iterator[None]:
    """While the document is painted, the application font starts with the document's first family
    if it does not already: the charts take their fonts from the application font, and in Chinese
    they too must draw (and embed) Chinese from the bundled font. With the window's language
    installed (``chery_viewer.ui.language.install``) the application font already starts with it,
    and in English nothing changes.
    """
    app_font = QtGui.QGuiApplication.font()
    current = [f for f in app_font.families() if f] or [app_font.family()]
    if len(families) < 2 or current[0] == families[0]:
        yield
        return
    font = QtGui.QFont(app_font)
    font.setFamilies([families[0], *(f for f in current if f != families[0])])
    QtGui.QGuiApplication.setFont(font)
    try:
        yield
    finally:
        QtGui.QGuiApplication.setFont(app_font)


class _Canvas:
    """The painter with the fonts, colours and text helpers every block uses."""

    def __init__(self, painter: QtGui.QPainter, page: PageInfo, theme: Theme) -> None:
        self.painter = painter
        self.device = painter.device()
        self.page = page
        self.theme = theme
        self.families = _families()
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
        for paragraph in _chunks(text.split("\n"), self.LAYOUT_CHUNK):
            layout = QtGui.QTextLayout(paragraph, font, self.device)
            layout.setTextOption(option)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(max(width - 1.0, 1.0))  # 1 px of slack against rounding
                lines.append(paragraph[line.textStart() : line.textStart() + line.textLength()].strip())
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
        """The pieces of ``text`` a table column should hold on one line: its words; a longer word
        with CJK characters (Chinese has no spaces) in runs of a few characters, cut only at
        line-break opportunities (never inside a Latin word or number, never before '，')."""
        pieces: list[str] = []
        for word in text.split():
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
            start = cut = 0
            while (end := finder.toNextBoundary()) != -1:
                end = at.get(end, cut)
                if end <= cut:
                    continue
                if end - start > cls.CJK_PIECE and cut > start:
                    pieces.append(word[start:cut])
                    start = cut
                cut = end
            pieces.append(word[start:])
        return pieces

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


# -- type scale ----------------------------------------------------------------------------


class _Type:
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


GAP = 16.0  # between blocks
CARD_PAD = 10.0
COVER_EDGE, COVER_INK, COVER_SOFT_INK = "#005a8c", "#ffffff", "#eaf4fb"  # on the theme's blue banner
ZEBRA = "#f8f9fb"  # every other table row, a shade lighter than the theme's surface


# -- blocks: measured pieces of a page ---------------------------------------------------------


class _Block:
    """Something drawn at a position; ``height`` is known before drawing."""

    height: float = 0.0
    gap_after: float = GAP
    keep_with_next: bool = False

    @property
    def min_height(self) -> float:
        return self.height

    def split(self, available: float, fresh: bool) -> tuple[_Block | None, _Block | None]:
        """The part that fits in ``available`` and the rest; atomic blocks go whole or not at all."""
        return (self, None) if self.height <= available or fresh else (None, self)

    def draw(self, c: _Canvas, x: float, y: float, width: float) -> None:
        raise NotImplementedError


class _Cover(_Block):
    """The first page's banner: title, description and as-of date, bleeding to the page edges."""

    gap_after = 22.0

    def __init__(self, c: _Canvas, sheet: FactSheet, width: float) -> None:
        self.title = sheet.title
        self.text = sheet.description
        count = len(sheet.sources)
        self.meta = (
            translate(
                "Report",
                "Data as of {date}   ·   report year {year}   ·   dataset version {version}   ·   1 source",
            )
            if count == 1
            else translate(
                "Report",
                "Data as of {date}   ·   report year {year}   ·   dataset version {version}   ·   {count} sources",
            )
        ).format(date=_long_date(sheet.as_of), year=sheet.report_year, version=sheet.version, count=count)
        self.title_h = c.text_height(self.title, c.font(_Type.COVER_TITLE, True), width)
        self.text_h = c.text_height(self.text, c.font(_Type.COVER_TEXT), width * 0.9)
        self.meta_h = c.text_height(self.meta, c.font(_Type.SMALL, True), width)
        self.height = self.title_h + 8 + self.text_h + 14 + self.meta_h + 24

    def draw(self, c: _Canvas, x: float, y: float, width: float) -> None:
        c.fill(QtCore.QRectF(0, 0, c.page.width, y + self.height), BLUE)
        c.fill(QtCore.QRectF(0, y + self.height - 4, c.page.width, 4), COVER_EDGE)
        y += c.draw_text(x, y, width, self.title, c.font(_Type.COVER_TITLE, True), COVER_INK) + 8
        y += c.draw_text(x, y, width * 0.9, self.text, c.font(_Type.COVER_TEXT), COVER_SOFT_INK) + 14
        c.draw_text(x, y, width, self.meta, c.font(_Type.SMALL, True), COVER_INK)


class _SectionHeading(_Block):
    keep_with_next = True
    gap_after = 18.0

    def __init__(self, c: _Canvas, title: str, summary: str, width: float) -> None:
        self.title, self.summary = title, summary
        self.title_h = c.line_height(c.font(_Type.SECTION, True))
        self.summary_h = c.text_height(summary, c.font(_Type.SUMMARY), width) if summary else 0.0
        self.height = self.title_h + 10 + self.summary_h

    def draw(self, c: _Canvas, x: float, y: float, width: float) -> None:
        c.draw_line(x, y, self.title, c.font(_Type.SECTION, True), c.theme.foreground)
        y += self.title_h + 2
        c.fill(QtCore.QRectF(x, y, 44, 3), BLUE)
        if self.summary:
            c.draw_text(x, y + 8, width, self.summary, c.font(_Type.SUMMARY), c.theme.muted)


class _SubHeading(_Block):
    keep_with_next = True
    gap_after = 6.0

    def __init__(self, c: _Canvas, text: str, width: float) -> None:
        self.text = text
        self.height = c.text_height(text, c.font(_Type.HEADING, True), width)

    def draw(self, c: _Canvas, x: float, y: float, width: float) -> None:
        c.draw_text(x, y, width, self.text, c.font(_Type.HEADING, True), c.theme.foreground)


class _Paragraph(_Block):
    gap_after = 8.0

    def __init__(self, c: _Canvas, text: str, width: float, px: int = _Type.BODY, colour: str = "") -> None:
        self.text, self.px = text, px
        self.colour = colour or c.theme.foreground
        self.height = c.text_height(text, c.font(px), width)

    def draw(self, c: _Canvas, x: float, y: float, width: float) -> None:
        c.draw_text(x, y, width, self.text, c.font(self.px), self.colour)


class _KpiRow(_Block):
    """The KPI cards of a section side by side; the values as large as the row allows.

    Cards are as wide as their value needs (at least ``MIN_W``), the room left shared equally,
    so one long value ("11.20 million") does not shrink every number in the row.
    """

    GAP_X = 8.0
    PAD = 9.0
    MIN_W = 96.0

    def __init__(self, c: _Canvas, kpis: Sequence[Kpi], width: float) -> None:
        self.kpis = tuple(kpis)
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
        self.label_h = max(c.text_height(k.label, c.font(_Type.SMALL), w) for k, w in cards)
        self.meta_h = max(c.text_height(self._meta(k), c.font(_Type.CAPTION), w) for k, w in cards)
        self.change_h = max(
            (
                c.line_height(c.font(_Type.SMALL, True)) + c.text_height(k.change_label, c.font(_Type.CAPTION), w)
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

    def draw(self, c: _Canvas, x: float, y: float, width: float) -> None:
        t = c.theme
        left = x
        for k, card_w, inner in zip(self.kpis, self.widths, self.inners, strict=True):
            c.fill(QtCore.QRectF(left, y, card_w, self.height), t.surface, t.border, 6)
            c.fill(QtCore.QRectF(left, y + 7, 3, self.height - 14), BLUE)
            cx, cy = left + self.PAD + 3, y + self.PAD
            left += card_w + self.GAP_X
            c.draw_text(cx, cy, inner, k.label, c.font(_Type.SMALL), t.muted)
            cy += self.label_h + 3
            c.draw_line(cx, cy, k.value, c.font(self.value_px, True), t.foreground)
            cy += self.value_h + 1
            c.draw_text(cx, cy, inner, self._meta(k), c.font(_Type.CAPTION), t.muted)
            cy += self.meta_h + 6
            if k.change:
                colour = t.up if k.change_sign > 0 else t.down if k.change_sign < 0 else t.muted
                arrow = "▲" if k.change_sign > 0 else "▼" if k.change_sign < 0 else "■"
                bold = c.font(_Type.SMALL, True)
                c.draw_line(cx, cy, f"{arrow} {k.change}", bold, colour)
                if k.change_label:
                    c.draw_text(cx, cy + c.line_height(bold), inner, k.change_label, c.font(_Type.CAPTION), t.muted)


def _series_colours(spec: ChartSpec, theme: Theme) -> list[str]:
    """The colour each series has in the chart: bars the bar colour, lines the theme's line
    colours in turn, counted per plot (the main plot and the strip above it) as charts.py does."""
    turns: dict[str, int] = {}
    colours = []
    for s in spec.series:
        if s.style == "bar":
            colours.append(theme.bar)
            continue
        panel = getattr(s, "panel", "main")
        k = turns.get(panel, 0)
        turns[panel] = k + 1
        colours.append(theme.lines[k] if k < len(theme.lines) else theme.lines[0])
    return colours


def _point_label(spec: ChartSpec, category: str, span: int) -> str:
    if span > 1 and category in spec.categories:
        i = spec.categories.index(category)
        last = spec.categories[min(i + span - 1, len(spec.categories) - 1)]
        return f"{category}–{last}"
    return category


@dataclass
class _ValuesGrid:
    """Exact values as a grid: categories across, one row per series (no label column for one series)."""

    columns: list[str]
    label_w: float
    col_w: float
    head: list[list[str]]
    head_h: float
    row_h: list[float]


class _ChartBlock(_Block):
    """Title, the chart (vector), its exact values and its source caption: never split.

    The chart itself may shrink (down to ``MIN_CHART_H``) to use the rest of a page.
    """

    VALUE_PX = _Type.TABLE
    MIN_CHART_H = 180.0
    SEP = "   ·   "

    def __init__(self, c: _Canvas, spec: ChartSpec, width: float, chart_h: float | None = None) -> None:
        self.spec = spec
        self.width = width
        self.colours = _series_colours(spec, c.theme)
        self.font, self.bold = c.font(self.VALUE_PX), c.font(self.VALUE_PX, True)
        self.lh = c.line_height(self.font)
        self.title_h = c.text_height(spec.title, c.font(_Type.HEADING, True), width)
        if chart_h is not None:
            self.chart_h = chart_h
        elif spec.kind == "network":
            self.chart_h = float(max(250, 40 * sum(1 for n in spec.nodes if n.level == 2) + 40))
        elif spec.kind == "donut":
            self.chart_h = 210.0
        else:
            self.chart_h = 250.0
        self.min_chart_h = min(self.chart_h, self.MIN_CHART_H)
        self.caption_h = c.text_height(spec.caption, c.font(_Type.CAPTION), width) if spec.caption else 0
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

    def shrunk(self, by: float) -> _ChartBlock:
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__)
        copy.chart_h = max(self.chart_h - by, self.min_chart_h)
        copy._update()
        return copy

    def split(self, available: float, fresh: bool) -> tuple[_Block | None, _Block | None]:
        if self.height <= available:
            return self, None
        if self.min_height <= available:
            return self.shrunk(self.height - available), None
        return (self, None) if fresh else (None, self)

    # -- exact values ---------------------------------------------------------------------

    def _series_label(self, series: Series) -> str:
        if len(self.spec.series) == 1:
            return ""
        return series.name

    def _grid(self, c: _Canvas, width: float) -> _ValuesGrid | None:
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
        return _ValuesGrid(cats, label_w, col_w, head, head_h, row_h)

    def _flow_label_w(self, c: _Canvas, width: float) -> float:
        return min(max((c.advance(label, self.bold) for label in self.labels), default=0.0) + 26, width * 0.3)

    def _flow(self, c: _Canvas, series: Series, width: float) -> list[list[tuple[str, str]]]:
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

    def _values_height(self, c: _Canvas, width: float) -> float:
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

    def draw(self, c: _Canvas, x: float, y: float, width: float) -> None:
        from chery_viewer.ui.charts import ChartView, prepare_for_render

        t = c.theme
        c.draw_text(x, y, width, self.spec.title, c.font(_Type.HEADING, True), t.foreground)
        y += self.title_h + 6
        view = ChartView(self.spec, t)
        try:
            _vector_only(view)
            w, h = round(width), round(self.chart_h)
            prepare_for_render(view, w, h)
            if c.device.logicalDpiX() == DPI:
                view.render(c.painter, QtCore.QRectF(x, y, w, h), view.viewport().rect())
            else:
                _render_scaled(c.painter, view, QtCore.QPointF(x, y), w, h)
        finally:
            view.close()
            view.deleteLater()
        y += self.chart_h
        if self.values_h:
            y += 8
            self._draw_values(c, x, y, width)
            y += self.values_h
        if self.caption_h:
            c.draw_text(x, y + 6, width, self.spec.caption, c.font(_Type.CAPTION), t.muted)

    def _swatch(self, c: _Canvas, x: float, y: float, series: Series, colour: str) -> None:
        if series.style == "bar":
            c.fill(QtCore.QRectF(x, y - 4.5, 10, 9), colour, radius=1.5)
        else:
            c.rule(x - 1, y, x + 11, colour, 2.0)
            c.fill(QtCore.QRectF(x + 2, y - 3, 6, 6), colour, radius=3)

    def _draw_values(self, c: _Canvas, x: float, y: float, width: float) -> None:
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


def _render_scaled(painter: QtGui.QPainter, view: QtWidgets.QGraphicsView, at: QtCore.QPointF, w: int, h: int) -> None:
    """A chart on a device of another resolution (a printer that refused 96 dpi).

    pyqtgraph replays its 96 dpi picture caches scaled by the device's resolution, which a
    scaled painter would scale a second time. So the chart is recorded into a ``QPicture``
    (96 dpi, vector) and replayed in device coordinates, where Qt scales it once, as a whole.
    """
    picture = QtGui.QPicture()
    recorder = QtGui.QPainter(picture)
    try:
        view.render(recorder, QtCore.QRectF(0, 0, w, h), view.viewport().rect())
    finally:
        recorder.end()
    origin = painter.transform().map(at)
    painter.save()
    try:
        painter.resetTransform()
        painter.drawPicture(origin, picture)
    finally:
        painter.restore()


def _vector_only(view: QtWidgets.QGraphicsView) -> None:
    """Draw scatter symbols as paths, not from pyqtgraph's bitmap atlas (which would embed images).

    A ``PlotDataItem`` hands its own ``useCache`` option to its scatter item on every update,
    so both must say False.
    """
    import pyqtgraph as pg

    for item in view.scene().items():
        if isinstance(item, pg.PlotDataItem):
            item.opts["useCache"] = False
            item.scatter.opts["useCache"] = False
        elif isinstance(item, pg.ScatterPlotItem):
            item.opts["useCache"] = False


class _ChartPair(_Block):
    """Two small charts side by side, aligned: same title, chart and values heights."""

    GAP_X = 20.0

    def __init__(self, c: _Canvas, a: ChartSpec, b: ChartSpec, width: float) -> None:
        half = (width - self.GAP_X) / 2
        self.blocks = [_ChartBlock(c, a, half, SMALL_CHART_H), _ChartBlock(c, b, half, SMALL_CHART_H)]
        for name in ("title_h", "values_h", "caption_h"):
            top = max(getattr(block, name) for block in self.blocks)
            for block in self.blocks:
                setattr(block, name, top)
        for block in self.blocks:
            block._update()
        self.half = half
        self.height = self.blocks[0].height

    @property
    def min_height(self) -> float:
        return self.blocks[0].min_height

    def split(self, available: float, fresh: bool) -> tuple[_Block | None, _Block | None]:
        if self.height <= available:
            return self, None
        if self.min_height <= available:
            pair = object.__new__(_ChartPair)
            pair.__dict__.update(self.__dict__)
            pair.blocks = [b.shrunk(self.height - available) for b in self.blocks]
            pair.height = pair.blocks[0].height
            return pair, None
        return (self, None) if fresh else (None, self)

    def draw(self, c: _Canvas, x: float, y: float, width: float) -> None:
        for i, block in enumerate(self.blocks):
            c.painter.save()
            try:
                block.draw(c, x + i * (self.half + self.GAP_X), y, self.half)
            finally:
                c.painter.restore()


SMALL_CHART_H = 200.0


def _small(spec: ChartSpec) -> bool:
    """A single-series bar chart of a few bars: half a page wide is enough."""
    return spec.kind == "bars" and len(spec.series) == 1 and len(spec.categories) <= 4


def _chart_blocks(c: _Canvas, charts: Sequence[ChartSpec], width: float) -> list[_Block]:
    blocks: list[_Block] = []
    pending: ChartSpec | None = None
    for spec in charts:
        if _small(spec):
            if pending is None:
                pending = spec
                continue
            blocks.append(_ChartPair(c, pending, spec, width))
            pending = None
            continue
        if pending is not None:
            blocks.append(_ChartBlock(c, pending, width, SMALL_CHART_H))
            pending = None
        blocks.append(_ChartBlock(c, spec, width))
    if pending is not None:
        blocks.append(_ChartBlock(c, pending, width, SMALL_CHART_H))
    return blocks


def _numeric() -> re.Pattern[str]:
    """A number as formatting.py writes it, in either language: '~21.4%', '>900 patents', 'CNY 10.1 bn',
    '1,232,727 vehicles', '2022 H1' (what follows a space is not checked); in Chinese '约73万',
    '101亿元', '123.3万', '1,232,727辆' (the unit word follows without a space), but not a label
    that merely starts with a year ('2023年出口增速')."""
    return _numeric_pattern(tuple(sorted({w for w in unit_words().values() if w}, key=len, reverse=True)))


@functools.lru_cache(maxsize=4)
def _numeric_pattern(units: tuple[str, ...]) -> re.Pattern[str]:
    unit = f"(?:{'|'.join(re.escape(w) for w in units)})?" if units else ""
    return re.compile(rf"^[~>约]?[+−-]?(?:CNY )?\d[\d,.]*(?:%.*|(?:万|亿元|亿)?{unit}(?:\s.*)?)$")


def _not_available(text: str) -> bool:
    """Whether a cell says the sources give no figure ('n/a', or its translation: '无数据')."""
    return text in ("n/a", not_available())


class _Flow(_Block):
    """A block of items (table rows, card rows, notes) that may split between items.

    Subclasses say how many items there are, how tall a run of them is, and how to draw a
    run; splitting, the minimum height and the rest after a split are shared.
    """

    start: int = 0

    def _count(self) -> int:
        raise NotImplementedError

    def _chunk_height(self, start: int, end: int) -> float:
        raise NotImplementedError

    def _chunk(self, start: int, end: int) -> _Block:
        raise NotImplementedError

    def _keep_whole(self) -> bool:
        """Whether this flow, not yet split, should move whole to the next page."""
        return False

    @property
    def min_height(self) -> float:
        return self._chunk_height(self.start, self.start + 1)

    def _rest(self, start: int) -> _Flow:
        rest = copy.copy(self)
        rest.start = start
        rest.height = rest._chunk_height(start, self._count())
        return rest

    def _fit(self, available: float) -> int:
        """End of the longest run from ``start`` that fits in ``available``."""
        stop, end = self.start, self._count()
        while stop < end and self._chunk_height(self.start, stop + 1) <= available:
            stop += 1
        return stop

    def split(self, available: float, fresh: bool) -> tuple[_Block | None, _Block | None]:
        end = self._count()
        if self.start == 0 and self._keep_whole() and self.height > available and not fresh:
            return None, self
        stop = self._fit(available)
        if stop == self.start:
            if not fresh:
                return None, self
            stop += 1
        chunk = self._chunk(self.start, stop)
        return (chunk, None) if stop == end else (chunk, self._rest(stop))


@dataclass(frozen=True)
class _TableData:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    link_column: int | None = None  # cells of this column are URLs


class _TableFlow(_Flow):
    """A table measured once; split into chunks that fit, each repeating the header row."""

    PAD_X, PAD_Y = 5.0, 3.5
    KEEP_WHOLE = 8  # tables of up to this many rows are never split
    MIN_ROWS = 3

    def __init__(self, c: _Canvas, data: _TableData, width: float) -> None:
        self.data = data
        self.width = width
        self.font, self.head_font = c.font(_Type.TABLE), c.font(_Type.TABLE, True)
        self.widths = self._column_widths(c, width)
        self.align = [self._align(i) for i in range(len(data.columns))]
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
        self.title_h = c.text_height(data.title, c.font(_Type.HEADING, True), width)
        self.cont_h = c.text_height(_continued(data.title), c.font(_Type.HEADING, True), width)
        self.caption_h = c.text_height(data.caption, c.font(_Type.CAPTION), width) if data.caption else 0
        self.start = 0
        self.height = self._chunk_height(0, len(self.row_h))

    def _count(self) -> int:
        return len(self.row_h)

    def _chunk(self, start: int, end: int) -> _Block:
        return _TableChunk(self, start, end)

    def _chunk_height(self, start: int, end: int) -> float:
        title = self.cont_h if start else self.title_h
        caption = 6 + self.caption_h if end == len(self.row_h) and self.caption_h else 0.0
        return title + 6 + self.head_h + sum(self.row_h[start:end]) + caption

    @property
    def min_height(self) -> float:
        remaining = len(self.row_h) - self.start
        return self._chunk_height(self.start, self.start + min(self.MIN_ROWS, remaining))

    def split(self, available: float, fresh: bool) -> tuple[_Block | None, _Block | None]:
        end = len(self.row_h)
        if self.start == 0 and end <= self.KEEP_WHOLE and not fresh and self.height > available:
            return None, self  # a short table moves whole to the next page
        stop = self._fit(available)
        if stop == end:
            return _TableChunk(self, self.start, end), None
        if stop - self.start < min(self.MIN_ROWS, end - self.start) and not fresh:
            return None, self  # no chunk of one or two rows at the foot of a page
        stop = max(stop, self.start + 1)
        if 0 < end - stop < self.MIN_ROWS and stop - self.start > self.MIN_ROWS:
            stop = max(end - self.MIN_ROWS, self.start + self.MIN_ROWS)  # nor a widow on the next page
        if stop >= end:
            return _TableChunk(self, self.start, end), None
        return _TableChunk(self, self.start, stop), self._rest(stop)

    def _column_widths(self, c: _Canvas, width: float) -> list[float]:
        """Column widths that keep the table short.

        Every column starts at its longest word (capped, so a URL may break anywhere). The
        room left goes, step by step, to the widening that saves the most per pixel, where a
        row costs the square of its lines (a cell's lines estimated as its text width over
        the column width). What is left at the end goes to the columns still short of their
        natural (unwrapped) width.
        """
        import numpy as np

        d, pad = self.data, 2 * self.PAD_X + 2
        n = len(d.columns)
        text = np.array([[c.advance(cell, self.font) * 1.06 for cell in row] for row in d.rows] or [[0.0] * n])
        natural = np.array(
            [max(c.advance(h, self.head_font), float(text[:, i].max())) + pad for i, h in enumerate(d.columns)]
        )
        if natural.sum() <= width:
            return [float(w) for w in natural * width / natural.sum()]
        minimum = []
        for i, header in enumerate(d.columns):
            words = max((c.advance(w, self.font) for row in d.rows for w in c.unbreakable(row[i])), default=0.0)
            head_words = max((c.advance(w, self.head_font) for w in c.unbreakable(header)), default=0.0)
            cap = width * (0.12 if i == d.link_column else 0.2)
            minimum.append(min(max(min(words, cap), head_words) + pad, natural[i]))
        widths = np.array(minimum)
        if widths.sum() >= width:
            return [float(w) for w in widths * width / widths.sum()]

        def lines(w: np.ndarray | float, t: np.ndarray) -> np.ndarray:
            return np.maximum(np.ceil(t / np.maximum(w - pad, 1.0) - 1e-9), 1.0)

        for _ in range(200):
            room = width - widths.sum()
            if room <= 0.5:
                break
            now = lines(widths, text)
            order = np.sort(now, axis=1)
            first, second = order[:, -1], (order[:, -2] if n > 1 else np.ones(len(now)))
            cost = (first**2).sum()  # squared: one tall row is worse than several two-line rows
            best: tuple[float, int, float] | None = None
            for i in range(n):
                counts = now[:, i]
                wrapped = counts > 1
                if not wrapped.any():
                    continue
                # the next width at which each wrapped cell loses a line
                targets = np.unique(text[wrapped, i] / (counts[wrapped] - 1) + pad + 0.01)
                grow = targets - widths[i]
                targets, grow = targets[(grow > 0) & (grow <= room)], grow[(grow > 0) & (grow <= room)]
                if not len(targets):
                    continue
                rest = np.where(counts >= first, second, first)
                new = np.maximum(np.ceil(text[:, i : i + 1] / (targets[None, :] - pad) - 1e-9), 1.0)
                saved = cost - (np.maximum(rest[:, None], new) ** 2).sum(axis=0)
                gain = saved / grow
                j = int(np.argmax(gain))
                if saved[j] > 0 and (best is None or gain[j] > best[0]):
                    best = (float(gain[j]), i, float(grow[j]))
            if best is None:
                break
            widths[best[1]] += best[2]
        short = np.maximum(natural - widths, 0.0)
        room = width - widths.sum()
        widths += room * (short / short.sum() if short.sum() > 0 else widths / widths.sum())
        return [float(w) for w in widths]

    def _align(self, i: int) -> str:
        values = [row[i] for row in self.data.rows if row[i]]
        numeric = _numeric()
        if (
            values
            and all(len(v) <= 24 and (_not_available(v) or numeric.match(v)) for v in values)
            and not all(_not_available(v) for v in values)
        ):
            return "right"
        return "left"


class _TableChunk(_Block):
    def __init__(self, table: _TableFlow, start: int, end: int) -> None:
        self.table, self.start, self.end = table, start, end
        self.height = table._chunk_height(start, end)

    def draw(self, c: _Canvas, x: float, y: float, width: float) -> None:
        tb, t = self.table, c.theme
        title = _continued(tb.data.title) if self.start else tb.data.title
        y += c.draw_text(x, y, width, title, c.font(_Type.HEADING, True), t.foreground) + 6
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
            c.draw_text(x, y + 6, width, tb.data.caption, c.font(_Type.CAPTION), t.muted)

    def _row(
        self,
        c: _Canvas,
        x: float,
        y: float,
        cells: list[list[str]],
        font: QtGui.QFont,
        colour: str,
        index: int | None = None,
    ) -> None:
        tb = self.table
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
                c.links.append((QtCore.QRectF(cx, y, w, tb.row_h[index]), url))
            cx += w


class _CardFlow(_Flow):
    """A titled group of cards in rows; splits between rows, never inside a card."""

    GAP_X = 10.0
    GAP_Y = 10.0

    def __init__(self, c: _Canvas, group: CardGroup, width: float) -> None:
        self.group = group
        longest = max((len(card.body) for card in group.cards), default=0)
        self.cols = 3 if len(group.cards) in (3, 5, 6) or (len(group.cards) > 6 and longest <= 240) else 2
        self.card_w = (width - self.GAP_X * (self.cols - 1)) / self.cols
        inner = self.card_w - 2 * CARD_PAD
        self.rows: list[tuple[tuple[Card, ...], float]] = []
        for i in range(0, len(group.cards), self.cols):
            row = group.cards[i : i + self.cols]
            h = max(self._card_height(c, card, inner) for card in row)
            self.rows.append((row, h))
        self.title_h = c.text_height(_continued(group.title), c.font(_Type.HEADING, True), width)
        self.start = 0
        self.height = self._chunk_height(0, len(self.rows))

    @staticmethod
    def _card_height(c: _Canvas, card: Card, inner: float) -> float:
        return (
            2 * CARD_PAD
            + c.text_height(card.title, c.font(_Type.BODY, True), inner)
            + 4
            + c.text_height(card.body, c.font(_Type.SMALL), inner)
            + 6
            + c.text_height(card.meta, c.font(_Type.CAPTION), inner)
        )

    def _chunk_height(self, start: int, end: int) -> float:
        rows = self.rows[start:end]
        return self.title_h + 6 + sum(h for _, h in rows) + self.GAP_Y * max(len(rows) - 1, 0)

    def _count(self) -> int:
        return len(self.rows)

    def _chunk(self, start: int, end: int) -> _Block:
        return _CardChunk(self, start, end)


class _CardChunk(_Block):
    def __init__(self, flow: _CardFlow, start: int, end: int) -> None:
        self.flow, self.start, self.end = flow, start, end
        self.height = flow._chunk_height(start, end)

    def draw(self, c: _Canvas, x: float, y: float, width: float) -> None:
        f, t = self.flow, c.theme
        title = _continued(f.group.title) if self.start else f.group.title
        y += c.draw_text(x, y, width, title, c.font(_Type.HEADING, True), t.foreground) + 6
        inner = f.card_w - 2 * CARD_PAD
        for cards, h in f.rows[self.start : self.end]:
            for i, card in enumerate(cards):
                left = x + i * (f.card_w + f.GAP_X)
                c.fill(QtCore.QRectF(left, y, f.card_w, h), t.surface, t.border, 6)
                cy = y + CARD_PAD
                cy += c.draw_text(left + CARD_PAD, cy, inner, card.title, c.font(_Type.BODY, True), t.foreground) + 4
                cy += c.draw_text(left + CARD_PAD, cy, inner, card.body, c.font(_Type.SMALL), t.foreground) + 6
                c.draw_text(left + CARD_PAD, cy, inner, card.meta, c.font(_Type.CAPTION), t.muted)
            y += h + f.GAP_Y


class _NoteFlow(_Flow):
    """Notes as bullets under a heading; splits between bullets."""

    INDENT = 14.0

    def __init__(self, c: _Canvas, title: str, notes: Sequence[str], width: float) -> None:
        self.title, self.notes = title, tuple(notes)
        self.font = c.font(_Type.SMALL)
        self.title_h = c.text_height(_continued(title), c.font(_Type.HEADING, True), width)
        self.note_h = [c.text_height(n, self.font, width - self.INDENT) + 4 for n in self.notes]
        self.start = 0
        self.height = self._chunk_height(0, len(self.notes))

    def _chunk_height(self, start: int, end: int) -> float:
        return self.title_h + 6 + sum(self.note_h[start:end])

    def _count(self) -> int:
        return len(self.notes)

    def _chunk(self, start: int, end: int) -> _Block:
        return _NoteChunk(self, start, end)

    def _keep_whole(self) -> bool:
        return len(self.notes) <= 4  # a few notes stay together


class _NoteChunk(_Block):
    def __init__(self, flow: _NoteFlow, start: int, end: int) -> None:
        self.flow, self.start, self.end = flow, start, end
        self.height = flow._chunk_height(start, end)

    def draw(self, c: _Canvas, x: float, y: float, width: float) -> None:
        f, t = self.flow, c.theme
        title = _continued(f.title) if self.start else f.title
        y += c.draw_text(x, y, width, title, c.font(_Type.HEADING, True), t.foreground) + 6
        for i in range(self.start, self.end):
            c.draw_line(x + 2, y, "•", f.font, BLUE)
            c.draw_text(x + f.INDENT, y, width - f.INDENT, f.notes[i], f.font, t.foreground)
            y += f.note_h[i]


# -- from content to blocks ------------------------------------------------------------------


def _section_blocks(c: _Canvas, section: SectionContent, sheet: FactSheet, width: float, first: bool) -> list[_Block]:
    blocks: list[_Block] = []
    if first:
        blocks.append(_Cover(c, sheet, width))
    else:
        blocks.append(_SectionHeading(c, section.title, section.summary, width))
    if section.kpis:
        blocks.append(_KpiRow(c, section.kpis, width))
    blocks += _chart_blocks(c, section.charts, width)
    blocks += [_CardFlow(c, group, width) for group in section.cards if group.cards]
    if section.notes:
        blocks.append(_NoteFlow(c, translate("Report", "Notes"), section.notes, width))
    blocks += [_TableFlow(c, _table_data(table), width) for table in section.tables if table.rows]
    return blocks


def _table_data(table: Table) -> _TableData:
    return _TableData(table.title, table.columns, table.rows, table.caption)


def _closing_blocks(c: _Canvas, sheet: FactSheet, analysis: Analysis, width: float) -> list[_Block]:
    undated = translate("Report", "undated")
    sources = _TableData(
        translate("Report", "Sources"),
        (
            translate("Report", "ID"),
            translate("Report", "Publisher"),
            translate("Report", "Title"),
            translate("Report", "Date"),
            translate("Report", "URL"),
        ),
        tuple(
            (s.id, s.publisher, s.title, source_date(s) or undated, s.url)
            for s in sorted(sheet.sources.values(), key=lambda s: _natural_key(s.id))
        ),
        translate("Report", "Every figure, card and partner in this document names one of these sources by its ID."),
        link_column=4,
    )
    findings, formulas = (_table_data(t) for t in audit_tables(sheet, analysis))
    n = len(analysis.findings)
    summary = (
        translate(
            "Report",
            "The {sources} sources behind every figure, the 1 disagreement the audit found between them, "
            "and how each derived figure is computed.",
        )
        if n == 1
        else translate(
            "Report",
            "The {sources} sources behind every figure, the {count} disagreements the audit found between them, "
            "and how each derived figure is computed.",
        )
    ).format(sources=len(sheet.sources), count=n)
    blocks: list[_Block] = [_SectionHeading(c, closing_title(), summary, width)]
    if sources.rows:
        blocks.append(_TableFlow(c, sources, width))
    if findings.rows:
        blocks.append(_TableFlow(c, findings, width))
    else:
        blocks += [
            _SubHeading(c, findings.title, width),
            _Paragraph(c, translate("Report", "The audit found no disagreement between the sources."), width),
        ]
    if formulas.rows:
        blocks.append(_TableFlow(c, formulas, width))
    return blocks


def _natural_key(text: str) -> tuple[str, int, str]:
    match = re.match(r"^(\D*)(\d+)(.*)$", text)
    return (match.group(1), int(match.group(2)), match.group(3)) if match else (text, 0, "")


# -- pagination and painting -----------------------------------------------------------------


@dataclass
class _Page:
    sections: list[str]
    cover: bool = False
    blocks: list[tuple[_Block, float]] = field(default_factory=list)


class _SectionRule(_Block):
    """The divider above a section that starts part-way down a page."""

    height = 1.0
    gap_after = 16.0
    keep_with_next = True

    def draw(self, c: _Canvas, x: float, y: float, width: float) -> None:
        c.rule(x, y, x + width, c.theme.border, 1.0)


SHARE_FREE_TO_CONTINUE = 0.45  # a section starts on the same page when this much of it is still free


def _opening_height(blocks: Sequence[_Block], count: int = 3) -> float:
    """Height of a section's opening after a divider: its blocks up to the first chart (or the first
    ``count``) at their smallest; with ``count=len(blocks)``, of the whole section at full size."""
    total = _SectionRule.height + _SectionRule.gap_after
    for k, block in enumerate(blocks):
        if count >= len(blocks):
            total += block.height + block.gap_after
            continue
        total += block.min_height + block.gap_after
        if isinstance(block, (_ChartBlock, _ChartPair)) or k == count - 1:
            break
    return total


def _paginate(
    page: PageInfo, flows: list[tuple[str, list[_Block]]]
) -> tuple[list[_Page], list[tuple[str, int, float]]]:
    """Blocks placed on pages; a block that does not fit moves on (or splits, if it can).

    A section continues the page before it when it fits there whole, or when it is longer than
    a page anyway and the page is less than half used (and its opening fits); otherwise, and
    always for the closing section (the last flow), it starts a new page.
    """
    pages: list[_Page] = []
    starts: list[tuple[str, int, float]] = []
    y = page.top
    for s, (title, blocks) in enumerate(flows):
        queue = list(blocks)
        whole = _opening_height(blocks, len(blocks))
        if s == 0:
            pages.append(_Page([title], cover=bool(blocks) and isinstance(blocks[0], _Cover)))
        elif s != len(flows) - 1 and (
            y + 12 + whole <= page.bottom  # the whole section fits below
            or (
                whole - _SectionRule.height - _SectionRule.gap_after > page.content_height  # it cannot fit a page
                and page.bottom - y >= SHARE_FREE_TO_CONTINUE * page.content_height
                and y + 12 + _opening_height(blocks) <= page.bottom
            )
        ):
            y += 12
            queue.insert(0, _SectionRule())
            pages[-1].sections.append(title)
        else:
            pages.append(_Page([title]))
            y = page.top
        started = False
        while queue:
            block = queue.pop(0)
            fresh = y == page.top
            need = block.min_height
            if block.keep_with_next and queue:
                need += block.gap_after + queue[0].min_height
                if queue[0].keep_with_next and len(queue) > 1:
                    need += queue[0].gap_after + queue[1].min_height
            if not fresh and need > page.bottom - y:
                if isinstance(block, _SectionRule):
                    pages[-1].sections.remove(title)
                    pages.append(_Page([title]))
                    y = page.top
                    continue
                pages.append(_Page([title]))
                y, fresh = page.top, True
            head, rest = block.split(page.bottom - y, fresh)
            if head is None:
                pages.append(_Page([title]))
                y = page.top
                queue.insert(0, block)
                continue
            if not started and not isinstance(head, _SectionRule):
                starts.append((title, len(pages) - 1, y))
                started = True
            pages[-1].blocks.append((head, y))
            y += head.height + head.gap_after
            if rest is not None:
                queue.insert(0, rest)
                pages.append(_Page([title]))
                y = page.top
    return pages, starts


def _running_texts(c: _Canvas, page: PageInfo, sheet: FactSheet, current: _Page, number: int, total: int) -> None:
    t = c.theme
    small, bold = c.font(_Type.RUNNING), c.font(_Type.RUNNING, True)
    if not current.cover:
        y = page.top - 30
        c.draw_line(page.left, y, "  ·  ".join(current.sections), bold, BLUE)
        c.draw_line(page.left, y, sheet.title, small, t.muted, page.content_width, "right")
        c.rule(page.left, page.top - 12, page.right, t.border)
    y = page.bottom + 14
    c.rule(page.left, y, page.right, t.border)
    footer = translate("Report", "{title}  ·  data as of {date}").format(title=sheet.title, date=sheet.as_of)
    c.draw_line(page.left, y + 6, footer, small, t.muted)
    page_number = translate("Report", "Page {number} of {total}").format(number=number, total=total)
    c.draw_line(page.left, y + 6, page_number, bold, t.foreground, page.content_width, "right")


def paint_document(
    painter: QtGui.QPainter,
    page: PageInfo,
    sections: Sequence[SectionContent],
    sheet: FactSheet,
    analysis: Analysis,
    new_page: Callable[[], object],
    theme: Theme = LIGHT,
    only_pages: Container[int] | None = None,
) -> DocumentLayout:
    """Lay out and paint the whole fact sheet with an active ``painter``; the one drawing routine.

    ``page`` is the paper in layout pixels (96 to the inch); the painter must map those to the
    device (identity for a 96 dpi ``QPdfWriter``; :mod:`printing` scales for other printers).
    ``new_page`` starts the next page (``QPdfWriter.newPage`` or ``QPrinter.newPage``); a
    false result means the device refused. ``only_pages`` (1-based numbers, for a printer's page
    range) skips the others. Returns the page count, where each section starts and the links.
    """
    if not painter.isActive():
        raise RuntimeError("the painter is not active")
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
    c = _Canvas(painter, page, theme)
    width = page.content_width
    flows = [
        (section.title, _section_blocks(c, section, sheet, width, first=i == 0)) for i, section in enumerate(sections)
    ]
    flows.append((closing_title(), _closing_blocks(c, sheet, analysis, width)))
    pages, starts = _paginate(page, flows)
    result = DocumentLayout(len(pages), starts)
    started = False
    with _chart_font(c.families):
        for number, current in enumerate(pages, start=1):
            if only_pages is not None and number not in only_pages:
                continue
            if started and new_page() is False:
                raise RuntimeError(f"the device refused to start page {number}")
            started = True
            c.links = []
            for block, y in current.blocks:
                hold_for_test("render")
                checkpoint()  # a signal during an export stops here, between two blocks
                painter.save()
                try:
                    block.draw(c, page.left, y, width)
                finally:
                    painter.restore()
            _running_texts(c, page, sheet, current, number, len(pages))
            result.links += [(number - 1, rect, url) for rect, url in c.links]
    return result


# -- export ----------------------------------------------------------------------------------


def _month_names() -> tuple[str, ...]:
    return (
        translate("Report", "January"),
        translate("Report", "February"),
        translate("Report", "March"),
        translate("Report", "April"),
        translate("Report", "May"),
        translate("Report", "June"),
        translate("Report", "July"),
        translate("Report", "August"),
        translate("Report", "September"),
        translate("Report", "October"),
        translate("Report", "November"),
        translate("Report", "December"),
    )


def _long_date(iso: str) -> str:
    """An ISO date written out: '26 November 2026'; in Chinese '2026年11月26日'.

    The format has the fields ``day``, ``month`` (the month's name), ``month_number`` and
    ``year``, so a translation may use the number instead of the name.
    """
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", iso)
    if not match:
        return iso or translate("Report", "an unknown date")
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        return iso
    return translate("Report", "{day} {month} {year}").format(
        day=day, month=_month_names()[month - 1], month_number=month, year=year
    )


def _pdf_date(sheet: FactSheet) -> tuple[str, str]:
    """The as-of date as a PDF date and an XMP date (the report year's last day if as-of is missing)."""
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", sheet.as_of)
    y, m, d = match.groups() if match else (str(sheet.report_year), "12", "31")
    return f"D:{y}{m}{d}000000Z", f"{y}-{m}-{d}T00:00:00Z"


def document_title(sheet: FactSheet) -> str:
    """The sheet's title, named as Chery's unless it already says so (in English or in the current language)."""
    brand = translate("Report", "Chery")
    if "chery" in sheet.title.lower() or (brand and brand in sheet.title):
        return sheet.title
    return translate("Report", "Chery fact sheet: {title}").format(title=sheet.title)


def _keywords(sheet: FactSheet) -> str:
    return ", ".join(
        [
            translate("Report", "Chery"),
            translate("Report", "fact sheet"),
            str(sheet.report_year),
            translate("Report", "sales"),
            translate("Report", "exports"),
            translate("Report", "innovation"),
            translate("Report", "partners"),
            translate("Report", "sources"),
            translate("Report", "audit"),
        ]
    )


def _fingerprint(sheet: FactSheet, analysis: Analysis, sections: Sequence[SectionContent], page_size: str) -> bytes:
    """A hash of everything the document shows and how: the source of the fixed document ID."""
    h = hashlib.sha256()
    for part in (
        __version__,
        QtCore.qVersion(),
        page_size,
        sheet.title,
        sheet.as_of,
        sheet.version,
        repr(sorted(sheet.sources.items())),
        repr(analysis.findings),
        repr(list(sections)),
        # The page furniture (headings, footers) follows the language too; English adds
        # nothing, so its document ID stays what it has always been.
        *([current_language()] if current_language() != "en" else []),
    ):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.digest()


def escape(text: str) -> str:
    """Text for XML character data (xml.sax.saxutils would import urllib, http and ssl: 25 ms)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xmp(sheet: FactSheet, doc_id: uuid.UUID, xmp_date: str, producer: str) -> bytes:
    title, subject, keywords = (escape(s) for s in (document_title(sheet), sheet.description, _keywords(sheet)))
    creator = escape(f"chery-viewer {__version__}")
    return f"""<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{escape(author())}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Keywords>{keywords}</pdf:Keywords>
   <pdf:Producer>{escape(producer)}</pdf:Producer>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>
   <xmp:CreateDate>{xmp_date}</xmp:CreateDate>
   <xmp:ModifyDate>{xmp_date}</xmp:ModifyDate>
   <xmp:MetadataDate>{xmp_date}</xmp:MetadataDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
   <xmpMM:DocumentID>uuid:{doc_id}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:{doc_id}</xmpMM:InstanceID>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end='w'?>""".encode()


def _ensure_app() -> QtWidgets.QApplication:
    """The running QApplication, or a new one (off-screen when there is no display: never a window)."""
    global _app
    existing = QtWidgets.QApplication.instance()
    if isinstance(existing, QtWidgets.QApplication):
        return existing
    if existing is not None:
        raise RuntimeError("a QGuiApplication without widgets is running; charts need a QApplication")
    display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    no_display = sys.platform.startswith("linux") and not display
    if no_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QtWidgets.QApplication([sys.argv[0] if sys.argv and sys.argv[0] else "chery-viewer"])
    return _app


def render_pdf_bytes(
    sheet: FactSheet,
    page_size: str = "A4",
    analysis: Analysis | None = None,
    sections: Sequence[SectionContent] | None = None,
) -> bytes:
    """The finished PDF (bookmarks, metadata, fixed dates and ID) as bytes; nothing touches the disk."""
    _ensure_app()
    analysis = analysis or analyse(sheet)
    sections = list(sections) if sections is not None else build_sections(sheet, analysis)
    doc_id = uuid.UUID(bytes=_fingerprint(sheet, analysis, sections, page_size)[:16], version=5)
    pdf_date, xmp_date = _pdf_date(sheet)
    producer = f"Qt {QtCore.qVersion()}"

    # Qt writes the fonts in the order of a QHash: a random hash seed would shuffle the bytes.
    random_seed = QtCore.QHashSeed.globalSeed() != 0
    QtCore.QHashSeed.setDeterministicGlobalSeed()
    # The charts allocate many small objects: with pandas loaded, one full cyclic collection in
    # the middle costs tens of milliseconds; the garbage waits for the next collection instead.
    collecting = gc.isenabled()
    gc.disable()
    try:
        raw, layout, page = _write_with_qt(sheet, analysis, sections, page_size, doc_id, xmp_date, producer)
    finally:
        if collecting:
            gc.enable()
        if random_seed:
            QtCore.QHashSeed.resetRandomGlobalSeed()
    return _post_process(raw, layout, page, sheet, pdf_date, producer)


def _write_with_qt(
    sheet: FactSheet,
    analysis: Analysis,
    sections: Sequence[SectionContent],
    page_size: str,
    doc_id: uuid.UUID,
    xmp_date: str,
    producer: str,
) -> tuple[bytes, DocumentLayout, PageInfo]:
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    writer = QtGui.QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setPageLayout(
        QtGui.QPageLayout(
            QtGui.QPageSize(PAGE_SIZES[page_size]), QtGui.QPageLayout.Orientation.Portrait, QtCore.QMarginsF(0, 0, 0, 0)
        )
    )
    writer.setTitle(document_title(sheet))
    writer.setAuthor(author())
    writer.setCreator(f"chery-viewer {__version__}")
    writer.setDocumentId(QtCore.QUuid(str(doc_id)))
    writer.setDocumentXmpMetadata(QtCore.QByteArray(_xmp(sheet, doc_id, xmp_date, producer)))
    page = PageInfo.from_page_layout(writer.pageLayout())
    painter = QtGui.QPainter()
    if not painter.begin(writer):
        raise RuntimeError("Qt could not start painting the PDF")
    try:
        layout = paint_document(painter, page, sections, sheet, analysis, writer.newPage)
    finally:
        painter.end()
    raw = bytes(buffer.data().data())
    buffer.close()
    return raw, layout, page


def _pdf_string(text: str) -> bytes:
    """A PDF text string: literal for plain ASCII, else UTF-16BE hex with a byte-order mark."""
    if text.isascii() and text.isprintable():
        return b"(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("ascii") + b")"
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


class _PdfFile:
    """Just enough of a PDF reader for the files QPdfWriter writes: trailer, xref table, plain objects."""

    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        tail = raw[raw.rindex(b"trailer") :]
        self.trailer = tail
        self.startxref = int(re.search(rb"startxref\s+(\d+)", tail).group(1))  # type: ignore[union-attr]
        self.size = self._ref_number(rb"/Size\s+(\d+)", tail)
        self.root = self._ref_number(rb"/Root\s+(\d+)\s+0\s+R", tail)
        ids = re.search(rb"/ID\s*\[[^\]]*\]", tail)
        self.id = ids.group(0) if ids else b""
        self.offsets: dict[int, int] = {}
        xref = raw[self.startxref :]
        if not xref.startswith(b"xref"):
            raise ValueError("Qt wrote no classic cross-reference table")
        pos = xref.index(b"\n") + 1
        while True:
            header = re.match(rb"\s*(\d+)\s+(\d+)\s*\n", xref[pos : pos + 40])
            if header is None:
                break
            first, count = int(header.group(1)), int(header.group(2))
            pos += header.end()
            for k in range(count):
                entry = xref[pos + 20 * k : pos + 20 * k + 18].split()
                if entry[2:] == [b"n"]:
                    self.offsets[first + k] = int(entry[0])
            pos += 20 * count

    @staticmethod
    def _ref_number(pattern: bytes, text: bytes) -> int:
        found = re.search(pattern, text)
        if found is None:
            raise ValueError(f"no {pattern!r} in the trailer")
        return int(found.group(1))

    def body(self, number: int) -> bytes:
        """The text of object ``number`` between 'obj' and 'endobj' (plain objects, no streams)."""
        start = self.raw.index(b"obj", self.offsets[number]) + 3
        return self.raw[start : self.raw.index(b"endobj", start)].strip()

    def pages(self) -> list[int]:
        def walk(number: int) -> list[int]:
            node = self.body(number)
            if re.search(rb"/Type\s*/Pages\b", node):
                kids = re.search(rb"/Kids\s*\[([^\]]*)\]", node)
                refs = re.findall(rb"(\d+)\s+0\s+R", kids.group(1)) if kids else []
                return [p for ref in refs for p in walk(int(ref))]
            return [number]

        return walk(self._ref_number(rb"/Pages\s+(\d+)\s+0\s+R", self.body(self.root)))


def _post_process(
    raw: bytes, layout: DocumentLayout, page: PageInfo, sheet: FactSheet, pdf_date: str, producer: str
) -> bytes:
    """Add what Qt cannot write, as one incremental update: bookmarks, subject and keywords, links on
    source URLs; and fix Qt's creation and modification dates (in place, same length) to ``pdf_date``.

    Hand-written rather than with pypdf: importing pypdf alone costs about as much as laying out
    and painting every page, and the speed goal for the headless export is tight. The tests read
    the result back with pypdf.
    """

    def fixed_date(match: re.Match[bytes]) -> bytes:
        new = match.group(1) + b" (" + pdf_date.encode("ascii") + b")"
        if len(new) > len(match.group(0)):
            raise RuntimeError("Qt's date is shorter than the fixed one")
        return new + b" " * (len(match.group(0)) - len(new))  # same length: every offset stays right

    raw = re.sub(rb"(/CreationDate|/ModDate)\s*\((?:D:)?[0-9]{4}[^)]*\)", fixed_date, raw)
    pdf = _PdfFile(raw)
    pages = pdf.pages()
    if len(pages) != layout.page_count:
        raise RuntimeError(f"Qt wrote {len(pages)} pages, the layout has {layout.page_count}")
    objects: dict[int, bytes] = {}
    next_number = pdf.size

    def new_object(body: bytes = b"") -> int:
        nonlocal next_number
        number, next_number = next_number, next_number + 1
        objects[number] = body
        return number

    info = new_object(
        b"<<"
        + b"".join(
            b"\n/" + key.encode("ascii") + b" " + value
            for key, value in (
                ("Title", _pdf_string(document_title(sheet))),
                ("Author", _pdf_string(author())),
                ("Subject", _pdf_string(sheet.description)),
                ("Keywords", _pdf_string(_keywords(sheet))),
                ("Creator", _pdf_string(f"chery-viewer {__version__}")),
                ("Producer", _pdf_string(producer)),
                ("CreationDate", _pdf_string(pdf_date)),
                ("ModDate", _pdf_string(pdf_date)),
                ("Trapped", b"/False"),
            )
        )
        + b"\n>>"
    )
    outline = new_object()
    items = [new_object() for _ in layout.sections]
    for k, (title, index, top) in enumerate(layout.sections):
        siblings = b"".join(
            [
                b"\n/Prev %d 0 R" % items[k - 1] if k else b"",
                b"\n/Next %d 0 R" % items[k + 1] if k + 1 < len(items) else b"",
            ]
        )
        objects[items[k]] = (
            b"<<\n/Title "
            + _pdf_string(title)
            + b"\n/Parent %d 0 R" % outline
            + siblings
            + b"\n/Dest [%d 0 R /XYZ 0 %.2f null]\n>>" % (pages[index], (page.height - max(top - 24, 0)) * PT_PER_PX)
        )
    objects[outline] = (
        b"<<\n/Type /Outlines\n/First %d 0 R\n/Last %d 0 R\n/Count %d\n>>" % (items[0], items[-1], len(items))
        if items
        else b"<<\n/Type /Outlines\n/Count 0\n>>"
    )
    by_page: dict[int, list[int]] = {}
    for index, rect, url in layout.links:
        box = (
            rect.left() * PT_PER_PX,
            (page.height - rect.bottom()) * PT_PER_PX,
            rect.right() * PT_PER_PX,
            (page.height - rect.top()) * PT_PER_PX,
        )
        annotation = (
            b"<<\n/Type /Annot\n/Subtype /Link\n/Rect ["
            + " ".join(f"{v:.2f}" for v in box).encode("ascii")
            + b"]\n/Border [0 0 0]\n/A << /S /URI /URI "
            + _pdf_string(url)
            + b" >>\n>>"
        )
        by_page.setdefault(pages[index], []).append(new_object(annotation))
    for page_number, links in by_page.items():
        refs = b" ".join(b"%d 0 R" % a for a in links)
        body = pdf.body(page_number)
        existing = re.search(rb"/Annots\s+(\d+)\s+0\s+R", body)
        if existing:  # Qt points every page at an array object of its own: rewrite that array
            old = pdf.body(int(existing.group(1)))
            objects[int(existing.group(1))] = old.rstrip(b"]").rstrip() + b" " + refs + b" ]"
        else:
            objects[page_number] = body[: body.rindex(b">>")] + b"/Annots [ " + refs + b" ]\n>>"
    catalog = pdf.body(pdf.root)
    catalog = re.sub(rb"/(Outlines|PageMode|Lang|ViewerPreferences)\s+(\d+\s+0\s+R|/\w+|\([^)]*\))", b"", catalog)
    objects[pdf.root] = (
        catalog[: catalog.rindex(b">>")]
        + b"/Outlines %d 0 R\n/PageMode /UseOutlines\n" % outline
        + b"/Lang "
        + _pdf_string(data_language(current_language()))
        + b"\n/ViewerPreferences << /DisplayDocTitle true >>\n>>"
    )

    out = io.BytesIO()
    out.write(raw if raw.endswith(b"\n") else raw + b"\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 1\n0000000000 65535 f \n")
    numbers = sorted(offsets)
    start = 0
    while start < len(numbers):
        end = start
        while end + 1 < len(numbers) and numbers[end + 1] == numbers[end] + 1:
            end += 1
        out.write(b"%d %d\n" % (numbers[start], end - start + 1))
        for number in numbers[start : end + 1]:
            out.write(b"%010d 00000 n \n" % offsets[number])
        start = end + 1
    out.write(
        b"trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n/Prev %d\n" % (next_number, pdf.root, info, pdf.startxref)
        + (pdf.id + b"\n" if pdf.id else b"")
        + b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    )
    return out.getvalue()


def _page_size_key(page_size: str) -> str | None:
    return next((key for key in PAGE_SIZES if key.lower() == str(page_size).lower()), None)


def export_pdf(
    sheet: FactSheet,
    path: str | os.PathLike[str],
    page_size: str = "A4",
    analysis: Analysis | None = None,
    language: str | None = None,
) -> Path:
    """Write the whole fact sheet to ``path`` as a PDF (A4 or Letter, portrait); return the path.

    Works headless and never shows a window. ``language`` ('en', 'zh_CN') is installed
    first and the sheet's texts taken in it; None keeps the current language and the sheet
    as given. The file appears only when complete; on any failure nothing is left behind,
    an existing file is untouched, and ``ExportError`` carries one line naming the file and
    the problem.
    """
    out = Path(path)
    key = _page_size_key(page_size)
    if key is None:
        raise ExportError(f"cannot write {out}: unknown page size '{page_size}' (use A4 or Letter)")
    if language is not None:
        from chery_viewer.ui import language as ui_language

        _ensure_app()
        ui_language.install(language)
        sheet = sheet.localized(data_language(language))
    try:
        with deferred():  # Ctrl-C, SIGTERM, SIGHUP end the export at the next checkpoint, not inside Qt
            data = render_pdf_bytes(sheet, key, analysis)
            atomic_write(out, lambda tmp: tmp.write_bytes(data))
    except WriteError as exc:
        raise ExportError(str(exc)) from exc
    except Exception as exc:  # a painting or layout failure: same one-line contract
        raise ExportError(f"cannot write {out}: {describe_problem(exc)}") from exc
    return out
