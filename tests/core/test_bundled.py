"""The bundled package itself: valid by the standard, and the digest shortcut is never stale.

The loader skips frictionless for the bundled package when its SHA-256 matches
``BUNDLED_SHA256``; these tests are what make that shortcut safe.
"""

from __future__ import annotations

import json

import frictionless
import pytest

from chery_viewer.core.dataset import BUNDLED_SHA256, DESCRIPTOR, RESOURCE_NAMES, bundled_dir, package_digest
from chery_viewer.core.factsheet import FactSheet


@pytest.fixture(scope="module")
def descriptor() -> dict:
    return json.loads((bundled_dir() / DESCRIPTOR).read_text(encoding="utf-8"))


def test_bundled_package_passes_frictionless_validation():
    report = frictionless.validate(str(bundled_dir() / DESCRIPTOR))
    errors = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors]
    errors += [error.message for error in report.errors]
    assert report.valid, errors
    assert {task.name for task in report.tasks} == set(RESOURCE_NAMES)
    assert all(task.stats["rows"] > 0 for task in report.tasks)


def test_bundled_digest_is_current(descriptor: dict):
    directory = bundled_dir()
    files = {r["name"]: directory / r["path"] for r in descriptor["resources"]}
    digest = package_digest((directory / DESCRIPTOR).read_bytes(), {n: f.read_bytes() for n, f in files.items()})
    assert digest == BUNDLED_SHA256, (
        "data/ changed: validate it and update BUNDLED_SHA256 (python -m chery_viewer.core.dataset --digest)"
    )


def test_digest_changes_with_any_byte(descriptor: dict):
    directory = bundled_dir()
    raw = (directory / DESCRIPTOR).read_bytes()
    contents = {r["name"]: (directory / r["path"]).read_bytes() for r in descriptor["resources"]}
    for name in RESOURCE_NAMES:
        changed = dict(contents, **{name: contents[name] + b"\n"})
        assert package_digest(raw, changed) != BUNDLED_SHA256
    assert package_digest(raw + b" ", contents) != BUNDLED_SHA256


def test_descriptor_declares_exactly_the_required_resources(descriptor: dict):
    assert sorted(r["name"] for r in descriptor["resources"]) == sorted(RESOURCE_NAMES)
    for resource in descriptor["resources"]:
        assert resource["path"] == f"{resource['name']}.csv"
        assert resource["encoding"] == "utf-8"
        assert resource["schema"]["primaryKey"] == ["id"]


def test_package_metadata(descriptor: dict):
    assert descriptor["title"].strip()
    assert descriptor["version"].count(".") == 2
    assert len(descriptor["asOf"]) == 10 and descriptor["asOf"][4] == "-"
    assert descriptor["reportYear"] == 2022
    assert descriptor["licenses"] and all(lic.get("name") and lic.get("path") for lic in descriptor["licenses"])


def test_factsheet_metadata_comes_from_the_descriptor(sheet: FactSheet, descriptor: dict):
    assert sheet.title == descriptor["title"]
    assert sheet.version == descriptor["version"]
    assert sheet.as_of == descriptor["asOf"]
    assert sheet.description == descriptor["description"]


def test_every_source_id_used_exists(sheet: FactSheet):
    used = {f.source_id for f in sheet} | {f.source_id for f in sheet.facts} | {p.source_id for p in sheet.partners}
    assert used <= set(sheet.sources)


def test_every_figure_has_a_source(sheet: FactSheet):
    for figure in sheet:
        source = sheet.sources[figure.source_id]
        assert source.url.startswith(("http://", "https://")), figure.id
        assert source.publisher and source.title, figure.id


def test_figures_marked_as_rounded_or_bounds_say_so(sheet: FactSheet):
    for figure in sheet:
        if figure.lower_bound:
            assert figure.approximate, f"{figure.id}: a lower bound is also an approximation"
            assert "lower bound" in figure.note, figure.id


def test_derived_rows_name_only_figures_of_the_package(sheet: FactSheet):
    derived = [f for f in sheet if f.derived]
    assert derived
    for figure in derived:
        assert figure.formula and set(figure.inputs()) <= set(sheet.figures), figure.id
