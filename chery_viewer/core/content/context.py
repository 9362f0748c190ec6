"""The small context every section builder shares: the fact sheet, its analysis, text helpers.

The analysis is language-free; the context writes its derived figures' labels and notes,
and its findings, in the current language (see ``findings``).
"""

from __future__ import annotations

from collections.abc import Sequence

from chery_viewer.core.audit import Analysis, describe_formula
from chery_viewer.core.content.findings import comparison_note, describe_finding
from chery_viewer.core.content.model import (
    Card,
    FindingText,
    Kpi,
    Point,
    Table,
    ValueKind,
    kind_mark,
    point_kind_name,
)
from chery_viewer.core.factsheet import FactSheet, Figure, Source
from chery_viewer.core.formatting import (
    change_sign,
    format_change,
    format_compact,
    format_value,
    format_with_unit,
    join_unit,
    not_available,
    unit_word,
)
from chery_viewer.core.i18n import translate

# Metrics shown in a table of their own rather than in "every figure in this section".
OWN_TABLE = ("market_sales", "market_share")


def labelled(label: str, text: str) -> str:
    """'Label: text' (in Chinese with a full-width colon)."""
    return translate("Content", "{label}: {text}").format(label=label, text=text)


def source_date(source: Source) -> str:
    """A source's date as shown: one read from the page's content (not its address) is marked as our inference."""
    if source.date and source.date_basis == "content":
        return translate("Content", "{date} (inferred from the content)").format(date=source.date)
    return source.date


def kind_name(figure: Figure) -> str:
    """How the figure is known, in a word: stated, derived or planned."""
    return point_kind_name(point_kind(figure))


def point_kind(figure: Figure) -> ValueKind:
    """The kind a chart draws the figure as: computed by us, a plan, or as its source states it."""
    return "derived" if figure.derived else "planned" if figure.planned else "stated"


def compact(items: list[Kpi | None]) -> tuple[Kpi, ...]:
    return tuple(k for k in items if k is not None)


class Context:
    """The fact sheet with its analysis, plus the text helpers every builder uses."""

    def __init__(self, sheet: FactSheet, analysis: Analysis) -> None:
        self.sheet = sheet
        self.analysis = analysis
        self.year = sheet.report_year
        self.derived = self._relabelled()

    def _relabelled(self) -> dict[str, Figure]:
        """The analysis's derived figures with label, subject and note of the current language and sheet."""
        derived: dict[str, Figure] = {}
        for fid, figure in self.analysis.derived.items():
            rule = self.analysis.derivations.get(fid)
            inputs = [self.sheet.figure(n) or derived.get(n) for n in figure.inputs()]
            subject = next((f.subject for f in inputs if f), figure.subject)
            label = rule.label_for(figure) if rule else figure.label
            comparison = self.analysis.comparisons.get(fid)
            note = comparison_note(comparison, self.sheet) if comparison else figure.note
            derived[fid] = figure._replace(label=label, subject=subject, note=note)
        return derived

    def get(self, figure_id: str) -> Figure | None:
        return self.sheet.figure(figure_id) or self.derived.get(figure_id)

    def find(self, metric: str, period: str, subject: str | None = None) -> Figure | None:
        found = self.sheet.find(metric, period, subject)
        if found is None:
            found = next(
                (
                    f
                    for f in self.derived.values()
                    if f.metric == metric and f.period.code == period and subject in (None, f.subject)
                ),
                None,
            )
        return found

    def findings(self) -> list[FindingText]:
        """The audit's findings in words, in the audit's order."""
        return [describe_finding(f, self.get) for f in self.analysis.findings]

    def source_text(self, figure: Figure) -> str:
        ids = (
            [figure.source_id]
            if not figure.derived
            else [f.source_id for f in (self.get(i) for i in figure.inputs()) if f is not None]
        )
        parts = []
        for sid in dict.fromkeys(ids):
            src = self.sheet.sources.get(sid)
            if src:
                parts.append(f"[{sid}] {src.publisher}{', ' + source_date(src) if src.date else ''}")
        return translate("Content", "; ").join(parts)

    def publishers(self, figure: Figure) -> str:
        """The publishers behind a figure (a derived one's: its inputs'), plain: "Gulf News"."""
        names = [s.publisher for s in (self.sheet.sources.get(i) for i in self._source_ids(figure)) if s]
        return translate("Content", ", ").join(dict.fromkeys(names))

    def _source_ids(self, figure: Figure) -> list[str]:
        if not figure.derived:
            return [figure.source_id]
        return [f.source_id for f in (self.get(i) for i in figure.inputs()) if f is not None]

    def tooltip(self, figure: Figure) -> str:
        value = format_with_unit(figure.value, figure.unit, figure.approximate, figure.lower_bound)
        lines = [
            labelled(figure.label, value),
            translate("Content", "Period: {period}").format(period=figure.period.label()),
        ]
        if figure.derived:
            formula = describe_formula(figure.formula, self.get)
            lines.append(translate("Content", "Derived: {formula}").format(formula=formula))
        elif figure.planned:
            lines.append(translate("Content", "Planned: a target the source announces, not a result achieved."))
        lines.append(translate("Content", "Source: {source}").format(source=self.source_text(figure)))
        if figure.note:
            lines.append(figure.note)
        return "\n".join(lines)

    def kpi(self, figure_id: str | Figure | None, label: str | None = None) -> Kpi | None:
        """A KPI card for a figure (by id or as is), with its published or derived growth."""
        figure = self.get(figure_id) if isinstance(figure_id, str) else figure_id
        if figure is None:
            return None
        change = self.growth_of(figure)
        tooltip = self.tooltip(figure)
        if change is not None:
            how = translate("Content", "derived") if change.derived else translate("Content", "published")
            tooltip += "\n\n" + translate("Content", "Change: {change} ({how}, {source})").format(
                change=format_change(change.value), how=how, source=self.source_text(change)
            )
        short = format_compact(figure.value, figure.unit, figure.approximate, figure.lower_bound)
        return Kpi(
            label=label or figure.label,
            value=short,
            unit=unit_word(figure.unit),
            period=figure.period.label() + kind_mark(point_kind(figure)),
            exact=self._beside_headline(figure, short),
            change=format_change(change.value) if change else "",
            change_sign=change_sign(change.value) if change else 0,
            change_label=translate("Content", "year on year") if change else "",
            tooltip=tooltip,
            figure_id=figure.id,
            source=self.publishers(figure),
            kind=point_kind(figure),
        )

    @staticmethod
    def _beside_headline(figure: Figure, short: str) -> str:
        """The figure as published, with its unit, under a KPI headline that shows it otherwise.

        A compact Chinese headline (123.3万) gets every digit (1,232,727辆), and so does a lower
        bound (>21万 → >210,000辆, the bound the source gives), so no count card shows its unit
        word alone where the others show the figure. A rounded figure has no more digits than
        its headline (约1120万): it gets nothing, as does every English headline.
        """
        bound = figure.lower_bound
        full = format_value(figure.value, figure.unit, figure.approximate and not bound, bound)
        return join_unit(full, unit_word(figure.unit)) if full != short else ""

    def growth_of(self, figure: Figure) -> Figure | None:
        return (
            self.find(f"{figure.metric}_yoy", figure.period.code, figure.subject) if figure.unit == "vehicles" else None
        )

    def point(
        self, category: str, figure: Figure | None, highlight: bool = False, what: str = "", inferred: bool = False
    ) -> Point:
        """A chart point for ``figure``; ``inferred`` when its tie to ``category`` is our inference."""
        if figure is None:
            tip = translate("Content", "{what} {category}: not found in the sources ({na})")
            na = not_available()
            return Point(category, None, na, tip.format(what=what, category=category, na=na).strip())
        tooltip = self.tooltip(figure)
        if inferred:
            tooltip += "\n" + translate("Content", "Inferred: tying this figure to {subject} is our reading.").format(
                subject=figure.subject
            )
        return Point(
            category,
            figure.value,
            format_value(figure.value, figure.unit, figure.approximate, figure.lower_bound),
            tooltip,
            highlight,
            approximate=figure.approximate,
            lower_bound=figure.lower_bound,
            figure_id=figure.id,
            kind=point_kind(figure),
            inferred=inferred,
        )

    def latest(self, metric: str) -> Figure | None:
        """The report year's most complete figure of ``metric``: latest end, then longest
        period, exact before lower bound; None if the metric has nothing in that year."""
        candidates = [f for f in self.sheet.of_metric(metric) if f.period.start.year <= self.year <= f.period.end.year]
        return max(
            candidates, key=lambda f: (f.period.end, f.period.end - f.period.start, not f.lower_bound), default=None
        )

    def audit_notes(self, section: str) -> list[str]:
        """The audit's findings about figures of ``section``, as notes."""
        return [
            translate("Content", "Audit: {finding}").format(finding=text.explanation)
            for text in self.findings()
            if (g := self.get(text.figure_id)) is not None and g.section == section
        ]

    def in_scope(self, figure: Figure) -> bool:
        """Whether a figure belongs in the report year's tables: every annual figure and dated
        event, but monthly figures only of the report year (a long monthly history would
        otherwise fill the fact sheet with pages of other years)."""
        p = figure.period
        if p.precision not in ("month", "range"):
            return True
        return p.start.year <= self.year <= p.end.year

    def section_figures(self, section: str) -> list[Figure]:
        """The figures a section's tables show: its dataset figures of the report year (market
        fragments aside, in their own table) and the figures derived for it."""
        figures = [f for f in self.sheet if f.section == section and f.metric not in OWN_TABLE and self.in_scope(f)]
        return figures + [f for f in self.derived.values() if f.section == section]

    def figures_table(self, section: str, title: str | None = None, shown: Sequence[Figure] = ()) -> Table:
        """A list of the section's figures, one row each, but those ``shown`` in its grids;
        ``title`` says what it lists (by default: every figure of the section)."""
        rows = []
        placed = {f.id for f in shown}
        for f in (f for f in self.section_figures(section) if f.id not in placed):
            rows.append(
                (
                    f.label,
                    format_with_unit(f.value, f.unit, f.approximate, f.lower_bound),
                    f.period.label(),
                    kind_name(f),
                    describe_formula(f.formula, self.get) if f.derived else f"[{f.source_id}]",
                )
            )
        return Table(
            f"{section}_figures",
            title or translate("Content", "Every figure in this section"),
            (
                translate("Content", "Figure"),
                translate("Content", "Value"),
                translate("Content", "Period"),
                translate("Content", "Kind"),
                translate("Content", "Source or formula"),
            ),
            tuple(rows),
            translate("Content", "Derived rows are computed from the rows they name; the audit checks them."),
            (1,),
        )

    def caption(self, *figures: Figure | None) -> str:
        ids = []
        for f in figures:
            if f is None:
                continue
            ids += [f.source_id] if not f.derived else [g.source_id for g in map(self.get, f.inputs()) if g]
        ids = list(dict.fromkeys(ids))
        listed = translate("Content", ", ").join(
            f"[{i}] {self.sheet.sources[i].publisher}" for i in ids if i in self.sheet.sources
        )
        return translate("Content", "Sources: {sources}").format(sources=listed)

    def caption_with(self, figures: tuple[Figure | None, ...], remark: str) -> str:
        """The sources of ``figures`` followed by a remark, as one caption."""
        return translate("Content", "{sources}. {remark}").format(sources=self.caption(*figures), remark=remark)

    def fact_cards(self, section: str, kind: str, year: int | None = None) -> tuple[Card, ...]:
        """Cards for the facts of ``section`` and ``kind`` (only those of ``year`` if given)."""
        cards = []
        for fact in self.sheet.facts_of(section, kind):
            if year is not None and fact.period.start.year != year:
                continue
            src = self.sheet.sources[fact.source_id]
            meta = f"{fact.period.label()} · [{fact.source_id}] {src.publisher}" + (
                " · " + translate("Content", "inferred") if fact.inferred else ""
            )
            cards.append(
                Card(
                    fact.title,
                    fact.text,
                    meta,
                    f"{src.title}\n{src.url}",
                    fact.period.label(),
                    labelled(f"[{fact.source_id}] {src.publisher}", src.title),
                    fact.inferred,
                )
            )
        return tuple(cards)
