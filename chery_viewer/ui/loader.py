"""Loading a data package off the GUI thread, and noticing when its files change on disk.

:class:`DatasetLoader` reads, validates and prepares everything the tabs show in a QThread,
so the window keeps painting and answering while frictionless checks a large package.
Cancelling drops the result: the thread finishes its current step and nothing is applied.

:class:`PackageWatcher` follows the files of the open package. Editors that save by writing a
new file and renaming it over the old one make QFileSystemWatcher forget the path, so after
every event the paths are watched again; a burst of events (a save is often several) starts
one reload after a quiet interval.
"""

from __future__ import annotations

import gc
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6 import QtCore

from chery_viewer.core.audit import Analysis, analyse
from chery_viewer.core.content import BUILDERS, SectionContent
from chery_viewer.core.dataset import DESCRIPTOR
from chery_viewer.core.factsheet import FactSheet, load_factsheet

#: The loader's steps: reading and validating, then one per tab.
STEPS = 1 + len(BUILDERS)
DEBOUNCE_MS = 400
#: While a loader runs, the interpreter offers the GIL to other threads every millisecond
#: instead of every 5 ms. Measured on a package 1,000 times the bundled one: with the default,
#: the window's thread waited up to 450 ms for the GIL while the loader validated; with 1 ms,
#: under 100 ms, and the load took no longer.
LOADING_SWITCH_INTERVAL_S = 0.001


class _WhileLoading:
    """While at least one loader runs: a lower GIL switch interval, and the objects alive when
    the first loader started kept out of the garbage collector's way.

    A full collection scans every tracked object while it holds the GIL; with a big package
    loading, the growing heap makes the collector run several full collections, each one
    longer (on a package 1,000 times the bundled one, 77 and 109 ms, stalls of the window).
    ``gc.freeze`` moves what already exists (the window, its panels, the sheet shown) to the
    permanent generation, so those collections scan only what the load created;
    ``gc.unfreeze`` puts it back when the last loader ends. Both are constant time.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = 0
        self._saved = sys.getswitchinterval()

    def __enter__(self) -> None:
        with self._lock:
            if self._running == 0:
                self._saved = sys.getswitchinterval()
                sys.setswitchinterval(min(self._saved, LOADING_SWITCH_INTERVAL_S))
                gc.freeze()
            self._running += 1

    def __exit__(self, *_exc: object) -> None:
        with self._lock:
            self._running -= 1
            if self._running == 0:
                sys.setswitchinterval(self._saved)
                gc.unfreeze()


_while_loading = _WhileLoading()


@dataclass(frozen=True)
class Loaded:
    """A package ready to show: as loaded, in the shown language, analysed, every tab built."""

    path: str
    language: str  # the data language (tag) of ``sheet``
    dataset: FactSheet
    sheet: FactSheet
    analysis: Analysis
    sections: dict[str, SectionContent]


class DatasetLoader(QtCore.QThread):
    """Load ``path`` for the language ``data_language`` ('en', 'zh-CN') in a thread of its own.

    Emits ``sigProgress(loader, step, STEPS)`` as it goes, then ``sigDone(loader, outcome)``
    once with a :class:`Loaded` or the exception that stopped it, unless cancelled, when it
    emits nothing more. Each signal names its loader, so a window can drop the ones it cancelled.
    """

    sigProgress = QtCore.Signal(object, int, int)
    sigDone = QtCore.Signal(object, object)

    def __init__(self, path: str, data_language: str, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.data_language = data_language
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def run(self) -> None:
        with _while_loading:
            self._load()

    def _load(self) -> None:
        try:
            self.sigProgress.emit(self, 0, STEPS)
            dataset = load_factsheet(self.path)
            if self._cancelled:
                return
            sheet = dataset.localized(self.data_language)
            analysis = analyse(sheet)
            sections = {}
            # Everything the tabs will show is built here, so a package that loads but
            # cannot be shown is refused before anything on screen changes.
            for step, (key, build) in enumerate(BUILDERS.items(), start=1):
                self.sigProgress.emit(self, step, STEPS)
                sections[key] = build(sheet, analysis)
                if self._cancelled:
                    return
        except Exception as exc:  # reported to the window, which keeps the data it has
            if not self._cancelled:
                self.sigDone.emit(self, exc)
            return
        self.sigDone.emit(self, Loaded(self.path, self.data_language, dataset, sheet, analysis, sections))


def package_files(directory: Path) -> list[Path]:
    """The files of a package worth watching: the descriptor and the visible files beside it."""
    try:
        files = [p for p in directory.iterdir() if p.is_file() and not p.name.startswith(".")]
    except OSError:
        return []
    return sorted(files, key=lambda p: (p.name != DESCRIPTOR, p.name))


def fingerprint(directory: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of each file: equal fingerprints, nothing to reload."""
    result = []
    for path in package_files(directory):
        try:
            stat = path.stat()
        except OSError:
            continue
        result.append((path.name, stat.st_size, stat.st_mtime_ns))
    return tuple(result)


class PackageWatcher(QtCore.QObject):
    """Emits ``sigChanged`` once after the files in a package folder stop changing."""

    sigChanged = QtCore.Signal()

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.directory: Path | None = None
        self._seen: tuple[tuple[str, int, int], ...] = ()
        self._watcher = QtCore.QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._poke)
        self._watcher.directoryChanged.connect(self._poke)
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._settled)

    def watch(self, directory: Path | None) -> None:
        """Follow ``directory`` (None: nothing); what is on disk now counts as seen."""
        self._timer.stop()
        for paths in (self._watcher.files(), self._watcher.directories()):
            if paths:
                self._watcher.removePaths(paths)
        self.directory = directory
        self._seen = fingerprint(directory) if directory is not None else ()
        self._rewatch()

    def _rewatch(self) -> None:
        if self.directory is None or not self.directory.is_dir():
            return
        wanted = [str(self.directory), *(str(p) for p in package_files(self.directory))]
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        missing = [p for p in wanted if p not in watched]
        if missing:
            self._watcher.addPaths(missing)

    def _poke(self, _path: str) -> None:
        self._timer.start()  # restarts: a burst of events ends in one reload

    def _settled(self) -> None:
        self._rewatch()  # a file saved by rename is a new file: watch it again
        if self.directory is None:
            return
        now = fingerprint(self.directory)
        if now != self._seen:
            self._seen = now
            self.sigChanged.emit()
