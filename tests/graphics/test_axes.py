"""Axis ticks and labels (graphics.axes): one unit, one number of decimals, a few nice ticks.

The pure functions are checked over many ranges with hypothesis; then every bar chart of
the fact sheet is laid out and painted, in English and Chinese, and the labels its axes
actually draw are read back from pyqtgraph's draw specs.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator

import pyqtgraph as pg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6 import QtGui

from chery_viewer.core import i18n
from chery_viewer.core.content import build_sections, catalog
from chery_viewer.graphics.axes import (
    NumberAxis,
    NumberForm,
    axis_form,
    axis_labels,
    nice_ticks,
    value_form,
    value_label,
)
from chery_viewer.graphics.chart import ChartScene
from chery_viewer.graphics.render import lay_out, vector_only

# The language fixture sets the language once for all of a test's examples, which is what is meant.
ONCE_PER_TEST = [HealthCheck.function_scoped_fixture]
NUMBER = re.compile(r"^(?P<sign>−?)(?P<int>\d{1,3}(?:,\d{3})*)(?:\.(?P<dec>\d+))?(?P<suffix>k|M|B|万|亿|%)?$")
SUFFIXES = {"en": {"", "k", "M", "B", "%"}, "zh_CN": {"", "万", "亿", "%"}}


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    before = i18n.current_language()
    i18n.set_language(request.param)
    try:
        yield request.param
    finally:
        i18n.set_language(before)


def parse(label: str) -> re.Match[str]:
    match = NUMBER.match(label)
    assert match, f"{label!r} is not a compact number"
    return match


def check_one_form(labels: list[str], language: str) -> None:
    """Unique labels, one suffix and one number of decimals (a bare 0 aside: it needs neither)."""
    assert len(set(labels)) == len(labels), labels
    parts = [parse(label) for label in labels if label not in ("0", "0%")]
    assert {p["suffix"] or "" for p in parts} <= SUFFIXES[language]
    assert len({p["suffix"] for p in parts}) <= 1, labels
    assert len({len(p["dec"] or "") for p in parts}) <= 1, labels
    if "0%" in labels:
        assert all(p["suffix"] == "%" for p in parts), labels


def is_nice(step: float) -> bool:
    mantissa = step / 10 ** math.floor(math.log10(step) + 1e-9)
    return any(math.isclose(mantissa, m, rel_tol=1e-6) for m in (1, 2, 5, 10))


# (start, span, from zero): spans from a thousandth to ten billion, never below a millionth of
# the start (beyond that floats cannot tell the ticks apart, and no chart has such a range)
ranges = st.tuples(
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
    st.floats(min_value=1e-3, max_value=1e10, allow_nan=False),
    st.booleans(),
).filter(lambda r: r[2] or r[1] >= abs(r[0]) * 1e-6)


@settings(max_examples=600, deadline=None)
@given(ranges, st.integers(min_value=0, max_value=12), st.integers(min_value=1, max_value=12))
def test_ticks_are_three_to_seven_on_a_nice_step_and_cover_the_range(r, target, most) -> None:
    start, span, from_zero = r
    low = 0.0 if from_zero else start
    high = low + span
    ticks = nice_ticks(low, high, target, most)
    assert 3 <= len(ticks) <= 7, (low, high, ticks)
    steps = [b - a for a, b in itertools.pairwise(ticks)]
    step = steps[0]
    assert step > 0 and is_nice(step), (step, ticks)
    assert all(math.isclose(s, step, rel_tol=1e-6) for s in steps), ticks
    slack = step * 1e-6
    assert low - slack <= ticks[0] < low + step and high - step < ticks[-1] <= high + slack, (low, high, ticks)
    # no other nice step that fits the axis comes nearer the target
    room = max(3, min(7, most))
    if len(ticks) <= room:
        wanted = min(max(3, target), room)
        for other in (s * 10.0**k for s in (1, 2, 5) for k in range(-12, 12)):
            count = math.floor(high / other + 1e-9) - math.ceil(low / other - 1e-9) + 1
            if 3 <= count <= room:
                assert abs(len(ticks) - wanted) <= abs(count - wanted), (low, high, ticks, other)


@settings(max_examples=600, deadline=None, suppress_health_check=ONCE_PER_TEST)
@given(ranges, st.booleans(), st.floats(min_value=40, max_value=600))
def test_axis_labels_share_one_unit_and_one_precision(language, r, percent, length) -> None:
    start, span, from_zero = r
    low = 0.0 if from_zero else start
    labelled = axis_labels(low, low + span, percent, length)
    labels = [text for _, text in labelled]
    assert 3 <= len(labels) <= 7
    check_one_form(labels, language)
    if percent:
        assert all(label.endswith("%") for label in labels)
    # the labels say the ticks' values, to the precision the step needs
    form = axis_form([t for t, _ in labelled], percent)
    for tick, label in labelled:
        if label not in ("0", "0%"):
            number = float(parse(label)["int"].replace(",", "") + "." + (parse(label)["dec"] or "0"))
            assert math.isclose(number * (-1 if label.startswith("−") else 1), tick / form.size, abs_tol=1e-9)


@pytest.mark.parametrize(
    ("low", "high", "en", "zh"),
    [
        (0, 3_333_000, ["0", "1M", "2M", "3M"], ["0", "100万", "200万", "300万"]),
        (0, 1_800_000, ["0", "0.5M", "1.0M", "1.5M"], ["0", "50万", "100万", "150万"]),
        (0, 33_000, ["0", "10k", "20k", "30k"], ["0", "1万", "2万", "3万"]),
        (0, 12_500, ["0", "5k", "10k"], ["0", "0.5万", "1.0万"]),
        (0, 1_150, ["0", "200", "400", "600", "800", "1,000"], ["0", "200", "400", "600", "800", "1,000"]),
        (0, 76, ["0%", "20%", "40%", "60%"], ["0%", "20%", "40%", "60%"]),
        (-30, 60, ["−20%", "0%", "20%", "40%", "60%"], ["−20%", "0%", "20%", "40%", "60%"]),
    ],
)
def test_known_axes_read_as_a_reader_expects(low, high, en, zh) -> None:
    percent = en[-1].endswith("%")
    before = i18n.current_language()
    try:
        for language, expected in (("en", en), ("zh_CN", zh)):
            i18n.set_language(language)
            assert [text for _, text in axis_labels(low, high, percent, 200)] == expected
    finally:
        i18n.set_language(before)


def test_a_short_axis_gets_fewer_ticks() -> None:
    assert [t for t, _ in axis_labels(0, 1150, length_px=70)] == [0, 500, 1000]
    assert len(axis_labels(0, 1150, length_px=300)) == 6


@settings(max_examples=400, deadline=None, suppress_health_check=ONCE_PER_TEST)
@given(st.lists(st.floats(min_value=1, max_value=5e9), min_size=1, max_size=12))
def test_value_labels_of_a_series_share_one_form(language, values) -> None:
    form = value_form(values)
    labels = [form.text(v) for v in values]
    check_one_form(sorted(set(labels)), language)
    assert form.decimals <= 2
    # the smallest keeps two significant digits (below 10 it keeps its integer part)
    smallest = min(values) / form.size
    assert round(smallest, form.decimals) > 0
    if smallest < 10:
        assert abs(round(smallest, form.decimals) - smallest) <= 0.05 * smallest + 0.5 * (form.size == 1)


def test_value_labels_keep_the_mark_and_claim_no_digit_their_source_lacks(language) -> None:
    approx = "约" if language == "zh_CN" else "~"
    sales = value_form([730_000, 961_926, 1_232_727, 2_603_916])
    exports = value_form([126_000, 96_000, 1_144_588])
    patents = value_form([25_795, 17_177, 6_355])
    if language == "en":
        assert value_label(730_000, sales, approximate=True) == "~0.73M"
        assert value_label(2_603_916, sales) == "2.60M"
        assert value_label(96_000, exports, approximate=True, lower_bound=True) == ">96k"
        assert value_label(1_144_588, exports) == "1,145k"
        assert value_label(96_900, exports, lower_bound=True) == ">96k", "a lower bound never rounds up"
        assert [value_label(v, patents) for v in (25_795, 6_355)] == ["25.8k", "6.4k"]
    else:
        assert value_label(730_000, sales, approximate=True) == "约73万"
        assert value_label(1_232_727, sales) == "123.3万"
        assert value_label(96_000, exports, approximate=True, lower_bound=True) == ">9.6万"
        assert value_label(6_355, patents, approximate=True) == "约0.64万"  # never 约6,355 beside 2.6万
    assert value_label(900, value_form([900, 600]), approximate=True, lower_bound=True) == ">900"
    assert value_label(6_355, patents, approximate=True).startswith(approx)


def test_form_writes_zero_plainly_and_negatives_with_a_true_minus() -> None:
    form = NumberForm(1e6, "M", 1)
    assert [form.text(v) for v in (0, -500_000, 1_500_000)] == ["0", "−0.5M", "1.5M"]
    assert NumberForm(1, "%", 0).text(0) == "0%"


# -- the charts as drawn ---------------------------------------------------------------------


def drawn_axis_labels(spec, width: int = 520, height: int = 300) -> list[list[str]]:
    """The texts each NumberAxis of ``spec``'s chart paints, laid out at ``width`` x ``height``."""
    scene = ChartScene(spec)
    host = pg.GraphicsView(background="#ffffff")
    try:
        host.setCentralItem(scene.layout)
        vector_only(host.scene())
        lay_out(host, width, height)
        image = QtGui.QImage(width, height, QtGui.QImage.Format.Format_ARGB32)
        painter = QtGui.QPainter(image)
        try:
            out = []
            for plot in filter(None, (scene.upper, scene.plot)):
                axis = plot.getAxis("left")
                assert isinstance(axis, NumberAxis)
                specs = axis.generateDrawSpecs(painter)
                out.append([text for _rect, _flags, text in specs[2]])
            return out
        finally:
            painter.end()
    finally:
        host.close()
        host.deleteLater()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_bar_chart_draws_its_axes_in_one_form(qapp, sheet, analysis, lang) -> None:
    before = i18n.current_language()
    i18n.set_language(lang)
    try:
        for chart_id, spec in catalog.charts(build_sections(sheet, analysis)):
            if spec.kind != "bars":
                continue
            for labels in drawn_axis_labels(spec):
                assert 3 <= len(labels) <= 7, (chart_id, labels)
                check_one_form(labels, lang)
                assert labels[0] in ("0", "0%"), (chart_id, labels)  # the baseline is labelled
    finally:
        i18n.set_language(before)


def test_bar_labels_of_lower_bounds_say_more_than(qapp, sheet, analysis) -> None:
    """A figure the sources give only as a lower bound reads '>', never '~', on its bar."""
    spec = catalog.find_chart(build_sections(sheet, analysis), "innovation.nev_patents")
    assert spec is not None and all(p.lower_bound and p.approximate for p in spec.series[0].points)
    scene = ChartScene(spec)
    texts = {i.textItem.toPlainText() for i in scene.plot.vb.addedItems if isinstance(i, pg.TextItem)}
    assert {">900", ">600"} <= texts and not any("~" in t for t in texts)
