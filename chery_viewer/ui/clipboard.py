"""Copying out of the window, always with the source: charts and KPI cards.

Ctrl+C on a focused chart (or its menu's Copy chart) puts the chart on the clipboard as PNG
and SVG, drawn on a light background with its title above and its source line under it, and
its values with their sources as tab-separated text and as an HTML table, so the paste is a
picture in a slide, a table in a document or a mail and cells in a spreadsheet. Copy data
puts only the values. On a KPI card, Ctrl+C and Copy citation give the figure with the full
reference of its source; Copy value gives the figure with its period.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.content import ChartSpec
from chery_viewer.core.content.citations import source_line
from chery_viewer.core.content.context import Context
from chery_viewer.core.content.copying import (
    CopiedTable,
    chart_table,
    figure_citation,
    figure_citation_html,
    figure_value,
)
from chery_viewer.core.i18n import translate
from chery_viewer.graphics.render import LAYOUT_DPI, render_chart
from chery_viewer.graphics.theme import LIGHT, Theme
from chery_viewer.ui.charts import ChartView
from chery_viewer.ui.widgets import KpiCard

__all__ = ["ChartCopy", "KpiCopy", "chart_mime", "copy_mime", "paint_cited_chart"]

IMAGE_SCALE = 2  # the PNG has twice the chart's pixels: sharp in a slide or on a high-density screen
TITLE_HEIGHT = 30
MARGIN = 10

ContextSource = Callable[[], Context]


def _fonts(font: QtGui.QFont) -> tuple[QtGui.QFont, QtGui.QFont]:
    base = max(font.pointSizeF(), 9.0)
    title, small = QtGui.QFont(font), QtGui.QFont(font)
    title.setPointSizeF(base * 1.15)
    title.setBold(True)
    small.setPointSizeF(base * 0.9)
    return title, small


def _foot_height(font: QtGui.QFont, width: int, cited: str) -> int:
    """The height of the source line, wrapped to ``width`` (a chart with many sources needs two lines)."""
    metrics = QtGui.QFontMetrics(_fonts(font)[1])
    flags = int(QtCore.Qt.TextFlag.TextWordWrap)
    return metrics.boundingRect(QtCore.QRect(0, 0, width - 2 * MARGIN, 10_000), flags, cited).height() + 10


def cited_size(chart: QtCore.QSize, font: QtGui.QFont, cited: str) -> QtCore.QSize:
    """The whole image: the title band, the chart at ``chart`` and the source line under it."""
    return QtCore.QSize(chart.width(), TITLE_HEIGHT + chart.height() + _foot_height(font, chart.width(), cited))


def paint_cited_chart(
    painter: QtGui.QPainter, spec: ChartSpec, size: QtCore.QSize, theme: Theme, font: QtGui.QFont, cited: str
) -> None:
    """The chart with its title above and ``cited`` (its source line) under it, filling ``size``."""
    w, h = size.width(), size.height()
    foot = _foot_height(font, w, cited)
    title_font, small = _fonts(font)
    painter.fillRect(QtCore.QRectF(0, 0, w, h), QtGui.QColor(theme.background))
    painter.setPen(QtGui.QColor(theme.foreground))
    painter.setFont(title_font)
    left = QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter
    painter.drawText(QtCore.QRectF(MARGIN, 0, w - 2 * MARGIN, TITLE_HEIGHT), left, spec.title)
    render_chart(spec, painter, QtCore.QRectF(0, TITLE_HEIGHT, w, h - TITLE_HEIGHT - foot), theme, font)
    painter.setFont(small)
    painter.setPen(QtGui.QColor(theme.muted))
    top_left = QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignTop
    wrap = int(top_left) | int(QtCore.Qt.TextFlag.TextWordWrap)
    painter.drawText(QtCore.QRectF(MARGIN, h - foot + 5, w - 2 * MARGIN, foot - 5), wrap, cited)


def _png(spec: ChartSpec, size: QtCore.QSize, theme: Theme, font: QtGui.QFont, cited: str) -> QtGui.QImage:
    image = QtGui.QImage(size * IMAGE_SCALE, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(IMAGE_SCALE)
    # 96 logical dots to the inch, as pyqtgraph's caches assume; the ratio doubles the pixels.
    dots = round(LAYOUT_DPI / 0.0254)
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    image.fill(QtGui.QColor(theme.background))
    _paint(image, spec, size, theme, font, cited)
    return image


def _svg(spec: ChartSpec, size: QtCore.QSize, theme: Theme, font: QtGui.QFont, cited: str, about: str) -> bytes:
    from PySide6 import QtSvg

    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    generator = QtSvg.QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setResolution(LAYOUT_DPI)
    generator.setViewBox(QtCore.QRect(QtCore.QPoint(0, 0), size))
    generator.setTitle(spec.title)
    generator.setDescription(about)
    _paint(generator, spec, size, theme, font, cited)
    buffer.close()
    return bytes(buffer.data().data())


def _paint(device: QtGui.QPaintDevice, spec: ChartSpec, size: QtCore.QSize, theme: Theme, font: QtGui.QFont,
           cited: str) -> None:  # fmt: skip
    painter = QtGui.QPainter()
    if not painter.begin(device):
        raise RuntimeError("the image could not be drawn")
    try:
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
        paint_cited_chart(painter, spec, size, theme, font, cited)
    finally:
        painter.end()


def chart_mime(
    spec: ChartSpec, table: CopiedTable, size: QtCore.QSize, font: QtGui.QFont, theme: Theme = LIGHT,
    with_image: bool = True,
) -> QtCore.QMimeData:  # fmt: skip
    """The chart as PNG and SVG (if ``with_image``), the chart itself at ``size`` with its title and
    source line around it, and its values with sources as text and HTML."""
    mime = QtCore.QMimeData()
    if with_image:
        cited = source_line(table.sources)
        size = cited_size(size, font, cited)
        image = _png(spec, size, theme, font, cited)
        mime.setImageData(image)
        png = QtCore.QBuffer()
        png.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
        image.save(png, "PNG")
        mime.setData("image/png", png.data())
        mime.setData("image/svg+xml", QtCore.QByteArray(_svg(spec, size, theme, font, cited, cited)))
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
        copy_mime(chart_mime(self.view.spec, self.table(), self.view.size(), self.view.font()))
        _announce(self.view, translate("Clipboard", "Chart copied with its values and sources"))

    def copy_data(self) -> None:
        copy_mime(chart_mime(self.view.spec, self.table(), self.view.size(), self.view.font(), with_image=False))
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
