"""``--list-charts`` and ``--export-chart``: headless, the window's files, the CLI's exit codes."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui

from chery_viewer.core.content.catalog import CHART_IDS
from chery_viewer.core.factsheet import FactSheet

from .test_cli import one_line_error, run_cli


def test_list_charts_prints_every_id_and_title_without_a_display(tmp_path: Path) -> None:
    result = run_cli("--list-charts", "--lang", "en", cwd=tmp_path, display=False)
    assert result.returncode == 0, result.stderr
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert [ident for ident, _ in lines] == list(CHART_IDS.values())
    assert dict(lines)["sales.annual"] == "Group sales, 2018–2024"
    assert result.stderr == ""


def test_list_charts_in_chinese_keeps_the_ids(tmp_path: Path) -> None:
    result = run_cli("--list-charts", "--lang", "zh_CN", cwd=tmp_path, display=False)
    assert result.returncode == 0, result.stderr
    titles = dict(line.split("\t") for line in result.stdout.splitlines())
    assert list(titles) == list(CHART_IDS.values()) and titles["sales.annual"] == "2018–2024年集团销量"


def test_export_chart_writes_what_the_window_writes(qtbot, sheet: FactSheet, tmp_path: Path) -> None:
    from chery_viewer.ui.main_window import TAB_KEYS, MainWindow
    from chery_viewer.ui.settings import Settings

    for suffix in ("png", "svg", "csv"):
        result = run_cli("--export-chart", "sales.annual", f"cli.{suffix}", "--lang", "en", cwd=tmp_path, display=False)
        assert result.returncode == 0 and result.stdout == result.stderr == "", result.stderr
    settings = Settings(QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.Format.IniFormat))
    window = MainWindow(sheet, settings)
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(TAB_KEYS.index("sales"))
    for suffix in ("png", "svg", "csv"):
        assert (
            window.export_chart_image(str(tmp_path / f"win.{suffix}"))
            if suffix != "csv"
            else (window.export_chart_data(str(tmp_path / "win.csv")))
        )
    assert (tmp_path / "cli.csv").read_bytes() == (tmp_path / "win.csv").read_bytes()
    assert (tmp_path / "cli.svg").read_bytes() == (tmp_path / "win.svg").read_bytes()
    cli_png, win_png = QtGui.QImage(str(tmp_path / "cli.png")), QtGui.QImage(str(tmp_path / "win.png"))
    assert cli_png.size() == win_png.size() and cli_png == win_png
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize("scale", ["2", "3"])
def test_export_chart_png_scale(tmp_path: Path, scale: str) -> None:
    result = run_cli("--export-chart", "sales.months", "m.png", "--scale", scale, cwd=tmp_path, display=False)
    assert result.returncode == 0, result.stderr
    image = QtGui.QImage(str(tmp_path / "m.png"))
    assert (image.width(), image.height()) == (960 * int(scale), 540 * int(scale))


def test_export_chart_in_chinese(tmp_path: Path) -> None:
    result = run_cli("--export-chart", "sales.users", "用户.svg", "--lang", "zh_CN", cwd=tmp_path, display=False)
    assert result.returncode == 0, result.stderr
    root = ET.parse(tmp_path / "用户.svg").getroot()
    ns = "{http://www.w3.org/2000/svg}"
    assert root.findtext(f"{ns}desc", "").startswith("来源：Gulf News，2023-02-03 · 数据截至")
    drawn = "".join(t.text or "" for t in root.iter(f"{ns}text"))  # Qt splits runs by script
    assert "来源：Gulf News，2023-02-03" in drawn and "奇瑞数据概览" in drawn


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--export-chart", "sales.nope", "x.png"], "unknown chart 'sales.nope'"),
        (["--export-chart", "sales.annual", "x.txt"], "x.txt: a chart is written as .png, .svg or .csv"),
        (["--export-chart", "sales.annual", "x.csv", "--scale", "2"], "--scale applies to a PNG image"),
        (["--export-chart", "sales.annual", "missing/x.png"], "the folder missing does not exist"),
        (["--scale", "2"], "--scale goes with --export-chart"),
        (["--export-chart", "sales.annual", "x.png", "--export-pdf", "x.pdf"], "not both"),
    ],
)
def test_bad_export_chart_input_is_one_line_and_exit_2(tmp_path: Path, args: list[str], says: str) -> None:
    (tmp_path / "x.png").write_bytes(b"old")
    line = one_line_error(run_cli(*args, cwd=tmp_path, display=False))
    assert says in line, line
    assert (tmp_path / "x.png").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.png"]
