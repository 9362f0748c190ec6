"""Command line: open the window, or export the fact sheet to PDF without one.

Exit codes: 0 success; 2 bad input (usage, dataset, output path, no display), with one
line on stderr; 1 anything unexpected. Qt is imported only after the checks that decide
whether it may start: with no display Qt aborts the whole process, which no ``except``
can catch.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from chery_viewer import __version__
from chery_viewer.core.signals import Interrupted, deferred

PROG = "chery-viewer"
EXIT_OK, EXIT_UNEXPECTED, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(Exception):
    """Bad command-line input; the message is the one line the user sees."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see {PROG} --help)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Browse the Chery Group 2022 fact sheet, or export it to PDF.",
        epilog="Exit status: 0 success, 2 bad input (one line on stderr), 1 unexpected error.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--dataset",
        metavar="PATH",
        help="a data package folder or its datapackage.json, instead of the bundled dataset",
    )
    parser.add_argument("path", nargs="?", metavar="PATH", help="the same as --dataset PATH")
    parser.add_argument(
        "--export-pdf", metavar="OUT.pdf", help="write the whole fact sheet to this PDF and exit; needs no display"
    )
    parser.add_argument("--page-size", choices=("A4", "Letter"), default="A4", help="PDF page size (default: A4)")
    parser.add_argument(
        "--list-charts", action="store_true", help="print each chart's id and title, one a line, and exit"
    )
    parser.add_argument(
        "--export-chart",
        nargs=2,
        metavar=("ID", "OUT"),
        help="write one chart (an id from --list-charts) to OUT.png, OUT.svg (image with title and sources) "
        "or OUT.csv (its values with their sources) and exit; needs no display",
    )
    parser.add_argument(
        "--scale",
        type=int,
        choices=(1, 2, 3),
        default=None,
        help="size of a PNG from --export-chart: 1x (default), 2x or 3x",
    )
    parser.add_argument(
        "--lang",
        metavar="LANG",
        type=_language,
        help="en or zh_CN (简体中文), for the window and the PDF (default: the system's language; "
        "the window remembers the one chosen in View → Language)",
    )
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add the app to the desktop's application menu (files in $XDG_DATA_HOME, else ~/.local/share) and exit",
    )
    desktop.add_argument(
        "--uninstall-desktop-entry", action="store_true", help="remove what --install-desktop-entry wrote and exit"
    )
    desktop.add_argument(
        "--self-test",
        action="store_true",
        help="render one frame of the window and one PDF page offscreen, then exit (0 when both work)",
    )
    return parser


#: What --lang accepts (case and - or _ as you like) and the language each names.
LANG_OPTIONS = {"en": "en", "zh": "zh_CN", "zh_cn": "zh_CN", "zh_hans": "zh_CN", "zh_hans_cn": "zh_CN"}


def _language(value: str) -> str:
    from chery_viewer.core.i18n import LANGUAGES

    language = LANG_OPTIONS.get(value.strip().replace("-", "_").lower())
    if language is None:
        raise argparse.ArgumentTypeError(f"unknown language '{value}' (use {' or '.join(LANGUAGES)})")
    return language


def has_display() -> bool:
    """Whether Qt can open a window here without aborting the process.

    On X11 and Wayland systems the platform plug-in needs its server: xcb needs DISPLAY,
    wayland needs WAYLAND_DISPLAY. Platforms that need no server (offscreen, vnc,
    minimal) count as a display the user chose. In a list of fall-backs ("wayland;xcb"),
    one usable platform is enough.
    """
    if not (sys.platform.startswith("linux") or "bsd" in sys.platform):
        return True
    x11, wayland = bool(os.environ.get("DISPLAY")), bool(os.environ.get("WAYLAND_DISPLAY"))
    # QT_QPA_PLATFORM may list fall-backs ("wayland;xcb"), each with options after a colon.
    platforms = [p.split(":")[0].strip().lower() for p in os.environ.get("QT_QPA_PLATFORM", "").split(";")]
    platforms = [p for p in platforms if p]
    if not platforms:
        return x11 or wayland

    def usable(platform: str) -> bool:
        if platform == "xcb":
            return x11
        if platform.startswith("wayland"):
            return wayland
        return True

    return any(usable(p) for p in platforms)


_LOCALE_CATEGORIES = ("LC_COLLATE", "LC_MESSAGES", "LC_MONETARY", "LC_NUMERIC", "LC_TIME", "LC_PAPER", "LC_NAME",
                      "LC_ADDRESS", "LC_TELEPHONE", "LC_MEASUREMENT", "LC_IDENTIFICATION")  # fmt: skip


def utf8_ctype() -> None:
    """Give Qt the UTF-8 character type it would switch to anyway, without its four lines of warning.

    Under ``LC_ALL=C`` (cron, CI, containers) Qt moves LC_CTYPE to C.UTF-8 and says so on
    stderr, which breaks the promise of one line on failure and none on success. The same
    switch made here, before Qt starts, keeps every other category as the user set it.
    """
    for variable in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            break
    else:
        variable, value = "", "C"
    codeset = value.partition(".")[2].partition("@")[0].replace("-", "").lower()
    if codeset == "utf8" or (codeset == "" and value not in ("C", "POSIX")):
        return  # UTF-8 already, or a locale name whose default codeset is for the system to say
    if variable == "LC_ALL":
        del os.environ["LC_ALL"]
        for category in _LOCALE_CATEGORIES:
            os.environ[category] = value
    os.environ["LC_CTYPE"] = "C.UTF-8"


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.path is not None:
            if args.dataset is not None:
                raise UsageError(f"give the dataset once, as PATH or as --dataset (see {PROG} --help)")
            args.dataset = args.path
        if args.install_desktop_entry or args.uninstall_desktop_entry:
            return _desktop_entry(install=args.install_desktop_entry)
        if args.self_test:
            return _self_test(args)
        if args.export_chart is not None and args.export_pdf is not None:
            raise UsageError(f"give --export-pdf or --export-chart, not both (see {PROG} --help)")
        if args.scale is not None and args.export_chart is None:
            raise UsageError(f"--scale goes with --export-chart ID OUT.png (see {PROG} --help)")
        if args.list_charts:
            return _list_charts(args)
        if args.export_chart is not None:
            return _export_chart(args)
        if args.export_pdf is not None:
            return _export(args)
        return _open_window(args)
    except UsageError as exc:
        return _fail(str(exc), EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        return _fail("interrupted; nothing was written", 130)
    except Interrupted as exc:  # a signal during an export: the export cleaned up after itself
        return _fail(f"{exc}; nothing was written", exc.exit_status)
    except Exception as exc:
        if os.environ.get("CHERY_VIEWER_DEBUG"):
            raise
        return _fail(
            f"unexpected error: {type(exc).__name__}: {exc} (set CHERY_VIEWER_DEBUG=1 for details)", EXIT_UNEXPECTED
        )


def _fail(message: str, code: int) -> int:
    from chery_viewer.core.errors import printable

    print(f"{PROG}: {printable(' '.join(message.split()))}", file=sys.stderr)
    return code


def _load(dataset: str | None):
    from chery_viewer.core.errors import DatasetError
    from chery_viewer.core.factsheet import load_factsheet

    try:
        return load_factsheet(dataset)
    except DatasetError as exc:
        raise UsageError(f"dataset error: {exc}") from None


def _export(args: argparse.Namespace) -> int:
    if not args.export_pdf.strip():
        raise UsageError("--export-pdf needs a file name, such as factsheet.pdf")
    out = Path(args.export_pdf)
    _check_target(out, "factsheet.pdf")
    sheet = _load(args.dataset)
    # The export never opens a window: offscreen works with or without a display, and a
    # platform that needs a missing server (xcb without X) would abort the process.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    utf8_ctype()
    with deferred():  # Ctrl-C inside PySide's start-up aborts the process: it waits for the end of the imports
        from chery_viewer.report.pdf import ExportError, export_pdf
        from chery_viewer.ui.language import preferred

    language = args.lang or preferred()
    try:
        export_pdf(sheet, out, page_size=args.page_size, language=language)
    except ExportError as exc:
        if os.environ.get("CHERY_VIEWER_DEBUG") and exc.__cause__ is not None:
            raise exc.__cause__ from None
        raise UsageError(str(exc)) from None
    _warn_missing_glyphs(sheet, language)
    return EXIT_OK


def _check_target(out: Path, example: str) -> None:
    """Refuse, before any work, an output that is a folder, a special file or in a missing folder."""
    from chery_viewer.core.files import WriteError, describe_problem, regular_target

    try:
        if out.is_dir():
            raise UsageError(f"{out}: is a folder; give a file name such as {out / example}")
        final = regular_target(out)  # a device, a FIFO, a pipe at /dev/stdout: refused before any work
        if not final.parent.exists():
            raise UsageError(f"{out}: the folder {final.parent} does not exist")
    except WriteError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:  # a name too long for the file system
        raise UsageError(f"cannot write {out}: {describe_problem(exc)}") from None


CHART_SUFFIXES = (".png", ".svg", ".csv")


def _chart_document(args: argparse.Namespace):
    """The sheet in the language asked for (else the system's), its analysis and its sections, offscreen."""
    sheet = _load(args.dataset)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never a window: works with or without a display
    utf8_ctype()
    with deferred():
        from chery_viewer.core.audit import analyse
        from chery_viewer.core.content import build_sections
        from chery_viewer.core.i18n import data_language
        from chery_viewer.graphics.application import ensure_application
        from chery_viewer.graphics.language import install_translators
        from chery_viewer.ui.language import preferred

    ensure_application()
    language = args.lang or preferred()
    install_translators(language)
    sheet = sheet.localized(data_language(language))
    analysis = analyse(sheet)
    return sheet, analysis, build_sections(sheet, analysis), language


def _list_charts(args: argparse.Namespace) -> int:
    from chery_viewer.core.content.catalog import charts

    _sheet, _analysis, sections, _language = _chart_document(args)
    for chart_id, spec in charts(sections):
        print(f"{chart_id}\t{' '.join(spec.title.split())}")
    return EXIT_OK


def _export_chart(args: argparse.Namespace) -> int:
    from chery_viewer.core.content.catalog import CHART_IDS

    chart_id, name = args.export_chart
    if chart_id not in CHART_IDS.values():
        raise UsageError(f"unknown chart '{chart_id}' ({PROG} --list-charts lists the ids)")
    if not name.strip():
        raise UsageError("--export-chart needs a file name, such as sales.png")
    out = Path(name)
    suffix = out.suffix.lower()
    if suffix not in CHART_SUFFIXES:
        raise UsageError(f"{out}: a chart is written as .png, .svg or .csv, not {suffix or 'a name without one'}")
    if args.scale not in (None, 1) and suffix != ".png":
        raise UsageError(f"--scale applies to a PNG image, not to {suffix}")
    _check_target(out, f"chart{suffix}")
    sheet, analysis, sections, language = _chart_document(args)
    from chery_viewer.core.content.catalog import find_chart
    from chery_viewer.core.content.context import Context
    from chery_viewer.core.files import WriteError
    from chery_viewer.ui.chart_export import export_chart

    spec = find_chart(sections, chart_id)
    if spec is None:
        raise UsageError(f"chart '{chart_id}' has nothing to show with this dataset")
    try:
        export_chart(spec, Context(sheet, analysis), out, args.scale or 1)
    except (WriteError, ValueError) as exc:
        raise UsageError(str(exc)) from None
    _warn_missing_glyphs(sheet, language)
    return EXIT_OK


def _warn_missing_glyphs(sheet, language: str) -> None:
    """One warning line when some characters of the dataset (emoji, rare CJK) are blank in the PDF."""
    from chery_viewer.core.i18n import data_language
    from chery_viewer.report.glyphs import describe, missing_characters

    missing = missing_characters(sheet.localized(data_language(language)))
    if missing:
        _fail(f"warning: {describe(missing)}", EXIT_OK)


def _desktop_entry(install: bool) -> int:
    from chery_viewer import desktop
    from chery_viewer.core.files import WriteError

    try:
        files = desktop.install() if install else desktop.uninstall()
    except (desktop.DesktopError, WriteError) as exc:
        raise UsageError(str(exc)) from None
    verb = "wrote" if install else "removed"
    for file in files:
        print(f"{verb} {file}")
    if not files:
        print(f"no desktop entry was installed in {desktop.data_home()}")
    return EXIT_OK


def _self_test(args: argparse.Namespace) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from chery_viewer.selftest import SelfTestError, run_self_test

    try:
        print(run_self_test(_load(args.dataset), args.lang))
    except SelfTestError as exc:
        raise UsageError(f"self-test failed: {exc}") from None
    return EXIT_OK


def _open_window(args: argparse.Namespace) -> int:
    if not has_display():
        raise UsageError(
            "no display found (DISPLAY and WAYLAND_DISPLAY are unset); "
            "run it in a desktop session, or use --export-pdf OUT.pdf, which needs none"
        )
    sheet = _load(args.dataset)
    utf8_ctype()
    with deferred():
        from chery_viewer.ui.app import run

    return run(sheet, args.lang)


if __name__ == "__main__":
    sys.exit(main())
