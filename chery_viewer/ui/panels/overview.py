"""Overview tab: headline KPIs, the sales and exports trend, firsts and goals."""

from __future__ import annotations

from chery_viewer.ui.panels.base import SectionPanel


class OverviewPanel(SectionPanel):
    key = "overview"
    card_columns = 3
