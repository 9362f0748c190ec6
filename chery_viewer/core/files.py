"""Writing files so that a failure never leaves half a file or destroys the old one."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from chery_viewer.core.signals import checkpoint, deferred, hold_for_test

_KNOWN = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EROFS: "the file system is read-only",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "it is a folder",
    errno.ENAMETOOLONG: "the file name is too long",
}


def xdg_folder(variable: str, fallback: str) -> Path | None:
    """``$variable`` (``XDG_CACHE_HOME``, ``XDG_CONFIG_HOME``) when it is an absolute path, else
    ``~/fallback``; None when neither is usable.

    The XDG base directory spec says a relative value is to be ignored. An empty, relative or
    missing home folder (or ``/``) gives None, so nothing is written at ``/.cache`` and a
    missing home folder is never created.
    """
    xdg, home = os.environ.get(variable, ""), os.path.expanduser("~")
    if os.path.isabs(xdg):
        return Path(xdg)
    if os.path.isabs(home) and os.path.isdir(home) and home != "/":
        return Path(home) / fallback
    return None


class WriteError(Exception):
    """A file could not be written; the message is one line naming the file and the reason."""


def describe_problem(exc: BaseException) -> str:
    """A short, lower-case, one-line description of what went wrong."""
    if isinstance(exc, OSError):
        text = _KNOWN.get(exc.errno or -1) or (exc.strerror or str(exc)).lower()
    else:
        text = str(exc) or type(exc).__name__
        if not isinstance(exc, RuntimeError):
            text = f"{type(exc).__name__}: {text}"
    return " ".join(text.split())


def atomic_write(path: str | os.PathLike[str], write: Callable[[Path], object]) -> Path:
    """Call ``write(tmp)`` on a temporary file beside ``path``, then rename it into place.

    The temporary file lives in the target folder so the final rename is atomic. On any
    failure the temporary file is removed, an existing file at ``path`` is untouched, and
    ``WriteError`` says in one line which file could not be written and why. An existing
    file's permissions are kept; a new file gets the usual ones.

    Only a regular file is ever replaced: a device node, a FIFO or a socket at ``path``
    (``/dev/null``, a pipe a pipeline reads) is refused, checked again just before the
    rename, and a symbolic link is written through, so the link stays and its target
    changes. Returns the file written. A signal noted meanwhile (see ``core.signals``)
    raises ``Interrupted`` after the same clean-up.
    """
    with deferred():  # Ctrl-C, SIGTERM, SIGHUP: the temporary file goes, the old file stays
        return _atomic_write(Path(path), write)


def _atomic_write(target: Path, write: Callable[[Path], object]) -> Path:
    try:
        final = regular_target(target)
        # Only the first 40 characters (at most 160 bytes) of the name: a target name near the
        # file system's limit of 255 bytes still leaves room for the temporary one.
        fd, tmp_name = tempfile.mkstemp(prefix=f".{final.name[:40]}.", suffix=".part", dir=final.parent)
    except OSError as exc:
        raise WriteError(f"cannot write {target}: {describe_problem(exc)}") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        checkpoint()
        write(tmp)
        hold_for_test("write")
        checkpoint()
        if tmp.stat().st_size == 0:
            raise WriteError(f"cannot write {target}: nothing was produced")
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, _file_mode(final))
        _refuse_special(target, final, follow=False)
        checkpoint()
        os.replace(tmp, final)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        if isinstance(exc, WriteError):
            raise
        if isinstance(exc, Exception):
            raise WriteError(f"cannot write {target}: {describe_problem(exc)}") from exc
        raise
    return final


_KINDS = {
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
}


def regular_target(target: Path) -> Path:
    """The regular file a write to ``target`` replaces: ``target`` itself, or where its link points.

    Raises ``WriteError`` for a folder or a special file (checked through any links, so
    ``/dev/stdout`` of a process writing to a pipe is named a pipe) and ``OSError`` when
    the path cannot be looked at.
    """
    _refuse_special(target, target, follow=True)  # os.stat follows /proc's links to pipes too
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def _refuse_special(target: Path, checked: Path, follow: bool) -> None:
    try:
        mode = (os.stat if follow else os.lstat)(checked).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(mode):
        raise WriteError(f"cannot write {target}: it is a folder")
    if not stat.S_ISREG(mode):
        kind = _KINDS.get(stat.S_IFMT(mode), "a special file")
        raise WriteError(f"cannot write {target}: it is {kind}, not a regular file, and is never replaced")


def _file_mode(target: Path) -> int:
    """An existing file keeps its permissions; a new one gets 0666 less the umask (mkstemp makes 0600)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
