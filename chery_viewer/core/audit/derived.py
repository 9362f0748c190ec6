"""The figures the app derives: one declarative table, computed as a whole by the audit.

Each ``Derivation`` names its inputs by metric and period (``{year}`` is the year it is
made for, ``{prev}`` the year before), its formula over those inputs, and the years it is
made for. ``derived_figures`` turns the table into figures whose formulas name dataset ids,
so every derived figure any section shows is listed, checked and explained the same way.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from chery_viewer.core.audit.intervals import evaluate, interval, point_value
from chery_viewer.core.factsheet import FactSheet, Figure
from chery_viewer.core.formulas import formula_names
from chery_viewer.core.i18n import translate
from chery_viewer.core.periods import Period
from chery_viewer.core.sections import SectionKey

# "report": the report year only; "annual": every year with an annual count;
# "after_first": every such year but the first (a growth needs the year before).
Years = Literal["report", "annual", "after_first"]

# As an input's period: the figure that stands for the year (``FactSheet.as_reported``: the
# year's own, else a count dated at the report's time). As a result's period: that of the first input.
AS_REPORTED = "{as_reported}"


@dataclass(frozen=True)
class Derivation:
    id: str  # template: "export_share_{year}"
    metric: str
    section: SectionKey
    unit: str
    label: Callable[[], str]  # the label in the current language; may use {year} (the period's year)
    formula: str  # over the input names: "{exports} / {sales} * 100"
    inputs: tuple[tuple[str, str, str], ...]  # (name, metric, period template)
    years: Years = "report"
    period: str = "{year}"  # the period of the result
    unless: str = ""  # a metric whose published figure for the period makes this derivation redundant

    def label_for(self, figure: Figure) -> str:
        """This derivation's label for one of its figures, in the current language."""
        return self.label().format(year=figure.period.start.year)


@dataclass(frozen=True)
class Comparison:
    """A back-computed figure against the published one: numbers, for content to put in words."""

    figure_id: str
    published_id: str  # "" if nothing was published to compare with
    difference: float = 0.0  # back-computed minus published
    percent: float = 0.0  # the difference as a percentage of the published value
    fits: bool | None = None  # within the rounding of the inputs; None if the check is undefined


def _backcalc(metric: str, section: SectionKey, label: Callable[[], str]) -> Derivation:
    return Derivation(
        f"{metric}_{{prev}}_backcalc",
        f"{metric}_backcalc",
        section,
        "vehicles",
        label,
        "{current} / (1 + {rate} / 100)",
        (("current", metric, "{year}"), ("rate", f"{metric}_yoy", "{year}")),
        period="{prev}",
    )


def _growth(metric: str, section: SectionKey, label: Callable[[], str]) -> Derivation:
    return Derivation(
        f"{metric}_{{year}}_yoy_calc",
        f"{metric}_yoy",
        section,
        "percent",
        label,
        "({current} / {previous} - 1) * 100",
        (("current", metric, "{year}"), ("previous", metric, "{prev}")),
        years="after_first",
        unless=f"{metric}_yoy",
    )


DERIVATIONS: tuple[Derivation, ...] = (
    _backcalc("group_sales", "sales", lambda: translate("Audit", "Group sales {year}, back-computed")),
    _backcalc("exports", "exports", lambda: translate("Audit", "Exports {year}, back-computed")),
    Derivation(
        "export_share_{year}",
        "export_share_derived",
        "exports",
        "percent",
        lambda: translate("Audit", "Export share of group sales {year}"),
        "{exports} / {sales} * 100",
        (("sales", "group_sales", "{year}"), ("exports", "exports", "{year}")),
        years="annual",
    ),
    _growth("group_sales", "sales", lambda: translate("Audit", "Group sales growth {year}, computed")),
    _growth("exports", "exports", lambda: translate("Audit", "Export growth {year}, computed")),
    Derivation(
        "users_overseas_share_{year}",
        "users_overseas_share",
        "overview",
        "percent",
        lambda: translate("Audit", "Share of users outside China"),
        "{overseas} / {users} * 100",
        (("users", "users", AS_REPORTED), ("overseas", "users_overseas", AS_REPORTED)),
        period=AS_REPORTED,
    ),
    Derivation(
        "users_domestic_{year}",
        "users_domestic",
        "overview",
        "users",
        lambda: translate("Audit", "Users in China"),
        "{users} - {overseas}",
        (("users", "users", AS_REPORTED), ("overseas", "users_overseas", AS_REPORTED)),
        period=AS_REPORTED,
    ),
    Derivation(
        "patents_grant_ratio",
        "patents_grant_ratio",
        "innovation",
        "percent",
        lambda: translate(
            "Audit", "Granted patents as a share of applications filed (running totals, not a grant rate)"
        ),
        "{granted} / {declared} * 100",
        (("declared", "patents_declared", "{year}"), ("granted", "patents_granted", "{year}")),
    ),
    Derivation(
        "invention_patents",
        "invention_patents",
        "innovation",
        "patents",
        lambda: translate("Audit", "Invention patents granted"),
        "{granted} * {share} / 100",
        (("granted", "patents_granted", "{year}"), ("share", "invention_share", "{year}")),
    ),
    Derivation(
        "december_share_{year}",
        "december_share",
        "sales",
        "percent",
        lambda: translate("Audit", "December's share of {year} sales"),
        "{december} / {total} * 100",
        (("december", "group_sales", "{year}-12"), ("total", "group_sales", "{year}")),
    ),
    Derivation(
        "monthly_average_{year}",
        "monthly_average",
        "sales",
        "vehicles",
        lambda: translate("Audit", "Average month {year}"),
        "{total} / 12",
        (("total", "group_sales", "{year}"),),
    ),
    Derivation(
        "china_other_exports",
        "china_other_exports",
        "exports",
        "vehicles",
        lambda: translate("Content", "Other Chinese car exports {year}"),
        "{china} - {chery}",
        (("china", "china_exports", "{year}"), ("chery", "exports", "{year}")),
    ),
)


def _years(sheet: FactSheet, years: Years) -> list[int]:
    if years == "report":
        return [sheet.report_year]
    annual = sheet.annual_years()
    return annual if years == "annual" else annual[1:]


def derived_figures(sheet: FactSheet) -> tuple[dict[str, Figure], dict[str, Derivation]]:
    """Every figure of ``DERIVATIONS`` the dataset allows, with the derivation of each.

    A derivation is skipped when an input is missing, when the dataset already has a
    figure of that id (it wins, and ids stay unique), when a published figure makes it
    redundant, or when it is undefined for this dataset (a zero total).
    """
    derived: dict[str, Figure] = {}
    made_by: dict[str, Derivation] = {}

    def lookup(figure_id: str) -> Figure | None:
        return sheet.figure(figure_id) or derived.get(figure_id)

    for rule in DERIVATIONS:
        for year in _years(sheet, rule.years):
            names = {"year": year, "prev": year - 1}
            inputs = [
                sheet.as_reported(metric, year) if period == AS_REPORTED else sheet.find(metric, period.format(**names))
                for _, metric, period in rule.inputs
            ]
            fid = rule.id.format(**names)
            if any(f is None for f in inputs) or sheet.figure(fid) is not None:
                continue
            first = inputs[0]
            assert first is not None
            period = first.period.code if rule.period == AS_REPORTED else rule.period.format(**names)
            if rule.unless and sheet.find(rule.unless, period) is not None:
                continue
            ids = {name: f.id for (name, _, _), f in zip(rule.inputs, inputs, strict=True) if f is not None}
            formula = rule.formula.format(**ids)
            found = [f for f in map(lookup, formula_names(formula)) if f is not None]  # in formula order
            try:
                value = point_value(formula, lookup)
                evaluate(formula, lookup)
                bound = _is_lower_bound(formula, lookup, value)
            except (ZeroDivisionError, OverflowError):
                continue  # undefined for this dataset: no derived figure rather than a wrong one
            if not math.isfinite(value):
                continue
            figure = Figure(
                fid,
                rule.section,
                rule.metric,
                found[0].subject,
                "",
                round(value, 2 if rule.unit == "percent" else 0),
                rule.unit,
                Period.parse(period),
                "derived",
                any(f.approximate or f.lower_bound for f in found),
                bound,
                found[0].source_id,
                formula,
                "",
            )
            derived[fid] = figure._replace(label=rule.label_for(figure))
            made_by[fid] = rule
    return derived, made_by


def _is_lower_bound(formula: str, lookup: Callable[[str], Figure | None], value: float) -> bool:
    """Whether a result inherits the ">" of its inputs: it does when every lower-bound input
    can only push it up (exports > 96,000 in 2019 make the 2018-2019 change > -23.8%). If a
    bound pushes it down, nothing is claimed beyond the "~" the result already carries."""
    names = [n for n in formula_names(formula) if (f := lookup(n)) is not None and f.lower_bound]
    if not names:
        return False
    for name in names:
        base = lookup(name)
        assert base is not None
        raised = base._replace(value=base.value * 1.001 + 1)

        def nudged(n: str, name: str = name, raised: Figure = raised) -> Figure | None:
            return raised if n == name else lookup(n)

        if point_value(formula, nudged) <= value:
            return False
    return True


def comparisons(sheet: FactSheet, derived: dict[str, Figure]) -> dict[str, Comparison]:
    """Each back-computed figure against the figure published for its period."""

    def lookup(figure_id: str) -> Figure | None:
        return sheet.figure(figure_id) or derived.get(figure_id)

    found: dict[str, Comparison] = {}
    for figure in derived.values():
        if not figure.metric.endswith("_backcalc"):
            continue
        published = sheet.find(figure.metric.removesuffix("_backcalc"), figure.period.code)
        if published is None or published.value == 0:
            found[figure.id] = Comparison(figure.id, "")
            continue
        diff = figure.value - published.value
        try:
            fits: bool | None = evaluate(figure.formula, lookup).overlaps(interval(published))
        except ZeroDivisionError:
            fits = None
        found[figure.id] = Comparison(figure.id, published.id, diff, diff / published.value * 100, fits)
    return found
