"""Light and dark themes over one colour-blind-safe palette (Okabe and Ito, 2008), and the
colour rules every renderer shares (the window's charts, the PDF's value keys, image export).

Every pair of colours a reader must tell apart meets WCAG 2.1 AA in both themes: text 4.5:1
against what it stands on, bars, lines, segments and focus rings 3:1 against the background
(``tests/graphics/test_contrast.py`` measures each pair from these objects). Where an Okabe-Ito
colour falls short on one background it is darkened or lightened in that theme only, keeping
its hue: the light theme's bars are Okabe-Ito blue with a deeper blue for the report year (sky
is 2.3:1 on white), the dark theme's a lighter blue under dark labels.

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
    bar=BLUE,
    bar_highlight="#005585",  # Okabe-Ito blue, deeper; also links and focus rings (8:1 on white)
    segments=(BLUE, "#b87d00", GREEN, PURPLE),  # orange deepened: #E69F00 is 2.3:1 on white
    up="#007a59",  # Okabe-Ito green and vermilion deepened to 4.5:1 on the cards
    down="#b34f00",
)
DARK = Theme(
    "dark",
    background="#1d2025",
    surface="#272b32",
    foreground="#e8eaed",
    muted="#a4acb6",
    grid="#3a4049",
    border="#3b424c",
    bar="#5796c5",  # light enough to hold dark labels at 4.5:1
    bar_highlight=SKY,
    up="#1fb08a",  # Okabe-Ito green and vermilion lightened to 4.5:1 on the cards
    down="#f0782a",
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
    """A bar's fill: highlighted or plain; a bar over several categories pale (:func:`pale`)."""
    colour = theme.bar_highlight if highlight else theme.bar
    return pale(colour, theme.background) if span > 1 else colour


#: WCAG 2.1 AA: text against its background, and graphical objects against theirs.
TEXT_CONTRAST, GRAPHIC_CONTRAST = 4.5, 3.0


def pale(colour: str, background: str) -> str:
    """``colour`` faded toward ``background`` as far as it can go while the bar still stands
    3:1 off the background and its label (dark or white, :func:`ink_for`) reads at 4.5:1;
    ``colour`` itself if no mix does."""
    for percent in range(30, 100):
        faded = mix(colour, background, percent / 100)
        if (
            contrast_ratio(faded, background) >= GRAPHIC_CONTRAST
            and contrast_ratio(ink_for(faded), faded) >= TEXT_CONTRAST
        ):
            return faded
    return colour


def mix(colour: str, background: str, weight: float) -> str:
    """``weight`` of ``colour`` over ``background``, as an opaque #rrggbb."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(background[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x * weight + y * (1 - weight)):02x}" for x, y in zip(a, b, strict=True))


INKS = ("#10222e", "#ffffff")  # the two colours a label on a bar may take


def ink_for(background: str) -> str:
    """Dark or white text, whichever has the higher contrast on ``background``."""
    return max(INKS, key=lambda ink: contrast_ratio(ink, background))


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a #rrggbb colour (0 black, 1 white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours, from 1 (same) to 21 (black on white)."""
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def change_mark(sign: int, theme: Theme) -> tuple[str, str]:
    """The arrow and colour of a KPI's change: up, down, or level (a zero change is neither)."""
    if sign > 0:
        return "▲", theme.up
    if sign < 0:
        return "▼", theme.down
    return "■", theme.muted
