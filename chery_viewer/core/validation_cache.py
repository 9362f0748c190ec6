"""The verdicts of earlier validations: digests of packages that passed, so the same bytes
checked against the same rules are not validated again (1-2 s for 20,000 rows).

The file is a cache: never trusted beyond its format, opened without blocking or following
links, bounded in size, and rewritten atomically; losing it costs a validation, nothing more.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import marshal
import os
import stat
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

CACHE_ENTRIES = 64
MAX_CACHE_BYTES = 64 * 1024  # 64 keys of 65 bytes need 4 KiB; anything much larger is not our file


def key(schemas: Mapping[str, Any], digest: str, app_version: str) -> str:
    """What a verdict depends on: the package's bytes, the app's schemas, and the validator.

    The validator is this app's version, frictionless' version and the compiled code of the
    modules where the rules outside the schemas live (the options frictionless is called with,
    the reader, the model's own checks).
    """
    try:
        frictionless = importlib.metadata.version("frictionless")
    except importlib.metadata.PackageNotFoundError:
        frictionless = "absent"
    rules = _rules_digest()
    validator = f"chery-viewer {app_version}; frictionless {frictionless}; rules {rules}"
    return hashlib.sha256(
        json.dumps(schemas, sort_keys=True).encode() + b"\0" + validator.encode() + b"\0" + digest.encode()
    ).hexdigest()


RULE_MODULES = (
    "chery_viewer.core.dataset",
    "chery_viewer.core.frictionless_check",
    "chery_viewer.core.csvtable",
    "chery_viewer.core.factsheet",
    "chery_viewer.core.formulas",
)


def _rules_digest() -> str:
    """A digest of the code of ``RULE_MODULES``, read through their loaders so that it works
    wherever the code lives: source files, bytecode only, or a frozen bundle."""
    digest = hashlib.sha256()
    for name in RULE_MODULES:
        module = sys.modules.get(name)
        loader = getattr(getattr(module, "__spec__", None), "loader", None)
        get_code = getattr(loader, "get_code", None)
        try:
            code = get_code(name) if get_code else None
        except (ImportError, OSError):
            code = None
        digest.update(name.encode() + b"\0" + (marshal.dumps(code) if code is not None else b"unreadable") + b"\0")
    return digest.hexdigest()


def _cache_file() -> Path | None:
    """Where digests of packages that passed validation are kept; None when caching is off.

    ``CHERY_VIEWER_CACHE_DIR`` overrides the folder; the value ``off`` disables the cache.
    Otherwise ``$XDG_CACHE_HOME/chery-viewer`` when that is an absolute path (the XDG spec
    says to ignore a relative one), else ``~/.cache/chery-viewer``, but only under a home
    folder that exists: an empty or missing HOME means no cache, not one at ``/.cache``.
    """
    setting = os.environ.get("CHERY_VIEWER_CACHE_DIR", "")
    if setting.lower() == "off":
        return None
    if setting:
        return Path(setting) / "validated-packages.txt"
    from chery_viewer.core.files import xdg_folder

    base = xdg_folder("XDG_CACHE_HOME", ".cache")
    return base / "chery-viewer" / "validated-packages.txt" if base else None


def validated_before() -> set[str]:
    """Keys (schema + validator + content digest) of packages that passed validation on an earlier run.

    A key changes with any byte of the package, of the app's schemas or of the validator, so
    a hit means the very same bytes were checked against the very same rules: validating them
    again (1-2 s for a package of 20,000 rows) would only repeat the verdict.
    """
    path = _cache_file()
    return set(_read_keys(path)) if path else set()


def remember_valid(key: str) -> None:
    from chery_viewer.core.files import WriteError, atomic_write

    path = _cache_file()
    if path is None:
        return
    keys = [*[k for k in _read_keys(path) if k != key][-(CACHE_ENTRIES - 1) :], key]
    data = ("\n".join(keys) + "\n").encode("ascii")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, lambda tmp: tmp.write_bytes(data))  # never replaces a FIFO or a device
    except (OSError, WriteError):
        pass  # a cache that cannot be written costs the next run its validation, nothing more


def _read_keys(path: Path) -> list[str]:
    """The cache's keys, or none if it is not a small regular file of ours.

    Opened without blocking (a FIFO there would wait for a writer for ever) and without
    following a link (``/dev/zero`` would be read without end), and read up to a bound.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return []
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return []
        data = os.read(fd, MAX_CACHE_BYTES + 1)
    except OSError:
        return []
    finally:
        os.close(fd)
    if len(data) > MAX_CACHE_BYTES:
        return []
    try:
        keys = data.decode("ascii").split()
    except UnicodeDecodeError:
        return []
    return [k for k in keys if len(k) == 64 and all(c in "0123456789abcdef" for c in k)]
