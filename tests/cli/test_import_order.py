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
  noted none of them;
* none of the pyqtgraph modules whose lines ``chery_viewer.imports`` skips in pyqtgraph's
  ``__init__`` (``PYQTGRAPH_SKIPPED``: parametertree, colormap, imageview ...) is imported.

The window run lets the app go on until every tab's panel is built in idle time, so what is
deferred past the first frame is covered too.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from chery_viewer.imports import PYQTGRAPH_SKIPPED

#: The modules the skipped lines import, and one that only they import (via ColorMapWidget).
SKIPPED_MODULES = [
    "pyqtgraph." + re.fullmatch(r"from \.([\w.]+) import [\w*]+", line)[1] for line in PYQTGRAPH_SKIPPED
] + ["pyqtgraph.parametertree"]

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
    env = _clean_env()
    env.update(
        PYTHONPATH=os.pathsep.join([str(probe), *filter(None, [env.get("PYTHONPATH")])]),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        CHERY_TEST_IMPORT_LOG=str(log),
    )
    _run_python(tmp_path, env, "-m", "chery_viewer", *args)
    return json.loads(log.read_text(encoding="utf-8"))


def _clean_env() -> dict[str, str]:
    """This environment offscreen, without what would change how Python or pyqtgraph start."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONSTARTUP", "PYQTGRAPH_QT_LIB")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _run_python(cwd: Path, env: dict[str, str], *args: str) -> str:
    """A fresh interpreter with ``args``; its standard output (it must exit 0)."""
    result = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=180, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


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
    skipped = [name for name in SKIPPED_MODULES if name in modules]
    assert skipped == [], f"pyqtgraph's skipped modules were imported: {skipped[:5]}"


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


def run_snippet(tmp_path: Path, code: str, *args: str) -> dict:
    """``python -c code *args`` offscreen in a fresh interpreter; the JSON its last line prints."""
    out = _run_python(tmp_path, _clean_env(), "-c", textwrap.dedent(code), *args)
    return json.loads(out.strip().splitlines()[-1])


def test_lazy_pyqtgraph_mirrors_give_the_same_objects(tmp_path: Path):
    """pyqtgraph imported by ``chery_viewer.imports`` sees every PySide6 name its own copy would
    have given it, as the very same object, and PySide6's modules keep their own ``dir()``."""
    code = """
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
    report = run_snippet(tmp_path, code)
    for module in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"):
        assert report[module]["names"] > 100, f"dir({module}) lost its names"
        assert report[module]["wrong"] == []
    assert report["version"] is True
    assert report["ok"] is True


def test_pyqtgraph_is_imported_the_ordinary_way_when_the_mirrors_are_not_found(tmp_path: Path):
    """A packager's importer the lazy finder cannot see: pyqtgraph still imports, fully copied."""
    code = """
        import json
        from chery_viewer import imports
        imports._LazyFinder.find_spec = lambda self, name, path, target=None: None
        imports.import_qt_stack()
        import pyqtgraph
        from pyqtgraph import Qt
        from PySide6 import QtCore
        print(json.dumps({"copied": len(vars(Qt.QtCore)), "same": Qt.QtCore.QPointF is QtCore.QPointF,
                          "dir": len(dir(QtCore)), "plot": pyqtgraph.PlotWidget.__name__}))
        """
    report = run_snippet(tmp_path, code)
    assert report["copied"] > 100 and report["same"] is True and report["dir"] > 100
    assert report["plot"] == "PlotWidget"


DESCRIBE = textwrap.dedent(
    """
    import json, sys, types

    def describe(value):
        # What names a value in another process: a module's name, a class's or function's place, or its repr.
        if isinstance(value, types.ModuleType):
            return ["module", value.__name__]
        if hasattr(value, "__module__") and hasattr(value, "__qualname__"):
            return ["object", value.__module__, value.__qualname__]
        return ["value", repr(value)]
    """
)


@pytest.fixture(scope="module")
def ordinary_pyqtgraph(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Every public name of ``dir(pyqtgraph)`` imported the ordinary way, described."""
    code = """
        import os
        os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"
        import pyqtgraph
        print(json.dumps({n: describe(getattr(pyqtgraph, n)) for n in dir(pyqtgraph) if not n.startswith("_")}))
        """
    return run_snippet(tmp_path_factory.mktemp("ordinary"), DESCRIBE + textwrap.dedent(code))


FIRST_USES = {
    "from-import": "from pyqtgraph import ColorMap; assert ColorMap.__name__ == 'ColorMap'",
    "attribute": "assert pyqtgraph.ColorMapWidget.__name__ == 'ColorMapWidget' and pyqtgraph.parametertree.Parameter",
    "dir": "assert 'ImageView' in dir(pyqtgraph)",
    # A function of pyqtgraph's __init__ that reads a skipped name (``palette``) as a global.
    "function": "from PySide6.QtWidgets import QApplication as A; pyqtgraph.setPalette(A([]), 'qdarkstyle'); "
    "assert A.instance().palette().window().color().lightness() < 128",
}


@pytest.mark.parametrize("first_use", FIRST_USES)
def test_trimmed_pyqtgraph_answers_every_name_of_an_ordinary_import(
    tmp_path: Path, ordinary_pyqtgraph: dict, first_use: str
):
    """pyqtgraph imported without its skipped lines: they are not run until a name pyqtgraph lacks
    is first used (however it is used), and then every public name an ordinary import has is the
    same class, function or module (or an equal value)."""
    code = """
        from chery_viewer.imports import import_qt_stack
        import_qt_stack()
        import pyqtgraph
        report = {"trimmed": "ColorMap" not in vars(pyqtgraph) and "pyqtgraph.colormap" not in sys.modules}
        exec(sys.argv[1])
        report["names"] = {n: describe(getattr(pyqtgraph, n)) for n in json.loads(sys.argv[2])}
        report["ordinary"] = "__getattr__" not in vars(pyqtgraph)
        print(json.dumps(report))
        """
    report = run_snippet(
        tmp_path, DESCRIBE + textwrap.dedent(code), FIRST_USES[first_use], json.dumps(list(ordinary_pyqtgraph))
    )
    assert report["trimmed"] is True, "pyqtgraph was imported whole"
    assert len(ordinary_pyqtgraph) > 150 and ordinary_pyqtgraph["ColorMap"][1] == "pyqtgraph.colormap"
    wrong = {n: (v, report["names"][n]) for n, v in ordinary_pyqtgraph.items() if report["names"][n] != v}
    assert wrong == {}
    assert report["ordinary"] is True, "pyqtgraph kept its __getattr__ after the skipped lines ran"


@pytest.mark.parametrize("refusal", ["line", "no source", "raise"])
def test_pyqtgraph_is_imported_whole_when_the_trim_is_refused(tmp_path: Path, refusal: str):
    """An ``__init__`` without one of the skipped lines, or without source (a frozen app), runs
    whole (the mirrors still lazy); an error anywhere on the way drops what was imported and
    imports pyqtgraph the ordinary way."""
    code = """
        import importlib.machinery, json, sys
        from chery_viewer import imports
        if sys.argv[1] == "line":
            imports.PYQTGRAPH_SKIPPED += ("from .nothing import *",)
        elif sys.argv[1] == "no source":
            importlib.machinery.SourceFileLoader.get_source = lambda self, name: None
        else:
            def fail(self):
                raise RuntimeError("anything")
            imports._Rest.install = fail
        imports.import_qt_stack()
        import pyqtgraph
        from pyqtgraph import Qt
        print(json.dumps({"whole": "ColorMap" in vars(pyqtgraph) and "pyqtgraph.parametertree" in sys.modules,
                          "getattr": "__getattr__" in vars(pyqtgraph), "copied": len(vars(Qt.QtCore)),
                          "plot": pyqtgraph.PlotWidget.__name__}))
        """
    report = run_snippet(tmp_path, code, refusal)
    assert report["whole"] is True and report["getattr"] is False and report["plot"] == "PlotWidget"
    # A refused trim leaves the mirrors lazy (a few names read); the ordinary import copies them all.
    assert (report["copied"] > 100) if refusal == "raise" else (report["copied"] < 100)
