"""Where parties are named besides labels: defined terms, award wording, the letterhead, a
letter's addressee, and project names and site addresses written in prose."""

from __future__ import annotations

import re

from extractors.context import Context
from extractors.lines import Line, block_lines, document_lines
from extractors.party_cards import (
    Cand,
    Card,
    Role,
    card_line,
    fill_details,
    label_of,
    rest_of,
)
from extractors.party_text import (
    EMAIL,
    PHONE,
    agency_name,
    clean_name,
    has_legal_suffix,
    is_address_line,
    is_org_name,
    leading_name,
    looks_like_name,
)
from models.document import BlockKind

__all__ = ["award_cards", "defined_terms", "letterhead_cards", "norm", "prose_projects",
           "prose_sites", "recipient_cards"]

_ROLE_WORDS: dict[str, Role] = {
    "owner": "client", "client": "client", "customer": "client", "buyer": "client",
    "purchaser": "client", "homeowner": "client", "city": "client", "county": "client",
    "town": "client", "village": "client", "district": "client", "agency": "client",
    "authority": "client", "tenant": "client", "licensee": "client", "recipient": "client",
    "state": "client", "board": "client", "university": "client", "school": "client",
    "contractor": "contractor", "subcontractor": "contractor", "consultant": "contractor",
    "vendor": "contractor", "provider": "contractor", "service provider": "contractor",
    "supplier": "contractor", "seller": "contractor", "bidder": "contractor",
    "licensor": "contractor", "installer": "contractor", "design-builder": "contractor",
    "engineer": "contractor", "architect": "contractor", "firm": "contractor",
    "msp": "contractor", "company": "company",
}
_DEFINED = re.compile(
    r"\(\s*(?:each\s+a\s+[\"“]?party[\"”]?\s+and\s+)?(?:hereinafter\s+(?:referred\s+to\s+as\s+|"
    r"called\s+)?)?(?:the\s+)?[\"“'‘]?(?P<role>" + "|".join(
        sorted((re.escape(k) for k in _ROLE_WORDS), key=len, reverse=True))
    + r")[\"”'’]?\s*\)"
    r"|,?\s*(?:hereinafter|hereafter)\s+(?:referred\s+to\s+as\s+|called\s+|known\s+as\s+)?"
    r"(?:the\s+)?[\"“'‘]?(?P<role2>" + "|".join(
        sorted((re.escape(k) for k in _ROLE_WORDS), key=len, reverse=True)) + r")\b[\"”'’]?",
    re.I,
)
_DEFINED_BOUNDARY = re.compile(
    r"(?:\bby\s+and\s+between\b|\bbetween\b|\bamong\b|\band\b|\bby\b|\bwith\b|\bfrom\b|\bto\b|"
    r"[;:\n]|\.\s|^)\s*(?:the\s+)?",
    re.I,
)
_AWARD = re.compile(
    r"\b(?i:award(?:s|ed|ing)?|recommend(?:s|ed|ing)?\s+(?:award|approval)[\w\s,]*?)\s+"
    r"(?i:(?:of\s+)?(?:the|a|this|said)\s+)?"
    r"(?i:(?:above|above-referenced|above-named|referenced|subject|captioned)\s+)?(?i:contract|bid|agreement|project|work|purchase\s+"
    r"order|proposal)?\s*(?i:for\s+[^.;]{0,80}?\s+)?(?i:is\s+(?:hereby\s+)?)?(?i:to)\s+"
    r"(?P<name>[A-Z0-9][^\n;:()]{1,100})",
)
_AWARDEE = re.compile(
    r"(?:lowest\s+(?:responsive\s+(?:and\s+)?)?(?:responsible\s+)?bidder|successful\s+bidder|"
    r"selected\s+(?:contractor|vendor|firm|consultant)|apparent\s+low\s+bidder)\s*[,:]?\s+"
    r"(?P<name>[A-Z0-9][^\n;:()]{1,100})"
    r"|(?:^|[,;:]\s+|\bthat\s+)(?P<name2>[A-Z][^\n;:()]{1,100}?)\s+(?:submitted|was|is)\s+the\s+"
    r"(?:lowest|successful|best)\s",
)
_SITE_PROSE = re.compile(
    r"(?:\b(?:located\s+at|property\s+at|premises\s+at|site\s+at|work\s+at|residence\s+at|"
    r"project\s+at|located\s+on|home\s+at|building\s+at|facility\s+at)|(?:^|\n)(?i:re|project|"
    r"job|subject):?\s+[^\n]{0,60}?\bat)\s+"
    r"(?P<addr>\d{1,6}\s+[A-Z0-9][^\n;]{3,120}?)(?=[.;](?:\s|$)|\s*\(|\n|$)",
)
_PROJECT_PROSE = re.compile(
    r"\b(?:for\s+the|re:?|regarding\s+the|known\s+as(?:\s+the)?)\s+[\"“]?(?P<name>[A-Z0-9][\w&'’,./-]*"
    r"(?:\s+(?:[A-Z0-9][\w&'’./-]*|of|and|&|at|the|for|to|on|in|-|–)){0,10}\s+"
    r"(?:Project|Renovation|Remodel|Replacement|Improvements|Upgrade|Installation|Addition|"
    r"Build-?out|Fit-?out|Expansion|Repairs?|Construction|Program|Services))\b"
)
def norm(value: str) -> str:
    """A name for comparison: lower case, letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", value.lower())


# --- 1. defined terms -----------------------------------------------------------------------
def _word_role(word: str, sub: bool) -> Role | None:
    """The role a defining word gives; in a subcontract the "Contractor" is the buyer."""
    word = word.lower()
    if sub and word in {"contractor", "general contractor"}:
        return "client"
    if word == "general contractor":
        return "contractor"
    return _ROLE_WORDS.get(word)


def defined_terms(ctx: Context, sub: bool) -> list[Card]:
    text = ctx.document.text
    found_roles: list[tuple[str, Cand, str]] = []
    for m in _DEFINED.finditer(text):
        word = (m.group("role") or m.group("role2") or "").lower()
        role = _word_role(word, sub)
        if role is None:
            continue
        found_name = _name_before(text, m.start())
        if found_name is None:
            continue
        name, offset = found_name
        cand = Cand(name, offset, offset + len(name), 0.95, "parties.defined_term")
        found_roles.append((role, cand, text[offset + len(name):m.start()]))
    # "Company" is whichever side the other party is not.
    roles = {r for r, _, _ in found_roles}
    cards: list[Card] = []
    for role, cand, rest in found_roles:
        if role == "company":
            if "client" in roles and "contractor" not in roles:
                role = "contractor"
            elif "contractor" in roles and "client" not in roles:
                role = "client"
            else:
                continue
        card = Card(role, cand)
        address = _address_in(rest)
        if address:
            s = cand.end + rest.find(address)
            card.address.append(Cand(address, s, s + len(address), 0.8, "parties.defined_term"))
        cards.append(card)
    return cards


def _name_before(text: str, end: int) -> tuple[str, int] | None:
    """The party name a defined term refers to: the farthest name after 'between', 'by',
    'and', ';' or a line start that runs up to the term, with at most a descriptor or an
    address between ("Acme IT, Inc., a Texas corporation with offices at … ("Provider")")."""
    window_start = max(0, end - 300)
    window = text[window_start:end]
    for m in _DEFINED_BOUNDARY.finditer(window):
        if m.end() >= len(window) - 2:
            continue
        segment = window[m.end():]
        name = leading_name(segment)
        if not name or not looks_like_name(name):
            continue
        at = segment.find(name.split()[0])
        rest = segment[at + len(name):] if segment[at:].startswith(name) else None
        if rest is None or "\n" in rest or re.search(
                r"[()\"“”;]|\b(?:hereinafter|hereafter|is|are|was|made|entered|agrees?|shall|"
                r"will)\b", rest, re.I):
            continue  # the name must run up to its term: a descriptor or address between
        if rest.strip() and not rest.lstrip().startswith(","):
            continue
        return name, window_start + m.end() + at
    return None


def _address_in(rest: str) -> str | None:
    """The address between a name and its defined term: "…, 12 Elm St, Lakeview, OH 44101 (…"."""
    body = rest.strip(" ,")
    if not body or len(body) > 200:
        return None
    where = re.search(r"(?i)\b(?:located|offices?|business|address\s+is|residing|resides)\s+"
                      r"(?:at|is)?\s*", body)
    if where:
        body = body[where.end():]
    first = body.split(",")[0].strip()
    if is_address_line(first) or any(is_address_line(p.strip()) for p in body.split(",")[1:3]):
        if re.match(r"^(?:an?|the)\s", body, re.I):
            return None
        return body.strip(" ,")
    return None


# --- 3. award wording -----------------------------------------------------------------------
def award_cards(ctx: Context) -> list[Card]:
    text = ctx.document.text
    cards: list[Card] = []
    for pattern, conf in ((_AWARD, 0.85), (_AWARDEE, 0.8)):
        for m in pattern.finditer(text):
            group = "name" if m.group("name") else "name2"
            raw = m.group(group)
            name = leading_name(raw)
            if not name or not looks_like_name(name) or agency_name(name) == name:
                continue
            if re.match(r"(?i)(the|a|an|this|said|such|you|your|lowest|contractor|bidder)\b",
                        name):
                continue
            s = m.start(group) + raw.find(name.split()[0])
            method = "parties.award"
            # An upper-case title line names it too, but mixed case is how the text writes it.
            cards.append(Card("contractor", Cand(name, s, s + len(name),
                                                   conf - (0.1 if name.isupper() else 0), method)))
    if cards:
        agency = _awarding_body(text)
        if agency is not None:
            value, s = agency
            cards.append(Card("client", Cand(value, s, s + len(value), 0.75,
                                               "parties.awarding_body")))
    return cards


def _awarding_body(text: str) -> tuple[str, int] | None:
    """The public body named first (mixed case preferred over an upper-case title)."""
    upper: tuple[str, int] | None = None
    for m in re.finditer(r"[^\n]{1,300}", text[:4000]):
        agency = agency_name(m.group(0))
        if not agency:
            continue
        s = m.start() + m.group(0).find(agency)
        if not agency.isupper():
            return agency, s
        upper = upper or (agency, s)
    return upper


# --- 4. letterhead --------------------------------------------------------------------------
def letterhead_cards(ctx: Context, lines: list[Line], known: list[Card]) -> list[Card]:
    """An organisation name atop page 1, with address/phone/email under it, sent the document."""
    header = _header_lines(ctx)
    seen = {ln.start for ln in header}
    top = header + [ln for ln in lines[:30] if _page_of(ctx, ln) in (None, 1)
                    and ln.start not in seen and ln.kind is not BlockKind.footer]
    found = _sender(top, len(header), "parties.letterhead")
    if found:
        return found
    # A form with the firm only in its footer ("Evergreen Lawn LLC · 9 Commerce Ct · …").
    footer = [ln for i, b in enumerate(ctx.document.blocks) if b.kind is BlockKind.footer
              and b.page in (None, 1) for ln in block_lines(i, b)]
    return [_weaker(c, 0.5) for c in _sender(footer, 0, "parties.footer")]


_ANY_LABEL_LINE = re.compile(r"(?i)^\s*(?:prepared\s+(?:for|by)|bill\s+to|submitted\s+(?:to|by)|"
                             r"customer|client|owner|contractor)\b[^a-z]*(?:prepared|bill|ship|"
                             r"submitted|customer|client|owner|contractor)?")


def _weaker(card: Card, conf: float) -> Card:
    if card.name is not None:
        card.name.confidence = min(card.name.confidence, conf)
    return card


def _sender(top: list[Line], header_count: int, method: str) -> list[Card]:
    last_label = -10
    for i, ln in enumerate(top):
        if i > 24 + header_count:
            break
        if label_of(ln) is not None or _ANY_LABEL_LINE.match(ln.text):
            last_label = i
            continue
        if ln.table is not None or i - last_label <= 3:
            continue  # inside a labelled card, not the sender's letterhead
        name = _DOC_WORDS.sub("", clean_name(re.split(r"\s{2,}|\t|\s[|•·–—]\s", ln.text)[0]))
        name = clean_name(name)
        if not looks_like_name(name):
            continue
        after: list[Line] = []
        for a in top[i + 1:i + 6]:
            if label_of(a) is not None or (a.kind is BlockKind.heading and a.block != ln.block):
                break
            if a.block != (after[-1].block if after else ln.block) and not card_line(a.text):
                break  # a new card (the addressee, another name) starts
            after.append(a)
        if not is_org_name(name) and not _named_by_own_email(name, [ln, *after[:3]]):
            continue
        has_contact = any(EMAIL.search(a.text) or PHONE.search(a.text) or is_address_line(a.text)
                          for a in after) or EMAIL.search(ln.text) or PHONE.search(ln.text)
        agency = agency_name(name)
        role: Role = "client" if agency else "contractor"
        if not has_contact and not agency:
            continue
        conf = (0.75 if i <= 4 + header_count else 0.65) if has_contact else 0.6
        card = Card(role, Cand(name, ln.start, ln.start + len(name), conf, method))
        details = [rest_of(ln, ln.text.find(name) + len(name))] if len(ln.text) > len(
            name) + 3 else []
        details += after
        fill_details(card, details, conf, method)
        card.contact = []  # a letterhead's people are rarely the contact person
        return [card]
    return []


def _named_by_own_email(name: str, lines: list[Line]) -> bool:
    """A firm whose name carries no trade or legal word ("Atelier Moreau Menuiserie") still
    heads its letterhead when the email under it is at its own domain (devis@atelier-moreau.fr)."""
    slug = re.sub(r"[^a-z0-9]", "", name.lower())
    for ln in lines:
        for m in EMAIL.finditer(ln.text):
            stem = re.sub(r"[^a-z0-9]", "", m.group(0).split("@")[-1].rsplit(".", 1)[0].lower())
            if len(stem) >= 5 and (stem in slug or slug in stem):
                return True
    return False


_DOC_WORDS = re.compile(
    r"\s+(?:quote|quotation|estimate|proposal|invoice|bid|contract|agreement|work\s+order)\b.*$"
    r"|\s*(?:#|no\.)\s*[\w-]+$",
    re.I,
)


def recipient_cards(ctx: Context, lines: list[Line], cards: list[Card]) -> list[Card]:
    """An unlabelled name-and-address block near the top of page 1, after the sender's
    letterhead, is the addressee: the client (in an award letter, the winning contractor)."""
    taken = {norm(c.name.value) for c in cards if c.name is not None}
    for i, ln in enumerate(lines[:16]):
        if _page_of(ctx, ln) not in (None, 1) or ln.table is not None:
            continue
        if i + 1 >= len(lines) or lines[i + 1].block != ln.block:
            continue  # the addressee's lines come as one block
        name = clean_name(ln.text)
        if norm(name) in taken or label_of(ln) is not None or not looks_like_name(name):
            continue
        if i > 0 and lines[i - 1].block != ln.block and lines[i - 1].text.rstrip().endswith(":"):
            continue  # the value of the lead-in above ("for the following Project:"), not a letter's
        card_lines = [x for x in lines[i + 1:i + 7] if x.block == ln.block]
        if not card_lines or not is_address_line(card_lines[0].text) or any(
                norm(x.text) in taken for x in card_lines):
            continue
        if any(c.name is not None and c.name.method == "parties.letterhead"
               and c.name.start == ln.start for c in cards):
            continue
        card = Card("client", Cand(name, ln.start, ln.start + len(name), 0.6,
                                     "parties.addressee"))
        fill_details(card, card_lines, 0.6, "parties.addressee")
        return [card]
    return []


def _header_lines(ctx: Context) -> list[Line]:
    out: list[Line] = []
    for i, block in enumerate(ctx.document.blocks):
        if block.kind is BlockKind.header and block.page in (None, 1):
            out += list(block_lines(i, block))
        if len(out) > 8 or (block.page or 1) > 1:
            break
    return out


def _page_of(ctx: Context, line: Line) -> int | None:
    return ctx.document.blocks[line.block].page


# --- prose project / site -------------------------------------------------------------------
_THE_X_PROJECT = re.compile(
    r"\bthe\s+(?P<name>[A-Z0-9][\w&'’-]*(?:\s+(?:[A-Z0-9][\w&'’-]*|of|and|&|at|for|to|-|–)){0,8})"
    r"\s+(?:project|engagement|job|work)\b",
)
_BIDS_FOR = re.compile(
    r"\b(?:bids?|proposals?|quotes?|quotations?|offers?|pricing|services|work)\s+(?:received\s+|"
    r"submitted\s+)?(?:for|on)\s+the\s+(?P<name>[A-Z0-9][\w&'’./-]*(?:\s+(?:[A-Z0-9][\w&'’./-]*|"
    r"of|and|&|at|the|for|on|in|to|-|–)){0,10})(?=\s+(?:located|project|at|in|on|for)\b|[,;.:(]|$)",
)
_DOC_TITLE = re.compile(
    r"^(?:bid\s+form|proposal(?:\s+and\s+contract)?|project\s+proposal|quote|quotation|"
    r"estimate|statement\s+of\s+work|scope\s+of\s+work|notice\s+of\s+award|agreement|"
    r"contract|change\s+order|work\s+order|invitation\s+to\s+bid|request\s+for\s+proposals?)$",
    re.I,
)


def prose_projects(ctx: Context) -> list[Cand]:
    """Project names the text gives in passing, or as the subtitle under the document title."""
    text = ctx.document.text[:6000]
    out: list[Cand] = []
    for pattern, conf in ((_PROJECT_PROSE, 0.5), (_BIDS_FOR, 0.55), (_THE_X_PROJECT, 0.45)):
        for m in pattern.finditer(text):
            name = clean_name(m.group("name"))
            if len(name.split()) >= 2 and not name.isupper():
                out.append(Cand(name, m.start("name"), m.start("name") + len(name), conf,
                                 "parties.project_prose"))
                break
    out += _title_subtitle(ctx)
    return out


def _title_subtitle(ctx: Context) -> list[Cand]:
    """"BID FORM" then "County Office Fit-Out": the line under a bare document title."""
    lines = list(document_lines(ctx.document))[:12]
    for i, ln in enumerate(lines[:-1]):
        if not _DOC_TITLE.match(ln.text.strip()):
            continue
        nxt = lines[i + 1]
        name = clean_name(nxt.text)
        if (looks_like_name(name) and len(name.split()) >= 2
                and not re.search(r"\d{3,}|#|\bno\.", name, re.I) and label_of(nxt) is None
                and not has_legal_suffix(name) and agency_name(name) is None):
            return [Cand(name, nxt.start, nxt.start + len(name), 0.5, "parties.title_subtitle")]
        return []
    return []


_FULL_ADDRESS = re.compile(
    r"(?<![\w$.,])\d{1,6}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}"
    r"(?:,\s*(?:Suite|Ste\.?|Unit|Apt\.?|#)\s*[\w-]+)?,\s*[A-Z][\w.'’ -]{1,40}?"
    r"(?:,\s*[A-Z]{2}\.?\s+\d{5}(?:-\d{4})?|\s+[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}|,\s*[A-Z]{2}\s+"
    r"[A-Z]\d[A-Z]\s?\d[A-Z]\d)"
)


def prose_sites(ctx: Context) -> list[Cand]:
    """Site addresses written in the text: "the property located at …", "Re: Rewire at …",
    or a full street address right after the project's name."""
    text = ctx.document.text
    out: list[Cand] = []
    for m in _SITE_PROSE.finditer(text):
        addr = m.group("addr").strip(" ,")
        out.append(Cand(addr, m.start("addr"), m.start("addr") + len(addr), 0.6,
                         "parties.site_prose"))
    for m in _FULL_ADDRESS.finditer(text, 0, 30_000):
        before = text[max(0, m.start() - 60):m.start()]
        if re.search(r"(?i)\b(?:at|project|renovation|improvements?|work|site|property|"
                     r"premises|located)\b[^,.;:]{0,40},?\s*$", before):
            out.append(Cand(m.group(0), m.start(), m.end(), 0.5, "parties.site_address_prose"))
    return out[:4]
