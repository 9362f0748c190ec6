"""The rows the figures table shows, to CSV or to an Excel workbook, with their sources.

CSV: UTF-8 with a byte-order mark (so Excel reads the Chinese edition right), one header row
in the current language. Workbook: a sheet of the rows (numbers as numbers, links as links)
and a sheet of the sources they name. Text never runs as a spreadsheet formula, and a
failed write leaves no partial file (``atomic_write``). openpyxl is imported only here, on
the first workbook export, never at start-up.
"""

from __future__ import annotations

import csv
from pathlib import Path

from chery_viewer.core.content.figure_list import (
    Catalogue,
    CatalogueRow,
    export_cells,
    export_columns,
    sources_columns,
    sources_of_rows,
)
from chery_viewer.core.files import atomic_write
from chery_viewer.core.formatting import spreadsheet_safe
from chery_viewer.core.i18n import translate

__all__ = ["write_figures_csv", "write_figures_xlsx"]

NUMBER_COLUMN = 5  # "Number" in export_columns()
LINK_COLUMN = 11


def _csv_cell(value: str | float | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return spreadsheet_safe(value)


def write_figures_csv(catalogue: Catalogue, rows: list[CatalogueRow], path: str | Path) -> None:
    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
            out = csv.writer(handle)
            out.writerow([spreadsheet_safe(h) for h in export_columns()])
            for row in rows:
                out.writerow([_csv_cell(v) for v in export_cells(catalogue, row)])

    atomic_write(Path(path), write)


def sheet_title(text: str) -> str:
    """A worksheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in text).strip("' ")
    return cleaned[:31] or "Sheet"


def write_figures_xlsx(catalogue: Catalogue, rows: list[CatalogueRow], path: str | Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    figures = workbook.active
    figures.title = sheet_title(translate("Figures", "Figures"))
    bold = Font(bold=True)
    figures.append([spreadsheet_safe(h) for h in export_columns()])
    for row in rows:
        cells = export_cells(catalogue, row)
        figures.append([v if v is None or isinstance(v, float) else spreadsheet_safe(v) for v in cells])
        links = catalogue.links(row)
        if links:
            figures.cell(row=figures.max_row, column=LINK_COLUMN + 1).hyperlink = links[0]
    sources = workbook.create_sheet(sheet_title(translate("Figures", "Sources")))
    sources.append([spreadsheet_safe(h) for h in sources_columns()])
    for entry in sources_of_rows(catalogue, rows):
        texts = (entry.id, entry.publisher, entry.title, entry.date_text, entry.url)
        sources.append([spreadsheet_safe(t) for t in texts])
        if entry.url:
            sources.cell(row=sources.max_row, column=5).hyperlink = entry.url
    for sheet, widths in ((figures, (18, 12, 9, 40, 22, 14, 12, 14, 10, 28, 40, 50)), (sources, (6, 26, 60, 16, 60))):
        sheet.freeze_panes = "A2"
        for cell in sheet[1]:
            cell.font = bold
        for i, width in enumerate(widths):
            sheet.column_dimensions[chr(ord("A") + i)].width = width
    atomic_write(Path(path), lambda tmp: workbook.save(str(tmp)))
