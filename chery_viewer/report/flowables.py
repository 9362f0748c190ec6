"""Flowables: measured pieces of a page, as ReportLab's platypus has them. No Qt.

A flowable is measured when it is made, for the width of the frame it will flow into (a
canvas does the measuring); :meth:`Flowable.wrap` then says how much room it takes,
:meth:`Flowable.split` breaks it between frames and :meth:`Flowable.draw` paints it on a
canvas. The paginator (:mod:`chery_viewer.report.paginate`) needs nothing else, so it is
tested on fake flowables without Qt.

A :class:`Flow` is a run of items (table rows, card rows, notes) that splits between items:
subclasses say how many items there are, how tall a run of them is and how to make a chunk.
"""

from __future__ import annotations

import copy
from typing import Any

GAP = 16.0  # between blocks

__all__ = ["GAP", "Chunk", "Flow", "Flowable", "SectionRule"]


class Flowable:
    """Something drawn at a position in a frame; ``height`` is known before drawing.

    ``keep_with_next`` keeps it on the page of the block after it (headings);
    ``ends_opening`` marks the block a section's opening must reach (a chart) when the
    paginator decides whether a section may start part-way down a page; ``cover`` marks the
    banner of the first page (a page template may draw no running header there).
    """

    width: float = 0.0
    height: float = 0.0
    gap_after: float = GAP
    keep_with_next: bool = False
    ends_opening: bool = False
    cover: bool = False

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        """The room this block takes in a frame ``avail_w`` wide with ``avail_h`` left."""
        return (self.width or avail_w, self.height)

    @property
    def min_height(self) -> float:
        """The least room it can be drawn in (a chart may shrink, a flow may split)."""
        return self.height

    def split(self, avail_w: float, avail_h: float, fresh: bool = False) -> tuple[Flowable | None, Flowable | None]:
        """The part that fits in ``avail_h`` and the rest; atomic blocks go whole or not at all.

        ``fresh`` says the frame is empty: then something must be placed, even if it overflows.
        """
        return (self, None) if self.height <= avail_h or fresh else (None, self)

    def draw(self, canvas: Any, x: float, y: float) -> None:
        raise NotImplementedError


class Flow(Flowable):
    """A block of items that may split between items."""

    start: int = 0

    def count(self) -> int:
        raise NotImplementedError

    def chunk_height(self, start: int, end: int) -> float:
        raise NotImplementedError

    def chunk(self, start: int, end: int) -> Flowable:
        raise NotImplementedError

    def keep_whole(self) -> bool:
        """Whether this flow, not yet split, should move whole to the next frame."""
        return False

    @property
    def min_height(self) -> float:
        return self.chunk_height(self.start, self.start + 1)

    def rest(self, start: int) -> Flow:
        """The items from ``start`` on, as a flow of their own."""
        rest = copy.copy(self)
        rest.start = start
        rest.height = rest.chunk_height(start, self.count())
        return rest

    def fit(self, available: float) -> int:
        """End of the longest run from ``start`` that fits in ``available``."""
        stop, end = self.start, self.count()
        while stop < end and self.chunk_height(self.start, stop + 1) <= available:
            stop += 1
        return stop

    def split(self, avail_w: float, avail_h: float, fresh: bool = False) -> tuple[Flowable | None, Flowable | None]:
        end = self.count()
        if self.start == 0 and self.keep_whole() and self.height > avail_h and not fresh:
            return None, self
        stop = self.fit(avail_h)
        if stop == self.start:
            if not fresh:
                return None, self
            stop += 1
        head = self.chunk(self.start, stop)
        return (head, None) if stop == end else (head, self.rest(stop))


class Chunk(Flowable):
    """Items ``start`` to ``end`` of a flow, as placed in one frame; the flow's family draws it."""

    def __init__(self, flow: Flow, start: int, end: int) -> None:
        self.flow, self.start, self.end = flow, start, end
        self.height = flow.chunk_height(start, end)
        self.width = flow.width


class SectionRule(Flowable):
    """The divider above a section that starts part-way down a frame."""

    height = 1.0
    gap_after = 16.0
    keep_with_next = True

    def draw(self, canvas: Any, x: float, y: float) -> None:
        canvas.rule(x, y, x + self.width, canvas.theme.border, 1.0)
