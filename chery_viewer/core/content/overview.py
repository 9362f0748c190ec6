"""The overview: headline figures of the report year, the sales and exports trend, firsts and goals."""

from __future__ import annotations

from chery_viewer.core.audit import Analysis
from chery_viewer.core.content.context import Context, compact
from chery_viewer.core.content.exports import export_share_name
from chery_viewer.core.content.model import CardGroup, ChartSpec, SectionContent, Series
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.core.formatting import unit_word
from chery_viewer.core.i18n import translate
from chery_viewer.core.sections import section_titles


def firsts(ctx: Context) -> CardGroup:
    """The firsts of the report year: a card group of the overview, and the cover's."""
    return CardGroup(
        translate("Content", "Firsts in {year}").format(year=ctx.year), ctx.fact_cards("overview", "first", ctx.year)
    )


def _table_title(ctx: Context) -> str:
    """The overview's own figures are the user counts and what follows from them (its sales and
    exports figures are listed on their tabs): the title says so, unless a dataset adds others."""
    if all(f.metric.startswith("users") for f in ctx.section_figures("overview")):
        return translate("Content", "Users at home and abroad: the figures")
    return translate("Content", "Figures of this section not listed on the other tabs")


def build_overview(sheet: FactSheet, analysis: Analysis) -> SectionContent:
    ctx = Context(sheet, analysis)
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
            "Content",
            "Figures marked ~ are rounded in their source, or computed from rounded figures; > marks a figure "
            "the source gives only as a lower bound.",
        ),
    ]
    return SectionContent(
        "overview",
        section_titles()["overview"],
        sheet.description,
        compact(
            [
                ctx.kpi(sales, sales_name),
                ctx.kpi(exports, exports_name),
                ctx.kpi(ctx.find("export_share", str(y)), export_share_name()),
                # Counts "at present" in a report published after the year: shown at their own date.
                ctx.kpi(sheet.as_reported("users", y)),
                ctx.kpi(sheet.as_reported("users_overseas", y)),
            ]
        ),
        (trend,),
        (ctx.figures_table("overview", _table_title(ctx)),),
        (
            firsts(ctx),
            CardGroup(
                translate("Content", "Goals for {year}").format(year=y + 1), ctx.fact_cards("overview", "goal", y + 1)
            ),
        ),
        tuple(notes),
    )
