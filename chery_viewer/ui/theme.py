"""The window's style sheet, over the shared themes of :mod:`chery_viewer.graphics.theme`."""

from __future__ import annotations

from PySide6 import QtGui, QtWidgets

from chery_viewer.graphics.theme import BLUE, DARK, LIGHT, THEMES, Theme

__all__ = ["ACCENT", "DARK", "LIGHT", "MENU_SELECTED", "THEMES", "TOOLTIP", "Theme", "apply_link_colour", "stylesheet"]

#: A selected menu item (text, background) and a tooltip (text, background, border): the same in both themes.
MENU_SELECTED = ("#ffffff", BLUE)
TOOLTIP = ("#1f2328", "#fffbe6", "#c9b458")
#: The selected tab's underline and a hovered button's border.
ACCENT = BLUE


def apply_link_colour(theme: Theme) -> None:
    """Links that are not our own source ids (the Sources and About dialogs) take the theme's
    link colour: a style sheet cannot set it, and Qt's default blue is 2.2:1 on the dark page."""
    app = QtWidgets.QApplication.instance()
    if not isinstance(app, QtWidgets.QApplication):
        return
    palette = app.palette()
    for role in (QtGui.QPalette.ColorRole.Link, QtGui.QPalette.ColorRole.LinkVisited):
        palette.setColor(role, QtGui.QColor(theme.bar_highlight))
    app.setPalette(palette)


def stylesheet(theme: Theme) -> str:
    """Qt style sheet for the window chrome, cards and tables.

    Every Tab stop has a focus ring of 2 px in the theme's highlight colour (deep blue on light,
    sky on dark: above 3:1 against both backgrounds), the tab bar's current tab included.
    Every text and background pair here is measured by ``tests/graphics/test_contrast.py``.
    """
    t = theme
    menu_text, menu_background = MENU_SELECTED
    tip_text, tip_background, tip_border = TOOLTIP
    return f"""
QMainWindow, QWidget#page, QScrollArea, QScrollArea > QWidget > QWidget {{
    background: {t.background}; color: {t.foreground}; }}
QMenuBar {{ background: {t.surface}; color: {t.foreground}; border-bottom: 1px solid {t.border}; }}
QMenuBar::item {{ padding: 4px 10px; background: transparent; }}
QMenuBar::item:selected, QMenu::item:selected {{ background: {menu_background}; color: {menu_text}; }}
QMenu {{ background: {t.surface}; color: {t.foreground}; border: 1px solid {t.border}; }}
QMenu::item {{ padding: 5px 24px 5px 24px; }}
QMenu::item:disabled {{ color: {t.muted}; }}
QMenu::separator {{ height: 1px; background: {t.border}; margin: 4px 8px; }}
QDialog, QTextBrowser {{ background: {t.background}; color: {t.foreground}; }}
QPushButton {{ background: {t.surface}; color: {t.foreground}; border: 1px solid {t.border}; border-radius: 4px;
               padding: 4px 14px; }}
QPushButton:hover {{ border-color: {ACCENT}; }}
QTabWidget::pane {{ border-top: 1px solid {t.border}; }}
QTabBar::tab {{ padding: 6px 16px; color: {t.muted}; background: transparent; border: none; }}
QTabBar::tab:selected {{ color: {t.foreground}; border-bottom: 2px solid {ACCENT}; font-weight: 600; }}
QLabel {{ color: {t.foreground}; background: transparent; }}
QLabel[role="muted"], QLabel[role="caption"] {{ color: {t.muted}; }}
QLabel[role="heading"] {{ font-weight: 600; }}
QFrame[role="card"] {{ background: {t.surface}; border: 1px solid {t.border}; border-radius: 6px; }}
QTableWidget {{ background: {t.background}; color: {t.foreground}; gridline-color: {t.grid};
               border: 1px solid {t.border}; alternate-background-color: {t.surface}; }}
QHeaderView::section {{ background: {t.surface}; color: {t.foreground}; border: none;
                        border-bottom: 1px solid {t.border}; padding: 4px; font-weight: 600; }}
QStatusBar {{ color: {t.muted}; }}
QScrollBar:vertical {{ background: {t.background}; width: 12px; margin: 0; }}
QScrollBar::handle:vertical {{ background: {t.border}; border-radius: 4px; min-height: 32px; margin: 2px; }}
QScrollBar::handle:vertical:hover {{ background: {t.muted}; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
QFrame[role="card"]:focus, QTableWidget:focus, QLabel[role="note"]:focus {{
    border: 2px solid {t.bar_highlight}; }}
QLabel[role="note"] {{ border: 2px solid transparent; border-radius: 4px; }}
QTabBar:focus {{ outline: none; }}
QTabBar::tab:selected:focus {{ border: 2px solid {t.bar_highlight}; border-radius: 4px; }}
QToolTip {{ color: {tip_text}; background: {tip_background}; border: 1px solid {tip_border}; }}
"""
