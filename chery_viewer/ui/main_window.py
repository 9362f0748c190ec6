"""The main window: five tabs built lazily, menus, status bar, settings."""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.audit import Analysis, analyse
from chery_viewer.core.content import BUILDERS, SECTION_KEYS, Document, SectionContent, section_titles
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.core.i18n import LANGUAGES, current_language, data_language, translate
from chery_viewer.ui import language as ui_language
from chery_viewer.ui.charts import ChartView
from chery_viewer.ui.figure_routes import FigureRoutes
from chery_viewer.ui.layout_choice import LayoutChoice
from chery_viewer.ui.opening import DatasetOpening
from chery_viewer.ui.panels import PANELS, SectionPanel
from chery_viewer.ui.settings import Settings
from chery_viewer.ui.theme import LIGHT, THEMES, apply_link_colour, stylesheet
from chery_viewer.ui.window_actions import WindowActions
from chery_viewer.ui.window_placement import WindowPlacement

TAB_KEYS = SECTION_KEYS
# The letter of each tab's item in the View menu (L, D and G are the themes' and Language's).
TAB_MNEMONICS = {"overview": "O", "sales": "S", "exports": "E", "innovation": "I", "partners": "P"}
PREBUILD_DELAY_MS = 250  # after the first frame, before a user can reach another tab
#: Between two panels built ahead: a pause long enough for the window to paint and answer
#: input (a zero timer would run the next build before the heartbeat of a paint got its turn).
PREBUILD_STEP_MS = 30
ZOOM_LEVELS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)  # the page's text and charts, Ctrl+= / Ctrl+-


class MainWindow(DatasetOpening, WindowActions, WindowPlacement, QtWidgets.QMainWindow):
    """Tabs for Overview, Sales, Exports, Innovation and Partners over one fact sheet.

    Opening, Open recent, drag and drop and live reload come from :class:`DatasetOpening`.
    """

    sigSheetChanged = QtCore.Signal()

    def __init__(
        self, sheet: FactSheet, settings: Settings | None = None, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        self.theme = THEMES.get(self.settings.theme, LIGHT)
        self.zoom = self.settings.zoom
        self.panels: dict[str, SectionPanel] = {}
        self._building: dict[str, SectionPanel] = {}  # panels being built ahead, a part a turn
        self._pointed_chart: ChartView | None = None
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setDocumentMode(True)
        self._init_opening()
        central = QtWidgets.QWidget()
        column = QtWidgets.QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.message_bar)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._containers: list[QtWidgets.QWidget] = []
        for _key in TAB_KEYS:
            container = QtWidgets.QWidget()
            box = QtWidgets.QVBoxLayout(container)
            box.setContentsMargins(0, 0, 0, 0)
            self._containers.append(container)
            self.tabs.addTab(container, "")
        self.status_label = QtWidgets.QLabel()
        self.status_label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.status_label)
        self._create_actions()
        self._create_menus()
        self._retranslate()
        self._apply_theme_style()
        self._set_sheet(sheet)
        self.figure_routes = FigureRoutes(self)  # All figures, source ids to Sources, copying
        self._watch_current()
        self._remember_opened_from_outside()
        last = self.settings.last_tab
        self.tabs.setCurrentIndex(TAB_KEYS.index(last) if last in TAB_KEYS else 0)
        self._ensure_panel(self.tabs.currentIndex())
        self.tabs.currentChanged.connect(self._on_tab_change)
        if not self._restore_geometry():
            self.fit_to_screen()

    # -- data --------------------------------------------------------------------------

    def _set_sheet(self, dataset: FactSheet, sheet: FactSheet | None = None, analysis: Analysis | None = None,
                   sections: dict[str, SectionContent] | None = None) -> None:  # fmt: skip
        """Show ``dataset`` in the current language; everything derived from it is replaced in one step.

        ``self.dataset`` keeps the package as loaded, ``self.sheet`` its texts in the current
        language, which the tabs, the dialogs and the PDF show. ``sheet``, ``analysis`` and
        ``sections`` are passed when the caller has built them already.
        """
        self.dataset = dataset
        sheet = sheet or dataset.localized(data_language(current_language()))
        analysis = analysis or analyse(sheet)
        self.sheet, self.analysis = sheet, analysis
        self.sections: dict[str, SectionContent] = sections or {}  # else built with their panels, on demand
        self._show_sheet_identity()
        self._clear_panels()

    def _show_sheet_identity(self) -> None:
        sheet = self.sheet
        self.setWindowTitle(sheet.title)
        parts = [
            sheet.title,
            translate("MainWindow", "data version {version}").format(version=sheet.version) if sheet.version else "",
            translate("MainWindow", "as of {date}").format(date=sheet.as_of) if sheet.as_of else "",
        ]
        self.status_label.setText("   ·   ".join(p for p in parts if p))

    def _clear_panels(self) -> None:
        """Drop every panel. Each stays a hidden child of its tab until Qt deletes it: taken
        out of the window with setParent(None) it would be a top-level widget of its own."""
        self._pointed_chart = None  # it belongs to a panel that goes
        for panel in self.panels.values():
            panel.hide()
            panel.parentWidget().layout().removeWidget(panel)
            panel.deleteLater()
        for panel in self._building.values():
            panel.deleteLater()
        self.panels.clear()
        self._building.clear()

    def section(self, key: str) -> SectionContent:
        """The content of one tab, built once per sheet and language."""
        if key not in self.sections:
            self.sections[key] = BUILDERS[key](self.sheet, self.analysis)
        return self.sections[key]

    def document(self) -> list[SectionContent]:
        """Every section the window shows, in tab order: what export, print and preview draw."""
        return [self.section(key) for key in TAB_KEYS]

    def core_document(self) -> Document:
        """The core document with the sections the window shows (its cover and closing built beside them)."""
        from chery_viewer.core.content import build_document

        return build_document(self.sheet, self.analysis, self.document())

    def _ensure_panel(self, index: int) -> SectionPanel:
        """The tab's panel, built now if it is not (or finished if it was being built ahead)."""
        key = TAB_KEYS[index]
        if key not in self.panels:
            panel = self._building.pop(key, None)
            if panel is None:
                panel = PANELS[key](self.section(key), self.theme, zoom=self.zoom)
            panel.finish()
            self._adopt(index, panel)
        return self.panels[key]

    def _adopt(self, index: int, panel: SectionPanel) -> None:
        for chart in panel.charts:
            chart.sigHovered.connect(self._on_chart_hovered)
            chart.sigExportRequested.connect(self._on_chart_export_requested)
        self._containers[index].layout().addWidget(panel)
        self.panels[TAB_KEYS[index]] = panel
        self.figure_routes.attach(panel)

    def panel(self, key: str) -> SectionPanel:
        return self._ensure_panel(TAB_KEYS.index(key))

    def current_panel(self) -> SectionPanel:
        return self._ensure_panel(self.tabs.currentIndex())

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        super().showEvent(event)
        self._centre_if_first_shown()
        self._prebuild_later(PREBUILD_DELAY_MS)

    def _prebuild_later(self, delay_ms: int = PREBUILD_STEP_MS) -> None:
        QtCore.QTimer.singleShot(delay_ms, self._prebuild_next_panel)

    def _prebuild_next_panel(self) -> None:
        """Build one more part of a panel per event-loop turn after the first frame (a row of
        charts, say), so that later tab switches only show a ready widget and the window
        never blocks for long."""
        missing = [i for i, key in enumerate(TAB_KEYS) if key not in self.panels]
        if missing and self.isVisible():
            index, key = missing[0], TAB_KEYS[missing[0]]
            if key not in self._building:
                self._building[key] = PANELS[key](self.section(key), self.theme, zoom=self.zoom, stepwise=True)
            elif self._building[key].build_step():
                self._adopt(index, self._building.pop(key))
            self._prebuild_later()

    def _on_tab_change(self, index: int) -> None:
        self._ensure_panel(index)
        self.settings.last_tab = TAB_KEYS[index]

    # -- actions -----------------------------------------------------------------------

    def _action(self, slot: object, shortcut: str | QtGui.QKeySequence | None = None) -> QtGui.QAction:
        """An action whose text :meth:`_retranslate` sets (again on every change of language)."""
        action = QtGui.QAction(self)
        if shortcut is not None:
            action.setShortcut(QtGui.QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        self.open_action = self._action(self.open_dataset, "Ctrl+O")
        self.export_pdf_action = self._action(self.export_pdf, "Ctrl+E")
        self.print_action = self._action(self.print_sheet, "Ctrl+P")
        self.preview_action = self._action(self.preview_sheet, "Ctrl+Shift+P")
        self.layout_choice = LayoutChoice(self, self.settings)
        self.chart_image_action = self._action(self.export_chart_image)
        self.chart_data_action = self._action(self.export_chart_data)
        self.quit_action = self._action(self.close, "Ctrl+Q")
        self.tab_actions = [
            self._action(lambda i=i: self.tabs.setCurrentIndex(i), f"Ctrl+{i + 1}") for i in range(len(TAB_KEYS))
        ]
        self.theme_group = QtGui.QActionGroup(self)
        self.theme_actions: dict[str, QtGui.QAction] = {}
        for name in THEMES:
            action = self._action(lambda n=name: self.set_theme(n))
            action.setCheckable(True)
            action.setChecked(name == self.theme.name)
            self.theme_group.addAction(action)
            self.theme_actions[name] = action
        self.language_group = QtGui.QActionGroup(self)
        self.language_actions: dict[str, QtGui.QAction] = {}
        for code, name in LANGUAGES.items():
            action = self._action(lambda c=code: self.set_language(c))
            action.setText(name)  # each language is named in its own language, never translated
            action.setCheckable(True)
            action.setChecked(code == current_language())
            self.language_group.addAction(action)
            self.language_actions[code] = action
        find = QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.Find)  # Ctrl+F
        self.figures_action = self._action(lambda: self.figure_routes.show_figures(), find)
        # Ctrl+= and Ctrl++ both zoom in: "+" needs Shift on most keyboards, "=" is the same key without it.
        self.zoom_in_action = self._action(lambda: self.step_zoom(1), QtGui.QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_action.setShortcuts([QtGui.QKeySequence("Ctrl+="), QtGui.QKeySequence("Ctrl++")])
        self.zoom_out_action = self._action(lambda: self.step_zoom(-1), "Ctrl+-")
        self.zoom_reset_action = self._action(lambda: self.set_zoom(1.0), "Ctrl+0")
        self.shortcuts_action = self._action(self.show_shortcuts, "F1")
        self.sources_action = self._action(self.show_sources)
        self.audit_action = self._action(self.show_audit)
        self.about_action = self._action(self.show_about)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.open_action])
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.export_pdf_action, self.print_action, self.preview_action])
        self.file_menu.addMenu(self.layout_choice.menu)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.chart_image_action, self.chart_data_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addActions(self.tab_actions)
        self.view_menu.addAction(self.figures_action)
        self.view_menu.addSeparator()
        self.view_menu.addActions(list(self.theme_actions.values()))
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addActions(list(self.language_actions.values()))
        self.help_menu = bar.addMenu("")
        self.help_menu.addActions([self.shortcuts_action, self.sources_action, self.audit_action, self.about_action])

    def _retranslate(self) -> None:
        """Every text of the window's own (menus, tabs, tips) in the current language."""
        open_tip = translate("MainWindow", "Load another data package")
        pdf_tip = translate("MainWindow", "Write the whole fact sheet to PDF")
        image_tip = translate("MainWindow", "PNG or SVG of the chart you last pointed at, or the tab's main chart")
        data_tip = translate("MainWindow", "CSV of the chart you last pointed at, or the tab's main chart")
        figures_tip = translate("MainWindow", "Every figure, fact and partner in one table to search, sort and export")
        texts = [
            (self.open_action, translate("MainWindow", "&Open dataset…"), open_tip),
            (self.export_pdf_action, translate("MainWindow", "&Export PDF…"), pdf_tip),
            (self.print_action, translate("MainWindow", "&Print…"), ""),
            (self.preview_action, translate("MainWindow", "Print pre&view…"), ""),
            (self.chart_image_action, translate("MainWindow", "Export chart &image…"), image_tip),
            (self.chart_data_action, translate("MainWindow", "Export chart &data…"), data_tip),
            (self.quit_action, translate("MainWindow", "&Quit"), ""),
            (self.theme_actions["light"], translate("MainWindow", "&Light theme"), ""),
            (self.theme_actions["dark"], translate("MainWindow", "&Dark theme"), ""),
            (self.figures_action, translate("MainWindow", "All &figures…"), figures_tip),
            (self.zoom_in_action, translate("MainWindow", "Zoom i&n"), ""),
            (self.zoom_out_action, translate("MainWindow", "Zoom ou&t"), ""),
            (self.zoom_reset_action, translate("MainWindow", "&Actual size"), ""),
            (self.shortcuts_action, translate("MainWindow", "&Keyboard shortcuts"), ""),
            (self.sources_action, translate("MainWindow", "&Sources"), ""),
            (self.audit_action, translate("MainWindow", "&Data audit"), ""),
            (self.about_action, translate("MainWindow", "&About"), ""),
        ]
        for action, text, tip in texts:
            action.setText(text)
            action.setStatusTip(tip)
        self.layout_choice.retranslate()
        titles = section_titles()
        for i, key in enumerate(TAB_KEYS):
            self.tabs.setTabText(i, titles[key])
            self.tab_actions[i].setText(ui_language.with_mnemonic(titles[key], TAB_MNEMONICS[key]))
        self.file_menu.setTitle(translate("MainWindow", "&File"))
        self.view_menu.setTitle(translate("MainWindow", "&View"))
        self.language_menu.setTitle(translate("MainWindow", "Lan&guage"))
        self.help_menu.setTitle(translate("MainWindow", "&Help"))
        self._retranslate_opening()

    # -- language ----------------------------------------------------------------------

    def set_language(self, code: str) -> None:
        """Switch every text, of the window and of the fact sheet, to ``code`` ('en', 'zh_CN'), and remember it."""
        if code not in LANGUAGES or code == current_language():
            return
        ui_language.install(code)
        self.settings.language = code
        self.language_actions[code].setChecked(True)
        self._retranslate()
        self._set_sheet(self.dataset)
        self._ensure_panel(self.tabs.currentIndex())
        self._prebuild_later(0)
        self.sigSheetChanged.emit()  # the sheet shown is the same package in other words

    # -- theme -------------------------------------------------------------------------

    def set_theme(self, name: str) -> None:
        self.theme = THEMES[name]
        self.settings.theme = name
        self.theme_actions[name].setChecked(True)
        self._apply_theme_style()
        self._clear_panels()
        self._ensure_panel(self.tabs.currentIndex())
        self._prebuild_later(0)

    # -- zoom --------------------------------------------------------------------------

    def step_zoom(self, direction: int) -> None:
        """One zoom level up (``direction`` 1) or down (-1) from the current zoom."""
        if direction > 0:
            level = next((z for z in ZOOM_LEVELS if z > self.zoom + 1e-6), ZOOM_LEVELS[-1])
        else:
            level = next((z for z in reversed(ZOOM_LEVELS) if z < self.zoom - 1e-6), ZOOM_LEVELS[0])
        self.set_zoom(level)

    def set_zoom(self, zoom: float) -> None:
        """Draw the pages' text and charts at ``zoom`` and remember it; the keyboard focus
        stays on the same card, chart or table."""
        if abs(zoom - self.zoom) < 1e-6:
            return
        self.zoom = zoom
        self.settings.zoom = zoom
        panel = self.panels.get(TAB_KEYS[self.tabs.currentIndex()])
        focus = panel.focus_index() if panel else -1
        self._rebuild_panels()
        if focus >= 0:
            self.current_panel().focusables[focus].setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
        self.statusBar().showMessage(translate("MainWindow", "Zoom {percent}%").format(percent=round(zoom * 100)), 3000)

    def _rebuild_panels(self) -> None:
        self._clear_panels()
        self._ensure_panel(self.tabs.currentIndex())
        self._prebuild_later(0)

    def _apply_theme_style(self) -> None:
        self.setStyleSheet(stylesheet(self.theme))
        apply_link_colour(self.theme)
        self.message_bar.apply_theme(self.theme)

    # -- lifecycle ----------------------------------------------------------------------

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        self._stop_loaders()
        self.settings.geometry = self.saveGeometry()
        self.settings.last_tab = TAB_KEYS[self.tabs.currentIndex()]
        self.settings.sync()
        super().closeEvent(event)
