"""How the main window gets its data: File → Open, Open recent, drag and drop, and live reload.

Every route ends in :meth:`DatasetOpening.open_dataset`, which loads the package in a
:class:`~chery_viewer.ui.loader.DatasetLoader` thread while the window keeps running (a
progress bar with Cancel at the top), and shows the same error dialog on failure. When the
files of the open package change on disk, :meth:`DatasetOpening.reload_dataset` loads them
again the same way and swaps the new data in, keeping the tab, the scroll position and the
language; a change that breaks the package shows in the message bar and the last good data
stays on screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.dataset import DESCRIPTOR, bundled_dir
from chery_viewer.core.errors import DatasetError
from chery_viewer.core.i18n import current_language, data_language, translate
from chery_viewer.ui.loader import DatasetLoader, Loaded, PackageWatcher
from chery_viewer.ui.message_bar import MessageBar

if TYPE_CHECKING:
    from chery_viewer.ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class DatasetOpening(_Base):
    """Mixed into MainWindow; :meth:`_init_opening` runs in its ``__init__``."""

    def _init_opening(self) -> None:
        self.message_bar = MessageBar()
        self.message_bar.sigCancel.connect(self.cancel_loading)
        self._loader: DatasetLoader | None = None
        self._running: set[DatasetLoader] = set()  # cancelled ones too, until their thread ends
        self.watcher = PackageWatcher(self)
        self.watcher.sigChanged.connect(self.reload_dataset)
        self.setAcceptDrops(True)
        self.recent_menu = QtWidgets.QMenu(self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

    def _watch_current(self) -> None:
        self.watcher.watch(self.dataset.directory)

    def _retranslate_opening(self) -> None:
        self.recent_menu.setTitle(translate("MainWindow", "Open &recent"))
        self.message_bar.retranslate()

    # -- loading in a thread ---------------------------------------------------------------

    def _start_loader(self, path: str, purpose: str) -> DatasetLoader:
        self.cancel_loading(quietly=True)
        loader = DatasetLoader(path, data_language(current_language()), self)
        loader.purpose = purpose  # type: ignore[attr-defined]
        loader.outcome = None  # type: ignore[attr-defined]
        loader.loop = None  # type: ignore[attr-defined]
        loader.sigProgress.connect(self._on_loader_progress)
        loader.sigDone.connect(self._on_loader_done)
        loader.finished.connect(self._on_loader_finished)
        self._loader = loader
        self._running.add(loader)
        self._on_loader_progress(loader, 0, 0)
        loader.start()
        return loader

    def _on_loader_progress(self, loader: DatasetLoader, step: int, steps: int) -> None:
        if loader is not self._loader:
            return
        if loader.purpose == "reload":  # type: ignore[attr-defined]
            text = translate("MainWindow", "The dataset changed on disk; loading {path}…")
        else:
            text = translate("MainWindow", "Opening {path}…")
        self.message_bar.show_progress(text.format(path=loader.path), step, steps)

    def _on_loader_done(self, loader: DatasetLoader, outcome: object) -> None:
        if loader is not self._loader:
            return  # cancelled or replaced by a newer one: its result is dropped
        self._loader = None
        self.message_bar.clear()
        if loader.purpose == "reload":  # type: ignore[attr-defined]
            self._reloaded(loader, outcome)
        else:
            loader.outcome = outcome  # type: ignore[attr-defined]
            if loader.loop is not None:  # type: ignore[attr-defined]
                loader.loop.quit()  # type: ignore[attr-defined]

    def _on_loader_finished(self) -> None:
        for loader in [t for t in self._running if t.isFinished()]:
            self._running.discard(loader)
            if loader.loop is not None:  # type: ignore[attr-defined]
                loader.loop.quit()  # type: ignore[attr-defined]
            loader.deleteLater()

    def cancel_loading(self, quietly: bool = False) -> None:
        """Drop the load under way; the data on screen stays as it is."""
        loader, self._loader = self._loader, None
        if loader is None:
            return
        loader.cancel()
        self.message_bar.clear()
        if loader.loop is not None:  # type: ignore[attr-defined]
            loader.loop.quit()  # type: ignore[attr-defined]
        if not quietly:
            self.statusBar().showMessage(
                translate("MainWindow", "Loading cancelled; the dataset shown stays open."), 5000
            )

    def _stop_loaders(self) -> None:
        """Before the window goes: no thread may outlive its QThread object."""
        self.cancel_loading(quietly=True)
        for loader in list(self._running):
            loader.wait()

    # -- opening --------------------------------------------------------------------------

    def open_dataset(self, path: str | None = None) -> bool:
        """Load another package and show it; on error show a dialog and keep the current one.

        The window keeps running while the package loads (this call waits in an event loop
        of its own); returns whether the new package is shown, False also when cancelled.
        """
        if path is None:
            from chery_viewer.ui.dialogs import ask_dataset_path

            path = ask_dataset_path(self, self.settings.directory("dataset"))  # the folder or its descriptor
            if not path:
                return False
        loader = self._start_loader(path, "open")
        loop = QtCore.QEventLoop()
        loader.loop = loop  # type: ignore[attr-defined]
        loop.exec()  # sigDone is queued: it cannot arrive before the loop runs
        loader.loop = None  # type: ignore[attr-defined]
        outcome = loader.outcome  # type: ignore[attr-defined]
        if outcome is None:  # cancelled
            return False
        if isinstance(outcome, Exception):
            self._cannot_open(path, _describe(path, outcome))
            return False
        assert isinstance(outcome, Loaded)
        self.settings.set_directory("dataset", str(Path(path).parent))
        self.settings.add_recent_dataset(str(Path(path).absolute()))
        self._show_loaded(outcome)
        self.statusBar().showMessage(translate("MainWindow", "Loaded {path}").format(path=path), 5000)
        return True

    def _cannot_open(self, path: str, reason: str) -> None:
        kept = translate("MainWindow", "The dataset was not loaded; the current one stays open.")
        self._error(translate("MainWindow", "Cannot open dataset"), f"{kept}\n\n{reason}")

    def _show_loaded(self, loaded: Loaded) -> None:
        """Swap ``loaded`` in, in the language shown now (it may have changed during the load)."""
        if loaded.language == data_language(current_language()):
            self._set_sheet(loaded.dataset, loaded.sheet, loaded.analysis, dict(loaded.sections))
        else:
            self._set_sheet(loaded.dataset)
        self._ensure_panel(self.tabs.currentIndex())
        self._prebuild_later()
        self._watch_current()
        self.sigSheetChanged.emit()

    # -- live data --------------------------------------------------------------------------

    def reload_dataset(self) -> None:
        """Load the open package again from disk, in the background (the watcher calls this)."""
        if self._loader is not None and self._loader.purpose == "open":  # type: ignore[attr-defined]
            return  # another package is on its way in
        self._start_loader(str(self.dataset.directory), "reload")

    def _reloaded(self, loader: DatasetLoader, outcome: object) -> None:
        if isinstance(outcome, Exception):
            message = translate(
                "MainWindow", "The dataset changed on disk and no longer loads; the last good version stays shown."
            )
            self.message_bar.show_error(f"{message}\n{_describe(loader.path, outcome)}")
            return
        assert isinstance(outcome, Loaded)
        index = self.tabs.currentIndex()
        scroll = self.current_panel().verticalScrollBar().value()
        self._show_loaded(outcome)
        _restore_scroll(self._ensure_panel(index).verticalScrollBar(), scroll)
        self.statusBar().showMessage(
            translate("MainWindow", "Reloaded {path}: its files changed").format(path=loader.path), 5000
        )

    # -- drag and drop ------------------------------------------------------------------------

    def dragEnterEvent(self, event: QtGui.QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()  # whatever it is, the drop says what can be opened
        else:
            event.ignore()

    def dragMoveEvent(self, event: QtGui.QDragMoveEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QtGui.QDropEvent) -> None:
        urls = event.mimeData().urls()
        if not urls:
            event.ignore()
            return
        event.acceptProposedAction()
        # Opened after the drop has finished: the drag source is not kept waiting meanwhile.
        QtCore.QTimer.singleShot(0, lambda: self._open_dropped(urls))

    def _open_dropped(self, urls: list[QtCore.QUrl]) -> None:
        what = urls[0].toLocalFile() if urls[0].isLocalFile() else urls[0].toDisplayString()
        if len(urls) > 1:
            reason = translate("MainWindow", "Drop one data package at a time: its folder or its datapackage.json.")
        elif not urls[0].isLocalFile():
            reason = translate(
                "MainWindow", "{what}: not a file on this computer; drop a data package folder or its datapackage.json."
            ).format(what=what)
        else:
            path = Path(what)
            if path.is_dir() or path.name.lower() == DESCRIPTOR:
                self.open_dataset(str(path))
                return
            reason = translate(
                "MainWindow", "{what}: not a data package; drop its folder or its datapackage.json."
            ).format(what=what)
        self._cannot_open(what, reason)

    # -- open recent ----------------------------------------------------------------------

    def _fill_recent_menu(self) -> None:
        """The datasets opened lately that still exist; the missing ones leave the list."""
        recent = [p for p in self.settings.recent_datasets if Path(p).exists()]
        self.settings.recent_datasets = recent
        self.recent_menu.clear()
        for i, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{i}  {path}" if i < 10 else path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_dataset(p))
        if not recent:
            self.recent_menu.addAction(translate("MainWindow", "No recent datasets")).setEnabled(False)
            return
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(translate("MainWindow", "&Clear the list")).triggered.connect(
            lambda _checked=False: setattr(self.settings, "recent_datasets", [])
        )

    def _remember_opened_from_outside(self) -> None:
        """A package named on the command line counts as opened: it joins Open recent."""
        directory = self.dataset.directory
        if directory.resolve() != bundled_dir().resolve():
            self.settings.add_recent_dataset(str(directory.absolute()))


def _describe(path: str, exc: Exception) -> str:
    if isinstance(exc, DatasetError):
        return str(exc)
    # A valid package the views cannot draw: same promise as a broken one, no traceback.
    return translate("MainWindow", "{path}: cannot be shown ({error})").format(
        path=path, error=f"{type(exc).__name__}: {exc}"
    )


def _restore_scroll(bar: QtWidgets.QScrollBar, value: int) -> None:
    """Scroll back to ``value`` once the new panel is laid out far enough to reach it."""
    bar.setValue(value)
    if bar.value() == value:
        return

    def reach(_minimum: int, maximum: int) -> None:
        bar.setValue(value)
        if maximum >= value:
            bar.rangeChanged.disconnect(reach)

    bar.rangeChanged.connect(reach)
