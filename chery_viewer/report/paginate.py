"""Placing flowables in frames and pages: the paginator. No Qt; tested on fake flowables.

The story is a list of sections, each a title and its flowables. A section continues the
frame before it when it fits there whole, or when it is longer than a frame anyway and the
frame is less than half used (and its opening fits); otherwise, and always for the last
section (the closing one), it starts a new page. A block that does not fit moves on to the
next frame (or splits, if it can); a heading stays with what follows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from chery_viewer.report.flowables import Flowable, SectionRule
from chery_viewer.report.geometry import Frame

__all__ = ["SHARE_FREE_TO_CONTINUE", "Page", "Placed", "Story", "opening_height", "paginate"]

SHARE_FREE_TO_CONTINUE = 0.45  # a section starts in the same frame when this much of it is still free
RULE_SPACE = 12.0  # above the divider of a section that continues a page

Story = Sequence[tuple[str, Sequence[Flowable]]]


@dataclass(frozen=True)
class Placed:
    """A flowable at its place: the frame's index on the page, its left edge and the block's top."""

    block: Flowable
    frame: int
    x: float
    y: float


@dataclass
class Page:
    """What one page shows: the sections on it (for the running header), its blocks, and whether
    it opens with the cover banner."""

    sections: list[str]
    cover: bool = False
    blocks: list[Placed] = field(default_factory=list)


def opening_height(blocks: Sequence[Flowable], count: int = 3) -> float:
    """Height of a section's opening after a divider: its blocks up to the first that ends an
    opening (a chart), or the first ``count``, at their smallest; with ``count=len(blocks)``, of
    the whole section at full size."""
    total = SectionRule.height + SectionRule.gap_after
    for k, block in enumerate(blocks):
        if count >= len(blocks):
            total += block.height + block.gap_after
            continue
        total += block.min_height + block.gap_after
        if block.ends_opening or k == count - 1:
            break
    return total


class _Cursor:
    """Where the next block goes: the page, its frame, and y in that frame."""

    def __init__(self, frames: Sequence[Frame], pages: list[Page]) -> None:
        self.frames, self.pages = frames, pages
        self.frame = 0
        self.y = frames[0].top

    @property
    def current(self) -> Frame:
        return self.frames[self.frame]

    @property
    def room(self) -> float:
        return self.current.bottom - self.y

    @property
    def fresh(self) -> bool:
        return self.y == self.current.top

    def new_page(self, title: str) -> None:
        self.pages.append(Page([title]))
        self.frame = 0
        self.y = self.frames[0].top

    def next_frame(self, title: str) -> None:
        if self.frame + 1 < len(self.frames):
            self.frame += 1
            self.y = self.current.top
        else:
            self.new_page(title)


def paginate(frames: Sequence[Frame], story: Story) -> tuple[list[Page], list[tuple[str, int, float]]]:
    """Pages of placed blocks, and where each section starts (title, 0-based page index, y).

    ``frames`` are one page's frames in reading order; every page has the same.
    """
    if not frames:
        raise ValueError("a page template needs at least one frame")
    pages: list[Page] = []
    starts: list[tuple[str, int, float]] = []
    at = _Cursor(frames, pages)
    for s, (title, blocks) in enumerate(story):
        queue = list(blocks)
        whole = opening_height(blocks, len(blocks))
        if s == 0:
            pages.append(Page([title], cover=bool(blocks) and blocks[0].cover))
        elif s != len(story) - 1 and (
            at.y + RULE_SPACE + whole <= at.current.bottom  # the whole section fits below
            or (
                whole - SectionRule.height - SectionRule.gap_after > at.current.height  # it cannot fit a frame
                and at.room >= SHARE_FREE_TO_CONTINUE * at.current.height
                and at.y + RULE_SPACE + opening_height(blocks) <= at.current.bottom
            )
        ):
            at.y += RULE_SPACE
            rule = SectionRule()
            rule.width = at.current.width
            queue.insert(0, rule)
            pages[-1].sections.append(title)
        else:
            at.new_page(title)
        started = False
        while queue:
            block = queue.pop(0)
            fresh = at.fresh
            need = block.min_height
            if block.keep_with_next and queue:
                need += block.gap_after + queue[0].min_height
                if queue[0].keep_with_next and len(queue) > 1:
                    need += queue[0].gap_after + queue[1].min_height
            if not fresh and need > at.room:
                if isinstance(block, SectionRule):  # the section starts on a new page after all
                    pages[-1].sections.remove(title)
                    at.new_page(title)
                    continue
                at.next_frame(title)
                fresh = True
            head, rest = block.split(at.current.width, at.room, fresh)
            if head is None:
                at.next_frame(title)
                queue.insert(0, block)
                continue
            if not started and not isinstance(head, SectionRule):
                starts.append((title, len(pages) - 1, at.y))
                started = True
            pages[-1].blocks.append(Placed(head, at.frame, at.current.x, at.y))
            at.y += head.height + head.gap_after
            if rest is not None:
                queue.insert(0, rest)
                at.next_frame(title)
    return pages, starts
