"""The fact sheet as a PDF file: the full report painted on a ``QPdfWriter``, finished by
:mod:`chery_viewer.report.pdfmeta`, written atomically.

Works headless and never shows a window. The writer runs at exactly 96 dpi (the layout
pixels of :mod:`chery_viewer.report.geometry`), so charts stay vector with selectable text.
The finished bytes reach the target path through a temporary file in the same folder and
``os.replace``, so a failed export never leaves a partial file nor touches an existing one.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")  # pyqtgraph picks its binding on import

from PySide6 import QtCore, QtGui

from chery_viewer import __version__
from chery_viewer.core.audit import Analysis, analyse
from chery_viewer.core.content import SectionContent, build_sections
from chery_viewer.core.files import WriteError, atomic_write, describe_problem
from chery_viewer.core.i18n import data_language
from chery_viewer.core.signals import deferred
from chery_viewer.graphics.application import ensure_application
from chery_viewer.report.canvas import PAGE_SIZES, page_for_layout
from chery_viewer.report.full_report import closing_title, paint_document
from chery_viewer.report.geometry import DPI, PageInfo, page_size_key
from chery_viewer.report.pdfmeta import author, document_id, document_title, pdf_date, post_process, xmp
from chery_viewer.report.templates import DocumentLayout

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


class ExportError(Exception):
    """The PDF could not be written; the message is one readable line naming the file."""


def render_pdf_bytes(
    sheet: FactSheet,
    page_size: str = "A4",
    analysis: Analysis | None = None,
    sections: Sequence[SectionContent] | None = None,
) -> bytes:
    """The finished PDF (bookmarks, metadata, fixed dates and ID) as bytes; nothing touches the disk."""
    ensure_application()
    analysis = analysis or analyse(sheet)
    sections = list(sections) if sections is not None else build_sections(sheet, analysis)
    doc_id = document_id(sheet, analysis, sections, page_size, QtCore.qVersion())
    date, xmp_date = pdf_date(sheet)
    producer = f"Qt {QtCore.qVersion()}"

    # Qt writes the fonts in the order of a QHash: a random hash seed would shuffle the bytes.
    random_seed = QtCore.QHashSeed.globalSeed() != 0
    QtCore.QHashSeed.setDeterministicGlobalSeed()
    # The charts allocate many small objects: with pandas loaded, one full cyclic collection in
    # the middle costs tens of milliseconds; the garbage waits for the next collection instead.
    collecting = gc.isenabled()
    gc.disable()
    try:
        buffer = QtCore.QBuffer()
        buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
        writer = QtGui.QPdfWriter(buffer)
        writer.setResolution(DPI)
        writer.setPageLayout(
            QtGui.QPageLayout(
                QtGui.QPageSize(PAGE_SIZES[page_size]),
                QtGui.QPageLayout.Orientation.Portrait,
                QtCore.QMarginsF(0, 0, 0, 0),
            )
        )
        writer.setTitle(document_title(sheet))
        writer.setAuthor(author())
        writer.setCreator(f"chery-viewer {__version__}")
        writer.setDocumentId(QtCore.QUuid(str(doc_id)))
        writer.setDocumentXmpMetadata(QtCore.QByteArray(xmp(sheet, doc_id, xmp_date, producer)))
        page = page_for_layout(writer.pageLayout())
        painter = QtGui.QPainter()
        if not painter.begin(writer):
            raise RuntimeError("Qt could not start painting the PDF")
        try:
            layout = paint_document(painter, page, sections, sheet, analysis, writer.newPage)
        finally:
            painter.end()
        raw = bytes(buffer.data().data())
        buffer.close()
    finally:
        if collecting:
            gc.enable()
        if random_seed:
            QtCore.QHashSeed.resetRandomGlobalSeed()
    return post_process(raw, layout, page, sheet, date, producer)


def export_pdf(
    sheet: FactSheet,
    path: str | os.PathLike[str],
    page_size: str = "A4",
    analysis: Analysis | None = None,
    language: str | None = None,
    sections: Sequence[SectionContent] | None = None,
) -> Path:
    """Write the whole fact sheet to ``path`` as a PDF (A4 or Letter, portrait); return the path.

    ``sections`` (with ``analysis``) are what a window already shows, drawn as they are;
    without them they are built from the sheet. ``language`` ('en', 'zh_CN') is installed
    first and the sheet's texts taken in it (it rebuilds the sections); None keeps the current
    language and the sheet as given. The file appears only when complete; on any failure
    nothing is left behind, an existing file is untouched, and ``ExportError`` carries one line
    naming the file and the problem.
    """
    out = Path(path)
    key = page_size_key(page_size)
    if key is None:
        raise ExportError(f"cannot write {out}: unknown page size '{page_size}' (use A4 or Letter)")
    if language is not None:
        from chery_viewer.graphics.language import install_translators

        ensure_application()
        install_translators(language)
        sheet = sheet.localized(data_language(language))
        sections = None
    try:
        with deferred():  # Ctrl-C, SIGTERM, SIGHUP end the export at the next checkpoint, not inside Qt
            data = render_pdf_bytes(sheet, key, analysis, sections)
            atomic_write(out, lambda tmp: tmp.write_bytes(data))
    except WriteError as exc:
        raise ExportError(str(exc)) from exc
    except Exception as exc:  # a painting or layout failure: same one-line contract
        raise ExportError(f"cannot write {out}: {describe_problem(exc)}") from exc
    return out
