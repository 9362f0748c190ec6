"""Paint a chart into any painter and rectangle: the PDF, the printer and image export.

pyqtgraph's axes map their ticks to device pixels through the scene's first view
(``AxisItem.generateDrawSpecs`` draws nothing without one), so the scene is put in a bare
``pg.GraphicsView`` that is never shown: the chart's device, not a widget anyone sees, and
not the window's ``ChartView``. Nothing global changes: the theme and the font arrive as
values. Scatter symbols are drawn as paths, never from pyqtgraph's bitmap atlas, so the
result stays vector (no images in a PDF or an SVG).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.content import ChartSpec
from chery_viewer.graphics.chart import ChartScene
from chery_viewer.graphics.theme import LIGHT, Theme

__all__ = ["LAYOUT_DPI", "draw_view", "lay_out", "render_chart", "vector_only"]

LAYOUT_DPI = 96  # pyqtgraph records axes and bars as QPictures at 96 dpi


def render_chart(
    spec: ChartSpec,
    painter: QtGui.QPainter,
    rect: QtCore.QRectF,
    theme: Theme = LIGHT,
    font: QtGui.QFont | None = None,
) -> None:
    """Draw ``spec`` as a chart filling ``rect`` (layout pixels, 96 to the inch) of an active painter."""
    chart = ChartScene(spec, theme, font)
    host = pg.GraphicsView(background=theme.background)
    try:
        host.setCentralItem(chart.layout)
        vector_only(host.scene())
        w, h = round(rect.width()), round(rect.height())
        lay_out(host, w, h)
        draw_view(host, painter, rect.topLeft(), w, h)
    finally:
        host.close()
        host.deleteLater()


def lay_out(view: QtWidgets.QGraphicsView, width: int, height: int) -> None:
    """Lay a view's scene out at a size without showing it (a never-shown widget keeps a stale layout)."""
    view.resize(width, height)
    size = QtCore.QSize(width, height)
    QtWidgets.QApplication.sendEvent(view, QtGui.QResizeEvent(size, size))
    view.resizeEvent(None)  # type: ignore[arg-type]  # pyqtgraph's GraphicsView accepts None
    central = getattr(view, "centralWidget", None)
    if isinstance(central, pg.GraphicsLayout):
        central.layout.activate()


def draw_view(view: QtWidgets.QGraphicsView, painter: QtGui.QPainter, at: QtCore.QPointF, w: int, h: int) -> None:
    """Render ``view`` at ``at``, ``w`` by ``h`` layout pixels; on a device of another resolution (a
    printer that refused 96 dpi) through a 96 dpi ``QPicture``.

    pyqtgraph replays its 96 dpi picture caches scaled by the device's resolution, which a
    scaled painter would scale a second time. So there the chart is recorded into a ``QPicture``
    (96 dpi, vector) and replayed in device coordinates, where Qt scales it once, as a whole.
    """
    target = QtCore.QRectF(at.x(), at.y(), w, h)
    if painter.device().logicalDpiX() == LAYOUT_DPI:
        view.render(painter, target, view.viewport().rect())
        return
    picture = QtGui.QPicture()
    recorder = QtGui.QPainter(picture)
    try:
        view.render(recorder, QtCore.QRectF(0, 0, w, h), view.viewport().rect())
    finally:
        recorder.end()
    origin = painter.transform().map(at)
    painter.save()
    try:
        painter.resetTransform()
        painter.drawPicture(origin, picture)
    finally:
        painter.restore()


def vector_only(scene: QtWidgets.QGraphicsScene) -> None:
    """Draw scatter symbols as paths, not from pyqtgraph's bitmap atlas (which would embed images).

    A ``PlotDataItem`` hands its own ``useCache`` option to its scatter item on every update,
    so both must say False.
    """
    for item in scene.items():
        if isinstance(item, pg.PlotDataItem):
            item.opts["useCache"] = False
            item.scatter.opts["useCache"] = False
        elif isinstance(item, pg.ScatterPlotItem):
            item.opts["useCache"] = False
