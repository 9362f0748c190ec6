"""Help dialogs (the sources, with links that open only on click and only for http/https; the audit;
the keyboard shortcuts) and the Open dataset file dialog."""

from __future__ import annotations

import html
import re
from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer import __version__
from chery_viewer.core.audit import Analysis
from chery_viewer.core.content import audit_tables, source_date
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.core.formatting import SAFE_URL_SCHEMES, is_safe_url, not_available
from chery_viewer.core.i18n import translate
from chery_viewer.ui.widgets import TableView, label


def open_external(url: QtCore.QUrl) -> bool:
    """Open a link in the browser only if it is http(s); anything else is refused."""
    if url.scheme().lower() not in SAFE_URL_SCHEMES or not url.host():
        return False
    return QtGui.QDesktopServices.openUrl(url)


def sources_html(sheet: FactSheet) -> str:
    """The source list as HTML in which every dataset string is escaped."""
    items = []
    for source in sheet.sources.values():
        url = QtCore.QUrl(source.url)
        link = html.escape(source.url)
        if is_safe_url(source.url) and url.scheme().lower() in SAFE_URL_SCHEMES:
            link = f"<a href='{html.escape(url.toString(), quote=True)}'>{link}</a>"
        date = f", {html.escape(source_date(source))}" if source.date else ""
        items.append(
            f"<p><a name='src-{html.escape(source.id, quote=True)}'></a>"
            f"<b>[{html.escape(source.id)}]</b> {html.escape(source.title)}<br>"
            f"<span>{html.escape(source.publisher)}{date}</span><br>{link}</p>"
        )
    return "".join(items)


class SourcesDialog(QtWidgets.QDialog):
    def __init__(self, sheet: FactSheet, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Dialogs", "Sources"))
        self.resize(760, 560)
        layout = QtWidgets.QVBoxLayout(self)
        intro = translate("Dialogs", "{count} sources. Links open in your browser when you click them.")
        layout.addWidget(label(intro.format(count=len(sheet.sources)), "muted", wrap=True))
        self.browser = QtWidgets.QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(open_external)
        self.browser.setHtml(sources_html(sheet))
        layout.addWidget(self.browser)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def show_entry(self, source_id: str) -> bool:
        """Scroll to one source and highlight it (a click on its id anywhere in the window)."""
        from chery_viewer.ui.source_links import highlight_entry

        colour = self.palette().color(QtGui.QPalette.ColorRole.Highlight).lighter(160)
        return highlight_entry(self.browser, source_id, colour)


class AuditDialog(QtWidgets.QDialog):
    def __init__(self, sheet: FactSheet, analysis: Analysis, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Dialogs", "Data audit"))
        self.resize(980, 640)
        outer = QtWidgets.QVBoxLayout(self)
        scroll = QtWidgets.QScrollArea()
        scroll.setWidgetResizable(True)
        page = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(page)
        count = len(analysis.findings)
        method = translate(
            "Dialogs",
            "Every published growth rate, sub-total, share and derived row was recomputed from the figures it "
            "relates, allowing for the rounding of each.",
        )
        found = (
            translate("Dialogs", "1 disagreement found.")
            if count == 1
            else translate("Dialogs", "{count} disagreements found.").format(count=count)
        )
        intro = translate("Dialogs", "{method} {found}").format(method=method, found=found)
        layout.addWidget(label(intro, "", wrap=True))
        findings, formulas = audit_tables(sheet, analysis)
        self.findings = TableView(findings)
        layout.addWidget(self.findings)
        layout.addWidget(TableView(formulas))
        layout.addStretch(1)
        scroll.setWidget(page)
        outer.addWidget(scroll)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)


def about_text(sheet: FactSheet) -> str:
    na = not_available()
    return "\n\n".join(
        (
            translate("Dialogs", "Chery Fact Sheet, app version {version}").format(version=__version__),
            translate("Dialogs", "Dataset: {title}, data version {version}, as of {date}.").format(
                title=sheet.title, version=sheet.version or na, date=sheet.as_of or na
            )
            + "\n"
            + translate("Dialogs", "{figures} figures from {sources} sources.").format(
                figures=len(sheet.figures), sources=len(sheet.sources)
            ),
            translate(
                "Dialogs",
                "An unofficial fact sheet, not affiliated with Chery. It is compiled from press reports, most of "
                "which reprint Chery's own releases; every figure names the report it comes from.",
            ),
            translate("Dialogs", "Built with PySide6 (Qt), pandas and pyqtgraph."),
        )
    )


def menu_text(text: str) -> str:
    """A menu item's text as read in a list: no mnemonic, neither "&Open" nor Chinese "打开(&O)"."""
    return re.sub(r"\(&[^&]\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def _shortcut_rows(window: QtWidgets.QMainWindow) -> list[tuple[str, str]]:
    """(menu path, keys) for every menu item that has a shortcut, in menu order."""
    rows: list[tuple[str, str]] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is None:
            continue
        for action in menu.actions():
            native = QtGui.QKeySequence.SequenceFormat.NativeText
            keys = translate("Dialogs", ", ").join(k.toString(native) for k in action.shortcuts())
            if keys and not action.isSeparator():
                path = translate("Dialogs", "{menu} → {item}").format(
                    menu=menu_text(top.text()), item=menu_text(action.text())
                )
                rows.append((path, keys))
    return rows


class ShortcutsDialog(QtWidgets.QDialog):
    """Help → Keyboard shortcuts (F1): the window's own shortcuts, read from its menus so the
    list cannot drift from them, and the keys Qt gives every window."""

    def __init__(self, window: QtWidgets.QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(translate("Dialogs", "Keyboard shortcuts"))
        layout = QtWidgets.QVBoxLayout(self)
        rows = _shortcut_rows(window)
        rows += [
            (
                translate("Dialogs", "Copy the chart or KPI card that has the focus, with its sources"),
                QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.Copy).toString(
                    QtGui.QKeySequence.SequenceFormat.NativeText
                ),
            ),
            (translate("Dialogs", "Open a menu, or pick an item in it"), translate("Dialogs", "Alt+underlined letter")),
            (translate("Dialogs", "Move between the controls of a dialog"), translate("Dialogs", "Tab, Shift+Tab")),
            (translate("Dialogs", "Close a dialog, a menu or a tooltip"), translate("Dialogs", "Esc")),
            (
                translate("Dialogs", "Move between the cards, charts, tables and notes of a page"),
                translate("Dialogs", "Tab, Shift+Tab"),
            ),
            (translate("Dialogs", "Move inside a table"), translate("Dialogs", "Arrow keys")),
            (
                translate("Dialogs", "In a chart: the next or previous value, the series above or below"),
                translate("Dialogs", "Left, Right, Up, Down (Home, End)"),
            ),
            (translate("Dialogs", "In a chart: its values as a table"), translate("Dialogs", "Enter, Alt+Shift+F11")),
        ]
        self.table = QtWidgets.QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([translate("Dialogs", "Action"), translate("Dialogs", "Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QtWidgets.QTableWidgetItem(what))
            self.table.setItem(row, 1, QtWidgets.QTableWidgetItem(keys))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        header = self.table.horizontalHeader()
        width = header.length() + self.table.frameWidth() * 2 + 40
        height = self.table.verticalHeader().length() + header.height() + self.table.frameWidth() * 2 + 70
        self.resize(max(width, 480), height)

    def entries(self) -> list[tuple[str, str]]:
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())]


class DatasetFileDialog(QtWidgets.QFileDialog):
    """File → Open dataset…: a package's datapackage.json, or the package's folder itself.

    A file dialog opens a folder when one is chosen; this one takes a folder that holds a
    datapackage.json as the answer instead (typed, or selected in the list), since that is
    how a data package is usually named.
    """

    def __init__(self, parent: QtWidgets.QWidget | None, start: str) -> None:
        super().__init__(
            parent,
            translate("MainWindow", "Open dataset"),
            start,
            translate("MainWindow", "Data package (datapackage.json);;JSON files (*.json);;All files (*)"),
        )
        self.setOption(QtWidgets.QFileDialog.Option.DontUseNativeDialog)  # a native one cannot take a folder
        self.setFileMode(QtWidgets.QFileDialog.FileMode.ExistingFile)
        self.setAcceptMode(QtWidgets.QFileDialog.AcceptMode.AcceptOpen)
        self.chosen = ""

    def accept(self) -> None:
        selected = self.selectedFiles()
        if len(selected) == 1 and (Path(selected[0]) / "datapackage.json").is_file():
            self.chosen = selected[0]
            QtWidgets.QDialog.accept(self)  # not QFileDialog's, which would open the folder
            return
        super().accept()
        if self.result() == QtWidgets.QDialog.DialogCode.Accepted and self.selectedFiles():
            self.chosen = self.selectedFiles()[0]


def ask_dataset_path(parent: QtWidgets.QWidget | None, start: str) -> str:
    """The package file or folder the user picked, or '' if they cancelled."""
    dialog = DatasetFileDialog(parent, start)
    return dialog.chosen if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted else ""
