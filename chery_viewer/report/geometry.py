"""Page geometry in layout pixels (96 to the inch): paper sizes, margins, frames. No Qt.

Everything on paper is measured in layout pixels. The PDF writer runs at exactly 96 dpi:
pyqtgraph caches axes and bars as ``QPicture`` recordings made at 96 dpi and replays them
mis-scaled at any other resolution.
"""

from __future__ import annotations

from dataclasses import dataclass

DPI = 96
PX_PER_MM = DPI / 25.4
PT_PER_PX = 72 / DPI
PAPER_MM: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}


def page_size_key(page_size: str) -> str | None:
    """The paper name as spelled in ``PAPER_MM`` ('a4' -> 'A4'), or None if unknown."""
    return next((key for key in PAPER_MM if key.lower() == str(page_size).lower()), None)


@dataclass(frozen=True)
class Frame:
    """A rectangle of a page that blocks flow into, top to bottom."""

    x: float
    top: float
    width: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class PageInfo:
    """A page in layout pixels (96 to the inch), with its margins."""

    width: float
    height: float
    margin_x: float = 15 * PX_PER_MM
    margin_top: float = 19 * PX_PER_MM
    margin_bottom: float = 17 * PX_PER_MM

    @classmethod
    def from_inches(cls, width: float, height: float) -> PageInfo:
        return cls(width * DPI, height * DPI)

    @property
    def left(self) -> float:
        return self.margin_x

    @property
    def right(self) -> float:
        return self.width - self.margin_x

    @property
    def top(self) -> float:
        return self.margin_top

    @property
    def bottom(self) -> float:
        return self.height - self.margin_bottom

    @property
    def content_width(self) -> float:
        return self.right - self.left

    @property
    def content_height(self) -> float:
        return self.bottom - self.top

    @property
    def body(self) -> Frame:
        """The page inside its margins: the one frame of the full report."""
        return Frame(self.left, self.top, self.content_width, self.bottom)
