"""Copying out of the window, always with the source: charts and KPI cards.

Ctrl+C on a focused chart (or its menu's Copy chart) puts the chart on the clipboard as PNG
and SVG, the same images File → Export chart image… writes (light, titled, cited), and
its values with their sources as tab-separated text and as an HTML table, so the paste is a
picture in a slide, a table in a document or a mail and cells in a spreadsheet. Copy data
puts only the values. On a KPI card, Ctrl+C and Copy citation give the figure with the full
reference of its source; Copy value gives the figure with its period.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.content import ChartSpec
from chery_viewer.core.content.context import Context
from chery_viewer.core.content.copying import (
    CopiedTable,
    chart_table,
    figure_citation,
    figure_citation_html,
    figure_value,
)
from chery_viewer.core.i18n import translate
from chery_viewer.ui.charts import ChartView
from chery_viewer.ui.widgets import KpiCard

__all__ = ["ChartCopy", "KpiCopy", "chart_mime", "copy_mime"]

ContextSource = Callable[[], Context]
IMAGE_SCALE = 2  # the PNG at 2x: sharp in a slide or on a high-density screen


def chart_mime(spec: ChartSpec, table: CopiedTable, ctx: Context | None = None) -> QtCore.QMimeData:
    """The chart's values with sources as text and HTML; with ``ctx``, also the chart as PNG and
    SVG: the very files File → Export chart image… writes (title, units, source line, as-of date,
    light theme), by the same writer, read back from a temporary folder."""
    mime = QtCore.QMimeData()
    if ctx is not None:
        import tempfile
        from pathlib import Path

        from chery_viewer.core.content.chart_data import chart_credits
        from chery_viewer.graphics.image import write_chart_image

        credits = chart_credits(spec, ctx)
        with tempfile.TemporaryDirectory(prefix="chery-copy-") as folder:
            png = write_chart_image(spec, credits, Path(folder) / "chart.png", IMAGE_SCALE)
            svg = write_chart_image(spec, credits, Path(folder) / "chart.svg")
            png_bytes, svg_bytes = png.read_bytes(), svg.read_bytes()
        image = QtGui.QImage.fromData(png_bytes, "PNG")
        mime.setImageData(image)
        mime.setData("image/png", QtCore.QByteArray(png_bytes))
        mime.setData("image/svg+xml", QtCore.QByteArray(svg_bytes))
    mime.setText(table.as_text())
    mime.setHtml(table.as_html())
    return mime


def copy_mime(mime: QtCore.QMimeData) -> None:
    QtWidgets.QApplication.clipboard().setMimeData(mime)


class ChartCopy(QtCore.QObject):
    """Ctrl+C and the Copy chart / Copy data menu items of one chart view."""

    def __init__(self, view: ChartView, context: ContextSource) -> None:
        super().__init__(view)
        self.view = view
        self.context = context
        view.installEventFilter(self)
        view.menu_extensions.append(self._extend_menu)

    def table(self) -> CopiedTable:
        return chart_table(self.context(), self.view.spec)

    def copy_chart(self) -> None:
        copy_mime(chart_mime(self.view.spec, self.table(), self.context()))
        _announce(self.view, translate("Clipboard", "Chart copied with its values and sources"))

    def copy_data(self) -> None:
        copy_mime(chart_mime(self.view.spec, self.table()))
        _announce(self.view, translate("Clipboard", "Chart values copied with their sources"))

    def _extend_menu(self, menu: QtWidgets.QMenu) -> None:
        menu.addSeparator()
        chart = menu.addAction(translate("Clipboard", "Copy chart"), self.copy_chart)
        chart.setShortcut(QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.Copy))
        menu.addAction(translate("Clipboard", "Copy data"), self.copy_data)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        return _copy_key(event, self.copy_chart)


class KpiCopy(QtCore.QObject):
    """Ctrl+C and the Copy value / Copy citation menu of one KPI card."""

    def __init__(self, card: KpiCard, context: ContextSource) -> None:
        super().__init__(card)
        self.card = card
        self.context = context
        if card.focusPolicy() == QtCore.Qt.FocusPolicy.NoFocus:
            card.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)  # Tab or a click reaches it, then Ctrl+C
        card.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
        card.customContextMenuRequested.connect(self._show_menu)
        card.installEventFilter(self)

    def value(self) -> str:
        return figure_value(self.context(), self.card.kpi.figure_id) or self.card.kpi.value

    def citation(self) -> str:
        return figure_citation(self.context(), self.card.kpi.figure_id) or self.value()

    def copy_value(self) -> None:
        QtWidgets.QApplication.clipboard().setText(self.value())
        _announce(self.card, translate("Clipboard", "Value copied"))

    def copy_citation(self) -> None:
        mime = QtCore.QMimeData()
        mime.setText(self.citation())
        mime.setHtml(figure_citation_html(self.context(), self.card.kpi.figure_id))
        copy_mime(mime)
        _announce(self.card, translate("Clipboard", "Citation copied"))

    def menu(self) -> QtWidgets.QMenu:
        menu = QtWidgets.QMenu(self.card)
        menu.addAction(translate("Clipboard", "Copy value"), self.copy_value)
        cite = menu.addAction(translate("Clipboard", "Copy citation"), self.copy_citation)
        cite.setShortcut(QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.Copy))
        return menu

    def _show_menu(self, pos: QtCore.QPoint) -> None:
        menu = self.menu()
        menu.exec(self.card.mapToGlobal(pos))
        menu.deleteLater()

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        return _copy_key(event, self.copy_citation)


def _copy_key(event: QtCore.QEvent, copy: Callable[[], None]) -> bool:
    """Ctrl+C (the platform's Copy key) copies; claimed before any window shortcut sees it."""
    if isinstance(event, QtGui.QKeyEvent) and event.matches(QtGui.QKeySequence.StandardKey.Copy):
        if event.type() == QtCore.QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        if event.type() == QtCore.QEvent.Type.KeyPress:
            copy()
            return True
    return False


def _announce(widget: QtWidgets.QWidget, text: str) -> None:
    """Say in the window's status bar what went to the clipboard."""
    window = widget.window()
    if isinstance(window, QtWidgets.QMainWindow):
        window.statusBar().showMessage(text, 4000)
