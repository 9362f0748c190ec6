"""Defect 8 of issue 17: export time must grow with the text's length, not faster.

A cell of a megabyte is far inside the loader's 20 MiB limit. Before the fix, a table cell
with a long CJK word cost time quadratic in its length (30,000 characters: 18 s), and Qt
laid out a long unbroken paragraph in superlinear time (500,000 characters: 15 s). The
process check has a bound only to stop a broken run; the in-process check verifies that no
paragraph handed to Qt's layout is longer than the chunk, whatever the cell.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6 import QtGui

from chery_viewer.core.factsheet import load_factsheet
from chery_viewer.report import pdf
from chery_viewer.report.canvas import Canvas

from .corpus import copy_package, set_cell

LATIN = "Longword" + "x" * 400_000 + "End"
CJK = "长" + "奇瑞" * 150_000 + "团"  # first and last characters the bundled font has, told apart from the run


def _long_package(tmp_path: Path) -> Path:
    csv.field_size_limit(2 * len(LATIN))  # for the corpus helpers' own reading of the CSV
    package = copy_package(tmp_path)
    set_cell(package, "facts.csv", "first_million", "text", LATIN)
    set_cell(package, "facts.csv", "first_million", "text@zh-CN", CJK)
    set_cell(package, "partners.csv", "catl", "name", LATIN)
    set_cell(package, "partners.csv", "catl", "name@zh-CN", CJK)
    return package


def test_no_paragraph_reaches_qt_layout_longer_than_a_chunk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp
) -> None:
    sheet = load_factsheet(_long_package(tmp_path))
    lengths: list[int] = []
    real = QtGui.QTextLayout

    def layout(text: str, *args):
        lengths.append(len(text))
        return real(text, *args)

    monkeypatch.setattr(pdf.QtGui, "QTextLayout", layout)
    data = pdf.render_pdf_bytes(sheet)
    assert data.startswith(b"%PDF-")
    assert lengths and max(lengths) <= Canvas.LAYOUT_CHUNK


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_cell_of_hundreds_of_thousands_of_characters_exports(tmp_path: Path, lang: str) -> None:
    package = _long_package(tmp_path)
    out = tmp_path / "long.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "chery_viewer", "--dataset", str(package), "--export-pdf", str(out), "--lang", lang],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    assert out.read_bytes().startswith(b"%PDF-")
