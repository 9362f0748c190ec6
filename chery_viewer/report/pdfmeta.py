"""PDF metadata and outline: what Qt cannot write, added to the bytes it wrote.

Qt writes the file into memory, with a document ID derived from the content and our own
XMP metadata (:func:`xmp`). One incremental update (:func:`post_process`) then adds what Qt
cannot write (bookmarks, subject and keywords, links on source URLs) and Qt's clock-time
dates are replaced by the dataset's as-of date, so the same dataset and options always give
the same bytes. This is done by hand, not with pypdf: importing pypdf alone (about 0.1 s)
would take a quarter of the time a headless export may add to the import floor (the tests
read every result back with pypdf, in strict mode). Bookmarks and metadata are written as
UTF-16 strings when they are not plain ASCII. No Qt.
"""

from __future__ import annotations

import hashlib
import io
import re
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from chery_viewer import __version__
from chery_viewer.core.audit import Analysis
from chery_viewer.core.content import SectionContent
from chery_viewer.core.i18n import current_language, data_language, translate
from chery_viewer.report.geometry import PT_PER_PX, PageInfo
from chery_viewer.report.templates import DocumentLayout

if TYPE_CHECKING:
    from chery_viewer.core.factsheet import FactSheet

__all__ = [
    "PdfFile", "author", "document_id", "document_title", "escape", "keywords", "pdf_date", "pdf_string",
    "post_process", "xmp",
]  # fmt: skip



def author() -> str:
    """The PDF's Author field: who compiled it, and that it is not the company's document."""
    return translate("Report", "Compiled by the Chery Fact Sheet project from press reports; not affiliated with Chery")


def pdf_date(sheet: FactSheet) -> tuple[str, str]:
    """The as-of date as a PDF date and an XMP date (the report year's last day if as-of is missing)."""
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", sheet.as_of)
    y, m, d = match.groups() if match else (str(sheet.report_year), "12", "31")
    return f"D:{y}{m}{d}000000Z", f"{y}-{m}-{d}T00:00:00Z"


def document_title(sheet: FactSheet) -> str:
    """The sheet's title, named as Chery's unless it already says so (in English or in the current language)."""
    brand = translate("Report", "Chery")
    if "chery" in sheet.title.lower() or (brand and brand in sheet.title):
        return sheet.title
    return translate("Report", "Chery fact sheet: {title}").format(title=sheet.title)


def keywords(sheet: FactSheet) -> str:
    return ", ".join(
        [
            translate("Report", "Chery"),
            translate("Report", "fact sheet"),
            str(sheet.report_year),
            translate("Report", "sales"),
            translate("Report", "exports"),
            translate("Report", "innovation"),
            translate("Report", "partners"),
            translate("Report", "sources"),
            translate("Report", "audit"),
        ]
    )


def document_id(
    sheet: FactSheet, analysis: Analysis, sections: Sequence[SectionContent], page_size: str, qt_version: str
) -> uuid.UUID:
    """The fixed document ID: a hash of everything the document shows and how."""
    h = hashlib.sha256()
    for part in (
        __version__,
        qt_version,
        page_size,
        sheet.title,
        sheet.as_of,
        sheet.version,
        repr(sorted(sheet.sources.items())),
        repr(analysis.findings),
        repr(list(sections)),
        # The page furniture (headings, footers) follows the language too; English adds
        # nothing, so its document ID stays what it has always been.
        *([current_language()] if current_language() != "en" else []),
    ):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return uuid.UUID(bytes=h.digest()[:16], version=5)


def escape(text: str) -> str:
    """Text for XML character data (xml.sax.saxutils would import urllib, http and ssl: 25 ms)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xmp(sheet: FactSheet, doc_id: uuid.UUID, xmp_date: str, producer: str) -> bytes:
    title, subject, words = (escape(s) for s in (document_title(sheet), sheet.description, keywords(sheet)))
    creator = escape(f"chery-viewer {__version__}")
    return f"""<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{escape(author())}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Keywords>{words}</pdf:Keywords>
   <pdf:Producer>{escape(producer)}</pdf:Producer>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>
   <xmp:CreateDate>{xmp_date}</xmp:CreateDate>
   <xmp:ModifyDate>{xmp_date}</xmp:ModifyDate>
   <xmp:MetadataDate>{xmp_date}</xmp:MetadataDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
   <xmpMM:DocumentID>uuid:{doc_id}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:{doc_id}</xmpMM:InstanceID>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end='w'?>""".encode()


def pdf_string(text: str) -> bytes:
    """A PDF text string: literal for plain ASCII, else UTF-16BE hex with a byte-order mark."""
    if text.isascii() and text.isprintable():
        return b"(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("ascii") + b")"
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


class PdfFile:
    """Just enough of a PDF reader for the files QPdfWriter writes: trailer, xref table, plain objects."""

    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        tail = raw[raw.rindex(b"trailer") :]
        self.trailer = tail
        self.startxref = int(re.search(rb"startxref\s+(\d+)", tail).group(1))  # type: ignore[union-attr]
        self.size = self._ref_number(rb"/Size\s+(\d+)", tail)
        self.root = self._ref_number(rb"/Root\s+(\d+)\s+0\s+R", tail)
        ids = re.search(rb"/ID\s*\[[^\]]*\]", tail)
        self.id = ids.group(0) if ids else b""
        self.offsets: dict[int, int] = {}
        xref = raw[self.startxref :]
        if not xref.startswith(b"xref"):
            raise ValueError("Qt wrote no classic cross-reference table")
        pos = xref.index(b"\n") + 1
        while True:
            header = re.match(rb"\s*(\d+)\s+(\d+)\s*\n", xref[pos : pos + 40])
            if header is None:
                break
            first, count = int(header.group(1)), int(header.group(2))
            pos += header.end()
            for k in range(count):
                entry = xref[pos + 20 * k : pos + 20 * k + 18].split()
                if entry[2:] == [b"n"]:
                    self.offsets[first + k] = int(entry[0])
            pos += 20 * count

    @staticmethod
    def _ref_number(pattern: bytes, text: bytes) -> int:
        found = re.search(pattern, text)
        if found is None:
            raise ValueError(f"no {pattern!r} in the trailer")
        return int(found.group(1))

    def body(self, number: int) -> bytes:
        """The text of object ``number`` between 'obj' and 'endobj' (plain objects, no streams)."""
        start = self.raw.index(b"obj", self.offsets[number]) + 3
        return self.raw[start : self.raw.index(b"endobj", start)].strip()

    def pages(self) -> list[int]:
        def walk(number: int) -> list[int]:
            node = self.body(number)
            if re.search(rb"/Type\s*/Pages\b", node):
                kids = re.search(rb"/Kids\s*\[([^\]]*)\]", node)
                refs = re.findall(rb"(\d+)\s+0\s+R", kids.group(1)) if kids else []
                return [p for ref in refs for p in walk(int(ref))]
            return [number]

        return walk(self._ref_number(rb"/Pages\s+(\d+)\s+0\s+R", self.body(self.root)))


def post_process(
    raw: bytes, layout: DocumentLayout, page: PageInfo, sheet: FactSheet, date: str, producer: str
) -> bytes:
    """Add what Qt cannot write, as one incremental update: bookmarks, subject and keywords, links on
    source URLs; and fix Qt's creation and modification dates (in place, same length) to ``date``.

    Hand-written rather than with pypdf: importing pypdf alone costs about as much as laying out
    and painting every page, and the speed goal for the headless export is tight. The tests read
    the result back with pypdf.
    """

    def fixed_date(match: re.Match[bytes]) -> bytes:
        new = match.group(1) + b" (" + date.encode("ascii") + b")"
        if len(new) > len(match.group(0)):
            raise RuntimeError("Qt's date is shorter than the fixed one")
        return new + b" " * (len(match.group(0)) - len(new))  # same length: every offset stays right

    raw = re.sub(rb"(/CreationDate|/ModDate)\s*\((?:D:)?[0-9]{4}[^)]*\)", fixed_date, raw)
    pdf = PdfFile(raw)
    pages = pdf.pages()
    if len(pages) != layout.page_count:
        raise RuntimeError(f"Qt wrote {len(pages)} pages, the layout has {layout.page_count}")
    objects: dict[int, bytes] = {}
    next_number = pdf.size

    def new_object(body: bytes = b"") -> int:
        nonlocal next_number
        number, next_number = next_number, next_number + 1
        objects[number] = body
        return number

    info = new_object(
        b"<<"
        + b"".join(
            b"\n/" + key.encode("ascii") + b" " + value
            for key, value in (
                ("Title", pdf_string(document_title(sheet))),
                ("Author", pdf_string(author())),
                ("Subject", pdf_string(sheet.description)),
                ("Keywords", pdf_string(keywords(sheet))),
                ("Creator", pdf_string(f"chery-viewer {__version__}")),
                ("Producer", pdf_string(producer)),
                ("CreationDate", pdf_string(date)),
                ("ModDate", pdf_string(date)),
                ("Trapped", b"/False"),
            )
        )
        + b"\n>>"
    )
    outline = new_object()
    items = [new_object() for _ in layout.sections]
    for k, (title, index, top) in enumerate(layout.sections):
        siblings = b"".join(
            [
                b"\n/Prev %d 0 R" % items[k - 1] if k else b"",
                b"\n/Next %d 0 R" % items[k + 1] if k + 1 < len(items) else b"",
            ]
        )
        objects[items[k]] = (
            b"<<\n/Title "
            + pdf_string(title)
            + b"\n/Parent %d 0 R" % outline
            + siblings
            + b"\n/Dest [%d 0 R /XYZ 0 %.2f null]\n>>" % (pages[index], (page.height - max(top - 24, 0)) * PT_PER_PX)
        )
    objects[outline] = (
        b"<<\n/Type /Outlines\n/First %d 0 R\n/Last %d 0 R\n/Count %d\n>>" % (items[0], items[-1], len(items))
        if items
        else b"<<\n/Type /Outlines\n/Count 0\n>>"
    )
    by_page: dict[int, list[int]] = {}
    for index, rect, url in layout.links:
        box = (
            rect.left() * PT_PER_PX,
            (page.height - rect.bottom()) * PT_PER_PX,
            rect.right() * PT_PER_PX,
            (page.height - rect.top()) * PT_PER_PX,
        )
        annotation = (
            b"<<\n/Type /Annot\n/Subtype /Link\n/Rect ["
            + " ".join(f"{v:.2f}" for v in box).encode("ascii")
            + b"]\n/Border [0 0 0]\n/A << /S /URI /URI "
            + pdf_string(url)
            + b" >>\n>>"
        )
        by_page.setdefault(pages[index], []).append(new_object(annotation))
    for page_number, links in by_page.items():
        refs = b" ".join(b"%d 0 R" % a for a in links)
        body = pdf.body(page_number)
        existing = re.search(rb"/Annots\s+(\d+)\s+0\s+R", body)
        if existing:  # Qt points every page at an array object of its own: rewrite that array
            old = pdf.body(int(existing.group(1)))
            objects[int(existing.group(1))] = old.rstrip(b"]").rstrip() + b" " + refs + b" ]"
        else:
            objects[page_number] = body[: body.rindex(b">>")] + b"/Annots [ " + refs + b" ]\n>>"
    catalog = pdf.body(pdf.root)
    catalog = re.sub(rb"/(Outlines|PageMode|Lang|ViewerPreferences)\s+(\d+\s+0\s+R|/\w+|\([^)]*\))", b"", catalog)
    objects[pdf.root] = (
        catalog[: catalog.rindex(b">>")]
        + b"/Outlines %d 0 R\n/PageMode /UseOutlines\n" % outline
        + b"/Lang "
        + pdf_string(data_language(current_language()))
        + b"\n/ViewerPreferences << /DisplayDocTitle true >>\n>>"
    )

    out = io.BytesIO()
    out.write(raw if raw.endswith(b"\n") else raw + b"\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 1\n0000000000 65535 f \n")
    numbers = sorted(offsets)
    start = 0
    while start < len(numbers):
        end = start
        while end + 1 < len(numbers) and numbers[end + 1] == numbers[end] + 1:
            end += 1
        out.write(b"%d %d\n" % (numbers[start], end - start + 1))
        for number in numbers[start : end + 1]:
            out.write(b"%010d 00000 n \n" % offsets[number])
        start = end + 1
    out.write(
        b"trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n/Prev %d\n" % (next_number, pdf.root, info, pdf.startxref)
        + (pdf.id + b"\n" if pdf.id else b"")
        + b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    )
    return out.getvalue()
