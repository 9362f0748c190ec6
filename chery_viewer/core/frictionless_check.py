"""The package's check by frictionless: every resource against the app's schemas, keys and
foreign keys, on private copies of the very bytes that are then loaded.

Out of :mod:`chery_viewer.core.dataset` so that the reading and the rules stand apart;
frictionless itself is imported only when a package is checked (a cache miss).
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from chery_viewer.core.errors import DatasetError, clip


def validate_with_frictionless(
    directory: Path, files: Mapping[str, Path], contents: Mapping[str, bytes], schemas: Mapping[str, Any]
) -> None:
    """Check every resource against the app's schemas, keys and foreign keys.

    Frictionless reads files, not bytes: it is given copies of ``contents``, the very bytes
    that are then loaded, in a private folder. Reading the package's files a second time
    would validate whatever an editor or a sync client saved in between.
    """
    with tempfile.TemporaryDirectory(prefix="chery-viewer-validate-") as private:
        for name, data in contents.items():
            (Path(private) / f"{name}.csv").write_bytes(data)
        _validate_copies(directory, files, Path(private), schemas)


def _validate_copies(directory: Path, files: Mapping[str, Path], copies: Path, schemas: Mapping[str, Any]) -> None:
    from frictionless import FrictionlessException, Package, Resource, Schema

    try:
        package = Package(
            resources=[
                Resource(
                    name=name,
                    path=f"{name}.csv",
                    basepath=str(copies),
                    format="csv",
                    encoding="utf-8",
                    # "subset": every field the app needs must be there, by name, in any order;
                    # extra columns are the user's business.
                    schema=Schema.from_descriptor({**schemas[name], "fieldsMatch": "subset"}),
                )
                for name in files
            ],
            basepath=str(copies),
        )
        report = package.validate()
    except FrictionlessException as exc:
        raise DatasetError(str(directory), f"cannot be validated: {exc.error.note or exc.error.message}") from None
    for task in report.tasks:
        if task.errors:
            name = task.name or ""
            file = str(files.get(name, directory / str(task.place)))
            raise _frictionless_error(file, task.errors[0])


def _frictionless_error(file: str, error: Any) -> DatasetError:
    row = getattr(error, "row_number", None)
    column = getattr(error, "field_name", None) or getattr(error, "label", None)
    cell = getattr(error, "cell", None)
    note = (getattr(error, "note", "") or "").strip()
    kind = error.type
    cell = clip(str(cell)) if cell is not None else ""
    if kind == "type-error":
        reason = f"'{cell}' is not a valid {note.split('/')[0].replace('type is ', '').strip(chr(34))}"
    elif kind == "constraint-error" and column in FIELD_FORMS and ("pattern" in note or "enum" in note):
        reason = f"'{cell}' is not {FIELD_FORMS[column]}"
    elif kind == "constraint-error" and "enum" in note:
        reason = f"'{cell}' is not an allowed value ({clip(note.replace('constraint ', ''), 140)})"
    elif kind == "constraint-error":
        reason = f"'{cell}' breaks a rule: {clip(note)}"
    elif kind == "foreign-key":
        column = "source_id"
        reason = "unknown source: " + note
    elif kind == "primary-key":
        column = "id"
        reason = "duplicate id: " + note
    elif kind in {"missing-label", "blank-label", "duplicate-label", "incorrect-label", "extra-label"}:
        row = 1
        reason = f"{kind.replace('-', ' ')} in the header"
    elif kind in {"missing-cell", "extra-cell", "blank-row"}:
        reason = kind.replace("-", " ")
    else:
        reason = f"{error.title.lower()}{': ' + note if note else ''}"
    return DatasetError(file, reason, row=row, column=column)


#: What a value of these columns must look like, in words (instead of a regular expression).
FIELD_FORMS = {
    "period": "a period such as 2022, 2022-07, 2022-09-16 or 2022-01/2022-08",
    "date": "a date such as 2023, 2023-01 or 2023-01-17",
    "metric": "a name of lower-case letters, digits and underscores",
    "url": "an http:// or https:// address",
}
