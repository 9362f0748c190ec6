"""The consistency checks: published figures against what the other published figures imply.

A finding is numbers only (which figure, its value, the recomputed value and interval, the
figures used): ``core.content`` writes it in words, in the current language, so the audit
runs once per dataset and a change of language rebuilds only the content.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from chery_viewer.core.audit.intervals import Interval, evaluate, interval, point_value
from chery_viewer.core.factsheet import FactSheet, Figure
from chery_viewer.core.periods import Period

Check = Literal["growth_rate", "period_sum", "formula", "share"]


@dataclass(frozen=True)
class Finding:
    """One disagreement between the sources, or between a source and arithmetic."""

    check: Check
    figure_id: str  # the published figure that disagrees
    stated: float  # its value
    recomputed: float | None  # what the figures in ``inputs`` give; None if the formula is undefined
    bounds: Interval | None  # the recomputed interval, allowing for rounding
    inputs: tuple[str, ...]  # the ids of the figures recomputed from, in order
    # A likely cause of a period sum's gap: the input whose value, with two neighbouring digits
    # swapped, would make the sum come out exactly, and the value it would need ("" and 0: none).
    swapped_id: str = ""
    swapped_needed: float = 0.0

    @property
    def difference(self) -> float | None:
        return None if self.recomputed is None else self.recomputed - self.stated


def check_growth_rates(sheet: FactSheet) -> list[Finding]:
    """Every published growth rate against the two values it compares, where both exist.

    ``inputs`` are the current and the previous value."""
    findings = []
    for rate in sheet:
        if not rate.metric.endswith("_yoy") or rate.derived:
            continue
        base_metric = rate.metric.removesuffix("_yoy")
        current = sheet.find(base_metric, rate.period.code, rate.subject)
        previous = sheet.find(base_metric, _year_before(rate.period), rate.subject)
        if current is None or previous is None or previous.value == 0 or rate.value <= -100:
            continue
        try:
            recomputed = evaluate(f"({current.id} / {previous.id} - 1) * 100", sheet.figure)
        except ZeroDivisionError:
            continue
        if not recomputed.overlaps(interval(rate)):
            point = (current.value / previous.value - 1) * 100
            findings.append(Finding("growth_rate", rate.id, rate.value, point, recomputed, (current.id, previous.id)))
    return findings


def _year_before(period: Period) -> str:
    first, _, last = period.code.partition("/")
    shift = lambda part: f"{int(part[:4]) - 1}{part[4:]}"  # noqa: E731
    return shift(first) + (f"/{shift(last)}" if last else "")


def check_period_sums(sheet: FactSheet) -> list[Finding]:
    """Every published total that other published periods tile exactly, against their sum.

    ``inputs`` are the tiling periods, in order."""
    findings = []
    metrics = sorted({f.metric for f in sheet if f.unit == "vehicles"})
    for metric in metrics:
        figures = [f for f in sheet.of_metric(metric) if f.kind == "stated" and not f.lower_bound]
        # Only a (subject, year) with a total over several months has anything to check.
        totals = {(f.subject, f.period.start.year) for f in figures if f.period.precision in ("year", "range")}
        by_year: dict[tuple[str, int], list[tuple[int, int, Figure]]] = {}
        for f in figures:
            key = (f.subject, f.period.start.year)
            span = (1, 12) if f.period.is_year else f.period.months
            if key in totals and span:
                by_year.setdefault(key, []).append((*span, f))
        for key in sorted(totals, key=lambda k: k[1]):
            pieces = by_year.get(key, [])
            for start, end, target in pieces:
                if start == end:
                    continue
                tiling = _tile(start, end, [p for p in pieces if p[2] is not target])
                if tiling is None:
                    continue
                total = Interval(sum(interval(p).lo for p in tiling), sum(interval(p).hi for p in tiling))
                if total.overlaps(interval(target)):
                    continue
                point = sum(p.value for p in tiling)
                swapped, needed = _swapped_digits(target, tiling, point)
                ids = tuple(p.id for p in tiling)
                findings.append(Finding("period_sum", target.id, target.value, point, total, ids, swapped, needed))
    return findings


def _swapped_digits(target: Figure, tiling: list[Figure], point: float) -> tuple[str, float]:
    """A likely cause, when there is one: a period whose value, with two neighbouring digits
    swapped, makes the sum come out exactly (105,483 for 105,438). A guess, said as one."""
    for piece in tiling:
        needed = target.value - (point - piece.value)
        if needed <= 0 or needed == piece.value or needed != int(needed) or piece.value != int(piece.value):
            continue
        have, want = f"{int(piece.value)}", f"{int(needed)}"
        if len(have) != len(want):
            continue
        diff = [i for i in range(len(have)) if have[i] != want[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1
        if swapped and have[diff[0]] == want[diff[1]] and have[diff[1]] == want[diff[0]]:
            return piece.id, needed
    return "", 0.0


def _tile(start: int, end: int, pieces: Iterable[tuple[int, int, Figure]]) -> list[Figure] | None:
    """Fewest published periods that exactly cover months start..end, or None."""
    best: dict[int, list[Figure]] = {start - 1: []}
    for month in range(start, end + 1):
        options = [best[a - 1] + [f] for a, b, f in pieces if b == month and a >= start and (a - 1) in best]
        if options:
            best[month] = min(options, key=len)
    found = best.get(end)
    return found if found and len(found) > 1 else None


def check_formulas(sheet: FactSheet) -> list[Finding]:
    """Every derived row of the dataset against its own formula (``recomputed`` None: it divides by zero)."""
    findings = []
    for figure in sheet:
        if not figure.derived:
            continue
        inputs = tuple(figure.inputs())
        try:
            recomputed = evaluate(figure.formula, sheet.figure)
        except ZeroDivisionError:
            findings.append(Finding("formula", figure.id, figure.value, None, None, inputs))
            continue
        if not recomputed.overlaps(interval(figure)):
            point = point_value(figure.formula, sheet.figure)
            findings.append(Finding("formula", figure.id, figure.value, point, recomputed, inputs))
    return findings


# A published share and the two totals it relates (numerator, denominator).
SHARE_RELATIONS = {"export_share": ("exports", "group_sales")}


def check_shares(sheet: FactSheet) -> list[Finding]:
    """Published shares against the ratio of the two totals they relate (``inputs``: numerator, denominator)."""
    findings = []
    for metric, (top, bottom) in SHARE_RELATIONS.items():
        for share in sheet.of_metric(metric):
            num, den = sheet.find(top, share.period.code), sheet.find(bottom, share.period.code)
            if not (num and den) or den.value == 0:
                continue
            try:
                recomputed = evaluate(f"{num.id} / {den.id} * 100", sheet.figure)
            except ZeroDivisionError:
                continue
            if not recomputed.overlaps(interval(share)):
                point = num.value / den.value * 100
                findings.append(Finding("share", share.id, share.value, point, recomputed, (num.id, den.id)))
    return findings
