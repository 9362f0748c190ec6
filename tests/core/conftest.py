"""Fixtures for the core tests: the bundled fact sheet, and editable copies of its package.

Qt-free on purpose: nothing here may pull PySide6 or pyqtgraph into the test process.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from chery_viewer.core.dataset import bundled_dir


class PackageCopy:
    """A copy of the bundled data package in a temporary folder, with small editing helpers."""

    def __init__(self, directory: Path) -> None:
        self.dir = directory

    def path(self, name: str) -> Path:
        return self.dir / name

    def read(self, name: str) -> bytes:
        return self.path(name).read_bytes()

    def write(self, name: str, data: bytes) -> None:
        self.path(name).write_bytes(data)

    def replace(self, name: str, old: str, new: str) -> None:
        """Replace the first occurrence of ``old``; fail loudly if it is not there."""
        text = self.read(name).decode("utf-8")
        assert old in text, f"{old!r} not found in {name}"
        self.write(name, text.replace(old, new, 1).encode("utf-8"))

    def line_of(self, name: str, prefix: str) -> int:
        """1-based line number (header = 1) of the first line starting with ``prefix``."""
        for number, line in enumerate(self.read(name).decode("utf-8").splitlines(), start=1):
            if line.startswith(prefix):
                return number
        raise AssertionError(f"no line starting with {prefix!r} in {name}")

    def edit_descriptor(self, change: Callable[[dict[str, Any]], None]) -> None:
        descriptor = json.loads(self.read("datapackage.json"))
        change(descriptor)
        self.write("datapackage.json", json.dumps(descriptor, indent=2).encode("utf-8"))

    def resource(self, descriptor: dict[str, Any], name: str) -> dict[str, Any]:
        return next(r for r in descriptor["resources"] if r["name"] == name)

    def rows(self, name: str) -> list[list[str]]:
        return list(csv.reader(io.StringIO(self.read(name).decode("utf-8"))))

    def write_rows(self, name: str, rows: list[list[str]]) -> None:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        self.write(name, out.getvalue().encode("utf-8"))

    def drop_row(self, name: str, row_id: str) -> None:
        rows = self.rows(name)
        kept = [r for r in rows if r[0] != row_id]
        assert len(kept) == len(rows) - 1, f"no row {row_id!r} in {name}"
        self.write_rows(name, kept)


@pytest.fixture
def package_copy(tmp_path: Path) -> PackageCopy:
    """A byte-identical copy of the bundled package; edit it to build a damaged one."""
    target = tmp_path / "package"
    shutil.copytree(bundled_dir(), target)
    return PackageCopy(target)
