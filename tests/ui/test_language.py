"""View → Language: the window switches every text live, remembers the choice, and Qt's own
dialogs follow. The language is picked as a user does, by keys (see ``events.choose_language``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets

from chery_viewer.core.content.context import Context
from chery_viewer.ui import language
from chery_viewer.ui.chart_export import export_chart
from chery_viewer.ui.dialogs import SourcesDialog
from chery_viewer.ui.main_window import TAB_KEYS, MainWindow

from .events import (
    POPUP_WARNINGS,
    Key,
    Mod,
    choose_language,
    escape,
    in_turn,
    menu_item,
    move_onto,
    point_at,
    press,
    show,
    type_file_name,
)

pytestmark = pytest.mark.qt_log_ignore(*POPUP_WARNINGS)
CJK = re.compile(r"[\u4e00-\u9fff]")
SECTION_TITLES_ZH = ["概览", "销量", "出口", "创新", "合作伙伴"]
CHINESE, ENGLISH = "简体中文", "English"


@pytest.fixture(autouse=True)
def _english_again() -> None:
    yield
    language.install("en")


@pytest.fixture(autouse=True)
def _no_native_dialogs() -> None:
    QtCore.QCoreApplication.setAttribute(QtCore.Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)


def _menu_texts(window: MainWindow) -> list[str]:
    texts = []
    for top in window.menuBar().actions():
        texts.append(top.text())
        menus = [top.menu()]
        while menus:
            menu = menus.pop()
            for action in menu.actions():
                if action.isSeparator():
                    continue
                texts.append(action.text())
                if action.menu():
                    menus.append(action.menu())
    return texts


def _tab_texts(window: MainWindow) -> list[str]:
    bar = window.tabs.tabBar()
    assert bar.isVisible()
    return [bar.tabText(i) for i in range(bar.count())]


def test_language_menu_switches_live_and_is_remembered(qtbot, window: MainWindow, settings):
    show(qtbot, window)
    assert _tab_texts(window)[0] == "Overview"
    choose_language(qtbot, window, CHINESE)
    assert _tab_texts(window) == SECTION_TITLES_ZH
    assert settings.language == "zh_CN" and window.language_actions["zh_CN"].isChecked()
    assert window.windowTitle() == window.dataset.localized("zh-CN").title
    panel = window.current_panel()
    qtbot.waitUntil(panel.isVisible)  # a panel built again is shown on the next turn of the event loop
    assert panel.content.title == "概览"
    card = panel.kpi_cards[0]
    assert card.value_label.text() == "123.3万"
    assert card.unit_label.text().startswith("1,232,727辆")
    untranslated = [t for t in _menu_texts(window) if not CJK.search(t) and t not in (ENGLISH,)]
    assert untranslated == [], "every menu text is translated"
    choose_language(qtbot, window, ENGLISH)  # the menu's own texts changed meanwhile: found again by keys
    assert _tab_texts(window)[0] == "Overview" and window.current_panel().content.title == "Overview"
    assert settings.language == "en" and window.language_actions["en"].isChecked()


def test_qt_standard_buttons_are_chinese_too(qtbot, window: MainWindow):
    show(qtbot, window)
    choose_language(qtbot, window, CHINESE)
    seen: list[tuple[str, list[str]]] = []

    def read(dialog: SourcesDialog) -> None:
        buttons = dialog.findChild(QtWidgets.QDialogButtonBox).buttons()
        seen.append((dialog.windowTitle(), [b.text() for b in buttons if b.isVisible()]))
        escape(dialog)

    came = in_turn(qtbot, (SourcesDialog, read))
    menu_item(qtbot, window, "h", "s")  # 帮助 → 来源
    assert came == ["SourcesDialog"]
    title, buttons = seen[0]
    assert title == "来源"
    assert buttons and all(CJK.search(b) for b in buttons), buttons


def test_chinese_chart_labels_use_wan_and_keep_the_rounding_mark(qtbot, window: MainWindow):
    show(qtbot, window)
    choose_language(qtbot, window, CHINESE)
    press(window, Key.Key_2, Mod.ControlModifier)  # 销量
    chart = window.current_panel().charts[0]
    qtbot.waitUntil(chart.isVisible)
    texts = {
        item.toPlainText()
        for item in chart.scene().items()
        if isinstance(item, QtWidgets.QGraphicsTextItem) and item.toPlainText() and item.isVisible()
    }
    assert {"123.3万", "约73万", "无数据"} <= texts  # 2020 was published as ~730,000


def test_chart_exports_after_a_switch_use_a_live_chart(qtbot, window: MainWindow, tmp_path: Path):
    show(qtbot, window)
    press(window, Key.Key_2, Mod.ControlModifier)
    point_at(qtbot, window.current_panel(), window.current_panel().charts[1])  # that chart is pointed at…
    bar = window.tabs.tabBar()
    move_onto(qtbot, bar, bar.tabRect(1).center())  # …and the pointer leaves it, for the menus
    choose_language(qtbot, window, CHINESE)  # every chart is built again: the one pointed at is gone
    out = tmp_path / "chart.csv"
    came = in_turn(qtbot, (QtWidgets.QFileDialog, lambda d: type_file_name(d, str(out))))
    menu_item(qtbot, window, "f", "d")  # 文件 → 导出图表数据
    assert came == ["QFileDialog"]
    main = window.current_panel().main_chart
    assert TAB_KEYS[window.tabs.currentIndex()] == "sales" and main.spec.title.endswith("年集团销量")
    export_chart(main.spec, Context(window.sheet, window.analysis), tmp_path / "cli.csv")
    assert out.read_bytes() == (tmp_path / "cli.csv").read_bytes(), "the tab's main chart, in Chinese"
    assert "集团销量" in out.read_text(encoding="utf-8-sig")
