"""The Chinese edition as a reader meets it: numbers, section content, the window, the PDF."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6 import QtWidgets

from chery_viewer.core.audit import analyse
from chery_viewer.core.content import Kpi, SectionContent, audit_tables, build_sections
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.core.formatting import format_compact, format_value, format_with_unit
from chery_viewer.core.i18n import current_language, match_language
from chery_viewer.graphics import language as translators
from chery_viewer.ui import language

CJK = re.compile(r"[\u4e00-\u9fff]")
SECTION_TITLES_ZH = ["概览", "销量", "出口", "创新", "合作伙伴"]
#: Fields that hold ids and codes, never text a reader sees.
CODE_FIELDS = {"id", "key", "kind", "style", "unit", "panel", "figure_id", "partner_id", "source", "target"}
#: Names the Chinese edition writes in Latin letters, as Chinese readers know them.
LATIN_NAMES = {"COSMOPlat", "HiGOPlat", "SUV"}


@pytest.fixture
def zh(qapp: QtWidgets.QApplication) -> Iterator[None]:
    language.install("zh_CN")
    try:
        yield
    finally:
        language.install("en")


def reader_texts(obj: object) -> Iterator[str]:
    """Every string of a content object that reaches the reader."""
    if isinstance(obj, str):
        yield obj
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            if f.name not in CODE_FIELDS or (isinstance(obj, Kpi) and f.name == "unit"):
                yield from reader_texts(getattr(obj, f.name))
    elif isinstance(obj, tuple | list):
        for item in obj:
            yield from reader_texts(item)


def test_numbers_as_chinese_readers_write_them(zh: None):
    assert format_value(1232727, "vehicles") == "1,232,727"
    assert format_with_unit(1232727, "vehicles") == "1,232,727辆"
    assert format_compact(1232727, "vehicles") == "123.3万"
    assert format_compact(96_000, "vehicles", lower_bound=True) == ">9.6万"
    assert format_value(730_000, "vehicles", approximate=True) == "约73万"
    assert format_value(11_200_000, "users", approximate=True) == "约1120万"
    assert format_value(10.1, "CNY billion") == "101亿元"
    assert format_value(100, "CNY billion") == "1000亿元"
    assert format_value(28.2, "percent") == "28.2%"
    assert format_value(None, "vehicles") == "无数据"
    assert format_compact(9_999, "vehicles") == "9,999"
    assert format_value(6_355, "patents", approximate=True) == "约6,355"  # never the English ~
    assert format_value(37, "percent", approximate=True) == "约37%"
    assert format_value(12_345, "vehicles", approximate=True) == "约12,345"  # 万 would drop digits
    assert format_value(12_000_000, "vehicles", approximate=True, lower_bound=True) == ">1200万"
    assert format_value(150_000_000, "vehicles", approximate=True) == "约1.5亿"
    assert format_compact(123_456_789, "vehicles") == "1.2亿"
    assert format_compact(99_995, "vehicles") == "10.0万" and format_compact(100_000, "vehicles") == "10万"
    assert format_value(0.004, "CNY billion") == "0.04亿元"


def test_english_numbers_are_unchanged(qapp: QtWidgets.QApplication):
    assert current_language() == "en"
    assert format_compact(1232727, "vehicles") == format_value(1232727, "vehicles") == "1,232,727"
    assert format_with_unit(730_000, "vehicles", approximate=True) == "~730,000 vehicles"
    assert format_value(10.1, "CNY billion") == "CNY 10.1 bn"


def test_every_section_is_in_chinese(zh: None, sheet: FactSheet):
    localized = sheet.localized("zh-CN")
    analysis = analyse(localized)
    sections = build_sections(localized, analysis)
    assert [s.title for s in sections] == SECTION_TITLES_ZH
    allowed = set(LATIN_NAMES)
    for source in sheet.sources.values():  # publications are cited as published
        allowed |= set(re.findall(r"[A-Za-z0-9]+", f"{source.title} {source.publisher} {source.url}"))
    leaks: set[str] = set()
    for item in [*sections, *audit_tables(localized, analysis)]:
        for text in reader_texts(item):
            leaks |= {w for w in re.findall(r"[A-Za-z]{3,}", text) if w not in allowed}
    assert leaks == set(), "English left in the Chinese content"


def test_headline_shows_wan_with_the_exact_figure_beside_it(zh: None, sheet: FactSheet):
    localized = sheet.localized("zh-CN")
    overview: SectionContent = build_sections(localized)[0]
    sales = next(k for k in overview.kpis if k.figure_id == "sales_2022")
    assert (sales.label, sales.value, sales.exact) == ("集团销量", "123.3万", "1,232,727辆")
    assert sheet.figure("sales_2022").value == 1232727
    assert "1,232,727辆" in sales.tooltip and "[S1] Gulf News" in sales.tooltip


def test_a_bound_in_wan_shows_the_published_bound_beside_it(zh: None, sheet: FactSheet):
    """The NEV card: >21万 with >210,000辆 under it, as the other count cards show their figure,
    never its unit word alone (辆 · 2022年1月–10月)."""
    sales = next(s for s in build_sections(sheet.localized("zh-CN")) if s.key == "sales")
    nev = next(k for k in sales.kpis if k.figure_id == "nev_sales_2022_01_10")
    assert (nev.value, nev.exact) == (">21万", ">210,000辆")
    counts = [k for k in sales.kpis if k.unit == "辆"]
    assert len(counts) >= 4 and all(k.exact.endswith("辆") and k.exact != k.unit for k in counts)
    rounded = next(k for s in build_sections(sheet.localized("zh-CN")) for k in s.kpis if k.value == "约1120万")
    assert rounded.exact == "", "a rounded figure has no more digits to show"


def test_company_names_are_the_official_chinese_ones(sheet: FactSheet):
    names = {p.id: p.name for p in sheet.localized("zh-CN").partners}
    assert names == {
        "haier": "海尔",
        "huawei": "华为",
        "luxshare": "立讯精密",
        "catl": "宁德时代",
        "iflytek": "科大讯飞",
        "horizon": "地平线",
    }
    localized = sheet.localized("zh-CN")
    assert localized.title.startswith("奇瑞")
    assert any("瑶光" in f.subject for f in localized)


def test_localizing_keeps_every_figure(sheet: FactSheet):
    localized = sheet.localized("zh-CN")
    assert {f.id: (f.value, f.unit, f.period, f.source_id) for f in localized} == {
        f.id: (f.value, f.unit, f.period, f.source_id) for f in sheet
    }
    assert sheet.localized("fr") is sheet  # a language the package lacks: the English texts


def test_language_from_the_locale_and_the_option():
    assert [match_language(v) for v in ("zh_CN", "zh-CN", "zh", "zh_Hans_CN", "zh_CN.UTF-8")] == ["zh_CN"] * 5
    assert [match_language(v) for v in ("en", "en_GB", "C")] == ["en"] * 3
    assert match_language("fr_FR") is None
    assert language.preferred("zh_CN") == "zh_CN" and language.preferred("en") == "en"


@pytest.mark.parametrize(("lang", "expected"), [("zh_CN.UTF-8", "zh_CN"), ("en_US.UTF-8", "en"), ("fr_FR.UTF-8", "en")])
def test_default_language_comes_from_the_system_locale(lang: str, expected: str):
    env = {**os.environ, "LANG": lang, "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
    code = "from chery_viewer.ui.language import preferred; print(preferred())"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == expected, result.stderr


def _no_cjk_fonts(tmp_path: Path) -> dict[str, str]:
    """An environment whose fontconfig sees only DejaVu: a machine without any CJK font."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return {**env, "FONTCONFIG_FILE": str(conf), "LANG": "en_US.UTF-8"}


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_chinese_pdf_on_a_machine_without_cjk_fonts(tmp_path: Path, sheet: FactSheet):
    out = tmp_path / "事实表.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "chery_viewer", "--lang", "zh_CN", "--export-pdf", str(out)],
        env=_no_cjk_fonts(tmp_path),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    for word in ("销量", "出口", "创新", "合作伙伴", "奇瑞集团", "宁德时代"):
        assert word in text, word
    assert "1,232,727" in text and "123.3万" in text  # the exact figure beside the headline
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line.split("Identity-H")[-1] or " yes" in line for line in fonts), fonts
    assert any("NotoSansSCSubset" in line for line in fonts)
    reader = PdfReader(out, strict=True)
    assert [o.title for o in reader.outline] == [*SECTION_TITLES_ZH, "来源与审计"]
    assert reader.metadata.title == sheet.localized("zh-CN").title


def test_both_editions_export(tmp_path: Path):
    for lang, words in (("en", ("Group sales", "Sources and audit")), ("zh_CN", ("集团销量", "来源与审计"))):
        out = tmp_path / f"{lang}.pdf"
        result = subprocess.run(
            [sys.executable, "-m", "chery_viewer", "--lang", lang, "--export-pdf", str(out)],
            env=_no_cjk_fonts(tmp_path),
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert result.returncode == 0, result.stderr
        text = " ".join("".join(page.extract_text() for page in PdfReader(out).pages).split())
        assert all(w in text for w in words), lang


@pytest.mark.parametrize("value", ["fr", "C", "", "zh_TW"])
def test_unknown_language_is_one_line_and_exit_2(tmp_path: Path, value: str):
    result = subprocess.run(
        [sys.executable, "-m", "chery_viewer", "--lang", value, "--export-pdf", str(tmp_path / "x.pdf")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and f"unknown language '{value}'" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_lang_option_spellings():
    from chery_viewer.cli import build_parser

    for value in ("zh_CN", "zh-CN", "ZH_cn", "zh", "zh-Hans"):
        assert build_parser().parse_args(["--lang", value]).lang == "zh_CN", value
    assert build_parser().parse_args(["--lang", "EN"]).lang == "en"


def test_switching_back_and_forth_keeps_two_translators_at_most(qapp: QtWidgets.QApplication):
    try:
        for _ in range(5):
            language.install("zh_CN")
            language.install("en")
            language.install("zh_CN")
        assert len(translators._translators) == 2  # ours and Qt's own
        assert current_language() == "zh_CN"
    finally:
        language.install("en")
    assert translators._translators == [] and current_language() == "en"
