"""The one exception the core raises for a dataset it cannot accept."""

from __future__ import annotations

from dataclasses import dataclass


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
        return f"{', '.join(where)}: {self.reason}"


def clip(text: str, limit: int = 60) -> str:
    """One short line of a possibly long, multi-line value, for an error message."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
