"""Small widgets that draw content objects: KPI cards, fact cards, tables, a donut's key and plain-text labels.

Every string that comes from a dataset is shown as plain text. QLabel and QToolTip guess
rich text from the content, so a label gets ``Qt.PlainText`` and a tooltip is escaped
into HTML of our own: a dataset can never inject markup.
"""

from __future__ import annotations

import html

from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.content import Card, ChartSpec, Kpi, Table
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
    """A big number with its unit, change on the year before and period; hover for the source.

    The title sits at the top and the number block at the bottom, so cards that a row
    stretches to one height (:class:`~chery_viewer.ui.panels.layouts.CardRow`) keep their
    numbers on one line even when one title wraps.
    """

    MIN_WIDTH = 150  # px at 100%: the narrowest card, whatever its text

    def __init__(self, kpi: Kpi, theme: Theme, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.kpi = kpi
        self.setProperty("role", "card")
        self.setToolTip(plain_tooltip(kpi.tooltip))
        make_accessible(self, kpi_text(kpi))
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Preferred)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(1)
        self.title_label = label(kpi.label, "muted", 9, wrap=True)
        self.title_label.setAlignment(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignTop)
        self.value_label = label(kpi.value, "", 17, bold=True)
        layout.addWidget(self.title_label)
        layout.addStretch(1)
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

    def minimumSizeHint(self) -> QtCore.QSize:
        """Wide enough for the number, the change and the unit line on one line each, and for
        the title in at most two lines (a word longer than that half keeps its own line)."""
        margins = self.layout().contentsMargins()
        lines = max(w.sizeHint().width() for w in (self.value_label, self.change_label, self.unit_label))
        metrics = self.title_label.fontMetrics()
        text = self.kpi.label
        two_lines = (metrics.horizontalAdvance(text) + 1) // 2 + 2 * metrics.averageCharWidth()
        longest_word = max((metrics.horizontalAdvance(w) for w in text.split()), default=0) if " " in text else 0
        scale = self.font().pointSizeF() / max(QtWidgets.QApplication.font().pointSizeF(), 1.0)
        width = max(lines, two_lines, longest_word, round(self.MIN_WIDTH * max(scale, 1.0)))
        return QtCore.QSize(width + margins.left() + margins.right(), super().minimumSizeHint().height())


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


LONG_TEXT = 32  # average characters: a column whose text is wider than this shares the spare width and wraps
FLEX_MIN = 14  # average characters: the narrowest a long-text column gets before its text wraps harder
CELL_PAD = QtCore.QMargins(8, 4, 8, 4)  # px between a cell's text and its grid lines
GRID_SLACK = 3  # px a column needs beyond its text and padding: the grid line and the metrics' rounding
HEADER_PAD = 12  # px beside a header's text: the style sheet's section padding and a little air


def column_widths(
    natural: list[int], minimum: list[int], flexible: list[bool], available: int, grid: bool = False
) -> list[int]:
    """Widths of a table's columns across ``available`` px.

    When every column fits on one line, each gets its ``natural`` width (its longest cell on
    one line) and the spare width is shared in proportion to it, so no one column turns into
    a field of blank. When not, short columns keep their natural width and the ``flexible``
    (long-text) columns share the rest, each at least its ``minimum``, in proportion to how
    much each needs to stop wrapping (the auto layout of HTML tables): the long prose gets
    the width rather than a short column. With no long-text column, the naturally widest
    column is the one that wraps. In a ``grid`` (row labels, then only figures) the figure
    columns keep their width at the right, as in a financial statement; the labels take the rest.
    """
    if not natural:
        return []
    count = len(natural)
    if sum(natural) <= available:
        share, weights = ([0] if grid else list(range(count))), natural
    else:
        share = [i for i, f in enumerate(flexible) if f] or [max(range(count), key=natural.__getitem__)]
        weights = [natural[i] - minimum[i] if i in share else 0 for i in range(count)]
    widths = [minimum[i] if i in share and sum(natural) > available else natural[i] for i in range(count)]
    spare = available - sum(widths)
    if spare <= 0:
        return widths
    total = sum(weights[i] for i in share)
    for i in share:
        widths[i] += spare * weights[i] // total if total else spare // len(share)
    widths[share[-1]] += available - sum(widths)  # the rounding's leftover pixels
    return widths


class PaddedItemDelegate(QtWidgets.QStyledItemDelegate):
    """Draws a cell's text inset by :data:`CELL_PAD` from its grid lines, wrapped at word
    boundaries inside the padding, and sizes rows for the wrapped text."""

    def _text_flags(self, option: QtWidgets.QStyleOptionViewItem) -> int:
        return int(option.displayAlignment) | int(QtCore.Qt.TextFlag.TextWordWrap)

    def sizeHint(self, option: QtWidgets.QStyleOptionViewItem, index: QtCore.QModelIndex) -> QtCore.QSize:
        opt = QtWidgets.QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        metrics = QtGui.QFontMetrics(opt.font)
        pad_x, pad_y = CELL_PAD.left() + CELL_PAD.right(), CELL_PAD.top() + CELL_PAD.bottom()
        inner = option.rect.width() - pad_x if option.rect.width() > pad_x else 1 << 20
        box = metrics.boundingRect(QtCore.QRect(0, 0, inner, 1 << 20), self._text_flags(opt), opt.text)
        return QtCore.QSize(box.width() + pad_x, max(box.height(), metrics.height()) + pad_y)

    def paint(self, painter: QtGui.QPainter, option: QtWidgets.QStyleOptionViewItem, index: QtCore.QModelIndex) -> None:
        opt = QtWidgets.QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style() if widget is not None else QtWidgets.QApplication.style()
        style.drawControl(QtWidgets.QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)  # background
        selected = bool(opt.state & QtWidgets.QStyle.StateFlag.State_Selected)
        role = QtGui.QPalette.ColorRole.HighlightedText if selected else QtGui.QPalette.ColorRole.Text
        painter.save()
        try:
            painter.setFont(opt.font)
            painter.setPen(opt.palette.color(role))
            painter.drawText(opt.rect.marginsRemoved(CELL_PAD), self._text_flags(opt), text)
        finally:
            painter.restore()


class TableView(QtWidgets.QTableWidget):
    """A read-only table sized to show every row, so only the page scrolls.

    Cells are padded (:class:`PaddedItemDelegate`); short columns keep their content's width
    and the long-text columns share the rest (:func:`column_widths`), measured in pixels of
    the table's own font, so a Chinese column of short codes stays narrow too.
    """

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
        self.setItemDelegate(PaddedItemDelegate(self))
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
        # Rows are fitted once the resizes of a layout pass are over; the timer dies with the table.
        self._refit = QtCore.QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(self._fit_height)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(8)
        if fit_height:
            self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed)

    def column_measures(self) -> tuple[list[int], list[int], list[bool]]:
        """Each column's natural width (its widest line), the least it wraps to, and whether it
        holds long text, in px of the current fonts."""
        cells = QtGui.QFontMetrics(self.font())
        bold = QtGui.QFont(self.horizontalHeader().font())
        bold.setWeight(QtGui.QFont.Weight.DemiBold)  # the style sheet's header weight
        heads = QtGui.QFontMetrics(bold)
        pad = CELL_PAD.left() + CELL_PAD.right() + GRID_SLACK
        long_px, flex_px = LONG_TEXT * cells.averageCharWidth(), FLEX_MIN * cells.averageCharWidth()
        natural, minimum, flexible = [], [], []
        for c, title in enumerate(self.table.columns):
            texts = [row[c] for row in self.table.rows]
            lines = [line for text in texts for line in text.splitlines()]
            widest = max((cells.horizontalAdvance(line) for line in lines), default=0)
            words = [w for text in texts if " " in text for w in text.split()]
            longest_word = max((cells.horizontalAdvance(w) for w in words), default=0)
            head = heads.horizontalAdvance(title) + HEADER_PAD
            natural.append(max(widest + pad, head))
            minimum.append(max(longest_word + pad, min(widest + pad, flex_px), head))
            flexible.append(widest > long_px)
        return natural, minimum, flexible

    def _layout_columns(self) -> None:
        available = self.width() - 2 * self.frameWidth()
        if not self.fit_height:  # room kept for the scroll bar, so its coming and going moves nothing
            available -= self.verticalScrollBar().sizeHint().width()
        natural, minimum, flexible = self.column_measures()
        header = self.horizontalHeader()
        columns = len(self.table.columns)
        grid = columns > 2 and set(self.table.numeric_columns) == set(range(1, columns))
        for c, width in enumerate(column_widths(natural, minimum, flexible, available, grid)):
            if header.sectionSize(c) != width:
                header.resizeSection(c, width)

    def changeEvent(self, event: QtCore.QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QtCore.QEvent.Type.FontChange:
            self._layout_columns()

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout_columns()
        self._refit.start()

    def _fit_height(self) -> None:
        self.resizeRowsToContents()
        if not self.fit_height:
            return
        height = self.horizontalHeader().height() + sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(height + 2 * self.frameWidth() + 2)


class DonutLegend(QtWidgets.QWidget):
    """A donut's key, set beside the ring: each segment's colour, name, value and share of the
    whole (the shares the ring draws); hover a row for the segment's figure and source."""

    def __init__(self, spec: ChartSpec, theme: Theme, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QtWidgets.QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        points = spec.series[0].points if spec.series else ()
        total = sum(p.value or 0 for p in points) or 1.0
        self.rows: list[tuple[QtWidgets.QLabel, ...]] = []
        right = QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter
        for r, point in enumerate(points):
            swatch = QtWidgets.QFrame()
            swatch.setFixedSize(14, 14)
            swatch.setStyleSheet(f"background: {theme.segments[r % len(theme.segments)]}; border-radius: 3px;")
            name = label(point.category, "", 10, bold=True)
            value = label(point.display, "", 10)
            value.setAlignment(right)
            share = label(f"{(point.value or 0) / total * 100:.1f}%", "muted", 10)
            share.setAlignment(right)
            for c, widget in enumerate((swatch, name, value, share)):
                widget.setToolTip(plain_tooltip(point.tooltip))
                grid.addWidget(widget, r, c)
            self.rows.append((name, value, share))
        grid.setColumnStretch(4, 1)
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Maximum)
