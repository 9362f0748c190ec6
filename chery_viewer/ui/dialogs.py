"""Help dialogs: the sources (with links that open only on click, only for http/https) and the audit."""

from __future__ import annotations

import html

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
            translate("Dialogs", "Chery Fact Sheet {version}").format(version=__version__),
            translate("Dialogs", "Dataset: {title}, version {version}, as of {date}.").format(
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
