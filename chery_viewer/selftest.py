"""``chery-viewer --self-test``: does this installation (a wheel or the standalone bundle) work?

It draws one frame of the main window offscreen and writes the fact sheet to a PDF in a
temporary folder, then checks that both came out with something on them. The window gets
settings of its own in that folder, so a self-test never changes what the user's window
remembers. Meant for a bundle on a machine with no Python: it catches a missing Qt plugin,
font, translation or data file.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from chery_viewer.core.factsheet import FactSheet

_PAGE = re.compile(rb"/Type\s*/Page[^s]")


class SelfTestError(Exception):
    """One part of the self-test failed; the message says which and why."""


def run_self_test(sheet: FactSheet, language: str | None = None) -> str:
    """Render the window and the PDF; return one line saying what was checked, or raise SelfTestError."""
    from PySide6 import QtCore

    from chery_viewer.ui import language as ui_language
    from chery_viewer.ui.app import make_application

    app = make_application()

    with tempfile.TemporaryDirectory(prefix="chery-viewer-self-test-") as folder:
        chosen = language or ui_language.preferred()
        ui_language.install(chosen)
        width, height, colours = _window_frame(sheet, Path(folder))
        pdf = Path(folder) / "self-test.pdf"
        from chery_viewer.report.pdf import ExportError, export_pdf

        try:
            export_pdf(sheet, pdf, language=chosen)
        except ExportError as exc:
            raise SelfTestError(f"PDF: {exc}") from None
        data = pdf.read_bytes()
        pages = len(_PAGE.findall(data))
        if not data.startswith(b"%PDF-") or pages == 0:
            raise SelfTestError("PDF: the file written has no page")
    app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents)
    return (
        f"self-test passed ({chosen}): window frame {width}x{height} with {colours} colours, "
        f"PDF of {pages} pages, {len(data) // 1024} KiB"
    )


def _window_frame(sheet: FactSheet, folder: Path) -> tuple[int, int, int]:
    from PySide6 import QtCore

    from chery_viewer.ui.main_window import MainWindow
    from chery_viewer.ui.settings import Settings

    settings = Settings(QtCore.QSettings(str(folder / "settings.ini"), QtCore.QSettings.Format.IniFormat))
    window = MainWindow(sheet, settings)
    try:
        window.resize(1280, 860)
        window.show()
        QtCore.QCoreApplication.processEvents()
        image = window.grab().toImage()
        if image.isNull() or image.width() < 100:
            raise SelfTestError("window: nothing was drawn")
        colours = _colours(image)
        if colours < 8:
            raise SelfTestError(f"window: the frame is nearly blank ({colours} colours)")
        return image.width(), image.height(), colours
    finally:
        window.close()
        window.deleteLater()


def _colours(image: object) -> int:
    """How many distinct colours a coarse grid of samples finds (a blank frame has one or two)."""
    seen = set()
    w, h = image.width(), image.height()  # type: ignore[attr-defined]
    for y in range(0, h, max(1, h // 40)):
        for x in range(0, w, max(1, w // 40)):
            seen.add(image.pixel(x, y))  # type: ignore[attr-defined]
    return len(seen)
