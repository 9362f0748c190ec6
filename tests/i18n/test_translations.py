"""The translation files: complete, current with the code, compiled from their sources, and
drawable with the bundled font."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6 import QtGui

from chery_viewer.core.dataset import bundled_dir, resources_dir
from chery_viewer.graphics.fonts import cjk_family

TRANSLATIONS = resources_dir() / "translations"
TS = TRANSLATIONS / "chery_viewer_zh_CN.ts"
FONT = resources_dir() / "fonts" / "NotoSansSC-Subset.ttf"
BOLD = resources_dir() / "fonts" / "NotoSansSC-Subset-Bold.ttf"
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message.find("translation"))
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_every_text_has_a_finished_translation():
    found = messages()
    assert len(found) > 250
    unfinished = [(c, s) for c, s, t in found if t is None or t.get("type") or not (t.text or "").strip()]
    assert unfinished == []


@pytest.mark.parametrize(("context", "source", "translation"), messages(), ids=lambda v: str(v)[:40])
def test_translation_keeps_the_placeholders(context: str, source: str, translation: ET.Element):
    text = translation.text or ""
    assert sorted(set(PLACEHOLDER.findall(text))) == sorted(set(PLACEHOLDER.findall(source)))
    assert ("&" in source) == ("(&" in text), "a menu mnemonic is kept as (&X)"
    assert text.count("\n") == source.count("\n")


def test_section_titles_are_the_chinese_ones():
    titles = {s: t.text for c, s, t in messages() if c == "Sections"}
    assert titles == {
        "Overview": "概览",
        "Sales": "销量",
        "Exports": "出口",
        "Innovation": "创新",
        "Partners": "合作伙伴",
    }


def test_who_is_speaking_is_said_in_chinese():
    """The About box and the PDF's Author field say, in Chinese too, that the sheet is unofficial."""
    texts = {(c, s): t.text or "" for c, s, t in messages()}
    author = texts[("Report", "Compiled by the Chery Fact Sheet project from press reports; not affiliated with Chery")]
    assert "与奇瑞无关联" in author and "新闻报道" in author
    about = next(v for (c, s), v in texts.items() if c == "Dialogs" and s.startswith("An unofficial fact sheet"))
    assert "非官方" in about and "与奇瑞无关联" in about and "新闻稿" in about


def test_ts_is_current_and_qm_is_compiled_from_it():
    """Every translate() call in the code is in the .ts, and the .qm is lrelease's output for it
    (the build is reproducible: the same bytes again)."""
    result = subprocess.run(
        [sys.executable, str(TRANSLATIONS / "build.py"), "--check"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("font", [FONT, BOLD], ids=["regular", "bold"])
def test_bundled_font_has_every_character_the_app_draws(qapp, font: Path):
    raw = QtGui.QRawFont(str(font), 12)
    assert raw.isValid() and raw.familyName() == "Noto Sans SC Subset"
    texts = [t.text or "" for _, _, t in messages()]
    texts += [p.read_text(encoding="utf-8") for p in bundled_dir().glob("*.csv")]
    texts.append((bundled_dir() / "datapackage.json").read_text(encoding="utf-8"))
    needed = {ch for text in texts for ch in text if ord(ch) > 0x7F}
    missing = sorted(ch for ch in needed if not raw.supportsCharacter(ord(ch)))
    assert missing == [], f"rebuild the font: python resources/fonts/subset_font.py ({''.join(missing)})"
    assert font.stat().st_size < 400_000


def test_bold_face_has_the_same_characters_and_is_bold(qapp):
    """Qt draws no synthetic bold for an application font: bold Chinese needs a face of its own."""
    regular, heavy = QtGui.QRawFont(str(FONT), 12), QtGui.QRawFont(str(BOLD), 12)
    assert heavy.isValid() and heavy.familyName() == regular.familyName() == "Noto Sans SC Subset"
    assert heavy.weight() >= 700 > regular.weight() and heavy.styleName() == "Bold"
    family = cjk_family()
    assert family == "Noto Sans SC Subset" and set(QtGui.QFontDatabase.styles(family)) >= {"Regular", "Bold"}
    heading = QtGui.QFont(family)
    heading.setWeight(QtGui.QFont.Weight.DemiBold)  # the window's QSS headings: font-weight 600
    assert QtGui.QFontInfo(heading).styleName() == "Bold"


def test_font_licence_ships_with_it():
    assert "SIL OPEN FONT LICENSE" in (FONT.parent / "OFL.txt").read_text(encoding="utf-8").upper()


def test_wheel_carries_the_translations_and_the_font():
    """``resources/`` is mapped into the package (pyproject), so a non-editable install has them."""
    pyproject = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    assert '"resources" = "chery_viewer/resources"' in pyproject
    assert (TRANSLATIONS / "chery_viewer_zh_CN.qm").stat().st_size > 10_000
