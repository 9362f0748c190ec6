"""Sales: the group's sales by year and by month, and its users at home and abroad."""

from __future__ import annotations

from chery_viewer.core.audit import Analysis
from chery_viewer.core.content.charts import annual_chart, donut, months_chart
from chery_viewer.core.content.context import Context, compact, source_date
from chery_viewer.core.content.grids import Column, grid_tables, month_columns, month_grid, year_grid
from chery_viewer.core.content.model import SectionContent, Table
from chery_viewer.core.factsheet import FactSheet, Figure
from chery_viewer.core.formatting import format_with_unit
from chery_viewer.core.i18n import translate
from chery_viewer.core.sections import section_titles


def _users_title(ctx: Context, users: Figure | None) -> str:
    """The users donut's title: the count is the source's at its own date (the base article's
    "at present" in February 2023), not a year-end figure."""
    src = ctx.sheet.sources.get(users.source_id) if users else None
    if src and src.date:
        return translate("Content", "Users in China and abroad, as reported on {date}").format(date=source_date(src))
    return translate("Content", "Users in China and abroad")


def _tables(ctx: Context) -> tuple[Table, ...]:
    """The section's figures as a grid by year and grids by month, then any others."""
    y = ctx.year
    growth = translate("Content", "Growth on the year before")
    brand, nev = translate("Content", "Chery brand"), translate("Content", "New-energy vehicles")
    return grid_tables(
        ctx,
        "sales",
        (
            (
                year_grid,
                "sales_years",
                translate("Content", "Group sales by year"),
                (
                    Column(translate("Content", "Group sales"), "group_sales"),
                    Column(growth, "group_sales_yoy"),
                    Column(translate("Content", "Back-computed from the next year"), "group_sales_backcalc"),
                    Column(translate("Content", "Average month"), "monthly_average"),
                    Column(translate("Content", "December's share of the year"), "december_share"),
                ),
            ),
            (
                month_grid,
                "sales_months",
                translate("Content", "Group sales by month, {year}").format(year=y),
                month_columns("group_sales"),
            ),
            (
                month_grid,
                "sales_parts_months",
                translate("Content", "Chery brand and new-energy vehicles by month, {year}").format(year=y),
                (
                    Column(translate("Content", "{name}: in the month").format(name=brand), "brand_sales"),
                    Column(translate("Content", "{name}: to date").format(name=brand), "brand_sales", True),
                    Column(translate("Content", "{name}: growth to date").format(name=brand), "brand_sales_yoy", True),
                    Column(translate("Content", "{name}: in the month").format(name=nev), "nev_sales"),
                    Column(translate("Content", "{name}: to date").format(name=nev), "nev_sales", True),
                    Column(translate("Content", "{name}: growth to date").format(name=nev), "nev_sales_yoy", True),
                ),
            ),
        ),
        translate("Content", "Other figures of this section"),
    )


def build_sales(sheet: FactSheet, analysis: Analysis) -> SectionContent:
    ctx = Context(sheet, analysis)
    y = ctx.year
    sales_name = translate("Content", "Group sales")
    charts = [
        annual_chart(
            ctx,
            "sales_annual",
            "group_sales",
            sales_name,
            "group_sales_yoy",
            translate("Content", "Growth on the year before"),
        ),
        months_chart(ctx, "sales_months", "group_sales", sales_name),
        donut(
            ctx,
            "users_donut",
            _users_title(ctx, sheet.as_reported("users", y)),
            [
                (translate("Content", "In China"), ctx.get(f"users_domestic_{y}")),
                (translate("Content", "Outside China"), sheet.as_reported("users_overseas", y)),
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
                "Some months of {year} appear in the sources only inside multi-month totals; those are drawn as "
                "pale bars at their monthly average.",
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
        compact(
            [
                ctx.kpi(ctx.find("group_sales", str(y)), sales_name),
                ctx.kpi(ctx.find("group_sales", f"{y}-12"), translate("Content", "December")),
                ctx.kpi(ctx.find("monthly_average", str(y)), translate("Content", "Average month")),
                ctx.kpi(brand, translate("Content", "Chery brand")),
                ctx.kpi(nev, translate("Content", "New-energy vehicles")),
            ]
        ),
        tuple(c for c in charts if c),
        _tables(ctx),
        (),
        tuple(notes),
    )
