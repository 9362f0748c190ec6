"""Fixtures for the report tests: the bundled sheet exported once per session, and its text.

Exports run in this process (offscreen Qt, pytest-qt's ``qapp``); each costs about a second,
so the A4 document, its re-export and the Letter document are made once and shared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6 import QtWidgets

from chery_viewer.core.audit import Analysis
from chery_viewer.core.content import SectionContent, build_sections
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.report.pdf import export_pdf


def normalise(text: str) -> str:
    """Whitespace collapsed, and a line broken after a hyphen joined again ('connected- vehicle')."""
    return re.sub(r"(?<=[-‐])\s+", "", " ".join(text.split()))


@dataclass(frozen=True)
class Exported:
    path: Path
    data: bytes
    reader: PdfReader
    pages: tuple[str, ...]  # the normalised text of each page

    @property
    def text(self) -> str:
        return " ".join(self.pages)


def _read(path: Path) -> Exported:
    data = path.read_bytes()
    reader = PdfReader(path, strict=True)
    return Exported(path, data, reader, tuple(normalise(page.extract_text()) for page in reader.pages))


@pytest.fixture(scope="session")
def sections(sheet: FactSheet, analysis: Analysis) -> list[SectionContent]:
    return build_sections(sheet, analysis)


@pytest.fixture(scope="session")
def export_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("exports")


@pytest.fixture(scope="session")
def a4(qapp: QtWidgets.QApplication, sheet: FactSheet, export_dir: Path) -> Exported:
    return _read(export_pdf(sheet, export_dir / "factsheet-a4.pdf"))


@pytest.fixture(scope="session")
def a4_again(qapp: QtWidgets.QApplication, sheet: FactSheet, export_dir: Path, a4: Exported) -> Exported:
    return _read(export_pdf(sheet, export_dir / "factsheet-a4-again.pdf", page_size="A4"))


@pytest.fixture(scope="session")
def letter(qapp: QtWidgets.QApplication, sheet: FactSheet, export_dir: Path) -> Exported:
    return _read(export_pdf(sheet, export_dir / "factsheet-letter.pdf", page_size="Letter"))


@pytest.fixture
def no_visible_windows(qapp: QtWidgets.QApplication) -> Iterator[None]:
    yield
    assert [w for w in qapp.topLevelWidgets() if w.isVisible()] == []
