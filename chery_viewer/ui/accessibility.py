"""What Qt's accessibility bridge (AT-SPI on Linux) sees of a chart, and the chart's data dialog.

A ``pg.GraphicsView`` would appear as two nested, unnamed fillers (the view and its viewport).
The interface factory gives every :class:`~chery_viewer.ui.charts.ChartView` one node of role
Chart: its title as name, the generated summary of its values as description (both set on the
widget from :mod:`chery_viewer.core.content.accessible`), and as value the element the keyboard
has selected, which is also announced when it changes.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.content.accessible import chart_table
from chery_viewer.core.i18n import translate

_installed = False


class ChartAccessible(QtWidgets.QAccessibleWidget):
    """A chart as one accessible node: role Chart, no children (the viewport is an implementation detail)."""

    def __init__(self, widget: QtWidgets.QWidget) -> None:
        super().__init__(widget, QtGui.QAccessible.Role.Chart)

    def text(self, kind: QtGui.QAccessible.Text) -> str:
        if kind == QtGui.QAccessible.Text.Value:
            return getattr(self.widget(), "selected_text", lambda: "")()
        return super().text(kind)

    def childCount(self) -> int:
        return 0

    def child(self, index: int) -> None:
        return None

    def indexOfChild(self, child: QtGui.QAccessibleInterface) -> int:
        return -1

    def childAt(self, x: int, y: int) -> None:
        return None


def _factory(key: str, obj: QtCore.QObject) -> QtGui.QAccessibleInterface | None:
    from chery_viewer.ui.charts import ChartView

    if isinstance(obj, ChartView):
        return ChartAccessible(obj)
    return None


def install() -> None:
    """Install the interface factory once per process (before the first chart is queried)."""
    global _installed
    if not _installed:
        QtGui.QAccessible.installFactory(_factory)
        _installed = True


def announce(widget: QtWidgets.QWidget, text: str) -> None:
    """Have a screen reader say ``text`` now (an AT-SPI announcement), without moving the focus."""
    event = QtGui.QAccessibleAnnouncementEvent(widget, text)
    QtGui.QAccessible.updateAccessibility(event)


class ChartDataDialog(QtWidgets.QDialog):
    """A chart's values as an accessible table: every point (or node) with its exact value."""

    def __init__(self, spec: object, parent: QtWidgets.QWidget | None = None) -> None:
        from chery_viewer.ui.widgets import TableView, label

        super().__init__(parent)
        table = chart_table(spec)  # type: ignore[arg-type]
        self.setWindowTitle(translate("Accessibility", "Data of the chart: {title}").format(title=table.title))
        layout = QtWidgets.QVBoxLayout(self)
        heading = label(table.title, "heading", 11, bold=True, wrap=True)
        layout.addWidget(heading)
        self.table = TableView(table, fit_height=False)
        heading.setBuddy(self.table)
        layout.addWidget(self.table)
        if table.caption:
            layout.addWidget(label(table.caption, "caption", 8.5, wrap=True))
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 480)
        self.table.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
        if self.table.rowCount():
            self.table.setCurrentCell(0, 0)
