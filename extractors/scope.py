"""Scope: what is included, what is NOT, the assumptions, and what the owner must provide.

Items come from the sections the Context found (``scope``, ``exclusions``, ``assumptions``,
``owner_responsibilities``), split from bullets, numbering, table rows or prose: one item per
list entry or row; a paragraph gives one item per sentence, and a sentence that is a list
("Exclusions: painting, permits, and dumpster fees.") gives one item per entry. Outside those
sections a sentence that says so in its own words ("This proposal does not include …",
"… by others") still yields exclusions. Price tables count only when they sit under a scope
heading; boilerplate terms never do (their sections are not scope sections).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from extractors.context import Context, Section
from extractors.lines import BULLET, clean_item, is_amendment
from extractors.normalize.money import parse_number
from extractors.party_text import defines_subcontractor
from extractors.scope_text import (
    VERBS,
    final,
    list_entries,
    quantity_of,
    split_list,
    split_sentences,
    verb_parts,
)
from models.document import Block, BlockKind
from models.handoff import Scope, ScopeItem

__all__ = ["extract_scope", "split_list", "split_sentences"]

_GROUP_OF = {
    "scope": "inclusions",
    "exclusions": "exclusions",
    "assumptions": "assumptions",
    "owner_responsibilities": "owner_responsibilities",
}
# Sections where prose may still state exclusions in passing.
_PROSE_SECTIONS = {None, "other", "scope", "parties", "price", "line_items"}

_EXCLUSION_CUE = re.compile(
    r"\b(not\s+included|excluded|exclud(?:es|ing)|by\s+others|not\s+part\s+of\s+(?:this|the|our)"
    r"|not\s+in\s+contract|does\s+not\s+(?:include|cover)|do\s+not\s+(?:include|cover)"
    r"|not\s+covered|is\s+not\s+included"
    r"|are\s+not\s+included|shall\s+not\s+include|will\s+not\s+include|NIC)\b",
    re.I,
)
_OWNER_CUE = re.compile(
    r"^(?:the\s+)?(owner|client|customer|homeowner|tenant|city|buyer)(?:'s|’s)?\s+"
    r"(?:to|shall|will|must|is\s+responsible|responsible|agrees\s+to)\b"
    r"|\b(?:provided|furnished|supplied|obtained|paid)\s+(?:for\s+)?by\s+(?:the\s+)?"
    r"(?:owner|client|customer|homeowner|tenant)\b",
    re.I,
)
_PROSE_EXCLUSION = re.compile(
    r"(?:(?:this\s+|the\s+|our\s+)?(?:proposal|quote|quotation|estimate|bid|price|pricing|scope|"
    r"contract|agreement|work|services?|subcontract)\s+(?:does|do|shall|will)\s+not\s+(?:include|cover)"
    r"|(?:proposal|quote|price|pricing|bid|estimate|scope)\s+excludes?"
    r"|we\s+(?:do\s+not|don't)\s+include"
    r"|not\s+included\s+(?:in|are|is)\b[^:]*?:"
    r"|excluded\s+from\s+(?:this|the|our)\s+\w+\s*(?:are|is)?:?"
    r"|(?:not\s+incl(?:uded|\.)?|excl(?:udes|usions|\.)?|n\.i\.c\.?)\s*:)\s*"
    r"(?:the\s+following\s*:?)?\s*",
    re.I,
)
_LEAD_IN = re.compile(
    r"(:\s*$)|^(the\s+following|this\s+(proposal|quote|scope|estimate|bid)\s+(includes|excludes|"
    r"covers|is\s+based)|we\s+(propose|will\s+provide|are\s+pleased)|included\s+(in|are)|"
    r"excluded\s+(from|are))\b.*:\s*$",
    re.I,
)
_TOTAL_ROW = re.compile(
    r"^\s*(sub\s*-?total|total|grand\s+total|tax|sales\s+tax|vat|gst|hst|amount\s+due|balance)\b|"
    r"\bsub\s*-?total\s*:?\s*$|\btotal\s+(?:bid|price|sum|amount|cost)\s*:?\s*$|^\s*less\b|\bdiscount\s*(?:\(\s*\d+(?:\.\d+)?\s*%\s*\))?\s*$",
    re.I,
)  # "Kitchen subtotal", "Less: preferred-client discount (5%)" are price lines, not work
_MONEYISH = re.compile(r"\d[\d,]*(?:\.\d{2})?\s*\)?\s*$")
_HEADER_WORDS = {
    "item", "items", "description", "qty", "quantity", "unit", "units", "uom", "amount", "price",
    "total", "cost", "scope", "task", "tasks", "no", "no.", "#", "rate", "unit price", "ext",
    "extended", "line", "service", "services", "deliverable", "deliverables", "notes", "phase",
    "location", "area", "exclusion", "exclusions", "inclusion", "inclusions", "work", "trade",
    "responsibility", "by", "included", "excluded", "unit cost", "line total", "each", "hours",
}
_DESCRIPTION_HEADERS = ("description", "scope", "task", "service", "deliverable", "work",
                        "exclusion", "inclusion", "item")
_QTY_HEADERS = ("qty", "quantity", "count", "no. of", "hours")
_UNIT_HEADERS = ("unit", "uom", "u/m")

@dataclass(frozen=True, slots=True)
class _Piece:
    text: str
    start: int
    end: int
    method: str
    confidence: float
    quantity: Decimal | None = None
    unit: str | None = None
    group: str | None = None  # set when the piece's own column says which list it is in


def extract_scope(ctx: Context) -> Scope:
    """All scope items of the document, grouped, each with its section and evidence."""
    groups: dict[str, list[ScopeItem]] = {g: [] for g in set(_GROUP_OF.values())}
    seen: set[tuple[str, str]] = set()
    covered: list[tuple[int, int]] = []

    def add(group: str, piece: _Piece, heading: str | None) -> None:
        text = final(piece.text)
        if text != piece.text:
            end = piece.end - 1 if ctx.document.text[piece.end - 1:piece.end] == "." else piece.end
            piece = _Piece(text, piece.start, end, piece.method, piece.confidence,
                           piece.quantity, piece.unit)
        key = (group, piece.text.lower())
        if key in seen or not _worth_keeping(piece.text):
            return
        seen.add(key)
        quantity, unit = piece.quantity, piece.unit
        if quantity is None:
            quantity, unit = quantity_of(piece.text)
        groups[group].append(ScopeItem(
            text=piece.text, section=heading, quantity=quantity, unit=unit,
            confidence=round(piece.confidence * ctx.block_confidence(piece.start), 3),
            method=piece.method, evidence=ctx.evidence(piece.start, piece.end),
        ))

    for section, label, parent_heading in _scope_sections(ctx):
        base = _GROUP_OF[label]
        heading = _heading_text(ctx, section)
        covered.append((section.start, section.end))
        things = base in ("exclusions", "owner_responsibilities")
        for piece in _section_pieces(ctx, section, parent_heading, things=things):
            add(piece.group or _reroute(base, piece.text), piece, heading)

    for piece in _prose_exclusions(ctx, covered):
        add(_reroute("exclusions", piece.text), piece, None)
    for piece in _prose_owner_duties(ctx, covered):
        add("owner_responsibilities", piece, None)
    if not groups["inclusions"] and is_amendment(ctx.document.text):
        # A change order's work is the changes it prices ("Item | Description | Amount").
        for index, table in enumerate(ctx.document.tables):
            rows = ctx.document.table_cells(table)
            if rows and any(re.search(r"\bdescription\b", c.text, re.I) for c in rows[0]) and not any(
                    a <= rows[0][0].start < b for a, b in covered):
                for piece in _table_pieces(ctx, index):
                    if re.match(r"^\s*net\s+(?:change|increase|decrease)\b", piece.text, re.I):
                        continue
                    # Work the change deletes is no longer in the contract: an exclusion now.
                    group = "exclusions" if _DELETED.search(piece.text) else "inclusions"
                    add(_reroute(group, piece.text), piece, "Changes in the Work")
    if not groups["inclusions"]:
        for piece, heading in _unlabelled_lists(ctx, covered):
            add(_reroute("inclusions", piece.text), piece, heading)
    if not groups["inclusions"]:
        for piece in _prose_inclusions(ctx, covered):
            add("inclusions", piece, None)
    return Scope(inclusions=groups["inclusions"], exclusions=groups["exclusions"],
                 assumptions=groups["assumptions"],
                 owner_responsibilities=groups["owner_responsibilities"])


# --- sections -------------------------------------------------------------------------------
_HEADING_GROUP = (
    (re.compile(r"\b(exclu\w*|not\s+included|out\s+of\s+scope|not\s+in\s+scope|"
                r"by\s+others|does\s+not\s+include|not\s+(?:a\s+)?part\s+of|not\s+covered)\b",
                re.I), "exclusions"),
    (re.compile(r"\b(owner|client|customer)('s|’s)?\s+(responsibilit\w*|obligations|"
                r"to\s+provide)\b|\bby\s+owner\b", re.I), "owner_responsibilities"),
    (re.compile(r"\b(assum\w*|clarif\w*|qualif\w*)\b", re.I), "assumptions"),
    (re.compile(r"\b(inclusions|included|includes|scope\s+of\s+(work|services))\b"
                r"|^(?:the\s+)?(?:[\w-]+\s+)?(?:work|services|scope)$", re.I), "scope"),
)


_BUYER_DUTIES_SUB = re.compile(r"\b(?:general\s+)?contractor(?:'s|’s)?\s+(?:responsibilit\w*|"
                               r"obligations|to\s+provide)\b", re.I)


def _scope_sections(ctx: Context) -> list[tuple[Section, str, str | None]]:
    """Scope-family sections, plus headed sub-sections that belong to one.

    A heading the rules did not label still belongs to scope when its own words say so
    ("Bidder's Exclusions", "Work Included Under This Contract"), when it is a lead-in ending
    in a colon right under a scope heading ("The following work is included:"), or when it is
    a deeper-level heading nested under one. The document's title ("STATEMENT OF WORK") is
    not a scope section when the body has scope sections of its own.
    """
    out: list[tuple[Section, str, str | None]] = []
    parent: tuple[Section, str, int] | None = None
    buyer_duties = _BUYER_DUTIES_SUB if defines_subcontractor(ctx.document.text) else None
    for section in ctx.sections:
        level = _heading_level(ctx, section)
        label: str | None = section.label if section.label in _GROUP_OF else None
        if section.heading_block is not None and buyer_duties is not None and \
                buyer_duties.search(section.heading):
            label = "owner_responsibilities"  # in a subcontract the "Contractor" is the buyer
        if label is None and section.label == "other" and section.heading_block is not None:
            heading = section.heading.strip()
            label = next((g for p, g in _HEADING_GROUP if p.search(heading)
                          and len(heading.split()) <= 8), None)
            nested = level > parent[2] > 0 and not _is_title(ctx, *parent[:2]) and not (
                0 < _depth(heading) <= _depth(parent[0].heading)) if parent else False
            if label is None and parent is not None and (
                    heading.endswith(":") or nested or _is_column_header(heading)
                    or _is_item_heading(heading, parent[0].heading)):
                out.append((section, parent[1], parent[0].heading))
                continue  # a continuation; the parent heading stays in force
        if label is not None:
            out.append((section, label, None))
            if section.heading_block is not None:
                parent = (section, label, level)
            continue
        if section.heading_block is None:
            continue  # an inline label elsewhere does not end the section in force
        parent = None
    if len(out) > 1 and _is_title(ctx, out[0][0], out[0][1]) and any(
            g == "scope" and sec.heading_block is not None for sec, g, _ in out[1:]):
        out = out[1:]
    return out


def _is_title(ctx: Context, section: Section, group: str) -> bool:
    """A scope-worded heading at the top of the document ("STATEMENT OF WORK") is its title:
    unnumbered, and what follows it is a preamble, not a list."""
    if group != "scope" or section.heading_block is None:
        return False
    first_heading = next((i for i, b in enumerate(ctx.document.blocks)
                          if b.kind is BlockKind.heading), None)
    if section.heading_block > 5 and section.heading_block != first_heading:
        return False
    if re.match(r"^\s*(\d|[A-Z][.)]|article|section)", section.heading, re.I):
        return False
    first = next((b for _, b in ctx.blocks_of(section)), None)
    return first is not None and first.kind is not BlockKind.list_item and not BULLET.match(
        first.text)


def _is_item_heading(heading: str, parent_heading: str) -> bool:
    """A list entry a reader took for a heading: it opens with a bullet the OCR misread
    ("¢ — Install …"), or it is numbered right under a lead-in ("Not included:" / "1. Signage")."""
    return not heading[:1].isalnum() or (parent_heading.rstrip().endswith(":")
                                         and bool(BULLET.match(heading)))


def _depth(heading: str) -> int:
    """How deep a heading's own numbering is: "3. Pricing" 1, "1.2 Exclusions" 2, none 0."""
    m = re.match(r"^\s*(\d+(?:[.,]\d+)*)[.,)]?\s", heading)
    return len(re.split(r"[.,]", m.group(1))) if m else 0


def _is_column_header(heading: str) -> bool:
    """A table's header row, or a table row, read as a heading ("Item Description",
    "| Install new drip edge |" from a scanned page whose ruling the OCR kept)."""
    return "|" in heading or _only_header_words(heading)


def _only_header_words(text: str) -> bool:
    words = [w for w in re.findall(r"[a-z#]+", text.lower()) if len(w) > 1]
    return bool(words) and len(words) <= 6 and all(
        w in _HEADER_WORDS or any(len(h) > 3 and h.endswith(w) and len(h) - len(w) == 1
                                  for h in _HEADER_WORDS) for w in words)


def _heading_level(ctx: Context, section: Section) -> int:
    if section.heading_block is None:
        return 0
    return ctx.document.blocks[section.heading_block].level


def _heading_text(ctx: Context, section: Section) -> str:
    if section.heading_block is not None:
        return clean_item(section.heading)
    end = ctx.inline_heading_end.get(section.first_block, section.start)
    return clean_item(ctx.document.text[section.start:end]).rstrip(":-–—. ").strip()


_OWNER_LEAD = re.compile(r"^(?:the\s+)?(?:owner|client|customer|homeowner|tenant|buyer)(?:'s|’s)?"
                         r"\s+(?:to|shall|will|must|is\s+to|agrees\s+to)\b", re.I)


def _reroute(group: str, text: str) -> str:
    """An inclusion that says "by others" is an exclusion; "Owner to provide" is the owner's,
    also when it stands in a list of exclusions."""
    if group == "exclusions" and _OWNER_LEAD.search(text):
        return "owner_responsibilities"
    if group != "inclusions":
        return group
    if _OWNER_CUE.search(text):
        return "owner_responsibilities"
    # "Traffic control (police details excluded)": the aside qualifies work that is included.
    if _EXCLUSION_CUE.search(re.sub(r"\([^()]*\)", "", text)):
        return "exclusions"
    return group


# --- pieces ---------------------------------------------------------------------------------
def _section_pieces(ctx: Context, section: Section, parent_heading: str | None = None,
                    *, things: bool = False) -> list[_Piece]:
    """The items of one section; ``things``: its list is of things, not tasks or conditions
    (exclusions, owner responsibilities), so a bare comma list splits."""
    pieces: list[_Piece] = []
    done_tables: set[int] = set()
    blocks = list(ctx.blocks_of(section))
    if section.heading_block is not None and ("|" in section.heading or (
            parent_heading is not None and _is_item_heading(section.heading, parent_heading))):
        # A table row of a scanned page taken for a heading: its text is an item.
        head = ctx.document.blocks[section.heading_block]
        text = clean_item(head.text)
        if text and not _only_header_words(text) and sum(c.isalpha() for c in text) > 8:
            offset = head.start + head.text.find(text[:8]) if text[:8] in head.text else head.start
            pieces.append(_Piece(text, offset, offset + len(text), "scope.table_row", 0.6))
    inline = section.heading_block is None
    for n, (index, block) in enumerate(blocks):
        if block.kind in (BlockKind.header, BlockKind.footer) or block.repeated \
                or ctx.continues(index):
            continue  # furniture, or the rest of a block cut by a page break (read with it)
        if _CLOSING.match(block.text):
            break  # the letter's closing or a signature block ends the list
        if block.table is not None:
            if block.table not in done_tables:
                done_tables.add(block.table)
                pieces += _table_pieces(ctx, block.table)
            continue
        start = ctx.content_start(index)
        text = ctx.document.text[start:ctx.run_end(index)]
        if inline and start > block.start:
            text = _inline_content(text)
        followed_by_list = n + 1 < len(blocks) and blocks[n + 1][1].kind in (
            BlockKind.list_item, BlockKind.table_cell)
        listy = inline and start > block.start
        pieces += _block_pieces(text, start, block, listy=listy,
                                lead_in_ok=not followed_by_list, things=things)
    return pieces


_CLOSING = re.compile(
    r"^\s*(?:respectfully|sincerely|regards|best\s+regards|kind\s+regards|yours\s+(?:truly|"
    r"faithfully|sincerely)|very\s+truly\s+yours|thank\s+you(?:\s+for)?|in\s+witness\s+whereof|"
    r"/s/|by\s*:\s*_|signature\s*:|accepted\s*(?:by)?\s*:|_{8,})",
    re.I,
)


_COMMENTARY = re.compile(r"^(?:such|these|those|this|it|they|any\s+such)\b.*\b(?:may|can|could|"
                         r"will|would|shall)\b", re.I)


def _inline_content(text: str) -> str:
    """After "Exclusions:" the list runs to the end of its line, plus any bulleted lines that
    follow; other lines of the block are prose the heading does not govern."""
    lines = text.split("\n")
    kept = [lines[0]]
    for line in lines[1:]:
        if not (BULLET.match(line) and line.strip()) and kept[0].strip():
            break
        kept.append(line)
    return "\n".join(kept)


def _block_pieces(text: str, start: int, block: Block, *, listy: bool,
                  lead_in_ok: bool, things: bool = False) -> list[_Piece]:
    """A list item is one item; a paragraph is split into bullet lines, sentences, list entries."""
    out: list[_Piece] = []
    for chunk, c_start, bulleted in _chunks(text, start):
        if chunk.count("|") >= 2:
            out += _ruled_pieces(chunk, c_start)  # a table row read as text ("a | b | c")
            continue
        if block.kind is BlockKind.list_item or bulleted or BULLET.match(chunk):
            if _is_lead_in(chunk):
                continue
            skip = _marker_end(chunk)
            lead = _exclusion_lead(chunk[skip:])
            if lead is not None:
                out += _excluded_entries(chunk, c_start, skip + lead)
                continue
            for sub, s, e, split in list_entries(chunk, c_start, force=False):
                out.append(_Piece(clean_item(sub), s, e, "scope.list_split" if split else
                                  "scope.list_item", 0.85 if split else 0.9))
            continue
        excluded_list = False
        for sent, s_start in split_sentences(chunk, c_start):
            if excluded_list and _NOTE_AFTER_LIST.search(sent) and not _EXCLUSION_CUE.search(sent) \
                    and not _OWNER_CUE.search(sent):
                continue  # "Excludes a, b and c. Homes built before 1978 are tested first."
            head, colon, tail = sent.partition(":")
            if colon and tail.strip() and len(head.split()) <= 14 and not re.search(
                    r"\d$", head):
                offset = s_start + len(head) + 1
                entries = list_entries(tail, offset, force=True)
                if len(entries) == 1 and _RUN_IN_TITLE.fullmatch(head.strip()):
                    # "Demolition: Remove existing cabinets …" is one item, title and all.
                    out.append(_Piece(clean_item(sent), s_start, s_start + len(sent),
                                      "scope.sentence", 0.75))
                    continue
                # "The following are excluded from this Subcontract: a; b; c" lists exclusions
                # wherever it stands.
                group = "exclusions" if _EXCLUSION_CUE.search(head) else None
                for sub, s, e, _ in entries:
                    out.append(_Piece(clean_item(sub), s, e, "scope.lead_in_list", 0.8, group=group))
                continue
            if _is_lead_in(sent):
                continue
            lead = _exclusion_lead(sent)
            if lead is not None:
                out += _excluded_entries(sent, s_start, lead)
                excluded_list = True
                continue
            if _COMMENTARY.match(sent) and not listy:
                continue  # "Such work may be added by amendment.": about the list, not in it
            parts = list_entries(sent, s_start, force=listy or (things and _is_bare_list(sent)))
            for sub, s, e, split in parts:
                method = "scope.inline_list" if split else "scope.sentence"
                out.append(_Piece(clean_item(sub), s, e, method, 0.8 if split else 0.75))
    return out


def _marker_end(text: str) -> int:
    """Where an item's text starts after its markers, several of them included ("§ 1.2 ")."""
    skip = 0
    while (marker := BULLET.match(text[skip:])) is not None and marker.end() > 0:
        skip += marker.end()
    return skip


# A sentence with a verb of its own after an "Excludes a, b and c." sentence is a note on it.
_NOTE_AFTER_LIST = re.compile(r"\b(is|are|was|were|will|shall|must|may|can|could|would|should)\b",
                              re.I)
_CLAUSE_WORDS = re.compile(r"\b(is|are|was|were|will|shall|must|may|can|be|been|to|we|our|us|you|your|"
                           r"it|they|this|that|which|who|if|unless|per|etc)\b", re.I)


def _is_bare_list(sentence: str) -> bool:
    """A sentence that is only a list of things, with no clause of its own: "Electrical and
    plumbing connections, removal of the existing kitchen, tiling.", "Furniture moving; baseboard
    paint."."""
    first = sentence.split(",", 1)[0].strip().lower()
    # Commas may also join the verbs of one task ("Furnish, install, and test the panel").
    return (sentence.count(",") >= 2 or ";" in sentence) and not _CLAUSE_WORDS.search(
        sentence) and not re.search(r"\d,\d", sentence) and first not in VERBS


_EXCLUDE_VERB = re.compile(r"(?:excludes|excluding|excluded\s+(?:are|is)|does\s+not\s+(?:include|cover)|"
                           r"not\s+included|not\s+covered)\s*:?\s+", re.I)


def _exclusion_lead(text: str) -> int | None:
    """Where the entries start after words that exclude them ("This proposal does not include",
    a bare "Excludes" after a run-in "Exclusions." title); None when the text does not open so."""
    lead = _PROSE_EXCLUSION.match(text) or _EXCLUDE_VERB.match(text)
    return lead.end() if lead is not None and lead.end() < len(text.rstrip(" .")) else None


def _excluded_entries(text: str, start: int, lead: int) -> list[_Piece]:
    """The entries after an excluding lead, one per list entry, all exclusions even under a
    scope heading ("• Does not include painting or permits" is not work included)."""
    return [_Piece(clean_item(sub), s, e, "scope.prose_list", 0.75, group="exclusions")
            for sub, s, e, _ in list_entries(text[lead:], start + lead, force=True)]


def _ruled_pieces(chunk: str, start: int) -> list[_Piece]:
    """Cells of a table that came through as text with its rulings ("1 | Install … | 2 | …"):
    one item per cell that reads as a phrase; numbers, header words and OCR specks dropped."""
    out: list[_Piece] = []
    pos = 0
    for cell in [*re.split(r"\|+", chunk)]:
        at = chunk.find(cell, pos)
        pos = at + len(cell)
        body = re.sub(r"^(?:[\W\d_]+|\b[a-zA-Z]{1,2}\b[,.]?\s)+", "", cell).strip(" \"'‘’“”")
        body = re.sub(r"\s+(?:\b[A-Za-z]{1,2}\b|[\W\d_]+)$", "", body).strip()
        if len(body.split()) < 2 or _only_header_words(re.sub(r"\d", "", body)):
            continue
        head = re.sub(r"^(?:item|no\.?|#)?\s*(?:description)?\s*\d*\s*", "", body, flags=re.I)
        body = head if head and head[0].isupper() else body
        s = start + at + max(0, cell.find(body[:10]))
        out.append(_Piece(body, s, s + len(body), "scope.table_row", 0.55))
    return out


def _chunks(text: str, start: int) -> list[tuple[str, int, bool]]:
    """Split a block's text at bulleted lines; continuation lines join the item above."""
    lines: list[tuple[str, int]] = []
    offset = start
    for raw in text.split("\n"):
        lines.append((raw, offset))
        offset += len(raw) + 1
    bulleted = [bool(BULLET.match(raw)) and bool(raw.strip()) for raw, _ in lines]
    if sum(bulleted) < 2 and not (len(lines) > 1 and all(
            bulleted[i] for i, (r, _) in enumerate(lines) if r.strip())):
        body = text.strip()
        if not body:
            return []
        lead = len(text) - len(text.lstrip())
        return [(body, start + lead, False)]
    out: list[tuple[str, int, bool]] = []
    for (raw, s), is_bullet in zip(lines, bulleted, strict=True):
        if not raw.strip():
            continue
        lead = len(raw) - len(raw.lstrip())
        if is_bullet or not out:
            out.append((raw.strip(), s + lead, is_bullet))
        else:
            prev, ps, pb = out[-1]
            out[-1] = (f"{prev} {raw.strip()}", ps, pb)
    return out


_RUN_IN_TITLE = re.compile(r"(?!(?:the|this|our|we|note|notes)\b)[A-Z][\w&/-]*"
                           r"(?:\s+(?:[A-Z&][\w&/-]*|and|of)){0,3}", re.I)


# A sentence that points at the list after it: "The work is priced item by item below."
_POINTS_FORWARD = re.compile(r"\b(?:below|as\s+follows|the\s+following)\s*[.:]?\s*$", re.I)


def _is_lead_in(text: str) -> bool:
    text = text.strip()
    return bool(_LEAD_IN.search(text) or (len(text) < 200 and _POINTS_FORWARD.search(text)))


def _table_pieces(ctx: Context, table_index: int) -> list[_Piece]:
    """One item per table row under a scope heading; totals and header rows skipped."""
    table = ctx.document.tables[table_index]
    rows = ctx.document.table_cells(table)
    matrix = _matrix_pieces(rows)
    if matrix is not None:
        return matrix
    desc_col, qty_col, unit_col = _columns(rows[0] if rows else [])
    header_rows = table.header_rows if desc_col is not None or _all_header(rows[:1]) else 0
    out: list[_Piece] = []
    priced = sum(1 for cells in rows if cells and _MONEYISH.search(cells[-1].text)) >= 2
    for r, cells in enumerate(rows):
        if r < header_rows or not cells:
            continue
        texts = [c.text.strip() for c in cells]
        if not any(texts) or _all_header([cells]):
            continue
        if priced and len(cells) > 1 and not texts[-1] and any(t.isupper() for t in texts[:-1]):
            continue  # "2.0 | KITCHEN | ": a group heading inside a priced table
        col = desc_col if desc_col is not None and desc_col < len(cells) else None
        if col is None or sum(ch.isalpha() for ch in texts[col]) < 3:
            col = _text_col(texts)
        if col is None:
            continue
        cell = cells[col]
        text = clean_item(cell.text)
        if not text or _TOTAL_ROW.search(text):
            continue
        quantity = unit = None
        if qty_col is not None and qty_col < len(cells):
            quantity = parse_number(cells[qty_col].text)
        if unit_col is not None and unit_col < len(cells):
            unit = cells[unit_col].text.strip() or None
        body, s, e = _span_of(cell.text, cell.start)
        out.append(_Piece(text, s, e, "scope.table_row", 0.85, quantity, unit))
    return out


def _matrix_pieces(rows: list[list[Block]]) -> list[_Piece] | None:
    """An "Included | Not Included" table: each column is its own list."""
    if len(rows) < 2:
        return None
    groups: dict[int, str] = {}
    for i, cell in enumerate(rows[0]):
        head = cell.text.strip()
        group = next((g for p, g in _HEADING_GROUP if p.search(head)), None)
        if group is not None and len(head.split()) <= 4:
            groups[i] = _GROUP_OF[group]
    if len(groups) < 2 or len(set(groups.values())) < 2:
        return None
    out: list[_Piece] = []
    for cells in rows[1:]:
        for i, group in groups.items():
            if i < len(cells) and cells[i].text.strip():
                body, s, e = _span_of(cells[i].text, cells[i].start)
                out.append(_Piece(clean_item(body), s, e, "scope.table_column", 0.8, group=group))
    return out


def _span_of(text: str, start: int) -> tuple[str, int, int]:
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    return body, start + lead, start + lead + len(body)


def _columns(header: list[Block]) -> tuple[int | None, int | None, int | None]:
    """Description, quantity and unit columns from the header row ("Item" ranks last)."""
    desc = qty = unit = None
    desc_rank = len(_DESCRIPTION_HEADERS)
    for i, cell in enumerate(header):
        h = cell.text.strip().lower().rstrip(":")
        rank = next((n for n, d in enumerate(_DESCRIPTION_HEADERS) if h.startswith(d)), None)
        if rank is not None:
            if rank < desc_rank:
                desc, desc_rank = i, rank
        elif qty is None and any(h.startswith(q) for q in _QTY_HEADERS):
            qty = i
        elif unit is None and any(h == u or h.startswith(u + " ") for u in _UNIT_HEADERS) \
                and "price" not in h and "cost" not in h:
            unit = i
    return desc, qty, unit


def _all_header(rows: list[list[Block]]) -> bool:
    if not rows or not rows[0]:
        return False
    texts = [c.text.strip().lower().rstrip(":") for c in rows[0] if c.text.strip()]
    return bool(texts) and all(t in _HEADER_WORDS for t in texts) and len(texts) > 1


def _text_col(texts: list[str]) -> int | None:
    """The cell that reads as the description: the longest with letters, not a money amount."""
    best, best_len = None, 0
    for i, t in enumerate(texts):
        letters = sum(ch.isalpha() for ch in t)
        if letters >= 3 and letters > best_len:
            best, best_len = i, letters
    return best


# --- prose exclusions -----------------------------------------------------------------------
_NOT_BODY = (BlockKind.header, BlockKind.footer, BlockKind.table_cell)


def _prose_sentences(ctx: Context, covered: list[tuple[int, int]], *,
                     body_only: bool = True) -> Iterator[tuple[int, int]]:
    """Offsets of the sentences outside scope sections (and outside ``covered``) in sections
    where prose may state scope; with ``body_only``, not in headers, footers or table cells."""
    for s, e in zip(*ctx.sentence_bounds, strict=True):
        if any(a <= s < b for a, b in covered) or ctx.section_label_at(s) not in _PROSE_SECTIONS:
            continue
        if body_only:
            block = ctx.block_of(s)
            if block is None or block.kind in _NOT_BODY:
                continue
        yield s, e


def _prose_exclusions(ctx: Context, covered: list[tuple[int, int]]) -> list[_Piece]:
    """Sentences outside scope sections that exclude work in their own words."""
    out: list[_Piece] = []
    text = ctx.document.text
    for s, e in _prose_sentences(ctx, covered):
        m = _PROSE_EXCLUSION.search(text, s, e)
        if m is None:
            continue
        tail = text[m.end():e]
        for sub, ps, pe, _ in list_entries(tail, m.end(), force=True):
            cleaned = clean_item(sub).rstrip(".")
            if cleaned:
                out.append(_Piece(cleaned, ps, pe, "scope.prose_exclusion", 0.6))
    return out


_NOT_A_DUTY = re.compile(r"\b(pay|paid|payment|invoice\w*|billed|indemnif\w*|insur\w*|sign\w*|"
                         r"accept\w*|notif\w*|terminat\w*|cancel\w*|warrant\w*|agree\w*\s+that|"
                         r"receive|be\s+responsible\s+for\s+(?:any|all)\s+(?:costs?|fees?))\b", re.I)


def _prose_owner_duties(ctx: Context, covered: list[tuple[int, int]]) -> list[_Piece]:
    """Sentences outside scope sections that give the owner work to do before or during the job
    ("Customer will remove all furniture prior to start.", "Owner to provide water and power.");
    paying, signing, insuring and notifying are terms of the deal, not work."""
    out: list[_Piece] = []
    text = ctx.document.text
    for s, e in _prose_sentences(ctx, covered):
        body = text[s:e].strip()
        if not _OWNER_LEAD.match(body) or _NOT_A_DUTY.search(body) or len(body.split()) > 30:
            continue
        lead = len(text[s:e]) - len(text[s:e].lstrip())
        out.append(_Piece(final(clean_item(body)), s + lead, s + lead + len(body),
                          "scope.prose_owner", 0.6))
    return out


_NOT_WORK_HEADING = re.compile(
    r"\b(terms?|conditions|payments?|pric\w*|invest\w*|fees?|costs?|schedule|warrant\w*|guarantee|"
    r"insurance|acceptance|signatures?|contacts?|about|why|references|notes?|options?|alternates?|"
    r"allowances?|qualifications|experience|team|project\s+information)\b", re.I)


def _unlabelled_lists(ctx: Context, covered: list[tuple[int, int]]) -> list[tuple[_Piece, str]]:
    """Without any scope section, the numbered or bulleted lists under the document's own
    headings are the work ("Spring Installation" / "1. Remove the dead hedge …"): a proposal
    names its work packages rather than writing "Scope of Work". Lists under price, terms,
    schedule and similar headings, and entries with an amount, are not."""
    out: list[tuple[_Piece, str]] = []
    for section in ctx.sections:
        if section.heading_block is None or section.label not in (None, "other") or any(
                a <= section.start < b for a, b in covered):
            continue
        heading = _heading_text(ctx, section)
        if not heading or _NOT_WORK_HEADING.search(heading) or len(heading.split()) > 6:
            continue
        items = [i for i, b in ctx.blocks_of(section) if b.kind is BlockKind.list_item
                 and not ctx.continues(i)]
        if len(items) < 2:
            continue
        for i in items:
            start = ctx.content_start(i)
            body = ctx.document.text[start:ctx.run_end(i)]
            if re.search(r"[$€£]\s?\d", body):
                continue
            text = clean_item(body)
            if text:
                lead = body.find(body.strip()[:1]) if body.strip() else 0
                out.append((_Piece(text, start + lead, start + len(body.rstrip()),
                                   "scope.unlabelled_list", 0.6), heading))
    return out


_PROSE_INCLUSION = re.compile(
    r"^(?:(?:we|contractor|[A-Z][\w&.,' ]{2,60}?)\s+(?:propose|proposes|agree|agrees|will|shall|"
    r"is\s+pleased)\s+to\s+(?:(?:furnish|provide|supply)\s+(?:all\s+)?(?:labou?r|materials|"
    r"equipment)[\w\s,]*?\s+to\s+)?|(?:our|the|this)\s+(?:price|proposal|quote|estimate|bid)\s+"
    r"includes?\s+)",
    re.I,
)
_MODAL_WORK = re.compile(
    r"^(?:we|our\s+(?:crew|team))\s+(?:would|will|can|could)\s+(?:be\s+(?:happy|pleased|glad)\s+to\s+)?"
    r"(?=(?:" + "|".join(sorted(VERBS, key=len, reverse=True)) + r")\b)", re.I)
# "X for $2,950, Y for $780, and Z for $1,130": each entry carries its own price.
_PRICED_SEP = re.compile(r"\s+(?:for|at)\s+(?:[A-Z]{0,3}\$|[€£])\s?\d[\d,]*(?:\.\d{2})?"
                         r"(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+)|\s*$)")


def _priced_parts(text: str, start: int) -> list[tuple[str, int, int]]:
    """The entries of a prose list whose entries each end in their price, without the prices;
    empty when fewer than two entries are priced so."""
    body = text.rstrip().rstrip(".")
    seps = list(_PRICED_SEP.finditer(body))
    if len(seps) < 2:
        return []
    out: list[tuple[str, int, int]] = []
    lo = 0
    for m in seps:
        piece = body[lo:m.start()].strip()
        if piece:
            at = lo + body[lo:m.start()].find(piece)
            out.append((piece, start + at, start + at + len(piece)))
        lo = m.end()
    return out


_DELETED = re.compile(r"^\s*(?:delete|omit|deduct)\b|\(\s*(?:credit|deduct)\s*\)", re.I)
_CONTRACT_VERBS = {"amend", "modify", "enter", "pay", "be", "abide", "comply", "terminate", "the",
                   "following", "indemnify", "execute", "sign", "accept"}


def _prose_inclusions(ctx: Context, covered: list[tuple[int, int]]) -> list[_Piece]:
    """Without a scope section, the work a letter proposes in its own words: "We propose to
    replace the boiler, install a water heater and reconnect the zones." (one item per verb
    phrase), "Our price includes removal and disposal of the old boiler."."""
    out: list[_Piece] = []
    text = ctx.document.text
    for s, e in _prose_sentences(ctx, covered, body_only=False):
        body = text[s:e]
        m = _PROSE_INCLUSION.match(body)
        modal = m is None and _MODAL_WORK.match(body)
        if modal:
            m = modal  # "We would supply and install …": only when a work verb follows
        if m is None or _EXCLUSION_CUE.search(body):
            continue
        tail_start = s + m.end()
        tail = text[tail_start:e]
        priced = _priced_parts(tail, tail_start)
        if priced:
            out += [_Piece(final(clean_item(sub)), ps, pe, "scope.prose_inclusion", 0.55)
                    for sub, ps, pe in priced if final(clean_item(sub))]
            continue
        if tail.split(" ", 1)[0].lower() in _CONTRACT_VERBS:
            continue  # "The parties agree to amend the Contract as follows."
        parts = verb_parts(tail, tail_start)
        for sub, ps, pe in parts:
            cleaned = final(clean_item(sub))
            if cleaned:
                out.append(_Piece(cleaned, ps, pe, "scope.prose_inclusion", 0.55))
    return out


_PLEASANTRY = re.compile(
    r"^(?:thank\s+you|thanks\b|please\s+(?:call|contact|feel|let|do\s+not)|if\s+you\s+have\s+any|"
    r"we\s+look\s+forward|we\s+appreciate|feel\s+free|do\s+not\s+hesitate|call\s+us|"
    r"questions\?)",
    re.I,
)


def _worth_keeping(text: str) -> bool:
    if _PLEASANTRY.match(text):
        return False
    letters = sum(ch.isalpha() for ch in text)
    if re.search(r"(?i)^page\b\W*\w{0,4}\W*$|\bpage\s+\d+\s+of\s+\d+|\brev\.\s*\d", text):
        return False
    return letters >= 3 and not re.fullmatch(r"(n/?a|none|tbd)\.?", text.strip(), re.I)
