"""The full report: its page template (one frame inside the margins, running header and footer)
and its story (the cover, one run of blocks per section, the closing section of sources,
audit findings and formulas), painted by one routine, :func:`paint_document`, on any painter:
the ``QPdfWriter`` of :mod:`chery_viewer.report.pdf` and the ``QPrinter`` of
:mod:`chery_viewer.report.printing`.

Every text the reader sees goes through ``translate("Report", ...)``; the section content
arrives translated from ``chery_viewer.core.content``.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from typing import TYPE_CHECKING

from PySide6 import QtGui

from chery_viewer.core.audit import Analysis
from chery_viewer.core.content import SectionContent
from chery_viewer.core.content.closing import build_closing, closing_title
from chery_viewer.core.content.document import cover_meta
from chery_viewer.core.content.model import Closing
from chery_viewer.core.i18n import translate
from chery_viewer.core.periods import long_date
from chery_viewer.graphics.theme import LIGHT, Theme
from chery_viewer.report.blocks.cards import CardFlow, NoteFlow
from chery_viewer.report.blocks.charts import chart_blocks
from chery_viewer.report.blocks.kpi import KpiRow
from chery_viewer.report.blocks.tables import TableData, TableFlow
from chery_viewer.report.blocks.text import Cover, Paragraph, SectionHeading, SubHeading
from chery_viewer.report.canvas import BLUE, Canvas, TypeScale, prepare_painter
from chery_viewer.report.flowables import Flowable
from chery_viewer.report.geometry import PageInfo
from chery_viewer.report.paginate import Story
from chery_viewer.report.templates import DocTemplate, DocumentLayout, PageContext, PageTemplate

if TYPE_CHECKING:
    from chery_viewer.core.factsheet import FactSheet

__all__ = [
    "closing_blocks", "closing_title", "full_report_template", "long_date", "paint_document", "report_story",
    "section_blocks",
]  # fmt: skip


def cover(c: Canvas, sheet: FactSheet, width: float) -> Cover:
    """The first page's banner: the sheet's title and description, and its line of facts."""
    return Cover(c, sheet.title, sheet.description, cover_meta(sheet), width)


def section_blocks(c: Canvas, section: SectionContent, sheet: FactSheet, width: float, first: bool) -> list[Flowable]:
    """One section's blocks in reading order; the first section opens with the cover banner."""
    opening = cover(c, sheet, width) if first else SectionHeading(c, section.title, section.summary, width)
    blocks: list[Flowable] = [opening]
    if section.kpis:
        blocks.append(KpiRow(c, section.kpis, width))
    blocks += chart_blocks(c, section.charts, width)
    blocks += [CardFlow(c, group, width) for group in section.cards if group.cards]
    if section.notes:
        blocks.append(NoteFlow(c, translate("Report", "Notes"), section.notes, width))
    blocks += [TableFlow(c, TableData.of(table), width) for table in section.tables if table.rows]
    return blocks


def closing_blocks(c: Canvas, closing: Closing, width: float) -> list[Flowable]:
    """The closing section: its heading, the sources, the audit's findings (or the sentence that
    there are none) and the derived figures with their formulas."""
    blocks: list[Flowable] = [SectionHeading(c, closing.title, closing.summary, width)]
    if closing.sources_table.rows:
        blocks.append(TableFlow(c, TableData.of(closing.sources_table), width))
    findings = closing.findings_table
    if findings.rows:
        blocks.append(TableFlow(c, TableData.of(findings), width))
    else:
        blocks += [SubHeading(c, findings.title, width), Paragraph(c, closing.no_findings, width)]
    if closing.formulas_table.rows:
        blocks.append(TableFlow(c, TableData.of(closing.formulas_table), width))
    return blocks


def report_story(
    c: Canvas, sections: Sequence[SectionContent], sheet: FactSheet, analysis: Analysis, width: float
) -> Story:
    """The full report's story: every section, then the closing section."""
    story: list[tuple[str, Sequence[Flowable]]] = [
        (section.title, section_blocks(c, section, sheet, width, first=i == 0)) for i, section in enumerate(sections)
    ]
    closing = build_closing(sheet, analysis)
    story.append((closing.title, closing_blocks(c, closing, width)))
    return story


def full_report_template(sheet: FactSheet) -> PageTemplate:
    """One frame inside the margins; the running header (sections on the page, the sheet's title)
    on every page but the cover's, and the footer (title, as-of date, page N of M) on all."""

    def on_page(c: Canvas, context: PageContext) -> None:
        page, current, t = context.page, context.content, c.theme
        small, bold = c.font(TypeScale.RUNNING), c.font(TypeScale.RUNNING, True)
        if not current.cover:
            y = page.top - 30
            c.draw_line(page.left, y, "  ·  ".join(current.sections), bold, BLUE)
            c.draw_line(page.left, y, sheet.title, small, t.muted, page.content_width, "right")
            c.rule(page.left, page.top - 12, page.right, t.border)
        y = page.bottom + 14
        c.rule(page.left, y, page.right, t.border)
        footer = translate("Report", "{title}  ·  data as of {date}").format(title=sheet.title, date=sheet.as_of)
        c.draw_line(page.left, y + 6, footer, small, t.muted)
        page_number = translate("Report", "Page {number} of {total}").format(number=context.number, total=context.total)
        c.draw_line(page.left, y + 6, page_number, bold, t.foreground, page.content_width, "right")

    return PageTemplate("full report", lambda page: [page.body], on_page)


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
    prepare_painter(painter)
    c = Canvas(painter, page, theme)
    doc = DocTemplate(page, full_report_template(sheet))
    story = report_story(c, sections, sheet, analysis, doc.frames[0].width)
    return doc.build(c, story, new_page, only_pages)
