"""Parties: the client (who buys) and the contractor (who sells), the project and its site.

Roles come from the document's own words, strongest first:

1. defined terms — ``Acme LLC ("Contractor")``, ``hereinafter "Owner"``, "made between A
   ("Owner") and B ("Contractor")";
2. labels — "Prepared for:", "Bill To:", "Customer:", "Owner:", "Prepared by:", "Contractor:",
   "Vendor:" … with the value on the same line, in the next cell, or in the lines below (the
   party's card: name, contact, address, phone, email);
3. award wording — "awarded to X", "award the contract to X" names the contractor; the public
   body awarding it ("City of …") is the client;
4. the letterhead — an organisation name at the top of page 1 with its address/phone/email is
   the sender: the contractor, unless it is a public body issuing an award.

Position alone never decides a role. The site address ("Job site:", "Site Address:",
"Location:", "Property:") is kept apart from any party's office address.
"""

from __future__ import annotations

import re

from extractors.context import Context
from extractors.fieldmake import ambiguous, found, stated_tbd
from extractors.lines import Line, document_lines
from extractors.party_cards import (
    CARD_LIMIT,
    Cand,
    Card,
    Role,
    card_line,
    fill_details,
    label_cards,
    label_of,
)
from extractors.party_sources import (
    award_cards,
    defined_terms,
    letterhead_cards,
    norm,
    prose_projects,
    prose_sites,
    recipient_cards,
)
from extractors.party_text import EMAIL, defines_subcontractor, is_org_name, is_person_name
from models.handoff import Field, Parties, Party

__all__ = ["extract_parties"]

def extract_parties(ctx: Context) -> Parties:
    """Client, contractor, project name and site address, each with evidence.

    Computed once per Context (signatures ask again to match signer names to parties)."""
    cached = ctx.__dict__.get("_parties")
    if isinstance(cached, Parties):
        return cached
    result = _extract_parties(ctx)
    ctx.__dict__["_parties"] = result
    return result


def _extract_parties(ctx: Context) -> Parties:
    lines = list(document_lines(ctx.document))
    cards: list[Card] = []
    projects: list[Cand] = []
    sites: list[Cand] = []
    tbd_site: tuple[int, int] | None = None

    sub = defines_subcontractor(ctx.document.text)
    cards += defined_terms(ctx, sub)
    labelled, projects, sites, tbd_site = label_cards(ctx, lines, sub)
    cards += labelled
    cards += award_cards(ctx)
    cards += letterhead_cards(ctx, lines, cards)
    cards += recipient_cards(ctx, lines, cards)
    projects += prose_projects(ctx)
    sites += prose_sites(ctx)

    cards = _one_role_each(cards)
    client = _assemble(ctx, [c for c in cards if c.role == "client"], "client")
    contractor = _assemble(ctx, [c for c in cards if c.role == "contractor"], "contractor")
    # The contractor's office is never the site; a homeowner's address often is.
    offices = {norm(p.address.value) for p in (contractor,) if p.address.value}
    sites = [c for c in sites if norm(c.value) not in offices or c.method == "parties.site_label"]
    for party in (client, contractor):
        _details_from_name_card(ctx, lines, party)
    _details_by_email_domain(ctx, lines, client, contractor)
    site = _choose(ctx, sites)
    if site.status.value == "not_found" and tbd_site is not None:
        site = stated_tbd(ctx, *tbd_site, method="parties.site_label")
    if site.status.value == "not_found":
        site = _site_at_client_address(ctx, client) or site
    return Parties(client=client, contractor=contractor, project_name=_choose(ctx, projects),
                   site_address=site)


_AT_ADDRESS_ABOVE = re.compile(
    r"\b(?:at|to|for)\s+(?:the\s+)?(?:address\s+(?:above|shown\s+above|given\s+above)|above\s+address|"
    r"(?:same|above)\s+(?:address|premises|property))\b", re.I)


def _site_at_client_address(ctx: Context, client: Party) -> Field[str] | None:
    """"… at the address above": the work is at the client's address named above it."""
    address = client.address
    if not address.found or not address.evidence or address.value is None:
        return None
    m = _AT_ADDRESS_ABOVE.search(ctx.document.text)
    if m is None or m.start() < (address.evidence[0].start or 0):
        return None
    site = found(ctx, address.value, m.start(), m.end(), confidence=0.6,
                 method="parties.site_address_above")
    site.evidence += address.evidence
    return site


# --- assembly -------------------------------------------------------------------------------
def _one_role_each(cards: list[Card]) -> list[Card]:
    """A name named for both roles keeps only its stronger one."""
    best: dict[str, tuple[float, str]] = {}
    for c in cards:
        if c.name is None:
            continue
        key = norm(c.name.value)
        if key not in best or c.name.confidence > best[key][0]:
            best[key] = (c.name.confidence, c.role)
    return [c for c in cards if c.name is None or best[norm(c.name.value)][1] == c.role]


def _choose(ctx: Context, cands: list[Cand]) -> Field[str]:
    """The best-supported value: agreeing candidates add up; a tie between different values
    of equal strength is ambiguous."""
    if not cands:
        return Field[str]()
    support: dict[str, float] = {}
    best_of: dict[str, Cand] = {}
    for c in cands:
        key = norm(c.value)
        if not key:
            continue
        support[key] = support.get(key, 0.0) + c.confidence
        if key not in best_of or c.confidence > best_of[key].confidence:
            best_of[key] = c
    if not support:
        return Field[str]()
    ranked = sorted(support, key=lambda k: (best_of[k].confidence, support[k]), reverse=True)
    top = best_of[ranked[0]]
    if len(ranked) > 1:
        second = best_of[ranked[1]]
        if (abs(second.confidence - top.confidence) < 1e-6 and support[ranked[1]] >=
                support[ranked[0]] and not _contains(top.value, second.value)):
            return ambiguous([found(ctx, c.value, c.start, c.end, confidence=c.confidence,
                                    method=c.method) for c in (top, second)])
    bonus = min(0.05 * (support[ranked[0]] / top.confidence - 1), 0.1)
    return found(ctx, top.value, top.start, top.end, confidence=min(1.0, top.confidence + bonus),
                 method=top.method)


def _contains(a: str, b: str) -> bool:
    na, nb = norm(a), norm(b)
    return na in nb or nb in na


def _assemble(ctx: Context, cards: list[Card], role: Role) -> Party:
    names = [c.name for c in cards if c.name is not None]
    contacts = [x for c in cards for x in c.contact]
    # A person's name under "Prepared by:" is the contact when an organisation is also named.
    orgs = [n for n in names if is_org_name(n.value)]
    persons = [n for n in names if not is_org_name(n.value) and is_person_name(n.value)]
    if orgs and persons:
        best_org = max(o.confidence for o in orgs)
        if role == "contractor" or best_org >= max(p.confidence for p in persons):
            contacts += [Cand(p.value, p.start, p.end, p.confidence * 0.9, p.method)
                         for p in persons]
            names = orgs
    party = Party(name=_choose(ctx, names))
    if party.name.status.value == "not_found":
        tbd = next((c.tbd for c in cards if c.tbd), None)
        if tbd:
            party.name = stated_tbd(ctx, *tbd, method="parties.label")
    chosen = party.name.value
    # Details from the cards that agree with the chosen name weigh most.
    def weight(card: Card) -> float:
        if chosen and card.name is not None and _contains(card.name.value, chosen):
            return 1.0
        return 0.7 if card.name is None else 0.5

    def gather(attr: str) -> list[Cand]:
        out: list[Cand] = []
        for card in cards:
            w = weight(card)
            for c in getattr(card, attr):
                out.append(Cand(c.value, c.start, c.end, c.confidence * w, c.method))
        return out

    contact_cands = [c for c in contacts if not (chosen and norm(c.value) == norm(chosen))]
    party.contact = _pick(ctx, contact_cands)
    party.email = _pick(ctx, gather("email"))
    party.phone = _pick(ctx, gather("phone"))
    party.address = _pick(ctx, gather("address"))
    return party


def _details_from_name_card(ctx: Context, lines: list[Line], party: Party) -> None:
    """Fill missing details from a card headed by the party's name elsewhere (an addressee block,
    a signature block's company line)."""
    name = party.name.value
    if not name or (party.address.found and party.email.found and party.phone.found
                    and party.contact.found):
        return
    key = norm(name)
    for i, ln in enumerate(lines):
        if norm(ln.text) != key:
            continue
        follow = [x for x in lines[i + 1:i + 1 + CARD_LIMIT] if x.table == ln.table
                  and (ln.table is None or x.block == ln.block)]
        card_lines: list[Line] = []
        for x in follow:
            label = label_of(x)
            # "Attention: …" inside the card is its contact, not the next party's label.
            if not card_line(x.text) or (label is not None and label[0] != "contact"):
                break
            card_lines.append(x)
        if not card_lines:
            continue
        card = Card("any", None)
        fill_details(card, card_lines, 0.6, "parties.name_card")
        for attr in ("address", "email", "phone", "contact"):
            field_ = getattr(party, attr)
            cands = getattr(card, attr)
            if not field_.found and cands:
                setattr(party, attr, _pick(ctx, cands))
        return


_GENERIC_NAME_WORDS = {
    "the", "of", "and", "llc", "inc", "co", "corp", "ltd", "group", "services", "service",
    "company", "city", "county", "town", "village", "state", "public", "works", "department",
    "partners", "associates", "construction", "contractors", "solutions", "systems", "bv", "gmbh",
}


def _domain_matches(email: str, name: str) -> bool:
    """Whether an email's domain names the party ("purchasing@san.gov" ~ "County of San Benito")."""
    domain = email.split("@")[-1].lower()
    stem = domain.split(".")[-3] if domain.count(".") >= 2 and domain.split(".")[-2] in {
        "co", "com", "org", "gov", "net", "ac"} else domain.split(".")[0]
    words = [w for w in re.findall(r"[a-z0-9]+", name.lower())]
    slug = "".join(words)
    if len(stem) >= 4 and stem in slug:
        return True
    return any(w == stem or (len(w) >= 3 and stem.startswith(w) and w not in _GENERIC_NAME_WORDS)
               for w in words if w not in _GENERIC_NAME_WORDS)


def _details_by_email_domain(ctx: Context, lines: list[Line], *parties: Party) -> None:
    """A contact line outside any card ("Contact: A. Kowalski, purchasing@san.gov, 555-0100")
    belongs to the party its email domain names."""
    used = {p.email.value for p in parties if p.email.found}
    for ln in lines:
        for m in EMAIL.finditer(ln.text):
            email = m.group(0).replace(" ", "")
            if email in used:
                continue
            owners = [p for p in parties if p.name.value and _domain_matches(email, p.name.value)]
            if len(owners) != 1 or owners[0].email.found:
                continue
            party = owners[0]
            card = Card("any", None)
            fill_details(card, [_sentence_around(ln, m.start(), m.end())], 0.6,
                         "parties.email_domain")
            for attr in ("email", "phone", "contact"):
                if not getattr(party, attr).found and getattr(card, attr):
                    setattr(party, attr, _pick(ctx, getattr(card, attr)))
            used.add(email)


_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-Z])")


def _sentence_around(line: Line, start: int, end: int) -> Line:
    """The sentence of a line holding ``text[start:end]``: a paragraph naming both parties'
    contacts ("… Megan Sato, msato@…, 216-555-0142. The Subcontractor's contact is …") gives
    each email only the phone and person of its own sentence."""
    cuts = [0, *(m.end() for m in _SENTENCE_END.finditer(line.text)), len(line.text)]
    lo = max(c for c in cuts if c <= start)
    hi = min(c for c in cuts if c >= end)
    body = line.text[lo:hi]
    lead = len(body) - len(body.lstrip())
    return Line(body.strip(), line.start + lo + lead, line.start + lo + lead + len(body.strip()),
                line.block, line.kind, line.table, line.row, line.col, line.hint)


def _pick(ctx: Context, cands: list[Cand]) -> Field[str]:
    """Like ``_choose`` but details never go ambiguous: the first strongest wins."""
    if not cands:
        return Field[str]()
    top = max(cands, key=lambda c: c.confidence)
    return found(ctx, top.value, top.start, top.end, confidence=top.confidence, method=top.method)
