"""Derived figures and the consistency audit, against values computed by hand."""

from __future__ import annotations

import pytest

from chery_viewer.core.audit import (
    Analysis,
    Finding,
    Interval,
    analyse,
    describe_formula,
    evaluate,
    interval,
    point_value,
)
from chery_viewer.core.content import FindingText, build_sections
from chery_viewer.core.content.context import Context
from chery_viewer.core.errors import DatasetError
from chery_viewer.core.factsheet import FactSheet, Figure, load_factsheet
from chery_viewer.core.periods import Period

from .conftest import PackageCopy


def figure(
    value: float,
    unit: str = "vehicles",
    *,
    kind: str = "stated",
    approximate: bool = False,
    lower_bound: bool = False,
    fid: str = "x",
    label: str = "",
) -> Figure:
    return Figure(
        fid,
        "sales",
        "m",
        "Chery Group",
        label or f"Label {fid}",
        value,
        unit,
        Period.parse("2022"),
        kind,
        approximate,
        lower_bound,
        "S1",
        "",
        "",
    )


# -- derived figures ---------------------------------------------------------------------------

# id: (value, formula, approximate) with the value worked out by hand from the published figures
DERIVED = {
    "group_sales_2021_backcalc": (961_566, "sales_2022 / (1 + sales_2022_yoy / 100)", False),  # 1232727 / 1.282
    "exports_2021_backcalc": (269_134, "exports_2022 / (1 + exports_2022_yoy / 100)", False),  # 451337 / 1.677
    "export_share_2022": (36.61, "exports_2022 / sales_2022 * 100", False),  # 451337 / 1232727
    "users_overseas_share_2022": (21.43, "users_overseas_2022 / users_2022 * 100", True),  # 2.40 / 11.20
    "users_domestic_2022": (8_800_000, "users_2022 - users_overseas_2022", True),
    "patents_grant_ratio": (66.59, "patents_granted / patents_declared * 100", False),  # 17177 / 25795
    "invention_patents": (6_355, "patents_granted * invention_share / 100", True),  # 17177 * 0.37
    "exports_2019_yoy_calc": (-23.81, "(exports_2019 / exports_2018 - 1) * 100", True),  # 96000 / 126000 - 1
    "december_share_2022": (8.56, "sales_2022_12 / sales_2022 * 100", False),  # 105483 / 1232727
    "monthly_average_2022": (102_727, "sales_2022 / 12", False),
}


def test_hand_computed_values_are_right():
    """The table above, recomputed, so a typo in it cannot hide a bug."""
    assert round(1_232_727 / 1.282) == 961_566
    assert round(451_337 / 1.677) == 269_134
    assert round(451_337 / 1_232_727 * 100, 2) == 36.61
    assert round(2.40 / 11.20 * 100, 2) == 21.43
    assert round(17_177 / 25_795 * 100, 2) == 66.59
    assert round(17_177 * 0.37) == 6_355
    assert round((96_000 / 126_000 - 1) * 100, 2) == -23.81


@pytest.mark.parametrize("fid", sorted(DERIVED))
def test_derived_figure(analysis: Analysis, fid: str):
    value, formula, approximate = DERIVED[fid]
    derived = analysis.derived[fid]
    assert derived.value == value
    assert derived.formula == formula
    assert derived.derived and derived.kind == "derived"
    assert derived.approximate is approximate
    assert derived.source_id


def test_back_computed_2021_sales_differ_from_the_published_within_rounding(analysis: Analysis, sheet: FactSheet):
    back = analysis.derived["group_sales_2021_backcalc"]
    assert sheet.figures["sales_2021"].value - back.value == 360
    comparison = analysis.comparisons[back.id]  # the audit's numbers ...
    assert (comparison.published_id, comparison.difference, comparison.fits) == ("sales_2021", -360, True)
    note = Context(sheet, analysis).get(back.id).note  # ... and content's words
    assert "961,926" in note and "−360" in note and "within the rounding" in note


def test_derived_figures_never_replace_dataset_figures(analysis: Analysis, sheet: FactSheet):
    assert not set(analysis.derived) & set(sheet.figures)
    assert analysis.figure(sheet, "sales_2022") is sheet.figures["sales_2022"]
    assert analysis.figure(sheet, "patents_grant_ratio") is analysis.derived["patents_grant_ratio"]
    assert analysis.figure(sheet, "no_such_figure") is None


def test_no_computed_growth_where_a_published_one_exists(analysis: Analysis):
    computed = {f.period.code for f in analysis.derived.values() if f.id.endswith("_yoy_calc")}
    assert computed == {"2019"}, "only 2019 exports lack a published growth rate and have both years"


def test_dataset_derived_rows_follow_their_formulas(sheet: FactSheet):
    for fid, value in (
        ("sales_2022_01_07", 748_550 - 141_767),
        ("sales_2022_05_06", 606_783 - 284_865 - 131_533),
        ("exports_2022_01_07", 250_633 - 51_774),
        ("exports_2022_09_12", 451_337 - 250_633),
    ):
        f = sheet.figures[fid]
        assert f.value == value == point_value(f.formula, sheet.figure)
    share = sheet.figures["china_export_share_2022"]
    assert share.value == round(451_337 / 3_110_000 * 100, 2)


# -- describe_formula -------------------------------------------------------------------------


def test_describe_formula_uses_labels_and_symbols(sheet: FactSheet):
    text = describe_formula("sales_2022 / (1 + sales_2022_yoy / 100)", sheet.figure)
    assert text == "Group sales 2022 ÷ (1 + Group sales growth 2022 ÷ 100)"
    assert describe_formula("exports_2022 - exports_2022_01_08", sheet.figure) == (
        "Exports 2022 − Exports January to August 2022"
    )
    assert describe_formula("patents_granted * invention_share / 100", sheet.figure) == (
        "Patents granted × Invention patents among granted patents ÷ 100"
    )


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        ("a - b - c", "A − B − C"),
        ("a - (b - c)", "A − (B − C)"),
        ("(a - b) * c", "(A − B) × C"),
        ("a / (b * c)", "A ÷ (B × C)"),
        ("a / b * 100", "A ÷ B × 100"),
        ("-(a + b)", "−(A + B)"),
        ("(a / b - 1) * 100", "(A ÷ B − 1) × 100"),
    ],
)
def test_describe_formula_keeps_the_order_of_operations(formula: str, expected: str):
    labels = {n: figure(1, fid=n, label=n.upper()) for n in "abc"}
    assert describe_formula(formula, labels.get) == expected


def test_describe_formula_keeps_unknown_ids():
    assert describe_formula("mystery / 2", lambda _id: None) == "mystery ÷ 2"


def test_describe_formula_writes_large_constants_exactly():
    assert "1234567" in describe_formula("x - 1234567", lambda _id: None).replace(",", "")


# -- intervals -----------------------------------------------------------------------------------


def test_exact_count_is_a_point():
    assert interval(figure(1_232_727)) == Interval(1_232_727, 1_232_727)


@pytest.mark.parametrize(
    ("value", "lo", "hi"), [(28.2, 28.15, 28.25), (30, 29.5, 30.5), (0.9, 0.85, 0.95), (14.51, 14.505, 14.515)]
)
def test_published_percentage_covers_its_rounding(value: float, lo: float, hi: float):
    result = interval(figure(value, "percent"))
    assert result.lo == pytest.approx(lo) and result.hi == pytest.approx(hi)


def test_approximate_figure_is_symmetric_around_the_value(sheet: FactSheet):
    result = interval(sheet.figures["sales_2020"])  # ~730,000
    assert result.lo < 730_000 < result.hi
    assert result.mid == pytest.approx(730_000)
    assert 1_000 <= result.hi - result.lo <= 10_000
    assert result.lo <= 730_392 <= result.hi, "961,926 / 1.317, the value implied by 2021, must fit"


def test_lower_bound_starts_at_the_value(sheet: FactSheet):
    result = interval(sheet.figures["exports_2019"])  # >96,000
    assert result.lo == 96_000
    assert 96_000 < result.hi <= 97_000
    assert result.lo <= 96_040 <= result.hi, "114,000 / 1.187, the value implied by 2020, must fit"


@pytest.mark.parametrize(("fid", "lo", "hi"), [("exports_2019", 96_000, 97_000), ("sales_2020", 725_000, 735_000)])
def test_interval_matches_the_documented_examples(sheet: FactSheet, fid: str, lo: float, hi: float):
    assert interval(sheet.figures[fid]) == Interval(lo, hi)


def test_users_in_millions_with_two_decimals(sheet: FactSheet):
    """'2.40 million' was published to the ten thousand."""
    result = interval(sheet.figures["users_overseas_2022"])
    assert result.lo <= 2_395_000 and result.hi >= 2_405_000
    assert result.hi - result.lo <= 100_000


def test_derived_figure_covers_its_last_decimal():
    result = interval(figure(36.61, "percent", kind="derived"))
    assert result.lo == pytest.approx(36.605) and result.hi == pytest.approx(36.615)


def test_interval_arithmetic(sheet: FactSheet):
    growth = evaluate("(sales_2022 / sales_2021 - 1) * 100", sheet.figure)
    assert growth.lo == growth.hi == pytest.approx((1_232_727 / 961_926 - 1) * 100)
    rounded = evaluate("exports_2020 - exports_2019", sheet.figure)
    assert rounded.lo == interval(sheet.figures["exports_2020"]).lo - interval(sheet.figures["exports_2019"]).hi
    with pytest.raises(ZeroDivisionError):
        evaluate("sales_2022 / 0", sheet.figure)
    with pytest.raises(KeyError):
        evaluate("sales_2022 / nothing", sheet.figure)


# -- the audit of the bundled data -------------------------------------------------------------


def test_audit_finds_exactly_the_known_discrepancies(analysis: Analysis, sheet: FactSheet):
    assert sorted((f.check, f.figure_id) for f in analysis.findings) == [
        ("growth_rate", "exports_2023_yoy"),
        ("growth_rate", "exports_2024_yoy"),
        ("period_sum", "sales_2022"),
    ]
    assert [t.check for t in Context(sheet, analysis).findings()] == ["growth rate", "growth rate", "sum of periods"]


def words(sheet: FactSheet, analysis: Analysis, fid: str) -> FindingText:
    return next(t for t in Context(sheet, analysis).findings() if t.figure_id == fid)


def test_2023_export_growth_finding(analysis: Analysis, sheet: FactSheet):
    finding = next(f for f in analysis.findings if f.figure_id == "exports_2023_yoy")
    assert finding.stated == 101.1 and finding.recomputed == pytest.approx((937_148 / 451_337 - 1) * 100)
    assert finding.inputs == ("exports_2023", "exports_2022")
    text = words(sheet, analysis, "exports_2023_yoy")
    assert (text.stated, text.recomputed) == ("+101.1%", "+107.6%")
    assert "466,011" in text.explanation  # 937,148 / 2.011: the base the published rate implies


def test_2024_export_growth_finding(analysis: Analysis, sheet: FactSheet):
    text = words(sheet, analysis, "exports_2024_yoy")
    assert (text.stated, text.recomputed) == ("+21.4%", "+22.1%")
    assert round((1_144_588 / 937_148 - 1) * 100, 1) == 22.1


def test_2022_months_add_up_to_45_more_than_the_year(analysis: Analysis, sheet: FactSheet):
    finding = next(f for f in analysis.findings if f.check == "period_sum")
    assert 1_127_289 + 105_483 == 1_232_772 == 1_232_727 + 45
    assert (finding.stated, finding.recomputed, finding.difference) == (1_232_727, 1_232_772, 45)
    text = words(sheet, analysis, finding.figure_id)
    assert (text.stated, text.recomputed, text.difference) == ("1,232,727", "1,232,772", "+45 vehicles")
    assert "Dec 2022" in text.explanation


@pytest.mark.parametrize(
    "fid",
    [
        "sales_2022_yoy",
        "exports_2022_yoy",
        "sales_2021_yoy",
        "exports_2021_yoy",
        "exports_2020_yoy",
        "sales_2023_yoy",
        "sales_2024_yoy",
        "exports_2022_01_08",
        "sales_2022_01_09",
        "sales_2022_01_10",
        "sales_2022_01_11",
        "export_share_of_sales_2022",
        "china_export_share_2022",
    ],
)
def test_no_finding_for_consistent_figures(analysis: Analysis, fid: str):
    assert fid not in {f.figure_id for f in analysis.findings}


def test_h1_july_august_exports_tile_january_to_august(sheet: FactSheet):
    """~148,000 + 50,614 + 51,774 = 250,388, within the rounding of H1 of the published 250,633."""
    parts = evaluate("exports_2022_01_06 + exports_2022_07 + exports_2022_08", sheet.figure)
    assert parts.overlaps(interval(sheet.figures["exports_2022_01_08"]))


# -- the audit of modified copies --------------------------------------------------------------


def findings_of(copy: PackageCopy) -> dict[str, Finding]:
    return {f.figure_id: f for f in analyse(load_factsheet(copy.dir)).findings}


def texts_of(copy: PackageCopy) -> dict[str, FindingText]:
    sheet = load_factsheet(copy.dir)
    return {t.figure_id: t for t in Context(sheet, analyse(sheet)).findings()}


def test_changed_month_is_reported_as_a_sum(package_copy: PackageCopy):
    package_copy.replace("figures.csv", "Group sales October 2022,132828,", "Group sales October 2022,132928,")
    found = findings_of(package_copy)
    assert set(found) == {"exports_2023_yoy", "exports_2024_yoy", "sales_2022", "sales_2022_01_10"}
    assert found["sales_2022_01_10"].check == "period_sum"
    text = texts_of(package_copy)["sales_2022_01_10"]
    assert (text.stated, text.recomputed, text.difference) == ("1,026,758", "1,026,858", "+100 vehicles")
    assert "Jan–Sep 2022 (893,930) + Oct 2022 (132,928)" in text.explanation


def test_repaired_total_removes_the_finding(package_copy: PackageCopy):
    package_copy.replace("figures.csv", "Group sales 2022,1232727,", "Group sales 2022,1232772,")
    assert "sales_2022" not in findings_of(package_copy)


def test_changed_growth_rate_is_reported(package_copy: PackageCopy):
    package_copy.replace("figures.csv", "Group sales growth 2022,28.2,", "Group sales growth 2022,30,")
    assert findings_of(package_copy)["sales_2022_yoy"].check == "growth_rate"
    text = texts_of(package_copy)["sales_2022_yoy"]
    assert (text.check, text.stated, text.recomputed) == ("growth rate", "+30%", "+28.2%")


def test_changed_share_is_reported(package_copy: PackageCopy):
    package_copy.replace("figures.csv", "share of group sales 2022,36.6,", "share of group sales 2022,40,")
    finding = findings_of(package_copy)["export_share_of_sales_2022"]
    assert finding.check == "share" and finding.inputs == ("exports_2022", "sales_2022")
    assert texts_of(package_copy)["export_share_of_sales_2022"].recomputed == "36.61%"


def test_derived_row_that_does_not_follow_its_formula(package_copy: PackageCopy):
    package_copy.replace(
        "figures.csv", "Exports September to December 2022,200704,", "Exports September to December 2022,200000,"
    )
    finding = findings_of(package_copy)["exports_2022_09_12"]
    assert finding.check == "formula" and finding.recomputed == 200_704
    text = texts_of(package_copy)["exports_2022_09_12"]
    assert (text.check, text.recomputed) == ("derived figure", "200,704")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (",S10,sales_2022_01_08 - sales_2022_08,", ",S10,sales_2022_01_08 / 0,"),
        ("Group sales 2022,1232727,", "Group sales 2022,0,"),
        ("Exports 2021,269154,", "Exports 2021,0,"),
        ("Group sales growth 2022,28.2,", "Group sales growth 2022,-100,"),
        ('February 2023)",11200000,', 'February 2023)",0,'),
    ],
    ids=["formula-divides-by-zero", "zero-sales", "zero-exports", "growth-minus-100", "zero-users"],
)
def test_accepted_package_never_crashes_the_audit(package_copy: PackageCopy, old: str, new: str):
    package_copy.replace("figures.csv", old, new)
    try:
        sheet = load_factsheet(package_copy.dir)
    except DatasetError:
        return  # refusing the package with a located error is fine too
    build_sections(sheet, analyse(sheet))
