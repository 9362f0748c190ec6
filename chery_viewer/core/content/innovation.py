"""Innovation: patents, research programmes, factories and the platform behind them."""

from __future__ import annotations

from chery_viewer.core.audit import Analysis, evaluate
from chery_viewer.core.content.charts import simple_bars
from chery_viewer.core.content.context import Context, compact, labelled
from chery_viewer.core.content.model import CardGroup, SectionContent
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.core.formatting import format_value, unit_word
from chery_viewer.core.i18n import has_cjk, translate
from chery_viewer.core.sections import section_titles


def build_innovation(sheet: FactSheet, analysis: Analysis) -> SectionContent:
    ctx = Context(sheet, analysis)
    y = ctx.year
    plan = ctx.latest("plan_investment")
    factories = sheet.of_metric("factory_capacity")
    places = factory_places([f.subject for f in factories])
    filed, granted = translate("Content", "Filed"), translate("Content", "Granted")
    # A factory whose card is our inference: its bar says so on the chart, its note goes in the caption.
    inferred = {fact.title for fact in sheet.facts_of("innovation", "factory") if fact.inferred}
    charts = [
        simple_bars(
            ctx,
            "patents",
            translate("Content", "Patents at the end of {year}").format(year=y),
            unit_word("patents"),
            [
                (filed, ctx.latest("patents_declared")),
                (granted, ctx.latest("patents_granted")),
                (translate("Content", "Inventions"), ctx.get("invention_patents")),
            ],
            translate("Content", "Inventions: derived from the granted count and the invention share."),
        ),
        simple_bars(
            ctx,
            "nev_patents",
            translate("Content", "New-energy vehicle patents"),
            unit_word("patents"),
            [(filed, ctx.latest("nev_patents_applied")), (granted, ctx.latest("nev_patents_granted"))],
            translate("Content", "The source gives both only as lower bounds."),
        ),
        simple_bars(
            ctx,
            "factory_capacity",
            translate("Content", "Factory capacity, in operation or planned"),
            unit_word("vehicles per year"),
            [(_marked(places[f.subject], f.subject in inferred), f) for f in factories],
            " ".join(
                labelled(_marked(places[f.subject], True), f.note)
                for f in factories
                if f.subject in inferred and f.note
            ),
            inferred={f.id for f in factories if f.subject in inferred},
        ),
    ]
    return SectionContent(
        "innovation",
        section_titles()["innovation"],
        translate("Content", "Patents, research programmes, factories and the platform behind them."),
        compact(
            [
                ctx.kpi(ctx.latest("patents_declared"), translate("Content", "Patents filed")),
                ctx.kpi(ctx.latest("patents_granted"), translate("Content", "Patents granted")),
                ctx.kpi(ctx.get("patents_grant_ratio"), translate("Content", "Granted ÷ filed, running totals")),
                ctx.kpi(ctx.get("invention_patents"), translate("Content", "Invention patents")),
                ctx.kpi(
                    plan, translate("Content", "{plan} planned investment").format(plan=plan.subject) if plan else ""
                ),
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


def factory_places(subjects: list[str]) -> dict[str, str]:
    """Each factory's chart category: its subject without the words every factory shares.

    'Qingdao Super Factory' and 'Wuhu Super Factory' become 'Qingdao' and 'Wuhu' (and
    '青岛超级工厂', '芜湖超级工厂' become '青岛', '芜湖'), whatever the dataset calls its
    factories; a lone factory, or one whose name is only the shared words, keeps its name.
    """
    unique = list(dict.fromkeys(subjects))
    if len(unique) < 2:
        return {s: s for s in unique}
    shared = 0
    while shared < min(map(len, unique)) and len({s[len(s) - shared - 1] for s in unique}) == 1:
        shared += 1
    if not has_cjk("".join(unique)):  # in a spaced language, cut only at a word boundary
        tail = unique[0][len(unique[0]) - shared :]
        shared = len(tail) - tail.find(" ") if " " in tail else 0
    places = {s: s[: len(s) - shared].rstrip() for s in unique}
    return places if all(places.values()) else {s: s for s in unique}


def _marked(place: str, inferred: bool) -> str:
    """'Wuhu (inferred)' when the figure's tie to the factory is our reading."""
    return translate("Content", "{place} (inferred)").format(place=place) if inferred else place


def _innovation_notes(ctx: Context) -> list[str]:
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
