"""The window's chart: a thin interactive view over a :class:`~chery_viewer.graphics.chart.ChartScene`.

The scene draws the chart (the same one the PDF, the printer and image export draw, with no
widget); this view adds what only a screen has: hover tooltips, a context menu with the
chart's own exports, and a cached frame so showing a tab again is a blit.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.content import ChartSpec
from chery_viewer.core.i18n import translate
from chery_viewer.graphics.axes import compact_number
from chery_viewer.graphics.chart import ChartScene, HoverTarget
from chery_viewer.graphics.render import lay_out
from chery_viewer.graphics.theme import LIGHT, Theme

__all__ = ["TOOLTIP_MS", "ChartView", "compact_number", "prepare_for_render"]

TOOLTIP_MS = 3_600_000  # up while the pointer rests on the element; Qt hides it when it leaves


class ChartView(pg.GraphicsView):
    """One chart, drawn from its spec; hover any element for its exact value and source.

    A right click offers the chart's own exports (``sigExportRequested`` with "image" or
    "data"); the window remembers the chart last pointed at for its File menu.
    """

    sigExportRequested = QtCore.Signal(object, str)
    sigHovered = QtCore.Signal(object)

    def __init__(
        self,
        spec: ChartSpec,
        theme: Theme = LIGHT,
        parent: QtWidgets.QWidget | None = None,
        font: QtGui.QFont | None = None,
    ) -> None:
        super().__init__(parent, background=theme.background)
        self.chart = ChartScene(spec, theme, font if font is not None else self.font())
        self.spec, self.theme = spec, theme
        self.ci = self.chart.layout
        self.setCentralItem(self.ci)
        self.setMinimumHeight(220)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._frame: QtGui.QPixmap | None = None

    @property
    def plot(self) -> pg.PlotItem:
        return self.chart.plot

    @property
    def upper(self) -> pg.PlotItem | None:
        return self.chart.upper

    @property
    def targets(self) -> list[HoverTarget]:
        return self.chart.targets

    def tooltip_at(self, scene_pos: QtCore.QPointF) -> str:
        """Tooltip of the element under ``scene_pos`` (points win over bars), or ''."""
        return self.chart.tooltip_at(scene_pos)

    # -- painting -----------------------------------------------------------------------

    def enterEvent(self, event: QtCore.QEvent) -> None:
        super().enterEvent(event)
        self.sigHovered.emit(self)

    def contextMenuEvent(self, event: QtGui.QContextMenuEvent) -> None:
        menu = QtWidgets.QMenu(self)
        menu.addAction(
            translate("MainWindow", "Export chart image…"), lambda: self.sigExportRequested.emit(self, "image")
        )
        menu.addAction(
            translate("MainWindow", "Export chart data…"), lambda: self.sigExportRequested.emit(self, "data")
        )
        menu.exec(event.globalPos())

    def resizeEvent(self, event: QtGui.QResizeEvent | None) -> None:
        self._frame = None
        super().resizeEvent(event)

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        """Paint from a cached frame while nothing in the scene has changed.

        A chart is drawn once from its spec and never changes afterwards (a new theme or
        dataset builds new charts), so only a new size needs a new frame. Showing a tab
        again then costs a blit instead of several milliseconds of scene painting per plot.
        Printing, PDF and SVG export render the scene directly and stay vector.
        """
        viewport = self.viewport()
        ratio = viewport.devicePixelRatioF()
        size = viewport.size() * ratio
        if self._frame is None or self._frame.size() != size:
            frame = QtGui.QPixmap(size)
            frame.setDevicePixelRatio(ratio)
            frame.fill(self.backgroundBrush().color())
            painter = QtGui.QPainter(frame)
            try:
                painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
                rect = QtCore.QRectF(viewport.rect())
                self.scene().render(painter, rect, self.mapToScene(viewport.rect()).boundingRect())
            finally:
                painter.end()
            self._frame = frame
        painter = QtGui.QPainter(viewport)
        try:
            painter.drawPixmap(0, 0, self._frame)
        finally:
            painter.end()

    def getPlotItem(self) -> pg.PlotItem:
        return self.plot

    def target_at(self, scene_pos: QtCore.QPointF) -> HoverTarget | None:
        return self.chart.target_at(scene_pos)

    def viewportEvent(self, event: QtCore.QEvent) -> bool:
        """Answer Qt's own tooltip request for the element under the pointer.

        Qt sends ``QEvent.ToolTip`` about 0.7 s after the pointer rests; left to the scene,
        ``QGraphicsScene.helpEvent`` replies with an empty tooltip and hides the one shown
        on the mouse move, a second before a source note could be read.
        """
        if isinstance(event, QtGui.QHelpEvent) and event.type() == QtCore.QEvent.Type.ToolTip:
            self._show_tooltip(event.pos(), event.globalPos())
            return True
        return super().viewportEvent(event)

    def _show_tooltip(self, viewport_pos: QtCore.QPoint, global_pos: QtCore.QPoint) -> None:
        """Show the element's tooltip while the pointer stays on it, or hide any."""
        from chery_viewer.ui.widgets import plain_tooltip

        _EscapeHidesTooltip.install()
        target = self.target_at(self.mapToScene(viewport_pos))
        if target is None:
            QtWidgets.QToolTip.hideText()
            return
        area = self.mapFromScene(target.scene_rect()).boundingRect().adjusted(-2, -2, 2, 2)
        QtWidgets.QToolTip.showText(global_pos, plain_tooltip(target.tooltip), self.viewport(), area, TOOLTIP_MS)

    def _on_mouse_moved(self, scene_pos: QtCore.QPointF) -> None:
        viewport_pos = self.mapFromScene(scene_pos)
        self._show_tooltip(viewport_pos, self.viewport().mapToGlobal(viewport_pos))


class _EscapeHidesTooltip(QtCore.QObject):
    """Esc hides a shown tooltip wherever the keyboard focus is, so the user can dismiss
    it without moving the pointer (WCAG 1.4.13); the key then goes on as usual."""

    _installed: _EscapeHidesTooltip | None = None

    @classmethod
    def install(cls) -> None:
        app = QtWidgets.QApplication.instance()
        if cls._installed is None and app is not None:
            cls._installed = cls(app)
            app.installEventFilter(cls._installed)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if (
            event.type() == QtCore.QEvent.Type.KeyPress
            and isinstance(event, QtGui.QKeyEvent)
            and event.key() == QtCore.Qt.Key.Key_Escape
            and QtWidgets.QToolTip.isVisible()
        ):
            QtWidgets.QToolTip.hideText()
        return False


def prepare_for_render(view: ChartView, width: int, height: int) -> None:
    """Lay a chart out at a size without showing it (a never-shown widget keeps a stale layout)."""
    lay_out(view, width, height)
