"""The catalogue of every figure, fact and partner, and what a copy puts on the clipboard."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

from chery_viewer.core.audit import Analysis
from chery_viewer.core.content import build_document
from chery_viewer.core.content.context import Context
from chery_viewer.core.content.copying import chart_table, figure_citation, figure_value
from chery_viewer.core.content.figure_list import build_catalogue, export_columns
from chery_viewer.core.factsheet import FactSheet


def test_every_figure_fact_and_partner_is_listed_once(sheet: FactSheet, analysis: Analysis) -> None:
    catalogue = build_catalogue(sheet, analysis)
    keys = [(r.entry, r.id) for r in catalogue.rows]
    assert len(keys) == len(set(keys))
    assert {i for e, i in keys if e == "figure"} == set(sheet.figures) | set(analysis.derived)
    assert {i for e, i in keys if e == "fact"} == {f.id for f in sheet.facts}
    assert {i for e, i in keys if e == "partner"} == {p.id for p in sheet.partners}


def test_derived_rows_carry_their_formula_and_the_sources_of_their_inputs(sheet: FactSheet, analysis: Analysis):
    catalogue = build_catalogue(sheet, analysis)
    for row in catalogue.rows:
        assert row.source_ids and all(i in sheet.sources for i in row.source_ids), row.id
        assert bool(row.formula) == (row.kind == "derived"), row.id
        assert catalogue.links(row) and all(link.startswith("http") for link in catalogue.links(row))
    inferred = {r.id for r in catalogue.rows if r.kind == "inferred"}
    assert inferred == {f.id for f in sheet.facts if f.inferred} | {
        p.id for p in sheet.partners if p.pairing == "inferred"
    }


def test_the_csv_is_spreadsheet_safe_and_has_a_byte_order_mark(sheet: FactSheet, analysis: Analysis, tmp_path: Path):
    from chery_viewer.ui.figures_export import write_figures_csv

    catalogue = build_catalogue(sheet, analysis)
    row = replace(catalogue.rows[0], label='=HYPERLINK("http://x")', value="+1")
    target = tmp_path / "f.csv"
    write_figures_csv(catalogue, [row], target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header, cells = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(header) == export_columns()
    assert cells[3] == '\'=HYPERLINK("http://x")' and cells[4] == "'+1"


def test_the_workbook_never_stores_text_as_a_formula(sheet: FactSheet, analysis: Analysis, tmp_path: Path):
    import openpyxl

    from chery_viewer.ui.figures_export import write_figures_xlsx

    catalogue = build_catalogue(sheet, analysis)
    row = replace(catalogue.rows[0], label="=1+1")
    target = tmp_path / "f.xlsx"
    write_figures_xlsx(catalogue, [row], target)
    cell = openpyxl.load_workbook(target)["Figures"]["D2"]
    assert cell.data_type == "s" and cell.value == "'=1+1"


def test_a_kpi_copies_with_its_full_citation(sheet: FactSheet, analysis: Analysis) -> None:
    ctx = Context(sheet, analysis)
    s1 = sheet.sources["S1"]
    assert figure_value(ctx, "sales_2022") == "1,232,727 vehicles (2022)"
    assert (
        figure_citation(ctx, "sales_2022") == f"1,232,727 vehicles (2022) — Gulf News, {s1.title}, 2023-02-03, {s1.url}"
    )
    assert figure_citation(ctx, "no_such_figure") == ""


def test_a_chart_copies_its_values_as_published_with_their_sources(sheet: FactSheet, analysis: Analysis) -> None:
    ctx = Context(sheet, analysis)
    document = build_document(sheet, analysis)
    monthly = next(c for s in document.sections for c in s.charts if c.id == "sales_months")
    table = chart_table(ctx, monthly)
    # A bar drawn at the average of several months copies as the total of its period, named by the period.
    long_bars = [p for p in monthly.series[0].points if p.span > 1]
    assert long_bars
    for point in long_bars:
        figure = ctx.get(point.figure_id)
        row = next(r for r in table.rows if r[1] == figure.period.label() and r[0] == monthly.series[0].name)
        assert row[2] == point.display
    assert {s.id for s in table.sources} >= {"S10", "S11"}
    network = next(c for s in document.sections for c in s.charts if c.kind == "network")
    partners = chart_table(ctx, network)
    assert len(partners.rows) == len(sheet.partners)
    assert not any(cell.startswith(("partner:", "domain:")) for row in partners.rows for cell in row)
