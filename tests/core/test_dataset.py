"""The loader: what it accepts, and how precisely it explains what it refuses.

Every damaged package is a copy of the bundled one with one change, so each test isolates a
single class of damage. An error must name the file (by its path), and the row and column
where the problem can be found, as a user would look for it in a spreadsheet.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from chery_viewer.core import dataset
from chery_viewer.core.dataset import load_package
from chery_viewer.core.errors import DatasetError
from chery_viewer.core.factsheet import FactSheet, load_factsheet

from .conftest import PackageCopy


def load_error(path: Path) -> DatasetError:
    """Load ``path`` expecting a DatasetError, and check the properties every error must have."""
    with pytest.raises(DatasetError) as info:
        load_factsheet(path)
    error = info.value
    assert error.reason.strip(), "an error needs a reason"
    assert "\n" not in str(error), "the message must fit on one line"
    assert "Traceback" not in error.reason
    return error


def assert_same_content(loaded: FactSheet, bundled: FactSheet) -> None:
    assert loaded.figures == bundled.figures
    assert loaded.facts == bundled.facts
    assert loaded.partners == bundled.partners
    assert loaded.sources == bundled.sources
    assert (loaded.title, loaded.version, loaded.as_of, loaded.report_year) == (
        bundled.title,
        bundled.version,
        bundled.as_of,
        bundled.report_year,
    )


# -- what loads ----------------------------------------------------------------------------


def test_bundled_package_loads_without_frictionless():
    package = load_package()
    assert package.validated_by == "bundled digest"
    assert set(package.tables) == {"sources", "figures", "facts", "partners"}
    assert len(package.tables["figures"]) > 50


def test_bundled_factsheet_has_all_parts(sheet: FactSheet):
    assert sheet.report_year == 2022
    assert sheet.title == "Chery Group Fact Sheet 2022"
    assert len(sheet.figures) > 50 and sheet.facts and len(sheet.partners) == 6 and sheet.sources


def test_byte_identical_copy_is_recognised(package_copy: PackageCopy, sheet: FactSheet):
    package = load_package(package_copy.dir)
    assert package.validated_by == "bundled digest"
    assert package.directory == package_copy.dir
    assert_same_content(load_factsheet(package_copy.dir), sheet)


def test_descriptor_path_is_accepted_as_well_as_the_folder(package_copy: PackageCopy):
    assert load_package(package_copy.path("datapackage.json")).validated_by == "bundled digest"
    assert load_package(str(package_copy.dir)).validated_by == "bundled digest"


def test_modified_copy_is_validated_by_frictionless(package_copy: PackageCopy):
    package_copy.replace("figures.csv", "Published as a round figure.", "Published as a round number.")
    package = load_package(package_copy.dir)
    assert package.validated_by == "frictionless"
    sheet = load_factsheet(package_copy.dir)
    assert sheet.figures["sales_2020"].note == "Published as a round number."
    assert sheet.directory == package_copy.dir


def _crlf(copy: PackageCopy) -> None:
    for name in ("sources.csv", "figures.csv", "facts.csv", "partners.csv"):
        copy.write(name, copy.read(name).replace(b"\n", b"\r\n"))


def _bom(copy: PackageCopy) -> None:
    for name in ("sources.csv", "figures.csv", "facts.csv", "partners.csv", "datapackage.json"):
        copy.write(name, b"\xef\xbb\xbf" + copy.read(name))


def _reorder(copy: PackageCopy) -> None:
    for name in ("sources.csv", "figures.csv", "facts.csv", "partners.csv"):
        copy.write_rows(name, [list(reversed(row)) for row in copy.rows(name)])


def _extra_column(copy: PackageCopy) -> None:
    rows = copy.rows("figures.csv")
    copy.write_rows("figures.csv", [[*rows[0], "comment"]] + [[*r, "checked"] for r in rows[1:]])


@pytest.mark.parametrize(
    "variation", [_crlf, _bom, _reorder, _extra_column], ids=["crlf", "utf8-bom", "reordered-columns", "extra-column"]
)
def test_harmless_variations_load_with_identical_figures(package_copy: PackageCopy, sheet: FactSheet, variation):
    variation(package_copy)
    assert load_package(package_copy.dir).validated_by == "frictionless"
    assert_same_content(load_factsheet(package_copy.dir), sheet)


# -- where the package is --------------------------------------------------------------------


def test_folder_without_descriptor(package_copy: PackageCopy):
    package_copy.path("datapackage.json").unlink()
    error = load_error(package_copy.dir)
    assert error.file.endswith("datapackage.json")
    assert "datapackage.json" in error.reason and "not a data package" in error.reason


def test_path_that_does_not_exist(tmp_path: Path):
    error = load_error(tmp_path / "nowhere")
    assert error.file.endswith("nowhere")
    assert "no such file" in error.reason


def test_plain_file_given_as_dataset(tmp_path: Path):
    plain = tmp_path / "notes.txt"
    plain.write_text("just some notes\n", encoding="utf-8")
    error = load_error(plain)
    assert error.file.endswith("notes.txt")
    assert "data package" in error.reason


# -- the descriptor ------------------------------------------------------------------------


def test_truncated_descriptor(package_copy: PackageCopy):
    text = package_copy.read("datapackage.json")
    package_copy.write("datapackage.json", text[: len(text) // 2])
    error = load_error(package_copy.dir)
    assert error.file.endswith("datapackage.json")
    assert "not valid JSON" in error.reason
    assert error.row is not None and error.row > 1
    assert f"line {error.row}" in error.reason


def test_empty_descriptor(package_copy: PackageCopy):
    package_copy.write("datapackage.json", b"")
    error = load_error(package_copy.dir)
    assert error.file.endswith("datapackage.json")
    assert "empty" in error.reason


def test_binary_descriptor(package_copy: PackageCopy):
    package_copy.write("datapackage.json", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    error = load_error(package_copy.dir)
    assert error.file.endswith("datapackage.json")
    assert "UTF-8" in error.reason and "0x89" in error.reason
    assert error.row == 1


def test_descriptor_with_nul_bytes(package_copy: PackageCopy):
    package_copy.write("datapackage.json", b'{\n"title": "x"\x00}')
    error = load_error(package_copy.dir)
    assert "NUL" in error.reason
    assert error.row == 2


@pytest.mark.parametrize("content", [b"[1, 2, 3]", b"42", b'"a data package"', b"null"])
def test_descriptor_that_is_not_an_object(package_copy: PackageCopy, content: bytes):
    package_copy.write("datapackage.json", content)
    error = load_error(package_copy.dir)
    assert error.file.endswith("datapackage.json")
    assert "JSON object" in error.reason


def test_descriptor_without_resources(package_copy: PackageCopy):
    package_copy.edit_descriptor(lambda d: d.pop("resources"))
    error = load_error(package_copy.dir)
    assert error.file.endswith("datapackage.json")
    assert error.field == "resources" and error.column is None
    assert "'resources'" in error.reason


def test_descriptor_with_resources_not_a_list(package_copy: PackageCopy):
    package_copy.edit_descriptor(lambda d: d.__setitem__("resources", {"figures": "figures.csv"}))
    error = load_error(package_copy.dir)
    assert error.field == "resources" and error.column is None


@pytest.mark.parametrize("name", ["sources", "figures", "facts", "partners"])
def test_descriptor_missing_a_required_resource(package_copy: PackageCopy, name: str):
    package_copy.edit_descriptor(lambda d: d.__setitem__("resources", [r for r in d["resources"] if r["name"] != name]))
    error = load_error(package_copy.dir)
    assert error.file.endswith("datapackage.json")
    assert error.field == "resources" and error.column is None
    assert f"'{name}'" in error.reason


def test_descriptor_without_title(package_copy: PackageCopy):
    package_copy.edit_descriptor(lambda d: d.__setitem__("title", "  "))
    error = load_error(package_copy.dir)
    assert error.field == "title" and "field 'title'" in str(error)


@pytest.mark.parametrize("year", ["2022", 1800, True, 2022.5])
def test_descriptor_with_bad_report_year(package_copy: PackageCopy, year):
    package_copy.edit_descriptor(lambda d: d.__setitem__("reportYear", year))
    error = load_error(package_copy.dir)
    assert error.field == "reportYear"


def _set_path(copy: PackageCopy, name: str, path: str) -> None:
    copy.edit_descriptor(lambda d: copy.resource(d, name).__setitem__("path", path))


@pytest.mark.parametrize("path", ["../x.csv", "../package/../../figures.csv", "/etc/passwd"])
def test_resource_path_leaving_the_package(package_copy: PackageCopy, path: str):
    (package_copy.dir.parent / "x.csv").write_text("id\n", encoding="utf-8")
    _set_path(package_copy, "figures", path)
    error = load_error(package_copy.dir)
    assert error.file.endswith("datapackage.json")
    assert error.field == "path"
    assert "leaves the package" in error.reason and path in error.reason


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_resource_symlink_leaving_the_package(package_copy: PackageCopy, tmp_path: Path):
    outside = tmp_path / "outside.csv"
    outside.write_bytes(package_copy.read("figures.csv"))
    package_copy.path("figures.csv").unlink()
    package_copy.path("figures.csv").symlink_to(outside)
    error = load_error(package_copy.dir)
    assert error.field == "path"
    assert "leaves the package" in error.reason


@pytest.mark.parametrize("url", ["https://example.com/figures.csv", "http://example.com/f.csv", "file:///etc/passwd"])
def test_resource_path_that_is_a_url(package_copy: PackageCopy, url: str):
    _set_path(package_copy, "figures", url)
    error = load_error(package_copy.dir)
    assert error.file.endswith("datapackage.json")
    assert error.field == "path"
    assert "URL" in error.reason


@pytest.mark.parametrize("path", ["", 7, ["figures.csv", "more.csv"]])
def test_resource_path_that_is_not_a_single_local_path(package_copy: PackageCopy, path):
    _set_path(package_copy, "figures", path)
    error = load_error(package_copy.dir)
    assert error.field == "path"


# -- the resource files --------------------------------------------------------------------


def test_missing_csv(package_copy: PackageCopy):
    package_copy.path("facts.csv").unlink()
    error = load_error(package_copy.dir)
    assert error.file.endswith("facts.csv")
    assert "not found" in error.reason


def test_empty_csv(package_copy: PackageCopy):
    package_copy.write("partners.csv", b"")
    error = load_error(package_copy.dir)
    assert error.file.endswith("partners.csv")
    assert "empty" in error.reason


def test_non_utf8_csv_names_the_row_of_the_bad_byte(package_copy: PackageCopy):
    row = package_copy.line_of("figures.csv", "sales_2022_07,")
    lines = package_copy.read("figures.csv").split(b"\n")
    lines[row - 1] = lines[row - 1].replace(b"July", "Juillet é".encode("latin-1"))
    package_copy.write("figures.csv", b"\n".join(lines))
    error = load_error(package_copy.dir)
    assert error.file.endswith("figures.csv")
    assert error.row == row
    assert "UTF-8" in error.reason and "0xe9" in error.reason


def test_binary_csv(package_copy: PackageCopy):
    package_copy.write("sources.csv", bytes(range(256)) * 4)
    error = load_error(package_copy.dir)
    assert error.file.endswith("sources.csv")
    assert error.row is not None
    assert "not a text file" in error.reason or "UTF-8" in error.reason


def test_directory_where_a_csv_should_be(package_copy: PackageCopy):
    package_copy.path("figures.csv").unlink()
    package_copy.path("figures.csv").mkdir()
    error = load_error(package_copy.dir)
    assert error.file.endswith("figures.csv")
    assert "folder" in error.reason


def test_file_over_the_size_limit(package_copy: PackageCopy, monkeypatch: pytest.MonkeyPatch):
    limit = max(
        package_copy.path(n).stat().st_size
        for n in ("datapackage.json", "sources.csv", "figures.csv", "facts.csv", "partners.csv")
    )
    monkeypatch.setattr(dataset, "MAX_FILE_BYTES", limit)
    package_copy.write("facts.csv", package_copy.read("facts.csv") + b"\n" * (limit + 1))
    error = load_error(package_copy.dir)
    assert error.file.endswith("facts.csv")
    assert "limit" in error.reason


def test_real_size_limit_is_20_mib():
    assert dataset.MAX_FILE_BYTES == 20 * 1024 * 1024


# -- cells, columns, keys --------------------------------------------------------------------


def test_text_in_the_value_column(package_copy: PackageCopy):
    row = package_copy.line_of("figures.csv", "sales_2021,")
    package_copy.replace("figures.csv", "Group sales 2021,961926,", "Group sales 2021,about a million,")
    error = load_error(package_copy.dir)
    assert error.file.endswith("figures.csv")
    assert (error.row, error.column) == (row, "value")
    assert "'about a million'" in error.reason and "number" in error.reason


@pytest.mark.parametrize("text", ['"1,000"', "0x10", "12 000"])
def test_number_written_in_a_foreign_style(package_copy: PackageCopy, text: str):
    row = package_copy.line_of("figures.csv", "sales_2021,")
    package_copy.replace("figures.csv", "Group sales 2021,961926,", f"Group sales 2021,{text},")
    error = load_error(package_copy.dir)
    assert (error.row, error.column) == (row, "value")


def test_negative_vehicle_count(package_copy: PackageCopy):
    row = package_copy.line_of("figures.csv", "exports_2021,")
    package_copy.replace("figures.csv", "Exports 2021,269154,", "Exports 2021,-5,")
    error = load_error(package_copy.dir)
    assert error.file.endswith("figures.csv")
    assert (error.row, error.column) == (row, "value")
    assert "negative" in error.reason


def test_negative_growth_rate_is_allowed(package_copy: PackageCopy):
    package_copy.replace("figures.csv", "Group sales growth 2022,28.2,", "Group sales growth 2022,-12.5,")
    assert load_factsheet(package_copy.dir).figures["sales_2022_yoy"].value == -12.5


@pytest.mark.parametrize("value", ["-150", "20000", "10000.5"])
def test_percentage_out_of_range(package_copy: PackageCopy, value: str):
    row = package_copy.line_of("figures.csv", "sales_2022_yoy,")
    package_copy.replace("figures.csv", "Group sales growth 2022,28.2,", f"Group sales growth 2022,{value},")
    error = load_error(package_copy.dir)
    assert error.file.endswith("figures.csv")
    assert (error.row, error.column) == (row, "value")


@pytest.mark.parametrize("value", ["-100", "10000"])
def test_percentage_limits_are_inclusive(package_copy: PackageCopy, value: str):
    package_copy.replace("figures.csv", "Export growth 2021,136.3,", f"Export growth 2021,{value},")
    assert load_factsheet(package_copy.dir).figures["exports_2021_yoy"].value == float(value)


@pytest.mark.parametrize("period", ["2022-13", "2022-00", "22", "2022/2023", "2022-12-01/2022-12"])
def test_impossible_period(package_copy: PackageCopy, period: str):
    row = package_copy.line_of("figures.csv", "sales_2022_12,")
    package_copy.replace("figures.csv", "105483,vehicles,2022-12,", f"105483,vehicles,{period},")
    error = load_error(package_copy.dir)
    assert error.file.endswith("figures.csv")
    assert (error.row, error.column) == (row, "period")
    assert period in error.reason


@pytest.mark.parametrize(("period", "words"), [("2022-02-30", "real date"), ("2022-08/2022-01", "ends before")])
def test_period_that_matches_the_pattern_but_cannot_be(package_copy: PackageCopy, period: str, words: str):
    row = package_copy.line_of("figures.csv", "sales_2022_12,")
    package_copy.replace("figures.csv", "105483,vehicles,2022-12,", f"105483,vehicles,{period},")
    error = load_error(package_copy.dir)
    assert (error.row, error.column) == (row, "period")
    assert words in error.reason


def test_impossible_period_in_facts(package_copy: PackageCopy):
    row = package_copy.line_of("facts.csv", "qingdao_factory,")
    package_copy.replace("facts.csv", ",2022-11-18,S25,", ",2022-11-31,S25,")
    error = load_error(package_copy.dir)
    assert error.file.endswith("facts.csv")
    assert (error.row, error.column) == (row, "period")


def test_impossible_period_reason_shows_the_expected_form(package_copy: PackageCopy):
    package_copy.replace("figures.csv", "105483,vehicles,2022-12,", "105483,vehicles,2022-13,")
    error = load_error(package_copy.dir)
    assert "[0-9]" not in error.reason
    assert "2022-07" in error.reason


def test_renamed_column(package_copy: PackageCopy):
    package_copy.replace("figures.csv", "label,value,unit,", "label,amount,unit,")
    error = load_error(package_copy.dir)
    assert error.file.endswith("figures.csv")
    assert (error.row, error.column) == (1, "value")
    assert "header" in error.reason


@pytest.mark.parametrize(
    ("file", "column"),
    [
        ("figures.csv", "value"),
        ("figures.csv", "note"),
        ("facts.csv", "inferred"),
        ("sources.csv", "url"),
        ("partners.csv", "domain"),
    ],
)
def test_missing_column(package_copy: PackageCopy, file: str, column: str):
    rows = package_copy.rows(file)
    index = rows[0].index(column)
    package_copy.write_rows(file, [r[:index] + r[index + 1 :] for r in rows])
    error = load_error(package_copy.dir)
    assert error.file.endswith(file)
    assert (error.row, error.column) == (1, column)
    assert "missing" in error.reason


def test_empty_required_cell(package_copy: PackageCopy):
    row = package_copy.line_of("figures.csv", "sales_2021,")
    package_copy.replace("figures.csv", "Group sales 2021,961926,", "Group sales 2021,,")
    error = load_error(package_copy.dir)
    assert (error.row, error.column) == (row, "value")


def test_boolean_column_with_other_words(package_copy: PackageCopy):
    row = package_copy.line_of("figures.csv", "sales_2021,")
    package_copy.replace("figures.csv", "2021,stated,false,false,S5", "2021,stated,perhaps,false,S5")
    error = load_error(package_copy.dir)
    assert (error.row, error.column) == (row, "approximate")


def test_value_outside_an_enum(package_copy: PackageCopy):
    row = package_copy.line_of("figures.csv", "sales_2021,")
    package_copy.replace("figures.csv", "sales_2021,sales,", "sales_2021,weather,")
    error = load_error(package_copy.dir)
    assert (error.row, error.column) == (row, "section")
    assert "'weather'" in error.reason


def test_duplicate_primary_key(package_copy: PackageCopy):
    row = package_copy.line_of("figures.csv", "sales_2021_yoy,")
    package_copy.replace("figures.csv", "\nsales_2021_yoy,", "\nsales_2021,")
    error = load_error(package_copy.dir)
    assert error.file.endswith("figures.csv")
    assert (error.row, error.column) == (row, "id")
    assert "duplicate" in error.reason


def test_duplicate_partner(package_copy: PackageCopy):
    row = package_copy.line_of("partners.csv", "catl,")
    package_copy.replace("partners.csv", "\ncatl,", "\nhaier,")
    error = load_error(package_copy.dir)
    assert error.file.endswith("partners.csv")
    assert (error.row, error.column) == (row, "id")


@pytest.mark.parametrize(
    ("file", "prefix", "old", "new"),
    [
        ("figures.csv", "sales_2021,", "2021,stated,false,false,S5,", "2021,stated,false,false,S99,"),
        ("facts.csv", "first_50k_month,", "2022-07,S13,false", "2022-07,S99,false"),
        ("partners.csv", "haier,", "inferred,S19,", "inferred,S99,"),
    ],
)
def test_broken_foreign_key(package_copy: PackageCopy, file: str, prefix: str, old: str, new: str):
    row = package_copy.line_of(file, prefix)
    package_copy.replace(file, old, new)
    error = load_error(package_copy.dir)
    assert error.file.endswith(file)
    assert (error.row, error.column) == (row, "source_id")
    assert "S99" in error.reason and "source" in error.reason


# -- meaning: formulas -----------------------------------------------------------------------

FORMULA = ",S10,sales_2022_01_08 - sales_2022_08,"


def test_derived_figure_without_formula(package_copy: PackageCopy):
    row = package_copy.line_of("figures.csv", "sales_2022_01_07,")
    package_copy.replace("figures.csv", FORMULA, ",S10,,")
    error = load_error(package_copy.dir)
    assert error.file.endswith("figures.csv")
    assert (error.row, error.column) == (row, "formula")
    assert "needs a formula" in error.reason


def test_stated_figure_with_formula(package_copy: PackageCopy):
    row = package_copy.line_of("figures.csv", "sales_2021,")
    package_copy.replace("figures.csv", "2021,stated,false,false,S5,,", "2021,stated,false,false,S5,sales_2020 * 2,")
    error = load_error(package_copy.dir)
    assert (error.row, error.column) == (row, "formula")


def test_formula_naming_an_unknown_figure(package_copy: PackageCopy):
    row = package_copy.line_of("figures.csv", "sales_2022_01_07,")
    package_copy.replace("figures.csv", FORMULA, ",S10,sales_2022_01_08 - sales_2099_08,")
    error = load_error(package_copy.dir)
    assert error.file.endswith("figures.csv")
    assert (error.row, error.column) == (row, "formula")
    assert "sales_2099_08" in error.reason


@pytest.mark.parametrize(
    "formula",
    [
        "sales_2022_01_07 - sales_2022_08",
        "sales_2022_01_08 -",
        "abs(sales_2022_08)",
        "sales_2022_01_08 ** 2",
        "__import__('os')",
    ],
)
def test_formula_that_is_not_allowed(package_copy: PackageCopy, formula: str):
    row = package_copy.line_of("figures.csv", "sales_2022_01_07,")
    package_copy.replace("figures.csv", FORMULA, f",S10,{formula},")
    error = load_error(package_copy.dir)
    assert (error.row, error.column) == (row, "formula")


def test_error_message_format():
    error = DatasetError("/data/figures.csv", "'x' is not a valid number", row=3, column="value")
    assert str(error) == "/data/figures.csv, row 3, column 'value': 'x' is not a valid number"
    assert str(DatasetError("/data/datapackage.json", "file is empty")) == "/data/datapackage.json: file is empty"


def test_row_numbers_survive_crlf_and_bom(package_copy: PackageCopy):
    row = package_copy.line_of("figures.csv", "exports_2021,")
    package_copy.replace("figures.csv", "Exports 2021,269154,", "Exports 2021,plenty,")
    package_copy.write("figures.csv", b"\xef\xbb\xbf" + package_copy.read("figures.csv").replace(b"\n", b"\r\n"))
    error = load_error(package_copy.dir)
    assert (error.row, error.column) == (row, "value")


# -- random damage ---------------------------------------------------------------------------------


def _damage(data: bytes, rng: random.Random) -> bytes:
    pos = rng.randrange(len(data))
    op = rng.choice(["delete", "insert", "flip", "truncate", "duplicate-line", "swap-cells"])
    if op == "delete":
        return data[:pos] + data[pos + rng.randint(1, 6) :]
    if op == "insert":
        return data[:pos] + bytes(rng.choice(b',"\n\r 09-.aZ\xff\x00') for _ in range(rng.randint(1, 3))) + data[pos:]
    if op == "flip":
        return data[:pos] + bytes([rng.randrange(256)]) + data[pos + 1 :]
    if op == "truncate":
        return data[:pos]
    lines = data.split(b"\n")
    k = rng.randrange(1, len(lines) - 1)
    if op == "duplicate-line":
        lines.insert(k, lines[k])
    else:
        cells = lines[k].split(b",")
        if len(cells) > 2:
            a, b = rng.sample(range(len(cells)), 2)
            cells[a], cells[b] = cells[b], cells[a]
            lines[k] = b",".join(cells)
    return b"\n".join(lines)


@pytest.mark.parametrize("seed", range(40))
def test_random_damage_is_loaded_or_refused_with_a_dataset_error(package_copy: PackageCopy, seed: int):
    """Whatever the damage, the loader either accepts the package or says where it is broken."""
    rng = random.Random(seed)
    name = rng.choice(["figures.csv", "facts.csv", "partners.csv", "sources.csv", "datapackage.json"])
    package_copy.write(name, _damage(package_copy.read(name), rng))
    try:
        load_factsheet(package_copy.dir)
    except DatasetError as error:
        assert Path(error.file).is_relative_to(package_copy.dir)
        assert error.reason.strip()


def test_validation_verdicts_are_cached_by_content(
    package_copy: PackageCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("CHERY_VIEWER_CACHE_DIR", str(tmp_path / "cache"))
    package_copy.replace("figures.csv", "1232727", "1232728")
    assert load_package(package_copy.dir).validated_by == "frictionless"
    assert load_package(package_copy.dir).validated_by == "frictionless, earlier run"
    package_copy.replace("figures.csv", "1232728", "1232729")  # any byte changed: checked again
    assert load_package(package_copy.dir).validated_by == "frictionless"
    package_copy.replace("figures.csv", "1232729", "lots")  # a failure is never cached
    for _ in range(2):
        with pytest.raises(DatasetError):
            load_package(package_copy.dir)
