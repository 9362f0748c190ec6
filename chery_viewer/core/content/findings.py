"""The audit's numbers in words: findings and the back-computation notes, in the current language."""

from __future__ import annotations

from collections.abc import Callable

from chery_viewer.core.audit import Comparison, Finding, describe_formula
from chery_viewer.core.content.model import FindingText
from chery_viewer.core.factsheet import FactSheet, Figure
from chery_viewer.core.formatting import format_change, format_signed, format_value, format_with_unit, not_available
from chery_viewer.core.i18n import translate

Lookup = Callable[[str], Figure | None]


def check_name(finding: Finding) -> str:
    return {
        "growth_rate": translate("Audit", "growth rate"),
        "period_sum": translate("Audit", "sum of periods"),
        "formula": translate("Audit", "derived figure"),
        "share": translate("Audit", "share"),
    }[finding.check]


def describe_finding(finding: Finding, lookup: Lookup) -> FindingText:
    """One finding as the row of the findings table: what disagrees, by how much, and why."""
    figure = lookup(finding.figure_id)
    inputs = [f for f in map(lookup, finding.inputs) if f is not None]
    if figure is None or len(inputs) != len(finding.inputs):
        raise KeyError(f"finding {finding.figure_id} names a figure that is not in this fact sheet")
    stated, recomputed, difference, explanation = _words(finding, figure, inputs, lookup)
    return FindingText(figure.id, check_name(finding), figure.label, stated, recomputed, difference, explanation)


def _words(finding: Finding, figure: Figure, inputs: list[Figure], lookup: Lookup) -> tuple[str, str, str, str]:
    point = finding.recomputed
    if finding.check == "growth_rate" and point is not None:
        current, previous = inputs
        implied = current.value / (1 + figure.value / 100)
        return (
            format_change(figure.value),
            format_change(point),
            translate("Audit", "{points} points").format(points=f"{point - figure.value:+.1f}"),
            translate(
                "Audit",
                "{current} ({current_value}) against {previous} ({previous_value}) gives {change}. "
                "The published rate implies a base of about {base}, so the source probably compared "
                "with a restated figure.",
            ).format(
                current=current.label,
                current_value=format_value(current.value, current.unit),
                previous=previous.label,
                previous_value=format_value(previous.value, previous.unit),
                change=format_change(point),
                base=f"{implied:,.0f}",
            ),
        )
    if finding.check == "period_sum" and point is not None:
        part = translate("Audit", "{period} ({value})")
        parts = " + ".join(part.format(period=p.period.label(), value=format_value(p.value, p.unit)) for p in inputs)
        return (
            format_value(figure.value, figure.unit),
            format_value(point, figure.unit),
            translate("Audit", "{difference} vehicles").format(difference=f"{point - figure.value:+,.0f}"),
            translate("Audit", "{parts} add up to {sum}, not the published {total}.").format(
                parts=parts,
                sum=format_value(point, figure.unit),
                total=format_value(figure.value, figure.unit),
            )
            + _swapped_digits(finding, figure, lookup),
        )
    if finding.check == "share" and point is not None:
        numerator, denominator = inputs
        return (
            format_value(figure.value, "percent"),
            f"{point:.2f}%",
            translate("Audit", "{points} points").format(points=f"{point - figure.value:+.2f}"),
            translate("Audit", "{numerator} ÷ {denominator} does not give the published share.").format(
                numerator=numerator.label, denominator=denominator.label
            ),
        )
    formula = describe_formula(figure.formula, lookup)
    if point is None:
        return (
            format_value(figure.value, figure.unit),
            not_available(),
            not_available(),
            translate("Audit", "The formula {formula} divides by zero with this dataset.").format(formula=formula),
        )
    return (
        format_value(figure.value, figure.unit),
        format_value(point, figure.unit),
        f"{point - figure.value:+,.2f}",
        translate("Audit", "The dataset's value does not follow from its formula {formula}.").format(formula=formula),
    )


def _swapped_digits(finding: Finding, total: Figure, lookup: Lookup) -> str:
    """The likely cause the audit found for a sum's gap, said as a guess ("" if none)."""
    piece = lookup(finding.swapped_id) if finding.swapped_id else None
    if piece is None:
        return ""
    return " " + translate(
        "Audit",
        "{total} less the other periods leaves {needed} for {period}; the published {value} has the same "
        "digits with two swapped, a likely cause that no source confirms.",
    ).format(
        total=format_value(total.value, total.unit),
        needed=format_value(finding.swapped_needed, piece.unit),
        period=piece.period.label(),
        value=format_value(piece.value, piece.unit),
    )


def comparison_note(comparison: Comparison, sheet: FactSheet) -> str:
    """For a back-computed value, how it compares with the published one."""
    published = sheet.figure(comparison.published_id) if comparison.published_id else None
    if published is None:
        return translate("Audit", "No figure in the sources to compare with.")
    if comparison.fits is None:
        return ""
    text = (
        translate(
            "Audit",
            "Published: {published}; the back-computed value differs by {difference} ({percent}), "
            "within the rounding of the growth rate.",
        )
        if comparison.fits
        else translate(
            "Audit",
            "Published: {published}; the back-computed value differs by {difference} ({percent}), "
            "more than the rounding of the growth rate explains.",
        )
    )
    return text.format(
        published=format_with_unit(published.value, published.unit),
        difference=format_signed(comparison.difference),
        percent=f"{format_signed(comparison.percent, 2)}%",
    )
