"""The start-up and export paths keep their import order (issue 18): a property, not a timing.

Each test runs the real entry point (``python -m chery_viewer``, the same ``cli.main`` as the
installed command) in a fresh interpreter, with a ``sitecustomize`` on its path that writes,
as the process exits, every module it imported in the order the imports began (the order of
``sys.modules``). What must hold:

* pandas is never imported: the loader and the document are plain Python, and pandas alone
  costs about a third of a start-up (and more at exit). Were it ever needed on these paths, it
  would have to come before PySide6, whose import hook makes every later import slower;
* numpy (which pyqtgraph needs) is imported before PySide6, for the same reason;
* the bundled dataset never imports frictionless (its digest is checked instead);
* PySide6's ``__feature__`` hook, which reads the source of each module imported after Qt,
  is out of the way before pyqtgraph and the window's modules are imported: PySide6 has
  noted none of them.

The window run lets the app go on until every tab's panel is built in idle time, so what is
deferred past the first frame is covered too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PROBE = textwrap.dedent(
    """
    import atexit, importlib.abc, importlib.util, json, os, sys

    _state = {"panels": None}

    def _dump():
        feature = sys.modules.get("shibokensupport.feature")
        noted = sorted(getattr(feature, "pyside_feature_dict", {}))
        with open(os.environ["CHERY_TEST_IMPORT_LOG"], "w", encoding="utf-8") as f:
            json.dump({"modules": list(sys.modules), "noted": noted, **_state}, f)

    atexit.register(_dump)

    def _quit_when_built(widgets):
        from PySide6 import QtCore

        show = widgets.QMainWindow.show

        def first_show(window):
            widgets.QMainWindow.show = show
            show(window)
            timer = QtCore.QTimer(window)
            turns = [0]

            def check():
                turns[0] += 1
                _state["panels"] = len(getattr(window, "panels", {}))
                if _state["panels"] == 5 or turns[0] > 400:
                    widgets.QApplication.instance().quit()

            timer.timeout.connect(check)
            timer.start(50)

        widgets.QMainWindow.show = first_show

    class _Finder(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            if name != "PySide6.QtWidgets":
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(name)
            run = spec.loader.exec_module

            def exec_module(module):
                run(module)
                _quit_when_built(module)

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, _Finder())
    """
)


def run_entry_point(tmp_path: Path, *args: str) -> dict:
    """``python -m chery_viewer *args`` offscreen with the probe; the modules it imported, in order."""
    probe = tmp_path / "probe"
    probe.mkdir(exist_ok=True)
    (probe / "sitecustomize.py").write_text(PROBE, encoding="utf-8")
    log = tmp_path / "imports.json"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONSTARTUP", "PYQTGRAPH_QT_LIB")}
    env.update(
        PYTHONPATH=os.pathsep.join([str(probe), *filter(None, [env.get("PYTHONPATH")])]),
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        CHERY_TEST_IMPORT_LOG=str(log),
    )
    result = subprocess.run(
        [sys.executable, "-m", "chery_viewer", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(log.read_text(encoding="utf-8"))


def assert_not_scanned(noted: list[str]) -> None:
    """None of the modules imported after Qt was read by PySide6's ``__feature__`` hook."""
    scanned = [name for name in noted if name.startswith(("pyqtgraph", "chery_viewer.ui", "chery_viewer.report"))]
    assert scanned == [], f"PySide6's import hook read the source of {scanned[:5]}"


def assert_import_order(modules: list[str]) -> None:
    assert "PySide6" in modules and "pyqtgraph" in modules, "the run did not reach Qt"
    qt = modules.index("PySide6")
    assert "pandas" not in modules, f"pandas was imported (at {modules.index('pandas')}, PySide6 at {qt})"
    assert modules.index("numpy") < qt, "numpy was imported after PySide6"
    assert "frictionless" not in modules, "the bundled dataset imported frictionless"
    # It costs some 10 ms of start-up (shutil, xml.sax) for one constant.
    for slow in ("chery_viewer.desktop",):
        assert slow not in modules, f"{slow} is imported on the way to the first frame"


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_export_path_imports_no_pandas_and_numpy_before_qt(tmp_path: Path, lang: str):
    out = tmp_path / "sheet.pdf"
    log = run_entry_point(tmp_path, "--export-pdf", str(out), "--lang", lang)
    assert out.read_bytes().startswith(b"%PDF-")
    assert_import_order(log["modules"])
    assert_not_scanned(log["noted"])


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_window_path_imports_no_pandas_and_numpy_before_qt(tmp_path: Path, lang: str):
    log = run_entry_point(tmp_path, "--lang", lang)
    assert log["panels"] == 5, "the window did not build every tab"
    assert_import_order(log["modules"])
    assert_not_scanned(log["noted"])


def test_lazy_pyqtgraph_mirrors_give_the_same_objects(tmp_path: Path):
    """pyqtgraph imported by ``chery_viewer.imports`` sees every PySide6 name its own copy would
    have given it, as the very same object, and PySide6's modules keep their own ``dir()``."""
    code = textwrap.dedent(
        """
        import json, sys
        from chery_viewer.imports import import_qt_stack
        import_qt_stack()
        import pyqtgraph
        from PySide6 import QtCore, QtGui, QtWidgets
        from pyqtgraph import Qt
        report = {}
        for real, mirror in ((QtCore, Qt.QtCore), (QtGui, Qt.QtGui), (QtWidgets, Qt.QtWidgets)):
            names = [n for n in dir(real) if not n.startswith("__") or n == "__version__"]
            wrong = [n for n in names if getattr(mirror, n) is not getattr(real, n)]
            report[real.__name__] = {"names": len(names), "wrong": wrong}
        plot = pyqtgraph.PlotWidget
        report["version"] = Qt.QtCore.__version__ == QtCore.__version__
        report["ok"] = issubclass(plot, QtWidgets.QGraphicsView) and Qt.QtWidgets.QOpenGLWidget is not None
        print(json.dumps(report))
        """
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONSTARTUP", "PYQTGRAPH_QT_LIB")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    for module in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"):
        assert report[module]["names"] > 100, f"dir({module}) lost its names"
        assert report[module]["wrong"] == []
    assert report["version"] is True
    assert report["ok"] is True


def test_pyqtgraph_is_imported_the_ordinary_way_when_the_mirrors_are_not_found(tmp_path: Path):
    """A packager's importer the lazy finder cannot see: pyqtgraph still imports, fully copied."""
    code = textwrap.dedent(
        """
        import json
        from chery_viewer import imports
        imports._MirrorFinder.find_spec = lambda self, name, path, target=None: None
        imports.import_qt_stack()
        import pyqtgraph
        from pyqtgraph import Qt
        from PySide6 import QtCore
        print(json.dumps({"copied": len(vars(Qt.QtCore)), "same": Qt.QtCore.QPointF is QtCore.QPointF,
                          "dir": len(dir(QtCore)), "plot": pyqtgraph.PlotWidget.__name__}))
        """
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONSTARTUP", "PYQTGRAPH_QT_LIB")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["copied"] > 100 and report["same"] is True and report["dir"] > 100
    assert report["plot"] == "PlotWidget"
