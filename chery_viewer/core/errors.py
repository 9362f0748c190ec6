"""The one exception the core raises for a dataset it cannot accept."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

#: Bidirectional overrides and isolates: text after them is shown reversed or moved.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@dataclass(frozen=True)
class DatasetError(Exception):
    """A problem in a data package, located as precisely as the problem allows.

    ``row`` counts lines of the file as a spreadsheet does (the header is row 1),
    so the number matches what a user sees when they open the CSV. ``column`` names a CSV
    column; ``field`` a field of the package descriptor (datapackage.json), which has none.
    """

    file: str
    reason: str
    row: int | None = None
    column: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        if self.field:
            where.append(f"field '{self.field}'")
        return printable(f"{', '.join(where)}: {self.reason}")


def printable(text: str) -> str:
    """``text`` safe to print on a terminal or show in a dialog: every control character escaped.

    A dataset's cell or a file name may hold escape sequences that retitle the terminal or
    clear it, line separators, bidirectional overrides that reorder what follows, or lone
    surrogates that cannot be encoded; each is written as ``\\x1b``, ``\\u202e`` and so on.
    """
    if text.isprintable():
        return text
    return "".join(_escape(ch) if _unsafe(ch) else ch for ch in text)


def _unsafe(ch: str) -> bool:
    return ch != " " and (unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") or ch in _BIDI)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clip(text: str, limit: int = 60) -> str:
    """One short line of a possibly long, multi-line value, for an error message."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
