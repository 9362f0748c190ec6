"""The two-page fact sheet: a designed front and back over the same document and blocks.

The full report flows its story through one frame per page; the fact sheet is laid out, not
flowed: each page is a set of panels (the title band, a row of KPI cards, columns) whose
blocks are stacked top to bottom, and one flexible block per page (the trend chart on the
front, the space above the sources on the back) takes the room the others leave, so neither
page is half empty on A4 or Letter, in English or Chinese. If the fixed blocks do not fit,
the back page's type steps down one pixel at a time; a layout that still overflows raises
rather than clip.

Page 1 (front): title band with the as-of date, the headline KPI cards, the sales-and-exports
trend, the year's firsts and the sales figures of 2022. Page 2 (back): exports (the two shares
of China's car exports told apart, the months with their own export figures, markets and models), innovation
(patents, factories and HiGOPlat, research programmes), partners and their alliance domains,
the 2023 goals, the audit's headline and the sources in small type. Every figure carries its
source id ([S1]); the sources block on page 2 resolves them.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from PySide6 import QtGui

from chery_viewer.core.audit import Analysis
from chery_viewer.core.content import Card, Document, Kpi, SectionContent
from chery_viewer.core.content.context import Context
from chery_viewer.core.i18n import translate
from chery_viewer.graphics.theme import LIGHT, Theme
from chery_viewer.report.blocks.charts import ChartBlock
from chery_viewer.report.canvas import BLUE, Canvas, prepare_painter
from chery_viewer.report.flowables import Flowable
from chery_viewer.report.geometry import PX_PER_MM, PageInfo
from chery_viewer.report.paginate import Page, Placed, Story
from chery_viewer.report.sheet_blocks import Band, CardGrid, Heading, KpiGrid, Line, Rows, SourceList
from chery_viewer.report.templates import DocTemplate, DocumentLayout, PageContext, PageTemplate

if TYPE_CHECKING:
    from chery_viewer.core.factsheet import FactSheet

__all__ = ["SheetOverflow", "cite", "layout_sheet", "paint_sheet", "sheet_page"]

COLUMN_GAP = 16.0
PANEL_GAP = 12.0
FOOTER_H = 16.0


class SheetOverflow(RuntimeError):
    """The fact sheet's fixed blocks do not fit its two pages."""


def sheet_page(page: PageInfo) -> PageInfo:
    """The same paper with the handout's narrower margins."""
    return PageInfo(page.width, page.height, 12 * PX_PER_MM, 8 * PX_PER_MM, 8 * PX_PER_MM)


def cite(sheet: FactSheet, figure_id: str, analysis: Analysis | None = None) -> str:
    """The source ids behind a figure, as '[S1]' or '[S1, S17]' (a derived figure names its inputs' sources)."""
    seen: list[str] = []

    def walk(fid: str, depth: int = 0) -> None:
        figure = analysis.figure(sheet, fid) if analysis is not None else sheet.figures.get(fid)
        if figure is None or depth > 8:
            return
        if figure.derived:
            for name in figure.inputs():
                walk(name, depth + 1)
        elif figure.source_id and figure.source_id not in seen:
            seen.append(figure.source_id)

    walk(figure_id)
    return f"[{', '.join(seen)}]" if seen else ""


@dataclass
class _Column:
    """Blocks stacked top to bottom in a column of a page."""

    x: float
    y: float
    width: float
    placed: list[tuple[Flowable, float, float]] = field(default_factory=list)

    def add(self, block: Flowable, gap: float | None = None) -> Flowable:
        self.placed.append((block, self.x, self.y))
        self.y += block.height + (block.gap_after if gap is None else gap)
        return block

    def skip(self, space: float) -> None:
        self.y += space


@dataclass
class _Sheet:
    """What the layout made: two pages of placed blocks and the bookmarks (title, page index, y)."""

    pages: list[Page]
    starts: list[tuple[str, int, float]]


def _section(document: Document, key: str) -> SectionContent:
    return document.section(key)  # type: ignore[arg-type]


def _kpi(document: Document, key: str, figure_id: str) -> Kpi | None:
    return next((k for k in _section(document, key).kpis if k.figure_id == figure_id), None)


def _as_month(kpi: Kpi | None) -> Kpi | None:
    """A month's KPI labelled by its month (the panel's heading says what is counted)."""
    return None if kpi is None else replace(kpi, label=kpi.period, period="", change_label="")


def _cited(ctx: Context, kpis: Sequence[Kpi | None]) -> list[tuple[Kpi, str]]:
    return [(k, cite(ctx.sheet, k.figure_id, ctx.analysis)) for k in kpis if k is not None]


def _front(c: Canvas, page: PageInfo, document: Document, sheet: FactSheet, ctx: Context) -> tuple[Page, list]:
    cover, w = document.cover, page.content_width
    bottom = page.bottom - FOOTER_H
    col = _Column(page.left, page.top, w)
    marks: list[tuple[str, float]] = []
    as_of = translate("Report", "Data as of {date}").format(date=cover.as_of_text) if cover.as_of_text else ""
    subtitle = translate(
        "Report", "Results of {year} on one sheet, front and back. Every figure names its source: the ids in brackets "
        "are listed on the back."
    ).format(year=cover.report_year)  # fmt: skip
    col.add(Band(c, cover.title, subtitle, as_of, w))
    headline = translate("Report", "Headline figures {year}").format(year=cover.report_year)
    marks.append((headline, col.y))
    col.add(Heading(c, headline, w))
    col.add(KpiGrid(c, _cited(ctx, cover.kpis), w, len(cover.kpis) or 1), PANEL_GAP + 2)

    # the lower bands first: the chart takes the room they leave
    sales = _section(document, "sales")
    sales_title = translate("Report", "Sales in {year}").format(year=cover.report_year)
    shown = {k.figure_id for k in cover.kpis}
    sales_kpis = [k for k in sales.kpis if k.figure_id not in shown]
    lower: list[tuple[str, list[Flowable]]] = []
    if sales_kpis:
        lower.append(
            (sales_title, [Heading(c, sales_title, w), KpiGrid(c, _cited(ctx, sales_kpis), w, len(sales_kpis), 18)])
        )
    firsts = cover.firsts
    if firsts is not None and firsts.cards:
        lower.append((firsts.title, [Heading(c, firsts.title, w), CardGrid(c, firsts.cards, w, len(firsts.cards))]))
    lower_h = sum(b.height + b.gap_after for _, blocks in lower for b in blocks) + PANEL_GAP * (len(lower) - 1)
    trend = cover.trend
    if trend is not None:
        probe = ChartBlock(c, trend, w, 100.0)
        chart_h = bottom - col.y - lower_h - PANEL_GAP - (probe.height - 100.0)
        if chart_h < 170:
            raise SheetOverflow(f"the front page leaves {chart_h:.0f} px for the trend chart")
        marks.append((trend.title, col.y))
        col.add(ChartBlock(c, trend, w, min(chart_h, 420.0)), PANEL_GAP + 4)
    for title, blocks in lower:
        marks.append((title, col.y))
        for block in blocks[:-1]:
            col.add(block)
        col.add(blocks[-1], PANEL_GAP)
    if col.y - PANEL_GAP > bottom + 0.5:
        raise SheetOverflow("the front page's firsts and sales do not fit")
    placed = col.placed
    return Page([headline], cover=True, blocks=[Placed(b, 0, x, y) for b, x, y in placed]), marks


def _back(c: Canvas, page: PageInfo, document: Document, sheet: FactSheet, ctx: Context, px: int) -> tuple[Page, list]:
    w = page.content_width
    bottom = page.bottom - FOOTER_H
    full = _Column(page.left, page.top, w)
    marks: list[tuple[str, float]] = []
    back_title = translate("Report", "{title}: exports, innovation, partners").format(title=document.cover.title)
    full.add(Band(c, back_title, "", "", w, 17 if px > 8 else 15), PANEL_GAP if px > 8 else 8)
    half = (w - COLUMN_GAP) / 2
    left, right = _Column(page.left, full.y, half), _Column(page.left + half + COLUMN_GAP, full.y, half)

    exports = _section(document, "exports")
    marks.append((exports.title, left.y))
    left.add(Heading(c, exports.title, half))
    shares = _cited(ctx, [_kpi(document, "exports", "cumulative_export_share"),
                            _kpi(document, "exports", "china_export_share_2022")])  # fmt: skip
    left.add(KpiGrid(c, shares, half, 2, 20), 5)
    told_apart = ctx.get("china_export_share_2022")
    if told_apart is not None:
        left.add(Line(c, translate(
            "Report", "Two different shares. 20% is the base article's figure for Chery's exports summed up to "
            "3 Feb 2023 [S1]; ~14.5% is our own figure for 2022 alone: Exports 2022 ÷ China's car exports 2022 × 100 "
            "{cite}."
        ).format(cite=cite(sheet, "china_export_share_2022", ctx.analysis)), half, px, boxed=True))  # fmt: skip
    months = [_as_month(ctx.kpi(fid)) for fid in ("exports_2022_08", "exports_2022_07", "exports_2022_06")]
    months.append(_kpi(document, "exports", "months_over_50k_2022"))
    left.add(Heading(c, translate("Report", "Exports by month, 2022"), half, 11))
    left.add(KpiGrid(c, _cited(ctx, months), half, 4, 14), 8)
    markets = next((t for t in exports.tables if t.id == "markets"), None)
    if markets is not None and markets.rows:
        left.add(Heading(c, markets.title, half, 11))
        left.add(Rows(c, markets.rows, (1.2, 2.0, 0.9, 1.1, 0.6), half, numeric=(2,), px=px, muted=(1, 3, 4)), 8)
    for group in exports.cards:
        left.add(Heading(c, group.title, half, 11))
        left.add(_card_rows(c, group.cards, half, px), 8)

    innovation = _section(document, "innovation")
    marks.append((innovation.title, right.y))
    right.add(Heading(c, innovation.title, half))
    patents = [_kpi(document, "innovation", fid) or ctx.kpi(fid)
               for fid in ("patents_declared", "patents_granted", "invention_share")]  # fmt: skip
    right.add(KpiGrid(c, _cited(ctx, patents), half, 3, 17), 8)
    for group in innovation.cards:
        right.add(Heading(c, group.title, half, 11))
        right.add(_card_rows(c, group.cards, half, px), 8)

    full.y = max(left.y, right.y) + 2
    partners = _section(document, "partners")
    lower_l, lower_r = _Column(page.left, full.y, half), _Column(page.left + half + COLUMN_GAP, full.y, half)
    marks.append((partners.title, full.y))
    _partners(c, lower_l, partners, half, px)

    firsts = document.cover.firsts
    goals = next(
        (g for g in _section(document, "overview").cards if g.cards and (firsts is None or g.title != firsts.title)),
        None,
    )
    if goals is not None:
        marks.append((goals.title, full.y))
        lower_r.add(Heading(c, goals.title, half))
        lower_r.add(CardGrid(c, goals.cards, half, 2, px))
    closing = document.closing
    audit = (
        translate(
            "Report", "Audit: the audit recomputes every published rate and sub-total and finds {count} "
            "disagreements between the sources; the full report explains each."
        ).format(count=len(closing.findings))
        if closing.findings
        else closing.no_findings
    )  # fmt: skip
    marks.append((translate("Report", "Audit"), lower_r.y))
    lower_r.add(Line(c, audit, half, px, boxed=True), 0)
    full.y = max(lower_l.y, lower_r.y) + PANEL_GAP

    sources_title = translate("Report", "Sources")
    entries = [(s.id, f"{s.publisher}, {_short_date(s.date, s.date_text)}") for s in closing.sources]
    sources = SourceList(c, entries, w, 5 if px < 9 else 4, 7)
    note = Line(c, translate(
        "Report", "Full headlines and addresses of the sources, the data audit and every formula: the full report "
        "(chery-viewer --layout report --export-pdf report.pdf)."
    ), w, 8, muted=True)  # fmt: skip
    need = Heading(c, sources_title, w, 11).height + 6 + sources.height + 4 + note.height
    if full.y + need > bottom + 0.5 and px == 8:  # the last step: the pointer to the full report gives way
        need -= note.height
        note = None
    if full.y + need > bottom + 0.5:
        raise SheetOverflow(f"the back page overflows by {full.y + need - bottom:.0f} px")
    # the room left goes half above the partners band, half above the sources at the foot
    shift = (bottom - need - full.y) / 2
    band_top = min(y for _, _, y in lower_l.placed + lower_r.placed) if lower_l.placed or lower_r.placed else full.y
    for column in (lower_l, lower_r):
        column.placed = [(b, x, y + shift) for b, x, y in column.placed]
    marks = [(title, y + shift if y >= band_top else y) for title, y in marks]
    full.y = bottom - need
    marks.append((sources_title, full.y))
    full.add(Heading(c, sources_title, w, 11))
    full.add(sources, 4)
    if note is not None:
        full.add(note)
    placed = full.placed + left.placed + right.placed + lower_l.placed + lower_r.placed
    return Page([back_title], cover=True, blocks=[Placed(b, 0, x, y) for b, x, y in placed]), marks


def _card_rows(c: Canvas, cards: Sequence[Card], width: float, px: int) -> Rows:
    """Cards as the rows of a compact table: title, text, then date and source in small type."""
    return Rows(c, [(card.title, card.body, card.meta) for card in cards], (1.2, 3.1, 1.05), width, px=px, muted=(2,))


def _partners(c: Canvas, col: _Column, partners: SectionContent, w: float, px: int) -> None:
    """The six named partners (domain as paired, source) under the four alliance domains."""
    col.add(Heading(c, translate("Report", "Partners and alliance domains"), w))
    table = next((t for t in partners.tables if t.rows), None)
    network = next((ch for ch in partners.charts if ch.kind == "network"), None)
    domains = [n.label for n in network.nodes if n.level == 1] if network is not None else []
    named = translate(
        "Report", "The base article names {count} partners and {domains} alliance domains [S1]: {names}. It does not "
        "say which partner belongs to which domain; the pairings below are our inference from each deal."
    ).format(count=len(table.rows) if table else 0, domains=len(domains), names=" · ".join(domains))  # fmt: skip
    col.add(Line(c, named, w, px), 4)
    if table is not None:
        rows = [(r[0], r[4], r[6]) for r in table.rows]
        col.add(Rows(c, rows, (1.3, 1.5, 0.45), w, px=px, muted=(2,)), 0)


def layout_sheet(c: Canvas, page: PageInfo, document: Document, sheet: FactSheet, analysis: Analysis) -> _Sheet:
    """Both pages laid out; the back page's type steps down until it fits."""
    ctx = Context(sheet, analysis)
    front, front_marks = _front(c, page, document, sheet, ctx)
    error: SheetOverflow | None = None
    for px in (11, 10, 9, 8):
        try:
            back, back_marks = _back(c, page, document, sheet, ctx, px)
            break
        except SheetOverflow as exc:
            error = exc
    else:
        raise error or SheetOverflow("the back page does not fit")
    starts = [(title, 0, y) for title, y in front_marks] + [(title, 1, y) for title, y in back_marks]
    return _Sheet([front, back], starts)


def _short_date(date: str, shown: str) -> str:
    """A source's date for the small type: as published, or marked as our inference, or 'undated'."""
    if not date:
        return shown
    return date if shown == date else translate("Report", "{date} (inferred)").format(date=date)


class _SheetDoc(DocTemplate):
    """A document template whose pages are laid out, not flowed."""

    def __init__(self, page: PageInfo, template: PageTemplate, sheet: _Sheet) -> None:
        super().__init__(page, template)
        self.sheet = sheet

    def layout(self, story: Story) -> tuple[list[Page], list[tuple[str, int, float]]]:
        return self.sheet.pages, self.sheet.starts


def sheet_template(sheet: FactSheet) -> PageTemplate:
    """The footer of both pages: title and as-of on the left, 'Front'/'Back' and page N of 2 on the right."""

    def on_page(c: Canvas, context: PageContext) -> None:
        page, t = context.page, c.theme
        y = page.bottom - FOOTER_H + 5
        c.rule(page.left, y, page.right, t.border)
        footer = translate("Report", "{title}  ·  data as of {date}").format(title=sheet.title, date=sheet.as_of)
        c.draw_line(page.left, y + 3, footer, c.font(8), t.muted)
        side = translate("Report", "Front") if context.number == 1 else translate("Report", "Back")
        number = translate("Report", "Page {number} of {total}").format(number=context.number, total=context.total)
        c.draw_line(page.left, y + 3, f"{side}  ·  {number}", c.font(8, True), BLUE, page.content_width, "right")

    return PageTemplate("fact sheet", lambda page: [page.body], on_page)


def paint_sheet(
    painter: QtGui.QPainter,
    page: PageInfo,
    document: Document,
    sheet: FactSheet,
    analysis: Analysis,
    new_page: Callable[[], object],
    theme: Theme = LIGHT,
    only_pages: Container[int] | None = None,
) -> DocumentLayout:
    """Lay out and paint the two-page fact sheet with an active ``painter`` (see ``paint_document``)."""
    prepare_painter(painter)
    handout = sheet_page(page)
    c = Canvas(painter, handout, theme)
    laid = layout_sheet(c, handout, document, sheet, analysis)
    doc = _SheetDoc(handout, sheet_template(sheet), laid)
    return doc.build(c, [], new_page, only_pages)
