"""Partners tab: the alliance network with the table of partners and deals beside it."""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.content import ChartSpec, Table
from chery_viewer.ui.panels.base import SectionPanel


class PartnersPanel(SectionPanel):
    key = "partners"
    side_by_side_from = 1400  # px: narrower windows stack the table under the network

    def add_charts(self, layout: QtWidgets.QVBoxLayout, charts: list[ChartSpec]) -> None:
        """The network with the partners table beside it (or below it in a narrow window)."""
        self._row = QtWidgets.QBoxLayout(QtWidgets.QBoxLayout.Direction.LeftToRight)
        self._row.setSpacing(16)
        if charts:
            self._row.addWidget(self.chart_block(charts[0]), 5, QtCore.Qt.AlignmentFlag.AlignTop)
        if self.content.tables:
            self._row.addWidget(self.table_block(self.content.tables[0]), 7, QtCore.Qt.AlignmentFlag.AlignTop)
        layout.addLayout(self._row)
        if len(charts) > 1:
            super().add_charts(layout, charts[1:])

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        wide = event.size().width() >= self.side_by_side_from
        self._row.setDirection(
            QtWidgets.QBoxLayout.Direction.LeftToRight if wide else QtWidgets.QBoxLayout.Direction.TopToBottom
        )
        super().resizeEvent(event)

    def remaining_tables(self) -> list[Table]:
        return list(self.content.tables[1:])

