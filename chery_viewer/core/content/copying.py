"""What a copy puts on the clipboard as text: a figure with its citation, a chart's values with sources.

A number copied out of the app carries its source: a KPI copies as "1,232,727 vehicles (2022) —
Gulf News, <title>, 2023-02-03, <url>"; a chart copies as a table of its values (tab-separated
plain text, which a spreadsheet splits into cells, and an HTML table, which a slide, a document
or a mail keeps as a table) with a line per source under it. Plain Python in the current
language; the window puts these texts beside the chart's PNG and SVG.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from chery_viewer.core.audit import describe_formula
from chery_viewer.core.content.citations import citation, sources_of
from chery_viewer.core.content.context import Context
from chery_viewer.core.content.model import ChartSpec
from chery_viewer.core.factsheet import Source
from chery_viewer.core.formatting import format_with_unit, is_safe_url, unit_word
from chery_viewer.core.i18n import translate

__all__ = ["CopiedTable", "chart_table", "figure_citation", "figure_citation_html", "figure_value", "linked_citation"]


def figure_value(ctx: Context, figure_id: str) -> str:
    """'1,232,727 vehicles (2022)': the exact figure with its unit and period; '' if unknown."""
    figure = ctx.get(figure_id)
    if figure is None:
        return ""
    value = format_with_unit(figure.value, figure.unit, figure.approximate, figure.lower_bound)
    if figure.derived:
        text = translate("Clipboard", "{value} ({period}; derived: {formula})")
        return text.format(value=value, period=figure.period.label(), formula=describe_formula(figure.formula, ctx.get))
    return translate("Clipboard", "{value} ({period})").format(value=value, period=figure.period.label())


def figure_citation(ctx: Context, figure_id: str) -> str:
    """The figure with the full reference of every source behind it:
    '1,232,727 vehicles (2022) — Gulf News, <title>, 2023-02-03, <url>'."""
    value = figure_value(ctx, figure_id)
    figure = ctx.get(figure_id)
    if figure is None:
        return ""
    cited = [citation(s) for s in _figure_sources(ctx, figure_id)]
    if not cited:
        return value
    return translate("Clipboard", "{value} — {citation}").format(value=value, citation="; ".join(cited))


def figure_citation_html(ctx: Context, figure_id: str) -> str:
    """:func:`figure_citation` as HTML, every text escaped and each source's address a link."""
    value = html.escape(figure_value(ctx, figure_id))
    cited = [linked_citation(s) for s in _figure_sources(ctx, figure_id)]
    if not cited:
        return f"<p>{value}</p>"
    template = html.escape(translate("Clipboard", "{value} — {citation}"))
    return '<meta charset="utf-8"><p>' + template.format(value=value, citation="; ".join(cited)) + "</p>"


def linked_citation(source: Source) -> str:
    """A source's full reference as HTML, its address a link when it is a safe one."""
    esc = html.escape
    ref = esc(citation(source))
    if is_safe_url(source.url):
        ref = ref.replace(esc(source.url), f'<a href="{esc(source.url, quote=True)}">{esc(source.url)}</a>', 1)
    return ref


def _figure_sources(ctx: Context, figure_id: str) -> list[Source]:
    figure = ctx.get(figure_id) if figure_id else None
    if figure is None:
        return []
    return [ctx.sheet.sources[i] for i in sources_of(figure, ctx.get) if i in ctx.sheet.sources]


@dataclass(frozen=True)
class CopiedTable:
    """A chart's values as a table, with the sources they come from."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric_columns: tuple[int, ...]
    sources: tuple[Source, ...]
    caption: str = ""

    def source_lines(self) -> list[str]:
        return [translate("Clipboard", "[{id}] {citation}").format(id=s.id, citation=citation(s)) for s in self.sources]

    def as_text(self) -> str:
        """Tab-separated: the title, the header, one line per value, then the sources."""

        def clean(cell: str) -> str:
            return " ".join(cell.split())  # a tab or line break inside a cell would split it

        lines = [clean(self.title), "\t".join(map(clean, self.columns))]
        lines += ["\t".join(map(clean, row)) for row in self.rows]
        if self.sources:
            lines += ["", translate("Clipboard", "Sources:"), *self.source_lines()]
        return "\r\n".join(lines) + "\r\n"

    def as_html(self) -> str:
        """A table with the title as its caption and the sources, linked, under it; all text escaped."""
        esc = html.escape
        head = "".join(f"<th>{esc(c)}</th>" for c in self.columns)
        body = "".join(
            "<tr>"
            + "".join(
                f'<td style="text-align:right">{esc(t)}</td>' if i in self.numeric_columns else f"<td>{esc(t)}</td>"
                for i, t in enumerate(row)
            )
            + "</tr>"
            for row in self.rows
        )
        cited = [f"[{esc(s.id)}] {linked_citation(s)}" for s in self.sources]
        sources = f"<p>{esc(translate('Clipboard', 'Sources:'))}<br>{'<br>'.join(cited)}</p>" if cited else ""
        caption = f"<p>{esc(self.caption)}</p>" if self.caption else ""
        return (
            '<meta charset="utf-8"><table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse">'
            f"<caption><b>{esc(self.title)}</b></caption><tr>{head}</tr>{body}</table>{sources}{caption}"
        )


def _ids(ctx: Context, figure_id: str) -> list[str]:
    figure = ctx.get(figure_id) if figure_id else None
    return sources_of(figure, ctx.get) if figure is not None else []


def chart_table(ctx: Context, spec: ChartSpec) -> CopiedTable:
    """The values of ``spec`` as published (a bar drawn at a monthly average copies the total of
    its months), one row per value, each with its source ids; a network copies its partners."""
    listed = translate("Content", ", ")
    cited: list[str] = []
    if spec.kind == "network":
        parents = {e.target: e for e in spec.edges}
        labels = {n.id: n.label for n in spec.nodes}
        partners = {f"partner:{p.id}": p for p in ctx.sheet.partners}
        rows: list[tuple[str, ...]] = []
        for node in spec.nodes:
            partner = partners.get(node.id)
            if partner is None:
                continue
            edge = parents.get(node.id)
            pairing = translate("Partners", "inferred") if edge and edge.inferred else translate("Partners", "stated")
            cited.append(partner.source_id)
            rows.append((node.label, labels.get(edge.source, "") if edge else "", pairing, f"[{partner.source_id}]"))
        columns: tuple[str, ...] = (
            translate("Content", "Partner"),
            translate("Content", "Domain"),
            translate("Content", "Pairing"),
            translate("Content", "Source"),
        )
        numeric: tuple[int, ...] = ()
    else:
        rows = []
        for series in spec.series:
            for point in series.points:
                ids = _ids(ctx, point.figure_id)
                cited += ids
                figure = ctx.get(point.figure_id) if point.figure_id else None
                # A bar drawn at the monthly average of a longer period copies as that period's total.
                category = figure.period.label() if point.span > 1 and figure is not None else point.category
                rows.append(
                    (
                        series.name,
                        category,
                        point.display,
                        unit_word(series.unit),
                        listed.join(f"[{i}]" for i in ids),
                    )
                )
        columns = (
            translate("Clipboard", "Series"),
            translate("Clipboard", "Category"),
            translate("Clipboard", "Value"),
            translate("Clipboard", "Unit"),
            translate("Clipboard", "Source"),
        )
        numeric = (2,)
    sources = tuple(ctx.sheet.sources[i] for i in dict.fromkeys(cited) if i in ctx.sheet.sources)
    return CopiedTable(spec.title, columns, tuple(rows), numeric, sources, spec.caption)
