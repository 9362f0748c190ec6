"""Citations: the full reference of a source, the short source line of an image, a figure's sources."""

from __future__ import annotations

from chery_viewer.core.audit import Analysis
from chery_viewer.core.content import source_entries
from chery_viewer.core.content.citations import citation, figure_sources, source_line, sources_of
from chery_viewer.core.content.context import Context
from chery_viewer.core.factsheet import FactSheet, Source


def test_citation_names_publisher_title_date_and_address(sheet: FactSheet) -> None:
    s1 = sheet.sources["S1"]
    assert citation(s1) == f"Gulf News, {s1.title}, 2023-02-03, {s1.url}"


def test_a_citation_from_the_document_entry_equals_the_one_from_the_source(sheet: FactSheet) -> None:
    for entry in source_entries(sheet):
        assert citation(entry) == citation(sheet.sources[entry.id])


def test_a_date_read_from_the_content_is_marked_and_an_undated_source_has_none() -> None:
    inferred = Source("X1", "A headline", "Paper", "https://example.com/a", "2023-01", "content")
    undated = Source("X2", "Another", "Paper", "https://example.com/b", "")
    assert citation(inferred) == "Paper, A headline, 2023-01 (inferred from the content), https://example.com/a"
    assert citation(undated) == "Paper, Another, https://example.com/b"


def test_source_line_of_one_and_of_several_sources() -> None:
    a = Source("A", "t", "CnEVPost", "https://a", "2023-01-11")
    b = Source("B", "t", "Gulf News", "https://b", "2023-02-03")
    c = Source("C", "t", "CnEVPost", "https://c", "2023-02-01")
    assert source_line([b]) == "Source: Gulf News, 2023-02-03"
    assert source_line([a, b, c, a]) == "Sources: CnEVPost (2023-01-11, 2023-02-01); Gulf News (2023-02-03)"
    assert source_line([]) == ""
    assert source_line([Source("D", "t", "Paper", "https://d", "")]) == "Source: Paper"


def test_a_derived_figure_cites_the_sources_of_its_inputs(sheet: FactSheet, analysis: Analysis) -> None:
    ctx = Context(sheet, analysis)
    derived = ctx.get("china_other_exports")
    assert derived is not None
    inputs = [ctx.get(i) for i in derived.inputs()]
    expected = list(dict.fromkeys(f.source_id for f in inputs if f is not None and not f.derived))
    assert expected and sources_of(derived, ctx.get)[: len(expected)] == expected
    assert all(isinstance(s, Source) for s in figure_sources(derived, ctx.get, sheet.sources))
    stated = sheet.figure("sales_2022")
    assert stated is not None and sources_of(stated, ctx.get) == [stated.source_id]
