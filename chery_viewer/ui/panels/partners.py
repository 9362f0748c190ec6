"""Partners tab: the alliance network with the table of partners and deals, and the notes, beside it."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6 import QtGui, QtWidgets

from chery_viewer.core.content import ChartSpec, Table
from chery_viewer.ui.panels.base import SectionPanel


class PartnersPanel(SectionPanel):
    key = "partners"
    side_by_side_from = 1400  # px: narrower windows stack the table under the network

    def add_charts(self, layout: QtWidgets.QVBoxLayout, charts: list[ChartSpec]) -> Iterator[None]:
        """The network on the left; the partners table with the notes under it on the right (or
        all stacked in a narrow window), so a wide window's height is used on both sides."""
        self._row = QtWidgets.QBoxLayout(QtWidgets.QBoxLayout.Direction.LeftToRight)
        self._row.setSpacing(24)
        if charts:
            self._row.addWidget(self.chart_block(charts[0]), 5)
        side = QtWidgets.QWidget()
        self._side = QtWidgets.QVBoxLayout(side)
        self._side.setContentsMargins(0, 0, 0, 0)
        self._side.setSpacing(12)
        if self.content.tables:
            self._side.addWidget(self.table_block(self.content.tables[0]))
        super().add_notes(self._side)  # here, not at the page's end: the Tab order follows the page
        self._side.addStretch(1)
        self._row.addWidget(side, 7)
        layout.addLayout(self._row)
        yield
        if len(charts) > 1:
            yield from super().add_charts(layout, charts[1:])

    def add_notes(self, layout: QtWidgets.QVBoxLayout) -> None:
        """Nothing at the page's end: the notes are beside the network (:meth:`add_charts`)."""

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        wide = event.size().width() >= self.side_by_side_from
        self._row.setDirection(
            QtWidgets.QBoxLayout.Direction.LeftToRight if wide else QtWidgets.QBoxLayout.Direction.TopToBottom
        )
        super().resizeEvent(event)

    def remaining_tables(self) -> list[Table]:
        return list(self.content.tables[1:])
