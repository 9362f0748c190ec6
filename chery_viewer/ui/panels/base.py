"""The shared tab panel: draws one SectionContent (KPIs, charts, cards, tables, notes).

Subclasses are configuration: they say how charts are arranged, nothing else is
different between tabs. Run a panel module alone for a quick look, for example
``python -m chery_viewer.ui.panels.sales``.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6 import QtWidgets

from chery_viewer.core.content import ChartSpec, SectionContent, Table
from chery_viewer.core.content.accessible import chart_text, note_text
from chery_viewer.core.i18n import translate
from chery_viewer.graphics.theme import LIGHT, Theme
from chery_viewer.ui.charts import ChartView
from chery_viewer.ui.widgets import FactCard, KpiCard, TableView, label, make_accessible, scale_fonts

CHART_HEIGHT = 300
KPI_ROW = 6  # KPI cards side by side at 100% zoom
WIDE_AFTER_CATEGORIES = 8  # more categories than this: the chart gets a row of its own


class SectionPanel(QtWidgets.QScrollArea):
    """A scrollable page for one section of the fact sheet."""

    key: ClassVar[str] = ""
    chart_columns: ClassVar[int] = 2
    first_chart_full_width: ClassVar[bool] = True
    card_columns: ClassVar[int] = 3

    def __init__(
        self,
        content: SectionContent,
        theme: Theme = LIGHT,
        parent: QtWidgets.QWidget | None = None,
        zoom: float = 1.0,
    ) -> None:
        super().__init__(parent)
        self.content = content
        self.theme = theme
        self.zoom = zoom
        self.charts: list[ChartView] = []
        self.kpi_cards: list[KpiCard] = []
        self.fact_cards: list[FactCard] = []
        self.tables: list[TableView] = []
        self.notes: list[QtWidgets.QLabel] = []
        self.focusables: list[QtWidgets.QWidget] = []  # every Tab stop of the page, in reading order
        self.setObjectName(f"panel_{content.key}")
        self.setAccessibleName(content.title)
        self.setAccessibleDescription(content.summary)
        self.setWidgetResizable(True)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        page = QtWidgets.QWidget()
        page.setObjectName("page")
        layout = QtWidgets.QVBoxLayout(page)
        layout.setContentsMargins(20, 16, 20, 20)
        layout.setSpacing(12)
        layout.addWidget(label(content.title, "heading", 16, bold=True))
        if content.summary:
            layout.addWidget(label(content.summary, "muted", 9.5, wrap=True))
        kpis = QtWidgets.QGridLayout()
        kpis.setSpacing(10)
        # One row of cards at 100%; zoomed in, fewer a row, so a bigger number is never cut off.
        per_row = max(1, min(len(content.kpis), int(KPI_ROW / zoom)))
        for i, kpi in enumerate(content.kpis):
            card = KpiCard(kpi, theme)
            self.kpi_cards.append(card)
            self.focusables.append(card)
            kpis.addWidget(card, i // per_row, i % per_row)
        for c in range(per_row):
            kpis.setColumnStretch(c, 1)
        layout.addLayout(kpis)
        self.add_charts(layout, list(content.charts))
        for group in content.cards:
            layout.addWidget(label(group.title, "heading", 11, bold=True))
            grid = QtWidgets.QGridLayout()
            grid.setSpacing(10)
            for i, card in enumerate(group.cards):
                fact = FactCard(card)
                self.fact_cards.append(fact)
                self.focusables.append(fact)
                grid.addWidget(fact, i // self.card_columns, i % self.card_columns)
            for c in range(self.card_columns):
                grid.setColumnStretch(c, 1)
            layout.addLayout(grid)
        for table in self.remaining_tables():
            layout.addWidget(self.table_block(table))
        if content.notes:
            layout.addWidget(label(translate("Panels", "Notes"), "heading", 11, bold=True))
            for note in content.notes:
                item = label(f"•  {note}", "note", 9.5, wrap=True)
                make_accessible(item, note_text(note))
                self.notes.append(item)
                self.focusables.append(item)
                layout.addWidget(item)
        layout.addStretch(1)
        self.setWidget(page)
        if zoom != 1.0:
            scale_fonts(page, zoom)
        for first, second in zip(self.focusables, self.focusables[1:], strict=False):
            QtWidgets.QWidget.setTabOrder(first, second)

    def focus_index(self) -> int:
        """Where the keyboard focus is in this page's Tab stops (-1: elsewhere)."""
        focus = QtWidgets.QApplication.focusWidget()
        return self.focusables.index(focus) if focus in self.focusables else -1

    # -- layout hooks ------------------------------------------------------------------

    def add_charts(self, layout: QtWidgets.QVBoxLayout, charts: list[ChartSpec]) -> None:
        """Charts in rows of ``chart_columns``, in content order.

        The first chart (if ``first_chart_full_width``) and any chart with many categories
        take a whole row, so bars and their labels keep room; a chart left alone in a row
        also takes the whole row rather than leaving half of it empty.
        """
        row: list[ChartSpec] = []
        for i, spec in enumerate(charts):
            if (i == 0 and self.first_chart_full_width) or len(spec.categories) > WIDE_AFTER_CATEGORIES:
                self._chart_row(layout, row)
                self._chart_row(layout, [spec])
                row = []
                continue
            row.append(spec)
            if len(row) == self.chart_columns:
                self._chart_row(layout, row)
                row = []
        self._chart_row(layout, row)

    def _chart_row(self, layout: QtWidgets.QVBoxLayout, specs: list[ChartSpec]) -> None:
        if not specs:
            return
        row = QtWidgets.QHBoxLayout()
        row.setSpacing(16)
        for spec in specs:
            row.addWidget(self.chart_block(spec), 1)
        layout.addLayout(row)

    def remaining_tables(self) -> list[Table]:
        return list(self.content.tables)

    def chart_block(self, spec: ChartSpec) -> QtWidgets.QWidget:
        block = QtWidgets.QWidget()
        box = QtWidgets.QVBoxLayout(block)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        title = label(spec.title, "heading", 10.5, bold=True, wrap=True)
        box.addWidget(title)
        view = ChartView(spec, self.theme, scale=self.zoom)
        view.setFixedHeight(round(CHART_HEIGHT * self.zoom))
        make_accessible(view, chart_text(spec), focus=False)  # the view takes focus by click and Tab
        title.setBuddy(view)
        self.charts.append(view)
        self.focusables.append(view)
        box.addWidget(view)
        if spec.caption:
            box.addWidget(label(spec.caption, "caption", 8.5, wrap=True))
        return block

    def table_block(self, table: Table) -> QtWidgets.QWidget:
        block = QtWidgets.QWidget()
        box = QtWidgets.QVBoxLayout(block)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        heading = label(table.title, "heading", 11, bold=True)
        box.addWidget(heading)
        view = TableView(table)
        heading.setBuddy(view)  # the table's accessible Label relation: it is named by its heading
        self.tables.append(view)
        self.focusables.append(view)
        box.addWidget(view)
        if table.caption:
            box.addWidget(label(table.caption, "caption", 8.5, wrap=True))
        return block

    @property
    def main_chart(self) -> ChartView | None:
        return self.charts[0] if self.charts else None

