"""Derived figures and the consistency audit: numbers only, computed once per dataset.

``analyse`` derives the figures of one declarative table (``derived``) and checks every
published rate, sub-total, share and derived row against the figures behind it, on
intervals (``intervals``) so that rounding is never reported as a disagreement
(``checks``). The words of a finding are written by ``core.content``.
"""

from __future__ import annotations

from dataclasses import dataclass

from chery_viewer.core.audit.checks import (
    SHARE_RELATIONS,
    Check,
    Finding,
    check_formulas,
    check_growth_rates,
    check_period_sums,
    check_shares,
)
from chery_viewer.core.audit.derived import DERIVATIONS, Comparison, Derivation, comparisons, derived_figures
from chery_viewer.core.audit.intervals import Interval, describe_formula, evaluate, interval, point_value
from chery_viewer.core.factsheet import FactSheet, Figure

__all__ = [
    "DERIVATIONS",
    "SHARE_RELATIONS",
    "Analysis",
    "Check",
    "Comparison",
    "Derivation",
    "Finding",
    "Interval",
    "analyse",
    "check_formulas",
    "check_growth_rates",
    "check_period_sums",
    "check_shares",
    "derived_figures",
    "describe_formula",
    "evaluate",
    "interval",
    "point_value",
]


@dataclass(frozen=True)
class Analysis:
    """What the audit computed. ``derived`` figures carry labels in the language current when
    analysed; ``core.content`` relabels them through ``derivations`` in the language of the day."""

    derived: dict[str, Figure]
    findings: tuple[Finding, ...]
    derivations: dict[str, Derivation]
    comparisons: dict[str, Comparison]

    def figure(self, sheet: FactSheet, figure_id: str) -> Figure | None:
        return sheet.figure(figure_id) or self.derived.get(figure_id)


def analyse(sheet: FactSheet) -> Analysis:
    derived, derivations = derived_figures(sheet)
    findings = (*check_growth_rates(sheet), *check_period_sums(sheet), *check_formulas(sheet), *check_shares(sheet))
    return Analysis(derived, tuple(findings), derivations, comparisons(sheet, derived))
