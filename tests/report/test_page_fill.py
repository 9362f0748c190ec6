"""The full report without holes (issue 13 #4): every body page at least half full, except the
last page of a section; the screen's order of tables and notes; a chart kept with its caption."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6 import QtGui, QtWidgets

from chery_viewer.core.audit import analyse
from chery_viewer.core.content import build_sections
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.core.i18n import data_language, set_language
from chery_viewer.graphics.theme import LIGHT
from chery_viewer.report.blocks.cards import NoteChunk
from chery_viewer.report.blocks.charts import ChartBlock
from chery_viewer.report.blocks.tables import TableChunk
from chery_viewer.report.canvas import Canvas, page_for_size
from chery_viewer.report.full_report import full_report_template, report_story
from chery_viewer.report.paginate import Page
from chery_viewer.report.templates import DocTemplate


@pytest.fixture
def laid_out(qapp: QtWidgets.QApplication, sheet: FactSheet, request: pytest.FixtureRequest) -> Iterator:
    lang, size = request.param
    if lang == "zh_CN":
        from chery_viewer.graphics.language import install_translators

        install_translators("zh_CN")
    localized = sheet.localized(data_language(lang))
    analysis = analyse(localized)
    image = QtGui.QImage(8, 8, QtGui.QImage.Format.Format_ARGB32)
    painter = QtGui.QPainter(image)
    try:
        page = page_for_size(size)
        c = Canvas(painter, page, LIGHT)
        doc = DocTemplate(page, full_report_template(localized))
        story = report_story(c, build_sections(localized, analysis), localized, analysis, doc.frames[0].width)
        pages, _ = doc.layout(story)
        yield doc.frames[0], pages
    finally:
        painter.end()
        if lang == "zh_CN":
            from chery_viewer.graphics.language import install_translators

            install_translators("en")
            set_language("en")


CASES = [("en", "A4"), ("en", "Letter"), ("zh_CN", "A4"), ("zh_CN", "Letter")]


def _used(frame, page: Page) -> float:
    end = max(placed.y + placed.block.height for placed in page.blocks)
    return (end - frame.top) / frame.height


@pytest.mark.parametrize("laid_out", CASES, indirect=True, ids=[f"{lang}-{size}" for lang, size in CASES])
def test_no_body_page_is_under_half_full_but_a_sections_last(laid_out):
    frame, pages = laid_out
    holes = []
    for number, (page, following) in enumerate(zip(pages, [*pages[1:], None], strict=True), start=1):
        section_ends_here = (
            following is None
            or following.sections[0] != page.sections[-1]
            or (following.blocks and type(following.blocks[0].block).__name__ in ("SectionHeading", "Cover"))
        )
        if not section_ends_here and _used(frame, page) < 0.5:
            holes.append((number, page.sections, f"{_used(frame, page):.0%} full"))
    assert holes == []


@pytest.mark.parametrize("laid_out", CASES[:1], indirect=True, ids=["en-A4"])
def test_tables_come_before_notes_as_on_screen_and_charts_keep_their_captions(laid_out):
    frame, pages = laid_out
    for page in pages:
        kinds = [type(p.block) for p in page.blocks]
        for i, kind in enumerate(kinds):
            if kind is NoteChunk:  # a section's notes close it, after its tables
                assert TableChunk not in kinds[i + 1 :] or page.sections[-1] != page.sections[0]
        for placed in page.blocks:
            if isinstance(placed.block, ChartBlock):  # title, chart, values and caption in one block
                assert placed.y + placed.block.height <= frame.bottom + 0.5
