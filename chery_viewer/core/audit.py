"""Derived figures and the consistency audit: stated figures against what they imply.

Every check works on intervals, so that rounding in the sources is never reported as a
discrepancy: '~730,000' stands for 725,000-735,000, '>96,000' for 96,000-97,000 and a
published '28.2%' for 28.15-28.25%. A finding is raised only when the recomputed
interval and the stated one do not overlap.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from chery_viewer.core.factsheet import FactSheet, Figure, formula_names
from chery_viewer.core.formatting import format_change, format_signed, format_value, format_with_unit, not_available
from chery_viewer.core.i18n import translate
from chery_viewer.core.periods import Period


@dataclass(frozen=True)
class Interval:
    lo: float
    hi: float

    def overlaps(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    @property
    def mid(self) -> float:
        return (self.lo + self.hi) / 2


@dataclass(frozen=True)
class Finding:
    """One disagreement between the sources, or between a source and arithmetic."""

    check: str  # "growth rate", "sum of periods", "derived figure", "share" (in the current language)
    figure_id: str
    subject: str
    stated: str
    recomputed: str
    difference: str
    explanation: str


@dataclass(frozen=True)
class Analysis:
    derived: dict[str, Figure]
    findings: tuple[Finding, ...]

    def figure(self, sheet: FactSheet, figure_id: str) -> Figure | None:
        return sheet.figure(figure_id) or self.derived.get(figure_id)


def analyse(sheet: FactSheet) -> Analysis:
    derived = derived_figures(sheet)
    findings = (*check_growth_rates(sheet), *check_period_sums(sheet), *check_formulas(sheet), *check_shares(sheet))
    return Analysis(derived, tuple(findings))


# -- intervals -------------------------------------------------------------------------


def interval(figure: Figure) -> Interval:
    """The range of true values a published figure allows."""
    v = figure.value
    if figure.unit == "percent" or not (figure.approximate or figure.lower_bound):
        if (figure.kind == "stated" and figure.unit == "percent") or figure.kind == "derived":
            half = 0.5 * 10.0 ** -_decimals(v)
            return Interval(v - half, v + half)
        return Interval(v, v)
    step = _rounding_step(v)
    if figure.lower_bound:
        return Interval(v, v + step)
    return Interval(v - step / 2, v + step / 2)


def _decimals(value: float) -> int:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def _rounding_step(value: float) -> float:
    """The step a rounded figure was rounded to, read from its trailing zeros (the loosest reading)."""
    v = int(abs(value))
    if v == 0:
        return 1.0
    zeros = 0
    while v % 10 ** (zeros + 1) == 0:
        zeros += 1
    return float(10**zeros)


def _mul(a: Interval, b: Interval) -> Interval:
    products = (a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi)
    return Interval(min(products), max(products))


def _div(a: Interval, b: Interval) -> Interval:
    if b.lo <= 0 <= b.hi:
        raise ZeroDivisionError("division by an interval that contains zero")
    return _mul(a, Interval(1 / b.hi, 1 / b.lo))


_OPS: dict[type, Callable[[Interval, Interval], Interval]] = {
    ast.Add: lambda a, b: Interval(a.lo + b.lo, a.hi + b.hi),
    ast.Sub: lambda a, b: Interval(a.lo - b.hi, a.hi - b.lo),
    ast.Mult: _mul,
    ast.Div: _div,
}


def evaluate(formula: str, lookup: Callable[[str], Figure | None]) -> Interval:
    """Evaluate a formula over figure ids with interval arithmetic."""

    def walk(node: ast.AST) -> Interval:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            inner = walk(node.operand)
            return Interval(-inner.hi, -inner.lo)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return Interval(float(node.value), float(node.value))
        if isinstance(node, ast.Name):
            figure = lookup(node.id)
            if figure is None:
                raise KeyError(node.id)
            return interval(figure)
        raise ValueError(f"unsupported element in formula '{formula}'")

    return walk(ast.parse(formula, mode="eval"))


def point_value(formula: str, lookup: Callable[[str], Figure | None]) -> float:
    """The formula evaluated on the published values themselves."""
    ops: dict[type, Callable[[float, float], float]] = {
        ast.Add: operator.add,
        ast.Sub: operator.sub,
        ast.Mult: operator.mul,
        ast.Div: operator.truediv,
    }

    def walk(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.BinOp):
            return ops[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.UnaryOp):
            return -walk(node.operand)
        if isinstance(node, ast.Constant):
            return float(node.value)
        if isinstance(node, ast.Name):
            figure = lookup(node.id)
            if figure is None:
                raise KeyError(node.id)
            return figure.value
        raise ValueError(formula)

    return walk(ast.parse(formula, mode="eval"))


def describe_formula(formula: str, lookup: Callable[[str], Figure | None]) -> str:
    """The formula in words: ids become labels, operators become ÷ × + −."""
    symbols = {ast.Add: "+", ast.Sub: "−", ast.Mult: "×", ast.Div: "÷"}

    def walk(node: ast.AST, parent: int = 0) -> str:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.BinOp):
            rank = 1 if isinstance(node.op, (ast.Add, ast.Sub)) else 2
            text = f"{walk(node.left, rank)} {symbols[type(node.op)]} {walk(node.right, rank + 1)}"
            return f"({text})" if rank < parent else text
        if isinstance(node, ast.UnaryOp):
            return f"−{walk(node.operand, 3)}"
        if isinstance(node, ast.Constant):
            return f"{node.value:,}" if isinstance(node.value, int) else repr(node.value)
        if isinstance(node, ast.Name):
            figure = lookup(node.id)
            return figure.label if figure else node.id
        return "?"

    return walk(ast.parse(formula, mode="eval"))


# -- derived figures -------------------------------------------------------------------


def derived_figures(sheet: FactSheet) -> dict[str, Figure]:
    """Figures the app computes, each with its formula over dataset ids (or earlier results)."""
    year = sheet.report_year
    specs: list[tuple[str, str, str, str, str, str, str]] = []  # id, section, metric, label, unit, period, formula

    for metric, yoy_metric, name, section in (
        ("group_sales", "group_sales_yoy", translate("Audit", "Group sales {year}, back-computed"), "sales"),
        ("exports", "exports_yoy", translate("Audit", "Exports {year}, back-computed"), "exports"),
    ):
        current, rate = sheet.find(metric, str(year)), sheet.find(yoy_metric, str(year))
        if current and rate:
            specs.append(
                (
                    f"{metric}_{year - 1}_backcalc",
                    section,
                    f"{metric}_backcalc",
                    name.format(year=year - 1),
                    "vehicles",
                    str(year - 1),
                    f"{current.id} / (1 + {rate.id} / 100)",
                )
            )
    sales = sheet.annual("group_sales")
    for y in sales.index:
        s, e = sheet.find("group_sales", str(y)), sheet.find("exports", str(y))
        if s and e:
            specs.append(
                (
                    f"export_share_{y}",
                    "exports",
                    "export_share_derived",
                    translate("Audit", "Exports as a share of sales {year}").format(year=y),
                    "percent",
                    str(y),
                    f"{e.id} / {s.id} * 100",
                )
            )
    for metric, name, section in (
        ("group_sales", translate("Audit", "Group sales growth {year}, computed"), "sales"),
        ("exports", translate("Audit", "Export growth {year}, computed"), "exports"),
    ):
        for y in sales.index[1:]:
            cur, prev = sheet.find(metric, str(y)), sheet.find(metric, str(y - 1))
            if cur and prev and sheet.find(f"{metric}_yoy", str(y)) is None:
                specs.append(
                    (
                        f"{metric}_{y}_yoy_calc",
                        section,
                        f"{metric}_yoy",
                        name.format(year=y),
                        "percent",
                        str(y),
                        f"({cur.id} / {prev.id} - 1) * 100",
                    )
                )
    users, overseas = sheet.find("users", str(year)), sheet.find("users_overseas", str(year))
    if users and overseas:
        specs.append(
            (
                f"users_overseas_share_{year}",
                "overview",
                "users_overseas_share",
                translate("Audit", "Share of users outside China"),
                "percent",
                str(year),
                f"{overseas.id} / {users.id} * 100",
            )
        )
        specs.append(
            (
                f"users_domestic_{year}",
                "overview",
                "users_domestic",
                translate("Audit", "Users in China"),
                "users",
                str(year),
                f"{users.id} - {overseas.id}",
            )
        )
    declared, granted = sheet.find("patents_declared", str(year)), sheet.find("patents_granted", str(year))
    inventions = sheet.find("invention_share", str(year))
    if declared and granted:
        specs.append(
            (
                "patents_grant_ratio",
                "innovation",
                "patents_grant_ratio",
                translate(
                    "Audit", "Granted patents as a share of applications filed (running totals, not a grant rate)"
                ),
                "percent",
                str(year),
                f"{granted.id} / {declared.id} * 100",
            )
        )
    if granted and inventions:
        specs.append(
            (
                "invention_patents",
                "innovation",
                "invention_patents",
                translate("Audit", "Invention patents granted"),
                "patents",
                str(year),
                f"{granted.id} * {inventions.id} / 100",
            )
        )
    months = [f for f in sheet.of_metric("group_sales") if f.period.months == (12, 12) and f.period.start.year == year]
    total = sheet.find("group_sales", str(year))
    if months and total:
        specs.append(
            (
                f"december_share_{year}",
                "sales",
                "december_share",
                translate("Audit", "December's share of {year} sales").format(year=year),
                "percent",
                str(year),
                f"{months[0].id} / {total.id} * 100",
            )
        )
        specs.append(
            (
                f"monthly_average_{year}",
                "sales",
                "monthly_average",
                translate("Audit", "Average month {year}").format(year=year),
                "vehicles",
                str(year),
                f"{total.id} / 12",
            )
        )

    derived: dict[str, Figure] = {}

    def lookup(figure_id: str) -> Figure | None:
        return sheet.figure(figure_id) or derived.get(figure_id)

    for fid, section, metric, label, unit, period, formula in specs:
        if sheet.figure(fid) is not None:
            continue  # the dataset already has a figure of that id: it wins, and ids stay unique
        inputs = [lookup(n) for n in formula_names(formula)]
        approx = any(f.approximate or f.lower_bound for f in inputs if f)
        try:
            value = point_value(formula, lookup)
            evaluate(formula, lookup)
            bound = _is_lower_bound(formula, lookup, value)
        except (ZeroDivisionError, OverflowError):
            continue  # undefined for this dataset (a zero total): no derived figure rather than a wrong one
        if not math.isfinite(value):
            continue

        source = next((f.source_id for f in inputs if f), "")
        derived[fid] = Figure(
            fid,
            section,
            metric,
            next((f.subject for f in inputs if f), ""),
            label,
            round(value, 2 if unit == "percent" else 0),
            unit,
            Period.parse(period),
            "derived",
            approx,
            bound,
            source,
            formula,
            "",
        )
        derived[fid] = derived[fid]._replace(note=_derived_note(derived[fid], sheet, lookup))
    return derived


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
        swapped = {name: raised}
        if point_value(formula, lambda n, s=swapped: s.get(n) or lookup(n)) <= value:
            return False
    return True


def _derived_note(figure: Figure, sheet: FactSheet, lookup: Callable[[str], Figure | None]) -> str:
    """For a back-computed value, how it compares with the published one."""
    if not figure.metric.endswith("_backcalc"):
        return ""
    published = sheet.find(figure.metric.removesuffix("_backcalc"), figure.period.code)
    if published is None or published.value == 0:
        return translate("Audit", "No figure in the sources to compare with.")
    diff = figure.value - published.value
    try:
        fits = evaluate(figure.formula, lookup).overlaps(interval(published))
    except ZeroDivisionError:
        return ""
    text = (
        translate(
            "Audit",
            "Published: {published}; the back-computed value differs by {difference} ({percent}), "
            "within the rounding of the growth rate.",
        )
        if fits
        else translate(
            "Audit",
            "Published: {published}; the back-computed value differs by {difference} ({percent}), "
            "more than the rounding of the growth rate explains.",
        )
    )
    return text.format(
        published=format_with_unit(published.value, published.unit),
        difference=format_signed(diff),
        percent=f"{format_signed(diff / published.value * 100, 2)}%",
    )


# -- checks ----------------------------------------------------------------------------


def check_growth_rates(sheet: FactSheet) -> list[Finding]:
    """Every published growth rate against the two values it compares, where both exist."""
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
            implied = current.value / (1 + rate.value / 100)
            findings.append(
                Finding(
                    translate("Audit", "growth rate"),
                    rate.id,
                    rate.label,
                    format_change(rate.value),
                    format_change(point),
                    translate("Audit", "{points} points").format(points=f"{point - rate.value:+.1f}"),
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
            )
    return findings


def _year_before(period: Period) -> str:
    first, _, last = period.code.partition("/")
    shift = lambda part: f"{int(part[:4]) - 1}{part[4:]}"  # noqa: E731
    return shift(first) + (f"/{shift(last)}" if last else "")


def check_period_sums(sheet: FactSheet) -> list[Finding]:
    """Every published total that other published periods tile exactly, against their sum."""
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
                part = translate("Audit", "{period} ({value})")
                parts = " + ".join(
                    part.format(period=p.period.label(), value=format_value(p.value, p.unit)) for p in tiling
                )
                explanation = translate("Audit", "{parts} add up to {sum}, not the published {total}.").format(
                    parts=parts,
                    sum=format_value(point, target.unit),
                    total=format_value(target.value, target.unit),
                ) + _swapped_digits(target, tiling, point)
                findings.append(
                    Finding(
                        translate("Audit", "sum of periods"),
                        target.id,
                        target.label,
                        format_value(target.value, target.unit),
                        format_value(point, target.unit),
                        translate("Audit", "{difference} vehicles").format(difference=f"{point - target.value:+,.0f}"),
                        explanation,
                    )
                )
    return findings


def _swapped_digits(target: Figure, tiling: list[Figure], point: float) -> str:
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
            return " " + translate(
                "Audit",
                "{total} less the other periods leaves {needed} for {period}; the published {value} has the same "
                "digits with two swapped, a likely cause that no source confirms.",
            ).format(
                total=format_value(target.value, target.unit),
                needed=format_value(needed, piece.unit),
                period=piece.period.label(),
                value=format_value(piece.value, piece.unit),
            )
    return ""


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
    """Every derived row of the dataset against its own formula."""
    findings = []
    for figure in sheet:
        if not figure.derived:
            continue
        try:
            recomputed = evaluate(figure.formula, sheet.figure)
        except ZeroDivisionError:
            findings.append(
                Finding(
                    translate("Audit", "derived figure"),
                    figure.id,
                    figure.label,
                    format_value(figure.value, figure.unit),
                    not_available(),
                    not_available(),
                    translate("Audit", "The formula {formula} divides by zero with this dataset.").format(
                        formula=describe_formula(figure.formula, sheet.figure)
                    ),
                )
            )
            continue
        if not recomputed.overlaps(interval(figure)):
            point = point_value(figure.formula, sheet.figure)
            findings.append(
                Finding(
                    translate("Audit", "derived figure"),
                    figure.id,
                    figure.label,
                    format_value(figure.value, figure.unit),
                    format_value(point, figure.unit),
                    f"{point - figure.value:+,.2f}",
                    translate("Audit", "The dataset's value does not follow from its formula {formula}.").format(
                        formula=describe_formula(figure.formula, sheet.figure)
                    ),
                )
            )
    return findings


SHARE_RELATIONS = {"export_share": ("exports", "group_sales")}


def check_shares(sheet: FactSheet) -> list[Finding]:
    """Published shares against the ratio of the two totals they relate."""
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
                findings.append(
                    Finding(
                        translate("Audit", "share"),
                        share.id,
                        share.label,
                        format_value(share.value, "percent"),
                        f"{point:.2f}%",
                        translate("Audit", "{points} points").format(points=f"{point - share.value:+.2f}"),
                        translate("Audit", "{numerator} ÷ {denominator} does not give the published share.").format(
                            numerator=num.label, denominator=den.label
                        ),
                    )
                )
    return findings
