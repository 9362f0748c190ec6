"""Innovation tab: patents, NEV patents, factory capacity, factory and programme cards."""

from __future__ import annotations

from chery_viewer.ui.panels.base import SectionPanel


class InnovationPanel(SectionPanel):
    key = "innovation"
    chart_columns = 3
    first_chart_full_width = False
