"""A chart's data as it leaves the app: stable public ids, one row per published value, sources in full."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from chery_viewer.core.audit import Analysis
from chery_viewer.core.content import build_document
from chery_viewer.core.content.catalog import CHART_IDS, charts, file_stem, find_chart
from chery_viewer.core.content.chart_data import chart_credits, chart_data, write_csv
from chery_viewer.core.content.context import Context
from chery_viewer.core.dataset import bundled_dir
from chery_viewer.core.factsheet import FactSheet

#: The published ids: scripts depend on them. Add new charts; never rename or reuse one.
PUBLISHED = [
    "overview.trend",
    "sales.annual",
    "sales.months",
    "sales.users",
    "exports.annual",
    "exports.months",
    "exports.china_share",
    "innovation.patents",
    "innovation.nev_patents",
    "innovation.factories",
    "partners.network",
]


@pytest.fixture(scope="module")
def ctx(sheet: FactSheet, analysis: Analysis) -> Context:
    return Context(sheet, analysis)


@pytest.fixture(scope="module")
def listed(sheet: FactSheet, analysis: Analysis) -> dict[str, object]:
    return dict(charts(build_document(sheet, analysis).sections))


def dataset_values() -> dict[str, str]:
    with open(bundled_dir() / "figures.csv", encoding="utf-8", newline="") as handle:
        return {row["id"]: row["value"] for row in csv.DictReader(handle)}


def test_every_chart_has_a_unique_published_id(listed: dict[str, object]) -> None:
    assert list(listed) == PUBLISHED
    assert len(set(CHART_IDS.values())) == len(CHART_IDS)
    assert all(pid.count(".") == 1 and pid == pid.lower() for pid in CHART_IDS.values())


def test_chart_ids_are_the_same_in_chinese(sheet: FactSheet, analysis: Analysis, listed: dict[str, object]) -> None:
    from chery_viewer.core.i18n import set_language

    set_language("zh_CN", lambda context, text: "中" + text)  # any translation: ids do not follow it
    try:
        chinese = [pid for pid, _ in charts(build_document(sheet, analysis).sections)]
    finally:
        set_language("en")
    assert chinese == list(listed)


def test_find_chart_and_file_stem(sheet: FactSheet, analysis: Analysis) -> None:
    sections = build_document(sheet, analysis).sections
    spec = find_chart(sections, "sales.annual")
    assert spec is not None and spec.id == "sales_annual" and file_stem(spec) == "sales_annual"
    assert find_chart(sections, "sales_annual") is None and find_chart(sections, "nope") is None


@pytest.mark.parametrize("chart_id", [p for p in PUBLISHED if p != "partners.network"])
def test_rows_are_the_published_figures(ctx: Context, listed: dict, chart_id: str) -> None:
    spec = listed[chart_id]
    table = chart_data(spec, ctx)
    published = dataset_values()
    assert table.rows, chart_id
    ids = [row[0] for row in table.rows]
    assert len(ids) == len(set(ids)), "one row per value"
    shown = {p.figure_id for s in spec.series for p in s.points if p.value is not None}
    assert set(ids) == shown
    for row in table.rows:
        fid, value = row[0], row[2]
        figure = ctx.get(fid)
        assert figure is not None and value == figure.value
        if fid in published:
            assert float(published[fid]) == value
        assert row[9], f"{fid} names its source"
        assert not any(str(c).startswith(("domain:", "partner:")) for c in row)


def test_a_multi_month_bar_carries_its_published_total_not_its_average(ctx: Context, listed: dict) -> None:
    table = chart_data(listed["sales.months"], ctx)
    row = next(r for r in table.rows if r[0] == "sales_2022_01_04")
    assert row[2] == 284_865 and row[4] == "Jan–Apr 2022"
    bar = next(p for p in listed["sales.months"].series[0].points if p.figure_id == "sales_2022_01_04")
    assert bar.value == pytest.approx(284_865 / 4)  # drawn at the average, exported as published
    derived = next(r for r in table.rows if r[5] == "derived")
    assert derived[8], "a derived row shows its formula"


def test_series_names_carry_no_reading_help(listed: dict) -> None:
    names = [s.name for spec in listed.values() for s in spec.series]
    assert not [n for n in names if "pale bars" in n]
    bars = listed["sales.months"].series[0]
    assert bars.name == "In the month" and "pale bars" in bars.legend


def test_network_rows_name_partners_and_domains_in_words(ctx: Context, listed: dict, sheet: FactSheet) -> None:
    table = chart_data(listed["partners.network"], ctx)
    assert [r[0] for r in table.rows] == [p.name for p in sheet.partners]
    assert {r[2] for r in table.rows} == {"industrial internet", "intelligent solutions", "power battery systems",
                                          "ecosphere cooperation"}  # fmt: skip
    assert all(r[6] in sheet.sources and r[-1].startswith("http") for r in table.rows)


def test_csv_is_utf8_with_a_bom_and_formula_safe(ctx: Context, listed: dict, tmp_path: Path) -> None:
    from chery_viewer.core.content.chart_data import DataTable

    out = tmp_path / "data.csv"
    table = chart_data(listed["sales.annual"], ctx)
    hostile = DataTable(table.columns, ((*table.rows[0][:1], "=HYPERLINK(1)", *table.rows[0][2:]),))
    write_csv(hostile, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == list(table.columns) and rows[1][1] == "'=HYPERLINK(1)"
    assert rows[1][2] == str(table.rows[0][2])  # numbers stay numbers


def test_credits_name_title_units_sources_and_date(ctx: Context, listed: dict, sheet: FactSheet) -> None:
    credits = chart_credits(listed["sales.users"], ctx)
    assert credits.title == listed["sales.users"].title
    assert credits.source_line == "Source: Gulf News, 2023-02-03"
    assert credits.as_of.startswith("Data as of ") and credits.description.startswith(credits.source_line)
    annual = chart_credits(listed["sales.annual"], ctx)
    assert annual.units == "Group sales: vehicles · Growth on the year before: %"
    assert annual.source_line.startswith("Sources: ") and "Gulf News (2023-02-03)" in annual.source_line
