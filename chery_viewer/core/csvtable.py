"""One CSV table of the data package, parsed and typed by its Table Schema.

Every bad cell becomes a ``DatasetError`` naming the file, row and column.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from chery_viewer.core.errors import DatasetError, clip


def read_table(text: str, label: str, schema: Mapping[str, Any], full: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """Parse CSV text into a frame typed by the Table Schema, columns in schema order.

    ``full`` is the schema with the translations of every language the app has: a column
    of one the package does not declare is refused rather than silently ignored.

    Parsed with the csv module and converted cell by cell: for tables of this size that is
    several times faster than pandas' reader, whose fixed costs dominate small files, and
    no slower for the largest files the loader accepts.
    """
    # The csv module's limit on a cell (131,072 characters) is raised for the whole process
    # when frictionless is imported, which a cache hit skips: the reader sets its own, as long
    # as the text, so a package is accepted or refused the same either way.
    csv.field_size_limit(max(len(text) + 1, 131_072))
    # Blanks after a comma are skipped by the reader; trailing blanks are stripped only where
    # they matter (numbers and flags), so large text columns are not copied cell by cell.
    reader = csv.reader(io.StringIO(text, newline=""), skipinitialspace=True)
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise DatasetError(label, f"not a readable CSV table ({exc})", row=reader.line_num) from None
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise DatasetError(label, "has no header row", row=1)
    header = [cell.strip() for cell in rows[0]]
    body = [row for row in rows[1:] if row]  # a blank line is no record
    _check_delimiter(header, label, len(schema["fields"]))
    wanted = {f["name"] for f in schema["fields"]}
    for name in (f["name"] for f in (full or schema)["fields"] if f["name"] not in wanted and f["name"] in header):
        tag = name.partition("@")[2]
        raise DatasetError(label, f"is a {tag} translation, but the package's 'languages' does not list {tag}",
                           row=1, column=name)  # fmt: skip
    for number, row in enumerate(body, start=2):
        if len(row) != len(header):
            raise DatasetError(label, f"has {len(row)} cells where the header has {len(header)}", row=number)
    columns: dict[str, Any] = {}
    for field in schema["fields"]:
        name = field["name"]
        original, _, language = name.partition("@")
        if name not in header:
            reason = "column is missing from the header"
            if language:
                reason += f"; the package declares the language {language}, so '{original}' needs this translation"
            raise DatasetError(label, reason, row=1, column=name)
        at = header.index(name)
        columns[name] = _typed([row[at] for row in body], field, label)
        if language and original in columns:
            for i, (text, translated) in enumerate(zip(columns[original], columns[name], strict=True)):
                if text.strip() and not translated.strip():
                    raise DatasetError(
                        label, f"'{original}' has text but its {language} translation is empty", row=i + 2, column=name
                    )
    return pd.DataFrame(columns)


_DELIMITERS = {"\t": "tabs", ";": "semicolons", "|": "vertical bars"}


def _check_delimiter(header: list[str], label: str, wanted: int) -> None:
    """A table saved with another separator (a TSV, a spreadsheet's semicolons) is named as such."""
    if len(header) * 2 > wanted:
        return
    line = ",".join(header)
    counts = {sep: line.count(sep) for sep in _DELIMITERS}
    sep = max(counts, key=lambda k: counts[k])
    if counts[sep] + 1 >= wanted // 2:
        raise DatasetError(label, f"its columns are separated by {_DELIMITERS[sep]}; the app reads CSV "
                           "separated by commas (save it as CSV, comma-separated)", row=1)  # fmt: skip


_BOOLEANS = {"true": True, "True": True, "TRUE": True, "1": True, "yes": True,
             "false": False, "False": False, "FALSE": False, "0": False, "no": False}  # fmt: skip


def _typed(values: list[str], field: Mapping[str, Any], label: str) -> Any:
    """One column converted to its schema type; the first bad cell becomes a DatasetError."""
    kind, name = field.get("type", "string"), field["name"]
    if kind != "string":
        values = [v.strip() for v in values]
    if field.get("constraints", {}).get("required", False) and "" in values:  # the reader drops leading blanks
        raise DatasetError(label, "a value is required", row=values.index("") + 2, column=name)
    if kind == "string":
        return values
    if kind == "boolean":
        flags = [_BOOLEANS.get(v) for v in values]
        for i, (v, flag) in enumerate(zip(values, flags, strict=True)):
            if v and flag is None:
                raise DatasetError(label, f"'{clip(v)}' is not true or false", row=i + 2, column=name)
        return pd.array(flags, dtype="boolean")
    numbers: list[float | None] = []
    for i, v in enumerate(values):
        number = _number(v) if v else None
        if v and (number is None or (kind == "integer" and not number.is_integer())):
            expected = "a whole number" if kind == "integer" else "a number"
            raise DatasetError(label, f"'{clip(v)}' is not {expected}", row=i + 2, column=name)
        numbers.append(number)
    if kind == "integer":
        return pd.array([None if n is None else int(n) for n in numbers], dtype="Int64")
    return pd.array(numbers, dtype="float64")


def _number(text: str) -> float | None:
    """A finite decimal number written plainly (no '1_000', 'nan' or 'inf'), else None."""
    if "_" in text:
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None
