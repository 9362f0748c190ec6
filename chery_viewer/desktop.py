"""The menu entry of a desktop session: a .desktop file, an icon and AppStream metainfo.

A wheel cannot install files outside its prefix, so ``chery-viewer --install-desktop-entry``
writes them into the user's XDG data folder (``$XDG_DATA_HOME``, else ``~/.local/share``),
pointing at the command that is running now, and ``--uninstall-desktop-entry`` removes them
again. Qt-free: it runs before (and without) a display.

No MIME type is registered: a data package is a folder or a plain ``datapackage.json``, and
claiming ``application/json`` would offer this viewer for every JSON file. ``Exec`` still
takes ``%f``, so "Open with" from a file manager passes the package along.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from chery_viewer import APP_ID, __version__
from chery_viewer.core.files import atomic_write

COMMAND = "chery-viewer"
#: The day each version was published, newest first (AppStream <releases>).
RELEASES = (("0.1.0", "2026-12-01"),)

NAME = {"en": "Chery Fact Sheet", "zh_CN": "奇瑞数据概览"}
GENERIC_NAME = {"en": "Business fact sheet viewer", "zh_CN": "企业数据概览查看器"}
COMMENT = {
    "en": "Browse Chery Group's 2022 business results and export them to PDF",
    "zh_CN": "浏览奇瑞集团2022年经营业绩并导出为PDF",
}
KEYWORDS = {"en": "Chery;cars;sales;exports;PDF;", "zh_CN": "奇瑞;汽车;销量;出口;"}
SUMMARY = {"en": "Chery Group's 2022 results with their sources", "zh_CN": "附有来源的奇瑞集团2022年业绩"}
DESCRIPTION = {
    "en": (
        "Five tabs (overview, sales, exports, innovation, partners) show key figures, charts and tables "
        "from a bundled data package in which every figure names its source.",
        "Figures the app computes itself are marked as derived and show their formula; an audit lists "
        "where the sources disagree. The whole fact sheet exports to a vector PDF, in English or in "
        "Simplified Chinese.",
    ),
    "zh_CN": (
        "五个标签页（概览、销量、出口、创新、合作伙伴）以关键数字、图表和表格展示随附数据包中的内容，每个数字都注明来源。",
        "应用自行计算的数字标为推算值并给出公式；审核列表显示各来源之间的分歧。整份数据概览可导出为英文或简体中文的矢量PDF。",
    ),
}
SCREENSHOT_CAPTION = {"en": "The Sales tab", "zh_CN": "销量标签页"}
#: AppStream wants screenshots on the web (a file:// address fails validation): the README's
#: screenshot in the repository at the home the application id names (io.github.cheryfactsheet).
SCREENSHOT_URL = "https://raw.githubusercontent.com/cheryfactsheet/chery-viewer/main/docs/screenshot-sales.png"


class DesktopError(Exception):
    """The entry could not be installed or removed; the message is one line."""


def data_home() -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset, empty or relative (XDG base dir spec)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


def launch_command() -> list[str]:
    """How to start the app that runs now: the bundle's executable, the installed script, or python -m."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name == COMMAND and script.is_file():
        return [str(script.resolve())]
    beside = Path(sys.executable).parent / COMMAND  # the venv's own script, even when run as python -m
    if beside.is_file():
        return [str(beside.resolve())]
    found = shutil.which(COMMAND)
    if found:
        return [str(Path(found).resolve())]
    return [str(Path(sys.executable).resolve()), "-m", "chery_viewer"]


def _exec_argument(argument: str) -> str:
    """One argument of ``Exec``, quoted as the Desktop Entry spec asks, then escaped as a string value."""
    quoted = argument
    if any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`"):
        quoted = '"' + "".join("\\" + c if c in '"`$\\' else c for c in argument) + '"'
    return quoted.replace("%", "%%").replace("\\", "\\\\")


def paths(home: Path | None = None) -> dict[str, Path]:
    """Where each file goes under the XDG data folder."""
    home = home or data_home()
    return {
        "desktop": home / "applications" / f"{APP_ID}.desktop",
        "icon": home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        "metainfo": home / "metainfo" / f"{APP_ID}.metainfo.xml",
    }


def desktop_entry(command: Sequence[str]) -> str:
    """The .desktop file that starts ``command`` on a file or folder the session passes (``%f``)."""
    exec_line = " ".join(_exec_argument(a) for a in command) + " %f"
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        f"Name={NAME['en']}",
        f"Name[zh_CN]={NAME['zh_CN']}",
        f"GenericName={GENERIC_NAME['en']}",
        f"GenericName[zh_CN]={GENERIC_NAME['zh_CN']}",
        f"Comment={COMMENT['en']}",
        f"Comment[zh_CN]={COMMENT['zh_CN']}",
        f"Keywords={KEYWORDS['en']}",
        f"Keywords[zh_CN]={KEYWORDS['zh_CN']}",
        f"Exec={exec_line}",
        f"TryExec={_exec_argument(command[0])}" if len(command) == 1 else "",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Office;Viewer;Qt;",
        "StartupNotify=true",
        f"StartupWMClass={COMMAND}",
    ]
    return "\n".join(line for line in lines if line) + "\n"


def metainfo() -> str:
    """AppStream metainfo: what software centres show about the app."""

    def texts(tag: str, values: dict[str, str], indent: str = "  ") -> list[str]:
        return [f"{indent}<{tag}>{escape(values['en'])}</{tag}>"] + [
            f'{indent}<{tag} xml:lang="{lang.replace("_", "-")}">{escape(value)}</{tag}>'
            for lang, value in values.items()
            if lang != "en"
        ]

    description = ["  <description>"]
    for lang, paragraphs in DESCRIPTION.items():
        attribute = "" if lang == "en" else f' xml:lang="{lang.replace("_", "-")}"'
        description += [f"    <p{attribute}>{escape(p)}</p>" for p in paragraphs]
    description.append("  </description>")
    shots = [
        "  <screenshots>",
        '    <screenshot type="default">',
        *texts("caption", SCREENSHOT_CAPTION, "      "),
        f'      <image type="source">{escape(SCREENSHOT_URL)}</image>',
        "    </screenshot>",
        "  </screenshots>",
    ]
    releases = ["  <releases>"]
    releases += [f'    <release version="{v}" date="{d}"/>' for v, d in RELEASES]
    releases.append("  </releases>")
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<component type="desktop-application">',
        f"  <id>{APP_ID}</id>",
        "  <metadata_license>CC0-1.0</metadata_license>",
        "  <project_license>MIT</project_license>",
        *texts("name", NAME),
        *texts("summary", SUMMARY),
        "  <developer_name>Chery Fact Sheet team</developer_name>",
        *description,
        f'  <launchable type="desktop-id">{APP_ID}.desktop</launchable>',
        "  <categories>",
        "    <category>Office</category>",
        "    <category>Viewer</category>",
        "  </categories>",
        *shots,
        "  <provides>",
        f"    <binary>{COMMAND}</binary>",
        "  </provides>",
        *releases,
        '  <content_rating type="oars-1.1"/>',
        "</component>",
    ]
    return "\n".join(lines) + "\n"


def _resource(*parts: str) -> Path:
    from chery_viewer.core.dataset import resources_dir

    return resources_dir().joinpath(*parts)


def install(home: Path | None = None, command: Sequence[str] | None = None) -> list[Path]:
    """Write the icon, the entry and the metainfo (each atomically); return the files written."""
    if __version__ not in {v for v, _ in RELEASES}:
        raise DesktopError(f"version {__version__} has no release date in chery_viewer.desktop.RELEASES")
    targets = paths(home)
    command = list(command or launch_command())
    contents = {  # the icon first: the entry names it, and the metainfo names the entry
        "icon": _resource("icons", "chery-viewer.svg").read_bytes(),
        "desktop": desktop_entry(command).encode("utf-8"),
        "metainfo": metainfo().encode("utf-8"),
    }
    written = []
    for key, data in contents.items():
        target = targets[key]
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            from chery_viewer.core.files import describe_problem

            raise DesktopError(f"cannot create {target.parent}: {describe_problem(exc)}") from None
        atomic_write(target, lambda tmp, data=data: tmp.write_bytes(data))
        written.append(target)
    return written


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove every file :func:`install` writes, and the folders that leaves empty; return the files removed."""
    home = home or data_home()
    removed = []
    for target in paths(home).values():
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            from chery_viewer.core.files import describe_problem

            raise DesktopError(f"cannot remove {target}: {describe_problem(exc)}") from None
        removed.append(target)
        folder = target.parent
        while folder != home and home in folder.parents:
            try:
                folder.rmdir()  # only when empty
            except OSError:
                break
            folder = folder.parent
    return removed
