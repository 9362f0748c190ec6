"""The document as plain data: what every renderer (window, PDF, print, image export) draws.

Every text here is already written in the current language, and every fact a renderer
needs travels beside the text that shows it (a table's numeric and link columns, a point's
rounding and lower-bound flags, a KPI's trend), so no renderer parses a display string.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from chery_viewer.core.i18n import translate
from chery_viewer.core.sections import SectionKey

if TYPE_CHECKING:
    import pandas as pd

Trend = Literal["up", "down", "flat"]
SeriesStyle = Literal["bar", "line"]
SeriesPanel = Literal["main", "upper"]
ChartKind = Literal["bars", "donut", "network"]
NodeLevel = Literal[0, 1, 2]  # 0 = Chery, 1 = alliance domain, 2 = partner
# How a point's value is known: as its source states it, computed by the app from other
# figures (a formula), or a plan a source announces rather than a result.
ValueKind = Literal["stated", "derived", "planned"]
# What a chart's key can list: the value kinds, and "inferred" (the point's tie to its
# category is our reading, not the source's), which can come on top of any of them.
PointKind = Literal["stated", "derived", "planned", "inferred"]
POINT_KINDS: tuple[PointKind, ...] = ("stated", "derived", "planned", "inferred")

# The one arrow rule: a change that rounds to zero is flat and has no arrow (and, in the
# renderers, the muted colour instead of the up or down colour).
TREND_ARROWS: dict[Trend, str] = {"up": "▲", "down": "▼", "flat": ""}


def point_kind_name(kind: PointKind) -> str:
    """A kind in a word of the current language, as the figure tables and a chart's key write it."""
    names: dict[PointKind, str] = {
        "stated": translate("Content", "stated"),
        "derived": translate("Content", "derived"),
        "planned": translate("Content", "planned"),
        "inferred": translate("Content", "inferred"),
    }
    return names[kind]


def kind_mark(kind: ValueKind) -> str:
    """What a card adds after its period for a figure that is not stated as a result."""
    if kind == "derived":
        return translate("Content", " · derived")
    if kind == "planned":
        return translate("Content", " · planned")
    return ""


def level_name(level: NodeLevel) -> str:
    """What a network node of ``level`` stands for, as the chart's key names it."""
    names: dict[NodeLevel, str] = {
        0: translate("Content", "Chery"),
        1: translate("Content", "alliance domain"),
        2: translate("Content", "partner"),
    }
    return names[level]


def link_name(inferred: bool) -> str:
    """A network link as the chart's key names it: a pairing a source states, or our inference."""
    return translate("Content", "pairing inferred") if inferred else translate("Content", "pairing stated")


def trend_of(sign: int) -> Trend:
    """The trend of a change by the sign of its shown value (see ``formatting.change_sign``)."""
    return "up" if sign > 0 else "down" if sign < 0 else "flat"


@dataclass(frozen=True)
class Kpi:
    label: str
    value: str
    unit: str
    period: str
    exact: str = ""  # the exact figure beside a compact headline (123.3万 → 1,232,727辆)
    change: str = ""
    change_sign: int = 0
    change_label: str = ""
    tooltip: str = ""
    figure_id: str = ""
    source: str = ""  # the publishers behind the figure, plain ("Gulf News"), for spoken texts
    kind: ValueKind = "stated"  # derived (computed by the app) or planned: the period then says so too

    @property
    def trend(self) -> Trend:
        return trend_of(self.change_sign)

    @property
    def arrow(self) -> str:
        """▲, ▼ or nothing: the one place the arrow of a change is decided."""
        return TREND_ARROWS[self.trend]


@dataclass(frozen=True)
class Point:
    """One bar, point or donut segment. ``span`` > 1 marks a bar covering several months.

    ``approximate`` and ``lower_bound`` say how the figure was published (rounded, or only
    as a lower bound), so a renderer marks it without reading ``display``; ``figure_id``
    names the figure, so a copy or an export can cite its sources. ``kind`` says how the
    value is known (the dataset's kind of the figure) and ``inferred`` that the figure's tie
    to this category is our inference (a fact the dataset marks inferred), so a chart draws
    each differently.
    """

    category: str
    value: float | None
    display: str
    tooltip: str
    highlight: bool = False
    span: int = 1
    approximate: bool = False
    lower_bound: bool = False
    figure_id: str = ""  # the dataset's (or the audit's) figure behind the point; "" for a gap
    kind: ValueKind = "stated"
    inferred: bool = False

    @property
    def kinds(self) -> tuple[PointKind, ...]:
        """The kinds a chart's key lists for this point: its value's kind, then "inferred" if it is."""
        return (self.kind, "inferred") if self.inferred else (self.kind,)


@dataclass(frozen=True)
class Series:
    """A run of points. ``panel`` "upper" puts it in a strip above the main plot, sharing the
    categories: a second quantity (a rate, a running total) gets its own scale without a
    second y axis over the bars."""

    name: str
    unit: str
    style: SeriesStyle
    points: tuple[Point, ...]
    panel: SeriesPanel = "main"
    note: str = ""  # how to read it, for the legend ("pale bars: …"); not part of its name

    @property
    def legend(self) -> str:
        """The series as a legend names it: its name, with its note in brackets."""
        if not self.note:
            return self.name
        return translate("Content", "{name} ({note})").format(name=self.name, note=self.note)


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    level: NodeLevel
    tooltip: str
    partner_id: str = ""  # the dataset's partner a level-2 node stands for


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    inferred: bool = False


@dataclass(frozen=True)
class ChartSpec:
    id: str
    title: str
    kind: ChartKind
    categories: tuple[str, ...] = ()
    series: tuple[Series, ...] = ()
    y_label: str = ""
    upper_label: str = ""
    nodes: tuple[Node, ...] = ()
    edges: tuple[Edge, ...] = ()
    caption: str = ""

    @property
    def point_kinds(self) -> tuple[PointKind, ...]:
        """The kinds of the chart's drawn points (gaps aside), in the order of ``POINT_KINDS``:
        what its key lists. A network's kinds are its links', not its points'."""
        present = {k for s in self.series for p in s.points if p.value is not None for k in p.kinds}
        return tuple(k for k in POINT_KINDS if k in present)

    def records(self) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
        """The chart's points as a table, one row per point or node: column names and rows, in
        plain Python (a quick look; the CSV export with sources is ``core.content.chart_data``)."""
        if self.kind == "network":
            parents = {e.target: e.source for e in self.edges}
            inferred = {e.target for e in self.edges if e.inferred}
            columns: tuple[str, ...] = ("node", "level", "linked_to", "inferred_link")
            return columns, [(n.label, n.level, parents.get(n.id, ""), n.id in inferred) for n in self.nodes]
        columns = ("series", "category", "value", "unit", "months", "shown_as")
        points = [(s, p) for s in self.series for p in s.points]
        return columns, [(s.name, p.category, p.value, s.unit, p.span, p.display) for s, p in points]

    def frame(self) -> pd.DataFrame:
        """:meth:`records` as a pandas frame, for a notebook (pandas is imported here, on first use:
        the app itself never needs it)."""
        import pandas as pd

        columns, rows = self.records()
        return pd.DataFrame(rows, columns=list(columns))


@dataclass(frozen=True)
class Table:
    """A table of display texts. ``numeric_columns`` are right-aligned by every renderer;
    the cells of ``link_columns`` are URLs (drawn as links where the medium allows)."""

    id: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    numeric_columns: tuple[int, ...] = ()
    link_columns: tuple[int, ...] = ()


@dataclass(frozen=True)
class Card:
    """A fact card. ``period``, ``source`` and ``inferred`` are the parts of ``meta`` as facts,
    for texts that say them in words (a screen reader's description) rather than show them."""

    title: str
    body: str
    meta: str
    tooltip: str = ""
    period: str = ""
    source: str = ""  # "[S3] Xinhua: <headline>", never the address
    inferred: bool = False


@dataclass(frozen=True)
class CardGroup:
    title: str
    cards: tuple[Card, ...]


@dataclass(frozen=True)
class SectionContent:
    key: SectionKey
    title: str
    summary: str
    kpis: tuple[Kpi, ...]
    charts: tuple[ChartSpec, ...]
    tables: tuple[Table, ...] = ()
    cards: tuple[CardGroup, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)


# -- the document ------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceEntry:
    """One source of the dataset as every list of sources shows it."""

    id: str
    title: str
    publisher: str
    url: str
    date: str  # ISO date as published, "" if undated
    date_text: str  # the date as shown: marked when inferred from the content, or "undated"


@dataclass(frozen=True)
class FindingText:
    """One audit finding in words: the row of the findings table."""

    figure_id: str
    check: str
    subject: str
    stated: str
    recomputed: str
    difference: str
    explanation: str


@dataclass(frozen=True)
class Cover:
    """The first page's facts: title, as-of, and the headline KPIs, trend and firsts of the overview."""

    title: str
    description: str
    as_of: str  # ISO date, "" if the dataset gives none
    as_of_text: str  # the as-of date written out in the current language
    report_year: int
    version: str
    source_count: int
    meta: str  # "Data as of … · report year … · dataset version … · N sources"
    kpis: tuple[Kpi, ...]
    trend: ChartSpec | None
    firsts: CardGroup | None


@dataclass(frozen=True)
class Closing:
    """The closing section: sources, audit findings and derived formulas."""

    title: str
    summary: str
    sources: tuple[SourceEntry, ...]
    sources_table: Table  # the sources as a table (the URL column is a link column)
    findings: tuple[FindingText, ...]
    findings_table: Table
    no_findings: str  # the sentence shown instead of an empty findings table
    formulas_table: Table


@dataclass(frozen=True)
class Document:
    """Everything a reader sees, in one language: the cover, the five sections, the closing."""

    language: str
    cover: Cover
    sections: tuple[SectionContent, ...]
    closing: Closing

    def section(self, key: SectionKey) -> SectionContent:
        return next(s for s in self.sections if s.key == key)
