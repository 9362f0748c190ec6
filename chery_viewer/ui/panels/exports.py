"""Exports tab: annual exports with their share of sales, the year to date, China's exports, markets."""

from __future__ import annotations

from chery_viewer.ui.panels.base import SectionPanel


class ExportsPanel(SectionPanel):
    key = "exports"
