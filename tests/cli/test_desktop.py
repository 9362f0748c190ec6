"""--install-desktop-entry and --uninstall-desktop-entry, checked by the desktop's own validators."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from chery_viewer import desktop

VALIDATORS = ("desktop-file-validate", "appstreamcli")
pytestmark = pytest.mark.skipif(
    any(shutil.which(v) is None for v in VALIDATORS),
    reason="desktop-file-utils and appstream are not installed (bash .ci/system-deps installs them)",
)
SCRIPT = Path(sys.executable).parent / "chery-viewer"


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, env=env, timeout=120, check=False, cwd=env["HOME"]
    )


def user_env(home: Path, data_home: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "XDG_DATA_HOME"}
    env["HOME"] = str(home)
    if data_home is not None:
        env["XDG_DATA_HOME"] = str(data_home)
    return env


def tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def validate(entry: Path, meta: Path) -> None:
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout + result.stderr
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--strict", str(meta)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(not SCRIPT.is_file(), reason="the chery-viewer script is not installed beside this Python")
def test_install_validates_runs_and_uninstall_leaves_nothing(tmp_path: Path) -> None:
    home, data = tmp_path / "home", tmp_path / "data"
    (data / "applications").mkdir(parents=True)
    (data / "applications" / "other.desktop").write_text("[Desktop Entry]\n")  # someone else's, must stay
    home.mkdir()
    before = tree(data)
    env = user_env(home, data)

    result = run("--install-desktop-entry", env=env)
    assert result.returncode == 0, result.stderr
    entry = data / "applications" / f"{desktop.APP_ID}.desktop"
    meta = data / "metainfo" / f"{desktop.APP_ID}.metainfo.xml"
    icon = data / "icons" / "hicolor" / "scalable" / "apps" / f"{desktop.APP_ID}.svg"
    assert result.stdout.split() == ["wrote", str(icon), "wrote", str(entry), "wrote", str(meta)]
    validate(entry, meta)
    assert icon.read_bytes().startswith(b"<svg")

    fields = dict(line.split("=", 1) for line in entry.read_text(encoding="utf-8").splitlines()[1:])
    assert fields["Icon"] == desktop.APP_ID
    assert fields["Name[zh_CN]"] == "奇瑞数据概览"
    assert "奇瑞集团" in fields["Comment[zh_CN]"]
    command = exec_arguments(fields["Exec"])
    assert command[-1] == "%f"
    assert Path(command[0]) == SCRIPT.resolve()
    started = subprocess.run([*command[:-1], "--version"], capture_output=True, text=True, check=False)
    assert started.returncode == 0 and started.stdout.startswith("chery-viewer ")
    xml = meta.read_text(encoding="utf-8")
    for part in ("<releases>", "<screenshots>", "<content_rating", "<project_license>MIT", 'xml:lang="zh-CN"'):
        assert part in xml

    again = run("--install-desktop-entry", env=env)  # a second install replaces, never piles up
    assert again.returncode == 0
    result = run("--uninstall-desktop-entry", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("removed ") == 3
    assert tree(data) == before
    result = run("--uninstall-desktop-entry", env=env)
    assert result.returncode == 0 and "no desktop entry" in result.stdout


@pytest.mark.skipif(not SCRIPT.is_file(), reason="the chery-viewer script is not installed beside this Python")
def test_without_xdg_data_home_the_files_go_under_home(tmp_path: Path) -> None:
    env = user_env(tmp_path, None)
    assert run("--install-desktop-entry", env=env).returncode == 0
    assert (tmp_path / ".local" / "share" / "applications" / f"{desktop.APP_ID}.desktop").is_file()
    assert run("--uninstall-desktop-entry", env=env).returncode == 0
    assert tree(tmp_path) == {".local", ".local/share"}  # the XDG folder itself stays, empty


def test_a_command_path_with_spaces_and_quotes_is_quoted_for_exec(tmp_path: Path) -> None:
    odd = tmp_path / 'my apps "new" $HOME 100%' / "chery-viewer"
    written = desktop.install(tmp_path / "data", [str(odd)])
    entry = next(p for p in written if p.suffix == ".desktop")
    validate(entry, next(p for p in written if p.name.endswith(".xml")))
    line = next(x for x in entry.read_text(encoding="utf-8").splitlines() if x.startswith("Exec="))
    # Undo the two layers of the spec: the string escape (\\ -> \), then the quoting with %% for %.
    value = line[len("Exec=") :].replace("\\\\", "\\")
    assert exec_arguments(value) == [str(odd), "%f"]


def exec_arguments(value: str) -> list[str]:
    """Split an Exec value (already string-unescaped) as the Desktop Entry spec says a launcher does."""
    arguments, current, quoted, i = [], "", False, 0
    while i < len(value):
        c = value[i]
        if quoted and c == "\\":
            current, i = current + value[i + 1], i + 2
            continue
        if c == '"':
            quoted = not quoted
        elif c == " " and not quoted:
            arguments.append(current)
            current = ""
        elif c == "%" and value[i + 1] == "%":
            current, i = current + "%", i + 2
            continue
        else:
            current += c
        i += 1
    return [*arguments, current]


def test_a_data_folder_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = subprocess.run(
        [sys.executable, "-m", "chery_viewer", "--install-desktop-entry"],
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_DATA_HOME": str(blocker)},
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert str(blocker) in result.stderr
