"""Exports: vehicles shipped abroad, Chery's part of China's car exports, and the market fragments."""

from __future__ import annotations

from chery_viewer.core.audit import Analysis, describe_formula
from chery_viewer.core.content.charts import annual_chart, donut, months_chart
from chery_viewer.core.content.context import OWN_TABLE, Context, compact
from chery_viewer.core.content.grids import Column, grid_tables, month_columns, month_grid, year_grid
from chery_viewer.core.content.model import CardGroup, SectionContent, Table
from chery_viewer.core.factsheet import FactSheet, Figure
from chery_viewer.core.formatting import format_value
from chery_viewer.core.i18n import translate
from chery_viewer.core.sections import section_titles


def market_fragments(ctx: Context) -> list[Figure]:
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


def export_share_name() -> str:
    """The one name of the export share, on every tab and in the PDF."""
    return translate("Content", "Export share of group sales")


def _tables(ctx: Context, share_name: str) -> tuple[Table, ...]:
    """The section's figures as a grid by year and a grid by month, then the others."""
    growth = translate("Content", "Growth on the year before")
    return grid_tables(
        ctx,
        "exports",
        (
            (
                year_grid,
                "exports_years",
                translate("Content", "Exports by year"),
                (
                    Column(translate("Content", "Exports"), "exports"),
                    Column(growth, "exports_yoy"),
                    Column(translate("Content", "Back-computed from the next year"), "exports_backcalc"),
                    Column(share_name, "export_share"),
                    Column(translate("Content", "{name} (derived)").format(name=share_name), "export_share_derived"),
                ),
            ),
            (
                month_grid,
                "exports_months",
                translate("Content", "Exports by month, {year}").format(year=ctx.year),
                month_columns("exports"),
            ),
        ),
        translate("Content", "Other figures of this section"),
    )


def build_exports(sheet: FactSheet, analysis: Analysis) -> SectionContent:
    ctx = Context(sheet, analysis)
    y = ctx.year
    chery = ctx.find("exports", str(y))
    others = ctx.find("china_other_exports", str(y))  # a derived figure of the audit's table
    exports_name = translate("Content", "Exports")
    share_name = export_share_name()
    charts = [
        annual_chart(
            ctx,
            "exports_annual",
            "exports",
            exports_name,
            "export_share_derived",
            translate("Content", "{name} (derived)").format(name=share_name),
        ),
        months_chart(ctx, "exports_months", "exports", exports_name),
        donut(
            ctx,
            "china_share_donut",
            translate("Content", "Chery in China's car exports, {year}").format(year=y),
            [(translate("Content", "Chery"), chery), (translate("Content", "Other Chinese makers"), others)],
        ),
    ]
    markets = market_fragments(ctx)
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
    # The source's cumulative share is dated by its article (a running total up to then), not by the report year.
    cumulative = sheet.as_reported("cumulative_export_share", y)
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
                "Two different shares: {cumulative} is the source's figure for Chery's exports summed up to "
                "{period}, from a first year it does not give; {share} is our figure for {year} alone ({formula}).",
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
        compact(
            [
                ctx.kpi(chery, exports_name),
                ctx.kpi(share, share_name),
                ctx.kpi(year_share, translate("Content", "Share of China's car exports {year}").format(year=y)),
                ctx.kpi(cumulative, translate("Content", "Cumulative share (source)")),
                ctx.kpi(
                    ctx.find("export_leadership", str(y)), translate("Content", "Years as top Chinese-brand exporter")
                ),
                ctx.kpi(months_over, mark_label),
            ]
        ),
        tuple(c for c in charts if c),
        (*_tables(ctx, share_name), market_table),
        (
            CardGroup(
                translate("Content", "Models and markets"),
                ctx.fact_cards("exports", "model") + ctx.fact_cards("exports", "market"),
            ),
        ),
        tuple(notes),
    )
