"""Which document Export PDF, Print and Print preview make: the two-page fact sheet or the full
report. The choice is a pair of radio items in File → Document layout and, for Export PDF, the
save dialog's file type; either way it is remembered in the settings."""

from __future__ import annotations

from PySide6 import QtGui, QtWidgets

from chery_viewer.core.i18n import translate
from chery_viewer.ui.settings import Settings

__all__ = ["LAYOUTS", "LayoutChoice"]

LAYOUTS = ("sheet", "report")  # as the command line's --layout spells them


def layout_name(layout: str) -> str:
    return (
        translate("MainWindow", "Fact sheet (2 pages)") if layout == "sheet" else translate("MainWindow", "Full report")
    )


class LayoutChoice:
    """The remembered layout, its menu and the save dialog's filters."""

    def __init__(self, parent: QtWidgets.QWidget, settings: Settings) -> None:
        self.settings = settings
        self.group = QtGui.QActionGroup(parent)
        self.actions: dict[str, QtGui.QAction] = {}
        for layout in LAYOUTS:
            action = QtGui.QAction(parent)
            action.setCheckable(True)
            action.setChecked(layout == self.current)
            action.triggered.connect(lambda _checked=False, chosen=layout: self.choose(chosen))
            self.group.addAction(action)
            self.actions[layout] = action
        self.menu = QtWidgets.QMenu(parent)
        self.menu.addActions(list(self.actions.values()))
        self.retranslate()

    @property
    def current(self) -> str:
        value = self.settings.store.value("export/layout", "report")
        return value if value in LAYOUTS else "report"

    def choose(self, layout: str) -> None:
        if layout not in LAYOUTS:
            return
        self.settings.store.setValue("export/layout", layout)
        self.actions[layout].setChecked(True)

    def filters(self) -> tuple[str, str]:
        """The save dialog's file types (the remembered one first offered) and the one to select."""
        names = {layout: translate("MainWindow", "{layout}, PDF (*.pdf)").format(layout=layout_name(layout))
                 for layout in LAYOUTS}  # fmt: skip
        return ";;".join(names.values()), names[self.current]

    def from_filter(self, chosen: str) -> None:
        """Remember the layout of the file type picked in the save dialog."""
        for layout in LAYOUTS:
            if chosen == self.filters()[0].split(";;")[LAYOUTS.index(layout)]:
                self.choose(layout)

    def retranslate(self) -> None:
        self.menu.setTitle(translate("MainWindow", "Document &layout"))
        menu_texts = {
            "sheet": translate("MainWindow", "&Fact sheet (2 pages)"),
            "report": translate("MainWindow", "Full &report"),
        }
        for layout, action in self.actions.items():
            action.setText(menu_texts[layout])
            action.setStatusTip(translate("MainWindow", "What Export PDF, Print and Print preview make"))
