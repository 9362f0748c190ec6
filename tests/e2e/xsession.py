"""A virtual X screen and the outside-the-process tools that drive the app on it.

Everything here talks to the X server, never to the app: ``xdotool`` sends keys and moves the
pointer as a user's devices would, ``xprop``/``xwininfo`` read the windows the app mapped,
and ``xwd`` takes a screenshot of the whole screen.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

TOOLS = ("Xvfb", "xdotool", "xprop", "xwininfo", "xwd", "pdftotext")
WAIT_S = 30.0  # how long any step may take on a slow, shared CI machine before it counts as failed


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def wait_for(condition: Callable[[], object], what: str, timeout: float = WAIT_S) -> object:
    """Poll until ``condition()`` is truthy and return it; fail naming ``what`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what} after {timeout:.0f} s")
        time.sleep(0.1)


@contextmanager
def virtual_screen(width: int, height: int) -> Iterator[str]:
    """An Xvfb screen on a free display (Xvfb picks it and tells us through -displayfd)."""
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise AssertionError(f"Xvfb did not start (exit status {server.poll()})")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=WAIT_S)


@dataclass
class X:
    """The tools, bound to one display."""

    display: str

    def run(self, *args: str) -> str:
        env = {**os.environ, "DISPLAY": self.display}
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=WAIT_S)
        return done.stdout if done.returncode == 0 else ""

    def windows(self, pid: int) -> list[str]:
        """The app's mapped (visible) windows, tooltips and dialogs included."""
        return self.run("xdotool", "search", "--onlyvisible", "--pid", str(pid)).split()

    def window_type(self, window: str) -> str:
        return self.run("xprop", "-id", window, "_NET_WM_WINDOW_TYPE")

    def title(self, window: str) -> str:
        return self.run("xdotool", "getwindowname", window).strip()

    def geometry(self, window: str) -> tuple[int, int, int, int]:
        """x, y, width, height of ``window`` on the screen."""
        info = dict(
            line.strip().split(":", 1) for line in self.run("xwininfo", "-id", window).splitlines() if ":" in line
        )
        keys = ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height")
        return tuple(int(info[key]) for key in keys)  # type: ignore[return-value]

    def tooltips(self, pid: int) -> list[str]:
        return [w for w in self.windows(pid) if "_NET_WM_WINDOW_TYPE_TOOLTIP" in self.window_type(w)]

    def focus(self, window: str) -> None:
        self.run("xdotool", "windowfocus", "--sync", window)

    def key(self, *keys: str) -> None:
        """Keys to the focused window, as a keyboard sends them (``key --window`` would not reach Qt)."""
        self.run("xdotool", "key", "--delay", "80", *keys)

    def type(self, text: str) -> None:
        self.run("xdotool", "type", "--delay", "20", text)

    def move_mouse(self, x: int, y: int) -> None:
        self.run("xdotool", "mousemove", "--sync", str(x), str(y))

    def capture(self, window: str = "") -> np.ndarray:
        """The screen, or one window, as a height x width x 3 array of RGB bytes (``xwd``)."""
        env = {**os.environ, "DISPLAY": self.display}
        args = ["xwd", "-silent", *(["-id", window] if window else ["-root"])]
        return read_xwd(subprocess.run(args, env=env, capture_output=True, check=True).stdout)

    def screenshot(self, pid: int) -> np.ndarray:
        """The screen as a user sees it. Xvfb's root image leaves a dialog black (it keeps
        that window's pixels apart), so each of the app's windows is captured on its own and
        laid over the root image at its place, bottom to top."""
        image = self.capture()
        for window in sorted(self.windows(pid), key=int):  # in the order they were created
            left, top, width, height = self.geometry(window)
            pixels = self.capture(window)
            h, w = (
                min(height, image.shape[0] - top, pixels.shape[0]),
                min(width, image.shape[1] - left, pixels.shape[1]),
            )
            if h > 0 and w > 0 and left >= 0 and top >= 0:
                image[top : top + h, left : left + w] = pixels[:h, :w]
        return image


def read_xwd(data: bytes) -> np.ndarray:
    """Decode an XWD image (ZPixmap, 24 or 32 bits per pixel, least significant byte first)."""
    header = struct.unpack(">25I", data[:100])
    header_size, width, height = header[0], header[4], header[5]
    bits, line_bytes, colours = header[11], header[12], header[19]
    if header[2] != 2 or header[7] != 0 or bits not in (24, 32):
        raise ValueError(f"unsupported XWD layout (format {header[2]}, byte order {header[7]}, {bits} bits)")
    start = header_size + colours * 12
    rows = np.frombuffer(data, dtype=np.uint8, count=line_bytes * height, offset=start).reshape(height, line_bytes)
    step = bits // 8
    pixels = rows[:, : width * step].reshape(height, width, step)
    return pixels[:, :, 2::-1].copy()  # B, G, R(, X) -> R, G, B


def save_png(image: np.ndarray, path: Path) -> None:
    """Keep a screenshot for a person to look at (a failed run in CI leaves them behind)."""
    from PySide6 import QtGui

    height, width, _ = image.shape
    buffer = np.ascontiguousarray(image)
    QtGui.QImage(buffer.data, width, height, width * 3, QtGui.QImage.Format.Format_RGB888).save(str(path))


def tallest_block(
    image: np.ndarray, colours: tuple[str, ...], min_width: int = 20, min_height: int = 30
) -> tuple[int, int] | None:
    """The centre of the tallest solid block painted in one of ``colours`` (a bar of a chart),
    at least ``min_width`` x ``min_height`` pixels (a tab's underline is not a bar).

    Columns holding the colour are grouped into runs; within each run, consecutive rows
    filled across its width make a block.
    """
    best: tuple[int, int, int] | None = None  # height, x, y
    for colour in colours:
        rgb = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)], dtype=np.uint8)
        mask = np.all(image == rgb, axis=2)
        columns = mask.sum(axis=0)
        for x0, x1 in _runs(columns >= 1):
            rows = mask[:, x0:x1].sum(axis=1) >= min(min_width, x1 - x0)
            if x1 - x0 < min_width:
                continue
            for y0, y1 in _runs(rows, bridge=2):  # a grid line drawn across a bar does not split it
                if best is None or y1 - y0 > best[0]:
                    best = (y1 - y0, (x0 + x1) // 2, (y0 + y1) // 2)
    return None if best is None or best[0] < min_height else (best[1], best[2])


def _runs(flags: np.ndarray, bridge: int = 0) -> list[tuple[int, int]]:
    """[start, end) of every run of True in a 1-D boolean array; runs apart by at most
    ``bridge`` False entries count as one."""
    padded = np.concatenate(([False], flags, [False]))
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    runs: list[tuple[int, int]] = []
    for start, end in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True):
        if runs and start - runs[-1][1] <= bridge:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs
