"""Every figure, fact and partner of the dataset as one list: View → All figures and its exports.

One row per entry, with what a reader needs to find and reuse it: the section (tab) that
shows it, whether it is stated by a source, derived by us (with its formula in words) or our
inference, its sources with their links, and the numbers a spreadsheet can compute with.
Plain data in the current language; the window's table and the CSV and workbook draw it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from chery_viewer.core.audit import Analysis, describe_formula
from chery_viewer.core.content.citations import sources_of
from chery_viewer.core.content.closing import natural_key, source_entries
from chery_viewer.core.content.context import Context, point_kind
from chery_viewer.core.content.grids import cell, grid_row
from chery_viewer.core.content.model import POINT_KINDS, PointKind, SourceEntry, point_kind_name
from chery_viewer.core.content.partners import domain_name
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.core.formatting import format_with_unit, unit_word
from chery_viewer.core.i18n import translate
from chery_viewer.core.sections import SECTION_KEYS, section_titles

# An entry's kind is a chart point's: the same four words in tables, keys and this list.
EntryKind = PointKind
EntryType = Literal["figure", "fact", "partner"]
ENTRY_KINDS: tuple[EntryKind, ...] = POINT_KINDS
entry_kind_name = point_kind_name


def entry_type_name(entry: EntryType) -> str:
    return {
        "figure": translate("Figures", "Figure"),
        "fact": translate("Figures", "Fact"),
        "partner": translate("Figures", "Partner"),
    }[entry]


@dataclass(frozen=True)
class CatalogueRow:
    """One figure, fact or partner. ``number`` is the value a spreadsheet computes with (None
    for a fact or partner, or a figure the sources do not give); ``value`` the text shown."""

    id: str
    section: str  # a section key: the tab that shows the entry
    entry: EntryType
    label: str
    value: str
    number: float | None
    unit: str
    period: str
    period_start: str  # ISO date, for sorting by time
    kind: EntryKind
    source_ids: tuple[str, ...]
    formula: str  # a derived figure's formula in words, else ""
    shown_as: str = ""  # the text its tab shows it by: a figure's label, a fact's title, a partner's name
    shown_cell: tuple[str, str] | tuple[()] = ()  # or, in a grid of its tab: the row's label and the cell's text

    @property
    def section_title(self) -> str:
        return section_titles().get(self.section, self.section)


@dataclass(frozen=True)
class Catalogue:
    rows: tuple[CatalogueRow, ...]
    sources: tuple[SourceEntry, ...]

    def source(self, source_id: str) -> SourceEntry | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def source_text(self, row: CatalogueRow) -> str:
        """'[S1] Gulf News; [S2] …': the row's sources by id and publisher."""
        return translate("Content", "; ").join(
            f"[{s.id}] {s.publisher}" for s in (self.source(i) for i in row.source_ids) if s
        )

    def links(self, row: CatalogueRow) -> tuple[str, ...]:
        return tuple(s.url for s in (self.source(i) for i in row.source_ids) if s and s.url)


def _section(section: str) -> str:
    return section if section in SECTION_KEYS else SECTION_KEYS[0]


def figure_rows(ctx: Context) -> list[CatalogueRow]:
    figures = list(ctx.sheet) + list(ctx.derived.values())
    return [
        CatalogueRow(
            id=f.id,
            section=_section(f.section),
            entry="figure",
            label=f.label,
            value=format_with_unit(f.value, f.unit, f.approximate, f.lower_bound),
            number=f.value,
            unit=unit_word(f.unit),
            period=f.period.label(),
            period_start=f.period.start.isoformat(),
            kind=point_kind(f),
            source_ids=tuple(sources_of(f, ctx.get)),
            formula=describe_formula(f.formula, ctx.get) if f.derived else "",
            shown_as=f.label,
            shown_cell=(grid_row(f), cell(f)),
        )
        for f in figures
    ]


def fact_rows(sheet: FactSheet) -> list[CatalogueRow]:
    return [
        CatalogueRow(
            id=fact.id,
            section=_section(fact.section),
            entry="fact",
            label=fact.title,
            value=fact.text,
            number=None,
            unit="",
            period=fact.period.label(),
            period_start=fact.period.start.isoformat(),
            kind="inferred" if fact.inferred else "stated",
            source_ids=(fact.source_id,),
            formula="",
            shown_as=fact.title,
        )
        for fact in sheet.facts
    ]


def partner_rows(sheet: FactSheet) -> list[CatalogueRow]:
    """A partner with its deal; the kind is its pairing with an alliance domain (stated by a
    source, or our reading of the deal)."""
    return [
        CatalogueRow(
            id=p.id,
            section="partners",
            entry="partner",
            label=translate("Figures", "{name} · {domain}").format(name=p.name, domain=domain_name(p.domain)),
            value=p.deal,
            number=None,
            unit="",
            period=str(p.deal_year) if p.deal_year else "",
            period_start=f"{p.deal_year:04d}-01-01" if p.deal_year else "",
            kind="inferred" if p.pairing == "inferred" else "stated",
            source_ids=(p.source_id,),
            formula="",
            shown_as=p.name,
        )
        for p in sheet.partners
    ]


def build_catalogue(sheet: FactSheet, analysis: Analysis) -> Catalogue:
    """Every figure (stated and derived), fact and partner of ``sheet``, in section order."""
    ctx = Context(sheet, analysis)
    rows = figure_rows(ctx) + fact_rows(sheet) + partner_rows(sheet)
    order: dict[str, int] = {key: i for i, key in enumerate(SECTION_KEYS)}
    rows.sort(key=lambda r: order.get(r.section, len(order)))  # stable: dataset order within a section
    return Catalogue(tuple(rows), source_entries(sheet))


def catalogue_columns() -> tuple[str, ...]:
    """The headers of the figures table and of its exports, in the current language."""
    return (
        translate("Figures", "Section"),
        translate("Figures", "Type"),
        translate("Figures", "Name"),
        translate("Figures", "Value"),
        translate("Figures", "Period"),
        translate("Figures", "Kind"),
        translate("Figures", "Source"),
        translate("Figures", "Formula"),
        translate("Figures", "Link"),
    )


def row_cells(catalogue: Catalogue, row: CatalogueRow) -> tuple[str, ...]:
    """The texts of one row under :func:`catalogue_columns`."""
    return (
        row.section_title,
        entry_type_name(row.entry),
        row.label,
        row.value,
        row.period,
        entry_kind_name(row.kind),
        catalogue.source_text(row),
        row.formula,
        " ".join(catalogue.links(row)),
    )


def sorted_source_ids(catalogue: Catalogue) -> list[str]:
    """The ids of the sources any row names, S2 before S10."""
    return sorted({i for r in catalogue.rows for i in r.source_ids}, key=natural_key)


def export_columns() -> tuple[str, ...]:
    """The headers of the CSV and the workbook: the table's, plus the id and the bare number."""
    return (
        translate("Figures", "ID"),
        translate("Figures", "Section"),
        translate("Figures", "Type"),
        translate("Figures", "Name"),
        translate("Figures", "Value"),
        translate("Figures", "Number"),
        translate("Figures", "Unit"),
        translate("Figures", "Period"),
        translate("Figures", "Kind"),
        translate("Figures", "Source"),
        translate("Figures", "Formula"),
        translate("Figures", "Link"),
    )


def export_cells(catalogue: Catalogue, row: CatalogueRow) -> tuple[str | float | None, ...]:
    """One row under :func:`export_columns`; ``Number`` stays a number (None when there is none)."""
    section, entry, name, value, period, kind, source, formula, link = row_cells(catalogue, row)
    return (row.id, section, entry, name, value, row.number, row.unit, period, kind, source, formula, link)


def sources_columns() -> tuple[str, ...]:
    return (
        translate("Report", "ID"),
        translate("Report", "Publisher"),
        translate("Report", "Title"),
        translate("Report", "Date"),
        translate("Report", "URL"),
    )


def sources_of_rows(catalogue: Catalogue, rows: list[CatalogueRow]) -> list[SourceEntry]:
    """The sources the given rows name, in the order of the sources list."""
    named = {i for r in rows for i in r.source_ids}
    return [s for s in catalogue.sources if s.id in named]
