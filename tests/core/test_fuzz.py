"""Property: whatever bytes a resource holds, loading gives a FactSheet or a DatasetError.

Two strategies: arbitrary bytes for a whole file, and small byte edits (insert, delete,
replace) of the real files, which keep most of the structure and so reach deeper into
validation. The default run is short; ``CHERY_FUZZ_EXAMPLES=2000`` (as bench/fuzz.sh does)
runs longer.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chery_viewer.core.audit import analyse
from chery_viewer.core.content import build_sections
from chery_viewer.core.dataset import bundled_dir
from chery_viewer.core.errors import DatasetError
from chery_viewer.core.factsheet import load_factsheet

FILES = ["datapackage.json", "sources.csv", "figures.csv", "facts.csv", "partners.csv"]
EXAMPLES = int(os.environ.get("CHERY_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _load_with(name: str, data: bytes) -> None:
    """Load the bundled package with ``name`` replaced by ``data``; only DatasetError may escape."""
    with tempfile.TemporaryDirectory() as tmp:
        package = Path(tmp) / "package"
        shutil.copytree(bundled_dir(), package)
        (package / name).write_bytes(data)
        try:
            sheet = load_factsheet(package)
        except DatasetError as error:
            assert error.file and error.reason
            assert "\n" not in str(error) or name == "datapackage.json"
            return
        build_sections(sheet, analyse(sheet))  # whatever loads must also draw


@FUZZ
@given(name=st.sampled_from(FILES), data=st.binary(max_size=2048))
def test_any_bytes_in_any_resource(name: str, data: bytes) -> None:
    _load_with(name, data)


@st.composite
def edited(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(FILES))
    data = bytearray((bundled_dir() / name).read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        special = st.sampled_from([b",", b'"', b"\n", b"\r\n", b"-1", b"{", b"\xff"])
        chunk = draw(st.binary(min_size=1, max_size=8) | special)
        if action == "insert":
            data[at:at] = chunk
        elif action == "delete":
            del data[at : at + len(chunk)]
        else:
            data[at : at + len(chunk)] = chunk
    return name, bytes(data)


@FUZZ
@given(edit=edited())
def test_small_edits_of_real_files(edit: tuple[str, bytes]) -> None:
    _load_with(*edit)
