"""The installed app read through a real accessibility bus, the way Orca reads it.

The installed ``chery-viewer`` runs under Xvfb inside its own D-Bus session
(``dbus-run-session``) with AT-SPI (``at-spi2-core``) and ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1``;
the system python3 with Debian's ``python3-pyatspi`` dumps the window's tree. The names and
descriptions it finds must be the texts the dataset gives (``core.content.accessible``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from chery_viewer.core.content import build_document
from chery_viewer.core.content.accessible import chart_text, kpi_text
from chery_viewer.core.factsheet import FactSheet

HERE = Path(__file__).parent
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = Path("/usr/bin/python3")


def _missing_tools() -> str:
    for tool in ("dbus-run-session", "xvfb-run"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (bash .ci/system-deps)"
    if not BUS_LAUNCHER.exists():
        return "at-spi2-core is not installed (bash .ci/system-deps)"
    probe = subprocess.run([str(SYSTEM_PYTHON), "-c", "import pyatspi"], capture_output=True, check=False)
    if probe.returncode != 0:
        return "the system python3 has no pyatspi (python3-pyatspi; bash .ci/system-deps)"
    return ""


def _installed_app() -> Path:
    """The ``chery-viewer`` command installed beside the interpreter running the tests."""
    return Path(sys.executable).parent / "chery-viewer"


def _tree(tmp_path: Path, wanted: str) -> list[dict]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DBUS_", "AT_SPI"))}
    env.update(
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_RUNTIME_DIR=str(tmp_path / "run"),
        LANG="C.UTF-8",
    )
    (tmp_path / "run").mkdir(mode=0o700)
    command = [
        "xvfb-run",
        "-a",
        "-s",
        "-screen 0 1366x768x24",
        "dbus-run-session",
        "--",
        str(HERE / "session.sh"),
        str(HERE / "atspi_dump.py"),
        wanted,
        str(_installed_app()),
        "--lang",
        "en",
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def test_installed_app_reads_out_the_figures_over_at_spi(tmp_path: Path, sheet: FactSheet):
    problem = _missing_tools()
    if problem:
        pytest.skip(problem)
    assert _installed_app().exists(), "chery-viewer is not installed in this environment"
    overview = build_document(sheet).section("overview")
    kpis = [kpi_text(k) for k in overview.kpis]
    nodes = _tree(tmp_path, kpis[0].name)
    by_name = {n["name"]: n for n in nodes}

    # Every KPI card of the first tab, by its plain-text name; its description is the tooltip's text, no markup.
    for spoken in kpis:
        assert spoken.name in by_name, f"no node named {spoken.name!r}"
        description = by_name[spoken.name]["description"]
        assert description and "<" not in description and "http" not in description
    assert "Group sales, 1,232,727 vehicles, 2022, up 28.2% year on year, source Gulf News" in by_name

    # Every chart is one node of role chart (no unnamed fillers), named by its title and described by
    # the generated summary; the overview's trend chart first.
    texts = {s.title: chart_text(s) for section in build_document(sheet).sections for s in section.charts}
    charts = [n for n in nodes if n["role"] == "chart"]
    assert charts and charts[0]["name"] == overview.charts[0].title
    for node in charts:
        assert node["description"] == texts[node["name"]].description
    assert "highest 2024 at 2,603,916 vehicles" in charts[0]["description"]
