"""First-frame probe for ``bench/startup.py``: prints the wall-clock time of the app's first
complete frame, then leaves with ``os._exit`` (interpreter shutdown is not start-up).

Python's ``site`` module loads this file through ``PYTHONPATH`` before anything else, so the
app starts exactly as a user starts it: its installed entry point, its own import order, no
code of the benchmark in between. Nothing here imports Qt: the probe waits until the app
imports ``PySide6.QtWidgets`` itself, then watches the first ``QMainWindow`` it shows.

A frame is complete when every chart (``QGraphicsView``) the user can see in that window has
painted, or, in a window without one, when the window has painted.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import os
import sys
import time
from typing import Any


def _watch(window: Any, widgets: Any, core: Any) -> None:
    painted: set[int] = set()

    def visible_views() -> list[Any]:
        return [
            v
            for v in window.findChildren(widgets.QGraphicsView)
            if v.isVisible() and not v.viewport().visibleRegion().isEmpty()
        ]

    class Spy(core.QObject):
        def eventFilter(self, obj: Any, event: Any) -> bool:
            if event.type() == core.QEvent.Type.Paint and isinstance(obj, widgets.QWidget):
                painted.add(id(obj))
                views = visible_views()
                if (views and all(id(v.viewport()) in painted for v in views)) or (not views and obj is window):
                    print(time.time(), flush=True)
                    os._exit(0)
            return False

    spy = Spy(window)
    widgets.QApplication.instance().installEventFilter(spy)


def _patch(widgets: Any) -> None:
    from PySide6 import QtCore  # already imported by QtWidgets

    show = widgets.QMainWindow.show

    def first_show(self: Any) -> None:
        widgets.QMainWindow.show = show
        _watch(self, widgets, QtCore)
        show(self)

    widgets.QMainWindow.show = first_show


class _QtWidgetsFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def exec_and_patch(module: Any) -> None:
            exec_module(module)
            _patch(module)

        spec.loader.exec_module = exec_and_patch  # type: ignore[method-assign]
        return spec


if os.environ.get("CHERY_BENCH_FIRST_FRAME"):
    sys.meta_path.insert(0, _QtWidgetsFinder())
