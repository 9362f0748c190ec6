"""Exports tab: annual exports with their share of sales, the year to date, China's exports, markets."""

from __future__ import annotations

import sys

from chery_viewer.ui.panels.base import SectionPanel, show_panel


class ExportsPanel(SectionPanel):
    key = "exports"


if __name__ == "__main__":
    sys.exit(show_panel(ExportsPanel))
