"""The damaged-package corpus through the command line: exit 2, one line naming the file, nothing written.

Every entry runs in-process through ``cli.main`` (a dataset error is found before Qt is
imported, and the test makes sure of that by making any Qt import fail), twice: over an
existing PDF, which must stay byte-identical, and to a new name, which must not appear. A
representative handful also runs as real ``python -m chery_viewer`` processes without a
display, started together so that they share the two cores. Harmless variations export a
PDF byte-identical to the bundled package's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from PySide6 import QtWidgets

from chery_viewer import cli
from chery_viewer.report.pdf import export_pdf

from .corpus import DAMAGED as CORPUS
from .corpus import HARMLESS, Entry, build
from .hostile import HOSTILE

DAMAGED = (*CORPUS, *HOSTILE)

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
SENTINEL = b"%PDF-1.4\nan older fact sheet that a failed export must leave alone\n%%EOF\n"
QT_MODULES = (
    "PySide6",
    "pyqtgraph",
    "chery_viewer.ui",
    "chery_viewer.ui.app",
    "chery_viewer.report",
    "chery_viewer.report.pdf",
    "chery_viewer.graphics",
)


def one_line(code: int, out: str, err: str, entry: Entry) -> str:
    """Check the CLI's contract for a damaged dataset; return the error line."""
    assert code == 2, (code, err)
    assert out == ""
    assert "Traceback" not in err
    lines = err.strip("\n").split("\n")
    assert len(lines) == 1, err
    line = lines[0]
    assert not any(unicodedata.category(c) in ("Cc", "Cs") or c in BIDI for c in line), f"raw control: {line!r}"
    assert line.startswith("chery-viewer: dataset error: "), line
    assert entry.names in line, f"the error should name {entry.names!r}: {line}"
    for word in entry.words:
        assert word in line.lower(), f"{word!r} missing from: {line}"
    return line


def snapshot(path: Path) -> dict[str, tuple[int, int, int]]:
    """Every entry under the folder holding ``path``: kind, size and modification time, links not followed."""
    root = path if os.path.isdir(path) and not os.path.islink(path) else path.parent
    if not root.exists():
        return {}
    found = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            full = os.path.join(folder, name)
            st = os.lstat(full)
            found[os.path.relpath(full, root)] = (st.st_mode, st.st_size, st.st_mtime_ns)
    return found


@pytest.fixture
def no_qt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any import of Qt, pyqtgraph or the modules built on them fails during the test.

    Qt is already loaded in this process (pytest-qt), so "not imported" is checked by
    making the import impossible: had the CLI reached the exporter, it would exit 1.
    """
    for name in QT_MODULES:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # restored, whatever the CLI does to it
    monkeypatch.delenv("CHERY_VIEWER_DEBUG", raising=False)


@pytest.mark.parametrize("entry", DAMAGED, ids=str)
def test_damaged_package_in_process(entry: Entry, tmp_path: Path, capsys: pytest.CaptureFixture[str], no_qt) -> None:
    dataset = build(entry, tmp_path / "corpus")
    package_before = snapshot(dataset)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    existing = out_dir / "factsheet.pdf"
    existing.write_bytes(SENTINEL)
    for out in (existing, out_dir / "new.pdf"):
        code = cli.main(["--dataset", str(dataset), "--export-pdf", str(out)])
        captured = capsys.readouterr()
        one_line(code, captured.out, captured.err, entry)
    assert existing.read_bytes() == SENTINEL
    assert sorted(p.name for p in out_dir.iterdir()) == ["factsheet.pdf"], "no new PDF, no temporary file"
    assert snapshot(dataset) == package_before, "nothing written into the package"


def test_the_qt_guard_would_catch_an_import(tmp_path: Path, capsys: pytest.CaptureFixture[str], no_qt) -> None:
    """The guard above is effective: a valid dataset reaches the exporter, and its import fails."""
    assert cli.main(["--export-pdf", str(tmp_path / "factsheet.pdf")]) == 1
    assert "ModuleNotFoundError" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_the_corpus_covers_every_class_of_damage() -> None:
    names = {e.name for e in DAMAGED}
    for prefix in ("descriptor-", "path-", "csv-", "column-", "duplicate-", "foreign-key-", "dataset-", "formula-"):
        assert any(n.startswith(prefix) for n in names), prefix
    assert len(names) == len(DAMAGED), "entry names are unique"
    assert {"crlf-line-endings", "utf8-bom", "reordered-columns"} <= {e.name for e in HARMLESS}


# -- real processes, no display -----------------------------------------------------------------

SUBPROCESS_DAMAGED = (
    "descriptor-truncated",
    "path-absolute",
    "csv-oversize",
    "text-in-number",
    "foreign-key-figures",
    "dataset-does-not-exist",
    "dataset-name-too-long",
    "cell-with-terminal-escapes",
    "title-lone-surrogate",
    "descriptor-number-of-5000-digits",
)
SUBPROCESS_HARMLESS = "reordered-crlf-bom"


def _env_without_display() -> dict[str, str]:
    drop = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "CHERY_VIEWER_DEBUG")
    return {k: v for k, v in os.environ.items() if k not in drop}


@pytest.fixture(scope="module")
def subprocess_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[subprocess.CompletedProcess, Path]]:
    """Start one ``python -m chery_viewer --export-pdf`` per chosen entry, all at once, and wait."""
    root = tmp_path_factory.mktemp("cli-corpus")
    entries = {e.name: e for e in (*DAMAGED, *HARMLESS)}
    running = {}
    for i, name in enumerate((*SUBPROCESS_DAMAGED, SUBPROCESS_HARMLESS)):
        dataset = build(entries[name], root / "corpus")
        out_dir = root / "out" / name
        out_dir.mkdir(parents=True)
        out = out_dir / "factsheet.pdf"
        if i % 2 == 0 or name == SUBPROCESS_HARMLESS:
            out.write_bytes(SENTINEL)  # half of them over an existing file, half to a new one
        args = [sys.executable, "-m", "chery_viewer", "--dataset", str(dataset), "--export-pdf", str(out)]
        process = subprocess.Popen(
            args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env_without_display(), cwd=out_dir
        )
        running[name] = (process, args, out)
    results = {}
    for name, (process, args, out) in running.items():
        stdout, stderr = process.communicate(timeout=180)
        results[name] = (subprocess.CompletedProcess(args, process.returncode, stdout, stderr), out)
    return results


@pytest.mark.parametrize("name", SUBPROCESS_DAMAGED)
def test_damaged_package_in_a_process_without_display(subprocess_runs, name: str) -> None:
    result, out = subprocess_runs[name]
    entry = next(e for e in DAMAGED if e.name == name)
    one_line(result.returncode, result.stdout, result.stderr, entry)
    existed = SUBPROCESS_DAMAGED.index(name) % 2 == 0
    assert sorted(p.name for p in out.parent.iterdir()) == (["factsheet.pdf"] if existed else [])
    if existed:
        assert out.read_bytes() == SENTINEL


def test_harmless_variation_in_a_process_without_display(subprocess_runs, bundled_pdf: bytes) -> None:
    result, out = subprocess_runs[SUBPROCESS_HARMLESS]
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert out.read_bytes() == bundled_pdf
    assert [p.name for p in out.parent.iterdir()] == ["factsheet.pdf"]


# -- harmless variations in-process ------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled_pdf(qapp: QtWidgets.QApplication, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    from chery_viewer.core.factsheet import load_factsheet

    return export_pdf(load_factsheet(), tmp_path_factory.mktemp("bundled") / "bundled.pdf").read_bytes()


@pytest.mark.parametrize("entry", HARMLESS, ids=str)
def test_harmless_variation_exports_the_same_pdf(
    entry: Entry,
    tmp_path: Path,
    bundled_pdf: bytes,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    dataset = build(entry, tmp_path / "corpus")
    out = tmp_path / "out" / "factsheet.pdf"
    out.parent.mkdir()
    assert cli.main(["--dataset", str(dataset), "--export-pdf", str(out)]) == 0
    assert capsys.readouterr() == ("", "")
    assert out.read_bytes() == bundled_pdf, "the same figures, so the very same document"
    assert [p.name for p in out.parent.iterdir()] == ["factsheet.pdf"]
