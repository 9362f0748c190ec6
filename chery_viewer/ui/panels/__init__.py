"""One panel class per tab, in tab order."""

from chery_viewer.ui.panels.base import SectionPanel
from chery_viewer.ui.panels.exports import ExportsPanel
from chery_viewer.ui.panels.innovation import InnovationPanel
from chery_viewer.ui.panels.overview import OverviewPanel
from chery_viewer.ui.panels.partners import PartnersPanel
from chery_viewer.ui.panels.sales import SalesPanel

PANELS: dict[str, type[SectionPanel]] = {
    panel.key: panel for panel in (OverviewPanel, SalesPanel, ExportsPanel, InnovationPanel, PartnersPanel)
}

__all__ = ["PANELS", "SectionPanel"]
