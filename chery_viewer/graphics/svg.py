"""Make Qt's SVG draw the same chart in every renderer.

pyqtgraph draws in data coordinates under large, unequal scales (a bar chart's x axis 115 px
per category, its y axis a millionth of a pixel per vehicle) with cosmetic pens, whose width
is in pixels whatever the scale. ``QSvgGenerator`` writes such a pen as
``vector-effect="non-scaling-stroke"`` inside a ``<g transform="matrix(…)">``. Renderers
that ignore that property (librsvg, cairosvg, many editors) scale the 2 px line by the matrix:
a growth line becomes a filled band, a node's white rim a slab, a donut's border covers it.

``flatten_strokes`` bakes such a group's matrix into its shapes' coordinates, so the stroke
width is plain pixels and the property is no longer needed; groups with text or anything it
does not understand are left alone. It also gives text a fallback font list, so a viewer
without the exporting machine's fonts still finds a sans-serif (and a CJK) face.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

FALLBACK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "DejaVu Sans")
_SHAPES = {"path", "polyline", "polygon", "line", "rect"}
_MATRIX = re.compile(r"^\s*matrix\(([^)]*)\)\s*$")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_PATH_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")

Matrix = tuple[float, float, float, float, float, float]


def font_list(family: str) -> str:
    """A CSS font list from Qt's "A,B,C" (one family per name, each quoted), then the fallbacks
    and the generic sans-serif, each once."""
    names = [n.strip().strip("'\"") for n in family.split(",")]
    names = [n for n in names if n and n != "sans-serif"]
    names += [f for f in FALLBACK_FONTS if f not in names]
    return ", ".join(f"'{n}'" for n in dict.fromkeys(names)) + ", sans-serif"


def _tag(element: ET.Element) -> str:
    return element.tag.rpartition("}")[2]


def _fmt(value: float) -> str:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _points(text: str, m: Matrix) -> str | None:
    numbers = [float(n) for n in _NUMBER.findall(text)]
    if len(numbers) % 2:
        return None
    pairs = (_apply(m, numbers[i], numbers[i + 1]) for i in range(0, len(numbers), 2))
    return " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in pairs)


def _path(d: str, m: Matrix) -> str | None:
    """A path's data under ``m``: only absolute M, L, C, Q, Z (what Qt writes), else None."""
    out: list[str] = []
    numbers: list[float] = []
    for token in _PATH_TOKEN.findall(d):
        if token.isalpha():
            if token not in "MLCQZ":
                return None
            if numbers:
                return None  # numbers before any command
            out.append(token)
            continue
        numbers.append(float(token))
        if len(numbers) == 2:
            x, y = _apply(m, *numbers)
            out.append(f"{_fmt(x)},{_fmt(y)}")
            numbers = []
    return None if numbers else " ".join(out)


def _flatten_shape(shape: ET.Element, m: Matrix) -> bool:
    tag = _tag(shape)
    if tag in ("polyline", "polygon"):
        points = _points(shape.get("points", ""), m)
        if points is None:
            return False
        shape.set("points", points)
    elif tag == "path":
        d = _path(shape.get("d", ""), m)
        if d is None:
            return False
        shape.set("d", d)
    elif tag == "line":
        x1, y1 = _apply(m, float(shape.get("x1", 0)), float(shape.get("y1", 0)))
        x2, y2 = _apply(m, float(shape.get("x2", 0)), float(shape.get("y2", 0)))
        for key, value in (("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2)):
            shape.set(key, _fmt(value))
    elif tag == "rect":
        if m[1] or m[2] or shape.get("rx") or shape.get("ry"):
            return False  # a rotated or rounded rectangle stays as drawn
        x, y = float(shape.get("x", 0)), float(shape.get("y", 0))
        w, h = float(shape.get("width", 0)), float(shape.get("height", 0))
        (x1, y1), (x2, y2) = _apply(m, x, y), _apply(m, x + w, y + h)
        for key, value in (("x", min(x1, x2)), ("y", min(y1, y2)), ("width", abs(x2 - x1)), ("height", abs(y2 - y1))):
            shape.set(key, _fmt(value))
    shape.attrib.pop("vector-effect", None)
    return True


def _flatten_group(group: ET.Element) -> None:
    match = _MATRIX.match(group.get("transform", ""))
    children = list(group)
    if not match or not children or any(_tag(c) not in _SHAPES for c in children):
        return
    if not any(c.get("vector-effect") == "non-scaling-stroke" for c in children):
        return
    if group.get("stroke", "none") != "none" and not all(
        c.get("vector-effect") == "non-scaling-stroke" for c in children
    ):
        return  # a scaled stroke would change width once the matrix is gone
    values = [float(v) for v in _NUMBER.findall(match.group(1))]
    if len(values) != 6:
        return
    m: Matrix = (values[0], values[1], values[2], values[3], values[4], values[5])
    originals = [dict(c.attrib) for c in children]
    if all(_flatten_shape(c, m) for c in children):
        del group.attrib["transform"]
        return
    for child, attrib in zip(children, originals, strict=True):  # all or nothing
        child.attrib.clear()
        child.attrib.update(attrib)


def flatten_strokes(svg: bytes) -> bytes:
    """``svg`` (as ``QSvgGenerator`` writes it) with non-scaling strokes baked into plain coordinates."""
    root = ET.fromstring(svg)
    for element in root.iter():
        if _tag(element) == "g":
            _flatten_group(element)
        family = element.get("font-family")
        if family:
            element.set("font-family", font_list(family))
    text = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + text + "\n").encode("utf-8")
