"""A user's journey through the installed app on a real X server, driven from outside the process.

The app is the ``chery-viewer`` entry point installed next to the running Python (in CI the
one the README's test command installs into .venv), started on its own Xvfb screen with its
own HOME, so no settings of the machine's user are read or written. Everything the test
does goes through the X server as a keyboard and a mouse would, and everything it checks is
what the X server shows: the windows the app maps, their titles and places, the screen's
pixels, and the PDF file left on disk.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from chery_viewer.ui.theme import LIGHT

from .xsession import WAIT_S, X, missing_tools, save_png, tallest_block, virtual_screen, wait_for

SCREEN = (1366, 768)
TITLE = "Chery Group Fact Sheet 2022"
TOOLTIP_REST_S = 2.5  # well past Qt's 700 ms tooltip delay, long enough to read a note

pytestmark = pytest.mark.skipif(
    bool(missing_tools()), reason=f"needs {', '.join(missing_tools())} (installed by .ci/system-deps)"
)


def installed_app() -> Path:
    """The entry point pip installed beside this interpreter (never a checkout's module)."""
    app = Path(sys.executable).parent / "chery-viewer"
    assert app.is_file() and os.access(app, os.X_OK), f"{app} is not installed; pip install the project first"
    return app


def app_environment(home: Path, display: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "QT_", "XDG_")) and k != "LANGUAGE"}
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(home / "run"),
        LANG="C.UTF-8",  # the first start follows the locale: English
    )
    env.pop("WAYLAND_DISPLAY", None)
    (home / "run").mkdir(parents=True, mode=0o700)
    return env


class Journey:
    """One running app and the X tools around it; screenshots go to ``shots``."""

    def __init__(self, x: X, app: subprocess.Popen[bytes], shots: Path) -> None:
        self.x, self.app, self.shots = x, app, shots
        self.count = 0

    def shot(self, name: str) -> np.ndarray:
        image = self.x.screenshot(self.app.pid)
        self.count += 1
        save_png(image, self.shots / f"{self.count:02d}-{name}.png")
        return image

    def new_window(self, before: set[str], what: str) -> str:
        def found() -> set[str]:
            if self.app.poll() is not None:
                raise AssertionError(f"the app exited with status {self.app.returncode} while waiting for {what}")
            return set(self.x.windows(self.app.pid)) - before

        return sorted(wait_for(found, what))[0]  # type: ignore[arg-type]

    def gone(self, window: str, what: str) -> None:
        wait_for(lambda: window not in self.x.windows(self.app.pid), what)

    def settled(self, what: str) -> np.ndarray:
        """A screenshot once the screen stopped changing (a tab paints, a dialog closes)."""
        previous = self.x.screenshot(self.app.pid)

        def same() -> bool:
            nonlocal previous
            time.sleep(0.3)
            current = self.x.screenshot(self.app.pid)
            stable = np.array_equal(current, previous)
            previous = current
            return stable

        wait_for(same, what)
        return self.shot(what.replace(" ", "-"))


def test_a_user_tours_the_tabs_reads_a_tooltip_exports_the_pdf_and_quits(tmp_path: Path) -> None:
    home, out = tmp_path / "home", tmp_path / "out"
    out.mkdir()
    with virtual_screen(*SCREEN) as display:
        x = X(display)
        app = subprocess.Popen(
            [str(installed_app())], env=app_environment(home, display), stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        failure: AssertionError | None = None
        try:
            journey = Journey(x, app, tmp_path)
            _walk(journey, out)
            exit_status = app.wait(timeout=WAIT_S)
        except AssertionError as exc:
            failure = exc
        finally:
            if app.poll() is None:
                app.kill()
            _, stderr = app.communicate(timeout=WAIT_S)
    if failure is not None:  # what the app printed is the first thing to read when a step fails
        raise AssertionError(f"{failure}\nthe app's stderr:\n{stderr.decode(errors='replace')}") from failure
    assert exit_status == 0, stderr.decode(errors="replace")
    assert stderr.decode(errors="replace").strip() == ""
    assert list((home / ".config").rglob("*.conf")), "the settings were written under the test's own HOME"


def _walk(j: Journey, out: Path) -> None:
    x, pid = j.x, j.app.pid
    main = j.new_window(set(), "the main window")
    assert x.title(main) == TITLE, "the title bar names the data once, with no app name repeated"
    left, top, width, height = x.geometry(main)
    assert left >= 0 and top >= 0 and left + width <= SCREEN[0] and top + height <= SCREEN[1], (
        "the first window fits the screen, status bar included"
    )
    assert abs((left + width / 2) - SCREEN[0] / 2) <= 2 and abs((top + height / 2) - SCREEN[1] / 2) <= 2, "centred"
    x.focus(main)
    overview = j.settled("overview painted")

    # Ctrl+2 … Ctrl+5: each shows another tab.
    seen = [overview]
    for number, name in ((3, "exports"), (4, "innovation"), (5, "partners"), (2, "sales")):
        x.key(f"ctrl+{number}")
        image = j.settled(f"{name} tab")
        assert not any(np.array_equal(image, other) for other in seen), f"Ctrl+{number} changed the tab"
        seen.append(image)
    sales = seen[-1]
    assert tallest_block(overview, (LIGHT.bar, LIGHT.bar_highlight)) is None, "the overview has no bars"

    # Help → About with the keyboard (Alt+H, then A), closed with Escape.
    before = set(x.windows(pid))
    x.key("alt+h", "a")
    about = j.new_window(before, "the About dialog")
    assert x.title(about) == "About Chery Fact Sheet"
    j.settled("about")
    x.key("Escape")
    j.gone(about, "the About dialog to close on Escape")

    # F1: the list of keyboard shortcuts, closed with Escape.
    x.focus(main)  # with no window manager, nobody gives the focus back when a dialog closes
    before = set(x.windows(pid))
    x.key("F1")
    shortcuts = j.new_window(before, "the keyboard shortcuts on F1")
    assert x.title(shortcuts) == "Keyboard shortcuts"
    j.settled("shortcuts")
    x.key("Escape")
    j.gone(shortcuts, "the shortcuts list to close on Escape")

    # The pointer rests on a bar of the Sales tab: its tooltip comes and stays to be read.
    # Qt sends its own tooltip event only to an active window, as a user's would be: focus it.
    x.focus(main)
    bar = tallest_block(sales, (LIGHT.bar, LIGHT.bar_highlight))
    assert bar is not None, "the Sales tab shows bars"
    x.move_mouse(bar[0] - 5, bar[1] + 5)
    x.move_mouse(*bar)
    tip = wait_for(lambda: x.tooltips(pid), "a tooltip on the bar")[0]  # type: ignore[index]
    tip_left, tip_top, tip_width, tip_height = x.geometry(tip)
    assert tip_width > 80 and tip_height > 30, "a tooltip with the figure, its period and source"
    assert abs(tip_left - bar[0]) < 400 and abs(tip_top - bar[1]) < 300, "shown by the pointer"
    time.sleep(TOOLTIP_REST_S)
    assert x.tooltips(pid) == [tip], f"the tooltip is still up {TOOLTIP_REST_S} s after the pointer stopped"
    j.shot("tooltip-after-rest")
    x.move_mouse(SCREEN[0] // 2, 80)  # onto the tab's heading, off the chart
    wait_for(lambda: not x.tooltips(pid), "the tooltip to go when the pointer leaves the bar")

    # File → Export PDF with Ctrl+E, through the file dialog, typing a path.
    x.focus(main)
    target = out / "journey.pdf"
    before = set(x.windows(pid))
    x.key("ctrl+e")
    dialog = j.new_window(before, "the Export PDF file dialog")
    assert x.title(dialog) == "Export PDF"
    x.focus(dialog)
    j.settled("export dialog")
    x.key("ctrl+a")
    x.type(str(target))
    x.key("Return")
    j.gone(dialog, "the file dialog to close")
    wait_for(target.is_file, f"{target} to be written")
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert TITLE in text and "Page 1 of" in text
    j.settled("after export")

    x.focus(main)
    x.key("ctrl+q")
