"""The window's File and Help actions: PDF export, print and preview, chart exports, the
error box, and the Help dialogs. A mixin of ``MainWindow``, which holds the sheet, its
analysis and document, the settings, the layout choice and the chart last pointed at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6 import QtCore, QtWidgets

from chery_viewer.core.content.catalog import file_stem
from chery_viewer.core.content.context import Context
from chery_viewer.core.files import WriteError, describe_problem, regular_target
from chery_viewer.core.i18n import translate
from chery_viewer.graphics.image import IMAGE_SUFFIXES
from chery_viewer.ui.chart_export import DATA_SUFFIXES, PngSizeDialog, export_chart, remembered_scale, with_suffix
from chery_viewer.ui.charts import ChartView


class WindowActions:
    """File → Export/Print and Help for a ``QMainWindow`` that provides ``sheet``, ``analysis``,
    ``settings``, ``layout_choice``, ``document()``, ``core_document()`` and ``current_panel()``."""

    sheet: Any
    analysis: Any
    settings: Any
    layout_choice: Any
    _pointed_chart: ChartView | None
    _chosen_filter: str

    # -- file actions --------------------------------------------------------------------

    def _error(self, title: str, message: str) -> None:
        box = QtWidgets.QMessageBox(
            QtWidgets.QMessageBox.Icon.Critical, title, message, QtWidgets.QMessageBox.StandardButton.Ok, self
        )
        box.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        box.exec()

    def _save_path(self, purpose: str, title: str, default_name: str, filters: str, selected: str = "") -> str:
        """Ask for a file name; the chosen filter's suffix is added when the name has none of it."""
        start = str(Path(self.settings.directory(purpose)) / default_name)
        path, chosen = QtWidgets.QFileDialog.getSaveFileName(self, title, start, filters, selected)
        if not path:
            return ""
        self._chosen_filter = chosen
        suffix = chosen.rpartition("*")[2].rstrip(")").strip().lower()  # "PDF (*.pdf)" -> ".pdf"
        if suffix.startswith("."):
            from chery_viewer.ui.chart_export import with_suffix

            path = with_suffix(path, chosen, (suffix,))
        self.settings.set_directory(purpose, str(Path(path).parent))
        return path

    def export_pdf(self, path: str | None = None) -> bool:
        """Write the layout chosen in File → Document layout, or in the save dialog's file type."""
        if not path:
            filters, selected = self.layout_choice.filters()
            path = self._save_path(
                "pdf", translate("MainWindow", "Export PDF"), translate("MainWindow", "chery-fact-sheet.pdf"),
                filters, selected,
            )  # fmt: skip
            if not path:
                return False
            self.layout_choice.from_filter(self._chosen_filter)
        from chery_viewer.report.pdf import ExportError, export_pdf

        try:
            QtWidgets.QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
            try:
                export_pdf(self.sheet, Path(path), analysis=self.analysis, layout=self.layout_choice.current,
                           document=self.core_document())  # fmt: skip
            finally:
                QtWidgets.QApplication.restoreOverrideCursor()
        except ExportError as exc:
            self._error(translate("MainWindow", "PDF not written"), str(exc))
            return False
        self._wrote(path)
        return True

    def _wrote(self, path: str) -> None:
        self.statusBar().showMessage(translate("MainWindow", "Wrote {path}").format(path=path), 5000)

    def print_sheet(self) -> None:
        from chery_viewer.report.printing import print_fact_sheet

        print_fact_sheet(self, self.sheet, analysis=self.analysis, sections=self.document(),
                         layout=self.layout_choice.current)  # fmt: skip

    def preview_sheet(self) -> None:
        from chery_viewer.report.printing import preview_fact_sheet

        preview_fact_sheet(self, self.sheet, analysis=self.analysis, sections=self.document(),
                           layout=self.layout_choice.current)  # fmt: skip

    def chart_for_export(self) -> ChartView | None:
        """The chart last pointed at on the current tab (the mouse has moved to the menu since),
        else the tab's main chart."""
        panel = self.current_panel()
        if self._pointed_chart in panel.charts:
            return self._pointed_chart
        return panel.main_chart

    def _on_chart_hovered(self, chart: ChartView) -> None:
        self._pointed_chart = chart

    def _on_chart_export_requested(self, chart: ChartView, what: str) -> None:
        self._pointed_chart = chart
        if what == "image":
            self.export_chart_image()
        else:
            self.export_chart_data()

    def export_chart_image(self, path: str | None = None, scale: int | None = None) -> bool:
        """The chart last pointed at, with its title, units and sources, to a PNG or SVG file.

        From the menu, a PNG's size (1x, 2x, 3x) is asked after its name and remembered."""
        return self._export_chart(
            path,
            scale,
            translate("MainWindow", "Export chart image"),
            IMAGE_SUFFIXES,
            translate("MainWindow", "PNG image (*.png);;SVG image (*.svg)"),
            translate("MainWindow", "Image not written"),
        )

    def export_chart_data(self, path: str | None = None) -> bool:
        """The values of the chart last pointed at, with their sources, to a CSV file."""
        return self._export_chart(
            path,
            None,
            translate("MainWindow", "Export chart data"),
            DATA_SUFFIXES,
            translate("MainWindow", "CSV files (*.csv)"),
            translate("MainWindow", "Data not written"),
        )

    def _export_chart(
        self, path: str | None, scale: int | None, title: str, suffixes: tuple[str, ...], filters: str, failed: str
    ) -> bool:  # fmt: skip
        chart = self.chart_for_export()
        if chart is None:
            return False
        asked = not path
        if asked:
            start = str(Path(self.settings.directory("chart")) / f"{file_stem(chart.spec)}{suffixes[0]}")
            path, chosen = QtWidgets.QFileDialog.getSaveFileName(self, title, start, filters)
            if not path:
                return False
            path = with_suffix(path, chosen, suffixes)
            self.settings.set_directory("chart", str(Path(path).parent))
        assert path is not None
        try:
            regular_target(Path(path))  # a FIFO or a device is refused before any question or work
            if asked and Path(path).suffix.lower() == ".png" and scale is None:
                scale = PngSizeDialog.ask(chart.spec, remembered_scale(self.settings.store), self)
                if scale is None:
                    return False
                self.settings.store.setValue("export/png_scale", scale)
            export_chart(chart.spec, Context(self.sheet, self.analysis), path, scale or 1)
        except (WriteError, ValueError) as exc:
            self._error(failed, str(exc))
            return False
        except OSError as exc:
            self._error(failed, f"cannot write {path}: {describe_problem(exc)}")
            return False
        self._wrote(path)
        return True

    # -- help ---------------------------------------------------------------------------

    def show_sources(self) -> None:
        from chery_viewer.ui.dialogs import SourcesDialog

        SourcesDialog(self.sheet, self).exec()

    def show_audit(self) -> None:
        from chery_viewer.ui.dialogs import AuditDialog

        AuditDialog(self.sheet, self.analysis, self).exec()

    def show_shortcuts(self) -> None:
        from chery_viewer.ui.dialogs import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def show_about(self) -> None:
        from chery_viewer.ui.dialogs import about_text

        box = QtWidgets.QMessageBox(
            QtWidgets.QMessageBox.Icon.Information,
            translate("MainWindow", "About Chery Fact Sheet"),
            about_text(self.sheet),
            QtWidgets.QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        box.exec()
