"""The window's routes to and from a figure: View → All figures, a source id to Help → Sources,
and copying from its tabs.

One object per window (``window.figure_routes``) so the window itself only adds a menu item
and calls :meth:`FigureRoutes.attach` on each new panel. Everything follows the window's
current sheet and language: a new dataset or language rebuilds the table and the sources list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets

from chery_viewer.core.content import source_entries
from chery_viewer.core.content.context import Context
from chery_viewer.core.content.figure_list import Catalogue, CatalogueRow, build_catalogue
from chery_viewer.core.files import WriteError
from chery_viewer.core.i18n import translate
from chery_viewer.core.sections import SECTION_KEYS
from chery_viewer.ui.clipboard import ChartCopy, KpiCopy
from chery_viewer.ui.figures_table import FiguresDialog
from chery_viewer.ui.source_links import SourceLinks
from chery_viewer.ui.widgets import TableView

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
        self._sheet: object = None  # the sheet the ids, context and catalogue were made from
        self._sync()
        window.sigSheetChanged.connect(self.sheet_changed)

    # -- the current sheet -----------------------------------------------------------------

    def _sync(self) -> None:
        """Follow the window's sheet, which a new dataset or language replaces before any signal:
        a panel built for the new sheet must already see its sources."""
        if self._sheet is not self.window.sheet:
            self._sheet = self.window.sheet
            self._context = self._catalogue = None
            self.links.set_sources(source_entries(self.window.sheet))

    def context(self) -> Context:
        self._sync()
        if self._context is None:
            self._context = Context(self.window.sheet, self.window.analysis)
        return self._context

    def catalogue(self) -> Catalogue:
        self._sync()
        if self._catalogue is None:
            self._catalogue = build_catalogue(self.window.sheet, self.window.analysis)
        return self._catalogue

    def sheet_changed(self) -> None:
        """Another dataset or language: the table and the sources list follow it (reopened if shown)."""
        self._sync()
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
        self._sync()
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

    def go_to(self, row: CatalogueRow) -> None:
        """Show the tab of the row's section, the window in front, scrolled to where the tab shows
        the entry (its row in a table, selected, or its card or label) when it shows it by name."""
        if row.section not in SECTION_KEYS:
            return
        self.window.tabs.setCurrentIndex(SECTION_KEYS.index(row.section))
        self.window.raise_()
        self.window.activateWindow()
        panel = self.window.current_panel()
        _settle_layouts()
        found = find_shown(panel, row.shown_as, row.shown_cell) if row.shown_as else None
        if found is not None:
            widget, point = found
            at = widget.mapTo(panel.widget(), point)
            panel.ensureVisible(at.x(), at.y(), 40, 120)
        shown = translate("Figures", "On this tab: {name}").format(name=row.label)
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


def find_shown(
    panel: QtWidgets.QWidget, text: str, cell: tuple[str, str] = ()
) -> tuple[QtWidgets.QWidget, QtCore.QPoint] | None:
    """Where ``panel`` shows an entry called ``text``: the row of a table whose first column holds
    it, else the cell of a grid (a row labelled ``cell[0]`` with a cell ``cell[1]``; the row is
    then selected, the cell current), else a label with exactly that text; with a point inside it."""
    tables = panel.findChildren(TableView)
    for table in tables:
        for r in range(table.rowCount()):
            item = table.item(r, 0)
            if item is not None and item.text() == text:
                table.selectRow(r)
                return table, QtCore.QPoint(10, _row_middle(table, r))
    for table in tables if cell else ():
        for r in range(table.rowCount()):
            item = table.item(r, 0)
            if item is None or item.text() != cell[0]:
                continue
            for c in range(1, table.columnCount()):
                found = table.item(r, c)
                if found is not None and cell[1] in found.text().split(translate("Content", "; ")):
                    table.setCurrentCell(r, c)
                    return table, QtCore.QPoint(table.columnViewportPosition(c) + 10, _row_middle(table, r))
    label = next((w for w in panel.findChildren(QtWidgets.QLabel) if w.text() == text), None)
    return (label, QtCore.QPoint(10, label.height() // 2)) if label is not None else None


def _settle_layouts() -> None:
    """Lay out a page that has only just been shown (built now, or finished from a part built
    ahead). Until the events its showing posted (polish, layout requests, resizes) have run, its
    widgets sit where Qt first put them (a table at the page's top, 640x480) and the scroll
    range is short: scrolling to a row then stopped far above it."""
    for _ in range(3):  # a layout's new size can ask its parents for another pass
        QtWidgets.QApplication.sendPostedEvents()


def _row_middle(table: TableView, r: int) -> int:
    return table.horizontalHeader().height() + table.rowViewportPosition(r) + table.rowHeight(r) // 2
