"""The fact sheet model: figures, facts, partners and sources, checked for meaning.

``RawPackage`` guarantees shape and types; this module adds the rules a Table Schema
cannot express (a count is never negative, a derived figure carries a formula whose
inputs exist) and offers the look-ups the section builders need.
"""

from __future__ import annotations

import dataclasses
from collections import namedtuple
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from chery_viewer.core.csvtable import ColumnTable
from chery_viewer.core.dataset import RawPackage, declared_languages, load_package
from chery_viewer.core.errors import DatasetError, clip
from chery_viewer.core.formulas import check_formula, formula_names
from chery_viewer.core.periods import Period

if TYPE_CHECKING:
    import pandas as pd

FIGURE_COLUMNS = ("id", "section", "metric", "subject", "label", "value", "unit", "period", "kind", "approximate",
                  "lower_bound", "source_id", "formula", "note")  # fmt: skip


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    url: str
    date: str
    date_basis: str = ""  # "address" or "content": where the date was read; a date from content is our inference


class Figure(NamedTuple):
    """One number with everything needed to show it honestly.

    An immutable named tuple rather than a frozen dataclass: a large dataset creates tens of
    thousands of them, and a tuple is built about four times faster.
    """

    id: str
    section: str
    metric: str
    subject: str
    label: str
    value: float
    unit: str
    period: Period
    kind: str
    approximate: bool
    lower_bound: bool
    source_id: str
    formula: str
    note: str

    @property
    def derived(self) -> bool:
        return self.kind == "derived"

    @property
    def planned(self) -> bool:
        """A plan or target a source announces (a planned capacity), not a result achieved."""
        return self.kind == "planned"

    def inputs(self) -> list[str]:
        """Ids of the figures a derived figure's formula uses, in order of appearance."""
        return formula_names(self.formula) if self.formula else []


@dataclass(frozen=True)
class Fact:
    id: str
    section: str
    kind: str
    title: str
    text: str
    period: Period
    source_id: str
    inferred: bool


@dataclass(frozen=True)
class Partner:
    id: str
    name: str
    industry: str
    deal: str
    deal_year: int | None
    domain: str
    pairing: str
    source_id: str
    note: str


@dataclass(frozen=True)
class FactSheet:
    """Everything the app shows, read from one validated data package."""

    title: str
    description: str
    version: str
    as_of: str
    report_year: int
    directory: Path
    figures: dict[str, Figure]
    facts: tuple[Fact, ...]
    partners: tuple[Partner, ...]
    sources: dict[str, Source]
    #: Translated texts by language tag: {"zh-CN": {"title": ..., "figures": {"label": {id: text}}, ...}}.
    translations: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False, compare=False)
    # Look-up indexes, built once: every query below is a dict access, so the audit and
    # the builders stay linear in the size of the dataset.
    _by_metric: dict[str, list[Figure]] = field(init=False, repr=False, compare=False)
    _by_period: dict[tuple[str, str], Figure] = field(init=False, repr=False, compare=False)
    _by_subject: dict[tuple[str, str, str], Figure] = field(init=False, repr=False, compare=False)
    _years: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_metric: dict[str, list[Figure]] = {}
        by_period: dict[tuple[str, str], Figure] = {}
        by_subject: dict[tuple[str, str, str], Figure] = {}
        years: set[int] = set()
        for figure in self.figures.values():
            metric, period = figure.metric, figure.period
            by_metric.setdefault(metric, []).append(figure)
            by_period.setdefault((metric, period.code), figure)
            by_subject.setdefault((metric, period.code, figure.subject), figure)
            if period.precision == "year" and figure.unit == "vehicles":
                years.add(period.start.year)
        object.__setattr__(self, "_years", list(range(min(years), max(years) + 1)) if years else [self.report_year])
        object.__setattr__(self, "_by_metric", by_metric)
        object.__setattr__(self, "_by_period", by_period)
        object.__setattr__(self, "_by_subject", by_subject)

    def figure(self, figure_id: str) -> Figure | None:
        return self.figures.get(figure_id)

    def find(self, metric: str, period: str, subject: str | None = None) -> Figure | None:
        """The figure of ``metric`` for exactly ``period`` (e.g. '2022' or '2022-01/2022-08')."""
        if subject is None:
            return self._by_period.get((metric, period))
        return self._by_subject.get((metric, period, subject))

    def as_reported(self, metric: str, year: int) -> Figure | None:
        """The figure of ``metric`` that stands for ``year``: the year's own, else the one dated
        closest to the year's end within it or the year after. A count such as users "at present"
        in a report published after the year closed keeps its own date instead of posing as the
        year's."""
        found = self.find(metric, str(year))
        if found is not None:
            return found
        end = date(year, 12, 31)
        dated = [
            f
            for f in self.of_metric(metric)
            if f.period.precision in ("day", "month") and f.period.start.year in (year, year + 1)
        ]
        return min(dated, key=lambda f: abs((f.period.start - end).days), default=None)

    def of_metric(self, metric: str) -> list[Figure]:
        return list(self._by_metric.get(metric, ()))

    def annual(self, metric: str) -> pd.Series:
        """Yearly values of ``metric`` over every year any annual series covers; gaps stay NaN.

        The one look-up that returns a pandas object: pandas is imported here, on first use,
        never on the start-up or export paths.
        """
        import pandas as pd

        years = self.annual_years()
        values = {f.period.start.year: f.value for f in self.of_metric(metric) if f.period.is_year}
        return pd.Series([values.get(y, float("nan")) for y in years], index=years, name=metric, dtype="float64")

    def annual_years(self) -> list[int]:
        """Every year from the first to the last with an annual count (gaps included)."""
        return list(self._years)

    def facts_of(self, section: str, kind: str | None = None) -> list[Fact]:
        return [f for f in self.facts if f.section == section and (kind is None or f.kind == kind)]

    def source(self, source_id: str) -> Source:
        return self.sources[source_id]

    def __iter__(self) -> Iterator[Figure]:
        return iter(self.figures.values())

    @property
    def languages(self) -> tuple[str, ...]:
        """The language tags the package carries texts for, English first."""
        return ("en", *self.translations)

    def localized(self, language: str) -> FactSheet:
        """The same figures with their texts in ``language`` (a tag such as 'zh-CN').

        A language the package does not carry gives the sheet itself: its English texts.
        Ids, metrics, values and periods never change, so every look-up works alike.
        """
        texts = self.translations.get(language)
        if texts is None:
            return self

        def swap(item: Any, resource: str) -> dict[str, Any]:
            return {column: text for column, by_id in texts[resource].items() if (text := by_id.get(item.id))}

        return FactSheet(
            title=texts["title"] or self.title,
            description=texts["description"] or self.description,
            version=self.version,
            as_of=self.as_of,
            report_year=self.report_year,
            directory=self.directory,
            figures={fid: f._replace(**swap(f, "figures")) for fid, f in self.figures.items()},
            facts=tuple(dataclasses.replace(f, **swap(f, "facts")) for f in self.facts),
            partners=tuple(dataclasses.replace(p, **swap(p, "partners")) for p in self.partners),
            sources=self.sources,
        )


def load_factsheet(path: str | Path | None = None) -> FactSheet:
    """Load, validate and model a data package (the bundled one when ``path`` is None)."""
    return build_factsheet(load_package(path))


def build_factsheet(raw: RawPackage) -> FactSheet:
    files = {
        r["name"]: str(raw.directory / r["path"])
        for r in raw.descriptor["resources"]
        if isinstance(r, dict) and r.get("name") in raw.tables
    }
    sources = {
        row.id: Source(row.id, row.title, row.publisher, row.url, row.date, getattr(row, "date_basis", "") or "")
        for row in _rows(raw.tables["sources"])
    }
    if not sources:
        raise DatasetError(files["sources"], "has a header but no sources", row=2)
    for i, source in enumerate(_rows(raw.tables["sources"])):
        if source.date:  # the schema checks the form (2023-01-17); the calendar is checked here
            _period(source.date, files["sources"], i, column="date")
    figures = _figures(raw.tables["figures"], files["figures"], sources)
    facts = tuple(
        Fact(
            r.id,
            r.section,
            r.kind,
            r.title,
            r.text,
            _period(r.period, files["facts"], i),
            r.source_id,
            bool(r.inferred),
        )
        for i, r in enumerate(_rows(raw.tables["facts"]))
    )
    partners = tuple(
        Partner(
            r.id,
            r.name,
            r.industry,
            r.deal,
            None if r.deal_year is None else int(r.deal_year),
            r.domain,
            r.pairing,
            r.source_id,
            r.note,
        )
        for r in _rows(raw.tables["partners"])
    )
    sourced: tuple[tuple[Sequence[Fact | Partner], str], ...] = ((facts, files["facts"]), (partners, files["partners"]))
    for items, file in sourced:
        for i, item in enumerate(items):
            if item.source_id not in sources:
                raise DatasetError(file, f"unknown source '{item.source_id}'", row=i + 2, column="source_id")
        _unique([item.id for item in items], file)
    descriptor = raw.descriptor
    translations: dict[str, dict[str, Any]] = {
        tag: {
            "title": str(descriptor.get(f"title@{tag}", "")).strip(),
            "description": str(descriptor.get(f"description@{tag}", "")),
            **{resource: _translated(frame, tag) for resource, frame in raw.tables.items()},
        }
        for tag in declared_languages(descriptor)
    }
    for tag, texts in translations.items():
        _check_subjects(figures, texts["figures"], files["figures"], tag)
    return FactSheet(
        title=descriptor["title"].strip(),
        description=str(descriptor.get("description", "")),
        version=str(descriptor.get("version", "")),
        as_of=str(descriptor.get("asOf", "")),
        report_year=int(descriptor["reportYear"]),
        directory=raw.directory,
        figures=figures,
        facts=facts,
        partners=partners,
        sources=sources,
        translations=translations,
    )


def _translated(frame: ColumnTable, tag: str) -> dict[str, dict[str, str]]:
    """{column: {row id: translated text}} for the frame's ``column@tag`` columns (the bundled
    schemas say which columns have translations; the loader read exactly those)."""
    ids = frame["id"]
    suffix = f"@{tag}"
    return {c.removesuffix(suffix): dict(zip(ids, frame[c], strict=True)) for c in frame if c.endswith(suffix)}


def _check_subjects(figures: dict[str, Figure], texts: dict[str, dict[str, str]], file: str, tag: str) -> None:
    """A subject is a key (growth rates find their totals by it, tables group by it), so each
    subject keeps one translation, and no two subjects share one."""
    translated = texts.get("subject", {})
    english: dict[str, tuple[str, int]] = {}  # subject -> (its translation, first row)
    owner: dict[str, str] = {}  # translation -> the subject it belongs to
    for row, figure in enumerate(figures.values(), start=2):
        text = translated.get(figure.id, "")
        if not text:
            continue
        first, first_row = english.setdefault(figure.subject, (text, row))
        if first != text:
            reason = (f"subject '{clip(figure.subject)}' is '{clip(first)}' in row {first_row} but '{clip(text)}' "
                      "here; a subject keeps one translation")  # fmt: skip
        elif owner.setdefault(text, figure.subject) != figure.subject:
            reason = (f"'{clip(text)}' already translates the subject '{clip(owner[text])}'; two subjects "
                      "need two translations")  # fmt: skip
        else:
            continue
        raise DatasetError(file, reason, row=row, column=f"subject@{tag}")


def _figures(frame: ColumnTable, file: str, sources: dict[str, Source]) -> dict[str, Figure]:
    if frame.empty:
        raise DatasetError(file, "has a header but no figures", row=2)
    _unique(list(frame["id"]), file)
    figures: dict[str, Figure] = {}
    # Plain tuples straight from the columns (in Figure's field order): a named tuple per
    # row would cost more than building the Figure itself on a large dataset.
    columns = [frame[name] for name in FIGURE_COLUMNS]
    for i, (fid, section, metric, subject, label, value, unit, period, kind, approx, lower, source_id, formula,
            note) in enumerate(zip(*columns, strict=True)):  # fmt: skip
        row = i + 2
        if source_id not in sources:
            raise DatasetError(file, f"unknown source '{source_id}'", row=row, column="source_id")
        if unit != "percent" and value < 0:
            raise DatasetError(file, f"{value:g} {unit} is negative; a count cannot be", row=row, column="value")
        if unit == "percent" and not -100 <= value <= 10_000:
            raise DatasetError(file, f"{value:g}% is outside -100% to 10,000%", row=row, column="value")
        figures[fid] = Figure(fid, section, metric, subject, label, float(value), unit, _period(period, file, i), kind,
                              bool(approx), bool(lower), source_id, formula, note)  # fmt: skip
    for i, figure in enumerate(figures.values()):
        check_formula(figure, figures, file, i + 2)
    return figures


def _rows(frame: ColumnTable) -> Iterator[Any]:
    """Rows as named tuples of the table's plain Python values."""
    make_row_type: Callable[..., Any] = namedtuple  # the field names come from the data, not a literal
    Row = make_row_type("Row", [c.replace("@", "_").replace("-", "_") for c in frame])
    columns = [frame[c] for c in frame]
    return (Row._make(values) for values in zip(*columns, strict=True))


def _period(code: str, file: str, index: int, column: str = "period") -> Period:
    try:
        return Period.parse(code)
    except ValueError as exc:
        raise DatasetError(file, str(exc), row=index + 2, column=column) from None


def _unique(ids: list[str], file: str) -> None:
    seen: set[str] = set()
    for i, item in enumerate(ids):
        if item in seen:
            raise DatasetError(file, f"duplicate id '{item}'", row=i + 2, column="id")
        seen.add(item)
