"""Source ids on screen ([S1] in captions, notes, cards and tables) that say what they stand for.

Hovering an id shows its source's title, publisher, date and link; clicking it opens Help →
Sources at that entry, scrolled to and highlighted. Text around the ids stays selectable with
the mouse and the keyboard, so a caption or a note can be copied.

A label with ids becomes rich text built here: every character of the dataset is escaped and
the only markup is our own ``<a href="source:S1">`` around each id, so a dataset still cannot
inject HTML (the reason every other label is ``Qt.PlainText``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.content import SourceEntry
from chery_viewer.core.i18n import translate
from chery_viewer.graphics.theme import Theme
from chery_viewer.ui.widgets import KpiCard, TableView, plain_tooltip

SCHEME = "source:"
_FLAG = QtCore.Qt.TextInteractionFlag
SELECTABLE = _FLAG.TextSelectableByMouse | _FLAG.TextSelectableByKeyboard
LINKS = _FLAG.LinksAccessibleByMouse | _FLAG.LinksAccessibleByKeyboard


def source_tooltip(entry: SourceEntry) -> str:
    """What a source id stands for: its title, publisher, date and address, one per line."""
    return translate("Sources", "[{id}] {title}\n{publisher}, {date}\n{url}").format(
        id=entry.id, title=entry.title, publisher=entry.publisher, date=entry.date_text, url=entry.url
    )


def id_pattern(ids: Iterable[str]) -> re.Pattern[str] | None:
    """``[S1]`` and the like for exactly the ids the dataset lists (longest first: S10 before S1)."""
    known = sorted(ids, key=len, reverse=True)
    return re.compile(r"\[(" + "|".join(map(re.escape, known)) + r")\]") if known else None


def ids_in(text: str, pattern: re.Pattern[str] | None) -> list[str]:
    return list(dict.fromkeys(pattern.findall(text))) if pattern else []


def linked_html(text: str, pattern: re.Pattern[str], colour: str = "") -> str:
    """``text`` escaped, each known source id a link to its source (in ``colour``, a #rrggbb of
    the theme's, if given), line breaks kept."""
    style = f' style="color:{colour}"' if re.fullmatch(r"#[0-9a-fA-F]{6}", colour) else ""
    parts: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        parts.append(html.escape(text[last : match.start()]))
        sid = html.escape(match.group(1), quote=True)
        parts.append(f'<a href="{SCHEME}{sid}"{style}>{html.escape(match.group(0))}</a>')
        last = match.end()
    parts.append(html.escape(text[last:]))
    return "".join(parts).replace("\n", "<br>")


class SourceLinks(QtCore.QObject):
    """Makes the ids of one set of sources live in any widget tree: ``attach(panel)``.

    ``open_source(source_id)`` is what a click calls (the window opens Help → Sources there).
    """

    def __init__(self, open_source: Callable[[str], None], parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.open_source = open_source
        self.entries: dict[str, SourceEntry] = {}
        self.pattern: re.Pattern[str] | None = None
        self._hovered: dict[int, str] = {}  # id(label) -> source id under the pointer

    def set_sources(self, entries: Iterable[SourceEntry]) -> None:
        self.entries = {e.id: e for e in entries}
        self.pattern = id_pattern(self.entries)

    def tooltip(self, source_id: str) -> str:
        entry = self.entries.get(source_id)
        return source_tooltip(entry) if entry else ""

    def attach(self, root: QtWidgets.QWidget) -> None:
        """Selectable text in every label under ``root`` (a KPI card's labels excepted: the card
        has its own copy menu), live ids in labels and in table cells."""
        theme = getattr(root, "theme", None)  # a panel's theme: links in its colour, readable on dark too
        colour = theme.bar_highlight if isinstance(theme, Theme) else ""
        for widget in root.findChildren(QtWidgets.QLabel):
            if self._inside_kpi_card(widget) or widget.buddy() is not None:
                continue
            self.attach_label(widget, colour)
        for table in root.findChildren(TableView):
            self.attach_table(table)

    @staticmethod
    def _inside_kpi_card(widget: QtWidgets.QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, KpiCard):
                return True
            parent = parent.parentWidget()
        return False

    def attach_label(self, widget: QtWidgets.QLabel, colour: str = "") -> None:
        # Keyboard selection would make every caption a Tab stop; the label keeps the focus
        # policy its panel gave it (notes are stops, texts inside a card are not).
        policy = widget.focusPolicy()
        self._attach_label(widget, colour)
        widget.setFocusPolicy(policy)

    def _attach_label(self, widget: QtWidgets.QLabel, colour: str) -> None:
        text = widget.text()
        if widget.textFormat() != QtCore.Qt.TextFormat.PlainText or not text.strip():
            return  # rich text of our own (or already linked), or an empty spacer
        if not ids_in(text, self.pattern):
            widget.setTextInteractionFlags(SELECTABLE)
            return
        assert self.pattern is not None
        widget.setTextFormat(QtCore.Qt.TextFormat.RichText)
        widget.setText(linked_html(text, self.pattern, colour))
        widget.setAccessibleDescription(text)
        widget.setTextInteractionFlags(SELECTABLE | LINKS)
        widget.setOpenExternalLinks(False)
        widget.linkHovered.connect(lambda link, w=widget: self._on_link_hovered(w, link))
        widget.linkActivated.connect(self._on_link_activated)
        widget.installEventFilter(self)

    def attach_table(self, table: TableView) -> None:
        """Cells naming a source get the source's details as their tooltip; a click opens it."""
        found = False
        for r in range(table.rowCount()):
            for c in range(table.columnCount()):
                item = table.item(r, c)
                ids = ids_in(item.text(), self.pattern) if item is not None else []
                if item is not None and ids:
                    item.setToolTip(plain_tooltip("\n\n".join(self.tooltip(i) for i in ids)))
                    item.setData(QtCore.Qt.ItemDataRole.UserRole, ids[0])
                    found = True
        if found:
            table.cellClicked.connect(lambda r, c, t=table: self._on_cell_clicked(t, r, c))

    def _on_cell_clicked(self, table: TableView, row: int, column: int) -> None:
        item = table.item(row, column)
        source_id = item.data(QtCore.Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(source_id, str) and source_id in self.entries:
            self.open_source(source_id)

    def _on_link_hovered(self, widget: QtWidgets.QLabel, link: str) -> None:
        if link.startswith(SCHEME):
            source_id = link[len(SCHEME) :]
            self._hovered[id(widget)] = source_id
            QtWidgets.QToolTip.showText(QtGui.QCursor.pos(), plain_tooltip(self.tooltip(source_id)), widget)
        else:
            self._hovered.pop(id(widget), None)
            QtWidgets.QToolTip.hideText()

    def _on_link_activated(self, link: str) -> None:
        if link.startswith(SCHEME) and link[len(SCHEME) :] in self.entries:
            QtWidgets.QToolTip.hideText()
            self.open_source(link[len(SCHEME) :])

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        """Answer Qt's tooltip request over an id with the source, so the card or caption behind
        it does not replace it a moment later with a tooltip of its own."""
        if event.type() == QtCore.QEvent.Type.ToolTip and isinstance(watched, QtWidgets.QLabel):
            source_id = self._hovered.get(id(watched))
            if source_id and isinstance(event, QtGui.QHelpEvent):
                QtWidgets.QToolTip.showText(event.globalPos(), plain_tooltip(self.tooltip(source_id)), watched)
                return True
        if event.type() == QtCore.QEvent.Type.Leave:
            self._hovered.pop(id(watched), None)
        return False


def highlight_entry(browser: QtWidgets.QTextBrowser, source_id: str, colour: QtGui.QColor) -> bool:
    """Scroll the sources list to ``source_id``'s entry (its anchor ``src-ID``) and mark the whole
    paragraph with ``colour``; False if the list has no such entry."""
    document = browser.document()
    block = document.begin()
    start = f"[{source_id}]"
    while block.isValid() and not block.text().startswith(start):
        block = block.next()
    if not block.isValid():
        browser.setExtraSelections([])
        return False
    selection = QtWidgets.QTextEdit.ExtraSelection()
    cursor = QtGui.QTextCursor(block)
    last = block  # the entry runs on to the block before the next "[id]"
    while last.next().isValid() and not last.next().text().startswith("["):
        last = last.next()
    cursor.setPosition(last.position() + max(last.length() - 1, 0), QtGui.QTextCursor.MoveMode.KeepAnchor)
    selection.cursor = cursor
    fmt = QtGui.QTextCharFormat()
    fmt.setBackground(colour)
    fmt.setProperty(QtGui.QTextFormat.Property.FullWidthSelection, True)
    selection.format = fmt
    browser.setExtraSelections([selection])
    browser.scrollToAnchor(f"src-{source_id}")
    return True
