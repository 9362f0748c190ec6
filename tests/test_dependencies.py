"""The PySide6 pin: the build that aborts the interpreter on CPython 3.11 must never be installed.

PySide6-Essentials 6.12.0 drops a reference to ``None`` on every call of a method that returns
nothing when it runs on CPython 3.11; after some thousands of calls the interpreter aborts
(exit 134). pyproject.toml excludes it below Python 3.12.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


@pytest.fixture(scope="module")
def requirements() -> list[Requirement]:
    if not PYPROJECT.is_file():
        pytest.skip("pyproject.toml is not beside the tests (installed package)")
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    return [Requirement(spec) for spec in project["dependencies"]]


def pyside_allowed(requirements: list[Requirement], version: str, python: str) -> bool:
    """Whether pip may install PySide6-Essentials ``version`` on Python ``python`` (e.g. '3.11')."""
    environment = {"python_version": python, "python_full_version": f"{python}.0"}
    applicable = [
        r
        for r in requirements
        if canonicalize_name(r.name) == "pyside6-essentials" and (r.marker is None or r.marker.evaluate(environment))
    ]
    assert applicable, f"no PySide6-Essentials requirement applies on Python {python}"
    return all(r.specifier.contains(version, prereleases=True) for r in applicable)


@pytest.mark.parametrize(
    ("version", "python", "allowed"),
    [
        ("6.12.0", "3.11", False),
        ("6.12.0", "3.12", True),
        ("6.12.0", "3.13", True),
        ("6.11.3", "3.11", True),
        ("6.11.3", "3.12", True),
    ],
)
def test_pyside_pin(requirements: list[Requirement], version: str, python: str, allowed: bool):
    assert pyside_allowed(requirements, version, python) is allowed


def test_essentials_not_the_full_pyside(requirements: list[Requirement]):
    names = {canonicalize_name(r.name) for r in requirements}
    assert "pyside6-essentials" in names
    assert "pyside6" not in names, "the full PySide6 adds hundreds of MB of add-ons the app does not use"


def test_many_void_calls_do_not_abort_the_interpreter(tmp_path: Path):
    code = textwrap.dedent("""
        from PySide6.QtCore import QObject
        obj = QObject()
        for i in range(100_000):
            obj.setObjectName("chery")
        print("done", obj.objectName())
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120, check=False
    )
    assert result.returncode == 0, f"exit {result.returncode} (134 = the PySide6 6.12.0 abort): {result.stderr[-500:]}"
    assert result.stdout.strip() == "done chery"
