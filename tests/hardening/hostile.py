"""Hostile packages from issue 17 (defects 7, 9 and 15), in the form of the damaged corpus.

Each used to exit 1 with "unexpected error", print terminal escape codes raw, or give a
message that named the wrong thing; ``test_corpus_cli`` and ``test_corpus_gui`` run them
with the damaged corpus, through the command line and File → Open dataset….
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from .corpus import DESCRIPTOR, Entry, _in_copy, edit_descriptor, read_rows, replace, set_cell, set_resource_path

ESCAPES = "\x1b]0;owned\x07\x1b[2J\x9b31m\u202e"  # retitle the terminal, clear it, C1 CSI, bidi override


def _formula(p: Path, formula: str) -> None:
    set_cell(p, "figures.csv", "sales_2022_01_07", "formula", formula)


def _huge_json_number(p: Path) -> None:
    replace(p, DESCRIPTOR, '"reportYear": 2022', '"reportYear": 2022' + "0" * 5000)


def _not_a_fact_sheet(p: Path) -> None:
    """A valid Frictionless package of somebody else's: one resource of its own, no reportYear."""
    (p / "cars.csv").write_text("model,year\nTiggo 8,2018\nArrizo 5,2016\n", encoding="utf-8")
    descriptor = {
        "name": "cars",
        "resources": [
            {
                "name": "cars",
                "path": "cars.csv",
                "schema": {"fields": [{"name": "model", "type": "string"}, {"name": "year", "type": "integer"}]},
            }
        ],
    }
    (p / DESCRIPTOR).write_text(json.dumps(descriptor), encoding="utf-8")


def _delimited(p: Path, name: str, delimiter: str) -> None:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(read_rows(p, name))
    (p / name).write_text(out.getvalue(), encoding="utf-8")


def _escapes_in_folder_name(tmp_dir: Path) -> Path:
    return tmp_dir / f"pkg{ESCAPES}"


HOSTILE: tuple[Entry, ...] = (
    Entry("descriptor-number-of-5000-digits", _in_copy(_huge_json_number), DESCRIPTOR, ("digits",)),
    Entry(
        "formula-huge-hex-constant",
        _in_copy(lambda p: _formula(p, "sales_2022_08 - 0x" + "f" * 5000)),
        "figures.csv",
        ("formula", "not a plain number"),
    ),
    Entry(
        "formula-huge-decimal-constant",
        _in_copy(lambda p: _formula(p, "sales_2022_08 - 1" + "0" * 5000)),
        "figures.csv",
        ("formula",),
    ),
    Entry(
        "path-lone-surrogate",
        _in_copy(lambda p: set_resource_path(p, "figures", "figures\ud800.csv")),
        DESCRIPTOR,
        ("path", "\\ud800"),
    ),
    Entry(
        "title-lone-surrogate",
        _in_copy(lambda p: edit_descriptor(p, lambda d: d.update(title="Chery \udc80 2022"))),
        DESCRIPTOR,
        ("'title'", "\\udc80"),
    ),
    Entry(
        "cell-with-terminal-escapes",
        _in_copy(lambda p: set_cell(p, "facts.csv", "first_million", "period", f"2022{ESCAPES}")),
        "facts.csv",
        ("\\x1b]0;owned\\x07", "\\u202e"),
    ),
    Entry("folder-name-with-terminal-escapes", _escapes_in_folder_name, "pkg\\x1b]0;owned", ("no such file",)),
    Entry(
        "not-a-fact-sheet-package",
        _in_copy(_not_a_fact_sheet),
        DESCRIPTOR,
        ("not a fact-sheet package", "sources, figures, facts and partners", "cars"),
    ),
    Entry("csv-tab-separated", _in_copy(lambda p: _delimited(p, "figures.csv", "\t")), "figures.csv", ("tabs",)),
    Entry(
        "csv-semicolon-separated",
        _in_copy(lambda p: _delimited(p, "partners.csv", ";")),
        "partners.csv",
        ("semicolons",),
    ),
)
