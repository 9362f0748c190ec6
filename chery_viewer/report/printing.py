"""File > Print... and Print preview: the PDF's pages on a printer, drawn by the same ``paint_document``.

The printer is set to 96 dpi and full-page mode, so the painter's coordinates are the
layout pixels the PDF uses (pyqtgraph's cached pictures assume 96 dpi). A printer that
refuses 96 dpi gets a scaled painter instead, and ``paint_document`` then replays each
chart from a 96 dpi ``QPicture``. A page range chosen in the print dialog is honoured.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtPrintSupport, QtWidgets

from chery_viewer.core.audit import Analysis, analyse
from chery_viewer.core.content import SectionContent, build_sections
from chery_viewer.core.i18n import translate
from chery_viewer.report.canvas import page_for_layout
from chery_viewer.report.full_report import paint_document
from chery_viewer.report.geometry import DPI
from chery_viewer.report.pdf import ExportError
from chery_viewer.report.pdfmeta import document_title
from chery_viewer.report.templates import DocumentLayout

if TYPE_CHECKING:
    from chery_viewer.core.factsheet import FactSheet

__all__ = ["configure_printer", "preview_fact_sheet", "print_fact_sheet", "render_to_printer"]


def configure_printer(printer: QtPrintSupport.QPrinter, sheet: FactSheet) -> None:
    """96 dpi, full page (our own margins), portrait, named after the fact sheet."""
    printer.setResolution(DPI)
    printer.setFullPage(True)
    printer.setPageOrientation(QtGui.QPageLayout.Orientation.Portrait)
    printer.setDocName(document_title(sheet))
    printer.setCreator("chery-viewer")


def _selected_pages(printer: QtPrintSupport.QPrinter) -> Container[int] | None:
    """The page numbers (1-based) the user chose in the print dialog, or None for all."""
    if printer.printRange() != QtPrintSupport.QPrinter.PrintRange.PageRange:
        return None
    ranges = printer.pageRanges()
    return None if ranges.isEmpty() else _Ranges(ranges)


class _Ranges:
    """``QPageRanges`` as a container of page numbers."""

    def __init__(self, ranges: QtGui.QPageRanges) -> None:
        self.ranges = ranges

    def __contains__(self, page: object) -> bool:
        return isinstance(page, int) and self.ranges.contains(page)


def render_to_printer(
    printer: QtPrintSupport.QPrinter,
    sheet: FactSheet,
    analysis: Analysis | None = None,
    sections: Sequence[SectionContent] | None = None,
) -> DocumentLayout:
    """Paint the whole fact sheet on ``printer`` (a real printer, a PDF printer or a preview)."""
    analysis = analysis or analyse(sheet)
    sections = list(sections) if sections is not None else build_sections(sheet, analysis)
    painter = QtGui.QPainter()
    if not painter.begin(printer):
        raise ExportError(
            f"cannot print to {printer.printerName() or printer.outputFileName() or 'the printer'}: "
            "the printer could not be opened"
        )
    try:
        dpi = painter.device().logicalDpiX()
        if dpi != DPI:
            painter.scale(dpi / DPI, painter.device().logicalDpiY() / DPI)
        page = page_for_layout(printer.pageLayout())
        return paint_document(
            painter, page, sections, sheet, analysis, printer.newPage, only_pages=_selected_pages(printer)
        )
    finally:
        painter.end()


def print_fact_sheet(
    parent: QtWidgets.QWidget | None,
    sheet: FactSheet,
    printer: QtPrintSupport.QPrinter | None = None,
    analysis: Analysis | None = None,
    sections: Sequence[SectionContent] | None = None,
) -> bool:
    """Ask for a printer with ``QPrintDialog``, then print; False if cancelled or failed."""
    printer = printer or QtPrintSupport.QPrinter(QtPrintSupport.QPrinter.PrinterMode.HighResolution)
    configure_printer(printer, sheet)
    dialog = QtPrintSupport.QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("Report", "Print fact sheet"))
    if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
        return False
    try:
        render_to_printer(printer, sheet, analysis, sections)
    except Exception as exc:  # a printer or layout failure: a dialog, never a traceback in a slot
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Warning, translate("Report", "Not printed"),
                                    str(exc) if isinstance(exc, ExportError) else f"{type(exc).__name__}: {exc}",
                                    QtWidgets.QMessageBox.StandardButton.Ok, parent)  # fmt: skip
        box.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        box.exec()
        return False
    return True


def preview_fact_sheet(
    parent: QtWidgets.QWidget | None,
    sheet: FactSheet,
    printer: QtPrintSupport.QPrinter | None = None,
    analysis: Analysis | None = None,
    sections: Sequence[SectionContent] | None = None,
) -> bool:
    """Show the printed pages in ``QPrintPreviewDialog`` (which can print them); True if it printed."""
    printer = printer or QtPrintSupport.QPrinter(QtPrintSupport.QPrinter.PrinterMode.HighResolution)
    configure_printer(printer, sheet)
    analysis = analysis or analyse(sheet)
    # once (or as the window holds them): the dialog repaints on every page-setup change
    sections = list(sections) if sections is not None else build_sections(sheet, analysis)
    dialog = QtPrintSupport.QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(translate("Report", "Print preview: {title}").format(title=document_title(sheet)))

    def paint(target: QtPrintSupport.QPrinter) -> None:
        render_to_printer(target, sheet, analysis, sections)

    dialog.paintRequested.connect(paint)
    return dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted
