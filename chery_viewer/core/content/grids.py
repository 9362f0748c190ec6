"""A section's figures as grids: rows are years or the months of the report year, columns the
measures (sales, growth, year to date...), each cell a figure with its source mark.

A flat list of fifty "Group sales January to August 2022" rows hides what the figures are: a
calendar with gaps. The grid shows it: where a month has a figure, where only a multi-month
total covers it, which cells we derived (their formulas follow in the caption). Figures no grid
column takes stay in a list of their own (:meth:`Context.figures_table`), so every figure of
the section is still in one of its tables.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from chery_viewer.core.audit import describe_formula
from chery_viewer.core.content.context import Context
from chery_viewer.core.content.model import Table
from chery_viewer.core.factsheet import Figure
from chery_viewer.core.formatting import format_value
from chery_viewer.core.i18n import is_chinese, translate
from chery_viewer.core.periods import Period

__all__ = ["Column", "cell", "grid_row", "grid_tables", "month_columns", "month_grid", "year_grid"]


@dataclass(frozen=True)
class Column:
    """A column of a grid: the figures of ``metric``; in a month grid, ``to_date`` takes the
    periods from January to the row's month, otherwise a single month (or a run of months
    that does not start in January, on a row of its own)."""

    header: str
    metric: str
    to_date: bool = False


def month_columns(metric: str) -> tuple[Column, ...]:
    """A month grid's four columns for ``metric``: the month and the year to date, each with its
    growth (``metric_yoy``)."""
    growth = f"{metric}_yoy"
    return (
        Column(translate("Content", "In the month"), metric),
        Column(translate("Content", "Growth in the month"), growth),
        Column(translate("Content", "Year to date"), metric, to_date=True),
        Column(translate("Content", "Growth to date"), growth, to_date=True),
    )


def empty_cell() -> str:
    return "–"


def cell(figure: Figure) -> str:
    """The figure as a grid shows it: its value and its source mark, or the derived mark."""
    value = format_value(figure.value, figure.unit, figure.approximate, figure.lower_bound)
    if figure.derived:
        return translate("Content", "{value} (derived)").format(value=value)
    return f"{value} [{figure.source_id}]"


def grid_row(figure: Figure) -> str:
    """The row label a grid shows ``figure`` on: its period, or for a total counted from January
    (year to date), the month it runs to."""
    p = figure.period
    if p.precision == "range" and p.start.month == 1 and p.start.year == p.end.year:
        return _month_label(p.end.year, p.end.month, p.end.month)
    return p.label()


def _caption(ctx: Context, placed: Sequence[Figure]) -> str:
    derived = [f for f in placed if f.derived]
    parts = [translate("Content", "[S…]: the source of the figure; –: none was found in the sources.")]
    if any(f.metric.endswith("_yoy") and not f.period.is_year for f in placed):
        parts.append(translate("Content", "Growth is on the same months a year before."))
    if derived:
        formulas = translate("Content", "; ").join(
            translate("Content", "{label} = {formula}").format(
                label=f.label, formula=describe_formula(f.formula, ctx.get)
            )
            for f in derived
        )
        parts.append(translate("Content", "Derived by us: {formulas}.").format(formulas=formulas))
    return ("" if is_chinese() else " ").join(parts)  # Chinese sentences run on without a space


def _table(
    ctx: Context, table_id: str, title: str, first: str, columns: Sequence[Column], rows: dict, placed: list[Figure]
) -> Table | None:
    """The grid of ``rows`` (row label -> column index -> figures), without its empty columns."""
    used = [i for i in range(len(columns)) if any(i in cells for cells in rows.values())]
    if not used:
        return None
    body = tuple(
        (
            label,
            *(translate("Content", "; ").join(cell(f) for f in cells.get(i, [])) or empty_cell() for i in used),
        )
        for label, cells in rows.items()
    )
    return Table(
        table_id,
        title,
        (first, *(columns[i].header for i in used)),
        body,
        _caption(ctx, placed),
        tuple(range(1, len(used) + 1)),
    )


def year_grid(
    ctx: Context, table_id: str, title: str, columns: Sequence[Column], figures: Sequence[Figure]
) -> tuple[Table | None, list[Figure]]:
    """A grid of the yearly figures of ``columns``, one row per year; and the figures it placed."""
    index = {c.metric: i for i, c in enumerate(columns)}
    placed = sorted(
        (f for f in figures if f.metric in index and f.period.is_year), key=lambda f: (f.period.start, index[f.metric])
    )
    rows: dict[str, dict[int, list[Figure]]] = {}
    for f in placed:
        rows.setdefault(f.period.label(), {}).setdefault(index[f.metric], []).append(f)
    return _table(ctx, table_id, title, translate("Content", "Year"), columns, rows, placed), placed


def month_grid(
    ctx: Context, table_id: str, title: str, columns: Sequence[Column], figures: Sequence[Figure]
) -> tuple[Table | None, list[Figure]]:
    """A grid of the report year's monthly figures of ``columns``: a row for every month, January
    to December, and one after its last month for each run of months not counted from January;
    and the figures it placed."""
    y = ctx.year
    rows: dict[tuple[int, int], dict[int, list[Figure]]] = {(m, m): {} for m in range(1, 13)}
    placed: list[Figure] = []
    for f in figures:
        months = f.period.months
        if f.period.is_year or months is None or f.period.start.year != y:
            continue
        first, last = months
        to_date = first == 1 and last > 1
        for i, column in enumerate(columns):
            if column.metric == f.metric and column.to_date == to_date:
                key = (last, last) if to_date else (first, last)
                rows.setdefault(key, {}).setdefault(i, []).append(f)
                placed.append(f)
                break
    ordered = sorted(rows, key=lambda key: (key[1], -key[0]))
    labelled = {_month_label(y, first, last): rows[(first, last)] for first, last in ordered}
    return _table(ctx, table_id, title, translate("Content", "Month"), columns, labelled, placed), placed


def _month_label(year: int, first: int, last: int) -> str:
    code = f"{year}-{first:02d}" if first == last else f"{year}-{first:02d}/{year}-{last:02d}"
    return Period.parse(code).label()


GridBuilder = Callable[[Context, str, str, Sequence[Column], Sequence[Figure]], tuple[Table | None, list[Figure]]]


def grid_tables(
    ctx: Context, section: str, grids: Sequence[tuple[GridBuilder, str, str, Sequence[Column]]], rest_title: str
) -> tuple[Table, ...]:
    """The section's figures as ``grids`` (builder, id, title, columns), each taking what the
    ones before left, then the figures no grid took as a list titled ``rest_title``."""
    tables: list[Table] = []
    placed: list[Figure] = []
    for build, table_id, title, columns in grids:
        taken = {f.id for f in placed}
        left = [f for f in ctx.section_figures(section) if f.id not in taken]
        table, used = build(ctx, table_id, title, columns, left)
        if table is not None:
            tables.append(table)
            placed += used
    rest = ctx.figures_table(section, rest_title, placed)
    return (*tables, rest) if rest.rows else tuple(tables)
