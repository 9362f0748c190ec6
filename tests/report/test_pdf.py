"""The exported PDF: every figure as the dataset formats it, structure, metadata, vector only, reproducible."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from PySide6 import QtWidgets

from chery_viewer.core.audit import Analysis, describe_formula
from chery_viewer.core.content import SectionContent, build_document
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.report.pdf import closing_title, document_title, export_pdf, render_pdf_bytes

from .conftest import Exported, normalise

SECTION_TITLES = ["Overview", "Sales", "Exports", "Innovation", "Partners", closing_title()]


def _missing(texts: list[str], exported: Exported) -> list[str]:
    whole = exported.text
    return [t for t in texts if normalise(t) not in whole]


# -- every figure, exactly as formatted -----------------------------------------------------------


@pytest.mark.parametrize("index", range(5), ids=SECTION_TITLES[:5])
def test_every_kpi_value_and_label(a4: Exported, sections: list[SectionContent], index: int):
    section = sections[index]
    assert section.kpis
    assert _missing([k.value for k in section.kpis], a4) == []
    assert _missing([k.label for k in section.kpis], a4) == []
    assert _missing([k.change for k in section.kpis if k.change], a4) == []


@pytest.mark.parametrize("index", range(5), ids=SECTION_TITLES[:5])
def test_every_table_cell(a4: Exported, sections: list[SectionContent], index: int):
    cells = [cell for table in sections[index].tables for row in table.rows for cell in (*table.columns, *row)]
    assert cells
    assert _missing(cells, a4) == []
    assert _missing([t.title for t in sections[index].tables], a4) == []


@pytest.mark.parametrize("index", range(5), ids=SECTION_TITLES[:5])
def test_every_chart_point_title_and_caption(a4: Exported, sections: list[SectionContent], index: int):
    charts = sections[index].charts
    assert charts
    assert _missing([p.display for c in charts for s in c.series for p in s.points], a4) == []
    assert _missing([c.title for c in charts] + [c.caption for c in charts if c.caption], a4) == []


def test_every_card_and_note(a4: Exported, sections: list[SectionContent]):
    cards = [card for section in sections for group in section.cards for card in group.cards]
    assert cards
    assert _missing([text for card in cards for text in (card.title, card.body, card.meta)], a4) == []
    assert _missing([note for section in sections for note in section.notes], a4) == []


def test_partner_network_labels(a4: Exported, sections: list[SectionContent]):
    network = next(c for s in sections for c in s.charts if c.kind == "network")
    assert _missing([node.label for node in network.nodes], a4) == []


def test_first_page_has_title_date_and_headline_kpis(a4: Exported, sheet: FactSheet, sections: list[SectionContent]):
    first = a4.pages[0]
    assert normalise(sheet.title) in first
    assert "26 November 2026" in first and sheet.as_of in first
    assert all(normalise(k.value) in first for k in sections[0].kpis)
    assert normalise(sections[0].charts[0].title) in first


def test_every_page_has_title_date_and_page_number(a4: Exported, sheet: FactSheet):
    total = len(a4.pages)
    for number, text in enumerate(a4.pages, start=1):
        assert normalise(sheet.title) in text, number
        assert sheet.as_of in text, number
        assert f"Page {number} of {total}" in text


def test_closing_pages_list_sources_findings_and_formulas(a4: Exported, sheet: FactSheet, analysis: Analysis):
    title = closing_title()
    start = next(i for i, text in enumerate(a4.pages) if text.startswith(f"{title} ") or f" {title} The " in text)
    closing = " ".join(a4.pages[start:])
    for source in sheet.sources.values():
        for text in (source.id, source.publisher, source.title, source.date or "undated"):
            assert normalise(text) in closing, text
        assert source.url in closing.replace(" ", ""), source.url
    assert analysis.findings
    for finding in build_document(sheet, analysis).closing.findings:
        for text in (
            finding.check,
            finding.subject,
            finding.stated,
            finding.recomputed,
            finding.difference,
            finding.explanation,
        ):
            assert normalise(text) in closing, text
    lookup = lambda fid: analysis.figure(sheet, fid)  # noqa: E731
    derived = [f for f in sheet if f.derived] + list(analysis.derived.values())
    for figure in derived:
        assert normalise(figure.label) in closing
        assert normalise(describe_formula(figure.formula, lookup)) in closing


# -- structure ----------------------------------------------------------------------------------


def test_one_bookmark_per_section_at_its_heading(a4: Exported):
    reader = a4.reader
    outline = reader.outline
    assert [item.title for item in outline] == SECTION_TITLES
    pages = [reader.get_destination_page_number(item) for item in outline]
    assert pages == sorted(pages) and pages[0] == 0
    for title, page in zip(SECTION_TITLES[1:], pages[1:], strict=True):
        assert title in a4.pages[page]
    assert reader.root_object["/PageMode"] == "/UseOutlines"


def test_metadata(a4: Exported, sheet: FactSheet):
    meta = a4.reader.metadata
    assert meta is not None
    assert "Chery" in meta.title and meta.title == document_title(sheet)
    assert meta.subject == sheet.description and meta.creator
    # Who is speaking: a compiler that is not the company, said in the Author field and on the cover.
    assert meta.author == "Compiled by the Chery Fact Sheet project from press reports; not affiliated with Chery"
    assert "not affiliated with Chery" in normalise(a4.pages[0]) and "unofficial" in normalise(a4.pages[0])
    assert "Chery" in meta["/Keywords"]
    assert meta["/CreationDate"] == meta["/ModDate"] == "D:" + sheet.as_of.replace("-", "") + "000000Z"
    xmp = a4.reader.xmp_metadata
    assert xmp is not None and xmp.dc_title["x-default"] == meta.title


def test_page_count_is_stable_and_sane(a4: Exported, a4_again: Exported, letter: Exported):
    assert len(a4.reader.pages) == len(a4_again.reader.pages)
    assert 8 <= len(a4.reader.pages) <= 30
    assert 8 <= len(letter.reader.pages) <= 32


def test_reexport_is_byte_identical(a4: Exported, a4_again: Exported):
    assert a4.data == a4_again.data


def test_same_id_in_trailer_and_xmp(a4: Exported):
    ids = a4.reader.trailer["/ID"]
    assert ids[0] == ids[1]


def test_page_sizes(a4: Exported, letter: Exported):
    for page in a4.reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    for page in letter.reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)
    assert letter.text.count("Page 1 of") == 1


def _images(resources: DictionaryObject | None, seen: set[int]) -> list[str]:
    """Image XObjects in ``resources``, looking inside form XObjects too."""
    found: list[str] = []
    if not resources or "/XObject" not in resources:
        return found
    for name, ref in resources["/XObject"].get_object().items():
        if id(ref) in seen:
            continue
        seen.add(id(ref))
        xobject = ref.get_object()
        if xobject.get("/Subtype") == "/Image":
            found.append(name)
        elif xobject.get("/Subtype") == "/Form":
            found += _images(xobject.get("/Resources"), seen)
    return found


def test_no_raster_images(a4: Exported):
    for number, page in enumerate(a4.reader.pages, start=1):
        assert _images(page.get("/Resources"), set()) == [], f"page {number}"


@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="poppler-utils not installed")
def test_pdfimages_lists_no_image(a4: Exported):
    listing = subprocess.run(["pdfimages", "-list", str(a4.path)], capture_output=True, text=True, check=True)
    assert listing.stdout.strip().splitlines()[2:] == []


def test_fonts_are_embedded(a4: Exported):
    fonts = {}
    for page in a4.reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            fonts[str(target.get("/BaseFont"))] = target["/FontDescriptor"].get_object()
    assert fonts
    for name, descriptor in fonts.items():
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), name


def test_source_urls_are_links(a4: Exported, sheet: FactSheet):
    uris = [
        annot.get_object()["/A"]["/URI"]
        for page in a4.reader.pages
        for annot in page.get("/Annots") or []
        if annot.get_object().get("/Subtype") == "/Link"
    ]
    assert sorted(uris) == sorted(s.url for s in sheet.sources.values() if s.url)


def test_size_under_300_kb(a4: Exported, letter: Exported):
    assert len(a4.data) < 300 * 1024
    assert len(letter.data) < 300 * 1024


def test_pdf_is_well_formed_for_poppler(a4: Exported):
    if shutil.which("pdfinfo") is None:
        pytest.skip("poppler-utils not installed")
    info = subprocess.run(["pdfinfo", str(a4.path)], capture_output=True, text=True, check=True)
    assert re.search(r"^Pages:\s+(\d+)$", info.stdout, re.M).group(1) == str(len(a4.reader.pages))  # type: ignore[union-attr]
    assert info.stderr == ""


def test_export_creates_its_own_application_without_a_display(tmp_path: Path):
    """A script with no QApplication and no display: export_pdf makes an off-screen one."""
    out = tmp_path / "script.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    code = (
        "import sys; from chery_viewer.core.factsheet import load_factsheet; "
        "from chery_viewer.report.pdf import export_pdf; "
        "from PySide6.QtWidgets import QApplication; "
        "export_pdf(load_factsheet(), sys.argv[1]); "
        "app = QApplication.instance(); "
        "assert app is not None and not [w for w in app.topLevelWidgets() if w.isVisible()]"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(out)], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert PdfReader(out).outline


def test_export_shows_no_window(qapp: QtWidgets.QApplication, sheet: FactSheet, no_visible_windows: None):
    assert render_pdf_bytes(sheet).startswith(b"%PDF-")


def test_a_sparser_dataset_still_exports(
    qapp: QtWidgets.QApplication, sheet: FactSheet, analysis: Analysis, tmp_path: Path
):
    """No partners, no cards, no audit findings: the sections shrink, nothing breaks."""
    sparse = replace(sheet, partners=(), facts=())
    quiet = replace(analysis, findings=())
    reader = PdfReader(export_pdf(sparse, tmp_path / "sparse.pdf", analysis=quiet))
    text = normalise(" ".join(page.extract_text() for page in reader.pages))
    assert "The audit found no disagreement between the sources." in text
    assert [item.title for item in reader.outline] == SECTION_TITLES
    assert len(reader.pages) < 15
