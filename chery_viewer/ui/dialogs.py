"""Help dialogs: the sources (with links that open only on click, only for http/https) and the audit."""

from __future__ import annotations

import html

from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer import __version__
from chery_viewer.core.audit import Analysis, describe_formula
from chery_viewer.core.content import Table
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.core.formatting import SAFE_URL_SCHEMES, format_with_unit, is_safe_url
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
        date = f", {html.escape(source.date)}" if source.date else ""
        items.append(
            f"<p><b>[{html.escape(source.id)}]</b> {html.escape(source.title)}<br>"
            f"<span>{html.escape(source.publisher)}{date}</span><br>{link}</p>"
        )
    return "".join(items)


class SourcesDialog(QtWidgets.QDialog):
    def __init__(self, sheet: FactSheet, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sources")
        self.resize(760, 560)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(
            label(f"{len(sheet.sources)} sources. Links open in your browser when you click them.", "muted", wrap=True)
        )
        self.browser = QtWidgets.QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(open_external)
        self.browser.setHtml(sources_html(sheet))
        layout.addWidget(self.browser)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def findings_table(analysis: Analysis) -> Table:
    return Table(
        "findings",
        "Discrepancies between the sources",
        ("Check", "Figure", "Published", "Recomputed", "Difference", "Explanation"),
        tuple((f.check, f.subject, f.stated, f.recomputed, f.difference, f.explanation) for f in analysis.findings),
    )


def derived_table(sheet: FactSheet, analysis: Analysis) -> Table:
    def lookup(fid: str):
        return analysis.figure(sheet, fid)

    rows = [f for f in sheet if f.derived] + list(analysis.derived.values())
    return Table(
        "derived",
        "Derived figures and their formulas",
        ("Figure", "Value", "Formula"),
        tuple(
            (
                f.label,
                format_with_unit(f.value, f.unit, f.approximate, f.lower_bound),
                describe_formula(f.formula, lookup),
            )
            for f in rows
        ),
    )


class AuditDialog(QtWidgets.QDialog):
    def __init__(self, sheet: FactSheet, analysis: Analysis, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Data audit")
        self.resize(980, 640)
        outer = QtWidgets.QVBoxLayout(self)
        scroll = QtWidgets.QScrollArea()
        scroll.setWidgetResizable(True)
        page = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(page)
        count = len(analysis.findings)
        layout.addWidget(
            label(
                f"Every published growth rate, sub-total, share and derived row was recomputed from the figures it "
                f"relates, allowing for the rounding of each. {count} disagreement{'s' if count != 1 else ''} found.",
                "",
                wrap=True,
            )
        )
        self.findings = TableView(findings_table(analysis))
        layout.addWidget(self.findings)
        layout.addWidget(TableView(derived_table(sheet, analysis)))
        layout.addStretch(1)
        scroll.setWidget(page)
        outer.addWidget(scroll)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)


def about_text(sheet: FactSheet) -> str:
    return (
        f"Chery Fact Sheet {__version__}\n\n"
        f"Dataset: {sheet.title}, version {sheet.version or 'n/a'}, as of {sheet.as_of or 'n/a'}.\n"
        f"{len(sheet.figures)} figures from {len(sheet.sources)} sources.\n\n"
        "Built with PySide6 (Qt), pandas and pyqtgraph."
    )
