"""Qt's SVG with its non-scaling strokes baked into plain coordinates (graphics.svg)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from chery_viewer.graphics.svg import flatten_strokes, font_list

NS = "{http://www.w3.org/2000/svg}"

QT_LIKE = b"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<svg width="10mm" height="10mm" viewBox="0 0 100 100" xmlns="http://www.w3.org/2000/svg" version="1.2">
<g fill="none" stroke="#d55e00" stroke-width="2.2" transform="matrix(115,0,0,-2,130,92)" font-family="DejaVu Sans">
<polyline fill="none" vector-effect="non-scaling-stroke" points="3,31.7 4,28.2 " />
<path vector-effect="non-scaling-stroke" d="M0,0 L1,1 C1,2 2,2 2,1 Z"/>
<rect vector-effect="non-scaling-stroke" x="1" y="1" width="1" height="2"/>
</g>
<g fill="#000" stroke="none" transform="matrix(1,0,0,1,5,5)" font-family="Noto Sans SC Subset,DejaVu Sans">
<text x="0" y="0">Source: Gulf News</text>
</g>
</svg>"""


def test_a_scaled_group_with_cosmetic_strokes_is_baked_into_pixels() -> None:
    root = ET.fromstring(flatten_strokes(QT_LIKE))
    line_group, text_group = root.findall(f"{NS}g")
    assert "transform" not in line_group.attrib
    polyline = line_group.find(f"{NS}polyline")
    assert polyline is not None and polyline.get("points") == "475,28.6 590,35.6"
    assert "vector-effect" not in polyline.attrib
    path = line_group.find(f"{NS}path")
    assert path is not None and path.get("d") == "M 130,92 L 245,90 C 245,88 360,88 360,90 Z"
    rect = line_group.find(f"{NS}rect")
    assert rect is not None and (rect.get("x"), rect.get("y"), rect.get("width"), rect.get("height")) == (
        "245", "86", "115", "4",
    )  # fmt: skip
    assert text_group.get("transform") == "matrix(1,0,0,1,5,5)", "text keeps its group as drawn"
    assert text_group.findtext(f"{NS}text") == "Source: Gulf News"


def test_a_group_with_a_relative_path_is_left_as_drawn() -> None:
    svg = QT_LIKE.replace(b'd="M0,0 L1,1 C1,2 2,2 2,1 Z"', b'd="m0,0 l1,1"')
    root = ET.fromstring(flatten_strokes(svg))
    group = root.findall(f"{NS}g")[0]
    assert group.get("transform") == "matrix(115,0,0,-2,130,92)"
    assert group.find(f"{NS}polyline").get("points") == "3,31.7 4,28.2 "  # all or nothing


def test_font_lists_name_each_family_then_the_fallbacks() -> None:
    assert font_list("Noto Sans SC Subset,DejaVu Sans") == (
        "'Noto Sans SC Subset', 'DejaVu Sans', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', "
        "sans-serif"
    )
