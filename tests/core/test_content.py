"""The five section builders: what the screen and the PDF both show."""

from __future__ import annotations

import math

import pytest

from chery_viewer.core.audit import Analysis, analyse
from chery_viewer.core.content import OWN_TABLE, ChartSpec, SectionContent, build_sections
from chery_viewer.core.content.context import Context
from chery_viewer.core.factsheet import FactSheet, load_factsheet
from chery_viewer.core.formatting import format_value, format_with_unit
from chery_viewer.core.periods import Period

from .conftest import PackageCopy


@pytest.fixture(scope="module")
def sections(sheet: FactSheet, analysis: Analysis) -> dict[str, SectionContent]:
    return {s.key: s for s in build_sections(sheet, analysis)}


def chart(section: SectionContent, chart_id: str) -> ChartSpec:
    return next(c for c in section.charts if c.id == chart_id)


def points(spec: ChartSpec, series: int = 0) -> dict[str, object]:
    return {p.category: p for p in spec.series[series].points}


def test_titles_and_order(sheet: FactSheet, analysis: Analysis):
    built = build_sections(sheet, analysis)
    assert [s.title for s in built] == ["Overview", "Sales", "Exports", "Innovation", "Partners"]
    assert [s.key for s in built] == ["overview", "sales", "exports", "innovation", "partners"]


def test_builders_without_an_analysis_run_their_own(sheet: FactSheet, sections: dict[str, SectionContent]):
    again = {s.key: s for s in build_sections(sheet)}
    assert [k.value for s in again.values() for k in s.kpis] == [k.value for s in sections.values() for k in s.kpis]


@pytest.mark.parametrize("key", ["overview", "sales", "exports", "innovation", "partners"])
def test_every_section_has_kpis_a_chart_and_a_summary(sections: dict[str, SectionContent], key: str):
    section = sections[key]
    assert len(section.kpis) >= 4
    assert section.charts
    assert section.summary.strip()
    assert all(k.value and k.label for k in section.kpis)
    assert len({c.id for c in section.charts}) == len(section.charts)


def test_chart_ids_are_unique_across_sections(sections: dict[str, SectionContent]):
    ids = [c.id for s in sections.values() for c in s.charts]
    assert len(ids) == len(set(ids))


def test_kpi_values_are_the_dataset_figures_formatted(
    sections: dict[str, SectionContent], sheet: FactSheet, analysis: Analysis
):
    checked = 0
    for section in sections.values():
        for kpi in section.kpis:
            if not kpi.figure_id:
                continue
            figure = analysis.figure(sheet, kpi.figure_id)
            assert figure is not None, kpi.figure_id
            assert kpi.value == format_value(figure.value, figure.unit, figure.approximate, figure.lower_bound)
            checked += 1
    assert checked >= 15


@pytest.mark.parametrize(
    ("key", "label", "value", "change"),
    [
        ("overview", "Group sales", "1,232,727", "+28.2%"),
        ("overview", "Exports", "451,337", "+67.7%"),
        ("overview", "Export share of group sales", "36.6%", ""),
        ("overview", "Users worldwide (base article, February 2023)", "11.20 million", ""),
        ("overview", "Users outside China (base article, February 2023)", "2.40 million", ""),
        ("sales", "December", "105,483", ""),
        ("sales", "New-energy vehicles", ">210,000", "+182%"),
        ("exports", "Years as top Chinese-brand exporter", "20", ""),
        ("exports", "Months above 50,000", "4", ""),
        ("innovation", "Patents filed", "25,795", ""),
        ("innovation", "Patents granted", "17,177", ""),
        ("innovation", "Invention patents", "~6,355", ""),
        ("innovation", "Granted ÷ filed, running totals", "66.6%", ""),
        ("partners", "Named partners", "6", ""),
        ("partners", "Alliance domains", "4", ""),
    ],
)
def test_headline_kpis(sections: dict[str, SectionContent], key: str, label: str, value: str, change: str):
    kpi = next(k for k in sections[key].kpis if k.label == label)
    assert kpi.value == value
    assert kpi.change == change


def test_kpi_change_sign_and_tooltip(sections: dict[str, SectionContent]):
    sales = next(k for k in sections["overview"].kpis if k.label == "Group sales")
    assert sales.change_sign == 1 and sales.change_label == "year on year"
    assert "[S1] Gulf News" in sales.tooltip
    derived = next(k for k in sections["innovation"].kpis if k.label == "Invention patents")
    assert derived.period.endswith("derived")
    assert "Derived: Patents granted × Invention patents among granted patents ÷ 100" in derived.tooltip


def test_sales_annual_chart_keeps_gaps_and_highlights_the_report_year(sections: dict[str, SectionContent]):
    spec = chart(sections["sales"], "sales_annual")
    bars = points(spec)
    assert spec.categories == ("2018", "2019", "2020", "2021", "2022", "2023", "2024")
    for year in ("2018", "2019"):
        assert bars[year].value is None, "a year without a published figure must not become zero"
        assert bars[year].display == "n/a"
    assert bars["2020"].display == "~730,000"
    assert bars["2022"].value == 1_232_727
    assert [c for c, p in bars.items() if p.highlight] == ["2022"]
    growth = points(spec, 1)
    assert growth["2020"].value is None and growth["2022"].value == 28.2


def test_exports_annual_chart(sections: dict[str, SectionContent]):
    spec = chart(sections["exports"], "exports_annual")
    bars = points(spec)
    assert bars["2019"].display == ">96,000" and bars["2018"].display == "~126,000"
    assert [c for c, p in bars.items() if p.highlight] == ["2022"]
    shares = points(spec, 1)
    assert shares["2022"].value == 36.61 and shares["2018"].value is None


def test_missing_figure_is_shown_as_na_never_zero(package_copy: PackageCopy):
    package_copy.drop_row("figures.csv", "sales_2021")
    sheet = load_factsheet(package_copy.dir)
    sales = next(s for s in build_sections(sheet) if s.key == "sales")
    spec = chart(sales, "sales_annual")
    assert points(spec)["2021"].value is None and points(spec)["2021"].display == "n/a"
    frame = spec.frame()
    row = frame[(frame["series"] == "Group sales") & (frame["category"] == "2021")]
    assert len(row) == 1 and (row["value"].isna().all())


def test_sales_months_chart(sections: dict[str, SectionContent]):
    spec = chart(sections["sales"], "sales_months")
    bars = spec.series[0].points
    singles = {p.category: p.value for p in bars if p.span == 1}
    assert singles == {"Jul": 131_533, "Aug": 141_767, "Sep": 145_380, "Oct": 132_828, "Nov": 100_531, "Dec": 105_483}
    long = {p.category: (p.span, p.display) for p in bars if p.span > 1}
    assert long == {"Jan": (4, "284,865"), "May": (2, "190,385")}
    assert next(p for p in bars if p.category == "Jan").value == pytest.approx(284_865 / 4)
    assert sum(p.span for p in bars) == 12
    ytd = points(spec, 1)
    assert ytd["Dec"].value == 1_232_727 and ytd["Aug"].value == 748_550


def test_donuts_add_up(sections: dict[str, SectionContent]):
    users = points(chart(sections["sales"], "users_donut"))
    assert users["In China"].value + users["Outside China"].value == 11_200_000
    china = points(chart(sections["exports"], "china_share_donut"))
    assert china["Chery"].value == 451_337
    assert china["Chery"].value + china["Other Chinese makers"].value == 3_110_000


def test_partners_network(sections: dict[str, SectionContent], sheet: FactSheet):
    spec = chart(sections["partners"], "partner_network")
    assert spec.kind == "network"
    levels = [n.level for n in spec.nodes]
    assert (levels.count(0), levels.count(1), levels.count(2)) == (1, 4, 6)
    assert next(n for n in spec.nodes if n.level == 0).label == "Chery"
    assert {n.label for n in spec.nodes if n.level == 2} == {p.name for p in sheet.partners}
    ids = {n.id for n in spec.nodes}
    assert all(e.source in ids and e.target in ids for e in spec.edges)
    assert len(spec.edges) == 10
    for edge in spec.edges:
        if edge.source == "chery":
            assert not edge.inferred
        else:
            assert edge.inferred, "every partner-domain pairing in the data is inferred and must be drawn dashed"
    assert "Dashed" in spec.caption


def test_partners_network_draws_a_stated_pairing_solid(package_copy: PackageCopy):
    package_copy.replace("partners.csv", "power battery systems,inferred,S22", "power battery systems,stated,S22")
    sheet = load_factsheet(package_copy.dir)
    spec = chart(next(s for s in build_sections(sheet) if s.key == "partners"), "partner_network")
    assert {e.target: e.inferred for e in spec.edges}["partner:catl"] is False
    kpi = next(
        k for k in next(s for s in build_sections(sheet) if s.key == "partners").kpis if k.label == "Pairings inferred"
    )
    assert kpi.value == "5 of 6"


def _grid_cells(sections: dict[str, SectionContent]) -> dict[tuple[str, str, str], str]:
    """Every cell of the month and year grids: (table id, row label, column header) -> text."""
    return {
        (t.id, row[0], header): text
        for s in sections.values()
        for t in s.tables
        if t.id.endswith(("_years", "_months"))
        for row in t.rows
        for header, text in zip(t.columns[1:], row[1:], strict=True)
    }


def test_every_dataset_figure_is_in_a_table(sections: dict[str, SectionContent], sheet: FactSheet, analysis: Analysis):
    """In a list (label and value), or in a grid: the cell at its period's row shows its value
    with its source mark, or the derived mark, and the grid's caption gives a derived cell's formula."""
    rows = {row[:2] for s in sections.values() for t in s.tables for row in t.rows}
    markets = {(row[0], row[2]) for row in next(t for t in sections["exports"].tables if t.id == "markets").rows}
    cells = _grid_cells(sections)
    captions = {t.id: t.caption for s in sections.values() for t in s.tables}
    for figure in [*sheet, *analysis.derived.values()]:
        if figure.metric in OWN_TABLE:  # market fragments: one row per market in their own table
            assert (figure.subject, format_value(figure.value, figure.unit)) in markets, figure.id
            continue
        shown = format_with_unit(figure.value, figure.unit, figure.approximate, figure.lower_bound)
        if (figure.label, shown) in rows:
            continue
        value = format_value(figure.value, figure.unit, figure.approximate, figure.lower_bound)
        mark = f"{value} (derived)" if figure.derived else f"{value} [{figure.source_id}]"
        p = figure.period
        row = p.label()
        if p.precision == "range" and p.start.month == 1:  # year to date: the row of its last month
            row = Period.parse(f"{p.end.year}-{p.end.month:02d}").label()
        found = [key for key, text in cells.items() if key[1] == row and mark in text.split("; ")]
        assert len(found) == 1, (figure.id, found)
        if figure.derived:
            assert f"{figure.label} = " in captions[found[0][0]], figure.id


def test_the_month_grids_are_calendars_of_the_report_year(sections: dict[str, SectionContent]):
    sales = {t.id: t for t in sections["sales"].tables}
    months = sales["sales_months"]
    assert months.title == "Group sales by month, 2022"
    assert months.columns == ("Month", "In the month", "Growth in the month", "Year to date", "Growth to date")
    labels = [r[0] for r in months.rows]
    assert labels[0] == "Jan 2022" and labels[-1] == "Dec 2022"
    assert labels.index("May–Jun 2022") == labels.index("Jun 2022") + 1, "a run of months after its last month"
    assert {
        f"{m} 2022" for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    } <= set(labels)
    row = dict(zip(months.columns, next(r for r in months.rows if r[0] == "Aug 2022"), strict=True))
    assert row == {
        "Month": "Aug 2022",
        "In the month": "141,767 [S10]",
        "Growth in the month": "111% [S10]",
        "Year to date": "748,550 [S10]",
        "Growth to date": "30% [S10]",
    }
    assert next(r for r in months.rows if r[0] == "Jan 2022")[1:] == ("–",) * 4
    assert months.numeric_columns == (1, 2, 3, 4)
    years = dict(
        zip(sales["sales_years"].columns, next(r for r in sales["sales_years"].rows if r[0] == "2021"), strict=True)
    )
    assert years["Group sales"] == "961,926 [S5]" and years["Back-computed from the next year"] == "961,566 (derived)"
    assert "sales_figures" not in sales, "every sales figure sits in a grid"
    exports = {t.id: t for t in sections["exports"].tables}
    assert [t for t in exports] == ["exports_years", "exports_months", "exports_figures", "markets"]
    assert exports["exports_figures"].title == "Other figures of this section"


def test_the_list_tables_say_what_they_list(sections: dict[str, SectionContent], sheet: FactSheet):
    overview = next(t for t in sections["overview"].tables if t.id == "overview_figures")
    assert overview.title == "Users at home and abroad: the figures"
    assert {r[0] for r in overview.rows} == {f.label for f in sheet if f.section == "overview"} | {
        "Share of users outside China",
        "Users in China",
    }
    innovation = next(t for t in sections["innovation"].tables if t.id == "innovation_figures")
    assert innovation.title == "Every figure in this section"
    assert {f.label for f in sheet if f.section == "innovation"} <= {r[0] for r in innovation.rows}
    for section in sections.values():
        for table in section.tables:
            assert all(len(r) == len(table.columns) for r in table.rows), table.id


def test_derived_cells_of_the_grids_show_their_formula(sections: dict[str, SectionContent]):
    months = next(t for t in sections["sales"].tables if t.id == "sales_months")
    row = next(r for r in months.rows if r[0] == "May–Jun 2022")
    assert row[1] == "190,385 (derived)"
    formula = months.caption.split("Group sales May and June 2022 = ", 1)[1].split(";", 1)[0]
    assert "÷" not in formula and "−" in formula
    years = next(t for t in sections["sales"].tables if t.id == "sales_years")
    assert next(r for r in years.rows if r[0] == "2022")[1] == "1,232,727 [S1]"


def test_chart_frames_have_one_row_per_point(sections: dict[str, SectionContent]):
    for section in sections.values():
        for spec in section.charts:
            frame = spec.frame()
            if spec.kind == "network":
                assert len(frame) == len(spec.nodes)
                assert set(frame.columns) >= {"node", "level", "linked_to", "inferred_link"}
            else:
                assert len(frame) == sum(len(s.points) for s in spec.series), spec.id
                assert list(frame.columns) == ["series", "category", "value", "unit", "months", "shown_as"]
                for s in spec.series:
                    for p in s.points:
                        if p.value is None:
                            continue
                        match = frame[(frame["series"] == s.name) & (frame["category"] == p.category)]
                        assert any(math.isclose(v, p.value) for v in match["value"]), (spec.id, p.category)


def test_network_frame_marks_inferred_links(sections: dict[str, SectionContent]):
    frame = chart(sections["partners"], "partner_network").frame()
    partners = frame[frame["level"] == 2]
    assert partners["inferred_link"].all()
    assert not frame[frame["level"] < 2]["inferred_link"].any()
    assert set(partners["linked_to"]) == {
        "domain:industrial internet",
        "domain:intelligent solutions",
        "domain:power battery systems",
        "domain:ecosphere cooperation",
    }


def test_audit_findings_reach_the_sections(sections: dict[str, SectionContent], analysis: Analysis, sheet: FactSheet):
    notes = " ".join(n for s in sections.values() for n in s.notes)
    texts = Context(sheet, analysis).findings()
    assert len(texts) == len(analysis.findings)
    for text in texts:
        assert text.explanation in notes
    assert f"finds {len(analysis.findings)} disagreements" in " ".join(sections["overview"].notes)


def test_fact_cards(sections: dict[str, SectionContent]):
    overview = {g.title: g for g in sections["overview"].cards}
    assert len(overview["Firsts in 2022"].cards) == 5
    assert len(overview["Goals for 2023"].cards) == 2
    innovation = [c for g in sections["innovation"].cards for c in g.cards]
    wuhu = next(c for c in innovation if c.title == "Wuhu Super Factory")
    assert "inferred" in wuhu.meta


def test_sections_follow_a_different_report_year(package_copy: PackageCopy):
    package_copy.edit_descriptor(lambda d: d.__setitem__("reportYear", 2021))
    sheet = load_factsheet(package_copy.dir)
    built = {s.key: s for s in build_sections(sheet, analyse(sheet))}
    bars = points(chart(built["sales"], "sales_annual"))
    assert [c for c, p in bars.items() if p.highlight] == ["2021"]
    assert next(k for k in built["overview"].kpis if k.label == "Group sales").value == "961,926"
