"""Build the CJK fonts the Simplified Chinese edition embeds: ``NotoSansSC-Subset.ttf`` and
``NotoSansSC-Subset-Bold.ttf``.

Why this script exists
======================

The Chinese fact sheet (window and PDF) must not depend on a CJK font being installed on the
reader's machine, so the app ships one and registers it with
``QtGui.QFontDatabase.addApplicationFont``. The full Noto Sans CJK SC face is about 16 MB;
the app uses a few hundred distinct characters, so this script keeps only those glyphs and
the result is well under 1 MB. Two weights are cut, Regular and Bold, because Qt makes no
synthetic bold for an application font that has a single weight: with the Regular alone, every
Chinese heading and table header would be drawn regular, in the window and in the PDF.

* **Source**: the "Noto Sans CJK SC" face of ``NotoSansCJK-Regular.ttc`` and of
  ``NotoSansCJK-Bold.ttc`` from Debian's ``fonts-noto-cjk`` package (SIL Open Font License
  1.1, see ``OFL.txt`` beside this file). The face is found in each collection by its family
  name, not by a fixed index. Both weights keep the same characters.
* **Characters kept**: every non-ASCII character in the ``<translation>`` elements of
  ``resources/translations/*.ts``, in ``data/*.csv`` and ``data/datapackage.json`` and in the
  string literals (docstrings included) of ``chery_viewer/**/*.py``; all printable ASCII; and
  :data:`EXTRA_CHARACTERS`, the punctuation, symbols and words the app draws or may draw.
  Characters the source font lacks are reported as a warning and left out.
* **TrueType outlines**: the Noto CJK fonts have CFF (PostScript) outlines; they are converted
  to quadratic TrueType (``glyf``) curves (``fontTools.pens.cu2quPen``, as in fontTools'
  ``otf2ttf`` snippet, within 1/1000 em). Qt's PDF writer (PySide6 6.11 tested) embeds both
  kinds as a searchable "CID TrueType" font, since it rebuilds TrueType glyphs from the outlines
  itself, so CFF would do for Qt; TrueType is the format every font engine and PDF tool takes,
  and its glyphs are easy to copy (see :func:`split_shared_glyphs`). It costs about 30 % in size.
* **Searchable PDF text**: Qt maps each glyph of a PDF back to text through the font's cmap
  only. So GSUB is dropped (see :data:`LAYOUT_FEATURES`) and characters that shared one glyph
  get a copy each; otherwise digits in Latin runs, and "•", would be lost or wrong in a search.
* **Name**: the subset is a Modified Version under the OFL and is renamed to
  :data:`FAMILY_NAME`, one family with the styles Regular and Bold (the Bold face keeps the
  source's weight class 700 and bold flags, so Qt picks it for bold text). The name avoids
  "Source", the Reserved Font Name Adobe declares for the Source Han fonts Noto CJK is built
  from, and differs from the installed "Noto Sans CJK SC", so Qt can never confuse the bundled
  subset with a system font.
* **Reproducible**: the same inputs give a byte-identical file. ``head.created`` and
  ``head.modified`` are pinned to the source font's own creation time (fontTools would
  otherwise stamp the current time on save), the name table is rewritten from constants, and
  nothing else in the output depends on the clock, the machine or the hash seed.

Rebuild with ``python resources/fonts/subset_font.py`` (needs ``fonttools``), then commit the
fonts. Run it again whenever translations, data or app strings gain new characters.
"""

from __future__ import annotations

import argparse
import ast
import copy
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

try:
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTCollection, TTFont, newTable
    from fontTools.ttLib.tables._g_l_y_f import Glyph
except ImportError:  # pragma: no cover - a build tool, not an app dependency
    raise SystemExit("error: this script needs fontTools: pip install fonttools") from None

ROOT = Path(__file__).resolve().parents[2]
FONTS_DIR = Path(__file__).resolve().parent

#: The Debian package that installs the source fonts.
SOURCE_PACKAGE = "fonts-noto-cjk"
#: Where that package puts them.
SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
#: The face of each collection to use (index 2 in fonts-noto-cjk 1:20220127).
SOURCE_FAMILY = "Noto Sans CJK SC"

#: The family name of the subset, as ``QFontDatabase.applicationFontFamilies`` reports it.
FAMILY_NAME = "Noto Sans SC Subset"
#: The styles cut: the source collection in :data:`SOURCE_DIR` and the file written for each.
STYLES = {
    "Regular": ("NotoSansCJK-Regular.ttc", FONTS_DIR / "NotoSansSC-Subset.ttf"),
    "Bold": ("NotoSansCJK-Bold.ttc", FONTS_DIR / "NotoSansSC-Subset-Bold.ttf"),
}


def postscript_name(style: str) -> str:
    """The subset's PostScript name in ``style`` (no spaces, at most 63 characters)."""
    return f"{FAMILY_NAME.replace(' ', '')}-{style}"


#: Characters kept whether or not the app's files use them yet: CJK punctuation, the symbols
#: the PDF and the window draw (KPI arrows, legend square, approximation and plus-minus signs,
#: the true minus U+2212, en and em dashes), number and date words, and the language's own name.
EXTRA_CHARACTERS = (
    "，。、：；？！“”‘’（）《》【】—…·～％＋－×÷"
    "▲▼■•←→≈±²−–~"
    "0123456789〇零一二三四五六七八九十百千万亿元辆年月日季度约"
    "简体中文"
)

#: OpenType layout features kept. Only kerning: Qt's PDF writer maps glyphs back to text through
#: the cmap alone, so any substitution to a glyph the cmap does not name makes that text
#: unsearchable in the PDF (the face's default 'locl' swaps the digits of Latin runs, for one).
#: The substitutions of this face only serve vertical text, full/half widths and ligatures, none
#: of which the app uses, so GSUB is dropped altogether.
LAYOUT_FEATURES = ("kern",)
#: Tables dropped: substitutions (see above), vertical metrics and origins, and the baseline table.
DROPPED_TABLES = ("GSUB", "VORG", "vhea", "vmtx", "BASE")

#: Largest distance (font units, 1000 per em) a quadratic curve may stray from the cubic one.
MAX_CURVE_ERROR = 1.0

#: Name table records written (nameID -> text); the copyright, trademark, designer and licence
#: records of the source are kept as they are.
KEPT_NAME_IDS = (0, 7, 8, 9, 10, 11, 12, 13, 14)


def translation_texts(directory: Path) -> Iterable[str]:
    """The texts of every ``<translation>`` element (numerus forms included) of the ``.ts`` files."""
    if not directory.is_dir():
        return
    for path in sorted(directory.glob("*.ts")):
        tree = ET.parse(path)
        for element in tree.iter("translation"):
            yield "".join(element.itertext())


def python_literals(directory: Path) -> Iterable[str]:
    """Every string constant (f-string parts and docstrings included) of the package's modules."""
    for path in sorted(directory.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield node.value


def data_texts(directory: Path) -> Iterable[str]:
    """The whole text of the bundled data package: its CSV files and descriptor."""
    paths = sorted(directory.glob("*.csv"))
    descriptor = directory / "datapackage.json"
    if descriptor.is_file():
        paths.append(descriptor)
    for path in paths:
        yield path.read_text(encoding="utf-8")


def wanted_characters(root: Path) -> set[str]:
    """The characters the subset must cover."""
    texts: list[str] = []
    texts.extend(translation_texts(root / "resources" / "translations"))
    texts.extend(data_texts(root / "data"))
    texts.extend(python_literals(root / "chery_viewer"))
    # Control and format characters (BOM, zero-width joiners, soft hyphen...) need no glyph.
    found = {ch for text in texts for ch in text if ord(ch) > 0x7E and not unicodedata.category(ch).startswith("C")}
    return found | {chr(code) for code in range(0x20, 0x7F)} | set(EXTRA_CHARACTERS)


def find_face(source: Path, family: str) -> int:
    """The index of ``family`` in the collection ``source`` (0 for a single font file)."""
    with source.open("rb") as file:
        if file.read(4) != b"ttcf":
            return 0
    collection = TTCollection(str(source), lazy=True)
    for index, font in enumerate(collection.fonts):
        if font["name"].getDebugName(1) == family:
            return index
    raise SystemExit(f"error: {source} has no face named '{family}'")


def to_truetype(font: TTFont) -> None:
    """Replace the CFF outlines of ``font`` by quadratic TrueType ones (fontTools' ``otf2ttf``)."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs: dict[str, Glyph] = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        # CFF contours run counter-clockwise, TrueType ones clockwise.
        glyph_set[name].draw(Cu2QuPen(pen, MAX_CURVE_ERROR, reverse_direction=True))
        glyphs[name] = pen.glyph()

    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    del font["CFF "]
    glyf.compile(font)

    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)

    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, field, 0)
    maxp.compile(font)  # counts glyphs, points and contours

    post = font["post"]
    post.formatType = 3.0  # no glyph names: the source's are only "cidNNNNN"
    post.extraNames = []
    post.mapping = {}
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def split_shared_glyphs(font: TTFont) -> None:
    """Give every character its own glyph: copy the glyphs the cmap maps several characters to.

    Qt's PDF writer maps each glyph back to the *first* character the cmap gives for it, so a
    shared glyph (this face draws U+00B7 · and U+2022 • with one glyph) is found as the wrong
    character by a PDF search or copy.
    """
    cmap = font.getBestCmap()
    users: dict[str, list[int]] = {}
    for code in sorted(cmap):
        users.setdefault(cmap[code], []).append(code)
    order = list(font.getGlyphOrder())
    glyf, hmtx = font["glyf"], font["hmtx"]
    clones: dict[int, str] = {}
    for name, codes in users.items():
        for code in codes[1:]:
            clone = f"uni{code:04X}" if code <= 0xFFFF else f"u{code:06X}"
            order.append(clone)
            glyf.glyphs[clone] = copy.deepcopy(glyf.glyphs[name])
            hmtx.metrics[clone] = hmtx.metrics[name]
            clones[code] = clone
    if not clones:
        return
    font.setGlyphOrder(order)
    glyf.glyphOrder = order
    for table in font["cmap"].tables:
        if table.format != 14:
            for code, clone in clones.items():
                if code in table.cmap:
                    table.cmap[code] = clone


def rename(font: TTFont, style: str) -> None:
    """Give the subset its own names (OFL: a Modified Version), keeping the notices of the source."""
    name = font["name"]
    source = name.getDebugName(3) or ""
    version = source.split(";", 1)[0]
    texts = {record.nameID: record.toUnicode() for record in name.names if record.nameID in KEPT_NAME_IDS}
    texts.update(
        {
            1: FAMILY_NAME,
            2: style,
            3: f"{version};{postscript_name(style)}",
            4: FAMILY_NAME if style == "Regular" else f"{FAMILY_NAME} {style}",
            5: f"Version {version}; subset of {SOURCE_FAMILY} {style} for the Chery Fact Sheet",
            6: postscript_name(style),
        }
    )
    name.names = []
    for name_id in sorted(texts):
        # Windows, Unicode BMP, US English only: the one record set Qt and PDF readers look at.
        name.setName(texts[name_id], name_id, 3, 1, 0x409)


def build(source: Path, output: Path, characters: set[str], style: str = "Regular") -> tuple[set[str], set[str]]:
    """Write the ``style`` subset of ``source`` covering ``characters``; returns (kept, missing)."""
    font = TTFont(str(source), fontNumber=find_face(source, SOURCE_FAMILY), recalcTimestamp=False)
    cmap = font.getBestCmap()
    kept = {ch for ch in characters if ord(ch) in cmap}
    created = font["head"].created

    options = subset.Options()
    options.hinting = False
    options.desubroutinize = True
    options.notdef_outline = True
    options.name_IDs = sorted({*KEPT_NAME_IDS, 1, 2, 3, 4, 5, 6})
    options.name_languages = [0x409]
    options.drop_tables += list(DROPPED_TABLES)
    options.layout_features = list(LAYOUT_FEATURES)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(ch) for ch in kept))
    subsetter.subset(font)

    to_truetype(font)
    split_shared_glyphs(font)
    rename(font, style)
    head = font["head"]
    head.created = head.modified = created  # fontTools would stamp the time of the run

    output.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(output), reorderTables=True)
    return kept, characters - kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "source_dir",
        nargs="?",
        type=Path,
        default=SOURCE_DIR,
        help=f"folder with {' and '.join(name for name, _ in STYLES.values())} (default: {SOURCE_DIR})",
    )
    parser.add_argument("--style", choices=sorted(STYLES), help="cut only this style (default: every style)")
    parser.add_argument("-o", "--output", type=Path, help="where to write the subset (with --style only)")
    args = parser.parse_args(argv)
    if args.output is not None and args.style is None:
        parser.error("-o needs --style: each style is a file of its own")

    characters = wanted_characters(ROOT)
    for style in [args.style] if args.style else list(STYLES):
        name, output = STYLES[style]
        source = args.source_dir / name
        if not source.is_file():
            print(f"error: {source} not found; install Debian's {SOURCE_PACKAGE} package", file=sys.stderr)
            return 1
        output = args.output or output
        kept, missing = build(source, output, characters, style)
        if missing:
            listed = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in sorted(missing))
            lacking = f"{SOURCE_FAMILY} {style} lacks {len(missing)} characters"
            print(f"warning: {lacking}, left out: {listed}", file=sys.stderr)
        size = output.stat().st_size
        print(f"{output}: {style}, {len(kept)} characters, {size:,} bytes ({size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
