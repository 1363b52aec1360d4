"""What every field extractor gets: the Document, its spaCy Doc, sections and evidence helpers.

``Context`` is built once per document. It decides the document's sections (which block belongs
under "Exclusions", "Payment Schedule", …) from headings the reader marked and from the
``SECTION`` rules, decides the day/month order once, and turns character spans into evidence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokens import Doc, Span

from extractors.nlp import RULE_SPANS
from extractors.normalize.dates import date_order_hint, decide_date_order
from extractors.normalize.money import detect_currency
from models.document import Block, BlockKind, Document
from models.handoff import Evidence
from models.settings import DateOrder, Settings

__all__ = ["Context", "Section"]

_NUMBERING = re.compile(
    r"^\s*(?:§{1,2}\s*)?((article|section|part|exhibit|schedule|appendix)\s+[\dIVXivx]+[.:]?|\d+(\.\d+)*[.)]?|"
    r"[A-Z][.)]|[ivxIVX]{1,4}[.)])\s*[-–—:]?\s*",
    re.I,
)
_MAX_HEADING_WORDS = 10
_HEADING_DETERMINER = re.compile(r"\s*(?:your|our|the)\s+(?=[A-Za-z])", re.I)


@dataclass(frozen=True, slots=True)
class Section:
    """A run of blocks under one heading; ``label`` is the SECTION rule id or "other"."""

    label: str
    heading: str
    heading_block: int | None
    first_block: int
    last_block: int
    start: int
    end: int


@dataclass
class Context:
    document: Document
    doc: Doc
    settings: Settings
    block_sections: list[int] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    inline_heading_end: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._segment()

    # --- spans ------------------------------------------------------------------------------
    @cached_property
    def rule_spans(self) -> list[Span]:
        spans = self.doc.spans.get(RULE_SPANS, [])
        return sorted(spans, key=lambda s: (s.start_char, -s.end_char))

    @cached_property
    def _rule_index(self) -> dict[str, tuple[list[int], list[int], list[str], list[Span]]]:
        """Per label (CUE, SECTION): starts, ends, ids and spans sorted by start, for bisect.

        spaCy's Span attributes are costly to read; extractors ask for cues near every value,
        so they are read once here and searched by offset."""
        index: dict[str, tuple[list[int], list[int], list[str], list[Span]]] = {}
        for span in self.rule_spans:
            starts, ends, ids, spans = index.setdefault(span.label_, ([], [], [], []))
            starts.append(span.start_char)
            ends.append(span.end_char)
            ids.append(span.id_)
            spans.append(span)
        return index

    @cached_property
    def _ents_by_label(self) -> dict[str, list[Span]]:
        out: dict[str, list[Span]] = {}
        for ent in self.doc.ents:
            out.setdefault(ent.label_, []).append(ent)
        return out

    def cues(self, label: str | None = None) -> list[Span]:
        _starts, _ends, ids, spans = self._rule_index.get("CUE", ([], [], [], []))
        return [s for s, i in zip(spans, ids, strict=True) if label is None or i == label]

    def ents(self, label: str) -> list[Span]:
        """Entities of one label in document order (the list is shared: do not modify it)."""
        return self._ents_by_label.get(label, [])

    def ent_starts(self, label: str) -> list[int]:
        """Start offsets of the entities of one label, for bisect (cached)."""
        cache = self.__dict__.setdefault("_ent_starts", {})
        if label not in cache:
            cache[label] = [e.start_char for e in self.ents(label)]
        return cache[label]  # type: ignore[no-any-return]

    def _hits(self, label: str, start: int, end: int, ids_wanted: tuple[str, ...],
              whole: bool) -> list[Span]:
        starts, ends, ids, spans = self._rule_index.get(label, ([], [], [], []))
        out: list[Span] = []
        i = bisect.bisect_left(starts, start)
        while i < len(starts) and starts[i] < end:
            if (not whole or ends[i] <= end) and (not ids_wanted or ids[i] in ids_wanted):
                out.append(spans[i])
            i += 1
        return out

    @cached_property
    def sentence_bounds(self) -> tuple[list[int], list[int]]:
        """Start and end offsets of every sentence (segment), in order, read once."""
        if len(self.doc) == 0:
            return [], []
        # From the token arrays: iterating doc.sents builds a Span per sentence.
        idx, length, sent_start = self.doc.to_array([IDX, LENGTH, SENT_START]).T.tolist()
        firsts = [i for i, flag in enumerate(sent_start) if flag == 1 or i == 0]
        lasts = [i - 1 for i in firsts[1:]] + [len(idx) - 1]
        return ([idx[i] for i in firsts], [idx[i] + length[i] for i in lasts])

    def sentences_matching(self, pattern: re.Pattern[str]) -> list[int]:
        """Indexes of the sentences in which ``pattern`` matches (within the sentence).

        One scan of the text instead of a search per sentence: only sentences a match of the
        whole text touches are searched again within their own bounds."""
        starts, ends = self.sentence_bounds
        text = self.document.text
        found: list[int] = []
        last = -1
        for m in pattern.finditer(text):
            first = max(0, bisect.bisect_right(starts, m.start()) - 1)
            for n in range(max(first, last + 1), len(starts)):
                if starts[n] >= max(m.end(), m.start() + 1):
                    break
                if pattern.search(text, starts[n], ends[n]):
                    found.append(n)
                last = n
        return found

    def sentence(self, start: int, end: int | None = None) -> Span:
        """The sentence (segment) holding the character span (the first one it touches).

        Found by bisecting the sentence offsets: ``Token.sent`` walks the tokens to both ends
        of its sentence on every call."""
        starts, ends = self.sentence_bounds
        if not starts:
            return self.doc[0:0]
        # A space after a sentence belongs to it, as with "expand" alignment.
        i = max(0, bisect.bisect_right(starts, start) - 1)
        span = self.doc.char_span(starts[i], ends[i])
        return span if span is not None else self._sentence_by_tokens(start, end)

    def _sentence_by_tokens(self, start: int, end: int | None = None) -> Span:
        span = self.doc.char_span(start, end or start + 1, alignment_mode="expand")
        if span is None or len(span) == 0:
            token = self.doc[min(len(self.doc) - 1, max(0, self._token_at(start)))]
            return token.sent
        return span[0].sent

    def _token_at(self, offset: int) -> int:
        lo, hi = 0, len(self.doc) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.doc[mid].idx <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def window(self, start: int, end: int | None = None) -> tuple[int, int]:
        """The context a value is read in: its table row, or else its sentence."""
        block = self.document.block_at(start)
        if block is not None and block.table is not None and block.row is not None:
            table = self.document.tables[block.table]
            for row in table.rows:
                cells = [self.document.blocks[i] for i in row]
                if cells and cells[0].row == block.row and any(c.start == block.start for c in cells):
                    return cells[0].start, cells[-1].end
        sent = self.sentence(start, end)
        return sent.start_char, sent.end_char

    def row_cells(self, offset: int) -> list[Block]:
        """The cells of the table row holding ``offset`` ([] outside tables)."""
        block = self.document.block_at(offset)
        if block is None or block.table is None:
            return []
        for row in self.document.tables[block.table].rows:
            cells = [self.document.blocks[i] for i in row]
            if any(c.start == block.start for c in cells):
                return cells
        return []

    def cues_in(self, start: int, end: int, *labels: str) -> list[Span]:
        """CUE spans lying wholly inside ``[start, end)``, optionally of the given ids."""
        return self._hits("CUE", start, end, labels, whole=True)

    # --- blocks & sections ------------------------------------------------------------------
    def block_of(self, offset: int) -> Block | None:
        return self.document.block_at(offset)

    def section_at(self, offset: int) -> Section | None:
        index = self.document.block_index_at(offset)
        if index is None:
            return None
        s = self.block_sections[index]
        return self.sections[s] if s >= 0 else None

    def section_label_at(self, offset: int) -> str | None:
        section = self.section_at(offset)
        return section.label if section else None

    def sections_labelled(self, *labels: str) -> Iterator[Section]:
        return (s for s in self.sections if s.label in labels)

    def blocks_of(self, section: Section) -> Iterator[tuple[int, Block]]:
        """The blocks under a section (its heading block excluded), in reading order."""
        index = self.sections.index(section)
        for i in range(section.first_block, section.last_block + 1):
            if i != section.heading_block and self.block_sections[i] == index:
                yield i, self.document.blocks[i]

    @cached_property
    def _last_of_run(self) -> list[int]:
        """For each block, the last block of the run it continues into (itself if none).

        The PDF reader joins a paragraph cut by a page break to its rest with one space
        instead of a block break (``readers.assemble``); both halves stay blocks of their
        own pages, so evidence keeps one box per page."""
        blocks = self.document.blocks
        last = list(range(len(blocks)))
        for i in range(len(blocks) - 2, -1, -1):
            if self.continues(i + 1):
                last[i] = last[i + 1]
        return last

    def continues(self, block_index: int) -> bool:
        """Whether the block is the rest of the one before it (joined across a page break)."""
        if block_index <= 0:
            return False
        prev, block = self.document.blocks[block_index - 1], self.document.blocks[block_index]
        return block.start == prev.end + 1 and self.document.text[prev.end] == " "

    def run_end(self, block_index: int) -> int:
        """End offset of the block with everything that continues it on later pages."""
        return self.document.blocks[self._last_of_run[block_index]].end

    def content_start(self, block_index: int) -> int:
        """Where a block's content begins (after an inline heading such as 'Exclusions:')."""
        block = self.document.blocks[block_index]
        return self.inline_heading_end.get(block_index, block.start)

    @cached_property
    def date_order(self) -> DateOrder:
        texts = [e.text for e in self.ents("DATE")]
        currencies = {c for c in (detect_currency(e.text) for e in self.ents("MONEY")) if c}
        hint = date_order_hint(texts, currencies)
        return decide_date_order(texts, hint or self.settings.date_order)

    # --- evidence ---------------------------------------------------------------------------
    def evidence(self, start: int, end: int) -> list[Evidence]:
        return [
            Evidence(page=s.page, bbox=list(s.bbox) if s.bbox else None, start=s.start, end=s.end,
                     snippet=s.snippet[:300], locator=s.locator)
            for s in self.document.locate(start, end)
        ]

    def block_confidence(self, offset: int) -> float:
        block = self.block_of(offset)
        return block.confidence if block else 1.0

    # --- segmentation -----------------------------------------------------------------------
    def heading_label(self, block: Block) -> tuple[str, int] | None:
        """(label, end offset of the heading text) when the block starts with a section heading."""
        text = block.text
        numbering = _NUMBERING.match(text)
        lead = numbering.end() if numbering else 0
        body = text[lead:].strip()
        if not body:
            return None
        # "Your Investment", "Our Exclusions": a possessive before the heading word.
        det = _HEADING_DETERMINER.match(text, lead)
        reach = (det.end() - det.start()) if det else 0
        best: Span | None = None
        for span in self._section_spans_in(block.start, block.end):
            if span.start_char - block.start > lead + 1 + reach:
                continue
            if best is None or len(span.text) > len(best.text):
                best = span
        if best is None:
            return None
        after = text[best.end_char - block.start:]
        stripped_after = after.strip()
        words = len(body.split())
        # An unnumbered run-in title is short and its period is followed by the clause itself
        # ("Exclusions. Excludes moving furniture …", "Warranty. Two-year warranty …").
        bare_run_in = (numbering is None and len(best.text.split()) <= 4
                       and re.match(r"\.\s+[A-Z0-9(\"“‘']", after) is not None)
        run_in = (stripped_after[:1] == "." and (numbering is not None or bare_run_in)
                  and best.start_char - block.start <= lead + 1 + reach and best.text[:1].isupper())
        if run_in:  # "3. Scope. Subcontractor shall furnish …": a run-in heading
            rest = after[1:]
            return best.id_, best.end_char + 1 + (len(rest) - len(rest.lstrip()))
        if stripped_after[:1] in {":", "-", "–", "—"} or stripped_after == "":
            return best.id_, best.end_char + (len(after) - len(after.lstrip())) + (
                1 if stripped_after[:1] in {":", "-", "–", "—"} else 0)
        is_headingish = block.kind is BlockKind.heading or (
            words <= _MAX_HEADING_WORDS and not body.rstrip().endswith((".", ",", ";"))
            and (body.isupper() or body.istitle())
        )
        if is_headingish:
            return best.id_, block.end
        return None

    def _section_spans_in(self, start: int, end: int) -> list[Span]:
        return self._hits("SECTION", start, end, (), whole=False)

    def _segment(self) -> None:
        """Assign every block to a section. An inline heading ("Exclusions: paint, permits.")
        covers its own block only; the section in force before it resumes after it."""
        blocks = self.document.blocks
        current = -1
        for i, block in enumerate(blocks):
            found = None
            if block.kind not in (BlockKind.table_cell, BlockKind.header, BlockKind.footer):
                found = self.heading_label(block)
            elif block.kind is BlockKind.table_cell and block.col == 0:
                found = self._row_heading(i, block)
            if found is None and block.kind == BlockKind.heading and not block.repeated:
                found = ("other", block.end)
            if found is None:
                self.block_sections.append(current)
                continue
            label, heading_end = found
            whole = heading_end >= block.end - 1
            self.sections.append(Section(label, block.text.strip()[:120], i if whole else None,
                                         i, i, block.start, block.end))
            self.block_sections.append(len(self.sections) - 1)
            if whole:
                current = len(self.sections) - 1
            else:
                self.inline_heading_end[i] = heading_end
        last_of: dict[int, int] = {}
        for i, s in enumerate(self.block_sections):
            if s >= 0:
                last_of[s] = i
        for s_index, last in last_of.items():
            self._close(s_index, last)

    def _row_heading(self, index: int, block: Block) -> tuple[str, int] | None:
        """A table row holding only a heading-like first cell (e.g. "EXCLUSIONS") opens a section."""
        if block.table is None:
            return None
        table = self.document.tables[block.table]
        row = next((r for r in table.rows if r and r[0] == index), None)
        if row is None:
            return None
        others = [self.document.blocks[j].text.strip() for j in row[1:]]
        if any(others):
            return None
        found = self.heading_label(block)
        return found

    def _close(self, section_index: int, last_block: int) -> None:
        s = self.sections[section_index]
        last = max(last_block, s.first_block)
        end_block = self.document.blocks[last]
        self.sections[section_index] = Section(s.label, s.heading, s.heading_block, s.first_block,
                                               last, s.start, end_block.end)
