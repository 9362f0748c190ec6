"""A chart's own exports: its image (PNG or SVG, drawn by the shared scene, no widget) and its data (CSV).

The image is the chart as the window shows it, at the size it has on screen, drawn by
:func:`chery_viewer.graphics.render.render_chart` into a ``QImage`` or a ``QSvgGenerator`` at
96 dpi (pyqtgraph's cached pictures assume 96 dpi: an SVG at the generator's default 72 dpi
draws shrunk, shifted bars). The data is the spec's own table, text cells made safe for
spreadsheets. Both are written through ``atomic_write``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtGui

from chery_viewer.core.content import ChartSpec
from chery_viewer.core.files import atomic_write
from chery_viewer.core.formatting import spreadsheet_safe
from chery_viewer.graphics.render import LAYOUT_DPI, render_chart
from chery_viewer.graphics.theme import Theme

__all__ = ["write_chart_data", "write_chart_image"]


def write_chart_image(spec: ChartSpec, theme: Theme, font: QtGui.QFont, size: QtCore.QSize, path: str | Path) -> None:
    """``spec`` drawn at ``size`` into ``path``: SVG if the name ends in .svg, else PNG."""
    target = Path(path)
    writer = _write_svg if target.suffix.lower() == ".svg" else _write_png
    atomic_write(target, lambda tmp: writer(spec, theme, font, size, tmp))


def write_chart_data(spec: ChartSpec, path: str | Path) -> None:
    """The chart's values as CSV (UTF-8); text from the dataset never runs as a spreadsheet formula."""
    frame = spec.frame()
    for column in frame.columns:
        if frame[column].map(lambda v: isinstance(v, str)).any():
            frame[column] = frame[column].map(lambda v: spreadsheet_safe(v) if isinstance(v, str) else v)
    atomic_write(Path(path), lambda tmp: frame.to_csv(tmp, index=False, encoding="utf-8"))


def _paint(device: QtGui.QPaintDevice, spec: ChartSpec, theme: Theme, font: QtGui.QFont, size: QtCore.QSize) -> None:
    painter = QtGui.QPainter()
    if not painter.begin(device):
        raise RuntimeError("the image writer could not start")
    try:
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        render_chart(spec, painter, QtCore.QRectF(0, 0, size.width(), size.height()), theme, font)
    finally:
        painter.end()


def _write_png(spec: ChartSpec, theme: Theme, font: QtGui.QFont, size: QtCore.QSize, path: Path) -> None:
    image = QtGui.QImage(size, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
    dots = round(LAYOUT_DPI / 0.0254)
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    image.fill(QtGui.QColor(theme.background))
    _paint(image, spec, theme, font, size)
    if not image.save(str(path), "PNG"):
        raise RuntimeError("the PNG encoder failed")  # atomic_write names the target file


def _write_svg(spec: ChartSpec, theme: Theme, font: QtGui.QFont, size: QtCore.QSize, path: Path) -> None:
    from PySide6 import QtSvg

    generator = QtSvg.QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setResolution(LAYOUT_DPI)
    generator.setViewBox(QtCore.QRect(QtCore.QPoint(0, 0), size))
    generator.setTitle(spec.title)
    _paint(generator, spec, theme, font, size)
