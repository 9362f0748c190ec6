"""A chart's own exports from the window: its image (PNG or SVG) and its data (CSV), each with its sources.

The files are the ones ``chery-viewer --export-chart`` writes (:func:`export_chart`, shared by
both): the image is drawn by :mod:`chery_viewer.graphics.image` at a fixed size on the light
theme, whatever the window's theme; the data comes from :mod:`chery_viewer.core.content.chart_data`.
The file name decides the format: a typed ``.svg`` is an SVG whichever filter was chosen, and
the filter's suffix is added only to a name with none of ours. A PNG's size (1x, 2x, 3x) is
asked for in :class:`PngSizeDialog` after the file name, as an image editor's export does.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtWidgets

from chery_viewer.core.content import ChartSpec
from chery_viewer.core.content.chart_data import chart_credits, chart_data, write_csv
from chery_viewer.core.content.context import Context
from chery_viewer.core.i18n import translate
from chery_viewer.graphics.image import IMAGE_SUFFIXES, SCALES, export_size, write_chart_image

__all__ = ["DATA_SUFFIXES", "PngSizeDialog", "export_chart", "with_suffix"]

DATA_SUFFIXES = (".csv",)


def with_suffix(path: str, chosen_filter: str, known: tuple[str, ...]) -> str:
    """``path`` as typed when it ends in one of ``known`` suffixes; else with the chosen filter's
    suffix ("PNG image (*.png)" -> ".png") added, or the first known one when no filter says."""
    if Path(path).suffix.lower() in known:
        return path
    suffix = chosen_filter.rpartition("*")[2].rstrip(")").strip().lower()
    return path + (suffix if suffix in known else known[0])


def export_chart(spec: ChartSpec, ctx: Context, path: str | Path, scale: int = 1) -> Path:
    """Write ``spec`` to ``path`` by its suffix: a PNG (at ``scale``) or SVG image, or its CSV data.

    Raises ``ValueError`` for another suffix and ``WriteError`` when the file cannot be written.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix in DATA_SUFFIXES:
        return write_csv(chart_data(spec, ctx), target)
    if suffix in IMAGE_SUFFIXES:
        return write_chart_image(spec, chart_credits(spec, ctx), target, scale)
    known = ", ".join((*IMAGE_SUFFIXES, *DATA_SUFFIXES))
    raise ValueError(f"{target}: unknown kind of file {suffix or '(no suffix)'}; use {known}")


class PngSizeDialog(QtWidgets.QDialog):
    """Asks how large a chart's PNG is: 1x, 2x or 3x of its layout size, each with its pixels."""

    def __init__(self, spec: ChartSpec, scale: int, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ChartExport", "PNG image size"))
        layout = QtWidgets.QVBoxLayout(self)
        intro = QtWidgets.QLabel(
            translate("ChartExport", "Larger images stay sharp on slides, in print and on high-resolution screens.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        size = export_size(spec)
        self.buttons: dict[int, QtWidgets.QRadioButton] = {}
        for factor in SCALES:
            text = translate("ChartExport", "{scale}x: {width} × {height} pixels").format(
                scale=factor, width=size.width() * factor, height=size.height() * factor
            )
            button = QtWidgets.QRadioButton(text)
            button.setChecked(factor == scale)
            layout.addWidget(button)
            self.buttons[factor] = button
        box = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Save | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.button_box = box

    def scale(self) -> int:
        return next((f for f, b in self.buttons.items() if b.isChecked()), 1)

    @staticmethod
    def ask(spec: ChartSpec, scale: int, parent: QtWidgets.QWidget | None = None) -> int | None:
        """The chosen scale, or None when cancelled."""
        dialog = PngSizeDialog(spec, scale, parent)
        dialog.setObjectName("png-size-dialog")
        return dialog.scale() if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted else None


def remembered_scale(store: QtCore.QSettings) -> int:
    value = store.value("export/png_scale", 1)
    try:
        scale = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 1
    return scale if scale in SCALES else 1
