"""The two-page fact sheet (issue 13): written by the command line as a user runs it, in both
languages and on both papers; every figure of the base article on its two pages; the report's
guarantees (vector only, embedded fonts, reproducible, bookmarks, metadata)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from .conftest import normalise

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

# Every figure of the base article (../shared/source/chery-2022-article.txt), as each language
# writes it on the sheet: sales and growth, December, exports and growth, the 20-year lead, the
# million-vehicle first, users worldwide and overseas, the 450,000 first, the monthly record,
# TIGGO and Brazil, the two shares, the patents, the six partners, the factories and the goals.
COMMON = ["1,232,727", "28.2%", "105,483", "451,337", "67.7%", "450,000", "50,000", "20%", "14.5%",
          "25,795", "17,177", "37%", "HiGOPlat", "[S1]", "S17]"]  # fmt: skip
ARTICLE = {
    "en": [
        *COMMON,
        "20 years",
        "1 million vehicles",
        "11.20 million",
        "2.40 million",
        "TIGGO 8",
        "TIGGO 7",
        "Brazil",
        "Haier",
        "Huawei",
        "Luxshare Precision",
        "CATL",
        "iFLYTEK",
        "Horizon Robotics",
        "Industrial internet",
        "Intelligent solutions",
        "Ecosphere cooperation",
        "Power battery systems",
        "Qingdao Super Factory",
        "Wuhu Super Factory",
        "Goals for 2023",
        "Two different shares",
    ],
    "zh_CN": [
        *COMMON,
        "连续20年",
        "100万辆",
        "1120万",
        "240万",
        "瑞虎8",
        "瑞虎7",
        "巴西",
        "海尔",
        "华为",
        "立讯精密",
        "宁德时代",
        "科大讯飞",
        "地平线",
        "工业互联网",
        "智能化解决方案",
        "生态合作",
        "动力电池系统",
        "青岛超级工厂",
        "芜湖超级工厂",
        "2023年目标",
        "两个不同的占比",
    ],
}


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "chery_viewer", *args], capture_output=True, text=True, env=env,
                          timeout=120)  # fmt: skip


@pytest.fixture(scope="module")
def sheets(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """The fact sheet in both languages on both papers, each written twice (for reproducibility)."""
    folder = tmp_path_factory.mktemp("sheets")
    made = {}
    for lang in ("en", "zh_CN"):
        for size in ("A4", "Letter"):
            path = folder / f"sheet-{lang}-{size}.pdf"
            done = _cli("--lang", lang, "--layout", "sheet", "--page-size", size, "--export-pdf", str(path))
            assert done.returncode == 0, done.stderr
            made[lang, size] = path
    return made


def _text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return normalise(out)


@pytest.mark.parametrize("size", ["A4", "Letter"])
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_two_pages_with_every_figure_of_the_base_article(sheets: dict, lang: str, size: str):
    path = sheets[lang, size]
    assert len(PdfReader(path).pages) == 2
    text = _text(path)
    assert [figure for figure in ARTICLE[lang] if normalise(figure) not in text] == []


def test_every_source_id_on_the_sheet_is_resolved_on_the_back(sheets: dict):
    import re

    reader = PdfReader(sheets["en", "A4"])
    cited = set(re.findall(r"S\d+", _text(sheets["en", "A4"])))
    back = normalise(reader.pages[1].extract_text())
    listed = set(re.findall(r"\bS\d+\b", back))
    assert cited and cited <= listed


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_vector_only_embedded_fonts_bookmarks_and_metadata(sheets: dict, lang: str):
    path = sheets[lang, "A4"]
    if shutil.which("pdfimages"):
        listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True)
        assert listing.stdout.strip().splitlines()[2:] == []
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        rows = fonts.strip().splitlines()[2:]
        assert rows and all(" yes " in f" {row} " for row in rows)
        assert all(row.split()[-5] == "yes" for row in rows)  # the 'emb' column
    reader = PdfReader(path)
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert len(titles) >= 8  # a bookmark per region of both pages
    assert {reader.get_destination_page_number(item) for item in reader.outline if not isinstance(item, list)} == {0, 1}
    assert reader.metadata.title and reader.metadata.author


def test_reproducible_bytes(sheets: dict, tmp_path: Path):
    again = tmp_path / "again.pdf"
    assert _cli("--layout", "sheet", "--lang", "en", "--export-pdf", str(again)).returncode == 0
    assert again.read_bytes() == sheets["en", "A4"].read_bytes()


def test_export_without_layout_keeps_the_full_report(tmp_path: Path):
    out = tmp_path / "report.pdf"
    assert _cli("--lang", "en", "--export-pdf", str(out)).returncode == 0
    assert len(PdfReader(out).pages) > 2


def test_unknown_layout_is_one_readable_line(tmp_path: Path):
    done = _cli("--layout", "poster", "--export-pdf", str(tmp_path / "x.pdf"))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "poster" in done.stderr
    assert not (tmp_path / "x.pdf").exists()
