"""Light and dark themes over one colour-blind-safe palette (Okabe and Ito, 2008)."""

from __future__ import annotations

from dataclasses import dataclass

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
BLUE = "#0072B2"
SKY = "#56B4E9"
ORANGE = "#E69F00"
GREEN = "#009E73"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
YELLOW = "#F0E442"


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    surface: str  # cards and table headers
    foreground: str
    muted: str
    grid: str
    border: str
    bar: str = SKY
    bar_highlight: str = BLUE
    lines: tuple[str, ...] = (VERMILLION, GREEN, PURPLE)
    segments: tuple[str, ...] = (BLUE, ORANGE, GREEN, PURPLE)
    levels: tuple[str, ...] = (VERMILLION, BLUE, GREEN)
    up: str = GREEN  # shown with ▲, so colour is never the only cue
    down: str = VERMILLION  # shown with ▼


LIGHT = Theme(
    "light",
    background="#ffffff",
    surface="#f3f5f8",
    foreground="#1f2328",
    muted="#5b6470",
    grid="#d8dde3",
    border="#d0d7de",
)
DARK = Theme(
    "dark",
    background="#1d2025",
    surface="#272b32",
    foreground="#e8eaed",
    muted="#a4acb6",
    grid="#3a4049",
    border="#3b424c",
    bar="#3d7fb0",
    bar_highlight=SKY,
)
THEMES = {"light": LIGHT, "dark": DARK}


def stylesheet(theme: Theme) -> str:
    """Qt style sheet for the window chrome, cards and tables.

    Every Tab stop has a focus ring of 2 px in the theme's highlight colour (blue on light,
    sky on dark: above 3:1 against both backgrounds), the tab bar's current tab included.
    """
    t = theme
    return f"""
QMainWindow, QWidget#page, QScrollArea, QScrollArea > QWidget > QWidget {{
    background: {t.background}; color: {t.foreground}; }}
QMenuBar {{ background: {t.surface}; color: {t.foreground}; border-bottom: 1px solid {t.border}; }}
QMenuBar::item {{ padding: 4px 10px; background: transparent; }}
QMenuBar::item:selected, QMenu::item:selected {{ background: {BLUE}; color: #ffffff; }}
QMenu {{ background: {t.surface}; color: {t.foreground}; border: 1px solid {t.border}; }}
QMenu::item {{ padding: 5px 24px 5px 24px; }}
QMenu::item:disabled {{ color: {t.muted}; }}
QMenu::separator {{ height: 1px; background: {t.border}; margin: 4px 8px; }}
QDialog, QTextBrowser {{ background: {t.background}; color: {t.foreground}; }}
QPushButton {{ background: {t.surface}; color: {t.foreground}; border: 1px solid {t.border}; border-radius: 4px;
               padding: 4px 14px; }}
QPushButton:hover {{ border-color: {BLUE}; }}
QTabWidget::pane {{ border-top: 1px solid {t.border}; }}
QTabBar::tab {{ padding: 6px 16px; color: {t.muted}; background: transparent; border: none; }}
QTabBar::tab:selected {{ color: {t.foreground}; border-bottom: 2px solid {BLUE}; font-weight: 600; }}
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
QToolTip {{ color: #1f2328; background: #fffbe6; border: 1px solid #c9b458; }}
"""
