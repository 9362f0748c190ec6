"""The paginator and the document template on fake flowables: no Qt, no fonts, exact numbers."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field

from chery_viewer.report.flowables import Flow, Flowable, SectionRule
from chery_viewer.report.geometry import Frame, PageInfo
from chery_viewer.report.paginate import paginate
from chery_viewer.report.templates import DocTemplate, PageTemplate

FRAME = Frame(x=50.0, top=100.0, width=400.0, bottom=600.0)  # 500 high


class Box(Flowable):
    """An atomic block of a given height."""

    def __init__(self, height: float, name: str = "", keep_with_next: bool = False, gap: float = 10.0) -> None:
        self.height, self.name, self.keep_with_next, self.gap_after = height, name, keep_with_next, gap

    def draw(self, canvas: FakeCanvas, x: float, y: float) -> None:
        canvas.drawn.append((self.name, x, y))


class Rows(Flow):
    """A flow of equal rows that splits between them."""

    def __init__(self, rows: int, row_h: float, name: str = "rows") -> None:
        self.rows, self.row_h, self.name, self.gap_after = rows, row_h, name, 10.0
        self.height = self.chunk_height(0, rows)

    def count(self) -> int:
        return self.rows

    def chunk_height(self, start: int, end: int) -> float:
        return (end - start) * self.row_h

    def chunk(self, start: int, end: int) -> Flowable:
        return Box(self.chunk_height(start, end), f"{self.name}[{start}:{end}]")


@dataclass
class FakeCanvas:
    drawn: list[tuple[str, float, float]] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    links: list = field(default_factory=list)
    saves: int = 0

    def save(self) -> None:
        self.saves += 1

    def restore(self) -> None:
        self.saves -= 1


def names(page) -> list[str]:
    return [getattr(p.block, "name", type(p.block).__name__) for p in page.blocks]


def test_blocks_stack_with_their_gaps_and_move_on_when_full():
    pages, starts = paginate([FRAME], [("A", [Box(200, "a"), Box(200, "b"), Box(200, "c")])])
    assert [names(p) for p in pages] == [["a", "b"], ["c"]]
    assert [p.y for p in pages[0].blocks] == [100.0, 310.0]
    assert pages[1].blocks[0].y == 100.0 and starts == [("A", 0, 100.0)]


def test_a_block_taller_than_a_frame_is_placed_alone_on_a_fresh_frame():
    pages, _ = paginate([FRAME], [("A", [Box(100, "a"), Box(900, "huge"), Box(10, "b")])])
    assert [names(p) for p in pages] == [["a"], ["huge"], ["b"]]


def test_a_heading_stays_with_the_block_after_it():
    story = [("A", [Box(380, "a"), Box(30, "heading", keep_with_next=True), Box(100, "body")])]
    pages, _ = paginate([FRAME], story)
    assert [names(p) for p in pages] == [["a"], ["heading", "body"]]


def test_a_flow_splits_between_rows():
    pages, _ = paginate([FRAME], [("A", [Box(300, "a"), Rows(10, 40)])])
    # 190 px left after a (300 + gap 10): four rows of 40 fit, six go on
    assert [names(p) for p in pages] == [["a", "rows[0:4]"], ["rows[4:10]"]]


def test_a_short_section_continues_the_page_below_a_divider():
    pages, starts = paginate([FRAME], [("A", [Box(100, "a")]), ("B", [Box(100, "b")]), ("Closing", [Box(10, "z")])])
    assert names(pages[0]) == ["a", "SectionRule", "b"]
    assert pages[0].sections == ["A", "B"]
    assert starts[1] == ("B", 0, 100.0 + 100 + 10 + 12 + SectionRule.height + SectionRule.gap_after)
    assert names(pages[1]) == ["z"] and pages[1].sections == ["Closing"]  # the last section starts a page


def test_a_long_section_starts_on_a_fresh_page_when_the_page_is_half_used():
    story = [("A", [Box(300, "a")]), ("B", [Box(400, "b1"), Box(400, "b2")]), ("Closing", [])]
    pages, _ = paginate([FRAME], story)
    assert [names(p) for p in pages][:3] == [["a"], ["b1"], ["b2"]]


def test_the_cover_flag_comes_from_the_first_block():
    cover = Box(100, "cover")
    cover.cover = True
    pages, _ = paginate([FRAME], [("A", [cover]), ("Z", [])])
    assert pages[0].cover and not pages[-1].cover


def test_two_frames_fill_left_then_right_then_a_new_page():
    left, right = Frame(0, 0, 100, 300), Frame(120, 0, 100, 300)
    pages, _ = paginate([left, right], [("A", [Box(200, "a"), Box(200, "b"), Box(200, "c")])])
    assert len(pages) == 2
    assert [(p.frame, p.x) for p in pages[0].blocks] == [(0, 0), (1, 120)]
    assert names(pages[1]) == ["c"]


def test_a_document_template_draws_every_page_and_its_furniture():
    furniture: list[tuple[int, int, list[str]]] = []
    template = PageTemplate(
        "test",
        lambda page: [Frame(page.left, page.top, page.content_width, page.top + 300)],
        lambda canvas, ctx: furniture.append((ctx.number, ctx.total, ctx.content.sections)),
    )
    doc = DocTemplate(PageInfo(800, 1000), template)
    canvas, new_pages = FakeCanvas(), []
    story = [("A", [Box(200, "a"), Box(200, "b")]), ("Z", [Box(10, "z")])]
    layout = doc.build(canvas, story, lambda: new_pages.append(1))
    assert layout.page_count == 3 and len(new_pages) == 2
    assert [n for n, _, _ in canvas.drawn] == ["a", "b", "z"] and canvas.saves == 0
    assert furniture == [(1, 3, ["A"]), (2, 3, ["A"]), (3, 3, ["Z"])]
    assert [(t, i) for t, i, _ in layout.sections] == [("A", 0), ("Z", 2)]


def test_only_the_chosen_pages_are_drawn():
    doc = DocTemplate(PageInfo(800, 1000), PageTemplate("t", lambda page: [Frame(0, 0, 100, 250)]))
    canvas = FakeCanvas()
    story = [("A", [Box(200, "a"), Box(200, "b"), Box(200, "c")])]
    layout = doc.build(canvas, story, lambda: None, only_pages={2})
    assert layout.page_count == 3 and [n for n, _, _ in canvas.drawn] == ["b"]


def test_the_paper_layout_core_imports_no_qt():
    code = (
        "import sys; import chery_viewer.report.paginate, chery_viewer.report.templates, chery_viewer.report.columns, "
        "chery_viewer.report.geometry, chery_viewer.report.pdfmeta; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
