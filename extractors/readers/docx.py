"""DOCX reader: python-docx opens the package, one walk over the XML reads it.

python-docx's ``paragraphs``/``tables`` skip content controls (``w:sdt``), text boxes, tracked
insertions and list numbers, so the body is walked directly in document order:

- paragraphs -> heading (style "Heading N"/"Title", outline level, or a short bold/caps line),
  list item (numbering from ``numPr``, rendered "1." / "a)" / "•"; level kept) or paragraph;
- tables -> ``table_cell`` blocks, tab between cells and newline between rows;
- ``w:ins`` counts, ``w:del`` does not, and the document is flagged as having tracked changes;
- text boxes (``w:txbxContent``; the ``mc:Choice`` copy only) follow their paragraph;
- hidden runs (``w:vanish``, white text, under 1 pt) are dropped with a warning;
- headers and footers become ``header``/``footer`` blocks (first and last in the text).

DOCX has no pages: blocks carry a locator ("paragraph 12", "table 2 row 3 cell 1") and no box.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from extractors.readers.blocks import heading_text_level, is_list_start
from extractors.readers.docx_numbering import Numbering
from extractors.readers.docx_styles import Styles, W, load_styles, on, to_int
from extractors.readers.gate import Gated
from extractors.readers.zipcheck import check_zip
from models.document import BlockKind, Document, DocumentBuilder, Page, PageMethod
from models.errors import Corrupt, NoText, TooLarge
from models.settings import Settings

__all__ = ["read_docx"]

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_VAL = f"{W}val"

_SKIP = {f"{W}{t}" for t in ("pPr", "rPr", "sdtPr", "sdtEndPr", "instrText", "delText",
                             "fldChar", "footnoteReference", "endnoteReference",
                             "commentReference", "annotationRef", "proofErr", "bookmarkStart",
                             "bookmarkEnd", "lastRenderedPageBreak", "softHyphen", "trPr",
                             "tblPr", "tblGrid", "tcPr", "sectPr", "del", "moveFrom",
                             "delInstrText", "customXmlPr", "rPrChange", "pPrChange")}
_PUA_BULLETS = re.compile(r"^[\uf000-\uf8ff]")


@dataclass(slots=True)
class _Para:
    """Text of one paragraph and what was learnt while collecting it."""

    parts: list[str] = field(default_factory=list)
    bold_chars: int = 0
    chars: int = 0
    textboxes: list[Any] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts)


class _Walker:
    def __init__(self, builder: DocumentBuilder, styles: Styles, numbering: Numbering,
                 settings: Settings) -> None:
        self.b = builder
        self.styles = styles
        self.numbering = numbering
        self.settings = settings
        self.paragraphs = 0
        self.tables = 0
        self.hidden = 0
        # Page breaks as Word last laid the document out, and the ones written by hand; the
        # characters of each body block with the break counts before it.
        self.rendered = 0
        self.explicit = 0
        self.placed: list[tuple[int, int, int]] = []
        self.tracked = False
        self.depth = 0

    # --- runs -> text -------------------------------------------------------------------
    def _collect(self, el: Any, para: _Para, style_bold: bool, shaded: bool) -> None:
        for child in el:
            tag = child.tag
            if tag == f"{W}lastRenderedPageBreak":
                self.rendered += 1
                continue
            if not isinstance(tag, str) or tag in _SKIP:
                if tag in (f"{W}del", f"{W}moveFrom"):
                    self.tracked = True
                continue
            if tag == f"{W}t":
                para.parts.append(child.text or "")
            elif tag in (f"{W}tab", f"{W}ptab"):
                para.parts.append(" ")
            elif tag in (f"{W}br", f"{W}cr"):
                if child.get(f"{W}type") != "page":
                    para.parts.append("\n")
                else:
                    self.explicit += 1
            elif tag == f"{W}sym":
                para.parts.append(_symbol(child))
            elif tag == f"{W}noBreakHyphen":
                para.parts.append("-")
            elif tag == f"{W}r":
                self._run(child, para, style_bold, shaded)
            elif tag in (f"{W}ins", f"{W}moveTo"):
                self.tracked = True
                self._collect(child, para, style_bold, shaded)
            elif tag == f"{W}txbxContent":
                para.textboxes.append(child)
            elif tag == f"{W}sdt":
                content = _content(child)
                if content is not None:
                    self._collect(content, para, style_bold, shaded)
            elif tag == f"{MC}AlternateContent":
                choice = child.find(f"{MC}Choice")
                self._collect(choice if choice is not None else child, para, style_bold, shaded)
            elif tag == f"{MC}Fallback":
                continue
            else:
                self._collect(child, para, style_bold, shaded)

    def _run(self, run: Any, para: _Para, style_bold: bool, shaded: bool) -> None:
        rpr = run.find(f"{W}rPr")
        bold = style_bold
        if rpr is not None:
            if _hidden_run(rpr, shaded, self.styles):
                self.hidden += sum(len(t.text or "") for t in run.iter(f"{W}t"))
                return
            b = rpr.find(f"{W}b")
            if b is not None:
                bold = on(b)
            else:
                rs = rpr.find(f"{W}rStyle")
                if rs is not None and self.styles.bold(rs.get(_VAL)):
                    bold = True
        before = sum(len(p) for p in para.parts)
        self._collect(run, para, style_bold, shaded)
        n = sum(len(p) for p in para.parts) - before
        para.chars += n
        if bold:
            para.bold_chars += n

    # --- blocks -------------------------------------------------------------------------
    def walk(self, parent: Any, kind: BlockKind | None = None) -> None:
        """Block-level children of body, a text box, a header or a footer."""
        self.depth += 1
        try:
            if self.depth > 60:
                raise Corrupt("the document nests content too deeply to read")
            for child in parent:
                tag = child.tag
                if tag == f"{W}p":
                    self.paragraph(child, kind)
                elif tag == f"{W}tbl":
                    if kind is None:
                        self.table(child)
                    else:
                        self.flat_table(child, kind)
                elif tag in (f"{W}sdt", f"{W}customXml", f"{W}ins", f"{W}moveTo"):
                    if tag in (f"{W}ins", f"{W}moveTo"):
                        self.tracked = True
                    content = _content(child)
                    if content is not None:
                        self.walk(content, kind)
                elif tag in (f"{W}del", f"{W}moveFrom"):
                    self.tracked = True
                elif tag == f"{MC}AlternateContent":
                    choice = child.find(f"{MC}Choice")
                    if choice is not None:
                        self.walk(choice, kind)
        finally:
            self.depth -= 1

    def _para_text(self, p: Any, shaded: bool = False) -> tuple[_Para, str | None]:
        ppr = p.find(f"{W}pPr")
        style_id = None
        if ppr is not None:
            if on(ppr.find(f"{W}pageBreakBefore")):
                self.explicit += 1
            ps = ppr.find(f"{W}pStyle")
            style_id = ps.get(_VAL) if ps is not None else None
            shd = ppr.find(f"{W}shd")
            if shd is not None and shd.get(f"{W}fill", "auto").lower() not in ("auto", "ffffff"):
                shaded = True
        para = _Para()
        self._collect(p, para, self.styles.bold(style_id), shaded)
        return para, style_id

    def paragraph(self, p: Any, kind: BlockKind | None, locator: str | None = None) -> None:
        if kind is None and locator is None:
            self.paragraphs += 1
        number = self.paragraphs
        para, style_id = self._para_text(p)
        text = _clean(para.text)
        if text and len(text) > self.settings.max_chars_per_page:
            raise TooLarge(f"a paragraph has {len(text)} characters, over the limit of "
                           f"{self.settings.max_chars_per_page}")
        if text:
            if kind is not None:
                self.b.add_block(kind, text, page=None, locator=kind.value, repeated=True,
                                 style=self.styles.name(style_id))
            else:
                self._body_block(p, text, para, style_id, locator or f"paragraph {number}")
        for box in para.textboxes:
            self.walk(box, kind)

    def _body_block(self, p: Any, text: str, para: _Para, style_id: str | None,
                    locator: str) -> None:
        ppr = p.find(f"{W}pPr")
        num_id, ilvl = self.styles.numbering(style_id)
        if ppr is not None:
            num = ppr.find(f"{W}numPr")
            if num is not None:
                nid = num.find(f"{W}numId")
                lvl = num.find(f"{W}ilvl")
                if nid is not None:
                    num_id = nid.get(_VAL)
                if lvl is not None:
                    ilvl = to_int(lvl.get(_VAL), 0)
        level = self.styles.heading_level(style_id)
        label = None
        if num_id not in (None, "0"):
            label = self.numbering.label(str(num_id), ilvl or 0)
        if label and not text.startswith(label):
            text = f"{label} {text}"
        style = self.styles.name(style_id)
        all_bold = para.chars > 0 and para.bold_chars >= para.chars
        kind = BlockKind.paragraph
        if level:
            kind = BlockKind.heading
        elif num_id not in (None, "0"):
            kind, level = BlockKind.list_item, ilvl or 0
        elif _list_style(style) or is_list_start(text):
            kind = BlockKind.list_item
        else:
            level = heading_text_level(text, bold=all_bold) if "\n" not in text else 0
            if level:
                kind = BlockKind.heading
        self.b.add_block(kind, text, page=None, locator=locator, level=level, style=style)
        self.placed.append((self.rendered, self.explicit, len(text)))

    def pages(self, total: int) -> list[Page]:
        """Pages as Word last laid the document out (its rendered page breaks), else as the
        hand-made page breaks give them; a document with neither is one page."""
        use_rendered = self.rendered > 0
        counts: dict[int, int] = {}
        for rendered, explicit, n in self.placed:
            index = rendered if use_rendered else explicit
            counts[index] = counts.get(index, 0) + n
        last = max((self.rendered if use_rendered else self.explicit), max(counts, default=0))
        note = ("pages as Word last laid them out" if use_rendered
                else "DOCX without a saved layout: pages from its page breaks")
        pages = [Page(number=i + 1, method=PageMethod.text, chars=counts.get(i, 0), note=note)
                 for i in range(last + 1)]
        placed = sum(counts.values())
        if placed < total:  # headers, footers and notes count on the first page
            first = pages[0]
            pages[0] = Page(number=1, method=first.method, chars=first.chars + total - placed,
                            note=first.note)
        return pages

    def notes(self, root: Any, kind: str) -> None:
        """Footnotes or endnotes, after the body: a paragraph block per note."""
        for note in root.iterchildren(f"{W}{kind}"):
            if note.get(f"{W}type") in ("separator", "continuationSeparator",
                                        "continuationNotice"):
                continue
            texts: list[str] = []
            self._block_texts(note, False, texts)
            text = " ".join(texts)
            if text:
                self.b.add_block(BlockKind.paragraph, text, page=None,
                                 locator=f"{kind} {note.get(f'{W}id', '?')}")

    def _cells(self, tr: Any) -> Iterable[Any]:
        for child in tr:
            if child.tag == f"{W}tc":
                yield child
            elif child.tag in (f"{W}sdt", f"{W}customXml"):
                content = _content(child)
                if content is not None:
                    yield from self._cells(content)

    def _rows(self, tbl: Any) -> Iterable[Any]:
        for child in tbl:
            if child.tag == f"{W}tr":
                trpr = child.find(f"{W}trPr")
                if trpr is not None and trpr.find(f"{W}del") is not None:
                    self.tracked = True
                    continue
                yield child
            elif child.tag in (f"{W}sdt", f"{W}customXml"):
                content = _content(child)
                if content is not None:
                    yield from self._rows(content)

    def _cell_text(self, tc: Any) -> str:
        tcpr = tc.find(f"{W}tcPr")
        shaded = False
        if tcpr is not None:
            shd = tcpr.find(f"{W}shd")
            shaded = shd is not None and shd.get(f"{W}fill", "auto").lower() not in (
                "auto", "ffffff")
        texts: list[str] = []
        self._block_texts(tc, shaded, texts)
        return " ".join(texts).replace("\t", " ").replace("\n", " ")

    def _block_texts(self, parent: Any, shaded: bool, out: list[str]) -> None:
        """Texts of the paragraphs in a cell, nested tables and text boxes included."""
        self.depth += 1
        try:
            if self.depth > 60:
                raise Corrupt("the document nests tables too deeply to read")
            for child in parent:
                tag = child.tag
                if tag == f"{W}p":
                    para, _ = self._para_text(child, shaded)
                    t = _clean(para.text)
                    if t:
                        out.append(t)
                    for box in para.textboxes:
                        self._block_texts(box, shaded, out)
                elif tag == f"{W}tbl":
                    for tr in self._rows(child):
                        for tc in self._cells(tr):
                            self._block_texts(tc, shaded, out)
                elif tag in (f"{W}sdt", f"{W}customXml", f"{W}ins", f"{W}moveTo"):
                    content = _content(child)
                    if content is not None:
                        self._block_texts(content, shaded, out)
        finally:
            self.depth -= 1

    def _layout_table(self, tbl: Any) -> bool:
        """Read a table used for layout (one row of side-by-side blocks: signature blocks,
        two parties' addresses) as blocks, cell after cell; False when it is a real table."""
        rows = list(self._rows(tbl))
        if len(rows) != 1:
            return False
        cells = list(self._cells(rows[0]))
        if len(cells) < 2 or max(len(tc.findall(f"{W}p")) for tc in cells) < 3 \
                or any(tc.find(f"{W}tbl") is not None for tc in cells):
            return False
        self.tables += 1
        for c, tc in enumerate(cells):
            where = f"table {self.tables} row 1 cell {c + 1}"
            for child in tc:
                if child.tag == f"{W}p":
                    self.paragraph(child, None, where)
                elif child.tag in (f"{W}sdt", f"{W}customXml"):
                    content = _content(child)
                    for p in content.iter(f"{W}p") if content is not None else ():
                        self.paragraph(p, None, where)
        return True

    def table(self, tbl: Any) -> None:
        if self._layout_table(tbl):
            return
        self.tables += 1
        t = len(self.b.tables)
        rows: list[list[int]] = []
        header_rows = 0
        counting_header = True
        texts: list[list[str]] = []
        for tr in self._rows(tbl):
            cells = [self._cell_text(tc) for tc in self._cells(tr)]
            if not cells:
                continue
            trpr = tr.find(f"{W}trPr")
            if counting_header and trpr is not None and on(trpr.find(f"{W}tblHeader")):
                header_rows += 1
            else:
                counting_header = False
            texts.append(cells)
        for r, cells in enumerate(texts):
            ids: list[int] = []
            for c, cell in enumerate(cells):
                sep = "\t" if c else ("\n" if r else "\n\n")
                ids.append(self.b.add_block(
                    BlockKind.table_cell, cell, page=None, separator=sep, table=t, row=r, col=c,
                    locator=f"table {self.tables} row {r + 1} cell {c + 1}"))
                self.placed.append((self.rendered, self.explicit, len(cell)))
            rows.append(ids)
        if not rows:
            return
        if header_rows == 0 and len(texts) > 1 and all(x.strip() for x in texts[0]) and not any(
                ch.isdigit() for x in texts[0] for ch in x):
            header_rows = 1
        self.b.add_table([1], rows, header_rows=header_rows)

    def flat_table(self, tbl: Any, kind: BlockKind) -> None:
        """A table in a header or footer (letterheads) read as one line per row."""
        for tr in self._rows(tbl):
            line = " ".join(x for x in (self._cell_text(tc) for tc in self._cells(tr)) if x)
            if line:
                self.b.add_block(kind, line, page=None, locator=kind.value, repeated=True)


def _content(el: Any) -> Any | None:
    """What to read inside a block or run container: a content control's content, unless it
    still shows its placeholder ("Click or tap here to enter text."), or the element itself."""
    if el.tag != f"{W}sdt":
        return el
    pr = el.find(f"{W}sdtPr")
    if pr is not None and on(pr.find(f"{W}showingPlcHdr")):
        return None
    return el.find(f"{W}sdtContent")


def _list_style(style: str | None) -> bool:
    low = (style or "").lower()
    return "list" in low and not low.startswith(("list table", "table"))


def _hidden_run(rpr: Any, shaded: bool, styles: Styles) -> bool:
    if on(rpr.find(f"{W}vanish")) or on(rpr.find(f"{W}specVanish")):
        return True
    rs = rpr.find(f"{W}rStyle")
    if rs is not None and any(st.hidden for st in styles.chain(rs.get(_VAL))):
        return True
    sz = rpr.find(f"{W}sz")
    if sz is not None and to_int(sz.get(_VAL), 24) < 2:
        return True
    color = rpr.find(f"{W}color")
    if color is not None and color.get(_VAL, "").lower() == "ffffff" and not shaded:
        hl = rpr.find(f"{W}highlight")
        shd = rpr.find(f"{W}shd")
        lit = (hl is not None and hl.get(_VAL, "none") not in ("none", "white")) or (
            shd is not None and shd.get(f"{W}fill", "auto").lower() not in ("auto", "ffffff"))
        return not lit
    return False


def _clean(text: str) -> str:
    text = text.replace("\x00", "").replace("\r", "")
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = re.sub(r"[ \u00a0]{2,}", " ", text).strip()
    return _PUA_BULLETS.sub("•", text)


_REVISIONS = tuple(f"{W}{t}" for t in ("ins", "del", "moveFrom", "moveTo", "rPrChange",
                                        "pPrChange", "sectPrChange", "tblPrChange",
                                        "trPrChange", "tcPrChange", "numberingChange"))


def _has_revisions(body: Any) -> bool:
    """Any unaccepted revision, formatting changes included (one pass in lxml)."""
    return next(iter(body.iter(*_REVISIONS)), None) is not None


# Wingdings check boxes and marks, as Word inserts them (w:sym, font "Wingdings").
_WINGDINGS = {0xA8: "\u2610", 0x6F: "\u2610", 0x71: "\u2610", 0x78: "\u2612",
              0xFD: "\u2612", 0xFE: "\u2611", 0xFC: "\u2713", 0xFB: "\u2717", 0x9F: "\u2022",
              0xA7: "\u25aa", 0xD8: "\u27a2"}


def _symbol(sym: Any) -> str:
    """The character of a ``w:sym`` (check boxes in bid forms), or nothing when unknown."""
    code = _hex(sym.get(f"{W}char"))
    font = (sym.get(f"{W}font") or "").lower()
    if code < 0:
        return ""
    if font == "wingdings":
        return _WINGDINGS.get(code & 0xFF, "")
    if font == "symbol" and (code & 0xFF) == 0xB7:
        return "\u2022"
    if 0xF000 <= code <= 0xF8FF:
        return ""
    return chr(code) if 0x20 <= code < 0x110000 else ""


def _hex(value: str | None) -> int:
    try:
        return int(value, 16) if value else -1
    except ValueError:
        return -1


def _notes(doc: Any) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    rels = getattr(doc.part, "rels", {})
    for rel in list(rels.values()):
        kind = str(getattr(rel, "reltype", "")).rsplit("/", 1)[-1]
        if kind in ("footnotes", "endnotes") and not getattr(rel, "is_external", False):
            element = getattr(rel.target_part, "element", None)
            if element is None:
                blob = getattr(rel.target_part, "blob", None)
                element = _parse_part(blob) if blob else None
            if element is not None:
                out.append((kind[:-1], element))
    return out


def _parse_part(blob: bytes) -> Any | None:
    """Parse a part python-docx keeps as bytes, with its parser (entities never resolved)."""
    from docx.oxml.parser import parse_xml

    try:
        return parse_xml(blob)
    except (SyntaxError, ValueError):  # lxml's XMLSyntaxError is a SyntaxError
        return None


def _related(document_part: Any, rid: str | None) -> Any | None:
    if not rid:
        return None
    part = document_part.related_parts.get(rid) if hasattr(document_part, "related_parts") \
        else None
    return getattr(part, "element", None) if part is not None else None


def _header_footer_roots(doc: Any, which: str) -> list[Any]:
    roots: list[Any] = []
    seen: set[str] = set()
    for sect in doc.element.body.iter(f"{W}sectPr"):
        for ref in sect.iterchildren(f"{W}{which}Reference"):
            rid = ref.get(R_ID)
            if rid in seen or rid is None:
                continue
            seen.add(rid)
            root = _related(doc.part, rid)
            if root is not None:
                roots.append(root)
    return roots


def read_docx(gated: Gated, settings: Settings) -> Document:
    """Read a gated DOCX into a Document."""
    name = gated.file_name
    check_zip(gated.data, settings, name)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        doc = docx.Document(io.BytesIO(gated.data))
    except PackageNotFoundError:
        raise Corrupt("the file is not a Word document package", path=name) from None
    except KeyError as exc:
        raise Corrupt(f"the document lacks a required part ({exc})", path=name) from None
    styles_root = None
    try:
        styles_root = doc.styles.element
    except (AttributeError, KeyError, NotImplementedError):
        styles_root = None
    numbering_root = None
    try:
        numbering_root = doc.part.numbering_part.element
    except (AttributeError, KeyError, NotImplementedError):
        numbering_root = None
    builder = DocumentBuilder(sha256=gated.sha256, file_name=name, media_type=gated.media_type,
                              reader="docx/python-docx")
    walker = _Walker(builder, load_styles(styles_root), Numbering.from_element(numbering_root),
                     settings)
    for root in _header_footer_roots(doc, "header"):
        walker.walk(root, BlockKind.header)
    walker.walk(doc.element.body)
    for kind, root in _notes(doc):
        walker.notes(root, kind)
    for root in _header_footer_roots(doc, "footer"):
        walker.walk(root, BlockKind.footer)
    chars = sum(len(b.text) for b in builder.blocks)
    if chars == 0:
        raise NoText("the Word document contains no text", path=name)
    for page in walker.pages(chars):
        builder.add_page(page)
    if walker.tracked or _has_revisions(doc.element.body):
        builder.has_tracked_changes = True
        builder.warnings.append("tracked_changes: the document has unaccepted tracked changes; "
                                "insertions were read, deletions ignored")
    if next(iter(doc.element.body.iter(f"{W}altChunk")), None) is not None:
        builder.warnings.append("embedded_content: the document embeds other documents "
                                "(altChunk) whose text was not read")
    if walker.hidden:
        builder.warnings.append(f"hidden_text: {walker.hidden} hidden characters (hidden, "
                                "white or microscopic runs) were ignored")
    return builder.build()
