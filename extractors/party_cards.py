"""Party cards from labels: "Prepared for:", "Bill To:", "Contractor:", "Attn:", "Phone:" ….

A label's value is the rest of its line, the cell beside it, the cells below a header cell, or
the lines under it (the card: name, contact, address, phone, email). Used by
``extractors.parties``; the shapes of names, phones and addresses are in
``extractors.party_text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extractors.context import Context
from extractors.fieldmake import is_tbd
from extractors.lines import Line, is_blank_fill, words_in
from extractors.party_text import (
    ADDRESS_LINE,
    EMAIL,
    PHONE,
    POSTAL_LINE,
    clean_name,
    is_address_line,
    is_org_name,
    is_person_name,
    leading_name,
    looks_like_name,
)
from models.document import BlockKind

__all__ = ["CARD_LIMIT", "Cand", "Card", "Role", "card_line", "fill_details", "join_address",
           "label_cards", "label_of", "rest_of"]

Role = str  # "client" | "contractor"

# label -> (role or special, confidence). Special: "contact", "project", "site".
_LABELS: dict[str, tuple[str, float]] = {}
for _words, _role, _conf in (
    (("prepared for", "prepared for client", "proposal for", "quote for", "estimate for", "for",
      "quotation for"), "client", 0.9),
    (("bill to", "billed to", "billing to", "invoice to", "sold to", "ship to", "submitted to",
      "presented to", "addressed to"), "client", 0.85),
    (("customer", "customer name", "client", "client name", "owner", "owner name", "homeowner",
      "homeowner name", "property owner", "buyer", "purchaser", "agency", "owner/agency",
      "awarding agency", "awarding authority", "public agency", "issued by agency",
      "customer information", "client information", "owner information"), "client", 0.85),
    (("to",), "client", 0.55),
    (("prepared by", "submitted by", "presented by", "proposal by", "quoted by", "estimator",
      "issued by", "from"), "contractor", 0.7),
    (("contractor", "contractor name", "general contractor", "subcontractor", "vendor",
      "vendor name", "consultant", "consultant name", "provider", "service provider", "supplier",
      "seller", "bidder", "bidder name", "firm", "firm name", "company name", "awardee",
      "successful bidder", "contractor information", "installer", "design-builder",
      "remit to", "make checks payable to", "name of bidder", "bidder's name", "name of firm",
      "contractor's name", "name of contractor", "name of proposer", "proposer", "offeror",
      "respondent", "name of vendor", "vendor's name"), "contractor", 0.85),
    (("attn", "attention", "contact", "contact person", "contact name", "point of contact",
      "representative", "owner's representative", "customer contact", "client contact"),
     "contact", 0.8),
    (("project", "project name", "project title", "job name", "job", "re", "subject",
      "project description", "name of project", "contract name", "contract title",
      "job title"), "project", 0.85),
    (("job site", "jobsite", "job site address", "site address", "site", "project address",
      "project site", "work site", "worksite", "service site",
      "project location", "location", "property", "property address", "service address",
      "work location", "installation address", "job address", "premises", "site location",
      "location of work", "job location", "service location", "facility", "facility address"),
     "site", 0.85),
):
    for _w in _words:
        _LABELS[_w] = (_role, _conf)

_LABEL_RE = re.compile(
    r"^\s*(?P<label>" + "|".join(sorted((re.escape(k) for k in _LABELS), key=len, reverse=True))
    + r")(?=[\s:\-–—#]|$)\s*(?P<colon>[:\-–—]|#)?\s*(?P<rest>.*)$",
    re.I,
)
# A form's lead-in to the card below it: "BETWEEN the Owner:", "and the Contractor:", "for the
# following Project:" (the colon ends the line).
_LEAD_IN_LABEL_RE = re.compile(
    r"^\s*(?:(?:between|and|for)\s+)?the\s+(?:following\s+)?(?P<label>"
    + "|".join(sorted((re.escape(k) for k in _LABELS), key=len, reverse=True))
    + r")\s*(?P<colon>:)\s*(?P<rest>)$",
    re.I,
)
_INNER_LABEL = re.compile(
    r"(?<=[.;])\s+((?:" + "|".join(sorted((re.escape(k) for k, v in _LABELS.items()
                                           if v[0] in {"client", "contractor"} and len(k) > 3),
                                          key=len, reverse=True)) + r")\s*:)",
    re.I,
)
_ANY_PARTY_LABEL = re.compile(
    r"\b(" + "|".join(sorted((re.escape(k) for k, v in _LABELS.items()
                               if v[0] in {"client", "contractor"} and len(k) > 3),
                              key=len, reverse=True)) + r")\b:?",
    re.I,
)
_GENERIC_REST = {
    "schedule", "description", "summary", "overview", "scope", "details", "information", "manager",
    "team", "timeline", "cost", "budget", "location", "site", "name", "address", "number", "no",
    "total", "price", "acceptance", "signature", "approval", "representative", "responsibilities",
    "obligations", "requirements", "conditions", "contact", "completion", "start", "title",
}
CARD_LIMIT = 7


@dataclass
class Cand:
    value: str
    start: int
    end: int
    confidence: float
    method: str


@dataclass
class Card:
    """What a label or letterhead says about one party."""

    role: Role
    name: Cand | None
    contact: list[Cand] = field(default_factory=list)
    email: list[Cand] = field(default_factory=list)
    phone: list[Cand] = field(default_factory=list)
    address: list[Cand] = field(default_factory=list)
    tbd: tuple[int, int] | None = None


# --- 2. labels ------------------------------------------------------------------------------
@lru_cache(maxsize=4096)
def label_of(line: Line, sub: bool = False, *, key_cell: bool = False
              ) -> tuple[str, float, str, int] | None:
    """(role, confidence, rest, rest offset) when the line starts with a party label.

    With a colon anything may follow. Without one ("Bidder  Acme Paving, LLC", a bold label in a
    layout that lost its colon) the rest must read as the label's kind of value; a label alone
    counts on a line of its own ("OWNER") or as a key cell with its value beside it.
    """
    m = _LEAD_IN_LABEL_RE.match(line.text) or _LABEL_RE.match(line.text)
    if m is None:
        return None
    label = m.group("label").lower()
    rest = m.group("rest")
    role, conf = _LABELS[label]
    if sub and label in {"contractor", "contractor name", "general contractor"}:
        role = "client"
    elif sub and label == "subcontractor":
        role = "contractor"
    if m.group("colon") is None and not _bare_label_ok(line, label, role, rest.strip(), key_cell):
        return None
    if label in {"to", "from", "re", "subject"} and line.start > 4000:
        return None
    rest_offset = line.start + m.start("rest")
    return role, conf, rest, rest_offset


# An e-mail subject or "Re:" line names the document before the project: "Quote - ensuite shower".
_DOCUMENT_WORD = re.compile(r"^(?:(?:revised|updated|fw|fwd|re)\s*:?\s*)*(?:quote|quotation|proposal|estimate|"
                            r"bid|offer)(?:\s*(?:no\.?|#)?\s*[\w/-]*\d[\w/-]*)?\s*[-–—:|]\s+(?=\w)", re.I)


def _drop_document_word(name: str) -> str:
    """The project's name without the document word a subject line opens with."""
    m = _DOCUMENT_WORD.match(name)
    if m is None:
        return name
    rest = name[m.end():]
    return rest[:1].upper() + rest[1:]


def _bare_label_ok(line: Line, label: str, role: str, rest: str, key_cell: bool) -> bool:
    if not rest:
        if key_cell or (line.table is not None and line.row == 0):
            return True  # a key cell, or a header cell over its value
        return not (len(label) < 4 or label in {"job", "site", "from", "project", "to", "re", "for"}
                    or role in {"project", "site", "contact"})
    if line.kind is BlockKind.heading or len(line.text.split()) > 14 or rest[:1].islower():
        return False
    if label in {"to", "from", "for", "site", "location", "property", "facility", "attention",
                 "representative"} or rest.lower() in _GENERIC_REST:
        return False
    if label in {"re", "subject", "job"} and len(line.text.split()) > 10:
        return False
    if role in {"client", "contractor"}:
        return looks_like_name(rest) and not _DETAIL_LABEL.match(rest)
    if role == "site":
        return is_address_line(rest.split(",")[0]) or bool(POSTAL_LINE.search(rest))
    if role == "project":
        return looks_like_name(rest) and len(rest.split()) >= 2
    return role == "contact" and is_person_name(rest)


def _side_by_side_cards(ctx: Context, lines: list[Line], i: int, sub: bool) -> list[Card] | None:
    """"Prepared for   Prepared by" over two cards a PDF reader ran into the same lines: each
    card is read from the words on its own side (by their position on the page)."""
    line = lines[i]
    if line.table is not None or _ANY_PARTY_LABEL.match(line.text) is None:
        return None  # the first label must open the line: most lines are out at once
    found = list(_ANY_PARTY_LABEL.finditer(line.text))
    if len(found) != 2 or found[0].start() != 0 or line.text[found[1].end():].strip():
        return None
    words = words_in(ctx.document, line.start, line.end)
    second = line.start + found[1].start()
    right_x = next((w[2] for w in words if w[0] >= second), None)
    if right_x is None:
        return None
    columns: list[list[Line]] = [[], []]
    for ln in lines[i + 1:i + 1 + CARD_LIMIT]:
        if ln.table is not None or label_of(ln) is not None or ln.kind is BlockKind.heading:
            break
        ws = words_in(ctx.document, ln.start, ln.end)
        if not ws:
            break
        for side, group in enumerate(([w for w in ws if w[2] < right_x - 2],
                                      [w for w in ws if w[2] >= right_x - 2])):
            if group:
                group.sort(key=lambda w: (round(w[4] / 4), w[2]))
                text = " ".join(ctx.document.text[w[0]:w[1]] for w in group)
                columns[side].append(Line(text, min(w[0] for w in group),
                                          max(w[1] for w in group), ln.block, ln.kind))
    if not columns[0] and not columns[1]:
        return None
    cards: list[Card] = []
    for m, column in zip(found, columns, strict=True):
        role, conf = _LABELS[m.group(1).lower()]
        if sub and m.group(1).lower() in {"contractor", "contractor name", "general contractor"}:
            role = "client"
        card = _read_card(role, conf, column, "parties.label")
        if card is not None:
            cards.append(card)
    return cards


def _split_at_labels(lines: list[Line]) -> list[Line]:
    """"Client: A, a@x.com. Consultant: B, b@y.com" holds two labelled values."""
    out: list[Line] = []
    for ln in lines:
        cuts = [m.start(1) for m in _INNER_LABEL.finditer(ln.text)]
        if not cuts:
            out.append(ln)
            continue
        pos = 0
        for cut in [*cuts, len(ln.text)]:
            piece = ln.text[pos:cut]
            if piece.strip():
                body, s, e = piece.strip(), ln.start + pos + (len(piece) - len(piece.lstrip())), 0
                e = s + len(body)
                out.append(Line(body, s, e, ln.block, ln.kind, ln.table, ln.row, ln.col, ln.hint))
            pos = cut
    return out


def label_cards(ctx: Context, lines: list[Line], sub: bool
                 ) -> tuple[list[Card], list[Cand], list[Cand], tuple[int, int] | None]:
    lines = _split_at_labels(lines)
    cards: list[Card] = []
    projects: list[Cand] = []
    sites: list[Cand] = []
    tbd_site: tuple[int, int] | None = None
    for i, line in enumerate(lines):
        paired = _side_by_side_cards(ctx, lines, i, sub)
        if paired is not None:
            cards += paired
            continue
        key_cell = line.table is not None and any(
            x.table == line.table and x.row == line.row and x.block != line.block
            for x in lines[i + 1:i + 2])
        hit = label_of(line, sub, key_cell=key_cell)
        if hit is None:
            continue
        role, conf, rest, rest_offset = hit
        if not rest.strip() and ":" not in line.text and i > 0 and line.table is None and \
                is_person_name(lines[i - 1].text):
            continue  # "Dana Cole" / "Owner": a title under a name, not a label
        value_lines = _value_lines(lines, i, rest, rest_offset)
        if line.table is not None and not rest.strip() and _is_column_listing(value_lines):
            continue
        if role == "project":
            if value_lines and not is_tbd(value_lines[0].text):
                v = value_lines[0]
                name = _drop_document_word(clean_name(v.text))
                if name and not is_blank_fill(name):
                    where = _address_after_name(name)
                    if where is not None:
                        # "Project: Cedar Point School Addition, 900 Lakeshore Blvd, Sandusky, OH"
                        at = v.start + v.text.find(where)
                        sites.append(Cand(where, at, at + len(where), conf * 0.9,
                                          "parties.project_address"))
                        name = name[: name.find(where)].rstrip(" ,;–-")
                    projects.append(Cand(name, v.start, v.start + len(name), conf,
                                         "parties.project_label"))
                    if where is None and not rest.strip() and len(value_lines) > 1 and \
                            is_address_line(value_lines[1].text):
                        # "Project:" over the project's name and, under it, its address
                        address, s, e = join_address([x for x in value_lines[1:3]
                                                      if is_address_line(x.text)
                                                      or POSTAL_LINE.search(x.text)])
                        sites.append(Cand(address, s, e, conf * 0.85, "parties.project_address"))
            continue
        if role == "site":
            address, s, e = join_address(value_lines)
            cut = _CONTACT_AFTER.search(address)
            if cut is not None:
                # "Job address: 2718 W. Balmoral Ave, Chicago, IL 60625 Phone: …" (lines OCR ran
                # together): the address ends where the contact details begin.
                address = address[:cut.start()].rstrip(" ,;|")
                e = min(e, s + len(address))
            if address and is_tbd(address):
                tbd_site = (s, e)
            elif address:
                sites.append(Cand(address, s, e, conf, "parties.site_label"))
            continue
        if role == "contact":
            owner_role = _nearest_role(lines, i, sub)
            if owner_role and value_lines:
                contact_card = Card(owner_role, None)
                v = value_lines[0]
                person = re.split(r"\s*[,|;(]\s*|\s{2,}", v.text)[0]
                if is_person_name(person):
                    contact_card.contact.append(Cand(clean_name(person), v.start,
                                                      v.start + len(clean_name(person)), conf,
                                                      "parties.contact_label"))
                fill_details(contact_card, [rest_of(v, len(person)), *value_lines[1:]],
                              conf * 0.9, "parties.contact_label")
                cards.append(contact_card)
            continue
        card = _read_card(role, conf, value_lines, "parties.label")
        if card is not None:
            cards.append(card)
    return cards, projects, sites, tbd_site


_DETAIL_LABEL = re.compile(
    r"^\s*(?P<label>address|mailing\s+address|office\s+address|street|phone|telephone|tel|"
    r"mobile|cell|office|fax|e-?mail|email\s+address|contact|contact\s+person|attn|"
    r"attention(?:\s+of)?|c/o|website|web)\s*[:.]?\s*",
    re.I,
)


def _value_lines(lines: list[Line], i: int, rest: str, rest_offset: int) -> list[Line]:
    """The value of a label: the rest of its line, the next cell, or the card below it."""
    line = lines[i]
    out: list[Line] = []
    body = rest.strip()
    if body and not is_blank_fill(body):
        lead = len(rest) - len(rest.lstrip())
        out.append(Line(body, rest_offset + lead, rest_offset + lead + len(body), line.block,
                        line.kind, line.table, line.row, line.col))
    if line.table is not None:
        same_cell = [ln for ln in lines[i + 1:i + 1 + CARD_LIMIT] if ln.block == line.block]
        if out or same_cell:
            return out + same_cell + _detail_rows(lines, i)
        right = [ln for ln in lines[i + 1:i + 1 + CARD_LIMIT]
                 if ln.table == line.table and ln.row == line.row]
        if right and _LABEL_RE.match(right[0].text) is None:
            return right + _detail_rows(lines, i)
        below = [ln for ln in lines[i + 1:i + 80] if ln.table == line.table
                 and ln.col == line.col and ln.row is not None and line.row is not None
                 and ln.row > line.row]
        return below[:CARD_LIMIT]
    follow: list[Line] = []
    for ln in lines[i + 1:i + 1 + CARD_LIMIT]:
        if ln.table is not None or ln.kind is BlockKind.heading:
            break
        hit = label_of(ln)
        if hit is not None and hit[0] != "contact":
            break
        if len(ln.text.split()) > 14:
            break
        follow.append(ln)
    if out:
        return out + _same_card(follow, first_block=line.block)
    return _same_card(follow, first_block=None)


def _detail_rows(lines: list[Line], i: int) -> list[Line]:
    """Rows below a "Bidder | Acme" row that carry its address, phone, email, contact."""
    line = lines[i]
    out: list[Line] = []
    rows: dict[int, list[Line]] = {}
    for ln in lines[i + 1:i + 60]:
        if ln.table != line.table or ln.row is None or line.row is None or ln.row <= line.row:
            continue
        rows.setdefault(ln.row, []).append(ln)
    for row in sorted(rows):
        cells = rows[row]
        m = _DETAIL_LABEL.match(cells[0].text)
        if m is None:
            break
        hint = re.sub(r"\W", "", m.group("label").lower())
        values = cells[1:] if len(cells) > 1 else []
        if not values and m.end() < len(cells[0].text):
            c = cells[0]
            values = [Line(c.text[m.end():].strip(), c.start + m.end(), c.end, c.block, c.kind,
                           c.table, c.row, c.col)]
        for v in values:
            if v.text.strip():
                out.append(Line(v.text, v.start, v.end, v.block, v.kind, v.table, v.row, v.col,
                                hint))
    return out


def _detail(text: str) -> tuple[str, int] | None:
    """(hint, where the value starts) for "Phone: …", "Email …", "Attn …" detail lines."""
    m = _DETAIL_LABEL.match(text)
    if m is None:
        return None
    hint = re.sub(r"\W", "", m.group("label").lower())
    if hint.startswith("attention") or hint == "co":
        hint = "attention"
    rest = text[m.end():].strip()
    colon = ":" in text[:m.end()]
    if colon or hint in {"attn", "attention", "tel"}:
        return hint, m.end()
    if hint in {"phone", "telephone", "mobile", "cell", "office", "fax"}:
        ok = bool(PHONE.match(rest))
    elif hint in {"email", "emailaddress"}:
        ok = bool(EMAIL.match(rest))
    elif hint in {"contact", "contactperson"}:
        ok = is_person_name(rest)
    elif hint in {"address", "mailingaddress", "officeaddress", "street"}:
        ok = bool(re.match(r"\d", rest)) or is_address_line(rest.split(",")[0]) or bool(
            POSTAL_LINE.search(rest))
    else:
        ok = False
    return (hint, m.end()) if ok else None


def _is_column_listing(values: list[Line]) -> bool:
    """A header cell over a column of several names (a bid tabulation) is not a party card."""
    names = [v for v in values if looks_like_name(v.text) and not card_line(v.text)]
    return len(names) >= 2


def _same_card(follow: list[Line], first_block: int | None) -> list[Line]:
    out: list[Line] = []
    block = first_block
    for ln in follow:
        if block is not None and ln.block != block and not card_line(ln.text):
            break
        out.append(ln)
        block = ln.block
    return out


def card_line(text: str) -> bool:
    """Lines that continue a party card: address, phone, email, a person's name."""
    return bool(is_address_line(text) or PHONE.search(text) or EMAIL.search(text)
                or is_person_name(text) or _detail(text) is not None)


def _read_card(role: Role, conf: float, value_lines: list[Line], method: str) -> Card | None:
    if not value_lines:
        return None
    first = value_lines[0]
    card = Card(role, None)
    if is_tbd(first.text):
        card.tbd = (first.start, first.end)
        return card
    named = _NAME_FIELD.match(first.text)
    if named:  # "Name: Maria Lopez" inside a "Customer Information" card
        first = rest_of(first, named.end())
        value_lines = [first, *value_lines[1:]]
    rest_lines = value_lines[1:]
    name_text = clean_name(re.split(r"\s{2,}|\t|\s[|•·]\s", first.text)[0])
    # "City of Millbrook, 100 Main St, Millbrook, IL 62701": a name, then its address.
    lead = leading_name(first.text)
    after = first.text[len(lead):].lstrip(" ,.") if first.text.startswith(lead) else ""
    after = re.sub(r"^\([^)]{0,60}\)[\s,]*", "", after)  # "(License #EC13005)"
    if _detail(first.text) is not None:
        rest_lines = value_lines
    elif lead and looks_like_name(lead) and after and (card_line(
            after.split(",")[0] if not EMAIL.search(after) else after)
            or POSTAL_LINE.search(after)):
        card.name = Cand(lead, first.start, first.start + len(lead), conf * 0.95, method)
        offset = first.start + first.text.index(after, len(lead))
        rest_lines = [Line(after, offset, offset + len(after), first.block, first.kind,
                           first.table, first.row, first.col), *rest_lines]
    elif looks_like_name(name_text) or (is_org_name(name_text) and len(name_text) < 80):
        card.name = Cand(name_text, first.start, first.start + len(name_text), conf, method)
    else:
        rest_lines = value_lines
    org = _org_line(rest_lines)
    if org is not None and (card.name is None or is_person_name(card.name.value)):
        # "Prepared for: John Smith / ABC Properties LLC": the organisation is the party and
        # the person its contact; "Bill To: Attn: Jane Doe / ABC Properties LLC" likewise.
        if card.name is not None:
            card.contact.append(card.name)
        card.name = Cand(org.text, org.start, org.end, conf * 0.95, method)
        rest_lines = [ln for ln in rest_lines if ln is not org]
    fill_details(card, rest_lines, conf, method)
    if card.name is None and not (card.email or card.phone or card.address or card.contact):
        return None
    return card


_NAME_FIELD = re.compile(r"(?i)^\s*(?:(?:company|customer|client|owner|business|full|legal)\s+)?"
                         r"name\s*[:\-]\s*(?=\S)")


def _org_line(lines: list[Line]) -> Line | None:
    """The first organisation name among a card's lines (before its address)."""
    for ln in lines[:3]:
        text = clean_name(ln.text)
        if is_address_line(text) or PHONE.search(text) or EMAIL.search(text):
            return None
        if re.search(r"(?i)\b(project|renovation|remodel|replacement|improvements?|repairs?|"
                     r"installation|upgrade|addition)\b", text):
            continue  # the job, not the organisation
        if is_org_name(text) and looks_like_name(text) and not is_person_name(text) and \
                _detail(text) is None:
            lead = len(ln.text) - len(ln.text.lstrip())
            return Line(text, ln.start + lead, ln.start + lead + len(text), ln.block, ln.kind,
                        ln.table, ln.row, ln.col)
    return None


_SEGMENT = re.compile(
    r"\s*(?:[|;•·]|\s[–—-]\s|,(?=\s*(?:attn|attention|contact|e-?mail|phone|tel|mobile|cell|fax|"
    r"\+\d|\(?\d{3}|0\d{3}|[\w.+-]+@))|\s{3,})\s*"
    # text run together from several lines (a table cell read as one line)
    r"|\s+(?=(?i:attn|attention|e-?mail|phone|tel|fax|mobile|cell|contact)\s*[:.])"
    r"|(?<=[A-Za-z.])\s+(?=\d{1,6}\s+[A-Z][a-z]+\s+[A-Z][a-z]+\b(?!:))"
    r"|(?<=[a-z.])\s+(?=\+?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4})"
    r"|(?<=[\w.])\s+(?=[\w.+-]+@[\w-]+\.)",
)


def _segments(ln: Line) -> list[Line]:
    """Split "Attn: Jane Doe, jane@x.com, (555) 555-0100" into its pieces (addresses stay whole)."""
    if not (EMAIL.search(ln.text) or PHONE.search(ln.text) or _DETAIL_LABEL.search(ln.text)
            or re.search(r"(?i)\b(attn|attention|e-?mail|phone|tel|contact)\s*:|\battention\s+of\b"
                         r"|\bc/o\b", ln.text)):
        return [ln]
    out: list[Line] = []
    pos = 0
    for m in [*_SEGMENT.finditer(ln.text), None]:
        end = m.start() if m else len(ln.text)
        piece = ln.text[pos:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            body = piece.strip()
            s = ln.start + pos + lead
            out.append(Line(body, s, s + len(body), ln.block, ln.kind, ln.table, ln.row, ln.col,
                            ln.hint))
        if m is None:
            break
        pos = m.end()
    return out


def _address_after_name(value: str) -> str | None:
    """The street address a project label runs on into, after the project's name and a comma."""
    for m in re.finditer(r",\s*(?=\d{1,6}[A-Za-z]?\s+[A-Za-z])", value):
        rest = value[m.end():]
        street = rest.split(",")[0]
        # A street word or a city/postal part, not just "3 Story Addition".
        if m.start() > 3 and re.search(r"[A-Za-z]{3}", value[:m.start()]) and is_address_line(street) \
                and (ADDRESS_LINE.match(street) or POSTAL_LINE.search(rest)):
            return rest.strip()
    return None


# A contact named in a sentence: "The Subcontractor's contact is Ray Dombrowski, …",
# "Owner's representative: Nadia Castellanos, …".
_PROSE_CONTACT = re.compile(
    r"\b(?:contact(?:\s+person)?|representative|project\s+manager|point\s+of\s+contact)"
    r"(?:\s+(?:is|will\s+be|shall\s+be)\s+|\s*:\s*)", re.I)


def fill_details(card: Card, lines: list[Line], conf: float, method: str) -> None:
    address_parts: list[Line] = []
    address_done = False
    for whole in lines:
        for ln in _segments(whole):
            text, hint = ln.text, ln.hint
            detail = _detail(text)
            if detail is not None:
                hint, cut = detail
                ln = Line(text[cut:].strip(), ln.start + cut + (len(text[cut:]) - len(
                    text[cut:].lstrip())), ln.end, ln.block, ln.kind, ln.table, ln.row, ln.col,
                    hint)
                text = ln.text
            if not text:
                continue
            if hint in {"contact", "contactperson", "attn", "attention"}:
                person = re.split(r"\s*[,|;(]\s*|\s{2,}", text)[0]
                if is_person_name(person) or looks_like_name(person):
                    v = clean_name(person)
                    card.contact.append(Cand(v, ln.start, ln.start + len(v), conf, method))
                    hint = None
            prose = _PROSE_CONTACT.search(text) if not card.contact else None
            if prose is not None:
                person = re.split(r"\s*[,|;(]\s*|\s{2,}", text[prose.end():])[0].rstrip(".")
                if is_person_name(person):
                    v = clean_name(person)
                    at = ln.start + prose.end()
                    card.contact.append(Cand(v, at, at + len(v), conf, method))
            emails = list(EMAIL.finditer(text))
            for m in emails:
                card.email.append(Cand(m.group(0).replace(" ", ""), ln.start + m.start(),
                                        ln.start + m.end(), conf, method))
            phones = [m for m in PHONE.finditer(text)
                      if not any(e.start() <= m.start() < e.end() for e in emails)]
            for m in phones:
                if hint == "fax" or re.search(r"\bfax\b", text[:m.start()], re.I):
                    continue
                card.phone.append(Cand(m.group(0).strip(), ln.start + m.start(),
                                        ln.start + m.end(), conf, method))
            if emails or phones:
                if address_parts:
                    address_done = True
                continue
            if hint in {"contact", "contactperson", "attn", "attention"}:
                continue
            if not address_done and (is_address_line(text) or hint in {
                    "address", "mailingaddress", "officeaddress", "street"}):
                address_parts.append(ln)
                continue
            if address_parts:
                address_done = True
            if is_person_name(text) and not address_parts and not card.contact:
                v = clean_name(text)
                card.contact.append(Cand(v, ln.start, ln.start + len(v), conf * 0.9, method))
    if address_parts:
        address, s, e = join_address(address_parts)
        card.address.append(Cand(address, s, e, conf, method))


_CONTACT_AFTER = re.compile(r"\s+(?:phone|tel|telephone|cell|mobile|fax|e-?mail)\s*[:.]", re.I)


def join_address(lines: list[Line]) -> tuple[str, int, int]:
    """Consecutive address lines joined with commas: street, city/postal, country."""
    if not lines:
        return "", 0, 0
    parts = [lines[0]]
    for ln in lines[1:4]:
        if not is_address_line(ln.text) and ln.hint not in {"address", "mailingaddress"}:
            break
        parts.append(ln)
    text = ", ".join(re.sub(r"\s+", " ", p.text).strip(" ,") for p in parts)
    return text, parts[0].start, parts[-1].end


def rest_of(line: Line, cut: int) -> Line:
    body = line.text[cut:].lstrip(" ,;|")
    start = line.end - len(body)
    return Line(body, start, line.end, line.block, line.kind, line.table, line.row, line.col,
                line.hint)


def _nearest_role(lines: list[Line], i: int, sub: bool = False) -> Role | None:
    for ln in reversed(lines[max(0, i - 6):i]):
        hit = label_of(ln, sub)
        if hit and hit[0] in {"client", "contractor"}:
            return hit[0]
    return None
