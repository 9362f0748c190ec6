"""What assistive technology says: plain-text names and descriptions for every KPI card,
chart, table, fact card and note, in the current language.

A screen reader reads a widget's *name* first (short: what it is and its figure) and its
*description* on request (the long text: sources, formulas, a chart's values and trend). These
texts are built from the document value alone, without Qt, so they are tested against the
dataset and every renderer that exposes an accessibility tree says the same. No markup and no
addresses: a screen reader would spell out both.

Marks a sighted reader takes in at a glance are put into words: "~730,000" is "about 730,000",
">96,000" is "more than 96,000", a derived figure says so, an inferred link is named inferred.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from chery_viewer.core.content.model import Card, ChartSpec, Kpi, Node, Point, Series, Table, kind_mark
from chery_viewer.core.formatting import join_unit, unit_word
from chery_viewer.core.i18n import translate

_MARKS = ("~", "约", ">")  # the prefixes format_value writes for rounded and lower-bound figures
LIST_ALL = 4  # a series of up to this many values is read out whole; a longer one is summarised


@dataclass(frozen=True)
class Spoken:
    """An accessible name and description."""

    name: str
    description: str


def spoken_value(display: str, approximate: bool = False, lower_bound: bool = False) -> str:
    """A shown value with its rounding or bound mark in words ("~730,000" -> "about 730,000")."""
    body = display
    for mark in _MARKS:
        body = body.removeprefix(mark)
    if lower_bound:
        return translate("Accessibility", "more than {value}").format(value=body)
    if approximate:
        return translate("Accessibility", "about {value}").format(value=body)
    return body


def point_text(point: Point, series: Series) -> str:
    """A point's value with its unit, as said aloud."""
    if point.value is None or (isinstance(point.value, float) and math.isnan(point.value)):
        return translate("Accessibility", "not found in the sources")
    shown = spoken_value(point.display, point.approximate, point.lower_bound)
    text = shown if series.unit == "percent" else join_unit(shown, unit_word(series.unit))
    if point.span > 1:  # a bar over several months: the published total, drawn at its average
        return translate("Accessibility", "{value} over {months} months").format(value=text, months=point.span)
    return text


def _sentences(parts: list[str]) -> str:
    """Sentences joined with the full stop of the language, none doubled."""
    stop = translate("Accessibility", ". ")
    return stop.join(p.rstrip().rstrip(".。") for p in parts if p.strip())


def _change_words(kpi: Kpi) -> str:
    if not kpi.change:
        return ""
    amount = kpi.change.lstrip("+−-")
    if kpi.trend == "up":
        return translate("Accessibility", "up {change} {label}").format(change=amount, label=kpi.change_label)
    if kpi.trend == "down":
        return translate("Accessibility", "down {change} {label}").format(change=amount, label=kpi.change_label)
    return translate("Accessibility", "unchanged {label}").format(label=kpi.change_label)


def kpi_text(kpi: Kpi) -> Spoken:
    """'Group sales, 1,232,727 vehicles, 2022, up 28.2% year on year, source Gulf News'."""
    figure = kpi.exact or join_unit(kpi.value, kpi.unit)
    figure = spoken_value(figure, figure.startswith(("~", "约")), figure.startswith(">"))
    parts = [kpi.label, figure, kpi.period.removesuffix(kind_mark(kpi.kind))]
    if kpi.kind == "derived":
        parts.append(translate("Accessibility", "derived"))
    elif kpi.kind == "planned":
        parts.append(translate("Accessibility", "planned"))
    parts.append(_change_words(kpi))
    if kpi.source:
        parts.append(translate("Accessibility", "source {source}").format(source=kpi.source))
    return Spoken(translate("Accessibility", ", ").join(p for p in parts if p), kpi.tooltip)


def _range(series: Series) -> str:
    cats = [p.category for p in series.points]
    if not cats:
        return ""
    return (
        cats[0] if len(cats) == 1 else translate("Accessibility", "{first}–{last}").format(first=cats[0], last=cats[-1])
    )


def series_summary(series: Series, companions: tuple[Series, ...] = ()) -> str:
    """'Group sales 2018–2024; highest 2024 at 2,603,916 vehicles; lowest …; 2022 1,232,727 vehicles, +28.2%'.

    ``companions`` are the chart's other series: a highlighted point is said with their
    values at the same category (the growth rate above a year's bar).
    """
    known = [p for p in series.points if p.value is not None and not math.isnan(p.value)]
    parts = [translate("Accessibility", "{series} {range}").format(series=series.name, range=_range(series)).strip()]
    if 1 < len(known) <= LIST_ALL:
        values = [
            translate("Accessibility", "{category} {value}").format(category=p.category, value=point_text(p, series))
            for p in known
        ]
        parts = [
            translate("Accessibility", "{series}: {values}").format(
                series=series.name, values=translate("Accessibility", "; ").join(values)
            )
        ]
    elif len(known) > LIST_ALL:
        top = max(known, key=lambda p: p.value or 0.0)
        low = min(known, key=lambda p: p.value or 0.0)
        parts.append(
            translate("Accessibility", "highest {category} at {value}").format(
                category=top.category, value=point_text(top, series)
            )
        )
        parts.append(
            translate("Accessibility", "lowest {category} at {value}").format(
                category=low.category, value=point_text(low, series)
            )
        )
        first, last = known[0], known[-1]
        if (last.value or 0) > (first.value or 0):
            parts.append(
                translate("Accessibility", "rising from {first} to {last}").format(
                    first=first.category, last=last.category
                )
            )
        elif (last.value or 0) < (first.value or 0):
            parts.append(
                translate("Accessibility", "falling from {first} to {last}").format(
                    first=first.category, last=last.category
                )
            )
    elif known:
        parts.append(
            translate("Accessibility", "{category} {value}").format(
                category=known[0].category, value=point_text(known[0], series)
            )
        )
    for point in series.points:
        if not point.highlight or point not in known or len(known) <= LIST_ALL:
            continue
        said = [
            translate("Accessibility", "{category} {value}").format(
                category=point.category, value=point_text(point, series)
            )
        ]
        for other in companions:
            match = next((p for p in other.points if p.category == point.category and p.value is not None), None)
            if match is not None and not math.isnan(match.value or 0.0):
                said.append(
                    translate("Accessibility", "{series} {value}").format(
                        series=other.name, value=point_text(match, other)
                    )
                )
        parts.append(translate("Accessibility", ", ").join(said))
    missing = [p.category for p in series.points if p not in known]
    if missing:
        parts.append(
            translate("Accessibility", "not found in the sources: {categories}").format(
                categories=translate("Accessibility", ", ").join(missing)
            )
        )
    return translate("Accessibility", "; ").join(parts)


def chart_summary(spec: ChartSpec) -> str:
    """The long description of a chart: its values and trend, in words."""
    if spec.kind == "network":
        return _network_summary(spec)
    if spec.kind == "donut":
        series = spec.series[0]
        total = sum(p.value or 0.0 for p in series.points)
        parts = [
            translate("Accessibility", "{category} {value}, {share} of the whole").format(
                category=p.category,
                value=point_text(p, series),
                share=f"{(p.value or 0.0) / total * 100:.1f}%" if total else "",
            )
            for p in series.points
        ]
        return translate("Accessibility", "; ").join(parts)
    summaries = []
    for series in spec.series:
        others = tuple(s for s in spec.series if s is not series)
        rates = tuple(s for s in others if s.panel == "upper") if series.panel == "main" else ()
        summaries.append(series_summary(series, rates))
    return _sentences(summaries)


def _network_summary(spec: ChartSpec) -> str:
    labels = {n.id: n.label for n in spec.nodes}
    domains = [n for n in spec.nodes if n.level == 1]
    partners = [n for n in spec.nodes if n.level == 2]
    parts = [
        translate("Accessibility", "{partners} partners in {domains} domains").format(
            partners=len(partners), domains=len(domains)
        )
    ]
    for domain in domains:
        members = []
        for edge in spec.edges:
            if edge.source != domain.id:
                continue
            name = labels.get(edge.target, edge.target)
            members.append(
                translate("Accessibility", "{partner} (inferred link)").format(partner=name) if edge.inferred else name
            )
        parts.append(
            translate("Accessibility", "{domain}: {partners}").format(
                domain=domain.label, partners=translate("Accessibility", ", ").join(members)
            )
        )
    return translate("Accessibility", "; ").join(parts)


def chart_text(spec: ChartSpec) -> Spoken:
    """A chart's name (its title) and description (summary, its caption of sources, the keys)."""
    keys = translate(
        "Accessibility", "Arrow keys step through the values and series; Enter shows the values as a table"
    )
    description = _sentences([chart_summary(spec), spec.caption, keys])
    return Spoken(spec.title, description)


def point_announcement(series: Series, point: Point) -> str:
    """What the keyboard's selection of a point says: series, category and value in words, then
    the rest of its tooltip (period, source, note) as sentences."""
    first = translate("Accessibility", "{series}, {category}: {value}").format(
        series=series.name, category=point.category, value=point_text(point, series)
    )
    return _sentences([first, *point.tooltip.splitlines()[1:]])


def node_announcement(node: Node) -> str:
    return _sentences(node.tooltip.splitlines())


def position_text(text: str, index: int, count: int) -> str:
    """What a chart announces when the keyboard moves onto an element: its tooltip's text and
    where it stands ("… (3 of 7)")."""
    return translate("Accessibility", "{text} ({position} of {count})").format(
        text=text, position=index + 1, count=count
    )


def chart_table(spec: ChartSpec) -> Table:
    """A chart's values as a table (the keyboard's Enter, Alt+Shift+F11): every point or node."""
    if spec.kind == "network":
        labels = {n.id: n.label for n in spec.nodes}
        parents = {e.target: e for e in spec.edges}
        links: list[tuple[str, ...]] = []
        for node in spec.nodes:
            edge = parents.get(node.id)
            link = ""
            if edge is not None:
                link = translate("Content", "inferred") if edge.inferred else translate("Content", "stated")
            links.append((node.label, labels.get(edge.source, "") if edge else "", link))
        columns = (
            translate("Accessibility", "Name"),
            translate("Accessibility", "Linked to"),
            translate("Accessibility", "Link"),
        )
        return Table(f"{spec.id}_data", spec.title, columns, tuple(links), spec.caption)
    rows: list[tuple[str, ...]] = []
    for series in spec.series:
        for point in series.points:
            value = point.display if series.unit == "percent" else join_unit(point.display, unit_word(series.unit))
            months = str(point.span) if point.span > 1 else ""
            rows.append((series.name, point.category, value, months))
    headers: tuple[str, ...] = (
        translate("Accessibility", "Series"),
        translate("Accessibility", "Category"),
        translate("Accessibility", "Value"),
        translate("Accessibility", "Months covered"),
    )
    if not any(r[3] for r in rows):  # no bar covers several months: no column for it
        headers, rows = headers[:3], [r[:3] for r in rows]
    return Table(f"{spec.id}_data", spec.title, headers, tuple(rows), spec.caption, numeric_columns=(2,))


def table_text(table: Table) -> Spoken:
    rows = len(table.rows)
    size = (
        translate("Accessibility", "1 row")
        if rows == 1
        else translate("Accessibility", "{rows} rows").format(rows=rows)
    )
    return Spoken(table.title, _sentences([size, table.caption]))


def card_text(card: Card) -> Spoken:
    """A fact card: its title, then its text, period, source (headline, not address) and any inference."""
    parts = [card.body]
    if card.period:
        parts.append(card.period)
    if card.source:
        parts.append(translate("Accessibility", "source {source}").format(source=card.source))
    if card.inferred:
        parts.append(translate("Accessibility", "inferred: our reading of the source"))
    return Spoken(card.title, _sentences(parts))


def note_text(note: str) -> Spoken:
    return Spoken(note, "")
