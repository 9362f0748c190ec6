"""The quick looks in examples/ run: each panel opens off-screen, paints once and closes
(the way pyqtgraph tests its example scripts)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from chery_viewer.core.content import SECTION_KEYS

SCRIPT = Path(__file__).resolve().parents[2] / "examples" / "panel_quick_look.py"


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("key", SECTION_KEYS)
def test_panel_quick_look_runs(key: str, lang: str):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, str(SCRIPT), key, "--lang", lang, "--smoke"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{key}: ") and "charts" in result.stdout
    assert "Traceback" not in result.stderr and "Warning" not in result.stderr
