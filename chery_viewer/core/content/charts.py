"""The chart shapes several sections share: yearly bars with a rate, months of the year, donuts, plain bars."""

from __future__ import annotations

from collections.abc import Collection

from chery_viewer.core.content.context import Context, point_kind
from chery_viewer.core.content.model import ChartSpec, Point, Series
from chery_viewer.core.factsheet import Figure
from chery_viewer.core.formatting import format_value, not_available, unit_word
from chery_viewer.core.i18n import is_chinese, translate
from chery_viewer.core.periods import month_names


def annual_chart(ctx: Context, chart_id: str, metric: str, name: str, line_metric: str, line_name: str) -> ChartSpec:
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


def months_chart(ctx: Context, chart_id: str, metric: str, name: str) -> ChartSpec | None:
    """The report year by month: published months and multi-month periods as bars, year to date as a line.

    A bar that covers several months (say January-April) is drawn at its monthly average
    across those months; its tooltip gives the published total.
    """
    spans: dict[str, tuple[int, int]] = {
        f.id: months_of
        for f in ctx.sheet.of_metric(metric)
        if f.period.start.year == ctx.year and (months_of := f.period.months) is not None
    }
    figures = [f for f in ctx.sheet.of_metric(metric) if f.id in spans]
    if not figures:
        return None
    singles: dict[int, Figure] = {}
    ranges: list[Figure] = []
    ytd: dict[int, Figure] = {}
    for f in figures:
        first, last = spans[f.id]
        if first == last:
            singles[first] = f
        elif first == 1:
            ytd[last] = f
    total = ctx.find(metric, str(ctx.year))
    if total is not None:
        ytd[12] = total
    covered = set(singles)
    for f in sorted(figures, key=lambda f: spans[f.id][1] - spans[f.id][0]):
        first, last = spans[f.id]
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
            first, last = spans[f.id]
            if first == month:
                months = last - first + 1
                avg = f.value / months
                drawn = translate("Content", "Drawn at the average of {average} per month over {months} months.")
                tip = f"{ctx.tooltip(f)}\n" + drawn.format(average=format_value(avg, "vehicles"), months=months)
                bars.append(
                    Point(
                        names[month - 1],
                        avg,
                        format_value(f.value, f.unit, f.approximate, f.lower_bound),
                        tip,
                        False,
                        months,
                        f.approximate,
                        f.lower_bound,
                        f.id,
                        point_kind(f),
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
                translate("Content", "In the month"),
                "vehicles",
                "bar",
                tuple(bars),
                note=translate("Content", "pale bars: monthly average of a longer period"),
            ),
            Series(translate("Content", "Year to date"), "vehicles", "line", line, "upper"),
        ),
        y_label=translate("Content", "vehicles per month"),
        upper_label=translate("Content", "to date"),
        caption=ctx.caption_with(
            (*figures, total),
            translate("Content", "Months without a bar: no single-month figure was found in the sources."),
        ),
    )


def donut(ctx: Context, chart_id: str, title: str, parts: list[tuple[str, Figure | None]]) -> ChartSpec | None:
    if any(f is None or f.value < 0 for _, f in parts):
        return None
    whole = sum(f.value for _, f in parts if f)
    if whole <= 0:
        return None  # nothing to divide into shares
    present = [(name, f) for name, f in parts if f is not None]
    points = []
    for name, f in present:
        share = translate("Content", "Share of the whole: {share}").format(share=f"{f.value / whole * 100:.1f}%")
        points.append(
            Point(
                name,
                f.value,
                _donut_display(f),
                f"{ctx.tooltip(f)}\n{share}",
                approximate=f.approximate,
                lower_bound=f.lower_bound,
                figure_id=f.id,
                kind=point_kind(f),
            )
        )
    return ChartSpec(
        chart_id,
        title,
        "donut",
        tuple(p.category for p in points),
        (Series(title, present[0][1].unit, "bar", tuple(points)),),
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


def simple_bars(
    ctx: Context,
    chart_id: str,
    title: str,
    unit_label: str,
    items: list[tuple[str, Figure | None]],
    remark: str = "",
    inferred: Collection[str] = (),
) -> ChartSpec | None:
    """Plain bars, one per item; the figures whose ids are in ``inferred`` are tied to their
    bar by our inference (and drawn so)."""
    present = [(name, f) for name, f in items if f is not None]
    if not present:
        return None
    points = tuple(ctx.point(name, f, inferred=f.id in inferred) for name, f in present)
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
