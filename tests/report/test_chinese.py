"""The Chinese PDF: bundled CJK font first, Chinese outline and metadata, CJK wrapping, numeric columns.

The translations may not be compiled yet, so a small stand-in look-up gives a few texts in
Chinese. It keeps only translations whose every character the bundled subset font has: the
point is that Chinese is drawn from that font, never from a system CJK font.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6 import QtGui, QtWidgets

from chery_viewer.core.dataset import resources_dir
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.core.i18n import set_language
from chery_viewer.graphics.theme import LIGHT
from chery_viewer.report.blocks.tables import TableData, TableFlow
from chery_viewer.report.canvas import Canvas, TypeScale, page_for_size
from chery_viewer.report.full_report import long_date
from chery_viewer.report.geometry import DPI
from chery_viewer.report.pdf import closing_title, document_title, export_pdf, render_pdf_bytes
from chery_viewer.report.pdfmeta import pdf_string

from .conftest import normalise

STAND_IN = {
    ("Report", "Sources and audit"): "来源与核查",
    ("Report", "Notes"): "注",
    ("Report", "Sources"): "来源",
    ("Report", "{title} (continued)"): "{title}（续）",
    ("Periods", "{day} {month} {year}"): "{year}年{month}{day}日",
    ("Periods", "November"): "11月",
    ("Report", "{title}  ·  data as of {date}"): "{title}  ·  {date}",
    ("Report", "Chery"): "奇瑞",
    ("Sections", "Overview"): "概览",
    ("Sections", "Sales"): "销量",
    ("Sections", "Exports"): "出口",
    ("Sections", "Innovation"): "创新",
    ("Sections", "Partners"): "合作伙伴",
    ("Units", "vehicles"): "辆",
    ("Units", "years"): "年",
}
CLOSING = "来源与核查"


def _font_has(text: str) -> bool:
    raw = QtGui.QRawFont(str(resources_dir() / "fonts" / "NotoSansSC-Subset.ttf"), 12)
    return raw.isValid() and all(raw.supportsCharacter(ord(ch)) for ch in text if ord(ch) > 0x7F)


@pytest.fixture(scope="module")
def table(qapp: QtWidgets.QApplication) -> dict[tuple[str, str], str]:
    kept = {key: text for key, text in STAND_IN.items() if _font_has(text)}
    missing = [text for key, text in STAND_IN.items() if key not in kept]
    assert not {"销量", CLOSING} & set(missing), f"the bundled font lacks {missing}"
    return kept


@pytest.fixture
def chinese(table: dict[tuple[str, str], str]) -> Iterator[None]:
    set_language("zh_CN", lambda context, text: table.get((context, text), text))
    try:
        yield
    finally:
        set_language("en")


@pytest.fixture(scope="module")
def zh(qapp: QtWidgets.QApplication, sheet: FactSheet, table: dict, tmp_path_factory: pytest.TempPathFactory):
    set_language("zh_CN", lambda context, text: table.get((context, text), text))
    try:
        localized = sheet.localized("zh-CN")
        path = export_pdf(localized, tmp_path_factory.mktemp("zh") / "factsheet-zh.pdf")
        again = render_pdf_bytes(localized)
    finally:
        set_language("en")
    return localized, path, again


def test_outline_metadata_and_language_in_chinese(zh: tuple[FactSheet, Path, bytes]):
    localized, path, _ = zh
    reader = PdfReader(path, strict=True)
    assert [item.title for item in reader.outline] == ["概览", "销量", "出口", "创新", "合作伙伴", CLOSING]
    assert reader.metadata is not None and reader.metadata.title == localized.title
    assert "奇瑞" in localized.title  # so document_title adds no English prefix
    assert reader.xmp_metadata is not None and reader.xmp_metadata.dc_title["x-default"] == localized.title
    assert reader.root_object["/Lang"] == "zh-CN"
    cover = normalise(reader.pages[0].extract_text())
    assert "非官方" in cover and "与奇瑞无关联" in cover, "who is speaking, on the Chinese cover"
    assert "销量" in normalise(reader.pages[0].extract_text() + reader.pages[2].extract_text())


def test_chinese_is_drawn_with_the_bundled_font_only(zh: tuple[FactSheet, Path, bytes]):
    reader = PdfReader(zh[1], strict=True)
    names = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in (page["/Resources"].get_object().get("/Font") or {}).values()
    }
    assert any("NotoSansSCSubset-Regular" in name for name in names), names
    assert any("NotoSansSCSubset-Bold" in name for name in names), "headings in the bundled bold face"
    assert not any("CJK" in name for name in names), names  # no system CJK font
    assert all(image == [] for image in (list(page.images) for page in reader.pages))


def test_chinese_export_is_reproducible(zh: tuple[FactSheet, Path, bytes]):
    assert zh[1].read_bytes() == zh[2]


def test_pdf_strings():
    assert pdf_string("Sales (2022)") == b"(Sales \\(2022\\))"
    assert pdf_string("销量") == b"<FEFF950091CF>"
    assert pdf_string("a\U00020000") == b"<FEFF0061D840DC00>"  # outside the BMP: a surrogate pair


def test_texts_follow_the_language(chinese: None, sheet: FactSheet):
    assert closing_title() == CLOSING
    assert long_date("2026-11-26") == "2026年11月26日"
    assert long_date("") == "an unknown date"  # untranslated here: the English source text
    assert document_title(sheet.localized("zh-CN")) == sheet.localized("zh-CN").title


def test_english_texts_without_a_translation(sheet: FactSheet):
    assert closing_title() == "Sources and audit"
    assert long_date("2026-11-26") == "26 November 2026"
    assert document_title(sheet) == sheet.title


def _canvas(qapp: QtWidgets.QApplication) -> tuple[Canvas, QtGui.QPainter, QtGui.QImage]:
    image = QtGui.QImage(800, 600, QtGui.QImage.Format.Format_ARGB32)
    image.setDotsPerMeterX(round(DPI / 0.0254))
    image.setDotsPerMeterY(round(DPI / 0.0254))
    painter = QtGui.QPainter(image)
    return Canvas(painter, page_for_size("A4"), LIGHT), painter, image


def test_long_chinese_paragraph_wraps_inside_the_width(qapp: QtWidgets.QApplication, chinese: None, sheet: FactSheet):
    c, painter, _ = _canvas(qapp)
    try:
        assert c.families[0] == "Noto Sans SC Subset"
        text = sheet.localized("zh-CN").description * 5
        assert " " not in text
        font = c.font(TypeScale.BODY)
        lines = c.wrap(text, font, 240.0)
        assert len(lines) > 5
        assert all(c.advance(line, font) <= 240.0 for line in lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert not any(line.startswith(("，", "。", "；", "：", "、")) for line in lines)
    finally:
        painter.end()


def test_numeric_columns_come_from_the_table_not_from_its_text(qapp: QtWidgets.QApplication, chinese: None):
    """The table says which columns hold figures; a year in a label column ('2022') stays left."""
    c, painter, _ = _canvas(qapp)
    try:
        data = TableData(
            "t",
            ("数据项", "数值", "年份"),
            (("2023年出口增速", "约73万", "n/a"), ("2022年集团销量", "1,232,727辆", "2022"), ("海尔", "n/a", "n/a")),
            numeric_columns=(1,),
        )
        assert TableFlow(c, data, 500.0).align == ["left", "right", "left"]
    finally:
        painter.end()


def test_short_chinese_names_stay_whole_in_narrow_columns():
    assert Canvas.unbreakable("宁德时代 无数据") == ["宁德时代", "无数据"]
    pieces = Canvas.unbreakable("连接器与线束；苹果代工组装商")
    assert "".join(pieces) == "连接器与线束；苹果代工组装商" and max(len(p) for p in pieces) <= 5
    assert Canvas.unbreakable("connected-vehicle platform") == ["connected-vehicle", "platform"]
