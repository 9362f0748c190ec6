"""What the reader sees, as plain data: the screen and the paper both draw these objects.

``build_document(sheet, analysis)`` makes one ``Document`` (cover, five sections, closing)
in the current language; ``model`` holds its types; ``context`` the helpers every section
builder shares; one module per section (``overview`` … ``partners``); ``findings`` puts the
audit's numbers into words; ``closing`` builds the sources, findings and formulas.
"""

from __future__ import annotations

from chery_viewer.core.content.closing import audit_tables, closing_title, source_entries
from chery_viewer.core.content.context import OWN_TABLE, kind_name, source_date
from chery_viewer.core.content.document import BUILDERS, build_document, build_sections
from chery_viewer.core.content.exports import build_exports
from chery_viewer.core.content.findings import describe_finding
from chery_viewer.core.content.innovation import build_innovation
from chery_viewer.core.content.model import (
    POINT_KINDS,
    TREND_ARROWS,
    Card,
    CardGroup,
    ChartKind,
    ChartSpec,
    Closing,
    Cover,
    Document,
    Edge,
    FindingText,
    Kpi,
    Node,
    NodeLevel,
    Point,
    PointKind,
    SectionContent,
    Series,
    SourceEntry,
    Table,
    Trend,
    ValueKind,
    level_name,
    link_name,
    point_kind_name,
    trend_of,
)
from chery_viewer.core.content.overview import build_overview
from chery_viewer.core.content.partners import build_partners, domain_name, pairing_name
from chery_viewer.core.content.sales import build_sales
from chery_viewer.core.sections import SECTION_KEYS, SectionKey, section_titles

__all__ = [
    "BUILDERS",
    "OWN_TABLE",
    "POINT_KINDS",
    "SECTION_KEYS",
    "TREND_ARROWS",
    "Card",
    "CardGroup",
    "ChartKind",
    "ChartSpec",
    "Closing",
    "Cover",
    "Document",
    "Edge",
    "FindingText",
    "Kpi",
    "Node",
    "NodeLevel",
    "Point",
    "PointKind",
    "SectionContent",
    "SectionKey",
    "Series",
    "SourceEntry",
    "Table",
    "Trend",
    "ValueKind",
    "audit_tables",
    "build_document",
    "build_exports",
    "build_innovation",
    "build_overview",
    "build_partners",
    "build_sales",
    "build_sections",
    "closing_title",
    "describe_finding",
    "domain_name",
    "kind_name",
    "level_name",
    "link_name",
    "pairing_name",
    "point_kind_name",
    "section_titles",
    "source_date",
    "source_entries",
    "trend_of",
]
