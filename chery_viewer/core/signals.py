"""Ctrl-C, SIGTERM and SIGHUP while a file is made: stop at a safe point, leave nothing behind.

Python acts on a signal between two bytecodes, wherever they are: inside a Qt paint
callback a ``KeyboardInterrupt`` is printed as a traceback by the binding and swallowed, or
leaves a painter half-way and crashes pyqtgraph, while SIGTERM and SIGHUP (logging out)
kill the process with a temporary file on disk. Inside :func:`deferred` these signals are
only noted; :func:`checkpoint`, called where stopping is safe (between the blocks of a page,
around the steps of a write), raises :class:`Interrupted`, which the writers clean up after
and the command line turns into exit status 128 + the signal's number.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

SIGNALS = tuple(s for s in (signal.SIGINT, getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s)

_pending: list[int] = []
_depth = 0


class Interrupted(BaseException):
    """The user or the system asked the process to stop (a BaseException, like KeyboardInterrupt)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_status(self) -> int:
        return 128 + self.signum

    def __str__(self) -> str:
        return f"interrupted by {signal.Signals(self.signum).name}"


def _note(signum: int, frame: FrameType | None) -> None:
    if not _pending:
        _pending.append(signum)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Note the signals instead of acting on them until the block ends (nested blocks share one).

    Leaving the block with a signal noted raises :class:`Interrupted`. Outside the main
    thread, where Python cannot install handlers, the block changes nothing.
    """
    global _depth
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    if _depth == 0:
        _pending.clear()
        previous = {s: signal.signal(s, _note) for s in SIGNALS}
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0:
            for s, handler in previous.items():
                signal.signal(s, handler)
    if _depth == 0:
        checkpoint()


def checkpoint() -> None:
    """Raise :class:`Interrupted` if a signal arrived since the last check."""
    if _pending:
        raise Interrupted(_pending.pop())


def pending() -> bool:
    return bool(_pending)


_PAUSED: set[str] = set()


def hold_for_test(point: str) -> None:
    """Test-only: hold the process at ``point`` the first time it is reached.

    ``CHERY_VIEWER_TEST_PAUSE=POINT:FOLDER`` (the only place this variable is read) makes the
    process create ``FOLDER/reached`` at that point, then wait until ``FOLDER/go`` exists or a
    signal arrives, for at most a minute. Unset (always, outside the tests), it costs one
    look-up in the environment.
    """
    setting = os.environ.get("CHERY_VIEWER_TEST_PAUSE")
    if not setting or point in _PAUSED:
        return
    name, _, folder = setting.partition(":")
    if name != point:
        return
    _PAUSED.add(point)
    (Path(folder) / "reached").write_text(str(os.getpid()))
    deadline = time.monotonic() + 60
    while not (Path(folder) / "go").exists() and not _pending and time.monotonic() < deadline:
        time.sleep(0.01)
