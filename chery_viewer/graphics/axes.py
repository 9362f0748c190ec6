"""Number axes and the compact numbers on them and on bar labels (1.23M, 451k, 40%; 123.3万)."""

from __future__ import annotations

import pyqtgraph as pg

from chery_viewer.core.formatting import format_compact
from chery_viewer.core.i18n import is_chinese


def compact_number(value: float, percent: bool = False) -> str:
    """Axis and bar-label text: 1.23M, 451k, 40% (in Chinese 123.3万, 45.1万)."""
    if percent:
        return f"{value:.0f}%"
    magnitude = abs(value)
    if is_chinese():  # 万 and 亿 from ten thousand up; below it every digit, as Chinese readers count
        return format_compact(round(value), "vehicles")
    if magnitude >= 1_000_000:
        return f"{value / 1_000_000:.2f}M".replace(".00M", "M")
    if magnitude >= 10_000:
        return f"{value / 1_000:.0f}k"
    if magnitude >= 1_000:
        return f"{value / 1_000:.1f}k".replace(".0k", "k")
    return f"{value:,.0f}"


class NumberAxis(pg.AxisItem):
    """An axis whose ticks read 250k / 1.2M (or 40% for a percentage axis)."""

    def __init__(self, orientation: str, percent: bool = False) -> None:
        super().__init__(orientation)
        self._percent = percent

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [compact_number(v * scale, self._percent) for v in values]
