"""A chart's data and credits as they leave the app: the CSV rows, and the lines drawn around an image.

One row per value the chart shows, the value as its source publishes it (a bar drawn at the
monthly average of January to April carries the published four-month total, with that
period), with the figure's kind, its rounding and lower-bound flags, its formula when derived,
and its sources in full. The network chart has one row per partner instead. Headers, units,
kinds and yes/no are in the current language; ids are the dataset's own figure and source
ids, never the chart's internal node ids. ``write_csv`` writes UTF-8 with a byte-order mark
(so Excel reads Chinese right) with the csv module, every text cell spreadsheet-safe.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from chery_viewer.core.audit import describe_formula
from chery_viewer.core.content.citations import figure_sources, source_line
from chery_viewer.core.content.context import Context, kind_name, source_date
from chery_viewer.core.content.model import ChartSpec
from chery_viewer.core.content.partners import domain_name, pairing_name
from chery_viewer.core.factsheet import Figure, Source
from chery_viewer.core.files import atomic_write
from chery_viewer.core.formatting import spreadsheet_safe, unit_word
from chery_viewer.core.i18n import translate
from chery_viewer.core.periods import long_date

__all__ = ["ChartCredits", "DataTable", "chart_credits", "chart_data", "chart_figures", "chart_sources", "write_csv"]

Cell = str | int | float


@dataclass(frozen=True)
class DataTable:
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class ChartCredits:
    """What an exported image says around the chart: title, units, sources and the as-of date."""

    title: str
    units: str  # "Group sales: vehicles · Growth on the year before: %"
    source_line: str  # "Sources: Gulf News (2023-02-03); …"
    as_of: str  # "Data as of 3 February 2023"
    publisher: str  # the fact sheet that drew it, which is unofficial

    @property
    def description(self) -> str:
        """The image's description (an SVG's <desc>): the source line and the as-of date."""
        return " · ".join(t for t in (self.source_line, self.as_of) if t)


def chart_figures(spec: ChartSpec, ctx: Context) -> list[Figure]:
    """The figures behind the chart's points, in the chart's order, each once (gaps have none)."""
    found: dict[str, Figure] = {}
    for series in spec.series:
        for point in series.points:
            figure = ctx.get(point.figure_id) if point.figure_id else None
            if figure is not None and point.value is not None and not math.isnan(point.value):
                found.setdefault(figure.id, figure)
    return list(found.values())


def chart_sources(spec: ChartSpec, ctx: Context) -> list[Source]:
    """The sources the chart's figures (or, for the network, its partners) come from, in order."""
    sources: dict[str, Source] = {}
    if spec.kind == "network":
        partners = {p.id: p for p in ctx.sheet.partners}
        ids = [partners[n.partner_id].source_id for n in spec.nodes if n.partner_id in partners]
        found = [ctx.sheet.sources[i] for i in ids if i in ctx.sheet.sources]
    else:
        found = [s for f in chart_figures(spec, ctx) for s in figure_sources(f, ctx.get, ctx.sheet.sources)]
    for source in found:
        sources.setdefault(source.id, source)
    return list(sources.values())


def data_unit(unit: str) -> str:
    """A unit for a data column: the unit word, '%' for percentages, else the dataset's unit."""
    return unit_word(unit) or {"percent": "%"}.get(unit, unit)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _yes_no(flag: bool) -> str:
    return translate("ChartData", "yes") if flag else translate("ChartData", "no")


def _source_cells(sources: Sequence[Source]) -> tuple[str, ...]:
    join = translate("ChartData", "; ").join
    plain = "; ".join  # ids and addresses: an ASCII separator, so no address runs into a full-width one
    return (
        plain(s.id for s in sources),
        join(s.publisher for s in sources),
        join(s.title for s in sources),
        join(source_date(s) for s in sources),
        plain(s.url for s in sources),
    )


def _source_columns() -> tuple[str, ...]:
    return (
        translate("ChartData", "source id"),
        translate("ChartData", "publisher"),
        translate("ChartData", "title"),
        translate("ChartData", "date"),
        translate("ChartData", "URL"),
    )


def chart_data(spec: ChartSpec, ctx: Context) -> DataTable:
    """The chart's values with their sources, one row per value (per partner for the network)."""
    if spec.kind == "network":
        return _network_data(spec, ctx)
    columns = (
        translate("ChartData", "figure id"),
        translate("ChartData", "label"),
        translate("ChartData", "value"),
        translate("ChartData", "unit"),
        translate("ChartData", "period"),
        translate("ChartData", "kind"),
        translate("ChartData", "approximate"),
        translate("ChartData", "lower bound"),
        translate("ChartData", "formula"),
        *_source_columns(),
    )
    inferred = {p.figure_id for s in spec.series for p in s.points if p.inferred}
    rows = []
    for f in chart_figures(spec, ctx):
        kind = kind_name(f)
        if f.id in inferred:  # the figure's tie to its bar is our inference
            kind = translate("ChartData", "{kind}, inferred").format(kind=kind)
        rows.append(
            (
                f.id,
                f.label,
                _number(f.value),
                data_unit(f.unit),
                f.period.label(),
                kind,
                _yes_no(f.approximate),
                _yes_no(f.lower_bound),
                describe_formula(f.formula, ctx.get) if f.derived and f.formula else "",
                *_source_cells(figure_sources(f, ctx.get, ctx.sheet.sources)),
            )
        )
    return DataTable(columns, tuple(rows))


def _network_data(spec: ChartSpec, ctx: Context) -> DataTable:
    columns = (
        translate("ChartData", "partner"),
        translate("ChartData", "industry"),
        translate("ChartData", "alliance domain"),
        translate("ChartData", "pairing"),
        translate("ChartData", "deal"),
        translate("ChartData", "deal year"),
        *_source_columns(),
    )
    partners = {p.id: p for p in ctx.sheet.partners}
    rows = []
    for node in spec.nodes:
        p = partners.get(node.partner_id)
        if p is None:
            continue
        sources = [ctx.sheet.sources[p.source_id]] if p.source_id in ctx.sheet.sources else []
        rows.append(
            (
                p.name,
                p.industry,
                domain_name(p.domain),
                pairing_name(p.pairing),
                p.deal,
                p.deal_year if p.deal_year else "",
                *_source_cells(sources),
            )
        )
    return DataTable(columns, tuple(rows))


def chart_credits(spec: ChartSpec, ctx: Context) -> ChartCredits:
    """The lines an exported image of ``spec`` carries around the chart."""
    units = []
    if spec.kind == "network":
        units.append(spec.caption)  # what the dashed links mean
    for series in spec.series:
        unit = data_unit(series.unit)
        if spec.kind == "donut":
            units.append(translate("ChartData", "Shares of the whole, in {unit}").format(unit=unit))
            break
        units.append(translate("ChartData", "{series}: {unit}").format(series=series.name, unit=unit))
    as_of = ctx.sheet.as_of
    return ChartCredits(
        spec.title,
        " · ".join(units),
        source_line(chart_sources(spec, ctx)),
        translate("ChartData", "Data as of {date}").format(date=long_date(as_of)) if as_of else "",
        translate("ChartData", "Chery Fact Sheet (unofficial, compiled from press reports)"),
    )


def write_csv(table: DataTable, path: str | Path) -> Path:
    """``table`` as CSV at ``path``, atomically: UTF-8 with a byte-order mark, CRLF rows, text cells
    that no spreadsheet runs as a formula."""

    def cell(value: Cell) -> Cell:
        return spreadsheet_safe(value) if isinstance(value, str) else value

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
            out = csv.writer(handle)
            out.writerow([cell(c) for c in table.columns])
            out.writerows([cell(c) for c in row] for row in table.rows)

    return atomic_write(Path(path), write)
