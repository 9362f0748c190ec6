"""View → All figures: every figure, fact and partner in one sortable, filterable table.

A ``QTableView`` over the core's :class:`~chery_viewer.core.content.figure_list.Catalogue`
through a ``QSortFilterProxyModel`` that filters by section, kind, source and free text.
Double-click a row to go to the tab that shows it; click a source cell to open Help →
Sources at that entry; the rows shown export to CSV or to an Excel workbook
(:mod:`chery_viewer.ui.figures_export`).
"""

from __future__ import annotations

from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.content.figure_list import (
    ENTRY_KINDS,
    Catalogue,
    CatalogueRow,
    catalogue_columns,
    entry_kind_name,
    row_cells,
    sorted_source_ids,
)
from chery_viewer.core.i18n import translate
from chery_viewer.core.sections import SECTION_KEYS, section_titles
from chery_viewer.ui.source_links import source_tooltip
from chery_viewer.ui.widgets import label, plain_tooltip

SECTION, TYPE, NAME, VALUE, PERIOD, KIND, SOURCE, FORMULA, LINK = range(9)
ROW_ROLE = QtCore.Qt.ItemDataRole.UserRole + 1
SORT_ROLE = QtCore.Qt.ItemDataRole.UserRole + 2
_ROOT = QtCore.QModelIndex()


class CatalogueModel(QtCore.QAbstractTableModel):
    """The catalogue's rows; the value column sorts by number, the period column by date."""

    def __init__(self, catalogue: Catalogue, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.headers = catalogue_columns()
        self.cells = [row_cells(catalogue, r) for r in catalogue.rows]
        self._order = {key: i for i, key in enumerate(SECTION_KEYS)}

    def rowCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.cells)

    def columnCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: QtCore.Qt.Orientation, role: int = 0) -> Any:
        if orientation == QtCore.Qt.Orientation.Horizontal and role == QtCore.Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def row(self, index: int) -> CatalogueRow:
        return self.catalogue.rows[index]

    def data(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row, column = self.catalogue.rows[index.row()], index.column()
        text = self.cells[index.row()][column]
        if role == QtCore.Qt.ItemDataRole.DisplayRole:
            return text
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return self._sort_key(row, column, text)
        if role == QtCore.Qt.ItemDataRole.ToolTipRole:
            if column == SOURCE:
                entries = [s for s in map(self.catalogue.source, row.source_ids) if s is not None]
                return plain_tooltip("\n\n".join(source_tooltip(s) for s in entries))
            return plain_tooltip(text) if text else None
        if role == QtCore.Qt.ItemDataRole.TextAlignmentRole and column == VALUE and row.number is not None:
            return int(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter)
        return None

    def _sort_key(self, row: CatalogueRow, column: int, text: str) -> Any:
        """Numbers by value (entries without one after every number), periods by date, sections
        in tab order, the rest by text."""
        if column == VALUE:
            return (0, row.number, "") if row.number is not None else (1, 0.0, text.casefold())
        if column == PERIOD:
            return (row.period_start, text)
        if column == SECTION:
            return (self._order.get(row.section, 99), "")
        return (text.casefold(), "")


class CatalogueFilter(QtCore.QSortFilterProxyModel):
    """Rows of one section, kind and source (None: any) whose texts contain every word searched."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.section: str | None = None
        self.kind: str | None = None
        self.source: str | None = None
        self.words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_filters(self, section: str | None, kind: str | None, source: str | None, text: str) -> None:
        begin = getattr(self, "beginFilterChange", None)  # Qt 6.10 and later; invalidateRowsFilter is deprecated
        if begin is not None:
            begin()
        self.section, self.kind, self.source = section, kind, source
        self.words = text.casefold().split()
        if begin is not None:
            self.endFilterChange(QtCore.QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, CatalogueModel)
        row = model.row(source_row)
        if self.section is not None and row.section != self.section:
            return False
        if self.kind is not None and row.kind != self.kind:
            return False
        if self.source is not None and self.source not in row.source_ids:
            return False
        if self.words:
            haystack = " ".join((*model.cells[source_row], row.id)).casefold()
            return all(w in haystack for w in self.words)
        return True

    def lessThan(self, left: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
                 right: QtCore.QModelIndex | QtCore.QPersistentModelIndex) -> bool:  # fmt: skip
        return left.data(SORT_ROLE) < right.data(SORT_ROLE)

    def shown_rows(self) -> list[CatalogueRow]:
        """The rows the table shows, in the order it shows them."""
        return [self.index(r, 0).data(ROW_ROLE) for r in range(self.rowCount())]


def _combo(name: str, items: list[tuple[str, str | None]]) -> QtWidgets.QComboBox:
    combo = QtWidgets.QComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip(name)
    for text, value in items:
        combo.addItem(text, value)
    return combo


class FiguresDialog(QtWidgets.QDialog):
    """The table of every figure, beside the window (not modal: the tabs stay usable).

    ``sigGoTo(row)`` asks the window for the tab that shows a row;
    ``sigSourceClicked(source_id)`` for Help → Sources at that entry.
    """

    sigGoTo = QtCore.Signal(object)
    sigSourceClicked = QtCore.Signal(str)
    sigExportRequested = QtCore.Signal(str)  # "csv" or "xlsx"

    def __init__(self, catalogue: Catalogue, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figures_dialog")
        self.setWindowTitle(translate("Figures", "All figures"))
        self.resize(1180, 680)
        self.catalogue = catalogue
        layout = QtWidgets.QVBoxLayout(self)
        intro = translate(
            "Figures",
            "Every figure, fact and partner of the dataset. Double-click a row to go to the tab that shows it; "
            "click a source to open it in Help → Sources.",
        )
        layout.addWidget(label(intro, "muted", wrap=True))
        bar = QtWidgets.QHBoxLayout()
        self.search = QtWidgets.QLineEdit()
        self.search.setObjectName("figures_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(translate("Figures", "Search figures, facts and partners…"))
        self.search.setAccessibleName(translate("Figures", "Search"))
        titles = section_titles()
        sections: list[tuple[str, str | None]] = [(titles[k], k) for k in SECTION_KEYS]
        kinds: list[tuple[str, str | None]] = [(entry_kind_name(k), k) for k in ENTRY_KINDS]
        self.section_combo = _combo(
            translate("Figures", "Section"), [(translate("Figures", "All sections"), None), *sections]
        )
        self.kind_combo = _combo(translate("Figures", "Kind"), [(translate("Figures", "All kinds"), None), *kinds])
        self.source_combo = _combo(translate("Figures", "Source"), [(translate("Figures", "All sources"), None)])
        for sid in sorted_source_ids(catalogue):
            entry = catalogue.source(sid)
            self.source_combo.addItem(f"[{sid}] {entry.publisher}" if entry else f"[{sid}]", sid)
        bar.addWidget(self.search, 3)
        for caption, combo in (
            (translate("Figures", "&Section:"), self.section_combo),
            (translate("Figures", "&Kind:"), self.kind_combo),
            (translate("Figures", "S&ource:"), self.source_combo),
        ):
            text = QtWidgets.QLabel(caption)
            text.setBuddy(combo)
            bar.addWidget(text)
            bar.addWidget(combo, 1)
        layout.addLayout(bar)
        self.model = CatalogueModel(catalogue, self)
        self.proxy = CatalogueFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QtWidgets.QTableView()
        self.view.setObjectName("figures_view")
        self.view.setAccessibleName(translate("Figures", "All figures"))
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, QtCore.Qt.SortOrder.AscendingOrder)  # dataset order until a header is clicked
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionsClickable(True)
        for column, width in ((SECTION, 90), (TYPE, 70), (NAME, 260), (VALUE, 130), (PERIOD, 100), (KIND, 70),
                              (SOURCE, 190), (FORMULA, 220)):  # fmt: skip
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.view.doubleClicked.connect(self._on_double_clicked)
        self.view.clicked.connect(self._on_clicked)
        layout.addWidget(self.view, 1)
        foot = QtWidgets.QHBoxLayout()
        self.count_label = label("", "muted")
        foot.addWidget(self.count_label, 1)
        self.csv_button = QtWidgets.QPushButton(translate("Figures", "Export &CSV…"))
        self.xlsx_button = QtWidgets.QPushButton(translate("Figures", "Export E&xcel…"))
        self.csv_button.setToolTip(translate("Figures", "The rows shown, with their sources, as CSV"))
        xlsx_tip = translate("Figures", "The rows shown, with a sheet of their sources, as an Excel workbook")
        self.xlsx_button.setToolTip(xlsx_tip)
        self.csv_button.clicked.connect(lambda: self.sigExportRequested.emit("csv"))
        self.xlsx_button.clicked.connect(lambda: self.sigExportRequested.emit("xlsx"))
        close = QtWidgets.QPushButton(translate("Figures", "Close"))
        close.clicked.connect(self.close)
        for button in (self.csv_button, self.xlsx_button, close):
            button.setAutoDefault(False)
            foot.addWidget(button)
        layout.addLayout(foot)
        self.search.textChanged.connect(self._refilter)
        for combo in (self.section_combo, self.kind_combo, self.source_combo):
            combo.currentIndexChanged.connect(self._refilter)
        find = QtGui.QShortcut(QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_search)
        self._refilter()

    def focus_search(self) -> None:
        self.search.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def shown_rows(self) -> list[CatalogueRow]:
        return self.proxy.shown_rows()

    def _refilter(self) -> None:
        self.proxy.set_filters(
            self.section_combo.currentData(), self.kind_combo.currentData(), self.source_combo.currentData(),
            self.search.text(),
        )  # fmt: skip
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(translate("Figures", "{shown} of {total} shown").format(shown=shown, total=total))
        for button in (self.csv_button, self.xlsx_button):
            button.setEnabled(shown > 0)

    def _on_double_clicked(self, index: QtCore.QModelIndex) -> None:
        row: CatalogueRow = index.data(ROW_ROLE)
        if index.column() != SOURCE and row is not None:
            self.sigGoTo.emit(row)

    def _on_clicked(self, index: QtCore.QModelIndex) -> None:
        row: CatalogueRow = index.data(ROW_ROLE)
        if index.column() == SOURCE and row is not None and row.source_ids:
            self.sigSourceClicked.emit(row.source_ids[0])
