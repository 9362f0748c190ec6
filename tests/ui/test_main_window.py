"""The window as a user drives it: tabs, shortcuts, datasets, settings, chart exports.

Every action goes through the events a user causes: key presses and menus by their
mnemonics, clicks on the tab bar and on a chart, and the file dialogs and message boxes
answered through their widgets while they run (see :mod:`tests.ui.events`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.content.context import Context
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.ui.chart_export import export_chart
from chery_viewer.ui.charts import ChartView
from chery_viewer.ui.dialogs import AuditDialog, DatasetFileDialog, SourcesDialog
from chery_viewer.ui.main_window import TAB_KEYS, MainWindow
from chery_viewer.ui.settings import Settings

from .events import (
    POPUP_WARNINGS,
    Key,
    Mod,
    click,
    click_button,
    click_menu_action,
    click_tab,
    escape,
    in_turn,
    menu_item,
    message_text,
    point_at,
    press,
    show,
    type_file_name,
)

pytestmark = pytest.mark.qt_log_ignore(*POPUP_WARNINGS)
Button = QtWidgets.QDialogButtonBox.StandardButton
SLOW = 60_000  # a load or an export on a slow, shared machine


@pytest.fixture(autouse=True)
def _no_native_dialogs() -> None:
    QtCore.QCoreApplication.setAttribute(QtCore.Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)


def _ctrl(window: MainWindow, number: int) -> None:
    press(window, QtCore.Qt.Key(Key.Key_0 + number), Mod.ControlModifier)


def _save_as(path: Path) -> tuple[type, object]:
    """The step of :func:`in_turn` that answers a save dialog with ``path``."""
    return (QtWidgets.QFileDialog, lambda d: type_file_name(d, str(path)))


def _replace_it() -> tuple[type, object]:
    """The step that answers "… already exists. Do you want to replace it?" with Yes."""
    return (QtWidgets.QMessageBox, lambda box: click_button(box, Button.Yes))


def _read_and_close(into: list[str]) -> tuple[type, object]:
    """The step that reads a message box, then closes it with Escape."""
    return (QtWidgets.QMessageBox, lambda box: (into.append(message_text(box)), escape(box)))


def _export_chart_data(qtbot, window: MainWindow, *steps: tuple[type, object]) -> list[str]:
    """File → Export chart data…, answered by ``steps``; returns the dialogs that came."""
    came = in_turn(qtbot, *steps)
    menu_item(qtbot, window, "f", "d")
    qtbot.waitUntil(lambda: len(came) == len(steps), timeout=SLOW)
    show(qtbot, window)  # active again, as a window manager makes it once its dialog closes
    return came


def _open_dataset(qtbot, window: MainWindow, path: Path, *then: tuple[type, object]) -> list[str]:
    """File → Open dataset… (Ctrl+O) with ``path`` typed into its dialog, then ``then``."""
    came = in_turn(qtbot, (DatasetFileDialog, lambda d: type_file_name(d, str(path))), *then)
    press(window, Key.Key_O, Mod.ControlModifier)  # returns once the loader thread's verdict is shown
    qtbot.waitUntil(lambda: len(came) == 1 + len(then), timeout=SLOW)
    show(qtbot, window)
    return came


def _shown_kpi(window: MainWindow) -> str:
    card = window.current_panel().kpi_cards[0]
    assert card.value_label.isVisible()
    return card.value_label.text()


def test_title_tabs_and_status_bar(qtbot, window: MainWindow) -> None:
    show(qtbot, window)
    assert window.windowTitle() == "Chery Group Fact Sheet 2022"
    bar = window.tabs.tabBar()
    assert bar.isVisible()
    assert [bar.tabText(i) for i in range(bar.count())] == ["Overview", "Sales", "Exports", "Innovation", "Partners"]
    status = window.status_label.text()
    assert window.status_label.isVisible()
    assert "Chery Group Fact Sheet 2022" in status and "version 1.0.0" in status and "as of" in status


def test_panels_are_built_lazily(qtbot, window: MainWindow) -> None:
    assert list(window.panels) == ["overview"]  # built, not shown yet: only the first tab
    show(qtbot, window)
    click_tab(window.tabs, 3)
    assert window.tabs.currentIndex() == 3
    panel = window.panels["innovation"]
    assert panel.content.key == "innovation" and panel.isVisible()


def test_a_tab_opened_while_its_panel_is_built_ahead_shows_the_whole_panel(qtbot, window: MainWindow) -> None:
    """After the first frame the other tabs are built a part per event-loop turn; a user who
    presses Ctrl+2 halfway through gets the Sales tab complete, not the part built so far."""
    show(qtbot, window)
    qtbot.waitUntil(lambda: "sales" in window._building and len(window._building["sales"].charts) > 0, timeout=SLOW)
    partial = window._building["sales"]
    assert not partial.complete and len(partial.charts) < len(partial.content.charts)
    _ctrl(window, 2)
    panel = window.panels["sales"]
    assert panel is partial and panel.complete and panel.isVisible()
    assert len(panel.charts) == len(panel.content.charts) and panel.tables
    assert all(chart.isVisible() for chart in panel.charts)
    qtbot.waitUntil(lambda: len(window.panels) == len(TAB_KEYS), timeout=SLOW)  # the rest still come
    assert window._building == {}


@pytest.mark.parametrize("index", range(5))
def test_ctrl_number_switches_tab(qtbot, window: MainWindow, index: int) -> None:
    show(qtbot, window)
    _ctrl(window, 5 - index)
    assert window.tabs.currentIndex() == 4 - index
    assert window.tab_actions[index].shortcut().toString() == f"Ctrl+{index + 1}"
    _ctrl(window, index + 1)
    assert window.tabs.currentIndex() == index
    assert window.panels[TAB_KEYS[index]].isVisible()


def test_standard_shortcuts(window: MainWindow) -> None:
    shortcuts = {a.text().replace("&", ""): a.shortcut().toString() for a in window.actions()}
    assert shortcuts["Open dataset…"] == "Ctrl+O"
    assert shortcuts["Export PDF…"] == "Ctrl+E"
    assert shortcuts["Print…"] == "Ctrl+P"
    assert shortcuts["Quit"] == "Ctrl+Q"
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["File", "View", "Help"]


def test_bad_dataset_shows_dialog_and_keeps_current_data(qtbot, window: MainWindow, package_copy: Path) -> None:
    show(qtbot, window)
    figures = package_copy / "figures.csv"
    lines = figures.read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace("1232727", "lots")
    figures.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = window.sheet
    shown: list[str] = []
    came = _open_dataset(qtbot, window, package_copy, _read_and_close(shown))
    assert came == ["DatasetFileDialog", "QMessageBox"]
    assert "figures.csv" in shown[0] and "row 5" in shown[0] and "'value'" in shown[0]
    assert "current one stays open" in shown[0]
    assert window.sheet is before
    assert window.windowTitle() == "Chery Group Fact Sheet 2022"
    assert _shown_kpi(window) == "1,232,727"


def test_open_dataset_replaces_the_sheet(qtbot, window: MainWindow, package_copy: Path, errors: list[str]) -> None:
    show(qtbot, window)
    descriptor = json.loads((package_copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["title"] = "Edited Fact Sheet"
    (package_copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    figures = package_copy / "figures.csv"
    figures.write_text(figures.read_text(encoding="utf-8").replace("1232727", "1232728", 1), encoding="utf-8")
    with_signal: list[bool] = []
    window.sigSheetChanged.connect(lambda: with_signal.append(True))
    assert _open_dataset(qtbot, window, package_copy / "datapackage.json") == ["DatasetFileDialog"]
    qtbot.waitUntil(lambda: window.windowTitle() == "Edited Fact Sheet", timeout=SLOW)
    qtbot.waitUntil(lambda: window.current_panel().kpi_cards[0].value_label.isVisible(), timeout=SLOW)
    assert _shown_kpi(window) == "1,232,728"
    assert with_signal == [True]
    assert errors == []  # no message box came


def test_settings_round_trip(qtbot, sheet: FactSheet, settings: Settings, tmp_path: Path) -> None:
    first = MainWindow(sheet, settings)
    qtbot.addWidget(first)
    show(qtbot, first)
    menu_item(qtbot, first, "v", "d")  # View → Dark theme
    _ctrl(first, 3)
    first.resize(761, 533)  # inside the 800x800 offscreen screen, as a user drags the corner
    charts = tmp_path / "charts"
    charts.mkdir()
    _export_chart_data(qtbot, first, _save_as(charts / "exports.csv"))
    assert (charts / "exports.csv").exists()
    press(first, Key.Key_Q, Mod.ControlModifier)  # Quit
    assert not first.isVisible()
    second = MainWindow(sheet, Settings(QtCore.QSettings(settings.store.fileName(), QtCore.QSettings.Format.IniFormat)))
    qtbot.addWidget(second)
    show(qtbot, second)
    assert second.theme.name == "dark"
    assert second.theme_actions["dark"].isChecked()  # the View menu's mark
    assert TAB_KEYS[second.tabs.currentIndex()] == "exports" and second.panels["exports"].isVisible()
    assert second.size() == QtCore.QSize(761, 533)
    started_in: list[str] = []
    look = (QtWidgets.QFileDialog, lambda d: (started_in.append(d.directory().path()), escape(d)))
    _export_chart_data(qtbot, second, look)
    assert Path(started_in[0]) == charts, "the next export starts where the last one went"


def _background(chart: ChartView) -> QtGui.QColor:
    """The colour the user sees in the chart's top left corner."""
    return chart.grab().toImage().pixelColor(3, 3)


def test_theme_switch_redraws_charts_in_new_colours(qtbot, window: MainWindow) -> None:
    show(qtbot, window)
    light = _background(window.current_panel().charts[0])
    assert light.lightness() > 128
    menu_item(qtbot, window, "v", "d")  # View → Dark theme
    dark_chart = window.current_panel().charts[0]
    qtbot.waitUntil(dark_chart.isVisible)
    dark = _background(dark_chart)
    assert dark.lightness() < 128 and dark.name() == dark_chart.backgroundBrush().color().name()
    menu_item(qtbot, window, "v", "l")  # and back
    assert _background(window.current_panel().charts[0]).name() == light.name()


def test_failed_chart_export_leaves_old_file(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    show(qtbot, window)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "old.csv"
    target.write_text("precious", encoding="utf-8")

    def boom(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("chery_viewer.core.content.chart_data.csv.writer", boom)
    shown: list[str] = []
    came = _export_chart_data(qtbot, window, _save_as(target), _replace_it(), _read_and_close(shown))
    assert came == ["QFileDialog", "QMessageBox", "QMessageBox"]
    assert "old.csv: no space left on the device" in shown[0]
    assert target.read_text(encoding="utf-8") == "precious"
    assert [p.name for p in folder.iterdir()] == ["old.csv"]


def test_sources_dialog_lists_every_source_with_safe_links(qtbot, window: MainWindow) -> None:
    from chery_viewer.ui.dialogs import open_external

    show(qtbot, window)
    text: list[str] = []
    came = in_turn(qtbot, (SourcesDialog, lambda d: (text.append(d.browser.toPlainText()), escape(d))))
    menu_item(qtbot, window, "h", "s")  # Help → Sources
    assert came == ["SourcesDialog"]
    for source in window.sheet.sources.values():
        assert f"[{source.id}]" in text[0] and source.url in text[0]
    assert open_external(QtCore.QUrl("file:///etc/passwd")) is False
    assert open_external(QtCore.QUrl("javascript:alert(1)")) is False


def test_audit_dialog_lists_the_findings(qtbot, window: MainWindow) -> None:
    from chery_viewer.core.content import build_document

    show(qtbot, window)
    cells: list[str] = []

    def read(dialog: AuditDialog) -> None:
        cells.extend(dialog.findings.item(r, 1).text() for r in range(dialog.findings.rowCount()))
        escape(dialog)

    came = in_turn(qtbot, (AuditDialog, read))
    menu_item(qtbot, window, "h", "d")  # Help → Data audit
    assert came == ["AuditDialog"]
    assert cells == [f.subject for f in build_document(window.sheet, window.analysis).closing.findings]
    assert len(cells) == 3


def test_export_pdf_from_the_menu_equals_the_headless_export(qtbot, window: MainWindow, tmp_path: Path) -> None:
    from chery_viewer.report.pdf import export_pdf

    show(qtbot, window)
    from_menu, headless = tmp_path / "menu.pdf", tmp_path / "cli.pdf"
    came = in_turn(qtbot, _save_as(from_menu))
    press(window, Key.Key_E, Mod.ControlModifier)  # File → Export PDF…
    qtbot.waitUntil(from_menu.exists, timeout=SLOW)
    assert came == ["QFileDialog"]
    export_pdf(window.sheet, headless)
    assert from_menu.read_bytes() == headless.read_bytes()
    assert from_menu.read_bytes().startswith(b"%PDF")
    assert "Wrote " in window.statusBar().currentMessage()


def test_failed_pdf_export_shows_a_dialog_and_keeps_the_old_file(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chery_viewer.core import files

    show(qtbot, window)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "old.pdf"
    target.write_bytes(b"precious")

    def refuse(*_args: object) -> None:
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(files.os, "replace", refuse)
    shown: list[str] = []
    came = in_turn(qtbot, _save_as(target), _replace_it(), _read_and_close(shown))
    press(window, Key.Key_E, Mod.ControlModifier)
    qtbot.waitUntil(lambda: len(came) == 3, timeout=SLOW)
    assert "old.pdf" in shown[0] and "permission denied" in shown[0]
    assert target.read_bytes() == b"precious"
    assert [p.name for p in folder.iterdir()] == ["old.pdf"]


def test_print_and_preview_actions_use_the_report_painter(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chery_viewer.report import printing

    show(qtbot, window)
    calls: list[tuple[str, list, object]] = []
    monkeypatch.setattr(
        printing, "print_fact_sheet", lambda parent, sheet, **given: calls.append(("print", *given.values()))
    )
    monkeypatch.setattr(
        printing, "preview_fact_sheet", lambda parent, sheet, **given: calls.append(("preview", *given.values()))
    )
    shown = window.sections[TAB_KEYS[window.tabs.currentIndex()]]
    press(window, Key.Key_P, Mod.ControlModifier)  # Print…
    press(window, Key.Key_P, Mod.ControlModifier | Mod.ShiftModifier)  # Print preview…
    menu_item(qtbot, window, "f", "v")  # and the preview from the File menu
    assert [c[0] for c in calls] == ["print", "preview", "preview"]
    for _, analysis, sections, _layout in calls:  # the window hands over what it holds, nothing rebuilt
        assert analysis is window.analysis
        assert [s.key for s in sections] == list(TAB_KEYS) and any(s is shown for s in sections)


def test_chart_data_from_the_dataset_cannot_run_as_a_spreadsheet_formula(
    qtbot, window: MainWindow, package_copy: Path, tmp_path: Path
) -> None:
    show(qtbot, window)
    partners = package_copy / "partners.csv"
    partners.write_text(partners.read_text(encoding="utf-8").replace(",CATL,", ",=HYPERLINK(1),", 1), encoding="utf-8")
    before = window.sheet
    _open_dataset(qtbot, window, package_copy)
    qtbot.waitUntil(lambda: window.sheet is not before, timeout=SLOW)
    _ctrl(window, 5)
    out = tmp_path / "network.csv"
    _export_chart_data(qtbot, window, _save_as(out))
    text = out.read_text(encoding="utf-8")
    assert "'=HYPERLINK(1)" in text and ",=HYPERLINK" not in text


def _headless_csv(window: MainWindow, chart: ChartView, path: Path) -> bytes:
    export_chart(chart.spec, Context(window.sheet, window.analysis), path)
    return path.read_bytes()


def test_chart_exports_follow_the_chart_last_pointed_at(qtbot, window: MainWindow, tmp_path: Path) -> None:
    show(qtbot, window)
    _ctrl(window, 2)
    donut = next(c for c in window.current_panel().charts if c.spec.kind == "donut")
    assert donut is not window.current_panel().main_chart
    point_at(qtbot, window.current_panel(), donut)
    out = tmp_path / "donut.csv"
    _export_chart_data(qtbot, window, _save_as(out))  # by keys: the pointer need not stay on the chart
    assert "Users outside China" in out.read_text(encoding="utf-8-sig")
    assert out.read_bytes() == _headless_csv(window, donut, tmp_path / "donut-cli.csv")
    # A chart of another tab is never exported from this one. The pointer goes to the tab bar
    # to click the tab: left where it was, it would rest on a chart of the new tab, which then
    # counts as pointed at.
    click_tab(window.tabs, 2)
    out = tmp_path / "exports.csv"
    _export_chart_data(qtbot, window, _save_as(out))
    assert out.read_bytes() == _headless_csv(window, window.current_panel().main_chart, tmp_path / "main-cli.csv")


@pytest.mark.parametrize(("item", "name"), [("Export chart image…", "chart.svg"), ("Export chart data…", "chart.csv")])
def test_right_click_on_a_chart_offers_its_exports(qtbot, window: MainWindow, tmp_path: Path, item: str, name: str):
    show(qtbot, window)
    _ctrl(window, 2)
    chart = window.current_panel().charts[1]
    assert chart is not window.current_panel().main_chart
    out = tmp_path / name
    came = in_turn(qtbot, (QtWidgets.QMenu, lambda menu: click_menu_action(menu, item)), _save_as(out))
    click(chart.viewport(), point_at(qtbot, window.current_panel(), chart), QtCore.Qt.MouseButton.RightButton)
    qtbot.waitUntil(lambda: len(came) == 2, timeout=SLOW)
    qtbot.waitUntil(out.exists, timeout=SLOW)
    if name.endswith(".csv"):
        assert out.read_bytes() == _headless_csv(window, chart, tmp_path / "cli.csv")
    else:
        assert f"<title>{chart.spec.title}</title>" in out.read_text(encoding="utf-8")
