"""No line of the PDF ends inside a period: not ``2022年1`` / ``月–9月``, nor ``Jan–`` / ``Sep 2022``.

The PDFs are exported with the real translations, in both layouts and both languages, and read
back with poppler: each run of words drawn as one line is joined with the run drawn just below
it at the same left edge (the next line of the same paragraph or cell), and a period found
across the join is a line broken inside it. The periods are found with a pattern of this test's
own, not the renderer's.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6 import QtGui, QtWidgets

from chery_viewer.core.factsheet import FactSheet
from chery_viewer.core.i18n import set_language
from chery_viewer.graphics.language import install_translators
from chery_viewer.graphics.theme import LIGHT
from chery_viewer.report.canvas import Canvas, TypeScale, page_for_size
from chery_viewer.report.geometry import DPI
from chery_viewer.report.pdf import export_pdf

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")

XHTML = "{http://www.w3.org/1999/xhtml}"
_ZH_ONE = r"(?:\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日)?)"
_EN_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
_EN_ONE = rf"(?:\d{{1,2}} )?{_EN_MONTH}(?: \d{{4}})?"
PERIOD = re.compile(rf"(?<!\d){_ZH_ONE}(?:[–-]{_ZH_ONE})?|\b{_EN_ONE}(?:[–-]{_EN_ONE})?\b")


def drawn_lines(pdf: Path) -> Iterator[list[tuple[float, float, float, str]]]:
    """Per page, the runs of words drawn as one line: (left, top, bottom, text). Words closer than
    a column gap (a table cell's padding is 10 px) belong to one run."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    for page in ElementTree.fromstring(xml.stdout).iter(XHTML + "page"):
        runs: list[list] = []
        for line in page.iter(XHTML + "line"):
            words = sorted(
                (*(float(w.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax")), w.text or "")
                for w in line.iter(XHTML + "word")
            )
            run: list | None = None
            for left, top, right, bottom, text in words:
                if run is not None and left - run[4] < 4.5:
                    run[3] += (" " if left - run[4] > 1.0 else "") + text
                    run[4] = right
                else:
                    run = [left, top, bottom, text, right]
                    runs.append(run)
        yield [(r[0], r[1], r[2], r[3]) for r in runs]


def broken_periods(pdf: Path) -> list[tuple[str, str]]:
    """Pairs (a line, the line after it) with a period across the break between them."""
    found = []
    for runs in drawn_lines(pdf):
        for left, _top, bottom, text in runs:
            for below_left, below_top, _, below in runs:
                if abs(below_left - left) < 1.5 and 0 <= below_top - bottom < 6:
                    joined = text + below
                    if any(m.start() < len(text) < m.end() for m in PERIOD.finditer(joined)):
                        found.append((text, below))
    return found


@pytest.fixture(scope="module")
def translated(qapp: QtWidgets.QApplication) -> Iterator[None]:
    yield
    install_translators("en")


@pytest.mark.parametrize("layout", ["report", "sheet"])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_no_line_ends_inside_a_period(translated: None, sheet: FactSheet, tmp_path: Path, language: str, layout: str):
    install_translators(language)
    localized = sheet.localized("zh-CN") if language == "zh_CN" else sheet
    out = export_pdf(localized, tmp_path / f"{language}-{layout}.pdf", language=language, layout=layout)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert len(PERIOD.findall(text)) > 20, "the check has periods to look at"
    assert broken_periods(out) == []


def test_a_narrow_paragraph_breaks_around_periods_not_inside(qapp: QtWidgets.QApplication):
    image = QtGui.QImage(800, 600, QtGui.QImage.Format.Format_ARGB32)
    image.setDotsPerMeterX(round(DPI / 0.0254))
    image.setDotsPerMeterY(round(DPI / 0.0254))
    painter = QtGui.QPainter(image)
    try:
        set_language("zh_CN")
        c = Canvas(painter, page_for_size("A4"), LIGHT)
        font = c.font(TypeScale.BODY)
        text = "销量数据来自基础文章2022年1月–9月的集团销量，以及2023年2月3日的报道和Jan–Sep 2022 figures"
        for width in range(90, 400, 7):
            lines = c.wrap(text, font, float(width))
            assert "".join(lines).replace(" ", "") == text.replace(" ", ""), "nothing lost or added"
            assert "\u2060" not in "".join(lines) and "\u00a0" not in "".join(lines)
            ends = [sum(len(line.replace(" ", "")) for line in lines[: i + 1]) for i in range(len(lines) - 1)]
            flat = text.replace(" ", "")
            for m in PERIOD.finditer(flat):
                assert not any(m.start() < end < m.end() for end in ends), (width, lines)
    finally:
        set_language("en")
        painter.end()


def test_a_period_is_one_piece_for_a_table_column():
    assert "2022年1月–9月" in Canvas.unbreakable("基础文章2022年1月–9月的集团销量")
    assert Canvas.unbreakable("sales Jan–Sep 2022 total") == ["sales", "Jan–Sep 2022", "total"]
    assert Canvas.unbreakable("2023年2月3日") == ["2023年2月3日"]


def test_a_figure_keeps_its_mark_on_its_line():
    assert Canvas.unbreakable("~730,000 [S6]") == ["~730,000 [S6]"]
    assert Canvas.unbreakable("190,385 (derived)") == ["190,385 (derived)"]
    assert Canvas.unbreakable("Sources: [S6] QZ Car Parts") == ["Sources:", "[S6]", "QZ", "Car", "Parts"]
