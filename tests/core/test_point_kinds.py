"""Each chart point's kind comes from the data: the figure's kind, the audit's derived figures,
and the facts the dataset marks inferred; never from what a label or a note says."""

from __future__ import annotations

import pytest

from chery_viewer.core.audit import Analysis, analyse
from chery_viewer.core.content import ChartSpec, Point, SectionContent, build_sections
from chery_viewer.core.content.chart_data import chart_data
from chery_viewer.core.content.context import Context
from chery_viewer.core.factsheet import FactSheet, load_factsheet

from .conftest import PackageCopy


def _charts(sheet: FactSheet, analysis: Analysis | None = None) -> dict[str, ChartSpec]:
    sections: list[SectionContent] = build_sections(sheet, analysis or analyse(sheet))
    return {c.id: c for s in sections for c in s.charts}


def _by_category(spec: ChartSpec, series: int = 0) -> dict[str, Point]:
    return {p.category: p for p in spec.series[series].points}


@pytest.fixture(scope="module")
def charts(sheet: FactSheet, analysis: Analysis) -> dict[str, ChartSpec]:
    return _charts(sheet, analysis)


def test_the_inventions_bar_is_derived_and_the_published_counts_are_stated(charts, analysis: Analysis):
    bars = _by_category(charts["patents"])
    assert bars["Inventions"].kind == "derived" and not bars["Inventions"].inferred
    assert bars["Inventions"].figure_id in analysis.derived  # computed by the audit, from a formula
    assert bars["Filed"].kind == bars["Granted"].kind == "stated"
    assert charts["patents"].point_kinds == ("stated", "derived")
    assert "Derived: " in bars["Inventions"].tooltip


def test_wuhu_is_planned_and_inferred_qingdao_stated(charts, sheet: FactSheet):
    bars = _by_category(charts["factory_capacity"])
    wuhu, qingdao = bars["Wuhu (inferred)"], bars["Qingdao"]
    assert sheet.figure(wuhu.figure_id).kind == "planned"
    assert (wuhu.kind, wuhu.inferred, wuhu.kinds) == ("planned", True, ("planned", "inferred"))
    assert (qingdao.kind, qingdao.inferred, qingdao.kinds) == ("stated", False, ("stated",))
    assert charts["factory_capacity"].point_kinds == ("stated", "planned", "inferred")
    assert "Planned: " in wuhu.tooltip and "Inferred: tying this figure to Wuhu Super Factory" in wuhu.tooltip
    assert "Planned: " not in qingdao.tooltip and "Inferred: " not in qingdao.tooltip


def test_every_drawn_point_has_the_kind_of_its_figure(charts, sheet: FactSheet, analysis: Analysis):
    ctx = Context(sheet, analysis)
    checked = 0
    for spec in charts.values():
        for series in spec.series:
            for point in series.points:
                if point.value is None:
                    assert point.kinds == ("stated",) and not point.figure_id  # a gap has no figure
                    continue
                figure = ctx.get(point.figure_id)
                assert figure is not None
                expected = "derived" if figure.formula else "planned" if figure.kind == "planned" else "stated"
                assert point.kind == expected, (spec.id, point.category)
                checked += 1
    assert checked > 40
    # derived marks of every shape: a bar, a line's point, a donut segment
    assert _by_category(charts["sales_months"])["May"].kind == "derived"
    assert all(p.kind == "derived" for p in charts["exports_annual"].series[1].points if p.value is not None)
    assert _by_category(charts["china_share_donut"])["Other Chinese makers"].kind == "derived"
    assert charts["sales_annual"].point_kinds == ("stated",)  # one kind: no key


def test_the_kinds_follow_the_dataset_not_the_wording(package_copy: PackageCopy):
    """Wuhu's label and note still say "planned" and "our inference"; the flags say otherwise."""
    package_copy.replace("figures.csv", "2021-02-03,planned,", "2021-02-03,stated,")
    package_copy.replace("facts.csv", ",2021-02-03,S32,true,", ",2021-02-03,S32,false,")
    sheet = load_factsheet(package_copy.dir)
    bars = _by_category(_charts(sheet)["factory_capacity"])
    assert "Wuhu" in bars and bars["Wuhu"].kinds == ("stated",)
    assert "planned" in sheet.figure("wuhu_capacity").label  # the words are unchanged


def test_a_planned_figure_elsewhere_is_drawn_planned(package_copy: PackageCopy):
    package_copy.replace("figures.csv", "2022-11-18,stated,false,false,S26,,,", "2022-11-18,planned,false,false,S26,,,")
    bars = _by_category(_charts(load_factsheet(package_copy.dir))["factory_capacity"])
    assert bars["Qingdao"].kind == "planned" and not bars["Qingdao"].inferred


def test_the_kind_reaches_the_tables_and_the_chart_data(charts, sheet: FactSheet, analysis: Analysis):
    sections = {s.key: s for s in build_sections(sheet, analysis)}
    table = sections["innovation"].tables[0]
    kind_col = table.columns.index("Kind")
    kinds = {row[0]: row[kind_col] for row in table.rows}
    assert kinds["Wuhu Future ICV Plant planned capacity"] == "planned"
    assert kinds["Qingdao Super Factory capacity"] == "stated"
    data = chart_data(charts["factory_capacity"], Context(sheet, analysis))
    column = data.columns.index("kind")
    assert {row[0]: row[column] for row in data.rows} == {
        "qingdao_capacity": "stated",
        "wuhu_capacity": "planned, inferred",
    }
