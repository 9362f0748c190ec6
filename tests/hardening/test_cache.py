"""Defects 2, 5, 6 and part of 14 of issue 17: the validation cache.

The cache remembers that a package passed frictionless' validation. It must remember only
bytes that were validated (a file saved by an editor while the package is opened must not
be cached valid), under rules that cover the app's and frictionless' versions; a special
file at its path must not hang the app or be replaced; a cache hit must not change what
is accepted; and it must not be written outside a real home folder.
"""

from __future__ import annotations

import csv
import importlib.metadata
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from chery_viewer.core import dataset
from chery_viewer.core.dataset import load_package

from .corpus import copy_package, set_cell
from .held import release, start

CACHE_NAME = "validated-packages.txt"
BAD_METRIC = "Group Sales!"  # breaks the schema's pattern, which only frictionless checks


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CHERY_VIEWER_CACHE_DIR", str(folder))
    return folder


def _export(package: Path, out: Path, cache: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CHERY_VIEWER_CACHE_DIR": str(cache)}
    return subprocess.run(
        [sys.executable, "-m", "chery_viewer", "--dataset", str(package), "--export-pdf", str(out)],
        capture_output=True, text=True, env=env, timeout=timeout,
    )  # fmt: skip


def _note(package: Path, text: str) -> None:
    set_cell(package, "figures.csv", "sales_2021", "note", text)
    set_cell(package, "figures.csv", "sales_2021", "note@zh-CN", "我们自己的注释。")


# -- 2: a package that changes while it is opened ------------------------------------------------


def test_a_file_fixed_while_opening_does_not_get_its_broken_bytes_cached(tmp_path: Path) -> None:
    """The loader reads a broken figures.csv; before frictionless reads it, an editor saves the fixed one.

    What is loaded is the broken bytes, so they must be the ones validated: the export fails,
    and a later run on the broken file (put back) is not let through by the cache either.
    """
    package = copy_package(tmp_path)
    good = (package / "figures.csv").read_bytes()
    set_cell(package, "figures.csv", "sales_2021", "metric", BAD_METRIC)
    bad = (package / "figures.csv").read_bytes()
    cache_dir, hold, out = tmp_path / "cache", tmp_path / "hold", tmp_path / "out.pdf"
    process = start(
        ["-m", "chery_viewer", "--dataset", str(package), "--export-pdf", str(out)], "validate", hold, tmp_path,
        CHERY_VIEWER_CACHE_DIR=str(cache_dir),
    )  # fmt: skip
    (package / "figures.csv").write_bytes(good)  # the editor saves
    release(hold)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 2, stderr
    assert "figures.csv" in stderr and "metric" in stderr, stderr
    assert not out.exists()

    (package / "figures.csv").write_bytes(bad)
    again = _export(package, out, cache_dir)
    assert again.returncode == 2 and "metric" in again.stderr, again.stderr


def test_a_file_broken_while_opening_is_loaded_as_read(tmp_path: Path) -> None:
    """The other way round: valid bytes read, then the file broken: the valid bytes are loaded and validated."""
    package = copy_package(tmp_path)
    hold, out = tmp_path / "hold", tmp_path / "out.pdf"
    process = start(
        ["-m", "chery_viewer", "--dataset", str(package), "--export-pdf", str(out)], "validate", hold, tmp_path,
        CHERY_VIEWER_CACHE_DIR=str(tmp_path / "cache"),
    )  # fmt: skip
    set_cell(package, "figures.csv", "sales_2021", "metric", BAD_METRIC)
    release(hold)
    _, stderr = process.communicate(timeout=120)
    assert (process.returncode, stderr) == (0, "")
    assert out.read_bytes().startswith(b"%PDF-")


def test_the_cache_key_covers_the_validators_version(tmp_path: Path, cache: Path, monkeypatch) -> None:
    package = copy_package(tmp_path)
    _note(package, "A note of our own.")
    assert load_package(package).validated_by == "frictionless"
    assert load_package(package).validated_by == "frictionless, earlier run"
    real = importlib.metadata.version
    monkeypatch.setattr(
        importlib.metadata, "version", lambda name: "0.0.1" if name == "frictionless" else real(name)
    )
    assert load_package(package).validated_by == "frictionless", "a verdict of another frictionless was reused"
    monkeypatch.setattr(importlib.metadata, "version", real)
    monkeypatch.setattr(dataset, "__version__", "0.0.1-other")
    assert load_package(package).validated_by == "frictionless", "a verdict of another app version was reused"


# -- 5: a special file at the cache path -----------------------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "link-to-dev-zero", "huge-file"])
def test_a_special_file_at_the_cache_path_neither_hangs_nor_is_replaced(tmp_path: Path, kind: str) -> None:
    package = copy_package(tmp_path)
    _note(package, "A note of our own.")  # not the bundled digest
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    path = cache_dir / CACHE_NAME
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "link-to-dev-zero":
        path.symlink_to("/dev/zero")
    else:
        with open(path, "wb") as handle:
            handle.truncate(2 * 1024**3)  # sparse: costs nothing on disk
    result = _export(package, tmp_path / "out.pdf", cache_dir, timeout=90)
    assert (result.returncode, result.stderr) == (0, "")
    if kind == "fifo":
        assert stat.S_ISFIFO(os.lstat(path).st_mode)
    elif kind == "link-to-dev-zero":
        assert path.is_symlink() and os.readlink(path) == "/dev/zero"
    assert sorted(p.name for p in cache_dir.iterdir()) == [CACHE_NAME]


# -- 6: csv.field_size_limit -----------------------------------------------------------------------


def test_a_long_cell_loads_the_same_with_and_without_the_cache(tmp_path: Path, cache: Path) -> None:
    """Importing frictionless raises the csv module's field limit for the process; a cache hit skips
    that import, so the loader must set the limit itself (a fresh process starts with 131,072)."""
    package = copy_package(tmp_path)
    long_note = "A long note. " * 20_000  # 260,000 characters, far inside the file size limit
    csv.field_size_limit(1_000_000)  # for the test's own editing of the CSV
    _note(package, long_note)
    first = load_package(package)
    assert first.validated_by == "frictionless"
    csv.field_size_limit(131_072)  # what a new process has before frictionless is imported
    second = load_package(package)
    assert second.validated_by == "frictionless, earlier run"
    assert second.tables["figures"]["note"].tolist() == first.tables["figures"]["note"].tolist()


# -- 14: where the cache lives ----------------------------------------------------------------------


def _use_home(monkeypatch: pytest.MonkeyPatch, home: str | None, xdg: str | None) -> None:
    monkeypatch.delenv("CHERY_VIEWER_CACHE_DIR", raising=False)
    for key, value in (("HOME", home), ("XDG_CACHE_HOME", xdg)):
        if value is None:
            monkeypatch.delenv(key, raising=False)
        else:
            monkeypatch.setenv(key, value)


def _own_package(tmp_path: Path) -> Path:
    package = copy_package(tmp_path)
    _note(package, "A note of our own.")
    return package


def test_an_empty_home_writes_no_cache_at_the_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    before = os.path.exists("/.cache/chery-viewer")
    _use_home(monkeypatch, "", None)
    assert load_package(_own_package(tmp_path)).validated_by == "frictionless"
    assert os.path.exists("/.cache/chery-viewer") == before
    assert not (tmp_path / ".cache").exists()


def test_a_missing_home_is_not_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "gone" / "home"
    _use_home(monkeypatch, str(missing), None)
    load_package(_own_package(tmp_path))
    assert not (tmp_path / "gone").exists()


def test_a_relative_xdg_cache_home_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The XDG base directory spec: a relative path in these variables is invalid and must be ignored."""
    home = tmp_path / "home"
    home.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    _use_home(monkeypatch, str(home), "relative-cache")
    package = _own_package(tmp_path)
    load_package(package)
    assert not (work / "relative-cache").exists()
    assert (home / ".cache" / "chery-viewer" / CACHE_NAME).is_file()
    assert load_package(package).validated_by == "frictionless, earlier run"
