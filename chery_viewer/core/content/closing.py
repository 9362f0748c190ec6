"""The closing section: the sources list, the audit's findings and the derived figures' formulas.

Built once here for every renderer (the Sources and Data audit dialogs, the PDF's last pages).
"""

from __future__ import annotations

import re

from chery_viewer.core.audit import Analysis, describe_formula
from chery_viewer.core.content.context import Context, source_date
from chery_viewer.core.content.model import Closing, FindingText, SourceEntry, Table
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.core.formatting import format_with_unit
from chery_viewer.core.i18n import translate


def closing_title() -> str:
    """The title of the closing section (sources, audit findings, formulas), in the current language."""
    return translate("Report", "Sources and audit")


def natural_key(text: str) -> tuple[str, int, str]:
    """Sort key that puts S2 before S10."""
    match = re.match(r"^(\D*)(\d+)(.*)$", text)
    return (match.group(1), int(match.group(2)), match.group(3)) if match else (text, 0, "")


def source_entries(sheet: FactSheet) -> tuple[SourceEntry, ...]:
    """Every source of the dataset in natural order of id (S1, S2, … S10)."""
    undated = translate("Report", "undated")
    return tuple(
        SourceEntry(s.id, s.title, s.publisher, s.url, s.date, source_date(s) or undated)
        for s in sorted(sheet.sources.values(), key=lambda s: natural_key(s.id))
    )


def sources_table(entries: tuple[SourceEntry, ...]) -> Table:
    return Table(
        "sources",
        translate("Report", "Sources"),
        (
            translate("Report", "ID"),
            translate("Report", "Publisher"),
            translate("Report", "Title"),
            translate("Report", "Date"),
            translate("Report", "URL"),
        ),
        tuple((s.id, s.publisher, s.title, s.date_text, s.url) for s in entries),
        translate("Report", "Every figure, card and partner in this document names one of these sources by its ID."),
        link_columns=(4,),
    )


def findings_table(findings: list[FindingText]) -> Table:
    return Table(
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
        tuple((f.check, f.subject, f.stated, f.recomputed, f.difference, f.explanation) for f in findings),
        translate(
            "Content",
            "Each check allows for the rounding of the published figures; a finding means the figures disagree "
            "by more than rounding can explain.",
        ),
        numeric_columns=(2, 3, 4),  # stated, recomputed, difference: figures
    )


def formulas_table(ctx: Context) -> Table:
    derived = [f for f in ctx.sheet if f.derived] + list(ctx.derived.values())
    return Table(
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
                describe_formula(f.formula, ctx.get),
            )
            for f in derived
        ),
        translate(
            "Content",
            "Computed from the published figures named in the formula; ~ marks a result that inherits rounding.",
        ),
        (1,),
    )


def audit_tables(sheet: FactSheet, analysis: Analysis) -> tuple[Table, Table]:
    """The audit's findings and every derived figure with its formula (Help → Data audit, last PDF pages)."""
    ctx = Context(sheet, analysis)
    return findings_table(ctx.findings()), formulas_table(ctx)


def build_closing(sheet: FactSheet, analysis: Analysis) -> Closing:
    ctx = Context(sheet, analysis)
    findings = ctx.findings()
    entries = source_entries(sheet)
    n = len(findings)
    summary = (
        translate(
            "Report",
            "The {sources} sources behind every figure, the 1 disagreement the audit found between them, "
            "and how each derived figure is computed.",
        )
        if n == 1
        else translate(
            "Report",
            "The {sources} sources behind every figure, the {count} disagreements the audit found between them, "
            "and how each derived figure is computed.",
        )
    ).format(sources=len(sheet.sources), count=n)
    return Closing(
        closing_title(),
        summary,
        entries,
        sources_table(entries),
        tuple(findings),
        findings_table(findings),
        translate("Report", "The audit found no disagreement between the sources."),
        formulas_table(ctx),
    )
