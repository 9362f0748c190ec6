"""The charts' public ids: what ``--list-charts`` prints and ``--export-chart ID`` takes.

Scripts and newsrooms name a chart by these ids, so they are part of the interface: a chart
keeps its id across releases, an id is never reused for another chart, and a new chart gets
a new one here (``tests/core/test_chart_data.py`` holds the published list). The builders'
own ids (``ChartSpec.id``) are internal and may change; this table maps them.
"""

from __future__ import annotations

from collections.abc import Iterable

from chery_viewer.core.content.model import ChartSpec, SectionContent

#: Builder id -> public id ("section.chart"), in the order the tabs show the charts.
CHART_IDS: dict[str, str] = {
    "overview_trend": "overview.trend",
    "sales_annual": "sales.annual",
    "sales_months": "sales.months",
    "users_donut": "sales.users",
    "exports_annual": "exports.annual",
    "exports_months": "exports.months",
    "china_share_donut": "exports.china_share",
    "patents": "innovation.patents",
    "nev_patents": "innovation.nev_patents",
    "factory_capacity": "innovation.factories",
    "partner_network": "partners.network",
}


def public_id(spec: ChartSpec) -> str:
    """The chart's stable public id (a chart the table does not know raises: add it there)."""
    try:
        return CHART_IDS[spec.id]
    except KeyError:
        raise KeyError(f"chart {spec.id!r} has no public id in core.content.catalog.CHART_IDS") from None


def file_stem(spec: ChartSpec) -> str:
    """The default file name of a chart's exports: its public id with '_' for '.' (sales_annual)."""
    return public_id(spec).replace(".", "_")


def charts(sections: Iterable[SectionContent]) -> list[tuple[str, ChartSpec]]:
    """Every chart of ``sections`` with its public id, in tab order."""
    return [(public_id(spec), spec) for section in sections for spec in section.charts]


def find_chart(sections: Iterable[SectionContent], chart_id: str) -> ChartSpec | None:
    """The chart whose public id is ``chart_id``, or None."""
    return next((spec for pid, spec in charts(sections) if pid == chart_id), None)
