"""Print and print preview draw with the same routine as the PDF (checked through a PDF printer)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6 import QtGui, QtPrintSupport, QtWidgets

from chery_viewer.core.content import SectionContent
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.report import printing
from chery_viewer.report.printing import preview_fact_sheet, print_fact_sheet, render_to_printer

from .conftest import Exported, normalise


def _pdf_printer(path: Path, resolution: int | None = None) -> QtPrintSupport.QPrinter:
    printer = QtPrintSupport.QPrinter(QtPrintSupport.QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QtPrintSupport.QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QtGui.QPageSize(QtGui.QPageSize.PageSizeId.A4))
    if resolution:
        printer.setResolution(resolution)
    return printer


def test_printer_gets_the_same_pages_as_the_pdf(
    qapp: QtWidgets.QApplication, sheet: FactSheet, a4: Exported, sections: list[SectionContent], tmp_path: Path
):
    out = tmp_path / "printed.pdf"
    printer = _pdf_printer(out)
    printing.configure_printer(printer, sheet)
    layout = render_to_printer(printer, sheet)
    reader = PdfReader(out)
    assert layout.page_count == len(reader.pages) == len(a4.reader.pages)
    text = normalise(" ".join(page.extract_text() for page in reader.pages))
    assert all(normalise(k.value) in text for s in sections for k in s.kpis)
    assert [title for title, _, _ in layout.sections] == [item.title for item in a4.reader.outline]


def test_printer_at_another_resolution_is_scaled(
    qapp: QtWidgets.QApplication, sheet: FactSheet, a4: Exported, tmp_path: Path
):
    out = tmp_path / "printed-300dpi.pdf"
    printer = _pdf_printer(out)
    printer.setFullPage(True)
    printer.setResolution(300)
    layout = render_to_printer(printer, sheet)
    assert layout.page_count == len(PdfReader(out).pages) == len(a4.reader.pages)


def test_page_range_prints_only_those_pages(qapp: QtWidgets.QApplication, sheet: FactSheet, tmp_path: Path):
    out = tmp_path / "range.pdf"
    printer = _pdf_printer(out)
    printing.configure_printer(printer, sheet)
    printer.setPrintRange(QtPrintSupport.QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    render_to_printer(printer, sheet)
    pages = PdfReader(out).pages
    assert len(pages) == 2
    assert "Page 2 of" in normalise(pages[0].extract_text())
    assert "Page 3 of" in normalise(pages[1].extract_text())


@pytest.mark.parametrize("accepted", [True, False])
def test_print_dialog(
    qapp: QtWidgets.QApplication, sheet: FactSheet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, accepted: bool
):
    shown = []

    def exec_(dialog: QtPrintSupport.QPrintDialog) -> int:
        shown.append(dialog.windowTitle())
        code = QtWidgets.QDialog.DialogCode.Accepted if accepted else QtWidgets.QDialog.DialogCode.Rejected
        return int(code.value)

    monkeypatch.setattr(QtPrintSupport.QPrintDialog, "exec", exec_)
    out = tmp_path / "dialog.pdf"
    assert print_fact_sheet(None, sheet, printer=_pdf_printer(out)) is accepted
    assert shown == ["Print fact sheet"]
    assert out.exists() is accepted


def test_preview_paints_with_the_same_routine(
    qapp: QtWidgets.QApplication, sheet: FactSheet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    out = tmp_path / "preview.pdf"
    target = _pdf_printer(out)
    printing.configure_printer(target, sheet)

    def exec_(dialog: QtPrintSupport.QPrintPreviewDialog) -> int:
        dialog.paintRequested.emit(target)
        return int(QtWidgets.QDialog.DialogCode.Rejected.value)

    monkeypatch.setattr(QtPrintSupport.QPrintPreviewDialog, "exec", exec_)
    assert preview_fact_sheet(None, sheet) is False
    reader = PdfReader(out)
    assert len(reader.pages) >= 8
    assert normalise(sheet.title) in normalise(reader.pages[0].extract_text())
