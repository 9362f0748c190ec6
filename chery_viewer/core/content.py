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
from chery_viewer.core.factsheet import FactSheet, Figure, Source
from chery_viewer.core.formatting import (
    change_sign,
    format_change,
    format_compact,
    format_value,
    format_with_unit,
    join_unit,
    not_available,
    unit_word,
)
from chery_viewer.core.i18n import is_chinese, translate
from chery_viewer.core.periods import Period, month_names

SECTION_KEYS = ("overview", "sales", "exports", "innovation", "partners")


def section_titles() -> dict[str, str]:
    """The tab and chapter title of each section, in the current language."""
    return {
        "overview": translate("Sections", "Overview"),
        "sales": translate("Sections", "Sales"),
        "exports": translate("Sections", "Exports"),
        "innovation": translate("Sections", "Innovation"),
        "partners": translate("Sections", "Partners"),
    }


def domain_name(domain: str) -> str:
    """An alliance domain of the dataset (an enum) as the reader sees it."""
    names = {
        "industrial internet": translate("Partners", "industrial internet"),
        "intelligent solutions": translate("Partners", "intelligent solutions"),
        "power battery systems": translate("Partners", "power battery systems"),
        "ecosphere cooperation": translate("Partners", "ecosphere cooperation"),
    }
    return names.get(domain, domain)


def pairing_name(pairing: str) -> str:
    """A partner's domain pairing: given by a source, or our reading of the deal."""
    return {"stated": translate("Partners", "stated"), "inferred": translate("Partners", "inferred")}.get(
        pairing, pairing
    )


def _labelled(label: str, text: str) -> str:
    """'Label: text' (in Chinese with a full-width colon)."""
    return translate("Content", "{label}: {text}").format(label=label, text=text)


def source_date(source: Source) -> str:
    """A source's date as shown: one read from the page's content (not its address) is marked as our inference."""
    if source.date and source.date_basis == "content":
        return translate("Content", "{date} (inferred from the content)").format(date=source.date)
    return source.date


def kind_name(figure: Figure) -> str:
    return translate("Content", "derived") if figure.derived else translate("Content", "stated")


@dataclass(frozen=True)
class Kpi:
    label: str
    value: str
    unit: str
    period: str
    exact: str = ""  # the exact figure beside a compact headline (123.3万 → 1,232,727辆)
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
                parts.append(f"[{sid}] {src.publisher}{', ' + source_date(src) if src.date else ''}")
        return translate("Content", "; ").join(parts)

    def tooltip(self, figure: Figure) -> str:
        value = format_with_unit(figure.value, figure.unit, figure.approximate, figure.lower_bound)
        lines = [
            _labelled(figure.label, value),
            translate("Content", "Period: {period}").format(period=figure.period.label()),
        ]
        if figure.derived:
            formula = describe_formula(figure.formula, self.get)
            lines.append(translate("Content", "Derived: {formula}").format(formula=formula))
        lines.append(translate("Content", "Source: {source}").format(source=self.source_text(figure)))
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
            how = translate("Content", "derived") if change.derived else translate("Content", "published")
            tooltip += "\n\n" + translate("Content", "Change: {change} ({how}, {source})").format(
                change=format_change(change.value), how=how, source=self.source_text(change)
            )
        shown = format_value(figure.value, figure.unit, figure.approximate, figure.lower_bound)
        compact = format_compact(figure.value, figure.unit, figure.approximate, figure.lower_bound)
        return Kpi(
            label=label or figure.label,
            value=compact,
            unit=unit_word(figure.unit),
            period=figure.period.label() + (translate("Content", " · derived") if figure.derived else ""),
            exact=join_unit(shown, unit_word(figure.unit)) if compact != shown else "",
            change=format_change(change.value) if change else "",
            change_sign=change_sign(change.value) if change else 0,
            change_label=translate("Content", "year on year") if change else "",
            tooltip=tooltip,
            figure_id=figure.id,
        )

    def growth_of(self, figure: Figure) -> Figure | None:
        return (
            self.find(f"{figure.metric}_yoy", figure.period.code, figure.subject) if figure.unit == "vehicles" else None
        )

    def point(self, category: str, figure: Figure | None, highlight: bool = False, what: str = "") -> Point:
        if figure is None:
            tip = translate("Content", "{what} {category}: not found in the sources ({na})")
            na = not_available()
            return Point(category, None, na, tip.format(what=what, category=category, na=na).strip())
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
            translate("Content", "Audit: {finding}").format(finding=f.explanation)
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

    def figures_table(self, section: str) -> Table:
        rows = []
        figures = [f for f in self.sheet if f.section == section and f.metric not in OWN_TABLE and self.in_scope(f)]
        figures += [f for f in self.analysis.derived.values() if f.section == section]
        for f in figures:
            rows.append(
                (
                    f.label,
                    format_with_unit(f.value, f.unit, f.approximate, f.lower_bound),
                    f.period.label(),
                    kind_name(f),
                    describe_formula(f.formula, self.get) if f.derived else f"[{f.source_id}]",
                )
            )
        return Table(
            f"{section}_figures",
            translate("Content", "Every figure in this section"),
            (
                translate("Content", "Figure"),
                translate("Content", "Value"),
                translate("Content", "Period"),
                translate("Content", "Kind"),
                translate("Content", "Source or formula"),
            ),
            tuple(rows),
            translate("Content", "Derived rows are computed from the rows they name; the audit checks them."),
            (1,),
        )

    def caption(self, *figures: Figure | None) -> str:
        ids = []
        for f in figures:
            if f is None:
                continue
            ids += [f.source_id] if not f.derived else [g.source_id for g in map(self.get, f.inputs()) if g]
        ids = list(dict.fromkeys(ids))
        listed = translate("Content", ", ").join(
            f"[{i}] {self.sheet.sources[i].publisher}" for i in ids if i in self.sheet.sources
        )
        return translate("Content", "Sources: {sources}").format(sources=listed)

    def caption_with(self, figures: tuple[Figure | None, ...], remark: str) -> str:
        """The sources of ``figures`` followed by a remark, as one caption."""
        return translate("Content", "{sources}. {remark}").format(sources=self.caption(*figures), remark=remark)

    def fact_cards(self, section: str, kind: str, year: int | None = None) -> tuple[Card, ...]:
        """Cards for the facts of ``section`` and ``kind`` (only those of ``year`` if given)."""
        cards = []
        for fact in self.sheet.facts_of(section, kind):
            if year is not None and fact.period.start.year != year:
                continue
            src = self.sheet.sources[fact.source_id]
            meta = f"{fact.period.label()} · [{fact.source_id}] {src.publisher}" + (
                " · " + translate("Content", "inferred") if fact.inferred else ""
            )
            cards.append(Card(fact.title, fact.text, meta, f"{src.title}\n{src.url}"))
        return tuple(cards)


# Metrics shown in a table of their own rather than in "every figure in this section".
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
        translate("Content", "{name}, {first}–{last}").format(name=name, first=years[0], last=years[-1]),
        "bars",
        tuple(str(y) for y in years),
        (Series(name, "vehicles", "bar", bars), Series(line_name, "percent", "line", tuple(line_points), "upper")),
        y_label=unit_word("vehicles"),
        upper_label="%",
        caption=ctx.caption_with(
            tuple(shown), translate("Content", "{na}: not found in the sources.").format(na=not_available())
        ),
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
    names = month_names()
    bars: list[Point] = []
    for month in range(1, 13):
        if month in singles:
            bars.append(ctx.point(names[month - 1], singles[month]))
        for f in ranges:
            first, last = f.period.months  # type: ignore[misc]
            if first == month:
                months = last - first + 1
                avg = f.value / months
                drawn = translate("Content", "Drawn at the average of {average} a month over {months} months.")
                tip = f"{ctx.tooltip(f)}\n" + drawn.format(average=format_value(avg, "vehicles"), months=months)
                bars.append(
                    Point(
                        names[month - 1],
                        avg,
                        format_value(f.value, f.unit, f.approximate, f.lower_bound),
                        tip,
                        False,
                        months,
                    )
                )
    line = tuple(ctx.point(names[m - 1], ytd[m]) for m in sorted(ytd))
    return ChartSpec(
        chart_id,
        translate("Content", "{name} by month and year to date, {year}").format(name=name, year=ctx.year),
        "bars",
        names,
        (
            Series(
                translate("Content", "In the month (pale bars: monthly average of a longer period)"),
                "vehicles",
                "bar",
                tuple(bars),
            ),
            Series(translate("Content", "Year to date"), "vehicles", "line", line, "upper"),
        ),
        y_label=translate("Content", "vehicles a month"),
        upper_label=translate("Content", "to date"),
        caption=ctx.caption_with(
            (*figures, total),
            translate("Content", "Months without a bar: no single-month figure was found in the sources."),
        ),
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
        share = translate("Content", "Share of the whole: {share}").format(share=f"{f.value / whole * 100:.1f}%")
        points.append(
            Point(
                name,
                f.value,
                _donut_display(f),
                f"{ctx.tooltip(f)}\n{share}",
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


def _donut_display(f: Figure) -> str:
    """A donut segment's label. A derived, approximate count (China's rounded total less Chery's
    exact exports) is shown no finer than its inputs: ~2.66 million, 约265.9万, not ~2,658,663."""
    if f.derived and f.approximate and not f.lower_bound and f.unit == "vehicles" and abs(f.value) >= 1_000_000:
        if is_chinese():
            return translate("Content", "~{value} million").format(value=f"{f.value / 10_000:.1f}")
        return translate("Content", "~{value} million").format(value=f"{f.value / 1_000_000:.2f}")
    return format_value(f.value, f.unit, f.approximate, f.lower_bound)


def _simple_bars(
    ctx: _Context,
    chart_id: str,
    title: str,
    unit_label: str,
    items: list[tuple[str, Figure | None]],
    remark: str = "",
) -> ChartSpec | None:
    present = [(name, f) for name, f in items if f is not None]
    if not present:
        return None
    points = tuple(ctx.point(name, f) for name, f in present)
    figures = tuple(f for _, f in present)
    return ChartSpec(
        chart_id,
        title,
        "bars",
        tuple(n for n, _ in present),
        (Series(title, present[0][1].unit, "bar", points),),
        y_label=unit_label,
        caption=ctx.caption_with(figures, remark) if remark else ctx.caption(*figures),
    )


# -- the five builders -------------------------------------------------------------------


def build_overview(sheet: FactSheet, analysis: Analysis) -> SectionContent:
    ctx = _Context(sheet, analysis)
    y = ctx.year
    sales, exports = ctx.find("group_sales", str(y)), ctx.find("exports", str(y))
    years = sheet.annual_years()
    sales_name, exports_name = translate("Content", "Group sales"), translate("Content", "Exports")
    trend = ChartSpec(
        "overview_trend",
        translate("Content", "Sales and exports, {first}–{last}").format(first=years[0], last=years[-1]),
        "bars",
        tuple(str(v) for v in years),
        (
            Series(
                sales_name,
                "vehicles",
                "line",
                tuple(ctx.point(str(v), ctx.find("group_sales", str(v)), v == y, sales_name) for v in years),
            ),
            Series(
                exports_name,
                "vehicles",
                "line",
                tuple(ctx.point(str(v), ctx.find("exports", str(v)), v == y, exports_name) for v in years),
            ),
        ),
        y_label=unit_word("vehicles"),
        caption=ctx.caption_with(
            tuple(ctx.find(m, str(v)) for m in ("group_sales", "exports") for v in years),
            translate("Content", "Gaps: not found in the sources."),
        ),
    )
    n_findings = len(analysis.findings)
    audit = (
        translate(
            "Content",
            "The audit compares every published rate and sub-total with the totals behind them and finds "
            "1 disagreement between the sources; the data audit lists it.",
        )
        if n_findings == 1
        else translate(
            "Content",
            "The audit compares every published rate and sub-total with the totals behind them and finds "
            "{count} disagreements between the sources; the data audit lists them.",
        ).format(count=n_findings)
    )
    notes = [
        translate(
            "Content",
            "{year} is the year of record: every headline figure here refers to it unless a period says otherwise.",
        ).format(year=y),
        audit,
        translate(
            "Content", "Figures marked ~ were published rounded; figures marked > were published only as a lower bound."
        ),
    ]
    return SectionContent(
        "overview",
        section_titles()["overview"],
        sheet.description,
        _compact(
            [
                ctx.kpi(sales, sales_name),
                ctx.kpi(exports, exports_name),
                ctx.kpi(ctx.find("export_share", str(y)), translate("Content", "Export share of sales")),
                ctx.kpi(ctx.find("users", str(y))),
                ctx.kpi(ctx.find("users_overseas", str(y))),
            ]
        ),
        (trend,),
        (ctx.figures_table("overview"),),
        (
            CardGroup(translate("Content", "Firsts in {year}").format(year=y), ctx.fact_cards("overview", "first", y)),
            CardGroup(
                translate("Content", "Goals for {year}").format(year=y + 1), ctx.fact_cards("overview", "goal", y + 1)
            ),
        ),
        tuple(notes),
    )


def _users_title(ctx: _Context, users: Figure | None) -> str:
    """The users donut's title: the count is the source's at its own date (the base article's
    "at present" in February 2023), not a year-end figure."""
    src = ctx.sheet.sources.get(users.source_id) if users else None
    if src and src.date:
        return translate("Content", "Users in China and abroad, as reported on {date}").format(date=source_date(src))
    return translate("Content", "Users in China and abroad")


def build_sales(sheet: FactSheet, analysis: Analysis) -> SectionContent:
    ctx = _Context(sheet, analysis)
    y = ctx.year
    sales_name = translate("Content", "Group sales")
    charts = [
        _annual_chart(
            ctx,
            "sales_annual",
            "group_sales",
            sales_name,
            "group_sales_yoy",
            translate("Content", "Growth on the year before"),
        ),
        _months_chart(ctx, "sales_months", "group_sales", sales_name),
        _donut(
            ctx,
            "users_donut",
            _users_title(ctx, ctx.find("users", str(y))),
            [
                (translate("Content", "In China"), ctx.find("users_domestic", str(y))),
                (translate("Content", "Outside China"), ctx.find("users_overseas", str(y))),
            ],
        ),
    ]
    back = ctx.get(f"group_sales_{y - 1}_backcalc")
    brand, nev = ctx.latest("brand_sales"), ctx.latest("nev_sales")
    notes = []
    months = charts[1]
    if months and any(p.span > 1 for p in months.series[0].points):
        notes.append(
            translate(
                "Content",
                "Some months of {year} were published only inside multi-month totals; those are drawn as pale bars "
                "at their monthly average.",
            ).format(year=y)
        )
    partial = [f for f in (brand, nev) if f is not None and not f.period.is_year]
    if partial:
        notes.append(
            translate(
                "Content", "{figures} cover part of the year: no full-year figure was found in the sources."
            ).format(figures=translate("Content", " and ").join(f.label for f in partial))
        )
    if back:
        notes.append(
            translate("Content", "{label}: {value}. {note}").format(
                label=back.label, value=format_with_unit(back.value, "vehicles"), note=back.note
            )
        )
    notes += ctx.audit_notes("sales")
    return SectionContent(
        "sales",
        section_titles()["sales"],
        translate("Content", "Group sales in {year}, the years around it and the months of {year}.").format(year=y),
        _compact(
            [
                ctx.kpi(ctx.find("group_sales", str(y)), sales_name),
                ctx.kpi(ctx.find("group_sales", f"{y}-12"), translate("Content", "December")),
                ctx.kpi(ctx.find("monthly_average", str(y)), translate("Content", "Average month")),
                ctx.kpi(brand, translate("Content", "Chery brand")),
                ctx.kpi(nev, translate("Content", "New-energy vehicles")),
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
            china.subject,
            translate("Content", "Other Chinese car exports {year}").format(year=y),
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
    exports_name = translate("Content", "Exports")
    charts = [
        _annual_chart(
            ctx,
            "exports_annual",
            "exports",
            exports_name,
            "export_share_derived",
            translate("Content", "Share of group sales"),
        ),
        _months_chart(ctx, "exports_months", "exports", exports_name),
        _donut(
            ctx,
            "china_share_donut",
            translate("Content", "Chery in China's car exports, {year}").format(year=y),
            [(translate("Content", "Chery"), chery), (translate("Content", "Other Chinese makers"), others)],
        ),
    ]
    markets = _market_fragments(ctx)
    market_table = Table(
        "markets",
        translate("Content", "Sales in individual markets (fragments)"),
        (
            translate("Content", "Market"),
            translate("Content", "Measure"),
            translate("Content", "Value"),
            translate("Content", "Period"),
            translate("Content", "Source"),
        ),
        tuple(
            (
                f.subject,
                translate("Content", "share of the market")
                if f.unit == "percent"
                else translate("Content", "vehicles sold in the market"),
                format_value(f.value, f.unit, f.approximate, f.lower_bound),
                f.period.label(),
                f"[{f.source_id}]",
            )
            for f in markets
        ),
        translate(
            "Content",
            "No ranked list of export markets for the year was found; these are the fragments the sources give.",
        ),
        (2,),
    )
    share = ctx.find("export_share", str(y)) or ctx.find("export_share_derived", str(y))
    months_over, mark = ctx.find("months_over_threshold", str(y)), ctx.find("export_threshold", str(y))
    year_share = ctx.find("china_export_share", str(y))
    # The source's cumulative share is dated by its article (all years up to then), not by the report year.
    cumulative = next(
        (f for f in sheet.of_metric("cumulative_export_share") if f.period.start.year in (y, y + 1)), None
    )
    notes = []
    if share:
        notes.append(
            translate("Content", "Exports made up {share} of group sales in {year}.").format(
                share=format_value(share.value, "percent"), year=y
            )
        )
    if months_over and months_over.note:
        notes.append(months_over.note)
    if cumulative and year_share:
        notes.append(
            translate(
                "Content",
                "Two different shares: {cumulative} is the source's figure for Chery's exports summed over all "
                "years up to {period}; {share} is our figure for {year} alone ({formula}).",
            ).format(
                cumulative=format_value(cumulative.value, "percent"),
                period=cumulative.period.label(),
                year=y,
                share=format_value(year_share.value, "percent", year_share.approximate),
                formula=describe_formula(year_share.formula, ctx.get) if year_share.derived else year_share.label,
            )
        )
    notes += ctx.audit_notes("exports")
    mark_label = (
        translate("Content", "Months above {mark}").format(mark=format_value(mark.value, mark.unit))
        if mark
        else translate("Content", "Months above the mark")
    )
    return SectionContent(
        "exports",
        section_titles()["exports"],
        translate("Content", "Vehicles shipped abroad in {year} and the years around it.").format(year=y),
        _compact(
            [
                ctx.kpi(chery, exports_name),
                ctx.kpi(share, translate("Content", "Share of group sales")),
                ctx.kpi(year_share, translate("Content", "Share of China's car exports {year}").format(year=y)),
                ctx.kpi(cumulative, translate("Content", "Cumulative share, all years (source)")),
                ctx.kpi(
                    ctx.find("export_leadership", str(y)), translate("Content", "Years as top Chinese-brand exporter")
                ),
                ctx.kpi(months_over, mark_label),
            ]
        ),
        tuple(c for c in charts if c),
        (market_table, ctx.figures_table("exports")),
        (
            CardGroup(
                translate("Content", "Models and markets"),
                ctx.fact_cards("exports", "model") + ctx.fact_cards("exports", "market"),
            ),
        ),
        tuple(notes),
    )


def build_innovation(sheet: FactSheet, analysis: Analysis) -> SectionContent:
    ctx = _Context(sheet, analysis)
    y = ctx.year
    first = ctx.latest
    plan = first("plan_investment")
    filed, granted = translate("Content", "Filed"), translate("Content", "Granted")
    # A factory whose card is our inference: its bar says so on the chart, its note goes in the caption.
    inferred = {fact.title for fact in sheet.facts_of("innovation", "factory") if fact.inferred}
    charts = [
        _simple_bars(
            ctx,
            "patents",
            translate("Content", "Patents at the end of {year}").format(year=y),
            unit_word("patents"),
            [
                (filed, first("patents_declared")),
                (granted, first("patents_granted")),
                (translate("Content", "Inventions"), ctx.get("invention_patents")),
            ],
            translate("Content", "Inventions: derived from the granted count and the invention share."),
        ),
        _simple_bars(
            ctx,
            "nev_patents",
            translate("Content", "New-energy vehicle patents"),
            unit_word("patents"),
            [(filed, first("nev_patents_applied")), (granted, first("nev_patents_granted"))],
            translate("Content", "Both were published as lower bounds."),
        ),
        _simple_bars(
            ctx,
            "factory_capacity",
            translate("Content", "Factory capacity, in operation or planned"),
            unit_word("vehicles per year"),
            [(_factory_place(f.subject, f.subject in inferred), f) for f in sheet.of_metric("factory_capacity")],
            " ".join(
                _labelled(_factory_place(f.subject, True), f.note)
                for f in sheet.of_metric("factory_capacity")
                if f.subject in inferred and f.note
            ),
        ),
    ]
    return SectionContent(
        "innovation",
        section_titles()["innovation"],
        translate("Content", "Patents, research programmes, factories and the platform behind them."),
        _compact(
            [
                ctx.kpi(first("patents_declared"), translate("Content", "Patents filed")),
                ctx.kpi(first("patents_granted"), translate("Content", "Patents granted")),
                ctx.kpi(ctx.get("patents_grant_ratio"), translate("Content", "Granted ÷ filed, running totals")),
                ctx.kpi(ctx.get("invention_patents"), translate("Content", "Invention patents")),
                ctx.kpi(plan, translate("Content", "{plan} budget").format(plan=plan.subject) if plan else ""),
            ]
        ),
        tuple(c for c in charts if c),
        (ctx.figures_table("innovation"),),
        (
            CardGroup(
                translate("Content", "Factories and platform"),
                ctx.fact_cards("innovation", "factory") + ctx.fact_cards("innovation", "platform"),
            ),
            CardGroup(translate("Content", "Research programmes"), ctx.fact_cards("innovation", "programme")),
        ),
        tuple(_innovation_notes(ctx)),
    )


def _factory_place(subject: str, inferred: bool = False) -> str:
    """'Qingdao Super Factory' -> 'Qingdao', '青岛超级工厂' -> '青岛': the chart's category;
    'Wuhu (inferred)' when the figure's tie to the factory is our reading."""
    for suffix in (" Super Factory", "超级工厂"):
        subject = subject.removesuffix(suffix)
    return translate("Content", "{place} (inferred)").format(place=subject) if inferred else subject


def _innovation_notes(ctx: _Context) -> list[str]:
    notes = []
    inventions, share = ctx.get("invention_patents"), ctx.latest("invention_share")
    if inventions and share and share.approximate:
        spread = evaluate(inventions.formula, ctx.get)
        notes.append(
            translate(
                "Content",
                "The invention-patent count is derived from the rounded {share} share, "
                "so it is good to about ±{spread}.",
            ).format(share=format_value(share.value, "percent"), spread=f"{(spread.hi - spread.lo) / 2:,.0f}")
        )
    staff, engineers = ctx.latest("research_staff"), ctx.latest("plan_engineers")
    if staff and engineers:
        counts = [format_value(f.value, f.unit, lower_bound=f.lower_bound) for f in (staff, engineers)]
        notes.append(
            translate(
                "Content", "Two sources count research staff differently ({first} and {second}); both are shown."
            ).format(first=counts[0], second=counts[1])
        )
    for fact in ctx.sheet.facts_of("innovation"):
        if fact.inferred:
            notes.append(
                translate("Content", "{title}: part of this card is our inference, marked as such.").format(
                    title=fact.title
                )
            )
    return notes + ctx.audit_notes("innovation")


def build_partners(sheet: FactSheet, analysis: Analysis) -> SectionContent:
    ctx = _Context(sheet, analysis)
    domains = list(dict.fromkeys(p.domain for p in sheet.partners))
    chery = translate("Content", "Chery")
    nodes = [
        Node(
            "chery",
            chery,
            0,
            translate("Content", "Chery Group: {partners} named partners in {domains} alliance domains").format(
                partners=len(sheet.partners), domains=len(domains)
            ),
        )
    ]
    edges: list[Edge] = []
    listed = translate("Content", ", ")
    for d in domains:
        members = [p.name for p in sheet.partners if p.domain == d]
        name = domain_name(d)
        nodes.append(
            Node(
                f"domain:{d}",
                name[:1].upper() + name[1:],
                1,
                translate("Content", "Alliance domain: {domain}\nPartners: {partners}").format(
                    domain=name, partners=listed.join(members)
                ),
            )
        )
        edges.append(Edge("chery", f"domain:{d}"))
    for p in sheet.partners:
        src = sheet.sources[p.source_id]
        year = str(p.deal_year) if p.deal_year else translate("Content", "year not given")
        tip = translate(
            "Content", "{name} ({industry})\nDeal ({year}): {deal}\nDomain: {domain} ({pairing})\nSource: {source}"
        ).format(
            name=p.name,
            industry=p.industry,
            year=year,
            deal=p.deal,
            domain=domain_name(p.domain),
            pairing=pairing_name(p.pairing),
            source=f"[{p.source_id}] {src.publisher}",
        )
        nodes.append(Node(f"partner:{p.id}", p.name, 2, tip + (f"\n{p.note}" if p.note else "")))
        edges.append(Edge(f"domain:{p.domain}", f"partner:{p.id}", p.pairing == "inferred"))
    network = ChartSpec(
        "partner_network",
        translate("Content", "Alliance network: Chery, domains, partners"),
        "network",
        nodes=tuple(nodes),
        edges=tuple(edges),
        caption=translate("Content", "Dashed links: domain pairing inferred from the deal, not stated by a source."),
    )
    table = Table(
        "partners",
        translate("Content", "Partners and their deals"),
        (
            translate("Content", "Partner"),
            translate("Content", "Industry"),
            translate("Content", "Deal"),
            translate("Content", "Year"),
            translate("Content", "Domain"),
            translate("Content", "Pairing"),
            translate("Content", "Source"),
        ),
        tuple(
            (
                p.name,
                p.industry,
                p.deal,
                str(p.deal_year) if p.deal_year else not_available(),
                domain_name(p.domain),
                pairing_name(p.pairing),
                f"[{p.source_id}]",
            )
            for p in sheet.partners
        ),
        numeric_columns=(3,),
    )
    inferred = sum(p.pairing == "inferred" for p in sheet.partners)
    recent = sum(p.deal_year == ctx.year for p in sheet.partners)
    count_tip = translate(
        "Content", "Counted from the partners table: the partners the sources name, which need not be all of them."
    )
    all_years = translate("Content", "all years")
    return SectionContent(
        "partners",
        section_titles()["partners"],
        translate("Content", "Cross-industry alliances and the companies in them."),
        (
            Kpi(
                translate("Content", "Named partners"),
                str(len(sheet.partners)),
                translate("Units", "companies"),
                all_years,
                tooltip=count_tip,
            ),
            Kpi(
                translate("Content", "Alliance domains"),
                str(len(domains)),
                translate("Units", "domains"),
                all_years,
                tooltip=count_tip,
            ),
            Kpi(
                translate("Content", "Deals dated {year}").format(year=ctx.year),
                str(recent),
                translate("Units", "deals"),
                Period.parse(str(ctx.year)).label(),
                tooltip=count_tip,
            ),
            Kpi(
                translate("Content", "Pairings inferred"),
                translate("Content", "{count} of {total}").format(count=inferred, total=len(sheet.partners)),
                "",
                all_years,
                tooltip=translate(
                    "Content",
                    "No source assigns each partner to one domain; we pair them by the subject of their deal.",
                ),
            ),
        ),
        (network,),
        (table, ctx.figures_table("partners")) if any(f.section == "partners" for f in sheet) else (table,),
        (),
        (
            translate(
                "Content",
                "The sources name the partners and the four domains but never say "
                "which partner belongs to which domain.",
            ),
            translate(
                "Content",
                "Deal years are the years of the deals described; {na} means the source does not date the deal.",
            ).format(na=not_available()),
            *(_labelled(p.name, p.note) for p in sheet.partners if p.note),
        ),
    )


def audit_tables(sheet: FactSheet, analysis: Analysis) -> tuple[Table, Table]:
    """The audit's findings and every derived figure with its formula (Help → Data audit, last PDF pages)."""
    findings = Table(
        "findings",
        translate("Content", "Data audit findings"),
        (
            translate("Content", "Check"),
            translate("Content", "Figure"),
            translate("Content", "Stated"),
            translate("Content", "Recomputed"),
            translate("Content", "Difference"),
            translate("Content", "Explanation"),
        ),
        tuple((f.check, f.subject, f.stated, f.recomputed, f.difference, f.explanation) for f in analysis.findings),
        translate(
            "Content",
            "Each check allows for the rounding of the published figures; a finding means the figures disagree "
            "by more than rounding can explain.",
        ),
        (2, 3, 4),  # stated, recomputed, difference: figures
    )
    derived = [f for f in sheet if f.derived] + list(analysis.derived.values())
    formulas = Table(
        "derived",
        translate("Content", "Derived figures and their formulas"),
        (
            translate("Content", "Figure"),
            translate("Content", "Value"),
            translate("Content", "Period"),
            translate("Content", "Formula"),
        ),
        tuple(
            (
                f.label,
                format_with_unit(f.value, f.unit, f.approximate, f.lower_bound),
                f.period.label(),
                describe_formula(f.formula, lambda fid: analysis.figure(sheet, fid)),
            )
            for f in derived
        ),
        translate(
            "Content",
            "Computed from the published figures named in the formula; ~ marks a result that inherits rounding.",
        ),
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
