"""Read a Frictionless data package from disk into typed tables, or say exactly why not.

Validation uses the ``frictionless`` library against the schemas of the bundled package
(the app's contract), so a user package is checked for the columns, types, constraints,
keys and references the app relies on. ``frictionless`` costs about 200 ms to import, so
the bundled package, whose bytes are fixed and validated by the test suite, is recognised
by its SHA-256 digest and skips that step: start-up stays close to the import floor.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from chery_viewer import __version__
from chery_viewer.core import validation_cache
from chery_viewer.core.csvtable import ColumnTable, read_table
from chery_viewer.core.errors import DatasetError, clip
from chery_viewer.core.frictionless_check import validate_with_frictionless
from chery_viewer.core.i18n import LANGUAGES, data_language
from chery_viewer.core.signals import hold_for_test

MAX_FILE_BYTES = 20 * 1024 * 1024
DESCRIPTOR = "datapackage.json"
RESOURCE_NAMES = ("sources", "figures", "facts", "partners")

#: Digest of the bundled package (descriptor + resources). ``tests/core/test_bundled.py``
#: validates the package with frictionless and checks this value; update both together
#: with ``python -m chery_viewer.core.dataset --digest``.
BUNDLED_SHA256 = "b4f3b7a2fe720d61da5c0a20d6a14a1e590c6aeaca276034321fb4fa6b5344e7"


@dataclass(frozen=True)
class RawPackage:
    """A data package whose files passed every check, as typed tables of plain Python values."""

    directory: Path
    descriptor: Mapping[str, Any]
    tables: Mapping[str, ColumnTable]
    validated_by: str


def bundled_dir() -> Path:
    """The bundled package: inside the installed wheel, or at the top of a source checkout."""
    packaged = Path(str(resources.files("chery_viewer"))) / "data"
    if (packaged / DESCRIPTOR).is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


def resources_dir() -> Path:
    """The bundled resources (icons, translations, fonts), found like :func:`bundled_dir`."""
    packaged = Path(str(resources.files("chery_viewer"))) / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources"


def canonical_descriptor() -> dict[str, Any]:
    """The bundled descriptor, whose schemas every package must satisfy."""
    return json.loads((bundled_dir() / DESCRIPTOR).read_text(encoding="utf-8"))


def load_package(path: str | Path | None = None) -> RawPackage:
    """Load and validate the package at ``path`` (directory or descriptor); bundled if None."""
    descriptor_path = _descriptor_path(Path(path) if path is not None else bundled_dir())
    directory = descriptor_path.parent
    descriptor_bytes = _read_bytes(descriptor_path, str(descriptor_path))
    descriptor = _parse_descriptor(descriptor_bytes, str(descriptor_path))
    files = _resource_files(descriptor, directory, str(descriptor_path))
    contents = {name: _read_bytes(file, str(file)) for name, file in files.items()}
    texts = {name: _decode(data, str(files[name])) for name, data in contents.items()}
    hold_for_test("validate")

    digest = package_digest(descriptor_bytes, contents)
    canonical = canonical_descriptor()
    schemas = {r["name"]: r["schema"] for r in canonical["resources"]}
    languages = declared_languages(descriptor)
    cache_key = validation_cache.key(schemas, digest, __version__)
    if digest == BUNDLED_SHA256:
        validated_by = "bundled digest"
    elif cache_key in validation_cache.validated_before():
        validated_by = "frictionless, earlier run"
    else:
        # Translations are checked by the reader below: whether a column is required depends
        # on the languages the package declares, which a Table Schema cannot say.
        validate_with_frictionless(directory, files, contents, {n: _schema_in(s, ()) for n, s in schemas.items()})
        validation_cache.remember_valid(cache_key)
        validated_by = "frictionless"
    tables = {
        name: read_table(texts[name], str(files[name]), _schema_in(schemas[name], languages), schemas[name])
        for name in files
    }
    return RawPackage(directory, descriptor, tables, validated_by)


def declared_languages(descriptor: Mapping[str, Any]) -> tuple[str, ...]:
    """The languages a package declares besides the first (English), as in ``"languages": ["en", "zh-CN"]``."""
    return tuple(descriptor.get("languages", ())[1:])


def _schema_in(schema: Mapping[str, Any], languages: tuple[str, ...]) -> dict[str, Any]:
    """``schema`` with the translation fields (``label@zh-CN``) of ``languages`` only."""
    fields = [f for f in schema["fields"] if "@" not in f["name"] or f["name"].partition("@")[2] in languages]
    return {**schema, "fields": fields}


def package_digest(descriptor: bytes, contents: Mapping[str, bytes]) -> str:
    """SHA-256 over the descriptor and the resources in a fixed order."""
    sha = hashlib.sha256(descriptor)
    for name in RESOURCE_NAMES:
        sha.update(b"\0" + name.encode() + b"\0" + contents[name])
    return sha.hexdigest()


def _descriptor_path(path: Path) -> Path:
    try:
        if not path.exists():
            raise DatasetError(str(path), "no such file or directory")
        if path.is_dir():
            path = path / DESCRIPTOR
            if not path.exists():
                raise DatasetError(str(path), "the folder has no datapackage.json, so it is not a data package")
        elif path.suffix.lower() != ".json":
            raise DatasetError(str(path), "expected a data package folder or its datapackage.json")
    except (OSError, ValueError) as exc:  # a name too long, a NUL character: the path cannot be looked at
        raise DatasetError(str(path), f"cannot be opened ({_os_reason(exc)})") from None
    return path


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc) or type(exc).__name__


def _read_bytes(path: Path, label: str) -> bytes:
    try:
        if not path.exists():
            raise DatasetError(label, "file not found")
        if not path.is_file():
            raise DatasetError(label, "is a folder or a special file, expected a plain file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DatasetError(label, f"file is {size:,} bytes, over the limit of {MAX_FILE_BYTES:,} bytes")
        if size == 0:
            raise DatasetError(label, "file is empty")
        # Opened without blocking and checked again on the open file: a file swapped for a FIFO
        # since the checks above cannot hang the read, nor one that grew make it unbounded.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise DatasetError(label, "is a folder or a special file, expected a plain file")
            with os.fdopen(os.dup(fd), "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        finally:
            os.close(fd)
        if len(data) > MAX_FILE_BYTES:
            raise DatasetError(label, f"file grew over the limit of {MAX_FILE_BYTES:,} bytes while it was read")
        return data
    except (OSError, ValueError) as exc:
        raise DatasetError(label, f"cannot be read ({_os_reason(exc)})") from None


def _decode(data: bytes, label: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = data[: exc.start].count(b"\n") + 1
        raise DatasetError(label, f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x})", row=row) from None
    if "\x00" in text:
        raise DatasetError(
            label, "contains NUL characters; not a text file", row=text[: text.index("\x00")].count("\n") + 1
        )
    return text


def _parse_descriptor(data: bytes, label: str) -> dict[str, Any]:
    text = _decode(data, label)
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DatasetError(
            label, f"not valid JSON: {exc.msg.lower()} (line {exc.lineno}, column {exc.colno})", row=exc.lineno
        ) from None
    except RecursionError:
        raise DatasetError(label, "not valid JSON for a data package: nested too deeply") from None
    except ValueError:  # the one other failure: a number of more than 4,300 digits, which int() refuses
        raise DatasetError(label, "not valid JSON for a data package: a number has more than 4,300 digits") from None
    if not isinstance(descriptor, dict):
        raise DatasetError(label, "must hold a JSON object")
    _check_unicode(descriptor, label)
    _check_fact_sheet(descriptor, label)
    if not isinstance(descriptor.get("title"), str) or not descriptor["title"].strip():
        raise DatasetError(label, "the package needs a non-empty 'title'", field="title")
    year = descriptor.get("reportYear")
    if not isinstance(year, int) or isinstance(year, bool) or not 1990 <= year <= 2100:
        raise DatasetError(label, "'reportYear' must be a whole year between 1990 and 2100", field="reportYear")
    if not isinstance(descriptor.get("resources"), list):
        raise DatasetError(label, "the package needs a 'resources' list", field="resources")
    _check_languages(descriptor, label)
    return descriptor


def _check_unicode(value: Any, label: str, key: str = "") -> None:
    """Every text in the descriptor is valid Unicode: JSON's ``\\ud800`` escapes can make a lone
    surrogate, which no file name, font or PDF can encode."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            bad = f"\\u{ord(value[exc.start]):04x}"
            raise DatasetError(label, f"'{key}' holds {bad}, half of a UTF-16 pair, which is not a character",
                               column=key or None) from None  # fmt: skip
    elif isinstance(value, dict):
        for k, v in value.items():
            _check_unicode(k, label, key)
            _check_unicode(v, label, str(k))
    elif isinstance(value, list):
        for item in value:
            _check_unicode(item, label, key)


def _check_fact_sheet(descriptor: Mapping[str, Any], label: str) -> None:
    """A data package made for something else is named as such, before its missing fields are."""
    resources = descriptor.get("resources")
    if not isinstance(resources, list):
        return
    names = [str(r.get("name")) for r in resources if isinstance(r, dict)]
    if not set(names) & set(RESOURCE_NAMES):
        has = ", ".join(clip(n, 30) for n in names[:5]) + (", …" if len(names) > 5 else "") if names else "none"
        raise DatasetError(label, "is a data package, but not a fact-sheet package: it needs the resources "
                           f"sources, figures, facts and partners (it has: {has})", column="resources")  # fmt: skip


def _check_languages(descriptor: Mapping[str, Any], label: str) -> None:
    """``languages`` lists English first, then languages the app has, each once, with their titles."""
    known = [data_language(code) for code in LANGUAGES]
    languages = descriptor.get("languages", ["en"])
    if not isinstance(languages, list) or not languages or not all(isinstance(t, str) for t in languages):
        raise DatasetError(label, f"'languages' must be a list of language tags such as {json.dumps(known)}",
                           field="languages")  # fmt: skip
    if languages[0] != "en":
        raise DatasetError(label, f"'languages' must start with \"en\", the language of the plain columns, not "
                           f"\"{clip(languages[0])}\"", field="languages")  # fmt: skip
    for i, tag in enumerate(languages):
        if tag not in known:
            raise DatasetError(label, f"'languages' lists \"{clip(tag)}\", which the app does not have "
                               f"(it has {' and '.join(known)}, written so)", field="languages")  # fmt: skip
        if tag in languages[:i]:
            raise DatasetError(label, f"'languages' lists {tag} twice", field="languages")
    for tag in languages[1:]:
        title, description = descriptor.get(f"title@{tag}"), descriptor.get(f"description@{tag}")
        if not isinstance(title, str) or not title.strip():
            raise DatasetError(label, f"the package declares the language {tag}, so it needs a non-empty "
                               f"'title@{tag}'", field=f"title@{tag}")  # fmt: skip
        if str(descriptor.get("description") or "").strip() and (
            not isinstance(description, str) or not description.strip()
        ):
            raise DatasetError(label, f"the package declares the language {tag}, so its description needs a "
                               f"translation in 'description@{tag}' (text)", field=f"description@{tag}")  # fmt: skip


def _resource_files(descriptor: Mapping[str, Any], directory: Path, label: str) -> dict[str, Path]:
    """Map each required resource to its file, refusing any path that leaves the package."""
    declared = {r.get("name"): r for r in descriptor["resources"] if isinstance(r, dict)}
    root = directory.resolve()
    files: dict[str, Path] = {}
    for name in RESOURCE_NAMES:
        resource = declared.get(name)
        if resource is None:
            raise DatasetError(label, f"the package has no '{name}' resource", field="resources")
        rel = resource.get("path")
        if not isinstance(rel, str) or not rel.strip():
            raise DatasetError(label, f"resource '{name}' needs a single local 'path'", field="path")
        if "://" in rel:
            raise DatasetError(
                label, f"resource '{name}' points to a URL ({rel}); only local files are read", field="path"
            )
        if "\x00" in rel:
            raise DatasetError(label, f"resource '{name}' path contains a NUL character", field="path")
        candidate = Path(rel)
        try:
            inside = not candidate.is_absolute() and (directory / candidate).resolve().is_relative_to(root)
        except (OSError, RuntimeError) as exc:  # a symbolic-link loop, a name too long
            raise DatasetError(
                label, f"resource '{name}' path '{rel}' cannot be followed ({_os_reason(exc)})", field="path"
            ) from None
        if not inside:
            raise DatasetError(label, f"resource '{name}' path '{rel}' leaves the package folder", field="path")
        files[name] = directory / candidate
    return files


def _main() -> None:

    if sys.argv[1:] == ["--digest"]:
        directory = bundled_dir()
        raw = (directory / DESCRIPTOR).read_bytes()
        descriptor = json.loads(raw)
        files = _resource_files(descriptor, directory, DESCRIPTOR)
        print(package_digest(raw, {name: file.read_bytes() for name, file in files.items()}))
    else:
        package = load_package(sys.argv[1] if len(sys.argv) > 1 else None)
        print(f"{package.descriptor['title']}: valid ({package.validated_by})")


if __name__ == "__main__":
    _main()
