"""Characters of a fact sheet that no installed font can draw (issue 17: emoji, rare CJK).

Qt draws such a character as nothing at all in the PDF, without a word. The exporter's
caller asks this module which characters those are and says so in one warning line.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterator
from typing import Any

from PySide6 import QtGui

from chery_viewer.core.factsheet import FactSheet


def _texts(value: Any, depth: int = 0) -> Iterator[str]:
    """Every string the sheet's records show (dataclasses, mappings, sequences); fields kept out of
    ``repr`` (indexes, the other languages' texts) are not shown in this language's PDF."""
    if depth > 8:
        return
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            if item.repr and not item.name.startswith("_"):
                yield from _texts(getattr(value, item.name), depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(key, depth + 1)
            yield from _texts(item, depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _texts(item, depth + 1)


def _drawable(ch: str) -> bool:
    return not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Mn", "Me", "Zl", "Zp")


def missing_characters(sheet: FactSheet) -> list[str]:
    """The characters of ``sheet`` that no installed font has (Qt falls back to any that has one).

    Call it after the export has installed the language, which registers the bundled CJK font.
    """
    if QtGui.QGuiApplication.instance() is None:  # no export drew anything; Qt's fonts need the app
        return []
    remaining = {ch for text in _texts(sheet) for ch in text if ord(ch) > 0x7E and _drawable(ch)}
    for family in QtGui.QFontDatabase.families():
        if not remaining:
            break
        font = QtGui.QRawFont.fromFont(QtGui.QFont(family))
        remaining = {ch for ch in remaining if not font.supportsCharacter(ord(ch))}
    return sorted(remaining)


def describe(missing: list[str], limit: int = 5) -> str:
    shown = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in missing[:limit])
    more = f" and {len(missing) - limit} more" if len(missing) > limit else ""
    return f"{len(missing)} character(s) have no glyph in any installed font and are blank in the PDF: {shown}{more}"
