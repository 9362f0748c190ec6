"""View → Language: the window switches every text live, remembers the choice, and Qt's own
dialogs follow."""

from __future__ import annotations

import re

from PySide6 import QtWidgets

from chery_viewer.ui import language
from chery_viewer.ui.main_window import TAB_KEYS, MainWindow

CJK = re.compile(r"[\u4e00-\u9fff]")
SECTION_TITLES_ZH = ["概览", "销量", "出口", "创新", "合作伙伴"]


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


def test_language_menu_switches_live_and_is_remembered(qtbot, window: MainWindow, settings):
    window.show()
    assert window.tabs.tabText(0) == "Overview"
    try:
        window.language_actions["zh_CN"].trigger()
        assert [window.tabs.tabText(i) for i in range(len(TAB_KEYS))] == SECTION_TITLES_ZH
        assert settings.language == "zh_CN" and window.language_actions["zh_CN"].isChecked()
        assert window.windowTitle() == window.dataset.localized("zh-CN").title
        panel = window.current_panel()
        assert panel.content.title == "概览"
        assert panel.kpi_cards[0].value_label.text() == "123.3万"
        assert panel.kpi_cards[0].unit_label.text().startswith("1,232,727辆")
        untranslated = [t for t in _menu_texts(window) if not CJK.search(t) and t not in ("English",)]
        assert untranslated == [], "every menu text is translated"
        window.language_actions["en"].trigger()
        assert window.tabs.tabText(0) == "Overview" and window.current_panel().content.title == "Overview"
        assert settings.language == "en"
    finally:
        language.install("en")


def test_qt_standard_buttons_are_chinese_too(qtbot, window: MainWindow):
    from chery_viewer.ui.dialogs import SourcesDialog

    window.set_language("zh_CN")
    try:
        dialog = SourcesDialog(window.sheet, window)
        qtbot.addWidget(dialog)
        buttons = dialog.findChild(QtWidgets.QDialogButtonBox).buttons()
        assert buttons and all(CJK.search(b.text()) for b in buttons), [b.text() for b in buttons]
        assert dialog.windowTitle() == "来源"
    finally:
        language.install("en")


def test_chinese_chart_labels_use_wan_and_keep_the_rounding_mark(qtbot, window: MainWindow):
    window.set_language("zh_CN")
    try:
        chart = window.panel("sales").charts[0]
        texts = {
            item.toPlainText()
            for item in chart.scene().items()
            if isinstance(item, QtWidgets.QGraphicsTextItem) and item.toPlainText()
        }
        assert {"123.3万", "约73万", "无数据"} <= texts  # 2020 was published as ~730,000
    finally:
        language.install("en")


def test_chart_exports_after_a_switch_use_a_live_chart(qtbot, window: MainWindow):
    sales = window.panel("sales")
    window.tabs.setCurrentIndex(TAB_KEYS.index("sales"))
    window._on_chart_hovered(sales.charts[1])
    try:
        window.set_language("zh_CN")
        chart = window.chart_for_export()
        assert chart is window.current_panel().main_chart and chart.spec.title.endswith("年集团销量")
    finally:
        language.install("en")
