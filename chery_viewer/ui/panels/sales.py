"""Sales tab: annual sales with growth, the months of the report year, users in and outside China."""

from __future__ import annotations

import sys

from chery_viewer.ui.panels.base import SectionPanel, show_panel


class SalesPanel(SectionPanel):
    key = "sales"


if __name__ == "__main__":
    sys.exit(show_panel(SalesPanel))
