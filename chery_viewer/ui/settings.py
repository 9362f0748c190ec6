"""What the window remembers between runs, kept in one QSettings object."""

from __future__ import annotations

import json

from PySide6 import QtCore

MAX_RECENT = 8


class Settings:
    """Typed access to QSettings; tests pass their own QSettings in a temporary folder."""

    def __init__(self, store: QtCore.QSettings | None = None) -> None:
        self.store = store if store is not None else QtCore.QSettings()

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
