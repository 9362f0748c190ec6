"""What the window remembers between runs, kept in one QSettings object."""

from __future__ import annotations

import json
import os
import stat
import sys
import tempfile
from pathlib import Path

from PySide6 import QtCore

from chery_viewer.core.errors import printable
from chery_viewer.core.files import xdg_folder

MAX_RECENT = 8

#: A settings file of ours holds a few hundred bytes; a larger one is not read.
MAX_SETTINGS_BYTES = 1024 * 1024


def settings_path() -> Path | None:
    """Where QSettings keeps the app's settings on Linux and the BSDs, or None without a real home.

    Qt reads ``$XDG_CONFIG_HOME`` when it is absolute, else ``$HOME/.config``; an empty,
    relative or missing HOME would make it write ``/.config`` or create the home folder.
    """
    app = QtCore.QCoreApplication
    base = xdg_folder("XDG_CONFIG_HOME", ".config")
    return base / app.organizationName() / f"{app.applicationName()}.conf" if base else None


def _settings_problem() -> str:
    """Why the usual settings file must not be opened, or '' when it may."""
    if not (sys.platform.startswith("linux") or "bsd" in sys.platform):
        return ""
    path = settings_path()
    if path is None:
        return "no home folder (HOME is empty, relative or missing)"
    try:
        info = os.stat(path)  # never blocks, unlike opening a FIFO
    except FileNotFoundError:
        return ""
    except OSError as exc:
        return f"{path} cannot be looked at ({(exc.strerror or str(exc)).lower()})"
    if not stat.S_ISREG(info.st_mode):
        return f"{path} is not a regular file"
    if info.st_size > MAX_SETTINGS_BYTES:
        return f"{path} is {info.st_size:,} bytes, far more than settings take"
    return ""


class Settings:
    """Typed access to QSettings; tests pass their own QSettings in a temporary folder.

    Without one, the usual settings file is used, unless it is a FIFO, a device, a link to
    one or oversized (which would hang or exhaust the app) or there is no real home folder:
    then one line on stderr says so, and this session's choices live in a private file
    that is removed at exit, so the user's file is neither read nor replaced.
    """

    def __init__(self, store: QtCore.QSettings | None = None) -> None:
        self._private: tempfile.TemporaryDirectory[str] | None = None
        if store is None:
            problem = _settings_problem()
            if problem:
                print(f"chery-viewer: settings not loaded or saved: {printable(problem)}", file=sys.stderr)
                self._private = tempfile.TemporaryDirectory(prefix="chery-viewer-settings-")
                private = str(Path(self._private.name) / "settings.ini")
                store = QtCore.QSettings(private, QtCore.QSettings.Format.IniFormat)
            else:
                store = QtCore.QSettings()
        self.store = store

    def _get(self, key: str, default: str) -> str:
        value = self.store.value(key, default)
        return value if isinstance(value, str) else default

    @property
    def theme(self) -> str:
        return self._get("view/theme", "light")

    @theme.setter
    def theme(self, value: str) -> None:
        self.store.setValue("view/theme", value)

    @property
    def language(self) -> str:
        """The language chosen in View → Language ('' until the user chooses one)."""
        return self._get("view/language", "")

    @language.setter
    def language(self, value: str) -> None:
        self.store.setValue("view/language", value)

    @property
    def zoom(self) -> float:
        """The page zoom (View → Zoom in / out, Ctrl+= / Ctrl+-), 1.0 until changed."""
        try:
            value = float(self._get("view/zoom", "1.0"))
        except ValueError:
            return 1.0
        return value if 0.5 <= value <= 3.0 else 1.0

    @zoom.setter
    def zoom(self, value: float) -> None:
        self.store.setValue("view/zoom", f"{value:g}")

    @property
    def last_tab(self) -> str:
        return self._get("view/last_tab", "overview")

    @last_tab.setter
    def last_tab(self, value: str) -> None:
        self.store.setValue("view/last_tab", value)

    def directory(self, purpose: str) -> str:
        """Last folder used for ``purpose`` ('dataset', 'pdf', 'chart')."""
        return self._get(f"paths/{purpose}", QtCore.QDir.homePath())

    def set_directory(self, purpose: str, folder: str) -> None:
        self.store.setValue(f"paths/{purpose}", folder)

    @property
    def geometry(self) -> QtCore.QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QtCore.QByteArray) else None

    @geometry.setter
    def geometry(self, value: QtCore.QByteArray) -> None:
        self.store.setValue("window/geometry", value)

    @property
    def recent_datasets(self) -> list[str]:
        """Datasets opened lately, newest first (kept as JSON: an INI file turns a one-item list into a string)."""
        try:
            value = json.loads(self._get("paths/recent_datasets", "[]"))
        except ValueError:
            return []
        return [p for p in value if isinstance(p, str)] if isinstance(value, list) else []

    @recent_datasets.setter
    def recent_datasets(self, paths: list[str]) -> None:
        self.store.setValue("paths/recent_datasets", json.dumps(paths[:MAX_RECENT], ensure_ascii=False))

    def add_recent_dataset(self, path: str) -> None:
        self.recent_datasets = [path, *(p for p in self.recent_datasets if p != path)]

    def sync(self) -> None:
        self.store.sync()
