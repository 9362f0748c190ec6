"""No markup from data, no links that run anything, nothing fetched from the network.

A copy of the bundled package gets HTML in its text fields (a figure's label and note, a
fact's title and text, a partner's name and deal, a source's title, publisher and URL, the
package's title and description). Wherever the text appears it must appear literally:
labels are plain text, tooltips escape it, the sources dialog and the PDF show it as typed.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.factsheet import FactSheet, load_factsheet
from chery_viewer.report.pdf import export_pdf
from chery_viewer.ui import dialogs
from chery_viewer.ui.charts import ChartView
from chery_viewer.ui.dialogs import AuditDialog, SourcesDialog, open_external, sources_html
from chery_viewer.ui.main_window import TAB_KEYS, MainWindow
from chery_viewer.ui.settings import Settings
from chery_viewer.ui.widgets import plain_tooltip

from .corpus import copy_package, edit_descriptor, set_cell

BOLD = "<b>bold</b><img src=x>"
LINK = "<a href='javascript:alert(1)'>x</a>"
URL = "https://example.com/a(b)\\c'd\"e?x=1&y=2#<b>bold</b>"

#: (file, row id, column, text): every text field of the package that reaches the reader.
INJECTED = (
    ("figures.csv", "patents_declared", "label", f"Patent applications filed {BOLD}"),
    ("figures.csv", "sales_2021", "note", f"A note {LINK}"),
    ("facts.csv", "first_million", "title", f"A million {BOLD}"),
    ("facts.csv", "first_million", "text", f"More than a million {LINK}"),
    ("partners.csv", "catl", "name", f"CATL {BOLD}"),
    ("partners.csv", "catl", "deal", f"A deal {LINK}"),
    ("sources.csv", "S1", "title", f"Gulf News {BOLD} {LINK}"),
    ("sources.csv", "S1", "publisher", f"Gulf {BOLD}"),
    ("sources.csv", "S1", "url", URL),
)
TITLE = f"Fact sheet {BOLD}"
DESCRIPTION = f"Business results {LINK}"


def markup_package(tmp_dir: Path) -> Path:
    package = copy_package(tmp_dir)
    for file, row_id, column, text in INJECTED:
        set_cell(package, file, row_id, column, text)
        if file != "sources.csv":  # the Chinese twin of each text gets the same markup
            set_cell(package, file, row_id, f"{column}@zh-CN", text)

    def change(descriptor: dict) -> None:
        descriptor["title"] = descriptor["title@zh-CN"] = TITLE
        descriptor["description"] = descriptor["description@zh-CN"] = DESCRIPTION

    edit_descriptor(package, change)
    return package


def shows_literally(rendered: str) -> bool:
    """No sign that the markup was interpreted: every 'bold' still has its tags, every 'alert' its link."""
    return rendered.count("bold") == rendered.count("<b>bold</b>") and rendered.count("alert(1)") == rendered.count(
        LINK
    )


def rendered_tooltip(tip: str) -> str:
    """The text a user reads in a tooltip: Qt shows it as rich text when it looks like rich text."""
    document = QtGui.QTextDocument()
    if QtGui.Qt.mightBeRichText(tip):
        document.setHtml(tip)
    else:
        document.setPlainText(tip)
    return document.toPlainText()


class NoNetwork:
    """Every way Python code opens a connection or resolves a name, replaced by a refusal that is recorded."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[str] = []

        def refuse(name: str):
            def refused(*args: object, **kwargs: object):
                self.calls.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
                raise OSError(f"network access in a test: {name}")

            return refused

        monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
        monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
        monkeypatch.setattr(socket.socket, "sendto", refuse("socket.sendto"))
        monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
        monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return markup_package(tmp_path_factory.mktemp("markup"))


@pytest.fixture(scope="module")
def sheet(package: Path) -> FactSheet:
    return load_factsheet(package)


@pytest.fixture(scope="module")
def window(
    qapp: QtWidgets.QApplication, sheet: FactSheet, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[MainWindow]:
    ini = tmp_path_factory.mktemp("settings") / "settings.ini"
    win = MainWindow(sheet, Settings(QtCore.QSettings(str(ini), QtCore.QSettings.Format.IniFormat)))
    win.resize(1280, 860)
    for key in TAB_KEYS:
        win.panel(key)
    yield win
    win.close()
    win.deleteLater()
    qapp.processEvents()


@pytest.fixture(scope="module")
def pdf(qapp: QtWidgets.QApplication, sheet: FactSheet, tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    return PdfReader(export_pdf(sheet, tmp_path_factory.mktemp("pdf") / "markup.pdf"), strict=True)


def test_the_markup_survives_loading(sheet: FactSheet) -> None:
    assert sheet.title == TITLE and sheet.description == DESCRIPTION
    assert sheet.figures["patents_declared"].label.endswith(BOLD)
    assert sheet.sources["S1"].url == URL
    assert next(p for p in sheet.partners if p.id == "catl").name == f"CATL {BOLD}"


# -- on screen ----------------------------------------------------------------------------------


OUR_MARKUP = re.compile(r'<a href="source:S[0-9]+"( style="color:#[0-9a-fA-F]{6}")?>|</a>|<br>')


def shown_text(widget: QtWidgets.QLabel) -> str:
    """What a label shows: its text, or for rich text the text its markup renders to."""
    if widget.textFormat() == QtCore.Qt.TextFormat.PlainText:
        return widget.text()
    document = QtGui.QTextDocument()
    document.setHtml(widget.text())
    return document.toPlainText()


def test_every_label_with_markup_is_plain_text(window: MainWindow) -> None:
    """A label is plain text, or rich text whose only markup is our own link around a source id
    (ui.source_links): the dataset's markup then shows literally, as characters."""
    labels = window.findChildren(QtWidgets.QLabel)
    with_markup = [w for w in labels if "<" in shown_text(w)]
    assert with_markup
    for widget in with_markup:
        if widget.textFormat() != QtCore.Qt.TextFormat.PlainText:
            assert widget.textFormat() == QtCore.Qt.TextFormat.RichText
            assert "<" not in OUR_MARKUP.sub("", widget.text()), widget.text()
    texts = "\n".join(shown_text(w) for w in with_markup)
    for expected in (f"A million {BOLD}", f"More than a million {LINK}", f"Gulf {BOLD}", DESCRIPTION, TITLE):
        assert expected in texts, expected


def test_window_title_is_literal(window: MainWindow) -> None:
    assert window.windowTitle() == TITLE


def test_widget_and_table_tooltips_escape_markup(window: MainWindow) -> None:
    tips = [w.toolTip() for w in window.findChildren(QtWidgets.QWidget) if w.toolTip()]
    for table in window.findChildren(QtWidgets.QTableWidget):
        tips += [
            table.item(r, c).toolTip()
            for r in range(table.rowCount())
            for c in range(table.columnCount())
            if table.item(r, c) is not None
        ]
    rendered = []
    for tip in tips:
        assert BOLD not in tip and LINK not in tip, f"raw markup in a tooltip: {tip}"
        text = rendered_tooltip(tip)
        assert shows_literally(text), text
        rendered.append(text)
    everything = "\n".join(rendered)
    for expected in (f"Patent applications filed {BOLD}", f"CATL {BOLD}", f"Gulf News {BOLD} {LINK}"):
        assert expected in everything, expected


def test_table_cells_are_literal(window: MainWindow) -> None:
    cells = [
        table.item(r, c).text()
        for table in window.findChildren(QtWidgets.QTableWidget)
        for r in range(table.rowCount())
        for c in range(table.columnCount())
        if table.item(r, c) is not None
    ]
    for expected in (f"Patent applications filed {BOLD}", f"CATL {BOLD}", f"A deal {LINK}"):
        assert expected in cells, expected


def test_chart_hover_tooltips_escape_markup(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QtWidgets.QToolTip, "showText", lambda _pos, text, *args: shown.append(text))
    monkeypatch.setattr(QtWidgets.QToolTip, "hideText", lambda *args: None)
    charts = window.findChildren(ChartView)
    assert len(charts) >= 8
    for chart in charts:
        for target in chart.targets:
            chart._on_mouse_moved(target.scene_center())
    assert shown
    rendered = []
    for tip in shown:
        assert BOLD not in tip and LINK not in tip
        text = rendered_tooltip(tip)
        assert shows_literally(text), text
        rendered.append(text)
    everything = "\n".join(rendered)
    for expected in (f"Patent applications filed {BOLD}", f"A note {LINK}", f"CATL {BOLD}", f"A deal {LINK}"):
        assert expected in everything, expected


def test_chart_texts_are_literal(window: MainWindow) -> None:
    texts = [
        item.toPlainText()
        for chart in window.findChildren(ChartView)
        for item in chart.scene().items()
        if isinstance(item, QtWidgets.QGraphicsTextItem)
    ]
    for text in texts:
        assert shows_literally(text), text
    assert f"CATL {BOLD}" in texts, "the partner's node label"


def test_plain_tooltip_escapes_and_keeps_lines() -> None:
    text = f"{BOLD}\n{LINK}\n&amp; <script>x</script>"
    assert rendered_tooltip(plain_tooltip(text)) == text


def test_sources_dialog_shows_markup_literally(qtbot, window: MainWindow, sheet: FactSheet) -> None:
    dialog = SourcesDialog(sheet, window)
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert f"Gulf News {BOLD} {LINK}" in text
    assert f"Gulf {BOLD}" in text
    assert URL in text
    assert shows_literally(text)
    assert "<img" not in dialog.browser.toHtml(), "an image element would mean the markup was parsed"
    anchors = _anchors(dialog.browser.document())
    assert len(anchors) == len(sheet.sources)
    assert all(href.startswith(("http://", "https://")) for href in anchors), anchors
    for widget in dialog.findChildren(QtWidgets.QLabel):
        assert widget.textFormat() == QtCore.Qt.TextFormat.PlainText


def test_sources_html_escapes_every_field(sheet: FactSheet) -> None:
    markup = sources_html(sheet)
    assert BOLD not in markup and LINK not in markup
    assert "javascript:" not in markup.replace("&#x27;javascript:alert(1)&#x27;", "")


def _anchors(document: QtGui.QTextDocument) -> list[str]:
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            href = fragment.charFormat().anchorHref()
            if href and (not found or found[-1] != href):
                found.append(href)
            it += 1
        block = block.next()
    return found


def test_audit_dialog_is_plain(qtbot, window: MainWindow, sheet: FactSheet) -> None:
    dialog = AuditDialog(sheet, window.analysis, window)
    qtbot.addWidget(dialog)
    for widget in dialog.findChildren(QtWidgets.QLabel):
        assert widget.textFormat() == QtCore.Qt.TextFormat.PlainText


def test_about_box_is_plain(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    boxes: list[QtWidgets.QMessageBox] = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "exec", lambda box: boxes.append(box) or 0)
    window.show_about()
    (box,) = boxes
    assert box.textFormat() == QtCore.Qt.TextFormat.PlainText
    assert TITLE in box.text()


# -- links -------------------------------------------------------------------------------------


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    def record(url: QtCore.QUrl) -> bool:
        calls.append(url.toString())
        return True

    monkeypatch.setattr(dialogs.QtGui.QDesktopServices, "openUrl", record)
    return calls


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.com/file",
        "mailto:someone@example.com",
        "https:relative/path",
        "https://",
        "",
    ],
)
def test_open_external_refuses(url: str, opened: list[str]) -> None:
    assert open_external(QtCore.QUrl(url)) is False
    assert opened == []


@pytest.mark.parametrize("url", ["http://example.com/a", "https://example.com/b?x=1", "HTTPS://EXAMPLE.COM/c"])
def test_open_external_opens_http_and_https(url: str, opened: list[str]) -> None:
    assert open_external(QtCore.QUrl(url)) is True
    assert len(opened) == 1


def test_links_open_only_when_clicked(qtbot, window: MainWindow, sheet: FactSheet, opened: list[str]) -> None:
    dialog = SourcesDialog(sheet, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.browser.openLinks() is False
    assert dialog.browser.openExternalLinks() is False
    assert opened == [], "showing the dialog opens nothing"
    dialog.browser.anchorClicked.emit(QtCore.QUrl("javascript:alert(1)"))
    assert opened == []
    dialog.browser.anchorClicked.emit(QtCore.QUrl(sheet.sources["S2"].url))
    assert opened == [sheet.sources["S2"].url]
    dialog.close()


# -- the PDF ---------------------------------------------------------------------------------------


def _pdf_text(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_pdf_shows_markup_literally(pdf: PdfReader) -> None:
    raw = _pdf_text(pdf)
    assert raw.count("<b>bold</b>") >= 6, "as typed, on the cover, in cards and tables"
    # A narrow table column may break a line after a '/' or '?' (as in a URL): join those again.
    text = re.sub(r"(?<=[/?]) ", "", raw)
    for expected in (
        TITLE,
        f"A million {BOLD}",
        f"More than a million {LINK}",
        f"CATL {BOLD}",
        f"A deal {LINK}",
        f"Gulf News {BOLD} {LINK}",
        f"Patent applications filed {BOLD}",
    ):
        assert expected in text, expected
    assert f"Gulf {BOLD}" in text and URL in text, "the sources table"


def test_pdf_links_are_the_source_urls_exactly(pdf: PdfReader, sheet: FactSheet) -> None:
    uris = [
        annot.get_object()["/A"]["/URI"]
        for page in pdf.pages
        for annot in page.get("/Annots") or []
        if annot.get_object().get("/Subtype") == "/Link"
    ]
    assert URL in uris, "a URL with quotes, brackets and a backslash survives PDF string escaping"
    assert all(re.match(r"https?://", uri) for uri in uris)
    assert sorted(uris) == sorted(s.url for s in sheet.sources.values())


# -- the network ---------------------------------------------------------------------------------


def test_nothing_is_fetched_from_the_network(
    qtbot, package: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Validation (frictionless), the window with every panel and dialog, and an export: no connection."""
    network = NoNetwork(monkeypatch)
    with pytest.raises(OSError):
        socket.create_connection(("example.com", 80))  # the guard works
    network.calls.clear()
    sheet = load_factsheet(package)  # a changed package: validated by frictionless
    window = MainWindow(sheet, Settings(QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.Format.IniFormat)))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for index in range(len(TAB_KEYS)):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(1)
    qtbot.addWidget(SourcesDialog(sheet, window))
    qtbot.addWidget(AuditDialog(sheet, window.analysis, window))
    export_pdf(sheet, tmp_path / "offline.pdf")
    assert (tmp_path / "offline.pdf").stat().st_size > 10_000
    assert network.calls == []
