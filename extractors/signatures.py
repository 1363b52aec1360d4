"""Signatures: per party, signed or not, who signed, their title, when; e-signature envelopes.

Signature blocks are found from their form marks wherever they are: signature lines
("By:", "Signature:", a run of underscores), signature marks ("/s/ Dana Reyes",
"Electronically signed by …"), and the "Name:", "Title:", "Date:" fields around them.
Side-by-side blocks are read column by column: table cells in a DOCX, word positions in a
PDF whose two blocks share each printed line. Within a column the marks are read in order
and grouped per party: a role heading ("OWNER", "Accepted by", "CONTRACTOR: Acme LLC", a
public body's name) opens a block, as does a second signature line.

A block is signed when its signature line carries something other than blanks: a mark, a
name after "By:", or a person's name written just above the line. Blank underscores are
unsigned, so an unsigned proposal comes out ``signed=False`` even when the printed name is
filled in. A block with no role words takes its role from the company named in it, or is
the other side of the one block whose role is known.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from extractors.context import Context
from extractors.lines import Line, document_lines, is_blank_fill, words_in
from extractors.normalize.dates import parse_date
from extractors.party_text import (
    agency_name,
    clean_name,
    defines_subcontractor,
    is_org_name,
    is_person_name,
    looks_like_name,
)
from models.document import BlockKind, Document
from models.handoff import Evidence, Signature

__all__ = ["extract_signatures"]

_ROLE_WORDS = {
    "owner": "client", "client": "client", "customer": "client", "buyer": "client",
    "purchaser": "client", "homeowner": "client", "tenant": "client", "licensee": "client",
    "agency": "client", "contractor": "contractor", "subcontractor": "contractor",
    "consultant": "contractor", "vendor": "contractor", "provider": "contractor",
    "supplier": "contractor", "seller": "contractor", "bidder": "contractor",
    "installer": "contractor", "estimator": "contractor", "firm": "contractor",
    "design-builder": "contractor", "licensor": "contractor", "engineer": "contractor",
    "company": "company",
}
_ROLE_ALT = "|".join(sorted((re.escape(w) for w in _ROLE_WORDS), key=len, reverse=True))
_ROLE_HEAD = re.compile(
    r"^\s*(?:(?P<verb>accepted|agreed|acknowledged|approved|submitted|signed|executed|"
    r"authorized|prepared)(?:\s+(?:and|&)\s+\w+)?(?:\s+(?:by|for))?\s*(?:the\s+)?)?"
    r"(?:(?P<role>" + _ROLE_ALT + r")(?:'s|’s)?\b(?:\s+(?:acceptance|approval|signature))?"
    r"(?:\s*\([^)]{0,40}\))?)?\s*:?",
    re.I,
)
# The buyer's acceptance heads the buyer's block ("ACCEPTANCE – I accept this quotation …").
_ACCEPTANCE = re.compile(
    r"^\s*(?:acceptance(?:\s+of\s+(?:proposal|quot\w+|estimate|bid|contract))?|proposal\s+acceptance|"
    r"(?:good\s+|valid\s+)?for\s+acceptance|bon\s+pour\s+accord|"
    r"authori[sz]ation\s+to\s+proceed)\b\s*[:–—-]?",
    re.I,
)
_MARK = re.compile(
    r"(?:/s/|(?:electronically|digitally)\s+signed\s+by|e-?signed\s+by|signed\s+electronically\s+"
    r"by|docusigned\s+by|signed\s+with\s+\w+\s+by)\s*:?\s*"
    r"(?P<name>(?!(?:title|date|name|by|signature|its)\s*:)(?-i:[A-Z])[\w.'’-]*"
    r"(?:\s+(?!(?:title|date|name|by|signature|its)\s*:)(?-i:[A-Z])[\w.'’-]*){0,4})?",
    re.I,
)
_BLANK = re.compile(r"_{5,}|\.{6,}|…{2,}")
_FIELD = re.compile(
    r"(?<![\w])(?P<label>(?:authorized\s+)?signature|signed|by|(?:printed|print|typed)\s+name|"
    r"name|title|its|date(?:\s+signed)?)\s*:",
    re.I,
)
_SIG_LABELS = {"signature", "authorized signature", "signed", "by"}
_ENVELOPE = re.compile(
    r"(?:docusign\s+envelope\s+id|envelope\s+id|adobe\s+sign\s+transaction\s+id|transaction\s+id|"
    r"signature\s+request\s+id)\s*[:#]?\s*(?P<id>[0-9A-Fa-f]{8}(?:-?[0-9A-Fa-f]{4}){3}"
    r"-?[0-9A-Fa-f]{12}|[A-Za-z0-9_-]{12,64})",
    re.I,
)
# A public body heading its block ("CITY OF MILLBROOK", "Lakeview Unified School District").
_AGENCY_HEAD = re.compile(
    r"^\s*(?:(?:the\s+)?(?:city|county|town|village|borough|township|state|commonwealth|port|"
    r"parish)\s+of\s+[A-Za-z][\w.'’-]*(?:\s+(?!of\b)[A-Za-z][\w.'’-]*){0,3}(?=\s|$)"
    r"|(?:[A-Za-z][\w.'’-]*\s+){1,4}(?:school\s+district|district|authority|agency|"
    r"department|board\s+of\s+\w+|commission))",
    re.I,
)
_COLUMN_GAP = 36.0  # points of empty space that separate two side-by-side blocks
_BACK = 4
_AHEAD = 3


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # role | mark | blank | sig | name | title | date | text
    value: str
    start: int
    end: int
    role: str | None = None


@dataclass
class _Group:
    role: str = "unknown"
    company: str | None = None
    signature: str | None = None  # what the signature line carries
    signer: str | None = None
    sig_seen: bool = False
    name: str | None = None
    title: str | None = None
    date_text: str | None = None
    pending: _Tok | None = None
    stamped: bool = False
    attest: bool = False
    start: int = -1
    end: int = -1

    def pending_name(self) -> str:
        if self.pending is not None and is_person_name(self.pending.value):
            return self.pending.value
        return "signed"

    spans: list[tuple[int, int]] = field(default_factory=list)

    def touch(self, tok: _Tok) -> None:
        self.start = tok.start if self.start < 0 else min(self.start, tok.start)
        self.end = max(self.end, tok.end)
        self.spans.append((tok.start, tok.end))

    def has_body(self) -> bool:
        return bool(self.sig_seen or self.name or self.title or self.date_text)


def extract_signatures(ctx: Context) -> list[Signature]:
    """One entry per signature block found; envelope ids attached to every entry."""
    document = ctx.document
    envelope = _envelope(document)
    lines = [ln for ln in document_lines(document, skip_repeated=False)
             if ln.kind is not BlockKind.footer]
    sub = defines_subcontractor(document.text)
    groups: list[_Group] = []
    for streams in _merged(document, list(_regions(lines))):
        for stream in streams:
            groups += _group(stream, sub)
    for g in groups:
        _infer_unlined(g)
    groups = [g for g in groups if g.sig_seen or g.signature]
    _resolve_roles(ctx, groups)
    if not groups:
        return _envelope_only(ctx, envelope)
    out = [_signature(ctx, g, envelope) for g in groups if not g.attest]
    if any(sig.party == "unknown" for sig in out):
        return out  # the unknown block may be either party's
    for role in ("client", "contractor"):
        if not any(sig.party == role for sig in out):
            # The document has signature blocks but none for this party: it is not signed by it.
            out.append(Signature(party=role, signed=False, confidence=0.5,
                                 method="signatures.no_block"))
    return out


# --- regions --------------------------------------------------------------------------------
def _is_anchor(text: str) -> bool:
    if _MARK.search(text) or re.search(r"_{10,}|\.{10,}", text):
        return True
    if re.match(r"(?i)\s*(?:printed\s+|print\s+)?name\s*:", text):
        return True  # the printed-name line of a block whose signature line did not survive
    return any(m.group("label").lower() in _SIG_LABELS and _starts_field(text, m.start())
               for m in _FIELD.finditer(text))


def _starts_field(text: str, pos: int) -> bool:
    """A label at the start of the line, or after blanks/another field (not inside prose)."""
    before = text[:pos]
    return not before.strip(" _\t|") or bool(re.search(r"(_{3,}|\s{2,}|\t)\s*$", before)) or bool(
        _FIELD.search(before))


# A form's caption under a line ("(Signature)", "(Printed name and title)") belongs to the block.
_CAPTION = re.compile(r"^\s*\(\s*(?:authori[sz]ed\s+)?(?:signature|printed\s+name|print\s+name|name|title|"
                      r"date)\b[\w\s,/&]*\)\s*$", re.I)


def _regions(lines: list[Line]) -> Iterator[list[Line]]:
    """Runs of lines around signature marks, from the role heading above to the last field."""
    anchors = [i for i, ln in enumerate(lines) if _is_anchor(ln.text)]
    taken = -1
    for i in anchors:
        if i <= taken:
            continue
        if lines[i].table is not None:
            table = lines[i].table
            idx = [j for j, ln in enumerate(lines) if ln.table == table]
            taken = max(idx)
            yield [lines[j] for j in idx]
            continue
        lo = i
        while lo - 1 > taken and i - lo < _BACK and _short(lines[lo - 1]) \
                and lines[lo - 1].table is None:
            lo -= 1
        hi = i
        j = i + 1
        while j < len(lines) and j - hi <= _AHEAD and lines[j].table is None and _short(lines[j]):
            text = lines[j].text
            title_under_name = is_person_name(lines[j - 1].text) and len(text.split()) <= 2
            if _role_heading(text) is not None and not _is_anchor(text) and not title_under_name:
                break  # the next block's heading: the next anchor reaches back to it
            if _is_anchor(text) or _FIELD.search(text) or _CAPTION.match(text) or (j == hi + 1 and (
                    is_person_name(text) or title_under_name or is_org_name(text)
                    and looks_like_name(text))):
                hi = j  # the typed name, title and company under a signature
            j += 1
        taken = hi
        yield lines[lo:hi + 1]


def _merged(document: Document, regions: list[list[Line]]) -> list[list[list[Line]]]:
    """Column streams per region; a region that continues the one before it (the same number
    of side-by-side columns, nothing in between, e.g. names above and a table of signing
    details below) is read as its continuation."""
    out: list[list[list[Line]]] = []
    previous_end = -1
    for region in regions:
        streams = _columns(document, region)
        start = min(ln.start for ln in region)
        gap = document.text[previous_end:start] if previous_end >= 0 else "x" * 999
        if out and len(out[-1]) == len(streams) > 1 and len(gap.strip()) == 0:
            out[-1] = [a + b for a, b in zip(out[-1], streams, strict=True)]
        else:
            out.append(streams)
        previous_end = max(ln.end for ln in region)
    return out


def _short(line: Line) -> bool:
    if _is_anchor(line.text) or _FIELD.search(line.text) or _ACCEPTANCE.match(line.text):
        return True
    words = len(line.text.split())
    return words <= 10 and (not line.text.rstrip().endswith((".", ";"))
                            or looks_like_name(line.text)) or (
        line.kind is BlockKind.heading and words <= 12)


# --- columns --------------------------------------------------------------------------------
def _columns(document: Document, region: list[Line]) -> list[list[Line]]:
    """The region as one stream per side-by-side column (or one stream when stacked)."""
    if region and region[0].table is not None:
        cols: dict[int, list[Line]] = {}
        for ln in region:
            cols.setdefault(ln.col or 0, []).append(ln)
        merged: dict[int, list[Line]] = {}
        # A column of bare labels ("By:", "Date:") pairs with the values beside it: then no
        # value column is a block of its own.
        label_column = any(sum(bool(re.fullmatch(r"[^:]{1,30}:", ln.text.strip())) for ln in lns) >= 2
                           for lns in cols.values())
        heads = [c for c, lns in cols.items() if lns and (
            _role_heading(lns[0].text) or (not label_column and _company_block(lns)))]
        for col, lns in sorted(cols.items()):
            owner = max((h for h in heads if h <= col), default=col)
            merged.setdefault(owner, []).extend(lns)
        return [_join_label_cells(sorted(lns, key=lambda x: (x.row or 0, x.col or 0)))
                for _, lns in sorted(merged.items())]
    boundary = _column_boundary(document, region)
    if boundary is None:
        return [region]
    left: list[Line] = []
    right: list[Line] = []
    for ln in region:
        words = words_in(document, ln.start, ln.end)
        if not words:
            left.append(ln)
            continue
        lw = [w for w in words if w[2] < boundary]
        rw = [w for w in words if w[2] >= boundary]
        for side, ws in ((left, lw), (right, rw)):
            if not ws:
                continue
            s, e = min(w[0] for w in ws), max(w[1] for w in ws)
            contiguous = all(b[0] - a[1] <= 2 for a, b in zip(ws, ws[1:], strict=False))
            # Words of two blocks sharing a baseline may come interleaved: rebuild by position.
            text = document.text[s:e] if contiguous else " ".join(
                document.text[w[0]:w[1]] for w in sorted(ws, key=lambda w: (round(w[4] / 4), w[2])))
            side.append(Line(text, s, e, ln.block, ln.kind))
    return [left, right]


def _company_block(lines: list[Line]) -> bool:
    """A table column that is a block of its own: headed by a company's name, with its own
    signature line below ("Cedar & Brush Painting Co." / "Estimator: ____" beside the
    customer's block), not the value column of a label column."""
    head = lines[0].text.strip()
    return len(lines) >= 2 and is_org_name(head) and looks_like_name(head) and not _FIELD.search(
        head) and any(_is_anchor(ln.text) for ln in lines[1:])


def _column_boundary(document: Document, region: list[Line]) -> float | None:
    """Where the right-hand block starts: the x of the word after a wide gap, agreed on by the
    region's lines."""
    votes: Counter[int] = Counter()
    for ln in region:
        words = words_in(document, ln.start, ln.end)
        for a, b in zip(words, words[1:], strict=False):
            if b[2] - a[3] >= _COLUMN_GAP:
                votes[int(b[2] // 12)] += 1
                break
    if not votes:
        return _indent_boundary(document, region)
    bucket, _ = votes.most_common(1)[0]
    return bucket * 12.0 - 6.0


_SIDE_INDENT = 150.0  # points: a line starting this far right of the others is the other column


def _indent_boundary(document: Document, region: list[Line]) -> float | None:
    """Side-by-side blocks whose lines a reader kept apart (each column its own lines) while it
    ran a shared first line together ("ACME LLC  BETA INC." with a narrow gap): the right-hand
    block's lines start far right of the left-hand ones."""
    starts = [min(w[2] for w in words) for ln in region
              if (words := words_in(document, ln.start, ln.end))]
    if len(starts) < 4:
        return None
    left = min(starts)
    right = [x for x in starts if x - left >= _SIDE_INDENT]
    if len(right) < 2 or len(starts) - len(right) < 2:
        return None
    return min(right) - 6.0


def _join_label_cells(lines: list[Line]) -> list[Line]:
    """Join a bare label cell ("Date:") with the value cell beside it in the same row."""
    out: list[Line] = []
    for ln in lines:
        if out and out[-1].row == ln.row and out[-1].table == ln.table and re.fullmatch(
                r"[^:]{1,30}:", out[-1].text):
            prev = out[-1]
            out[-1] = Line(f"{prev.text} {ln.text}", prev.start, ln.end, prev.block, prev.kind,
                           prev.table, prev.row, prev.col)
            continue
        out.append(ln)
    return out


# --- tokens ---------------------------------------------------------------------------------
def _role_heading(text: str, sub: bool = False) -> tuple[str, int] | None:
    """(role, end) when the text opens with a role heading: "OWNER", "Accepted by", an agency."""
    accept = _ACCEPTANCE.match(text)
    if accept:
        # The heading is the whole line ("ACCEPTANCE – I accept this quotation …") up to a
        # signature line written on it ("Good for acceptance (date and signature): ______").
        blank = _BLANK.search(text, accept.end())
        end = blank.start() if blank else len(text)
        return "client", end if len(text[:end].split()) > 3 else accept.end()
    m = _ROLE_HEAD.match(text)
    if m and (m.group("role") or m.group("verb")) and m.end() > 0:
        if m.group("role"):
            word = m.group("role").lower()
            role = _ROLE_WORDS[word]
            if sub:
                role = "client" if word == "contractor" else role
        else:
            verb = m.group("verb").lower()
            role = "client" if verb in {"accepted", "agreed", "approved", "authorized"} else (
                "contractor" if verb in {"submitted", "prepared"} else "unknown")
        rest = text[m.end():]
        after_verb = text[m.start("verb") + len(m.group("verb")):] if m.group("verb") else ""
        if m.group("role") is None and not re.match(r"\s*(?:by\b|:)", after_verb, re.I) \
                and rest.strip():
            return None
        if _FIELD.match(text.strip()) and not m.group("verb"):
            return None
        return role, m.end()
    m2 = _AGENCY_HEAD.match(text)
    if m2:
        return "client", m2.end()
    return None


def _tokens(line: Line, sub: bool) -> list[_Tok]:
    """The marks of one line in order; text between them becomes field values or free text."""
    text = line.text
    spots: list[tuple[int, int, str, str]] = []  # start, end, kind, value/label
    head = _role_heading(text, sub)
    if head is not None and not _FIELD.match(text.strip()):
        spots.append((0, head[1], "role", head[0]))
    for m in _MARK.finditer(text):
        spots.append((m.start(), m.end(), "mark", _dedupe_name(clean_name(m.group("name") or ""))))
    for m in _BLANK.finditer(text):
        spots.append((m.start(), m.end(), "blank", ""))
    for m in _FIELD.finditer(text):
        if _starts_field(text, m.start()) or spots:
            spots.append((m.start(), m.end(), "field", m.group("label").lower()))
    spots.sort()
    kept: list[tuple[int, int, str, str]] = []
    for spot in spots:
        if kept and spot[0] < kept[-1][1]:
            continue
        if kept and spot[2] == "blank" and kept[-1][2] == "field" and not text[
                kept[-1][1]:spot[0]].strip():
            continue  # "Title: ______" is an empty field, not a signature line
        kept.append(spot)
    toks: list[_Tok] = []
    pos = 0
    for n, (s, e, kind, value) in enumerate(kept):
        if s > pos and text[pos:s].strip(" _|\t"):
            toks.append(_text_tok(line, pos, s))
        if kind == "field":
            nxt = kept[n + 1][0] if n + 1 < len(kept) else len(text)
            raw = text[e:nxt]
            val = re.sub(r"_{2,}", " ", raw).strip(" |\t")
            lead = len(raw) - len(raw.lstrip(" _|\t"))
            fkind = "sig" if value in _SIG_LABELS else (
                "date" if value.startswith("date") else (
                    "title" if value in {"title", "its"} else "name"))
            toks.append(_Tok(fkind, val, line.start + s, line.start + e + lead + len(val)))
            pos = nxt
            continue
        toks.append(_Tok(kind, value, line.start + s, line.start + e,
                         role=value if kind == "role" else None))
        pos = e
    if pos < len(text) and text[pos:].strip(" _|\t"):
        toks.append(_text_tok(line, pos, len(text)))
    return toks


def _dedupe_name(name: str) -> str:
    """"Rachel Lindgren Rachel Lindgren" (a mark over a printed name) is one name."""
    words = name.split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])
    return name


def _text_tok(line: Line, s: int, e: int) -> _Tok:
    raw = line.text[s:e]
    lead = len(raw) - len(raw.lstrip(" _|\t"))
    body = raw.strip(" _|\t")
    return _Tok("text", body, line.start + s + lead, line.start + s + lead + len(body))


# --- grouping -------------------------------------------------------------------------------
def _group(stream: list[Line], sub: bool) -> list[_Group]:
    groups: list[_Group] = []
    current: _Group | None = None

    def fresh() -> _Group:
        g = _Group()
        groups.append(g)
        return g

    last = ""
    for line in stream:
        for tok in _tokens(line, sub):
            if current is None:
                current = fresh()
            before = last
            last = "sig_empty" if tok.kind == "sig" and (
                not tok.value or is_blank_fill(tok.value)) else tok.kind
            if tok.kind == "role" and before == "text" and (current.signer or current.signature) \
                    and current.title is None and len(tok_text(line, tok).split()) <= 2:
                current.title = tok_text(line, tok).strip(" :")  # "Dana Cole" / "Owner"
                current.touch(tok)
                continue
            if tok.kind == "role":
                if current.has_body() or current.role != "unknown":
                    current = fresh()
                current.role = tok.role or "unknown"
                current.touch(tok)
                continue
            if tok.kind == "text" and re.fullmatch(r"(?i)attest(?:ed)?(?:\s+by)?:?", tok.value):
                if current.has_body() or current.signature:
                    previous_role = current.role
                    current = fresh()
                    current.role = previous_role
                    current.attest = True
                continue
            if tok.kind == "text" and current.sig_seen and current.name is None:
                person, _, title = tok.value.partition(",")
                if is_person_name(person) and (title.strip() or current.signer):
                    current.name = clean_name(person)
                    current.title = current.title or (title.strip() or None)
                    current.touch(tok)
                    continue
            if tok.kind == "text":
                firm, signer = _company_and_person(tok.value)
                if firm is None and tok.value.isupper() and looks_like_name(tok.value) and \
                        not re.search(r"\d", tok.value):
                    firm, signer = clean_name(tok.value), None
                if firm and (current.has_body() or current.signature) and current.company is None \
                        and (current.signer or current.name):
                    current.company = firm  # "/s/ Dana Cole / Dana Cole / Owner / Acme LLC"
                    current.touch(tok)
                    continue
                if firm and (current.has_body() or current.signature):
                    current = fresh()  # the next stacked block, headed by its company
                if firm and current.company is None and not current.sig_seen:
                    current.company = firm
                    if signer:
                        offset = tok.end - len(signer)
                        current.pending = _Tok("text", signer, offset, tok.end)
                else:
                    current.pending = tok
                current.touch(tok)
                continue
            if tok.kind == "sig" and current.signature and not current.date_text and (
                    _date_in(tok.value) and not is_person_name(tok.value.split(",")[0])):
                current.date_text = _date_in(tok.value)  # the signature's time stamp
                current.touch(tok)
                continue
            if tok.kind in {"mark", "blank", "sig"}:
                continues = before in {"sig_empty", "mark"} or (tok.kind == "blank"
                                                                and before == "sig")
                if current.sig_seen and not continues and (
                        current.signature or current.name or current.date_text or current.title):
                    current = fresh()
                current.touch(tok)
                if tok.kind == "mark":
                    current.signature = tok.value or "signed"
                    current.signer = tok.value or None
                elif tok.kind == "sig" and tok.value and not is_blank_fill(tok.value):
                    stamp = _date_in(tok.value)
                    if stamp is not None and not is_person_name(tok.value.split(",")[0]):
                        # "Signed: 4/22/2026 | 9:41 AM": an e-signature's time stamp.
                        current.signature = current.signature or current.pending_name()
                        current.date_text = current.date_text or stamp
                        current.stamped = True
                    else:
                        current.signature = tok.value
                        person, _, title = tok.value.partition(",")
                        if is_person_name(person):
                            current.signer = clean_name(person)
                            current.title = current.title or (title.strip() or None)
                elif (tok.kind == "blank" or (tok.kind == "sig" and before != "sig_empty"
                                              and (not tok.value or is_blank_fill(tok.value)))) \
                        and current.pending is not None \
                        and is_person_name(current.pending.value) and current.signature is None:
                    # A name written just above the line, bare or labelled ("Signature: ____").
                    current.signature = current.pending.value
                    current.signer = clean_name(current.pending.value)
                current.pending = None
                current.sig_seen = True
                continue
            # name / title / date fields
            attr = {"name": "name", "title": "title", "date": "date_text"}[tok.kind]
            if getattr(current, attr) is not None:
                current = fresh()
            current.touch(tok)
            if tok.value and not is_blank_fill(tok.value):
                value = tok.value.strip()
                person, comma, rest = value.partition(",")
                if attr == "name" and comma and is_person_name(person):
                    value = clean_name(person)
                    current.title = current.title or rest.strip() or None
                setattr(current, attr, value)
            else:
                setattr(current, attr, "")
    return [g for g in groups if g.has_body() or g.signature]


def tok_text(line: Line, tok: _Tok) -> str:
    return line.text[tok.start - line.start:tok.end - line.start]


def _company_and_person(text: str) -> tuple[str | None, str | None]:
    """Free text in a block: a company, a person (a name written as the signature), or a
    company followed by a person when a reader ran the two lines together."""
    if is_person_name(text):
        return None, None
    if is_org_name(text) and looks_like_name(text):
        words = text.split()
        for k in (3, 2):
            if len(words) > k + 1:
                person, company = " ".join(words[-k:]), " ".join(words[:-k])
                if is_person_name(person) and is_org_name(company):
                    return clean_name(company), person
        return clean_name(text), None
    return None, None


_OFFICIAL = re.compile(r"\b(mayor|clerk|council|commissioner|city\s+manager|administrator|"
                       r"superintendent|board|purchasing|public\s+works)\b", re.I)


def _infer_unlined(group: _Group) -> None:
    """A block without any signature line (lost in a scan, or never drawn): signed when the
    signer's name is written above the printed name, or when name and date are filled in."""
    if group.sig_seen or group.signature:
        return
    pending = group.pending.value if group.pending is not None else ""
    if group.name and pending and _same(pending, group.name) and is_person_name(pending):
        group.signature = pending
        group.signer = clean_name(pending)
        group.sig_seen = True
    elif group.name and group.date_text and group.role != "unknown":
        group.signature = group.name
        group.sig_seen = True
        group.stamped = True


def _resolve_roles(ctx: Context, groups: list[_Group]) -> None:
    """Roles for blocks without role words: the company or person named in the block matched
    against the parties, a public official signing for a public body, and elimination."""
    for g in groups:
        if g.role == "company":
            g.role = "unknown"
    if not any(g.role == "unknown" for g in groups):
        return
    from extractors.parties import extract_parties

    parties = extract_parties(ctx)
    people = {
        "client": [parties.client.name.value, parties.client.contact.value],
        "contractor": [parties.contractor.name.value, parties.contractor.contact.value],
    }
    for g in groups:
        if g.role != "unknown":
            continue
        by_company = [r for r, (org, _) in people.items() if org and g.company
                      and _same(org, g.company)]
        by_person = [r for r, (_, contact) in people.items() if contact and any(
            n and _same(contact, n) for n in (g.signer, g.name))]
        for matches in (by_company, by_person):
            if len(matches) == 1:
                g.role = matches[0]
                break
        client_name = parties.client.name.value or ""
        if g.role == "unknown" and g.title and _OFFICIAL.search(g.title) and (
                is_public_body(client_name)):
            g.role = "client"
    known = {g.role for g in groups if g.role != "unknown"}
    rest = [g for g in groups if g.role == "unknown" and not g.attest]
    if len(rest) == 1 and len(known) == 1:
        rest[0].role = "contractor" if "client" in known else "client"
    for g in groups:
        if g.attest and g.role == "unknown":
            g.role = "client" if "client" in known else "unknown"


def is_public_body(name: str) -> bool:
    return agency_name(name) is not None


def _same(a: str, b: str) -> bool:
    na, nb = re.sub(r"[^a-z0-9]", "", a.lower()), re.sub(r"[^a-z0-9]", "", b.lower())
    return bool(na) and bool(nb) and (na in nb or nb in na)


# --- output ---------------------------------------------------------------------------------
def _signature(ctx: Context, group: _Group, envelope: tuple[str, int, int] | None) -> Signature:
    signed = group.signature is not None and _real_signature(group.signature)
    confidence = 0.85 if group.sig_seen else 0.6
    if envelope is not None and group.name and group.date_text and not signed:
        signed, confidence = True, 0.7
    signer = group.signer
    if signer is None and signed and group.signature and looks_like_name(group.signature):
        signer = clean_name(group.signature)
    signer = signer or group.name or None
    date: str | None = None
    if group.date_text:
        date = parse_date(group.date_text, ctx.date_order) or parse_date(
            _date_in(group.date_text) or "", ctx.date_order)
    evidence: list[Evidence] = []
    for s, e in _merge_spans(group.spans, ctx.document.text):
        evidence += ctx.evidence(s, e)
    if group.role == "unknown":
        confidence -= 0.15
    return Signature(
        party=group.role,  # type: ignore[arg-type]
        signed=signed, signer_name=signer, title=group.title or None, date=date,
        envelope_id=envelope[0] if envelope else None,
        confidence=round(confidence, 3), method="signatures.block", evidence=evidence,
    )


_DATE_TEXT = re.compile(
    r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r",?\s+\d{4}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|"
    r"dec)[a-z]*\.?,?\s+\d{4}\b",
    re.I,
)


def _date_in(text: str) -> str | None:
    m = _DATE_TEXT.search(text)
    return m.group(0) if m else None


def _merge_spans(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The block's own pieces (not the other column's text between them), neighbours joined."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and (s <= out[-1][1] or not text[out[-1][1]:s].strip(" _|\t\n")):
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _real_signature(value: str) -> bool:
    value = value.strip()
    if not value or is_blank_fill(value):
        return False
    if re.fullmatch(r"(?i)(signature|sign\s+here|date|x|name|title)[\s_:.]*", value):
        return False
    return sum(ch.isalpha() for ch in value) >= 2


def _envelope(document: Document) -> tuple[str, int, int] | None:
    m = _ENVELOPE.search(document.text)
    if m is None:
        return None
    return m.group("id"), m.start(), m.end()


def _envelope_only(ctx: Context, envelope: tuple[str, int, int] | None) -> list[Signature]:
    if envelope is None:
        return []
    value, start, end = envelope
    return [Signature(party="unknown", signed=True, envelope_id=value, confidence=0.5,
                      method="signatures.envelope", evidence=ctx.evidence(start, end))]

