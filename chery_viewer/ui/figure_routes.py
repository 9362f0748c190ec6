"""The window's routes to and from a figure: View → All figures, a source id to Help → Sources,
and copying from its tabs.

One object per window (``window.figure_routes``) so the window itself only adds a menu item
and calls :meth:`FigureRoutes.attach` on each new panel. Everything follows the window's
current sheet and language: a new dataset or language rebuilds the table and the sources list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore

from chery_viewer.core.content import source_entries
from chery_viewer.core.content.catalogue import Catalogue, build_catalogue
from chery_viewer.core.content.context import Context
from chery_viewer.core.files import WriteError
from chery_viewer.core.i18n import translate
from chery_viewer.core.sections import SECTION_KEYS
from chery_viewer.ui.clipboard import ChartCopy, KpiCopy
from chery_viewer.ui.figures_table import FiguresDialog
from chery_viewer.ui.source_links import SourceLinks

if TYPE_CHECKING:
    from chery_viewer.ui.dialogs import SourcesDialog
    from chery_viewer.ui.main_window import MainWindow
    from chery_viewer.ui.panels import SectionPanel


class FigureRoutes(QtCore.QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.links = SourceLinks(self.show_source, self)
        self.figures: FiguresDialog | None = None
        self.sources: SourcesDialog | None = None
        self._context: Context | None = None
        self._catalogue: Catalogue | None = None
        self.sheet_changed()
        window.sigSheetChanged.connect(self.sheet_changed)

    # -- the current sheet -----------------------------------------------------------------

    def context(self) -> Context:
        if self._context is None or self._context.sheet is not self.window.sheet:
            self._context = Context(self.window.sheet, self.window.analysis)
        return self._context

    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            self._catalogue = build_catalogue(self.window.sheet, self.window.analysis)
        return self._catalogue

    def sheet_changed(self) -> None:
        """Another dataset or language: the ids, the table and the sources list follow it."""
        self._context = self._catalogue = None
        self.links.set_sources(source_entries(self.window.sheet))
        for name in ("figures", "sources"):
            dialog = getattr(self, name)
            if dialog is not None:
                visible = dialog.isVisible()
                dialog.close()
                dialog.deleteLater()
                setattr(self, name, None)
                if visible and name == "figures":
                    self.show_figures()

    def attach(self, panel: SectionPanel) -> None:
        """Live source ids, selectable text and copying in a newly built tab."""
        self.links.attach(panel)
        for view in panel.charts:
            ChartCopy(view, self.context)
        for card in panel.kpi_cards:
            KpiCopy(card, self.context)

    # -- View → All figures ------------------------------------------------------------------

    def show_figures(self) -> FiguresDialog:
        if self.figures is None:
            self.figures = FiguresDialog(self.catalogue(), self.window)
            self.figures.sigGoTo.connect(self.go_to)
            self.figures.sigSourceClicked.connect(self.show_source)
            self.figures.sigExportRequested.connect(self.export_figures)
        self.figures.show()
        self.figures.raise_()
        self.figures.activateWindow()
        self.figures.focus_search()
        return self.figures

    def go_to(self, section: str, name: str) -> None:
        """Show the tab of ``section`` (the row's own tab), the window in front."""
        if section in SECTION_KEYS:
            self.window.tabs.setCurrentIndex(SECTION_KEYS.index(section))
        self.window.raise_()
        self.window.activateWindow()
        shown = translate("Figures", "On this tab: {name}").format(name=name)
        self.window.statusBar().showMessage(shown, 4000)

    def export_figures(self, kind: str) -> bool:
        """The rows the table shows, to CSV or to an Excel workbook chosen in a save dialog."""
        if self.figures is None:
            return False
        from chery_viewer.ui.figures_export import write_figures_csv, write_figures_xlsx

        rows = self.figures.shown_rows()
        if kind == "xlsx":
            filters, default, write = (
                translate("Figures", "Excel workbooks (*.xlsx)"),
                translate("Figures", "chery-figures.xlsx"),
                write_figures_xlsx,
            )
        else:
            filters, default, write = (
                translate("Figures", "CSV files (*.csv)"),
                translate("Figures", "chery-figures.csv"),
                write_figures_csv,
            )
        path = self.window._save_path("figures", translate("Figures", "Export the figures shown"), default, filters)
        if not path:
            return False
        try:
            write(self.catalogue(), rows, path)
        except WriteError as exc:
            self.window._error(translate("Figures", "Figures not written"), str(exc))
            return False
        self.window._wrote(path)
        return True

    # -- a source id to Help → Sources ---------------------------------------------------------

    def show_source(self, source_id: str) -> SourcesDialog:
        """Help → Sources, beside the window, scrolled to ``source_id`` and highlighted."""
        from chery_viewer.ui.dialogs import SourcesDialog

        if self.sources is None:
            self.sources = SourcesDialog(self.window.sheet, self.window)
        self.sources.show()
        self.sources.raise_()
        self.sources.activateWindow()
        self.sources.show_entry(source_id)
        return self.sources
