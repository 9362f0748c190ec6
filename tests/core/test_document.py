"""The document value: cover, sections and closing, built once per language from one analysis."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from chery_viewer.core.audit import DERIVATIONS, Analysis, analyse
from chery_viewer.core.content import SECTION_KEYS, Document, Kpi, build_document
from chery_viewer.core.content.context import Context
from chery_viewer.core.content.innovation import factory_places
from chery_viewer.core.factsheet import FactSheet, load_factsheet
from chery_viewer.core.i18n import set_language
from chery_viewer.core.periods import long_date

from .conftest import PackageCopy


@pytest.fixture(scope="module")
def document(sheet: FactSheet, analysis: Analysis) -> Document:
    return build_document(sheet, analysis)


@pytest.fixture
def marked_language() -> Iterator[None]:
    """A stand-in translation that marks every text, so a stale (English) text shows."""
    set_language("zh_CN", lambda context, text: f"«{text}»")
    try:
        yield
    finally:
        set_language("en")


def test_sections_follow_the_one_list_of_keys(document: Document):
    assert tuple(s.key for s in document.sections) == SECTION_KEYS
    assert document.section("exports") is document.sections[2]


def test_cover_holds_the_overview_headlines(document: Document, sheet: FactSheet):
    cover, overview = document.cover, document.section("overview")
    assert (cover.title, cover.as_of, cover.report_year) == (sheet.title, sheet.as_of, 2022)
    assert cover.as_of_text == long_date(sheet.as_of) and cover.as_of_text in cover.meta
    assert f"{len(sheet.sources)} sources" in cover.meta and cover.source_count == len(sheet.sources)
    assert cover.kpis == overview.kpis and cover.trend is overview.charts[0]
    assert cover.firsts is not None and cover.firsts == overview.cards[0] and len(cover.firsts.cards) == 5


def test_closing_lists_sources_findings_and_formulas(document: Document, sheet: FactSheet, analysis: Analysis):
    closing = document.closing
    ids = [s.id for s in closing.sources]
    assert sorted(ids) == sorted(sheet.sources) and ids.index("S2") < ids.index("S10")
    assert closing.sources_table.link_columns == (4,)
    assert [row[4] for row in closing.sources_table.rows] == [s.url for s in closing.sources]
    assert [f.figure_id for f in closing.findings] == [f.figure_id for f in analysis.findings]
    assert len(closing.findings_table.rows) == 3 and "3 disagreements" in closing.summary
    listed = {row[0] for row in closing.formulas_table.rows}
    assert {f.label for f in Context(sheet, analysis).derived.values()} <= listed


def test_a_language_switch_needs_no_new_analysis(sheet: FactSheet, analysis: Analysis, marked_language: None):
    localized = sheet.localized("zh-CN")
    reused = build_document(localized, analysis)  # the analysis made before the switch, in English
    assert reused == build_document(localized, analyse(localized))
    labels = [row[0] for row in reused.closing.formulas_table.rows]
    assert "«Users in China»" in labels and "Users in China" not in labels
    assert all(f.explanation.startswith("«") for f in reused.closing.findings)


def test_the_derived_figures_are_one_table_the_audit_sees_whole(sheet: FactSheet, analysis: Analysis):
    assert set(analysis.derived) == set(analysis.derivations)
    assert {r.metric for r in analysis.derivations.values()} <= {r.metric for r in DERIVATIONS}
    others = analysis.derived["china_other_exports"]  # once made up inside the exports builder
    assert others.formula == "china_car_exports_2022 - exports_2022"
    assert others.value == 3_110_000 - 451_337 and others.approximate
    exports = build_document(sheet, analysis).section("exports")
    donut = next(c for c in exports.charts if c.id == "china_share_donut")
    assert [p.value for p in donut.series[0].points] == [451_337, others.value]
    assert "Other Chinese car exports 2022" in {row[0] for t in exports.tables for row in t.rows}


def test_find_matches_the_subject_of_derived_figures_too(sheet: FactSheet, analysis: Analysis):
    ctx = Context(sheet, analysis)
    share = ctx.find("export_share_derived", "2021")
    assert share is not None and share.derived
    assert ctx.find("export_share_derived", "2021", share.subject) == share
    assert ctx.find("export_share_derived", "2021", "Somebody else") is None


def test_points_carry_rounding_and_bounds(document: Document, sheet: FactSheet):
    annual = next(c for c in document.section("exports").charts if c.id == "exports_annual")
    bars = {p.category: p for p in annual.series[0].points}
    assert bars["2018"].approximate and bars["2018"].display.startswith("~")
    assert not bars["2022"].approximate and not bars["2022"].lower_bound
    nev = next(c for c in document.section("innovation").charts if c.id == "nev_patents")
    assert all(p.lower_bound and p.display.startswith(">") for p in nev.series[0].points)


def test_tables_say_which_columns_are_numeric(document: Document):
    for section in document.sections:
        for table in section.tables:
            assert all(0 <= c < len(table.columns) for c in (*table.numeric_columns, *table.link_columns))
    months = document.section("sales").tables[1]
    assert months.id == "sales_months" and months.numeric_columns == (1, 2, 3, 4)
    users = document.section("overview").tables[0]
    assert users.numeric_columns == (1,)


@pytest.mark.parametrize(
    ("sign", "trend", "arrow"),
    [(1, "up", "▲"), (-1, "down", "▼"), (0, "flat", "")],
)
def test_one_arrow_rule_and_zero_is_flat(sign: int, trend: str, arrow: str):
    kpi = Kpi("Sales", "1", "", "2022", change="+0%" if sign == 0 else "+1%", change_sign=sign)
    assert (kpi.trend, kpi.arrow) == (trend, arrow)


@pytest.mark.parametrize(
    ("subjects", "places"),
    [
        (["Qingdao Super Factory", "Wuhu Super Factory"], ["Qingdao", "Wuhu"]),
        (["青岛超级工厂", "芜湖超级工厂"], ["青岛", "芜湖"]),
        (["Wuhu Plant", "Anhu Plant"], ["Wuhu", "Anhu"]),  # cut at a word, not inside one
        (["Qingdao Super Factory"], ["Qingdao Super Factory"]),
        (["Plant", "Big Plant"], ["Plant", "Big Plant"]),  # a name of only shared words stays whole
    ],
)
def test_factory_places_drop_only_the_shared_words(subjects: list[str], places: list[str]):
    assert [factory_places(subjects)[s] for s in subjects] == places


def test_factory_chart_follows_the_dataset_names(package_copy: PackageCopy):
    text = package_copy.read("figures.csv").decode("utf-8")
    for place in ("Qingdao", "Wuhu"):  # every row of the subject, so it keeps one Chinese name
        text = text.replace(f",{place} Super Factory,", f",{place} Gigafactory,")
    package_copy.write("figures.csv", text.encode("utf-8"))
    sheet = load_factsheet(package_copy.dir)
    innovation = build_document(sheet).section("innovation")
    chart = next(c for c in innovation.charts if c.id == "factory_capacity")
    assert chart.categories == ("Qingdao", "Wuhu")


def test_long_date():
    assert long_date("2026-11-26") == "26 November 2026"
    assert long_date("") == "an unknown date"
    assert long_date("2026-13-01") == "2026-13-01"
