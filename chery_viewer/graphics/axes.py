"""Number axes, and the compact numbers on them and on the value labels of bars and points.

One rule per axis: about five ticks on 1, 2 or 5 times a power of ten (:func:`nice_ticks`),
all written in one unit with one number of decimals (:func:`axis_form`): ``0.5M 1.0M 1.5M``,
never ``2.50M`` beside ``2M``; in Chinese ``0.5万 1.0万 1.5万``, never ``5,000`` under ``1万``.
A unit is chosen by the largest tick, so the numbers stay short (``0.5M`` rather than
``500k … 3,000k``), and the decimals are those of the step, the fewest that tell the ticks
apart. Zero is written ``0``, as every reader takes it.

The value labels of one series share one unit and one number of decimals too
(:func:`value_form`), so ``约6,355`` never stands beside ``2.6万``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from chery_viewer.core.formatting import value_mark
from chery_viewer.core.i18n import is_chinese

#: The ticks an axis may have, and how many it aims for when there is room.
FEWEST_TICKS, MOST_TICKS, TARGET_TICKS = 3, 7, 5
#: Room a tick label needs along a vertical axis (an 8.5 pt label and a gap), in pixels.
TICK_PITCH_PX = 18

MINUS = "−"  # a true minus sign, as everywhere else in the app
_EN_UNITS = ((1e9, "B", 1e9), (1e6, "M", 1e6), (1e3, "k", 1e4))  # size, suffix, used from
_ZH_UNITS = ((1e8, "亿", 1e8), (1e4, "万", 1e4))


@dataclass(frozen=True)
class NumberForm:
    """How every number of one axis or one series is written: a unit and a number of decimals."""

    size: float = 1.0  # 1, 1e3, 1e4 (万), 1e6 ...
    suffix: str = ""  # '', 'k', 'M', 'B', '万', '亿' or '%'
    decimals: int = 0

    def text(self, value: float, trim: bool = False, floor: bool = False) -> str:
        """``value`` in this form; ``trim`` drops trailing zeros (a rounded figure claims no
        digit its source did not give), ``floor`` rounds down (a lower bound never grows)."""
        scaled = value / self.size
        if floor:
            step = 10.0**-self.decimals
            scaled = math.floor(abs(scaled) / step + 1e-9) * step * (1 if scaled >= 0 else -1)
        body = f"{abs(scaled):,.{self.decimals}f}"
        if trim and "." in body:
            body = body.rstrip("0").rstrip(".")
        if float(body.replace(",", "")) == 0:
            return "0%" if self.suffix == "%" else "0"
        return f"{MINUS if scaled < 0 else ''}{body}{self.suffix}"


def nice_ticks(low: float, high: float, target: int = TARGET_TICKS, most: int = MOST_TICKS) -> list[float]:
    """Ticks inside ``[low, high]`` on one step of 1, 2 or 5 times a power of ten.

    Of the steps that give between three and seven ticks (there always is one: the counts of
    neighbouring steps overlap that window), those with at most ``most`` (what the axis has room
    for) if any, and of those the one nearest ``target`` ticks; a tie goes to the larger step.
    Each end of the range is less than one step from a tick.
    """
    low, high = sorted((float(low), float(high)))
    if not (math.isfinite(low) and math.isfinite(high)) or high - low <= 0:
        return [low] if math.isfinite(low) else []
    most = max(FEWEST_TICKS, most)
    target = min(max(FEWEST_TICKS, target), most)
    top = math.floor(math.log10(high - low))
    best: tuple[tuple[bool, bool, int, float], float] | None = None
    for power in range(top - 3, top + 2):
        for mantissa in (1, 2, 5):
            step = mantissa * 10.0**power
            count = _count(low, high, step)
            allowed, roomy = FEWEST_TICKS <= count <= MOST_TICKS, count <= most
            score = (not allowed, not roomy, abs(count - target), -step)
            if best is None or score < best[0]:
                best = (score, step)
    assert best is not None
    return _multiples(low, high, best[1])


def _span(low: float, high: float, step: float) -> tuple[int, int]:
    """The first and last multiple of ``step`` in ``[low, high]`` (as multiples)."""
    slack = step * 1e-9
    return math.ceil((low - slack) / step), math.floor((high + slack) / step)


def _count(low: float, high: float, step: float) -> int:
    first, last = _span(low, high, step)
    return max(0, last - first + 1)


def _multiples(low: float, high: float, step: float) -> list[float]:
    """The multiples of ``step`` in ``[low, high]``, each rounded to the step's own decimals."""
    first, last = _span(low, high, step)
    digits = max(0, -math.floor(math.log10(step)) + 1)
    return [round(k * step, digits) + 0.0 for k in range(first, last + 1)]


def _units() -> list[tuple[float, str]]:
    """The units of the current language, largest first (k, M, B; 万, 亿 in Chinese)."""
    return [(size, suffix) for size, suffix, _start in (_ZH_UNITS if is_chinese() else _EN_UNITS)]


def _unit(magnitude: float, percent: bool) -> tuple[float, str]:
    """The unit a number of this size is written in: k, M or B (万 or 亿 in Chinese), '%', or none."""
    if percent:
        return 1.0, "%"
    for size, suffix, start in _ZH_UNITS if is_chinese() else _EN_UNITS:
        if magnitude >= start:
            return size, suffix
    return 1.0, ""


def _decimals_to_show(value: float) -> int:
    """The fewest decimals that write ``value`` exactly (up to 6)."""
    for decimals in range(7):
        if abs(round(value, decimals) - value) <= 1e-9 * max(1.0, abs(value)):
            return decimals
    return 6


def axis_form(ticks: Sequence[float], percent: bool = False) -> NumberForm:
    """One unit and one number of decimals for every label of an axis: the unit by the largest
    tick, the decimals the fewest that write every tick exactly (the step's own). A narrow range
    far from zero, whose step would need more than two decimals in that unit, takes a smaller
    unit (``17,004.4万`` … rather than ``1.7004385亿``)."""
    if not ticks:
        return NumberForm(suffix="%" if percent else "")
    size, suffix = _unit(max(abs(t) for t in ticks), percent)
    units = [(size, suffix)] + [(s, x) for s, x in _units() if s < size] + [(1.0, "")] * (size > 1)
    forms = [NumberForm(size, suffix, max(_decimals_to_show(t / size) for t in ticks)) for size, suffix in units]
    return next((f for f in forms if f.decimals <= 2), forms[-1])


def value_form(values: Iterable[float | None], percent: bool = False) -> NumberForm:
    """One unit and one number of decimals for the value labels of a series.

    The unit is the largest one its largest value reaches; the decimals are enough for the
    smallest value to keep two significant digits (Chinese 万 and 亿: at least one, as the
    headline cards write them), at most two, and fewer when every value is exact with fewer.
    Where the smallest value would need a third decimal, the next smaller unit is taken
    instead (``96k … 1,145k``, not ``0.096M … 1.145M``).
    """
    magnitudes = [abs(v) for v in values if v is not None and math.isfinite(v) and v != 0]
    if not magnitudes:
        return NumberForm(suffix="%" if percent else "")
    if percent:
        return NumberForm(1.0, "%", min(1, max(_decimals_to_show(m) for m in magnitudes)))
    size, suffix = _unit(max(magnitudes), False)
    smaller = [u for u in _units() if u[0] < size] + [(1.0, "")]
    while True:
        smallest = min(magnitudes) / size
        decimals = min(3, max(0, 1 - math.floor(math.log10(smallest))))
        if suffix in ("万", "亿"):
            decimals = max(1, decimals)
        if decimals <= 2 or size == 1.0:
            decimals = min(2, decimals)
            break
        size, suffix = smaller.pop(0)
    exact = max(_decimals_to_show(m / size) for m in magnitudes)
    return NumberForm(size, suffix, min(decimals, exact))


def compact_number(value: float, percent: bool = False, form: NumberForm | None = None) -> str:
    """A number as an axis or a label writes it, in ``form`` (by default the form of this one
    value alone): 1.2M, 451k, 40%; in Chinese 123.3万."""
    return (form or value_form([value], percent)).text(value)


def value_label(value: float, form: NumberForm, approximate: bool = False, lower_bound: bool = False) -> str:
    """A bar's or a point's label: its mark (``~``/约 for a rounded figure, ``>`` for a lower
    bound) and the number in its series' ``form``; a rounded figure drops trailing zeros, a
    lower bound is rounded down."""
    mark = value_mark(approximate, lower_bound)
    return mark + form.text(value, trim=approximate or lower_bound, floor=lower_bound)


def axis_labels(low: float, high: float, percent: bool = False, length_px: float = 200.0) -> list[tuple[float, str]]:
    """The ticks of an axis over ``[low, high]`` that is ``length_px`` long, with their labels."""
    most = max(FEWEST_TICKS, min(MOST_TICKS, int(length_px // TICK_PITCH_PX) + 1))
    ticks = nice_ticks(low, high, target=min(TARGET_TICKS, most), most=most)
    form = axis_form(ticks, percent)
    return [(t, form.text(t)) for t in ticks]


class NumberAxis(pg.AxisItem):
    """A value axis with :func:`axis_labels`' ticks: one level, one unit, one number of decimals."""

    def __init__(self, orientation: str, percent: bool = False) -> None:
        super().__init__(orientation)
        self._percent = percent

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        low, high = sorted((minVal * self.scale, maxVal * self.scale))
        ticks = [t for t, _ in axis_labels(low, high, self._percent, size)]
        step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
        return [(step, [t / self.scale for t in ticks])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        ticks = [v * scale for v in values]
        form = axis_form(ticks, self._percent)
        return [form.text(t) for t in ticks]

    def boundingRect(self) -> QtCore.QRectF:
        # pyqtgraph draws no label that leaves this rectangle, and with a grid it ends where the
        # plot ends: the 0 on the baseline would be dropped. Half a label more at each end keeps it.
        rect = super().boundingRect()
        font = self.style.get("tickFont") or self.font()
        half = QtGui.QFontMetricsF(font).height() / 2 + 1
        return rect.adjusted(0, -half, 0, half) if self.orientation in ("left", "right") else rect
