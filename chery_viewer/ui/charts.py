"""The window's chart: a thin interactive view over a :class:`~chery_viewer.graphics.chart.ChartScene`.

The scene draws the chart (the same one the PDF, the printer and image export draw, with no
widget); this view adds what only a screen has: hover tooltips, a context menu with the
chart's own exports, and a cached frame so showing a tab again is a blit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.content import ChartSpec
from chery_viewer.core.content.accessible import node_announcement, point_announcement, position_text
from chery_viewer.core.i18n import translate
from chery_viewer.graphics.axes import compact_number
from chery_viewer.graphics.chart import ChartScene, HoverTarget
from chery_viewer.graphics.render import lay_out
from chery_viewer.graphics.theme import LIGHT, Theme

__all__ = ["TOOLTIP_MS", "ChartView", "compact_number", "prepare_for_render"]

TOOLTIP_MS = 3_600_000  # up while the pointer rests on the element; Qt hides it when it leaves
FOCUS_PEN_PX = 2.0


@dataclass(frozen=True)
class KeyStop:
    """One element the arrow keys reach: its tooltip's text, what is announced, where it is drawn."""

    text: str
    spoken: str
    target: HoverTarget | None


def key_stops(spec: ChartSpec, targets: list[HoverTarget]) -> list[list[KeyStop]]:
    """The chart's elements in rows for the arrow keys: one row per series (Left/Right along
    it, Up/Down between rows) from the top of the chart down (a strip above the main plot
    first), or per level of a network (Chery, domains, partners).

    Each element is found among the hover targets by its tooltip, so the keyboard shows the very
    tooltip and spot the pointer would; a bar or point is preferred to its value label.
    """

    def stop(text: str, spoken: str) -> KeyStop:
        same = [t for t in targets if t.tooltip == text]
        shape = next((t for t in same if t.item is None), None)
        return KeyStop(text, spoken, shape or (same[0] if same else None))

    if spec.kind == "network":
        levels = sorted({n.level for n in spec.nodes})
        return [[stop(n.tooltip, node_announcement(n)) for n in spec.nodes if n.level == level] for level in levels]
    ordered = sorted((s for s in spec.series if s.points), key=lambda s: s.panel != "upper")
    return [[stop(p.tooltip, point_announcement(s, p)) for p in s.points] for s in ordered]


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
        scale: float = 1.0,
    ) -> None:
        from chery_viewer.ui import accessibility

        accessibility.install()
        super().__init__(parent, background=theme.background)
        self.chart = ChartScene(spec, theme, font if font is not None else self.font(), scale)
        self.spec, self.theme = spec, theme
        self.ci = self.chart.layout
        self.setCentralItem(self.ci)
        self.setMinimumHeight(220)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._frame: QtGui.QPixmap | None = None
        # Callables that add items to the context menu (the clipboard's Copy chart and Copy data).
        self.menu_extensions: list[Callable[[QtWidgets.QMenu], None]] = []
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        self.stops = key_stops(spec, self.chart.targets)
        self.selection: tuple[int, int] | None = None  # (row, index) in ``stops``, chosen with the arrow keys

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
        for extend in self.menu_extensions:
            extend(menu)
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
            if self.hasFocus():
                self._paint_focus(painter)
        finally:
            painter.end()

    def _paint_focus(self, painter: QtGui.QPainter) -> None:
        """The focus ring around the chart and, dashed, around the element the arrow keys chose."""
        pen = QtGui.QPen(QtGui.QColor(self.theme.bar_highlight), FOCUS_PEN_PX)
        painter.setPen(pen)
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QtCore.QRectF(self.viewport().rect()).adjusted(1, 1, -1, -1), 4, 4)
        area = self._selected_area()
        if area is not None:
            pen = QtGui.QPen(QtGui.QColor(self.theme.foreground), FOCUS_PEN_PX, QtCore.Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(QtCore.QRectF(area))

    # -- keyboard -----------------------------------------------------------------------

    def selected_stop(self) -> KeyStop | None:
        if self.selection is None:
            return None
        row, index = self.selection
        return self.stops[row][index]

    def selected_text(self) -> str:
        """The selected element's text with its place in its row, as announced; '' if none."""
        stop = self.selected_stop()
        if stop is None or self.selection is None:
            return ""
        row, index = self.selection
        return position_text(stop.spoken, index, len(self.stops[row]))

    def _selected_area(self) -> QtCore.QRect | None:
        stop = self.selected_stop()
        if stop is None or stop.target is None:
            return None
        return self.mapFromScene(stop.target.scene_rect()).boundingRect().adjusted(-3, -3, 3, 3)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        """Left/Right step along a series, Up/Down between series, Home/End to its ends;
        Enter or Alt+Shift+F11 shows the chart's data as a table; Esc drops the selection."""
        key, mods = event.key(), event.modifiers()
        Key = QtCore.Qt.Key
        alt_shift = QtCore.Qt.KeyboardModifier.AltModifier | QtCore.Qt.KeyboardModifier.ShiftModifier
        if key in (Key.Key_Return, Key.Key_Enter) or (key == Key.Key_F11 and mods & alt_shift == alt_shift):
            self.show_data()
        elif key in (Key.Key_Left, Key.Key_Right, Key.Key_Up, Key.Key_Down, Key.Key_Home, Key.Key_End):
            self._move(key)
        elif key == Key.Key_Escape and self.selection is not None:
            self.selection = None
            QtWidgets.QToolTip.hideText()
            self.viewport().update()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _move(self, key: QtCore.Qt.Key) -> None:
        if not self.stops:
            return
        Key = QtCore.Qt.Key
        if self.selection is None:  # the first key press starts on the main series (the last row)
            row = len(self.stops) - 1
            index = len(self.stops[row]) - 1 if key in (Key.Key_Left, Key.Key_End) else 0
        else:
            row, index = self.selection
            if key == Key.Key_Left:
                index = max(index - 1, 0)
            elif key == Key.Key_Right:
                index = min(index + 1, len(self.stops[row]) - 1)
            elif key == Key.Key_Home:
                index = 0
            elif key == Key.Key_End:
                index = len(self.stops[row]) - 1
            else:
                row = max(row - 1, 0) if key == Key.Key_Up else min(row + 1, len(self.stops) - 1)
                index = min(index, len(self.stops[row]) - 1)
        self.selection = (row, index)
        self._show_selection()

    def _show_selection(self) -> None:
        """Show the selected element's tooltip at the element, as the pointer would, and announce it."""
        from chery_viewer.ui.accessibility import announce
        from chery_viewer.ui.widgets import plain_tooltip

        stop = self.selected_stop()
        if stop is None:
            return
        _EscapeHidesTooltip.install()
        area = self._selected_area() or self.viewport().rect()
        self.viewport().update()
        anchor = self.viewport().mapToGlobal(area.center())
        QtWidgets.QToolTip.showText(anchor, plain_tooltip(stop.text), self.viewport(), area, TOOLTIP_MS)
        announce(self, self.selected_text())

    def show_data(self) -> None:
        """The chart's values in an accessible table dialog."""
        from chery_viewer.ui.accessibility import ChartDataDialog

        QtWidgets.QToolTip.hideText()
        ChartDataDialog(self.spec, self).exec()
        self.activateWindow()
        self.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)  # back on the chart, where the user was

    def focusInEvent(self, event: QtGui.QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QtGui.QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

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
