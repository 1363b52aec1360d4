"""Reading the pieces of a party's card: organisation and person names, emails, phones, addresses.

Pure functions over strings, used by ``extractors.parties``. They recognise shapes (a street
line, a postal line, a phone number), never one template's wording.
"""

from __future__ import annotations

import re

__all__ = [
    "ADDRESS_LINE",
    "COUNTRY_LINE",
    "EMAIL",
    "PHONE",
    "POSTAL_LINE",
    "agency_name",
    "clean_name",
    "defines_subcontractor",
    "has_legal_suffix",
    "is_address_line",
    "is_org_name",
    "is_person_name",
    "leading_name",
    "looks_like_name",
]

EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+ ?@ ?[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")  # OCR: "x @y.com"
PHONE = re.compile(
    r"(?<![\w/.,])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}"
    r"(?:\s*(?:x|ext\.?|extension)\s*\d{1,5})?(?![\w/])"
    r"|(?<![\w/.,])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}\d(?![\w/])"
    r"|(?<![\w/.,])0\d{2,4}[\s.-]?\d{3,4}[\s.-]?\d{3,4}(?![\w/.,]\d)(?![\w/])"
    r"|(?<![\w/.,])0\d{4}\s\d{6}(?![\w/])",
    re.I,
)
_STREET_WORDS = (
    r"street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|place|pl|"
    r"parkway|pkwy|highway|hwy|circle|cir|terrace|ter|trail|trl|square|sq|plaza|plz|loop|"
    r"pike|row|alley|crescent|cres|close|grove|gardens|route|rte|center|centre|suite|ste|"
    r"floor|building|bldg|unit|po box|p\.o\. box|broadway|mews|walk|path|run|point|pt"
)
ADDRESS_LINE = re.compile(
    r"^\s*(?:\d{1,6}[A-Za-z]?(?:-\d+)?\s+(?:[NSEW]\.?\s+)?[A-Za-z0-9][\w.'’ -]*?\b(?:"
    + _STREET_WORDS + r")\b\.?|p\.?\s*o\.?\s+box\s+\d+"
    # Continental streets put the street word first: "14 rue Saint-Georges", "3 via Roma".
    r"|\d{1,5}(?:\s?(?:bis|ter))?,?\s+(?:rue|chemin|all[ée]e|impasse|quai|av\.|avenue|bd|"
    r"boulevard|route|place|cours|via|viale|calle|avenida|carrer|rua)\s+\S)",
    re.I,
)
# Street lines without a street word: "57 Kingsway", "Keizersgracht 123", "Rue de la Loi 45".
_LOOSE_STREET = re.compile(
    r"^\s*(?:\d{1,6}[A-Za-z]?\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
    r"|[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|la|du|del|der|van|von)){0,4}\s+\d{1,5}[a-z]?)\s*$"
)
_NOT_ADDRESS = re.compile(
    r"\b(?:no|number|license|licence|lic|permit|proposal|quote|quotation|invoice|estimate|page|"
    r"phase|item|section|article|addendum|project|program|improvements|renovation|replacement|"
    r"tel|fax|phone|total|option|alternate|sow|contract|resolution|bid|order|year|years|days|"
    r"months)\b|#|\$",
    re.I,
)
POSTAL_LINE = re.compile(
    r"\b[A-Z][A-Za-z .'’-]+,?\s+(?:[A-Z]{2}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\.?,?\s+"
    r"(?:\d{5}(?:-\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d)\b"
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b"
    r"|^\s*\d{4,5}(?:\s?[A-Z]{2})?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:,\s*[A-Z][a-z]+)?\s*$",
)
COUNTRY_LINE = re.compile(
    r"^\s*(?:USA|U\.S\.A\.|United\s+States(?:\s+of\s+America)?|Canada|United\s+Kingdom|UK|"
    r"England|Scotland|Wales|Ireland|Netherlands|The\s+Netherlands|Germany|Belgium|France|Spain|"
    r"Italy|Portugal|Austria|Switzerland|Luxembourg|Denmark|Sweden|Norway|Finland|Poland|"
    r"Australia|New\s+Zealand|Mexico)\s*$",
    re.I,
)
_ORG_WORDS = (
    "llc", "l.l.c", "inc", "incorporated", "corp", "corporation", "co", "company", "ltd",
    "limited", "llp", "lp", "pllc", "pc", "p.c", "plc", "gmbh", "group", "services", "service",
    "construction", "constructors", "contractors", "contracting", "builders", "building",
    "roofing", "electric", "electrical", "plumbing", "hvac", "mechanical", "landscaping",
    "landscape", "solutions", "systems", "technologies", "technology", "tech", "partners",
    "associates", "enterprises", "industries", "district", "authority", "department", "dept",
    "university", "college", "church", "school", "schools", "hospital", "properties",
    "holdings", "management", "realty", "bank", "foundation", "institute", "agency", "city",
    "county", "town", "village", "township", "borough", "state", "commission", "board",
    "council", "restoration", "remodeling", "renovations", "design", "designs", "interiors",
    "painting", "paving", "concrete", "excavating", "excavation", "engineering", "consulting",
    "consultants", "networks", "it", "communications", "energy", "solar", "air", "heating",
    "cooling", "homes", "home", "development", "developers", "trust", "association", "club",
    "hotel", "restaurant", "cafe", "clinic", "center", "centre", "labs", "studio", "studios",
    "works", "supply", "fence", "fencing", "flooring", "glass", "masonry", "demolition",
    "environmental", "fire", "security", "pools", "tree", "lawn", "irrigation", "windows",
    "doors", "cabinets", "kitchens", "baths", "ventures", "capital", "office", "offices",
    "medical", "dental", "academy", "ministries", "apartments", "condominium", "hoa", "llc.",
    "inc.", "co.", "corp.", "ltd.", "b.v", "n.v", "bv", "gmbh", "ag", "sarl", "pty", "ulc", "gutters", "siding", "insulation", "drywall", "carpentry",
    "steel", "welding", "mechanical,", "pest", "cleaning", "janitorial", "moving", "logistics",
    "managed", "cloud", "software", "digital", "data", "partners,", "retail", "foods", "farms",
)
_ORG_SET = {w.rstrip(".,") for w in _ORG_WORDS}
_JOB_WORDS = {
    "manager", "director", "president", "vice", "vp", "ceo", "cfo", "coo", "cto", "cio", "owner",
    "estimator", "engineer", "officer", "superintendent", "coordinator", "supervisor", "partner",
    "principal", "administrator", "clerk", "mayor", "secretary", "treasurer", "chair", "chairman",
    "chairperson", "foreman", "assistant", "associate", "representative", "agent", "consultant",
    "operations", "sales", "project", "account", "office", "managing", "executive", "general",
    "senior", "lead", "head", "counsel", "attorney", "architect", "inspector", "technician",
    "specialist", "analyst", "purchasing", "procurement", "facilities", "maintenance", "services",
    "department", "team", "signature", "name", "title", "date", "phone", "email", "address",
}
_AGENCY = re.compile(
    r"\b(?:(?:City|County|Town|Village|Borough|Township|State|Commonwealth|Parish|Port|"
    r"Municipality)\s+of\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s+(?:Unified\s+|Independent\s+|Public\s+)?"
    r"(?:School\s+District|Water\s+District|Sanitation\s+District|Fire\s+District|Park\s+District|"
    r"Transit\s+Authority|Housing\s+Authority|Port\s+Authority|Authority|Department\s+of\s+"
    r"[A-Z][\w ]+|County|Public\s+Schools|University|College))\b"
)
_SUFFIX = re.compile(r"^(?:llc|l\.l\.c|inc|incorporated|corp|corporation|co|ltd|limited|llp|lp|"
                     r"pllc|pc|p\.c|plc|gmbh|b\.v|n\.v|bv|nv|ag|s\.a|sa|sarl|s\.r\.l|pty|ulc)\.?$",
                     re.I)
_CONNECTORS = {"of", "and", "&", "the", "de", "la", "du", "van", "von"}
_NOT_NAME = re.compile(
    r"^(?:n/?a|tbd|none|date|signature|sign|by|name|title|print|printed|address|phone|email|"
    r"e-mail|tel|fax|www\.|http)\b",
    re.I,
)
_STOP_WORDS = {"for", "in", "to", "at", "on", "with", "by", "from", "as", "per", "located",
               "awarding", "awarded", "dated", "is", "was", "submitted", "has", "shall", "will",
               "hereby", "pursuant", "under", "whereas", "amount", "total", "this", "that"}
_DETAIL_WORDS = {"attn", "attention", "email", "e-mail", "phone", "tel", "fax", "mobile", "cell",
                 "contact"}
_TOKEN = re.compile(r"[A-Za-z0-9][\w&.'’-]*|&")


def clean_name(text: str) -> str:
    """A name without surrounding punctuation, quotes, or a trailing role in parentheses."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s*\((?:the\s+)?[\"“”'‘’]?[A-Za-z ]{2,30}[\"“”'‘’]?\)\s*$", "", text)
    text = text.strip(" ,;:-–—\"“”'‘’")
    last = text.rsplit(None, 1)[-1] if text else ""
    if text.endswith(".") and not (_SUFFIX.match(last) or last.lower() in {"jr.", "sr."}):
        text = text[:-1]
    return text.strip()


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][\w'’.-]*", text)


def has_legal_suffix(text: str) -> bool:
    """A company's legal form is named: "LLC", "Inc.", "Ltd", "B.V." …"""
    return any(_SUFFIX.match(w.strip(",")) for w in text.split())


def is_org_name(text: str) -> bool:
    """A name that carries an organisation word (LLC, Inc, Roofing, District, City of …)."""
    words = [w.lower().rstrip(".,") for w in _words(text)]
    return any(w in _ORG_SET for w in words) or agency_name(text) is not None


def is_person_name(text: str) -> bool:
    """Two to four capitalised words, no organisation word, no digits ("Dana R. Whitfield")."""
    text = clean_name(text)
    if not text or any(ch.isdigit() for ch in text) or "@" in text or is_org_name(text):
        return False
    parts = text.replace(",", " ").split()
    if not 2 <= len(parts) <= 5:
        return False
    if ":" in text or any(p.lower().strip(".:") in _JOB_WORDS for p in parts):
        return False
    return all(p[:1].isupper() or p.lower() in {"de", "van", "von", "la", "del"} for p in parts)


def looks_like_name(text: str) -> bool:
    """A plausible party name: short, mostly capitalised, not an address/phone/email/form line."""
    text = clean_name(text)
    if not text or len(text) > 90 or _NOT_NAME.match(text) or EMAIL.search(text):
        return False
    if PHONE.search(text) or is_address_line(text):
        return False
    if re.fullmatch(r"[_\s.\-]*", text):
        return False
    words = _words(text)
    if not words or len(words) > 10:
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w.lower() in _CONNECTORS)
    return caps / len(words) >= 0.7 and sum(ch.isalpha() for ch in text) >= 3


def is_address_line(text: str) -> bool:
    """A street line, a city/postal line or a country line."""
    text = text.strip()
    if not text or EMAIL.search(text) or len(text) > 120:
        return False
    if _NOT_ADDRESS.search(text):
        return False
    return bool(ADDRESS_LINE.match(text) or POSTAL_LINE.search(text) or COUNTRY_LINE.match(text)
                or _LOOSE_STREET.match(text))


def defines_subcontractor(text: str) -> bool:
    """True when the document defines a "Subcontractor": its "Contractor" is then the buyer."""
    return bool(re.search(r"\(\s*(?:the\s+)?[\"“'‘]?Subcontractor[\"”'’]?\s*\)|hereinafter\s+"
                          r"(?:referred\s+to\s+as\s+|called\s+)?(?:the\s+)?[\"“'‘]?Subcontractor",
                          text))


def agency_name(text: str) -> str | None:
    """A public body named in the text ("City of Springfield", "Lakeview School District")."""
    m = _AGENCY.search(text)
    if m is None and text.isupper():
        m = _AGENCY.search(re.sub(r"\b(Of|And|The|For)\b", lambda w: w.group(0).lower(),
                                  text.title()))
    return clean_name(text[m.start():m.end()]) if m else None


def leading_name(text: str) -> str:
    """The organisation or person name at the start of ``text``.

    Capitalised words and connectors ("of", "&"), a comma only before a legal suffix
    ("Acme Paving, Inc."); stops at the first lowercase word or other punctuation.
    """
    out: list[str] = []
    pos = 0
    text = text.lstrip(" \"“'‘")
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            rest = text[pos:]
            comma = re.match(r",\s*([A-Za-z.]+)", rest)
            if comma and _SUFFIX.match(comma.group(1)) and out:
                out[-1] += ","
                pos += comma.start(1)
                continue
            if rest[:1] == " ":
                pos += 1
                continue
            break
        token = m.group(0)
        if not (token[:1].isupper() or token[:1].isdigit() or token == "&"
                or token.lower() in _CONNECTORS):
            break
        if token.lower() in _CONNECTORS and not out:
            break
        if token.lower() in _STOP_WORDS or token.lower().rstrip(":") in _DETAIL_WORDS:
            break
        if out and token.isdigit() and len(token) >= 3:
            break  # "Tom Moreau 8321 Maple Avenue": a street number starts the address
        out.append(token)
        pos = m.end()
        if len(out) > 1 and _SUFFIX.match(token.rstrip(",")):
            break  # a legal form ends a company's name
    while out and out[-1].lower().rstrip(",") in _CONNECTORS:
        out.pop()
    return clean_name(" ".join(out))
