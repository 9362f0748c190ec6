"""The core stays free of Qt, and the start-up path stays free of frictionless.

Checked in fresh interpreters: in the test process pytest-qt has already imported Qt.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from .conftest import PackageCopy

FORBIDDEN = ("PySide6", "shiboken6", "pyqtgraph", "chery_viewer.ui", "chery_viewer.report", "chery_viewer.graphics")


def run_python(code: str, cwd: Path) -> dict:
    """Run ``code`` in a fresh interpreter; it must print one JSON object as its last line."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONSTARTUP"}
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


HELPERS = f"""
import importlib, json, pkgutil, sys
FORBIDDEN = {FORBIDDEN!r}
def forbidden():
    return sorted(m for m in sys.modules if any(m == f or m.startswith(f + ".") for f in FORBIDDEN))
"""


def test_core_modules_import_no_qt(tmp_path: Path):
    out = run_python(
        HELPERS
        + """
import chery_viewer.core as core
names = [m.name for m in pkgutil.iter_modules(core.__path__)]
for name in names:
    importlib.import_module("chery_viewer.core." + name)
import chery_viewer.cli
print(json.dumps({"modules": names, "forbidden": forbidden(), "frictionless": "frictionless" in sys.modules}))
""",
        tmp_path,
    )
    assert {"dataset", "factsheet", "audit", "content", "formatting", "periods", "errors"} <= set(out["modules"])
    assert out["forbidden"] == []
    assert out["frictionless"] is False, "importing the core must not import frictionless"


def test_startup_path_imports_neither_qt_nor_frictionless(tmp_path: Path):
    out = run_python(
        HELPERS
        + """
from chery_viewer.core.dataset import load_package
from chery_viewer.core.factsheet import load_factsheet
from chery_viewer.core.content import build_sections
package = load_package()
sections = build_sections(load_factsheet())
print(json.dumps({"validated_by": package.validated_by, "sections": len(sections),
                  "forbidden": forbidden(), "frictionless": "frictionless" in sys.modules}))
""",
        tmp_path,
    )
    assert out["validated_by"] == "bundled digest"
    assert out["sections"] == 5
    assert out["forbidden"] == []
    assert out["frictionless"] is False


def test_modified_copy_is_validated_with_frictionless(package_copy: PackageCopy, tmp_path: Path):
    package_copy.write("figures.csv", package_copy.read("figures.csv").replace(b"\n", b"\r\n"))
    out = run_python(
        HELPERS
        + f"""
from chery_viewer.core.dataset import load_package
package = load_package({str(package_copy.dir)!r})
print(json.dumps({{"validated_by": package.validated_by, "forbidden": forbidden(),
                   "frictionless": "frictionless" in sys.modules}}))
""",
        tmp_path,
    )
    assert out["validated_by"] == "frictionless"
    assert out["frictionless"] is True
    assert out["forbidden"] == []
