"""Innovation tab: patents, NEV patents, factory capacity, factory and programme cards."""

from __future__ import annotations

import sys

from chery_viewer.ui.panels.base import SectionPanel, show_panel


class InnovationPanel(SectionPanel):
    key = "innovation"
    chart_columns = 3
    first_chart_full_width = False


if __name__ == "__main__":
    sys.exit(show_panel(InnovationPanel))
