"""Characters of a fact sheet that no installed font can draw (issue 17: emoji, rare CJK).

Qt draws such a character as nothing at all in the PDF, without a word. The exporter's
caller asks this module which characters those are and says so in one warning line.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterable, Iterator
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


def missing_characters(sheet: FactSheet, families: Iterable[str]) -> list[str]:
    """The characters of ``sheet`` that neither ``families`` nor any other installed font has."""
    wanted = {ch for text in _texts(sheet) for ch in text if ord(ch) > 0x7E and _drawable(ch)}
    if not wanted:
        return []
    preferred = [QtGui.QRawFont.fromFont(QtGui.QFont(f)) for f in families]
    missing = sorted(ch for ch in wanted if not any(font.supportsCharacter(ord(ch)) for font in preferred))
    if missing:  # Qt falls back to any installed font that has the character
        others = [QtGui.QRawFont.fromFont(QtGui.QFont(f)) for f in QtGui.QFontDatabase.families()]
        missing = [ch for ch in missing if not any(font.supportsCharacter(ord(ch)) for font in others)]
    return missing


def describe(missing: list[str], limit: int = 5) -> str:
    shown = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in missing[:limit])
    more = f" and {len(missing) - limit} more" if len(missing) > limit else ""
    return f"{len(missing)} character(s) have no glyph in any installed font and are blank in the PDF: {shown}{more}"
