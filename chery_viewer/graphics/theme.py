"""Light and dark themes over one colour-blind-safe palette (Okabe and Ito, 2008), and the
colour rules every renderer shares (the window's charts, the PDF's value keys, image export).

Plain data and pure functions: no Qt, so the rules can be tested and read alone.
"""

from __future__ import annotations

from collections.abc import Sequence
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


def series_colours(styles: Sequence[tuple[str, str]], theme: Theme) -> list[str]:
    """The colour of each series, given as ``(style, panel)``: bars the theme's bar colour; lines
    the theme's line colours in turn, counted per plot (the main plot and the strip above it)."""
    turns: dict[str, int] = {}
    colours = []
    for style, panel in styles:
        if style == "bar":
            colours.append(theme.bar)
            continue
        k = turns.get(panel, 0)
        turns[panel] = k + 1
        colours.append(theme.lines[k] if k < len(theme.lines) else theme.lines[0])
    return colours


def bar_colour(theme: Theme, highlight: bool, span: int) -> str:
    """A bar's fill: highlighted or plain; a bar over several categories pale (mixed with the background)."""
    colour = theme.bar_highlight if highlight else theme.bar
    return mix(colour, theme.background, 0.6) if span > 1 else colour


def mix(colour: str, background: str, weight: float) -> str:
    """``weight`` of ``colour`` over ``background``, as an opaque #rrggbb."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(background[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x * weight + y * (1 - weight)):02x}" for x, y in zip(a, b, strict=True))


def ink_for(background: str) -> str:
    """Dark or white text, whichever reads better on ``background`` (relative luminance)."""
    r, g, b = (int(background[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return "#ffffff" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4 else "#10222e"


def change_mark(sign: int, theme: Theme) -> tuple[str, str]:
    """The arrow and colour of a KPI's change: up, down, or level (a zero change is neither)."""
    if sign > 0:
        return "▲", theme.up
    if sign < 0:
        return "▼", theme.down
    return "■", theme.muted
