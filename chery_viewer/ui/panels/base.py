"""The shared tab panel: draws one SectionContent (KPIs, charts, cards, tables, notes).

Subclasses are configuration: they say how charts are arranged, nothing else is
different between tabs. Run a panel module alone for a quick look, for example
``python -m chery_viewer.ui.panels.sales``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.content import ChartSpec, SectionContent, Table
from chery_viewer.core.content.accessible import chart_text, note_text
from chery_viewer.core.i18n import translate
from chery_viewer.graphics.theme import LIGHT, Theme
from chery_viewer.ui.charts import ChartView
from chery_viewer.ui.panels.layouts import CHART_MIN, CardRow, chart_height
from chery_viewer.ui.widgets import DonutLegend, FactCard, KpiCard, TableView, label, make_accessible, scale_fonts

WIDE_AFTER_CATEGORIES = 8  # more categories than this: the chart gets a row of its own
DONUT_ASPECT = 2.1  # a donut's width to its height: the ring and its side labels, no empty margins
DONUT_SHARE = 0.75  # of a chart's height: a ring needs less than bars to be read
TOP = QtCore.Qt.AlignmentFlag.AlignTop  # vertical only: a label still fills its column's width
_DONE = object()  # the end of a panel's build steps


@dataclass(frozen=True)
class ChartParts:
    """A chart's title, view and caption (or None), set in a block or in a row's grid."""

    title: QtWidgets.QLabel
    view: ChartView
    caption: QtWidgets.QLabel | None


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
        stepwise: bool = False,
    ) -> None:
        """The whole page at once, or (``stepwise``) nothing yet: then each :meth:`build_step`
        builds the next part, so a page built ahead in idle time never holds the window up
        for the whole page (a page of charts takes 50-80 ms)."""
        super().__init__(parent)
        self.content = content
        self.theme = theme
        self.zoom = zoom
        self.charts: list[ChartView] = []
        self.kpi_cards: list[KpiCard] = []
        self.fact_cards: list[FactCard] = []
        self.tables: list[TableView] = []
        self.legends: list[DonutLegend] = []
        self.notes: list[QtWidgets.QLabel] = []
        self.chart_height = round(CHART_MIN * zoom)  # until the first resize says how tall the page is
        self.focusables: list[QtWidgets.QWidget] = []  # every Tab stop of the page, in reading order
        self._steps: Iterator[None] | None = self._build()
        if not stepwise:
            self.finish()

    @property
    def complete(self) -> bool:
        return self._steps is None

    def build_step(self) -> bool:
        """Build the next part of the page (the heading and cards, then a row of charts at a
        time, then the rest); True once the page is complete."""
        if self._steps is not None and next(self._steps, _DONE) is _DONE:
            self._steps = None
        return self._steps is None

    def finish(self) -> None:
        """Build what is left of the page."""
        while not self.build_step():
            pass

    def _build(self) -> Iterator[None]:
        content, theme = self.content, self.theme
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
        # As many cards a row as fit without clipping a number (zoomed in, fewer), one height a row.
        self.kpi_row = QtWidgets.QWidget()
        kpis = CardRow(self.kpi_row, spacing=10)
        for kpi in content.kpis:
            card = KpiCard(kpi, theme)
            self.kpi_cards.append(card)
            self.focusables.append(card)
            kpis.addWidget(card)
        layout.addWidget(self.kpi_row)
        yield
        yield from self.add_charts(layout, list(content.charts))
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
        self.add_notes(layout)
        layout.addStretch(1)
        self.setWidget(page)
        if self.zoom != 1.0:
            scale_fonts(page, self.zoom)
        for first, second in zip(self.focusables, self.focusables[1:], strict=False):
            QtWidgets.QWidget.setTabOrder(first, second)

    def add_notes(self, layout: QtWidgets.QVBoxLayout) -> None:
        """The section's notes under a heading, each its own Tab stop."""
        if not self.content.notes:
            return
        layout.addWidget(label(translate("Panels", "Notes"), "heading", 11, bold=True))
        for note in self.content.notes:
            item = label(f"•  {note}", "note", 9.5, wrap=True)
            make_accessible(item, note_text(note))
            self.notes.append(item)
            self.focusables.append(item)
            layout.addWidget(item)

    # -- chart height --------------------------------------------------------------------

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        # Charts first: the scroll area then sizes the page for them in this same pass, so
        # nothing on the page moves again a moment later.
        self.fit_charts(event.size().height())
        super().resizeEvent(event)

    def fit_charts(self, visible_height: int) -> None:
        """Give every chart the plot height for a page ``visible_height`` px tall.

        The height comes from the scroll area's own height, which the window sets: the page's
        content never changes it, so a chart growing cannot feed back into its own size.
        """
        height = chart_height(visible_height, self.zoom)
        if height == self.chart_height:
            return
        self.chart_height = height
        for view in self.charts:
            self.size_chart(view, height)

    def size_chart(self, view: ChartView, height: int) -> None:
        """A chart's plot height; a donut, a ring with two labels, is shorter and of its own width."""
        if view.spec.kind == "donut":
            height = max(round(height * DONUT_SHARE), round(CHART_MIN * self.zoom))
            # At most its own shape's width; narrower (a smaller ring) before the page would scroll sideways.
            view.setMinimumWidth(height)
            view.setMaximumWidth(round(height * DONUT_ASPECT))
        view.setFixedHeight(height)

    def focus_index(self) -> int:
        """Where the keyboard focus is in this page's Tab stops (-1: elsewhere)."""
        focus = QtWidgets.QApplication.focusWidget()
        return self.focusables.index(focus) if focus in self.focusables else -1

    # -- layout hooks ------------------------------------------------------------------

    def add_charts(self, layout: QtWidgets.QVBoxLayout, charts: list[ChartSpec]) -> Iterator[None]:
        """Charts in rows of ``chart_columns``, in content order; a step of the build each row.

        The first chart (if ``first_chart_full_width``) and any chart with many categories
        take a whole row, so bars and their labels keep room; a chart left alone in a row
        also takes the whole row rather than leaving half of it empty.
        """
        rows: list[list[ChartSpec]] = []
        row: list[ChartSpec] = []
        for i, spec in enumerate(charts):
            if (i == 0 and self.first_chart_full_width) or len(spec.categories) > WIDE_AFTER_CATEGORIES:
                rows += [row, [spec]]
                row = []
                continue
            row.append(spec)
            if len(row) == self.chart_columns:
                rows.append(row)
                row = []
        for specs in [*rows, row]:
            if specs:
                self._chart_row(layout, specs)
                yield

    def _chart_row(self, layout: QtWidgets.QVBoxLayout, specs: list[ChartSpec]) -> None:
        """Charts side by side in one grid: titles in the first row (top aligned, so a title that
        wraps keeps its first line on the others' baseline), plots of one height in the second,
        captions under them in the third. A donut alone takes a column of its own shape, its key
        beside it."""
        grid = QtWidgets.QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        for col, spec in enumerate(specs):
            parts = self.chart_parts(spec)
            grid.addWidget(parts.title, 0, col, TOP)
            grid.addWidget(parts.view, 1, col)  # a fixed height: the row is the plots' height
            if parts.caption is not None:
                grid.addWidget(parts.caption, 2, col, TOP)
            grid.setColumnStretch(col, 1)
        if len(specs) == 1 and specs[0].kind == "donut":
            legend = DonutLegend(specs[0], self.theme)
            self.legends.append(legend)
            grid.addWidget(legend, 1, 1, QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter)
            grid.setColumnStretch(1, 1)
        layout.addLayout(grid)

    def remaining_tables(self) -> list[Table]:
        return list(self.content.tables)

    def chart_parts(self, spec: ChartSpec) -> ChartParts:
        title = label(spec.title, "heading", 10.5, bold=True, wrap=True)
        view = ChartView(spec, self.theme, scale=self.zoom)
        self.size_chart(view, self.chart_height)
        make_accessible(view, chart_text(spec), focus=False)  # the view takes focus by click and Tab
        title.setBuddy(view)
        self.charts.append(view)
        self.focusables.append(view)
        caption = label(spec.caption, "caption", 8.5, wrap=True) if spec.caption else None
        return ChartParts(title, view, caption)

    def chart_block(self, spec: ChartSpec) -> QtWidgets.QWidget:
        """One chart with its title above and caption below, as a widget of its own."""
        block = QtWidgets.QWidget()
        box = QtWidgets.QVBoxLayout(block)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        parts = self.chart_parts(spec)
        box.addWidget(parts.title)
        box.addWidget(parts.view)
        if parts.caption is not None:
            box.addWidget(parts.caption)
        box.addStretch(1)
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
