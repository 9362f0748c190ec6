"""One document value: the cover, the five sections and the closing, in the current language.

``build_document`` is the entry point for every renderer: the window's tabs and dialogs,
the PDF, print and preview all draw the same ``Document``. The analysis is computed once
per dataset; a change of language builds a new document from the same analysis.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from chery_viewer.core.audit import Analysis, analyse
from chery_viewer.core.content.closing import build_closing
from chery_viewer.core.content.context import Context
from chery_viewer.core.content.exports import build_exports
from chery_viewer.core.content.innovation import build_innovation
from chery_viewer.core.content.model import Cover, Document, SectionContent
from chery_viewer.core.content.overview import build_overview, firsts
from chery_viewer.core.content.partners import build_partners
from chery_viewer.core.content.sales import build_sales
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.core.i18n import current_language, translate
from chery_viewer.core.periods import long_date
from chery_viewer.core.sections import SECTION_KEYS

Builder = Callable[[FactSheet, Analysis], SectionContent]

# One builder per section, in the order of ``SECTION_KEYS``.
BUILDERS: dict[str, Builder] = {
    "overview": build_overview,
    "sales": build_sales,
    "exports": build_exports,
    "innovation": build_innovation,
    "partners": build_partners,
}
assert tuple(BUILDERS) == SECTION_KEYS, "a builder per section, in section order"


def build_sections(sheet: FactSheet, analysis: Analysis | None = None) -> list[SectionContent]:
    """All five sections in tab order, sharing one analysis."""
    analysis = analysis or analyse(sheet)
    return [BUILDERS[key](sheet, analysis) for key in SECTION_KEYS]


def cover_meta(sheet: FactSheet) -> str:
    """The cover's line of facts about the dataset."""
    count = len(sheet.sources)
    return (
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


def build_cover(sheet: FactSheet, analysis: Analysis, overview: SectionContent) -> Cover:
    group = firsts(Context(sheet, analysis))
    return Cover(
        title=sheet.title,
        description=sheet.description,
        as_of=sheet.as_of,
        as_of_text=long_date(sheet.as_of),
        report_year=sheet.report_year,
        version=sheet.version,
        source_count=len(sheet.sources),
        meta=cover_meta(sheet),
        kpis=overview.kpis,
        trend=overview.charts[0] if overview.charts else None,
        firsts=group if group.cards else None,
    )


def build_document(
    sheet: FactSheet, analysis: Analysis | None = None, sections: Sequence[SectionContent] | None = None
) -> Document:
    """The whole document of ``sheet`` (already localized) in the current language.

    Pass the dataset's one ``analysis`` to rebuild after a change of language without
    re-running the audit, and the ``sections`` a window already holds to keep them as they are.
    """
    analysis = analysis or analyse(sheet)
    sections = tuple(sections) if sections is not None else tuple(build_sections(sheet, analysis))
    return Document(
        current_language(),
        build_cover(sheet, analysis, sections[0]),
        sections,
        build_closing(sheet, analysis),
    )
