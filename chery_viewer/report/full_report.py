"""The full report: its page template (one frame inside the margins, running header and footer)
and its story (the cover, one run of blocks per section, the closing section of sources,
audit findings and formulas), painted by one routine, :func:`paint_document`, on any painter:
the ``QPdfWriter`` of :mod:`chery_viewer.report.pdf` and the ``QPrinter`` of
:mod:`chery_viewer.report.printing`.

Every text the reader sees goes through ``translate("Report", ...)``; the section content
arrives translated from ``chery_viewer.core.content``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Sequence
from typing import TYPE_CHECKING

from PySide6 import QtGui

from chery_viewer.core.audit import Analysis
from chery_viewer.core.content import SectionContent, audit_tables, source_date
from chery_viewer.core.i18n import translate
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

__all__ = ["closing_title", "full_report_template", "long_date", "paint_document", "report_story"]


def closing_title() -> str:
    """The title of the closing section (sources, audit findings, formulas), in the current language."""
    return translate("Report", "Sources and audit")


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


def long_date(iso: str) -> str:
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


def cover(c: Canvas, sheet: FactSheet, width: float) -> Cover:
    """The first page's banner: the sheet's title and description, as-of date, year, version, sources."""
    count = len(sheet.sources)
    meta = (
        translate(
            "Report",
            "Data as of {date}   ·   report year {year}   ·   dataset version {version}   ·   1 source",
        )
        if count == 1
        else translate(
            "Report",
            "Data as of {date}   ·   report year {year}   ·   dataset version {version}   ·   {count} sources",
        )
    ).format(date=long_date(sheet.as_of), year=sheet.report_year, version=sheet.version, count=count)
    return Cover(c, sheet.title, sheet.description, meta, width)


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


def closing_blocks(c: Canvas, sheet: FactSheet, analysis: Analysis, width: float) -> list[Flowable]:
    undated = translate("Report", "undated")
    sources = TableData(
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
            for s in sorted(sheet.sources.values(), key=lambda s: natural_key(s.id))
        ),
        translate("Report", "Every figure, card and partner in this document names one of these sources by its ID."),
        link_column=4,
    )
    findings, formulas = (TableData.of(t) for t in audit_tables(sheet, analysis))
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
    blocks: list[Flowable] = [SectionHeading(c, closing_title(), summary, width)]
    if sources.rows:
        blocks.append(TableFlow(c, sources, width))
    if findings.rows:
        blocks.append(TableFlow(c, findings, width))
    else:
        blocks += [
            SubHeading(c, findings.title, width),
            Paragraph(c, translate("Report", "The audit found no disagreement between the sources."), width),
        ]
    if formulas.rows:
        blocks.append(TableFlow(c, formulas, width))
    return blocks


def natural_key(text: str) -> tuple[str, int, str]:
    match = re.match(r"^(\D*)(\d+)(.*)$", text)
    return (match.group(1), int(match.group(2)), match.group(3)) if match else (text, 0, "")


def report_story(
    c: Canvas, sections: Sequence[SectionContent], sheet: FactSheet, analysis: Analysis, width: float
) -> Story:
    """The full report's story: every section, then the closing section."""
    story: list[tuple[str, Sequence[Flowable]]] = [
        (section.title, section_blocks(c, section, sheet, width, first=i == 0)) for i, section in enumerate(sections)
    ]
    story.append((closing_title(), closing_blocks(c, sheet, analysis, width)))
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
