"""A chart as an image that cites: title, units, the chart, its sources and the as-of date, as PNG or SVG.

The same file from the window and from ``--export-chart``: a fixed layout size per chart
(``export_size``), the light theme whatever the window's, the paper's fonts (the bundled CJK
subset first in Chinese), and the scene drawn by :func:`~chery_viewer.graphics.render.render_chart`
at 96 dpi, the resolution pyqtgraph's cached pictures assume. A PNG comes at 1x, 2x or 3x of
that size (the drawing is scaled, not the layout, so the 2x image is the 1x image, sharper);
an SVG is vector throughout, its ``<title>`` the chart's title and its ``<desc>`` the source
line, with its strokes baked into plain coordinates (:mod:`chery_viewer.graphics.svg`) so
librsvg, cairosvg and Qt draw the chart as the PNG shows it. Both are written through
``atomic_write``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtGui

from chery_viewer.core.content import ChartSpec
from chery_viewer.core.content.chart_data import ChartCredits
from chery_viewer.core.files import atomic_write
from chery_viewer.core.i18n import is_chinese
from chery_viewer.graphics.fonts import document_families
from chery_viewer.graphics.render import LAYOUT_DPI, render_chart
from chery_viewer.graphics.theme import LIGHT

__all__ = ["IMAGE_SUFFIXES", "SCALES", "export_font", "export_size", "paint_cited_chart", "write_chart_image"]

IMAGE_SUFFIXES = (".png", ".svg")
SCALES = (1, 2, 3)
WIDTH = 960
MARGIN = 24
BASE_POINTS = 9.0


def export_size(spec: ChartSpec) -> QtCore.QSize:
    """The layout size (96 dpi pixels) of a chart's image: 960 wide, taller for a long partner list."""
    height = 540
    if spec.kind == "network":
        leaves = sum(1 for n in spec.nodes if n.level == 2)
        height = max(height, 200 + 46 * leaves)
    return QtCore.QSize(WIDTH, height)


def export_font(chinese: bool | None = None) -> QtGui.QFont:
    """The image's base font: the paper's families for the language, at a fixed size, so the
    window and the command line draw the same image on the same machine."""
    font = QtGui.QFont()
    font.setFamilies(document_families(is_chinese() if chinese is None else chinese))
    font.setPointSizeF(BASE_POINTS)
    font.setStyleStrategy(QtGui.QFont.StyleStrategy.PreferAntialias)
    return font


def _sized(font: QtGui.QFont, points: float, bold: bool = False) -> QtGui.QFont:
    sized = QtGui.QFont(font)
    sized.setPointSizeF(points)
    sized.setBold(bold)
    return sized


_WRAP = int(QtCore.Qt.AlignmentFlag.AlignLeft) | int(QtCore.Qt.TextFlag.TextWordWrap)


def _block(font: QtGui.QFont, text: str, width: float) -> float:
    """The height ``text`` takes, wrapped to ``width``, in ``font`` at 96 dpi."""
    if not text:
        return 0.0
    metrics = QtGui.QFontMetricsF(font)
    return metrics.boundingRect(QtCore.QRectF(0, 0, width, 10_000), _WRAP, text).height()


def paint_cited_chart(
    painter: QtGui.QPainter, spec: ChartSpec, credits: ChartCredits, size: QtCore.QSize, font: QtGui.QFont
) -> None:
    """Draw the whole image into an active painter, ``size`` layout pixels from (0, 0)."""
    theme = LIGHT
    w, h = size.width(), size.height()
    inner = w - 2 * MARGIN
    title_font, units_font = _sized(font, 14, bold=True), _sized(font, 9.5)
    source_font, foot_font = _sized(font, 9), _sized(font, 8)
    painter.fillRect(QtCore.QRectF(0, 0, w, h), QtGui.QColor(theme.background))
    y = float(MARGIN - 6)
    for text, used, colour in ((credits.title, title_font, theme.foreground), (credits.units, units_font, theme.muted)):
        if not text:
            continue
        height = _block(used, text, inner)
        painter.setFont(used)
        painter.setPen(QtGui.QColor(colour))
        painter.drawText(QtCore.QRectF(MARGIN, y, inner, height), _WRAP, text)
        y += height + 4
    foot = " · ".join(t for t in (credits.as_of, credits.publisher) if t)
    source_h, foot_h = _block(source_font, credits.source_line, inner), _block(foot_font, foot, inner)
    bottom = h - MARGIN + 8 - foot_h - source_h - 6
    chart_rect = QtCore.QRectF(MARGIN - 8, y + 6, w - 2 * MARGIN + 16, max(bottom - y - 12, 120))
    render_chart(spec, painter, chart_rect, theme, font)
    painter.setPen(QtGui.QPen(QtGui.QColor(theme.border), 1))
    painter.drawLine(QtCore.QPointF(MARGIN, bottom), QtCore.QPointF(w - MARGIN, bottom))
    painter.setFont(source_font)
    painter.setPen(QtGui.QColor(theme.foreground))
    painter.drawText(QtCore.QRectF(MARGIN, bottom + 5, inner, source_h), _WRAP, credits.source_line)
    painter.setFont(foot_font)
    painter.setPen(QtGui.QColor(theme.muted))
    painter.drawText(QtCore.QRectF(MARGIN, bottom + 5 + source_h + 1, inner, foot_h), _WRAP, foot)


def _paint(device: QtGui.QPaintDevice, spec: ChartSpec, credits: ChartCredits, font: QtGui.QFont, scale: int) -> None:
    painter = QtGui.QPainter()
    if not painter.begin(device):
        raise RuntimeError("the image writer could not start")
    try:
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
        painter.scale(scale, scale)
        paint_cited_chart(painter, spec, credits, export_size(spec), font)
    finally:
        painter.end()


def _write_png(spec: ChartSpec, credits: ChartCredits, font: QtGui.QFont, scale: int, path: Path) -> None:
    size = export_size(spec) * scale
    image = QtGui.QImage(size, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
    dots = round(LAYOUT_DPI / 0.0254)  # 96 dpi while drawing: pyqtgraph's caches are replayed 1:1
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    image.fill(QtGui.QColor(LIGHT.background))
    _paint(image, spec, credits, font, scale)
    image.setDotsPerMeterX(dots * scale)  # a 2x image prints at the 1x image's size
    image.setDotsPerMeterY(dots * scale)
    image.setText("Title", credits.title)
    image.setText("Description", credits.description)
    image.setText("Source", credits.source_line)
    if not image.save(str(path), "PNG"):
        raise RuntimeError("the PNG encoder failed")  # atomic_write names the target file


def _write_svg(spec: ChartSpec, credits: ChartCredits, font: QtGui.QFont, path: Path) -> None:
    from PySide6 import QtSvg

    from chery_viewer.graphics.svg import flatten_strokes

    size = export_size(spec)
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    generator = QtSvg.QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setResolution(LAYOUT_DPI)  # the default 72 dpi shrinks and shifts pyqtgraph's 96 dpi pictures
    generator.setViewBox(QtCore.QRect(QtCore.QPoint(0, 0), size))
    generator.setTitle(credits.title)
    generator.setDescription(credits.description)
    _paint(generator, spec, credits, font, 1)
    buffer.close()
    path.write_bytes(flatten_strokes(bytes(buffer.data())))


def write_chart_image(
    spec: ChartSpec, credits: ChartCredits, path: str | Path, scale: int = 1, font: QtGui.QFont | None = None
) -> Path:
    """``spec`` with its credits as an image at ``path``: SVG for .svg, PNG (at ``scale``) for .png."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        raise ValueError(f"{target}: an image is .png or .svg, not {suffix or 'a name without a suffix'}")
    if scale not in SCALES:
        raise ValueError(f"scale {scale}: use 1, 2 or 3")
    used = font if font is not None else export_font()
    if suffix == ".svg":
        return atomic_write(target, lambda tmp: _write_svg(spec, credits, used, tmp))
    return atomic_write(target, lambda tmp: _write_png(spec, credits, used, scale, tmp))
