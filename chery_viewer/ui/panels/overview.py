"""Overview tab: headline KPIs, the sales and exports trend, firsts and goals."""

from __future__ import annotations

import sys

from chery_viewer.ui.panels.base import SectionPanel, show_panel


class OverviewPanel(SectionPanel):
    key = "overview"
    card_columns = 3


if __name__ == "__main__":
    sys.exit(show_panel(OverviewPanel))
