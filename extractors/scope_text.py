"""Text splitting for scope items: sentences, written lists, work-verb phrases, quantities.

Pure functions over strings (offsets relative to a given start), used by ``extractors.scope``
and ``extractors.terms``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from extractors.normalize.money import parse_number

__all__ = ["TRAILING_CLAUSE", "VERBS", "final", "list_entries", "quantity_of", "split_list",
           "split_sentences", "verb_parts"]

_UNITS = (
    r"sq\.?\s*ft\.?|square\s+f(?:ee|oo)t|sf|s\.f\.|sq\.?\s*yds?\.?|square\s+yards?|sy|lin(?:ear)?\.?"
    r"\s+f(?:ee|oo)t|l\.?f\.?|lf|ln\.?\s*ft\.?|cu\.?\s*yds?\.?|cubic\s+yards?|cy|squares?|sq"
    r"|tons?|gal(?:lons?)?|lbs?|pounds|each|ea|feet|ft|inches|acres?|units?"
    r"|pcs|pieces|sets?|zones?|workstations?|users?|seats?|devices?|endpoints?|licenses?|"
    r"fixtures?|outlets?|circuits?|windows?|doors?|trees?|plants?|shrubs?|yards?|panels?|heads?"
)
_QTY_UNIT = re.compile(
    r"(?<![\w$€£.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?:-\s*)?"
    r"(?P<unit>" + _UNITS + r")(?![\w])",
    re.I,
)
_PAREN_QTY = re.compile(r"\((?P<num>\d{1,5})\)\s+(?P<noun>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,3})")
_UNIT_CANON = [
    (re.compile(r"^(sq\.?\s*ft\.?|square\s+f(ee|oo)t|sf|s\.f\.)$", re.I), "sq ft"),
    (re.compile(r"^(sq\.?\s*yds?\.?|square\s+yards?|sy)$", re.I), "sq yd"),
    (re.compile(r"^(lin(ear)?\.?\s+f(ee|oo)t|l\.?f\.?|ln\.?\s*ft\.?)$", re.I), "lf"),
    (re.compile(r"^(cu\.?\s*yds?\.?|cubic\s+yards?|cy)$", re.I), "cu yd"),
    (re.compile(r"^(each|ea)$", re.I), "ea"),
    (re.compile(r"^(hours?|hrs?)$", re.I), "hours"),
]
_ABBREVIATIONS = ("e.g", "i.e", "etc", "approx", "no", "inc", "co", "ltd", "llc", "st", "ave",
                  "sq", "ft", "lf", "ea", "min", "max", "incl", "vs", "mr", "ms", "mrs", "dr",
                  "u.s", "p.m", "a.m")


def split_sentences(text: str, start: int) -> list[tuple[str, int]]:
    """Sentences of a paragraph with their offsets; abbreviations do not end a sentence."""
    out: list[tuple[str, int]] = []
    pos = 0
    for m in re.finditer(r"[.!?](?=\s+[A-Z(\"“])", text):
        before = text[pos:m.start()].rsplit(None, 1)
        last = before[-1].lower().rstrip(".") if before else ""
        if last in _ABBREVIATIONS or len(last) == 1:
            continue
        piece = text[pos:m.end()]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append((piece.strip(), start + pos + lead))
        pos = m.end()
    rest = text[pos:]
    if rest.strip():
        lead = len(rest) - len(rest.lstrip())
        out.append((rest.strip(), start + pos + lead))
    return out


def split_list(text: str) -> list[str]:
    """The entries of a written list: "a; b; c" or "a, b, and c" (entries short and noun-like)."""
    return [t for t, _, _, _ in list_entries(text, 0, force=True)]


def _in_sequence(marks: list[re.Match[str]]) -> bool:
    """"a. … b. … c. …" or "1) … 2) …": consecutive labels, not a stray "(12)"."""
    keys = [re.sub(r"[^a-z0-9]", "", m.group(0).lower()) for m in marks]
    values = [int(k) if k.isdigit() else ord(k) - ord("a") + 1 for k in keys if k]
    return len(values) == len(keys) and values == list(range(values[0], values[0] + len(values)))


_INLINE_ENUM = re.compile(r"(?:^|(?<=\s))(?:\(?[a-z]\)|[a-z]\.|\(?\d{1,2}\)|\d{1,2}\.)\s+")
TRAILING_CLAUSE = re.compile(r",\s+(?:which|who|as|since|because|unless|if|where|when|so\s+that|"
                              r"but|except)\b.*$", re.I)


def list_entries(text: str, start: int, *, force: bool) -> list[tuple[str, int, int, bool]]:
    """Split a sentence into list entries when it reads as a list, else keep it whole.

    A trailing clause (", which will be provided by …") is not an entry."""
    body = text.rstrip().rstrip(".")
    if force:
        body = TRAILING_CLAUSE.sub("", body)
    whole = [(text.strip(), start + len(text) - len(text.lstrip()),
              start + len(text.rstrip()), False)]
    enumerated = list(_INLINE_ENUM.finditer(body))
    if len(enumerated) >= 2 and enumerated[0].start() == 0 and _in_sequence(enumerated):
        parts_e: list[tuple[str, int, int, bool]] = []
        for n, m in enumerate(enumerated):
            hi = enumerated[n + 1].start() if n + 1 < len(enumerated) else len(body)
            piece = body[m.end():hi].strip().rstrip(";,")
            if piece:
                at = m.end() + body[m.end():hi].find(piece)
                parts_e.append((piece, start + at, start + at + len(piece), True))
        if len(parts_e) >= 2:
            return parts_e
    if ";" in body:
        sep = re.compile(r"\s*;\s*(?:and\s+|or\s+)?")
    elif "," in body:
        sep = re.compile(r"\s*,\s*(?:and\s+|or\s+|&\s+)?|\s+(?:and|or|&)\s+(?=[^,]*$)")
    elif force and re.fullmatch(r"\S+(?:\s\S+){0,3}\s+or\s+\S+(?:\s\S+){0,3}", body):
        sep = re.compile(r"\s+or\s+")  # "patching or painting": two things excluded
    else:
        return whole
    parts: list[tuple[str, int, int, bool]] = []
    pos = 0
    for m in sep.finditer(body):
        parts.append((body[pos:m.start()], pos, m.start(), True))
        pos = m.end()
    parts.append((body[pos:], pos, len(body), True))
    parts = [(t.strip(), start + s + (len(t) - len(t.lstrip())), start + s + len(t.rstrip()), True)
             for t, s, _, _ in parts if t.strip()]
    if len(parts) < 2:
        return whole
    if ";" in body and (force or body.count(";") >= 2):
        return parts
    words = [len(p[0].split()) for p in parts]
    short = (max(words) <= 12 and sum(words) / len(words) <= 7) if force else max(words) <= 4
    if not short or _has_number_commas(body):
        return whole
    if not force:
        return whole
    return parts


def _has_number_commas(text: str) -> bool:
    return bool(re.search(r"\d,\d{3}", text))


VERBS = {
    "install", "replace", "remove", "furnish", "provide", "supply", "reconnect", "connect",
    "repair", "paint", "patch", "haul", "dispose", "clean", "demolish", "frame", "hang", "tape",
    "finish", "prime", "seal", "pour", "grade", "excavate", "plant", "mulch", "trim", "prune",
    "wire", "run", "set", "test", "commission", "configure", "migrate", "deploy", "monitor",
    "document", "train", "build", "construct", "relocate", "upgrade", "inspect", "service",
    "perform", "apply", "re-roof", "reroof", "tear", "strip", "cut", "fill", "level", "lay",
}


def verb_parts(text: str, start: int) -> list[tuple[str, int, int]]:
    """Split "replace X, install Y, and reconnect Z" at commas/"and" before a work verb."""
    body = TRAILING_CLAUSE.sub("", text.rstrip().rstrip(".")).rstrip()
    if not body.strip():
        return []
    seps = [m for m in re.finditer(r",\s*(?:and\s+)?|\s+and\s+", body)
            if body[m.end():].split(" ", 1)[0].lower() in VERBS]
    if not seps or body.split(" ", 1)[0].lower() not in VERBS:
        lead = len(body) - len(body.lstrip())
        return [(body.strip(), start + lead, start + len(body))]
    edges = [0, *(x for m in seps for x in (m.start(), m.end())), len(body)]
    pieces: list[tuple[str, int, int]] = []
    for lo, hi in zip(edges[0::2], edges[1::2], strict=True):
        piece = body[lo:hi].strip()
        if piece:
            at = lo + body[lo:hi].find(piece)
            pieces.append((piece, start + at, start + at + len(piece)))
    return pieces


# --- quantities -----------------------------------------------------------------------------
def quantity_of(text: str) -> tuple[Decimal | None, str | None]:
    """A stated quantity: "1,200 sq ft" -> (1200, "sq ft"); "(12) recessed lights" -> (12, ...)."""
    m = _QTY_UNIT.search(text)
    if m:
        number = parse_number(m.group("num"))
        if number is not None:
            return number, _canon_unit(m.group("unit"))
    p = _PAREN_QTY.search(text)
    if p:
        return Decimal(p.group("num")), p.group("noun").strip().lower()
    return None, None


def _canon_unit(unit: str) -> str:
    u = re.sub(r"\s+", " ", unit.strip())
    for pattern, canon in _UNIT_CANON:
        if pattern.match(u):
            return canon
    return u.lower()


def final(text: str) -> str:
    """An item without its closing period ("Tree removal." -> "Tree removal"), abbreviations kept."""
    if text.endswith(".") and re.search(r"[A-Za-z)\d]{2}\.$", text) and not re.search(
            r"\b(etc|inc|co|corp|ltd|llc|approx|no|sq|ft|e\.g|i\.e)\.$", text, re.I):
        return text[:-1]
    return text
