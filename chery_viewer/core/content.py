"""What each section shows, as plain data: the screen and the PDF both draw these objects.

One pure builder per section turns the fact sheet (and its analysis) into a
``SectionContent`` of KPIs, chart specifications, tables, cards and notes. Every text a
reader sees is formatted here, once, so the two renderers cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from chery_viewer.core.audit import Analysis, analyse, describe_formula, evaluate
from chery_viewer.core.factsheet import FactSheet, Figure
from chery_viewer.core.formatting import change_sign, format_change, format_value, format_with_unit, unit_word
from chery_viewer.core.periods import MONTHS

SECTION_TITLES = {
    "overview": "Overview",
    "sales": "Sales",
    "exports": "Exports",
    "innovation": "Innovation",
    "partners": "Partners",
}


@dataclass(frozen=True)
class Kpi:
    label: str
    value: str
    unit: str
    period: str
    change: str = ""
    change_sign: int = 0
    change_label: str = ""
    tooltip: str = ""
    figure_id: str = ""


@dataclass(frozen=True)
class Point:
    """One bar, point or donut segment. ``span`` > 1 marks a bar covering several months."""

    category: str
    value: float | None
    display: str
    tooltip: str
    highlight: bool = False
    span: int = 1


@dataclass(frozen=True)
class Series:
    """A run of points. ``panel`` "upper" puts it in a strip above the main plot, sharing the
    categories: a second quantity (a rate, a running total) gets its own scale without a
    second y axis over the bars."""

    name: str
    unit: str
    style: str  # "bar" or "line"
    points: tuple[Point, ...]
    panel: str = "main"  # or "upper"


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    level: int  # 0 = Chery, 1 = alliance domain, 2 = partner
    tooltip: str


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    inferred: bool = False


@dataclass(frozen=True)
class ChartSpec:
    id: str
    title: str
    kind: str  # "bars", "donut" or "network"
    categories: tuple[str, ...] = ()
    series: tuple[Series, ...] = ()
    y_label: str = ""
    upper_label: str = ""
    nodes: tuple[Node, ...] = ()
    edges: tuple[Edge, ...] = ()
    caption: str = ""

    def frame(self) -> pd.DataFrame:
        """The chart's data as a table (for CSV export): one row per point or node."""
        if self.kind == "network":
            parents = {e.target: e.source for e in self.edges}
            return pd.DataFrame(
                [
                    {
                        "node": n.label,
                        "level": n.level,
                        "linked_to": parents.get(n.id, ""),
                        "inferred_link": any(e.inferred for e in self.edges if e.target == n.id),
                    }
                    for n in self.nodes
                ]
            )
        rows = [
            {
                "series": s.name,
                "category": p.category,
                "value": p.value,
                "unit": s.unit,
                "months": p.span,
                "shown_as": p.display,
            }
            for s in self.series
            for p in s.points
        ]
        return pd.DataFrame(rows, columns=["series", "category", "value", "unit", "months", "shown_as"])


@dataclass(frozen=True)
class Table:
    id: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    numeric_columns: tuple[int, ...] = ()  # right-aligned by both renderers


@dataclass(frozen=True)
class Card:
    title: str
    body: str
    meta: str
    tooltip: str = ""


@dataclass(frozen=True)
class CardGroup:
    title: str
    cards: tuple[Card, ...]


@dataclass(frozen=True)
class SectionContent:
    key: str
    title: str
    summary: str
    kpis: tuple[Kpi, ...]
    charts: tuple[ChartSpec, ...]
    tables: tuple[Table, ...] = ()
    cards: tuple[CardGroup, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)


# -- shared helpers --------------------------------------------------------------------


class _Context:
    """The fact sheet with its analysis, plus the text helpers every builder uses."""

    def __init__(self, sheet: FactSheet, analysis: Analysis) -> None:
        self.sheet = sheet
        self.analysis = analysis
        self.year = sheet.report_year

    def get(self, figure_id: str) -> Figure | None:
        return self.analysis.figure(self.sheet, figure_id)

    def find(self, metric: str, period: str, subject: str | None = None) -> Figure | None:
        found = self.sheet.find(metric, period, subject)
        if found is None:
            found = next(
                (f for f in self.analysis.derived.values() if f.metric == metric and f.period.code == period), None
            )
        return found

    def source_text(self, figure: Figure) -> str:
        ids = (
            [figure.source_id]
            if not figure.derived
            else [f.source_id for f in (self.get(i) for i in figure.inputs()) if f is not None]
        )
        parts = []
        for sid in dict.fromkeys(ids):
            src = self.sheet.sources.get(sid)
            if src:
                parts.append(f"[{sid}] {src.publisher}{', ' + src.date if src.date else ''}")
        return "; ".join(parts)

    def tooltip(self, figure: Figure) -> str:
        lines = [
            f"{figure.label}: {format_with_unit(figure.value, figure.unit, figure.approximate, figure.lower_bound)}",
            f"Period: {figure.period.label()}",
        ]
        if figure.derived:
            lines.append(f"Derived: {describe_formula(figure.formula, self.get)}")
        lines.append(f"Source: {self.source_text(figure)}")
        if figure.note:
            lines.append(figure.note)
        return "\n".join(lines)

    def kpi(self, figure_id: str | Figure | None, label: str | None = None) -> Kpi | None:
        """A KPI card for a figure (by id or as is), with its published or derived growth."""
        figure = self.get(figure_id) if isinstance(figure_id, str) else figure_id
        if figure is None:
            return None
        change = self.growth_of(figure)
        tooltip = self.tooltip(figure)
        if change is not None:
            tooltip += (
                f"\n\nChange: {format_change(change.value)} ({'derived' if change.derived else 'published'}, "
                f"{self.source_text(change)})"
            )
        return Kpi(
            label=label or figure.label,
            value=format_value(figure.value, figure.unit, figure.approximate, figure.lower_bound),
            unit=unit_word(figure.unit),
            period=figure.period.label() + (" · derived" if figure.derived else ""),
            change=format_change(change.value) if change else "",
            change_sign=change_sign(change.value) if change else 0,
            change_label="year on year" if change else "",
            tooltip=tooltip,
            figure_id=figure.id,
        )

    def growth_of(self, figure: Figure) -> Figure | None:
        return (
            self.find(f"{figure.metric}_yoy", figure.period.code, figure.subject) if figure.unit == "vehicles" else None
        )

    def point(self, category: str, figure: Figure | None, highlight: bool = False, what: str = "") -> Point:
        if figure is None:
            return Point(category, None, "n/a", f"{what} {category}: no published figure (n/a)".strip())
        return Point(
            category,
            figure.value,
            format_value(figure.value, figure.unit, figure.approximate, figure.lower_bound),
            self.tooltip(figure),
            highlight,
        )

    def latest(self, metric: str) -> Figure | None:
        """The report year's most complete figure of ``metric``: latest end, then longest
        period, exact before lower bound; None if the metric has nothing in that year."""
        candidates = [f for f in self.sheet.of_metric(metric) if f.period.start.year <= self.year <= f.period.end.year]
        return max(
            candidates, key=lambda f: (f.period.end, f.period.end - f.period.start, not f.lower_bound), default=None
        )

    def audit_notes(self, section: str) -> list[str]:
        """The audit's findings about figures of ``section``, as notes."""
        return [
            f"Audit: {f.explanation}"
            for f in self.analysis.findings
            if (g := self.get(f.figure_id)) is not None and g.section == section
        ]

    def in_scope(self, figure: Figure) -> bool:
        """Whether a figure belongs in the report year's tables: every annual figure and dated
        event, but monthly figures only of the report year (a long monthly history would
        otherwise fill the fact sheet with pages of other years)."""
        p = figure.period
        if p.precision not in ("month", "range"):
            return True
        return p.start.year <= self.year <= p.end.year

    def figures_table(self, section: str, title: str = "Every figure in this section") -> Table:
        rows = []
        figures = [f for f in self.sheet if f.section == section and f.metric not in OWN_TABLE and self.in_scope(f)]
        figures += [f for f in self.analysis.derived.values() if f.section == section]
        for f in figures:
            rows.append(
                (
                    f.label,
                    format_with_unit(f.value, f.unit, f.approximate, f.lower_bound),
                    f.period.label(),
                    "derived" if f.derived else "stated",
                    describe_formula(f.formula, self.get) if f.derived else f"[{f.source_id}]",
                )
            )
        return Table(
            f"{section}_figures",
            title,
            ("Figure", "Value", "Period", "Kind", "Source or formula"),
            tuple(rows),
            "Derived rows are computed from the rows they name; the audit checks them.",
            (1,),
        )

    def caption(self, *figures: Figure | None) -> str:
        ids = []
        for f in figures:
            if f is None:
                continue
            ids += [f.source_id] if not f.derived else [g.source_id for g in map(self.get, f.inputs()) if g]
        ids = list(dict.fromkeys(ids))
        return "Sources: " + ", ".join(
            f"[{i}] {self.sheet.sources[i].publisher}" for i in ids if i in self.sheet.sources
        )

    def fact_cards(self, section: str, kind: str, year: int | None = None) -> tuple[Card, ...]:
        """Cards for the facts of ``section`` and ``kind`` (only those of ``year`` if given)."""
        cards = []
        for fact in self.sheet.facts_of(section, kind):
            if year is not None and fact.period.start.year != year:
                continue
            src = self.sheet.sources[fact.source_id]
            meta = f"{fact.period.label()} · [{fact.source_id}] {src.publisher}" + (
                " · inferred" if fact.inferred else ""
            )
            cards.append(Card(fact.title, fact.text, meta, f"{src.title}\n{src.url}"))
        return tuple(cards)


#: Metrics shown in a table of their own rather than in "every figure in this section".
OWN_TABLE = ("market_sales", "market_share")


def _market_fragments(ctx: _Context) -> list[Figure]:
    """One figure per market and measure: the report year's longest, then latest, period."""
    best: dict[tuple[str, str], Figure] = {}
    for metric in OWN_TABLE:
        for f in ctx.sheet.of_metric(metric):
            if not ctx.in_scope(f) or f.period.end.year < ctx.year or f.period.start.year > ctx.year:
                continue
            key = (f.subject, metric)
            rank = (f.period.end - f.period.start, f.period.end)
            if key not in best or rank > (best[key].period.end - best[key].period.start, best[key].period.end):
                best[key] = f
    return sorted(best.values(), key=lambda f: (f.subject, f.metric))


def _compact(items: list[Kpi | None]) -> tuple[Kpi, ...]:
    return tuple(k for k in items if k is not None)


def _annual_chart(ctx: _Context, chart_id: str, metric: str, name: str, line_metric: str, line_name: str) -> ChartSpec:
    """Yearly bars for ``metric`` (report year highlighted, gaps as n/a) with a percentage line."""
    years = ctx.sheet.annual_years()
    bars = tuple(ctx.point(str(y), ctx.find(metric, str(y)), y == ctx.year, name) for y in years)
    line_points = []
    for y in years:
        figure = ctx.find(line_metric, str(y))
        line_points.append(ctx.point(str(y), figure, False, line_name))
    shown = [f for f in (ctx.find(metric, str(y)) for y in years) if f]
    return ChartSpec(
        chart_id,
        f"{name}, {years[0]}–{years[-1]}",
        "bars",
        tuple(str(y) for y in years),
        (Series(name, "vehicles", "bar", bars), Series(line_name, "percent", "line", tuple(line_points), "upper")),
        y_label="vehicles",
        upper_label="%",
        caption=ctx.caption(*shown) + ". n/a: no published figure.",
    )


def _months_chart(ctx: _Context, chart_id: str, metric: str, name: str) -> ChartSpec | None:
    """The report year by month: published months and multi-month periods as bars, year to date as a line.

    A bar that covers several months (say January-April) is drawn at its monthly average
    across those months; its tooltip gives the published total.
    """
    figures = [f for f in ctx.sheet.of_metric(metric) if f.period.start.year == ctx.year and f.period.months]
    if not figures:
        return None
    singles: dict[int, Figure] = {}
    ranges: list[Figure] = []
    ytd: dict[int, Figure] = {}
    for f in figures:
        first, last = f.period.months  # type: ignore[misc]
        if first == last:
            singles[first] = f
        elif first == 1:
            ytd[last] = f
    total = ctx.find(metric, str(ctx.year))
    if total is not None:
        ytd[12] = total
    covered = set(singles)
    for f in sorted(figures, key=lambda f: f.period.months[1] - f.period.months[0]):  # type: ignore[index]
        first, last = f.period.months  # type: ignore[misc]
        span = set(range(first, last + 1))
        if first != last and not span & covered:
            ranges.append(f)
            covered |= span
    bars: list[Point] = []
    for month in range(1, 13):
        if month in singles:
            bars.append(ctx.point(MONTHS[month - 1], singles[month]))
        for f in ranges:
            first, last = f.period.months  # type: ignore[misc]
            if first == month:
                months = last - first + 1
                avg = f.value / months
                tip = (
                    f"{ctx.tooltip(f)}\nDrawn at the average of {format_value(avg, 'vehicles')} a month over "
                    f"{months} months."
                )
                bars.append(
                    Point(
                        MONTHS[month - 1],
                        avg,
                        format_value(f.value, f.unit, f.approximate, f.lower_bound),
                        tip,
                        False,
                        months,
                    )
                )
    line = tuple(ctx.point(MONTHS[m - 1], ytd[m]) for m in sorted(ytd))
    return ChartSpec(
        chart_id,
        f"{name} by month and year to date, {ctx.year}",
        "bars",
        MONTHS,
        (
            Series("In the month (pale bars: monthly average of a longer period)", "vehicles", "bar", tuple(bars)),
            Series("Year to date", "vehicles", "line", line, "upper"),
        ),
        y_label="vehicles a month",
        upper_label="to date",
        caption=ctx.caption(*figures, total) + ". Months without a bar were not published on their own.",
    )


def _donut(ctx: _Context, chart_id: str, title: str, parts: list[tuple[str, Figure | None]]) -> ChartSpec | None:
    if any(f is None or f.value < 0 for _, f in parts):
        return None
    whole = sum(f.value for _, f in parts if f)
    if whole <= 0:
        return None  # nothing to divide into shares
    points = []
    for name, f in parts:
        assert f is not None
        share = f.value / whole * 100
        points.append(
            Point(
                name,
                f.value,
                format_value(f.value, f.unit, f.approximate, f.lower_bound),
                f"{ctx.tooltip(f)}\nShare of the whole: {share:.1f}%",
            )
        )
    return ChartSpec(
        chart_id,
        title,
        "donut",
        tuple(p.category for p in points),
        (Series(title, parts[0][1].unit, "bar", tuple(points)),),  # type: ignore[union-attr]
        caption=ctx.caption(*(f for _, f in parts)),
    )


def _simple_bars(
    ctx: _Context,
    chart_id: str,
    title: str,
    unit_label: str,
    items: list[tuple[str, Figure | None]],
    caption_extra: str = "",
) -> ChartSpec | None:
    present = [(name, f) for name, f in items if f is not None]
    if not present:
        return None
    points = tuple(ctx.point(name, f) for name, f in present)
    return ChartSpec(
        chart_id,
        title,
        "bars",
        tuple(n for n, _ in present),
        (Series(title, present[0][1].unit, "bar", points),),
        y_label=unit_label,
        caption=ctx.caption(*(f for _, f in present)) + caption_extra,
    )


# -- the five builders -------------------------------------------------------------------


def build_overview(sheet: FactSheet, analysis: Analysis) -> SectionContent:
    ctx = _Context(sheet, analysis)
    y = ctx.year
    sales, exports = ctx.find("group_sales", str(y)), ctx.find("exports", str(y))
    years = sheet.annual_years()
    trend = ChartSpec(
        "overview_trend",
        f"Sales and exports, {years[0]}–{years[-1]}",
        "bars",
        tuple(str(v) for v in years),
        (
            Series(
                "Group sales",
                "vehicles",
                "line",
                tuple(ctx.point(str(v), ctx.find("group_sales", str(v)), v == y, "Group sales") for v in years),
            ),
            Series(
                "Exports",
                "vehicles",
                "line",
                tuple(ctx.point(str(v), ctx.find("exports", str(v)), v == y, "Exports") for v in years),
            ),
        ),
        y_label="vehicles",
        caption=ctx.caption(*(ctx.find(m, str(v)) for m in ("group_sales", "exports") for v in years))
        + ". Gaps: not published.",
    )
    n_findings = len(analysis.findings)
    notes = [
        f"{y} is the year of record: every headline figure here refers to it unless a period says otherwise.",
        f"The audit compares every published rate and sub-total with the totals behind them and finds "
        f"{n_findings} disagreement{'s' if n_findings != 1 else ''} between the sources; the data audit lists them.",
        "Figures marked ~ were published rounded; figures marked > were published only as a lower bound.",
    ]
    return SectionContent(
        "overview",
        SECTION_TITLES["overview"],
        sheet.description,
        _compact(
            [
                ctx.kpi(sales, "Group sales"),
                ctx.kpi(exports, "Exports"),
                ctx.kpi(ctx.find("export_share", str(y)), "Export share of sales"),
                ctx.kpi(ctx.find("users", str(y)), "Users worldwide"),
                ctx.kpi(ctx.find("users_overseas", str(y)), "Users outside China"),
            ]
        ),
        (trend,),
        (ctx.figures_table("overview"),),
        (
            CardGroup(f"Firsts in {y}", ctx.fact_cards("overview", "first", y)),
            CardGroup(f"Goals for {y + 1}", ctx.fact_cards("overview", "goal", y + 1)),
        ),
        tuple(notes),
    )


def build_sales(sheet: FactSheet, analysis: Analysis) -> SectionContent:
    ctx = _Context(sheet, analysis)
    y = ctx.year
    charts = [
        _annual_chart(
            ctx, "sales_annual", "group_sales", "Group sales", "group_sales_yoy", "Growth on the year before"
        ),
        _months_chart(ctx, "sales_months", "group_sales", "Group sales"),
        _donut(
            ctx,
            "users_donut",
            f"Users at the end of {y}: in China and abroad",
            [("In China", ctx.find("users_domestic", str(y))), ("Outside China", ctx.find("users_overseas", str(y)))],
        ),
    ]
    back = ctx.get(f"group_sales_{y - 1}_backcalc")
    brand, nev = ctx.latest("brand_sales"), ctx.latest("nev_sales")
    notes = []
    months = charts[1]
    if months and any(p.span > 1 for p in months.series[0].points):
        notes.append(
            f"Some months of {y} were published only inside multi-month totals; those are drawn as pale bars "
            "at their monthly average."
        )
    partial = [f for f in (brand, nev) if f is not None and not f.period.is_year]
    if partial:
        notes.append(
            " and ".join(f.label for f in partial) + " cover part of the year: no full-year figure was published."
        )
    if back:
        notes.append(f"{back.label}: {format_value(back.value, 'vehicles')}. {back.note}")
    notes += ctx.audit_notes("sales")
    return SectionContent(
        "sales",
        SECTION_TITLES["sales"],
        f"Group sales in {y}, the years around it and the months of {y}.",
        _compact(
            [
                ctx.kpi(ctx.find("group_sales", str(y)), "Group sales"),
                ctx.kpi(ctx.find("group_sales", f"{y}-12"), "December"),
                ctx.kpi(ctx.find("monthly_average", str(y)), "Average month"),
                ctx.kpi(brand, "Chery brand"),
                ctx.kpi(nev, "New-energy vehicles"),
            ]
        ),
        tuple(c for c in charts if c),
        (ctx.figures_table("sales"),),
        (),
        tuple(notes),
    )


def build_exports(sheet: FactSheet, analysis: Analysis) -> SectionContent:
    ctx = _Context(sheet, analysis)
    y = ctx.year
    china = ctx.find("china_exports", str(y))
    chery = ctx.find("exports", str(y))
    others = None
    if china and chery:
        others = Figure(
            "china_other_exports",
            "exports",
            "china_other_exports",
            "China",
            f"Other Chinese car exports {y}",
            china.value - chery.value,
            "vehicles",
            china.period,
            "derived",
            china.approximate,
            False,
            china.source_id,
            f"{china.id} - {chery.id}",
            "",
        )
    charts = [
        _annual_chart(ctx, "exports_annual", "exports", "Exports", "export_share_derived", "Share of group sales"),
        _months_chart(ctx, "exports_months", "exports", "Exports"),
        _donut(
            ctx,
            "china_share_donut",
            f"Chery in China's car exports, {y}",
            [("Chery", chery), ("Other Chinese makers", others)],
        ),
    ]
    markets = _market_fragments(ctx)
    market_table = Table(
        "markets",
        "Sales in individual markets (fragments)",
        ("Market", "Measure", "Value", "Period", "Source"),
        tuple(
            (
                f.subject,
                "share of the market" if f.unit == "percent" else "vehicles sold in the market",
                format_value(f.value, f.unit, f.approximate, f.lower_bound),
                f.period.label(),
                f"[{f.source_id}]",
            )
            for f in markets
        ),
        "No ranked list of export markets for the year was found; these are the fragments the sources give.",
        (2,),
    )
    share = ctx.find("export_share", str(y)) or ctx.find("export_share_derived", str(y))
    months_over, mark = ctx.find("months_over_threshold", str(y)), ctx.find("export_threshold", str(y))
    cumulative, year_share = ctx.find("cumulative_export_share", str(y)), ctx.find("china_export_share", str(y))
    notes = []
    if share:
        notes.append(f"Exports made up {format_value(share.value, 'percent')} of group sales in {y}.")
    if months_over and months_over.note:
        notes.append(months_over.note)
    if cumulative and year_share:
        notes.append(
            f"The cumulative share of China's car exports ({format_value(cumulative.value, 'percent')}) "
            f"counts all years; {y} alone gives {format_value(year_share.value, 'percent')}."
        )
    notes += ctx.audit_notes("exports")
    mark_label = f"Months above {format_value(mark.value, mark.unit)}" if mark else "Months above the mark"
    return SectionContent(
        "exports",
        SECTION_TITLES["exports"],
        f"Vehicles shipped abroad in {y} and the years around it.",
        _compact(
            [
                ctx.kpi(chery, "Exports"),
                ctx.kpi(share, "Share of group sales"),
                ctx.kpi(ctx.find("china_export_share", str(y)), "Share of China's car exports"),
                ctx.kpi(ctx.find("export_leadership", str(y)), "Years as top exporter"),
                ctx.kpi(months_over, mark_label),
            ]
        ),
        tuple(c for c in charts if c),
        (market_table, ctx.figures_table("exports")),
        (CardGroup("Models and markets", ctx.fact_cards("exports", "model") + ctx.fact_cards("exports", "market")),),
        tuple(notes),
    )


def build_innovation(sheet: FactSheet, analysis: Analysis) -> SectionContent:
    ctx = _Context(sheet, analysis)
    y = ctx.year
    first = ctx.latest
    plan = first("plan_investment")
    charts = [
        _simple_bars(
            ctx,
            "patents",
            f"Patents at the end of {y}",
            "patents",
            [
                ("Filed", first("patents_declared")),
                ("Granted", first("patents_granted")),
                ("Inventions", ctx.get("invention_patents")),
            ],
            ". Inventions: derived from the granted count and the invention share.",
        ),
        _simple_bars(
            ctx,
            "nev_patents",
            "New-energy vehicle patents",
            "patents",
            [("Filed", first("nev_patents_applied")), ("Granted", first("nev_patents_granted"))],
            ". Both were published as lower bounds.",
        ),
        _simple_bars(
            ctx,
            "factory_capacity",
            "Super factory capacity",
            "vehicles a year",
            [(f.subject.replace(" Super Factory", ""), f) for f in sheet.of_metric("factory_capacity")],
        ),
    ]
    return SectionContent(
        "innovation",
        SECTION_TITLES["innovation"],
        "Patents, research programmes, factories and the platform behind them.",
        _compact(
            [
                ctx.kpi(first("patents_declared"), "Patents filed"),
                ctx.kpi(first("patents_granted"), "Patents granted"),
                ctx.kpi(ctx.get("patents_grant_ratio"), "Granted per filed"),
                ctx.kpi(ctx.get("invention_patents"), "Invention patents"),
                ctx.kpi(plan, f"{plan.subject} budget" if plan else ""),
            ]
        ),
        tuple(c for c in charts if c),
        (ctx.figures_table("innovation"),),
        (
            CardGroup(
                "Factories and platform",
                ctx.fact_cards("innovation", "factory") + ctx.fact_cards("innovation", "platform"),
            ),
            CardGroup("Research programmes", ctx.fact_cards("innovation", "programme")),
        ),
        tuple(_innovation_notes(ctx)),
    )


def _innovation_notes(ctx: _Context) -> list[str]:
    notes = []
    inventions, share = ctx.get("invention_patents"), ctx.latest("invention_share")
    if inventions and share and share.approximate:
        spread = evaluate(inventions.formula, ctx.get)
        notes.append(
            f"The invention-patent count is derived from the rounded {format_value(share.value, 'percent')} "
            f"share, so it is good to about ±{(spread.hi - spread.lo) / 2:,.0f}."
        )
    staff, engineers = ctx.latest("research_staff"), ctx.latest("plan_engineers")
    if staff and engineers:
        counts = [format_value(f.value, f.unit, lower_bound=f.lower_bound) for f in (staff, engineers)]
        notes.append(f"Two sources count research staff differently ({counts[0]} and {counts[1]}); both are shown.")
    for fact in ctx.sheet.facts_of("innovation"):
        if fact.inferred:
            notes.append(f"{fact.title}: part of this card is our inference, marked as such.")
    return notes + ctx.audit_notes("innovation")


def build_partners(sheet: FactSheet, analysis: Analysis) -> SectionContent:
    ctx = _Context(sheet, analysis)
    domains = list(dict.fromkeys(p.domain for p in sheet.partners))
    nodes = [
        Node("chery", "Chery", 0, f"Chery Group: {len(sheet.partners)} partners in {len(domains)} alliance domains")
    ]
    edges: list[Edge] = []
    for d in domains:
        members = [p.name for p in sheet.partners if p.domain == d]
        nodes.append(Node(f"domain:{d}", d.capitalize(), 1, f"Alliance domain: {d}\nPartners: {', '.join(members)}"))
        edges.append(Edge("chery", f"domain:{d}"))
    for p in sheet.partners:
        src = sheet.sources[p.source_id]
        year = str(p.deal_year) if p.deal_year else "year not given"
        nodes.append(
            Node(
                f"partner:{p.id}",
                p.name,
                2,
                f"{p.name} ({p.industry})\nDeal ({year}): {p.deal}\nDomain: {p.domain} ({p.pairing})\n"
                f"Source: [{p.source_id}] {src.publisher}" + (f"\n{p.note}" if p.note else ""),
            )
        )
        edges.append(Edge(f"domain:{p.domain}", f"partner:{p.id}", p.pairing == "inferred"))
    network = ChartSpec(
        "partner_network",
        "Alliance network: Chery, domains, partners",
        "network",
        nodes=tuple(nodes),
        edges=tuple(edges),
        caption="Dashed links: domain pairing inferred from the deal, not stated by a source.",
    )
    table = Table(
        "partners",
        "Partners and their deals",
        ("Partner", "Industry", "Deal", "Year", "Domain", "Pairing", "Source"),
        tuple(
            (
                p.name,
                p.industry,
                p.deal,
                str(p.deal_year) if p.deal_year else "n/a",
                p.domain,
                p.pairing,
                f"[{p.source_id}]",
            )
            for p in sheet.partners
        ),
        numeric_columns=(3,),
    )
    inferred = sum(p.pairing == "inferred" for p in sheet.partners)
    recent = sum(p.deal_year == ctx.year for p in sheet.partners)
    count_tip = "Counted from the partners table of the dataset."
    return SectionContent(
        "partners",
        SECTION_TITLES["partners"],
        "Cross-industry alliances and the companies in them.",
        (
            Kpi("Partners", str(len(sheet.partners)), "companies", "all years", tooltip=count_tip),
            Kpi("Alliance domains", str(len(domains)), "domains", "all years", tooltip=count_tip),
            Kpi(f"Deals dated {ctx.year}", str(recent), "deals", str(ctx.year), tooltip=count_tip),
            Kpi(
                "Pairings inferred",
                f"{inferred} of {len(sheet.partners)}",
                "",
                "all years",
                tooltip="No source assigns each partner to one domain; we pair them by the subject of their deal.",
            ),
        ),
        (network,),
        (table, ctx.figures_table("partners")) if any(f.section == "partners" for f in sheet) else (table,),
        (),
        (
            "The sources name the partners and the four domains but never say which partner belongs to which domain.",
            "Deal years are the years of the deals described; n/a means the source does not date the deal.",
            *(f"{p.name}: {p.note}" for p in sheet.partners if p.note),
        ),
    )


def audit_tables(sheet: FactSheet, analysis: Analysis) -> tuple[Table, Table]:
    """The audit's findings and every derived figure with its formula (Help → Data audit, last PDF pages)."""
    findings = Table(
        "findings",
        "Data audit findings",
        ("Check", "Figure", "Stated", "Recomputed", "Difference", "Explanation"),
        tuple((f.check, f.subject, f.stated, f.recomputed, f.difference, f.explanation) for f in analysis.findings),
        "Each check allows for the rounding of the published figures; a finding means the figures disagree "
        "by more than rounding can explain.",
    )
    derived = [f for f in sheet if f.derived] + list(analysis.derived.values())
    formulas = Table(
        "derived",
        "Derived figures and their formulas",
        ("Figure", "Value", "Period", "Formula"),
        tuple(
            (
                f.label,
                format_with_unit(f.value, f.unit, f.approximate, f.lower_bound),
                f.period.label(),
                describe_formula(f.formula, lambda fid: analysis.figure(sheet, fid)),
            )
            for f in derived
        ),
        "Computed from the published figures named in the formula; ~ marks a result that inherits rounding.",
        (1,),
    )
    return findings, formulas


BUILDERS: dict[str, Callable[[FactSheet, Analysis], SectionContent]] = {
    "overview": build_overview,
    "sales": build_sales,
    "exports": build_exports,
    "innovation": build_innovation,
    "partners": build_partners,
}


def build_sections(sheet: FactSheet, analysis: Analysis | None = None) -> list[SectionContent]:
    """All five sections in tab order, sharing one analysis."""
    analysis = analysis or analyse(sheet)
    return [build(sheet, analysis) for build in BUILDERS.values()]
