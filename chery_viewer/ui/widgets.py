"""Small widgets that draw content objects: KPI cards, fact cards, tables and plain-text labels.

Every string that comes from a dataset is shown as plain text. QLabel and QToolTip guess
rich text from the content, so a label gets ``Qt.PlainText`` and a tooltip is escaped
into HTML of our own: a dataset can never inject markup.
"""

from __future__ import annotations

import html

from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.content import Card, Kpi, Table
from chery_viewer.core.content.accessible import Spoken, card_text, kpi_text, table_text
from chery_viewer.graphics.theme import Theme, change_mark


def plain_tooltip(text: str) -> str:
    """Tooltip markup that shows ``text`` literally, line breaks kept."""
    body = "<br>".join(html.escape(line) for line in text.splitlines())
    return f"<qt><div style='white-space:pre-wrap'>{body}</div></qt>"


def make_accessible(widget: QtWidgets.QWidget, spoken: Spoken, focus: bool = True) -> None:
    """Give ``widget`` its plain-text accessible name and description, and a place in the Tab
    order (keyboard users reach it; its focus ring comes from the style sheet)."""
    widget.setAccessibleName(spoken.name)
    widget.setAccessibleDescription(spoken.description)
    if focus:
        widget.setFocusPolicy(QtCore.Qt.FocusPolicy.TabFocus)


def label(
    text: str, role: str = "", point_size: float | None = None, bold: bool = False, wrap: bool = False
) -> QtWidgets.QLabel:
    """A QLabel that never interprets markup."""
    widget = QtWidgets.QLabel()
    widget.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    widget.setText(text)
    widget.setWordWrap(wrap)
    if role:
        widget.setProperty("role", role)
    if point_size or bold:
        font = widget.font()
        if point_size:
            font.setPointSizeF(point_size)
        font.setBold(bold)
        widget.setFont(font)
    return widget


class KpiCard(QtWidgets.QFrame):
    """A big number with its unit, change on the year before and period; hover for the source."""

    def __init__(self, kpi: Kpi, theme: Theme, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.kpi = kpi
        self.setProperty("role", "card")
        self.setToolTip(plain_tooltip(kpi.tooltip))
        make_accessible(self, kpi_text(kpi))
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(150)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(1)
        self.title_label = label(kpi.label, "muted", 9, wrap=True)
        self.value_label = label(kpi.value, "", 17, bold=True)
        layout.addWidget(self.title_label)
        layout.addWidget(self.value_label)
        arrow, colour = change_mark(kpi.change_sign, theme)
        change_text = f"{arrow} {kpi.change} {kpi.change_label}".strip() if kpi.change else " "
        self.change_label = label(change_text, "", 9)
        self.change_label.setStyleSheet(f"color: {colour};")
        layout.addWidget(self.change_label)
        # The unit sits with the period under the number, so a narrow card never clips the number;
        # a compact headline (123.3万) has the exact figure there instead, unit included.
        self.unit_label = label(" · ".join(p for p in (kpi.exact or kpi.unit, kpi.period) if p), "muted", 8.5)
        layout.addWidget(self.unit_label)


class FactCard(QtWidgets.QFrame):
    def __init__(self, card: Card, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.card = card
        if card.tooltip:
            self.setToolTip(plain_tooltip(card.tooltip))
        make_accessible(self, card_text(card))
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(3)
        layout.addWidget(label(card.title, "heading", 10, bold=True, wrap=True))
        layout.addWidget(label(card.body, "", 9.5, wrap=True))
        layout.addWidget(label(card.meta, "muted", 8.5, wrap=True))
        layout.addStretch(1)


def scale_fonts(root: QtWidgets.QWidget, factor: float) -> None:
    """Scale the text of ``root`` and every widget in it by ``factor`` (the page's zoom).

    Every font is read before any is set: a child's font resolves against its parent's, so
    setting the parent first would scale the child twice.
    """
    widgets = [root, *root.findChildren(QtWidgets.QWidget)]
    fonts = [(w, QtGui.QFont(w.font())) for w in widgets]
    for widget, font in fonts:
        font.setPointSizeF(font.pointSizeF() * factor)
        widget.setFont(font)


LONG_TEXT = 32  # characters: a column with longer cells stretches and wraps


class TableView(QtWidgets.QTableWidget):
    """A read-only table sized to show every row, so only the page scrolls."""

    def __init__(self, table: Table, parent: QtWidgets.QWidget | None = None, fit_height: bool = True) -> None:
        super().__init__(len(table.rows), len(table.columns), parent)
        self.table = table
        self.fit_height = fit_height  # False: a table in a dialog of its own, which scrolls
        make_accessible(self, table_text(table))
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        # Tab leaves the table (arrow keys move inside it): a table is one stop, not one per cell.
        self.setTabKeyNavigation(False)
        self.setHorizontalHeaderLabels(list(table.columns))
        self.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        if fit_height:
            self.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for r, row in enumerate(table.rows):
            for c, text in enumerate(row):
                item = QtWidgets.QTableWidgetItem(text)
                item.setToolTip(plain_tooltip(text))
                if c in table.numeric_columns:
                    item.setTextAlignment(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter)
                self.setItem(r, c, item)
        header = self.horizontalHeader()
        lengths = [max((len(r[c]) for r in table.rows), default=0) for c in range(len(table.columns))]
        widest = max(range(len(lengths)), key=lengths.__getitem__) if lengths else 0
        # A grid (row labels, then only figures): its figure columns as wide as their cells and
        # headers, side by side at the right as in a financial statement; the labels take the rest.
        grid = len(lengths) > 2 and set(table.numeric_columns) == set(range(1, len(lengths)))
        for c, length in enumerate(lengths):
            # Long prose wraps in a stretching column; short values keep their natural width.
            stretch = c == 0 if grid else length > LONG_TEXT or c == widest
            mode = (
                QtWidgets.QHeaderView.ResizeMode.Stretch
                if stretch
                else QtWidgets.QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(c, mode)
        if fit_height:
            self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        QtCore.QTimer.singleShot(0, self._fit_height)

    def _fit_height(self) -> None:
        self.resizeRowsToContents()
        if not self.fit_height:
            return
        height = self.horizontalHeader().height() + sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(height + 2 * self.frameWidth() + 2)
