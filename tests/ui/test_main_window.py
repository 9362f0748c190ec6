"""The window as a user drives it: tabs, shortcuts, datasets, settings, chart exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6 import QtCore, QtTest, QtWidgets

from chery_viewer.core.factsheet import FactSheet
from chery_viewer.ui.main_window import TAB_KEYS, MainWindow
from chery_viewer.ui.settings import Settings


def test_title_tabs_and_status_bar(window: MainWindow) -> None:
    assert window.windowTitle() == "Chery Group Fact Sheet 2022"
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Overview",
        "Sales",
        "Exports",
        "Innovation",
        "Partners",
    ]
    status = window.status_label.text()
    assert "Chery Group Fact Sheet 2022" in status and "version 1.0.0" in status and "as of" in status


def test_panels_are_built_lazily(window: MainWindow) -> None:
    assert list(window.panels) == ["overview"]
    window.tabs.setCurrentIndex(3)
    assert "innovation" in window.panels
    assert window.current_panel().content.key == "innovation"


@pytest.mark.parametrize("index", range(5))
def test_ctrl_number_switches_tab(qtbot, window: MainWindow, index: int) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentIndex(4 - index)
    action = window.tab_actions[index]
    assert action.shortcut().toString() == f"Ctrl+{index + 1}"
    # A key press at the window-system level, so Qt's shortcut map sees it as a user's would.
    QtTest.QTest.keyClick(
        window.windowHandle(), QtCore.Qt.Key(QtCore.Qt.Key.Key_1 + index), QtCore.Qt.KeyboardModifier.ControlModifier
    )
    assert window.tabs.currentIndex() == index


def test_standard_shortcuts(window: MainWindow) -> None:
    shortcuts = {a.text().replace("&", ""): a.shortcut().toString() for a in window.actions()}
    assert shortcuts["Open dataset…"] == "Ctrl+O"
    assert shortcuts["Export PDF…"] == "Ctrl+E"
    assert shortcuts["Print…"] == "Ctrl+P"
    assert shortcuts["Quit"] == "Ctrl+Q"
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["File", "View", "Help"]


def test_bad_dataset_shows_dialog_and_keeps_current_data(
    window: MainWindow, package_copy: Path, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    shown = errors
    figures = package_copy / "figures.csv"
    lines = figures.read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace("1232727", "lots")
    figures.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = window.sheet
    assert window.open_dataset(str(package_copy)) is False
    assert window.sheet is before
    assert window.windowTitle() == "Chery Group Fact Sheet 2022"
    assert len(shown) == 1
    assert "figures.csv" in shown[0] and "row 5" in shown[0] and "'value'" in shown[0]
    assert window.current_panel().kpi_cards[0].value_label.text() == "1,232,727"


def test_open_dataset_replaces_the_sheet(
    window: MainWindow, package_copy: Path, monkeypatch, errors: list[str]
) -> None:
    shown = errors
    descriptor = json.loads((package_copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["title"] = "Edited Fact Sheet"
    (package_copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    figures = package_copy / "figures.csv"
    figures.write_text(figures.read_text(encoding="utf-8").replace("1232727", "1232728", 1), encoding="utf-8")
    with_signal: list[bool] = []
    window.sigSheetChanged.connect(lambda: with_signal.append(True))
    assert window.open_dataset(str(package_copy / "datapackage.json")) is True
    assert not shown
    assert with_signal == [True]
    assert window.windowTitle() == "Edited Fact Sheet"
    assert window.current_panel().kpi_cards[0].value_label.text() == "1,232,728"


def test_settings_round_trip(qtbot, sheet: FactSheet, settings: Settings) -> None:
    first = MainWindow(sheet, settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.set_theme("dark")
    first.tabs.setCurrentIndex(2)
    first.resize(761, 533)  # inside the 800x800 offscreen screen
    first.settings.set_directory("pdf", "/tmp")
    first.close()
    second = MainWindow(sheet, Settings(QtCore.QSettings(settings.store.fileName(), QtCore.QSettings.Format.IniFormat)))
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.theme.name == "dark"
    assert second.theme_actions["dark"].isChecked()
    assert TAB_KEYS[second.tabs.currentIndex()] == "exports"
    assert second.size() == QtCore.QSize(761, 533)
    assert second.settings.directory("pdf") == "/tmp"


def test_theme_switch_rebuilds_charts_in_new_colours(window: MainWindow) -> None:
    light_bg = window.current_panel().charts[0].backgroundBrush().color().name()
    window.set_theme("dark")
    dark_bg = window.current_panel().charts[0].backgroundBrush().color().name()
    assert light_bg != dark_bg


def test_failed_chart_export_leaves_old_file(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    shown = errors
    target = tmp_path / "old.csv"
    target.write_text("precious", encoding="utf-8")

    def boom(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("chery_viewer.core.content.chart_data.csv.writer", boom)
    assert window.export_chart_data(str(target)) is False
    assert target.read_text(encoding="utf-8") == "precious"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".old")] == []
    assert "old.csv: no space left on the device" in shown[0]


def test_sources_dialog_lists_every_source_with_safe_links(qtbot, window: MainWindow) -> None:
    from chery_viewer.ui.dialogs import SourcesDialog, open_external

    dialog = SourcesDialog(window.sheet, window)
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for source in window.sheet.sources.values():
        assert f"[{source.id}]" in text and source.url in text
    assert open_external(QtCore.QUrl("file:///etc/passwd")) is False
    assert open_external(QtCore.QUrl("javascript:alert(1)")) is False


def test_audit_dialog_lists_the_findings(qtbot, window: MainWindow) -> None:
    from chery_viewer.ui.dialogs import AuditDialog

    dialog = AuditDialog(window.sheet, window.analysis, window)
    qtbot.addWidget(dialog)
    cells = [dialog.findings.item(r, 1).text() for r in range(dialog.findings.rowCount())]
    from chery_viewer.core.content import build_document

    assert cells == [f.subject for f in build_document(window.sheet, window.analysis).closing.findings]
    assert len(cells) == 3


def test_export_pdf_from_the_menu_equals_the_headless_export(window: MainWindow, tmp_path: Path) -> None:
    from chery_viewer.report.pdf import export_pdf

    from_menu, headless = tmp_path / "menu.pdf", tmp_path / "cli.pdf"
    assert window.export_pdf(str(from_menu)) is True
    export_pdf(window.sheet, headless)
    assert from_menu.read_bytes() == headless.read_bytes()
    assert from_menu.read_bytes().startswith(b"%PDF")


def test_failed_pdf_export_shows_a_dialog_and_keeps_the_old_file(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    from chery_viewer.core import files

    shown = errors
    target = tmp_path / "old.pdf"
    target.write_bytes(b"precious")

    def refuse(*_args: object) -> None:
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(files.os, "replace", refuse)
    assert window.export_pdf(str(target)) is False
    assert target.read_bytes() == b"precious"
    assert shown and "old.pdf" in shown[0] and "permission denied" in shown[0]
    assert [p.name for p in tmp_path.iterdir()] == ["old.pdf"]


def test_print_and_preview_actions_use_the_report_painter(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from chery_viewer.report import printing

    calls: list[tuple[str, list, object]] = []
    monkeypatch.setattr(
        printing, "print_fact_sheet", lambda parent, sheet, **given: calls.append(("print", *given.values()))
    )
    monkeypatch.setattr(
        printing, "preview_fact_sheet", lambda parent, sheet, **given: calls.append(("preview", *given.values()))
    )
    shown = window.sections[TAB_KEYS[window.tabs.currentIndex()]]
    window.print_action.trigger()
    window.preview_action.trigger()
    assert [c[0] for c in calls] == ["print", "preview"]
    for _, analysis, sections in calls:  # the window hands over what it holds, nothing rebuilt
        assert analysis is window.analysis
        assert [s.key for s in sections] == list(TAB_KEYS) and any(s is shown for s in sections)


def test_chart_data_from_the_dataset_cannot_run_as_a_spreadsheet_formula(
    window: MainWindow, package_copy: Path, tmp_path: Path
) -> None:
    partners = package_copy / "partners.csv"
    partners.write_text(partners.read_text(encoding="utf-8").replace(",CATL,", ",=HYPERLINK(1),", 1), encoding="utf-8")
    assert window.open_dataset(str(package_copy))
    window.tabs.setCurrentIndex(4)
    out = tmp_path / "network.csv"
    assert window.export_chart_data(str(out))
    text = out.read_text(encoding="utf-8")
    assert "'=HYPERLINK(1)" in text and ",=HYPERLINK" not in text


def test_chart_exports_follow_the_chart_last_pointed_at(window: MainWindow, tmp_path: Path) -> None:
    window.tabs.setCurrentIndex(1)
    donut = next(c for c in window.current_panel().charts if c.spec.kind == "donut")
    QtWidgets.QApplication.sendEvent(donut, QtCore.QEvent(QtCore.QEvent.Type.Enter))
    assert window.chart_for_export() is donut
    out = tmp_path / "donut.csv"
    assert window.export_chart_data(str(out))
    assert "Users outside China" in out.read_text(encoding="utf-8-sig")
    window.tabs.setCurrentIndex(2)  # a chart of another tab is never exported from this one
    assert window.chart_for_export() is window.current_panel().main_chart


def test_right_click_on_a_chart_offers_its_exports(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window.tabs.setCurrentIndex(1)
    chart = window.current_panel().charts[1]
    asked: list[str] = []
    monkeypatch.setattr(window, "export_chart_image", lambda path=None: asked.append(window.chart_for_export().spec.id))
    chart.sigExportRequested.emit(chart, "image")
    assert asked == [chart.spec.id]
