"""Sales tab: annual sales with growth, the months of the report year, users in and outside China."""

from __future__ import annotations

from chery_viewer.ui.panels.base import SectionPanel


class SalesPanel(SectionPanel):
    key = "sales"
