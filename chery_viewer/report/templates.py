"""Page templates and the document template, as ReportLab's platypus has them. No Qt.

A :class:`PageTemplate` is the frames blocks flow into and an ``on_page`` callback that draws
the page's furniture (running header, footer, page number) once its blocks are drawn. A
:class:`DocTemplate` paginates a story through a page template and paints the pages on a
canvas. The full report is one template (:mod:`chery_viewer.report.full_report`); another
layout over the same blocks is another ``PageTemplate`` and story: see the package docstring.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, field
from typing import Any

from chery_viewer.core.signals import checkpoint, hold_for_test
from chery_viewer.report.geometry import Frame, PageInfo
from chery_viewer.report.paginate import Page, Story, paginate

__all__ = ["DocTemplate", "DocumentLayout", "PageContext", "PageTemplate"]


@dataclass(frozen=True)
class PageContext:
    """What an ``on_page`` callback knows about the page it decorates."""

    page: PageInfo
    content: Page
    number: int  # 1-based
    total: int


@dataclass(frozen=True)
class PageTemplate:
    """A page's frames (made for the paper, so one template serves A4 and Letter) and its furniture."""

    name: str
    frames: Callable[[PageInfo], Sequence[Frame]]
    on_page: Callable[[Any, PageContext], None] = lambda canvas, context: None


@dataclass
class DocumentLayout:
    """What a document template drew: the page count, where each section starts (title, 0-based
    page index, y in layout pixels) and the links (page index, rectangle, URL)."""

    page_count: int = 0
    sections: list[tuple[str, int, float]] = field(default_factory=list)
    links: list[tuple[int, Any, str]] = field(default_factory=list)


class DocTemplate:
    """Paginates a story through ``template`` on ``page`` and paints it."""

    def __init__(self, page: PageInfo, template: PageTemplate) -> None:
        self.page = page
        self.template = template
        self.frames = list(template.frames(page))

    def layout(self, story: Story) -> tuple[list[Page], list[tuple[str, int, float]]]:
        return paginate(self.frames, story)

    def build(
        self,
        canvas: Any,
        story: Story,
        new_page: Callable[[], object],
        only_pages: Container[int] | None = None,
    ) -> DocumentLayout:
        """Paint every page of ``story`` on ``canvas``; ``new_page`` starts the next page of the
        device (a false result means it refused); ``only_pages`` (1-based) skips the others."""
        pages, starts = self.layout(story)
        result = DocumentLayout(len(pages), starts)
        started = False
        for number, content in enumerate(pages, start=1):
            if only_pages is not None and number not in only_pages:
                continue
            if started and new_page() is False:
                raise RuntimeError(f"the device refused to start page {number}")
            started = True
            canvas.links = []
            for placed in content.blocks:
                hold_for_test("render")
                checkpoint()  # a signal during an export stops here, between two blocks
                canvas.save()
                try:
                    placed.block.draw(canvas, placed.x, placed.y)
                finally:
                    canvas.restore()
            self.template.on_page(canvas, PageContext(self.page, content, number, len(pages)))
            result.links += [(number - 1, rect, url) for rect, url in canvas.links]
        return result
