"""Partners: the alliance network of Chery, its four domains and the companies in them."""

from __future__ import annotations

from chery_viewer.core.audit import Analysis
from chery_viewer.core.content.context import Context, labelled
from chery_viewer.core.content.model import ChartSpec, Edge, Kpi, Node, SectionContent, Table
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.core.formatting import not_available
from chery_viewer.core.i18n import translate
from chery_viewer.core.periods import Period
from chery_viewer.core.sections import section_titles


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


def build_partners(sheet: FactSheet, analysis: Analysis) -> SectionContent:
    ctx = Context(sheet, analysis)
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
        nodes.append(Node(f"partner:{p.id}", p.name, 2, tip + (f"\n{p.note}" if p.note else ""), p.id))
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
            *(labelled(p.name, p.note) for p in sheet.partners if p.note),
        ),
    )
