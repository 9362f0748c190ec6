"""How a page shares out its space: rows of cards that reflow, and charts that grow with the window.

Both are computed from what the window gives (a width, the page's visible height), never from
what they lay out, so a change they make cannot come back to them as a new size.
"""

from __future__ import annotations

import math

from PySide6 import QtCore, QtWidgets

CHART_MIN, CHART_MAX = 300, 620  # px at 100%: a chart's plot height, from a small window to a tall one
CHART_SHARE = 0.55  # of the page's visible height


def chart_height(visible_height: int, zoom: float = 1.0) -> int:
    """A chart's plot height for a page ``visible_height`` px tall: a share of it, within bounds,
    times the page's zoom."""
    return round(min(max(CHART_SHARE * visible_height, CHART_MIN), CHART_MAX) * zoom)


def columns_for(width: int, count: int, item_width: int, spacing: int) -> int:
    """How many of ``count`` items go in one row of ``width`` px, each at least ``item_width``:
    as many as fit, then spread evenly over the rows needed (six that fit four a row make two
    rows of three, not four and two)."""
    if count <= 0:
        return 1
    fit = max(1, (width + spacing) // (item_width + spacing))
    if fit >= count:
        return count
    rows = math.ceil(count / fit)
    return math.ceil(count / rows)


class CardRow(QtWidgets.QLayout):
    """Cards side by side, as many a row as fit at the widest card's minimum width.

    Every card of a row is as tall as the tallest and top aligned with it; a row with fewer
    cards keeps the column width of the rows above, from the left.
    """

    def __init__(self, parent: QtWidgets.QWidget | None = None, spacing: int = 10) -> None:
        super().__init__(parent)
        self._items: list[QtWidgets.QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    # -- the QLayout protocol -------------------------------------------------------------

    def addItem(self, item: QtWidgets.QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QtWidgets.QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QtWidgets.QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> QtCore.Qt.Orientation:
        return QtCore.Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QtCore.QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QtCore.QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def minimumSize(self) -> QtCore.QSize:
        """One card wide, and as tall as the cards in one row: the least of either. (The height
        at the least width, every card in a column, would hold the page that tall at any width.)"""
        return QtCore.QSize(self.item_width() + self._margin_width(), self.sizeHint().height())

    def sizeHint(self) -> QtCore.QSize:
        n = len(self._items)
        width = n * self.item_width() + max(n - 1, 0) * self.spacing() + self._margin_width()
        return QtCore.QSize(width, self.heightForWidth(width))

    # -- arrangement ----------------------------------------------------------------------

    def item_width(self) -> int:
        """The least width a card gets: the widest of the cards' minimums."""
        return max((item.minimumSize().width() for item in self._items if not item.isEmpty()), default=0)

    def columns(self, width: int) -> int:
        """Cards a row at ``width`` px (the layout's own width, margins included)."""
        items = [i for i in self._items if not i.isEmpty()]
        return columns_for(width - self._margin_width(), len(items), self.item_width(), self.spacing())

    def _margin_width(self) -> int:
        m = self.contentsMargins()
        return m.left() + m.right()

    def _arrange(self, rect: QtCore.QRect, apply: bool) -> int:
        """Place the cards in ``rect`` (if ``apply``) and return the height they take."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        items = [i for i in self._items if not i.isEmpty()]
        if not items:
            return 0
        spacing = self.spacing()
        cols = self.columns(rect.width())
        col_width = max(1, (area.width() - (cols - 1) * spacing) // cols)
        y = area.y()
        for start in range(0, len(items), cols):
            row = items[start : start + cols]
            height = max(i.heightForWidth(col_width) if i.hasHeightForWidth() else i.sizeHint().height() for i in row)
            if apply:
                for c, item in enumerate(row):
                    item.setGeometry(QtCore.QRect(area.x() + c * (col_width + spacing), y, col_width, height))
            y += height + spacing
        return y - spacing - area.y() + m.top() + m.bottom()
