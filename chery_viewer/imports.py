"""The order in which the entry point imports its heavy libraries, and a cheaper pyqtgraph.

Both the window and the headless export call :func:`import_qt_stack` after the dataset has
loaded and before anything imports Qt. What it decides saves about a third of the time to
the first frame (measured with ``bench/startup.py``):

* **Pure-Python modules first.** Importing PySide6 installs an import hook that reads the
  source of every module imported after it (to see whether it uses PySide6). numpy and the
  fact sheet's own core modules are imported before PySide6, so they skip that hook. pandas is
  not on either path at all (see ``chery_viewer.core.csvtable``).
* **No source scan of what follows Qt.** The same hook (PySide6's ``__feature__`` support)
  is taken out again once Qt's modules are in: the app never writes ``from __feature__
  import``, so the scan only costs time (about 30 ms for pyqtgraph and the window's modules).
  See :func:`skip_feature_scan`.
* **pyqtgraph without materialising all of Qt.** On import, ``pyqtgraph.Qt`` copies every name
  of ``PySide6.QtCore``, ``QtGui`` and ``QtWidgets`` into mirror modules of its own
  (``pyqtgraph.Qt.QtCore`` …) with ``getattr``; PySide6 creates its classes and their enums
  lazily, so that copy builds some 1,000 classes and 600 enums the app never uses, about half
  of pyqtgraph's import. Here the mirrors answer a missing name from PySide6 on first use
  instead (a module ``__getattr__``, PEP 562), and the copy finds nothing to copy while
  pyqtgraph imports. Every name pyqtgraph (or anyone) reads through a mirror is the very
  same PySide6 object as before; only ``dir()`` of a mirror lists fewer names.
* **pyqtgraph without the modules the app never uses.** pyqtgraph's ``__init__`` star-imports
  some 80 of its modules; 57 of them (colour maps, parameter trees, image views, ROIs, most
  widgets: :data:`PYQTGRAPH_SKIPPED`) are imported neither by the app nor by the modules it
  uses. The same finder runs that ``__init__``, from its real source, without those lines
  (:class:`_TrimmingLoader`): pyqtgraph imports in about 54 ms instead of 86. *Cost later:*
  the first name pyqtgraph lacks (``pg.ColorMap``, ``from pyqtgraph import ImageView``,
  ``dir(pg)``, ``pg.image()``) runs all the skipped lines, about 35 ms, and from then on
  pyqtgraph is what an ordinary import makes it (:class:`_Rest`). Neither the window nor the
  export ever does (``tests/cli/test_import_order.py`` checks the modules they import). Only
  ``from pyqtgraph import *`` (pyqtgraph has no ``__all__``) misses the skipped names until then.

If pyqtgraph is already imported (a test session, an embedding program) nothing changes.
"""

from __future__ import annotations

import builtins
import dis
import functools
import importlib
import importlib.abc
import importlib.machinery
import os
import sys
from collections.abc import Sequence
from types import FunctionType, ModuleType
from typing import Any

#: Imported before PySide6: what both paths need and that does not itself import Qt.
BEFORE_QT = ("numpy", "chery_viewer.core.audit", "chery_viewer.core.content")
QT_MODULES = ("QtCore", "QtGui", "QtWidgets")
#: Lines of pyqtgraph 0.14's ``__init__`` run only when a name pyqtgraph lacks is first read
#: (:class:`_Rest`): those whose modules neither the app's nor their own imports import. The
#: rest of the ``__init__`` (PlotItem, ViewBox, AxisItem, mkPen, GraphicsView ... and what they
#: import) runs as it is. Each line must be in that ``__init__`` exactly once, or none is skipped.
PYQTGRAPH_SKIPPED = (
    "from .colors import palette",
    "from .colormap import *",
    "from .graphicsItems.ArrowItem import *",
    "from .graphicsItems.BoxplotItem import *",
    "from .graphicsItems.ColorBarItem import *",
    "from .graphicsItems.CurvePoint import *",
    "from .graphicsItems.DateAxisItem import *",
    "from .graphicsItems.ErrorBarItem import *",
    "from .graphicsItems.FillBetweenItem import *",
    "from .graphicsItems.GradientEditorItem import *",
    "from .graphicsItems.GradientLegend import *",
    "from .graphicsItems.GraphItem import *",
    "from .graphicsItems.GridItem import *",
    "from .graphicsItems.HistogramLUTItem import *",
    "from .graphicsItems.ImageItem import *",
    "from .graphicsItems.IsocurveItem import *",
    "from .graphicsItems.LinearRegionItem import *",
    "from .graphicsItems.PColorMeshItem import *",
    "from .graphicsItems.ROI import *",
    "from .graphicsItems.ScaleBar import *",
    "from .graphicsItems.TargetItem import *",
    "from .graphicsItems.UIGraphicsItem import *",
    "from .graphicsItems.VTickGroup import *",
    "from .imageview import *",
    "from .SignalProxy import *",
    "from .SRTTransform import SRTTransform",
    "from .SRTTransform3D import SRTTransform3D",
    "from .ThreadsafeTimer import *",
    "from .Transform3D import Transform3D",
    "from .Vector import Vector",
    "from .widgets.BusyCursor import *",
    "from .widgets.CheckTable import *",
    "from .widgets.ColorButton import *",
    "from .widgets.ColorMapMenu import ColorMapMenu",
    "from .widgets.ColorMapWidget import *",
    "from .widgets.ComboBox import *",
    "from .widgets.DataFilterWidget import *",
    "from .widgets.DataTreeWidget import *",
    "from .widgets.DiffTreeWidget import *",
    "from .widgets.FeedbackButton import *",
    "from .widgets.GradientWidget import *",
    "from .widgets.GraphicsLayoutWidget import *",
    "from .widgets.GroupBox import GroupBox",
    "from .widgets.HistogramLUTWidget import *",
    "from .widgets.JoystickButton import *",
    "from .widgets.LayoutWidget import *",
    "from .widgets.PathButton import *",
    "from .widgets.PlotWidget import *",
    "from .widgets.ProgressDialog import *",
    "from .widgets.RawImageWidget import *",
    "from .widgets.RemoteGraphicsView import RemoteGraphicsView",
    "from .widgets.ScatterPlotWidget import *",
    "from .widgets.SpinBox import *",
    "from .widgets.TableWidget import *",
    "from .widgets.TreeWidget import *",
    "from .widgets.ValueLabel import *",
    "from .widgets.VerticalLabel import *",
)


def import_qt_stack(before_qt: Sequence[str] = BEFORE_QT) -> None:
    """Import ``before_qt``, then PySide6's widgets, then pyqtgraph with lazy mirrors and skipped modules."""
    for name in before_qt:
        importlib.import_module(name)
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")  # pyqtgraph picks its binding on import
    import PySide6.QtCore
    import PySide6.QtGui
    import PySide6.QtWidgets  # noqa: F401 (imported for pyqtgraph, which needs all three)

    skip_feature_scan()
    if "pyqtgraph" not in sys.modules:
        import_pyqtgraph_lazily()


def skip_feature_scan() -> bool:
    """Take PySide6's ``__feature__`` import hook out of ``builtins.__import__``; True if it was in.

    PySide6 puts its ``__feature_import__`` in front of the import it found (kept as
    ``builtins.__orig_import__``, its documented place). After every import the hook reads the
    source of the module that was imported, with ``inspect.getsource``, to note whether it
    mentions PySide6; that note only matters to a module that selects a feature (``from
    __feature__ import snake_case``), which nothing in this process does. With the hook gone a
    module that was not noted gets PySide6's default selection, the same one it gets today.
    The import under it (PySide6's own lazy loader, in 6.11) stays as it is.
    """
    hook, under = getattr(builtins, "__feature_import__", None), getattr(builtins, "__orig_import__", None)
    if hook is None or under is None or builtins.__import__ is not hook:
        return False
    builtins.__import__ = under
    return True


def import_pyqtgraph_lazily() -> ModuleType:
    """``import pyqtgraph``, its Qt mirrors filled and its skipped modules imported on demand.

    Should that fail for any reason (another pyqtgraph, a packager's own importer), what it
    imported is dropped and pyqtgraph is imported the ordinary way.
    """
    sources = {f"pyqtgraph.Qt.{name}": sys.modules[f"PySide6.{name}"] for name in QT_MODULES}
    finder = _LazyFinder(sources)
    sys.meta_path.insert(0, finder)
    # PySide6's modules list their names with a ``__dir__`` of their own (lazy loading):
    # it is swapped out while pyqtgraph imports, and put back.
    own_dirs = {name: vars(module).get("__dir__") for name, module in sources.items()}
    for module in sources.values():
        module.__dir__ = _no_names  # type: ignore[method-assign]
    try:
        import pyqtgraph

        if not all(isinstance(vars(sys.modules[name]).get("__getattr__"), _Forward) for name in sources):
            raise ImportError("pyqtgraph's Qt mirrors were not found by the lazy finder")
        if not isinstance(pyqtgraph.__loader__, _TrimmingLoader):
            raise ImportError("pyqtgraph was not found by the lazy finder")
    except Exception:
        lazy_failed = True
    else:
        lazy_failed = False
    finally:
        for name, module in sources.items():
            if own_dirs[name] is None:
                del module.__dir__
            else:
                module.__dir__ = own_dirs[name]  # type: ignore[method-assign]
        if finder in sys.meta_path:
            sys.meta_path.remove(finder)
    if lazy_failed:
        for name in [n for n in sys.modules if n == "pyqtgraph" or n.startswith("pyqtgraph.")]:
            del sys.modules[name]
        import pyqtgraph
    return pyqtgraph


def _no_names() -> list[str]:
    return []


class _LazyFinder(importlib.abc.MetaPathFinder):
    """Finds pyqtgraph and its mirror modules with the other finders, then wraps their loaders."""

    def __init__(self, sources: dict[str, ModuleType]) -> None:
        self.sources = sources

    def find_spec(self, name: str, path: Any, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        source = self.sources.get(name)
        if source is None and name != "pyqtgraph":
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                break
        else:
            return None
        if spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        spec.loader = _TrimmingLoader(spec.loader) if source is None else _ForwardingLoader(spec.loader, source)
        return spec


class _ForwardingLoader(importlib.abc.Loader):
    """The mirror's own loader, then the ``__getattr__`` (a wrapper: a loader may be shared)."""

    def __init__(self, loader: Any, source: ModuleType) -> None:
        self.loader, self.source = loader, source

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self.loader.exec_module(module)
        module.__getattr__ = _Forward(module, self.source)  # type: ignore[method-assign]


class _Forward:
    """A mirror's module ``__getattr__`` (PEP 562): a missing name is PySide6's, kept once read.

    Every missing name, dunders included (pyqtgraph reads ``QtCore.__version__``): what
    pyqtgraph's own copy would have put there.
    """

    def __init__(self, mirror: ModuleType, source: ModuleType) -> None:
        self.mirror, self.source = mirror, source

    def __call__(self, name: str) -> Any:
        value = getattr(self.source, name)  # AttributeError names the PySide6 module, as it should
        setattr(self.mirror, name, value)
        return value


class _TrimmingLoader(importlib.abc.Loader):
    """pyqtgraph's own ``__init__`` without the lines of :data:`PYQTGRAPH_SKIPPED`, then :class:`_Rest`.

    The source is the real one (its loader's ``get_source``), compiled under its real file
    name and run in the module the import system made from the real spec. Should there be no
    source (a frozen app) or one of the lines not be found exactly once, the ``__init__`` runs
    whole, through its own loader.
    """

    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        try:  # a frozen app's loader (PyInstaller's) may have no source to give
            lines = (self.loader.get_source(module.__name__) or "").splitlines()
        except (AttributeError, ImportError):
            lines = []
        if any(lines.count(line) != 1 for line in PYQTGRAPH_SKIPPED):
            self.loader.exec_module(module)
            return
        skipped = frozenset(PYQTGRAPH_SKIPPED)
        kept = "\n".join("" if line in skipped else line for line in lines)  # same line numbers
        exec(compile(kept, module.__spec__.origin, "exec"), vars(module))
        _Rest(module).install()


class _Rest:
    """pyqtgraph's ``__getattr__`` and ``__dir__`` (PEP 562) until the skipped lines have run.

    The first name pyqtgraph lacks (or its ``dir()``) runs every skipped line, in its order,
    each in a namespace of its own, and binds what the line imported where pyqtgraph's
    ``__init__`` had not bound that name itself. Its few functions that read a skipped name
    as a global (``image`` reads ``ImageView``) run the lines first. Then pyqtgraph is what an
    ordinary import makes it: its own functions back, and no ``__getattr__`` or ``__dir__``.
    """

    def __init__(self, module: ModuleType) -> None:
        self.names = vars(module)
        self.own = frozenset(self.names)
        self.functions: dict[str, FunctionType] = {}
        self.running = self.done = False

    def install(self) -> None:
        wrappers: dict[FunctionType, Any] = {}
        for name, value in list(self.names.items()):
            if isinstance(value, FunctionType) and value.__module__ == "pyqtgraph" and self._reads_skipped(value):
                self.functions[name] = value
                self.names[name] = wrappers.setdefault(value, self._after_run(value))
        self.names["__getattr__"], self.names["__dir__"] = self.getattr, self.dir

    def getattr(self, name: str) -> Any:
        self.run()
        if name not in self.names:
            raise AttributeError(f"module 'pyqtgraph' has no attribute {name!r}")
        return self.names[name]

    def dir(self) -> list[str]:
        self.run()
        return sorted(self.names)

    def run(self) -> None:
        if self.done or self.running:  # a name read while the lines run is missing, as it would be
            return
        base = {key: self.names[key] for key in ("__name__", "__package__", "__spec__")}
        self.running = True
        try:
            for line in PYQTGRAPH_SKIPPED:
                found = dict(base)
                exec(line, found)
                for name, value in found.items():
                    if name not in base and name != "__builtins__" and name not in self.own:
                        self.names[name] = value
        finally:
            self.running = False
        del self.names["__getattr__"], self.names["__dir__"]
        self.names.update(self.functions)
        self.done = True

    def _reads_skipped(self, function: FunctionType) -> bool:
        globals_read = {i.argval for i in dis.get_instructions(function) if i.opname == "LOAD_GLOBAL"}
        return any(name not in self.names and not hasattr(builtins, name) for name in globals_read)

    def _after_run(self, function: FunctionType) -> Any:
        @functools.wraps(function)
        def call(*args: Any, **kwargs: Any) -> Any:
            self.run()
            return function(*args, **kwargs)

        return call
