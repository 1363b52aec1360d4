"""Terms: warranty, change orders, permits, insurance, liquidated damages, termination, law.

Each term's value is its clause as written, kept short (the first sentences of its section, or
the sentence that names it). A section of its own ("Warranty", "Change Orders") beats a
sentence met elsewhere. The warranty's length is read into months ("one (1) year" -> 12,
"five-year" -> 60, "90 days" -> 3), preferring the contractor's own (workmanship) warranty to
a manufacturer's. Governing law is the jurisdiction named ("governed by the laws of the State
of Ohio" -> "State of Ohio"). A clause that leaves the matter open ("Permits: by others",
"TBD") is ``stated_tbd``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from extractors.context import Context, Section
from extractors.fieldmake import found, is_tbd, stated_tbd
from extractors.lines import clean_item
from extractors.normalize.durations import parse_duration
from extractors.scope_text import split_sentences
from models.document import BlockKind
from models.handoff import Field, Terms, Warranty

__all__ = ["extract_terms", "warranty_months"]

_MAX_VALUE = 300


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    sections: tuple[str, ...]
    cue: re.Pattern[str]


_RULES = (
    _Rule("warranty", ("warranty",), re.compile(
        r"\b(warrant(?:y|ies|s|ed)|guarantee[sd]?|guaranty)\b", re.I)),
    _Rule("change_orders", ("change_orders",), re.compile(
        r"\b(change\s+orders?|changes?\s+(?:to|in)\s+the\s+(?:scope|work|contract)|"
        r"extra\s+work|additional\s+work|modifications?\s+to\s+the\s+(?:scope|work))\b", re.I)),
    # "weather permitting", "time permitting" are idioms, not permits.
    _Rule("permits", ("permits",), re.compile(
        r"\bpermits?\b|(?<!weather\s)(?<!time\s)(?<!schedule\s)(?<!conditions\s)\bpermitting\b",
        re.I)),
    _Rule("insurance", ("insurance",), re.compile(
        r"\b(insurance|insured|general\s+liability|workers'?\s+compensation|"
        r"certificates?\s+of\s+insurance)\b", re.I)),
    _Rule("liquidated_damages", ("liquidated_damages",), re.compile(
        r"\bliquidated\s+damages\b|\bdelay\s+damages\b", re.I)),
    _Rule("termination", ("termination",), re.compile(
        r"\b(terminat(?:e|ed|es|ion|ing)|cancel(?:l?ation|led|s)?)\b", re.I)),
    _Rule("governing_law", ("governing_law",), re.compile(
        r"\b(governed\s+by|governing\s+law|laws\s+of\s+the\s+(?:state|commonwealth|province)|"
        r"construed\s+in\s+accordance\s+with)\b", re.I)),
)
_LAW = re.compile(
    r"\blaws?\s+of\s+(?:the\s+)?(?P<j>(?:State|Commonwealth|Province|District|Republic)\s+of\s+"
    r"[A-Z][A-Za-z]+(?:[ ][A-Z][A-Za-z]+){0,2}|[A-Z][A-Za-z]+(?:[ ](?:[A-Z][A-Za-z]+|and)){0,3})",
)
_DURATION = re.compile(
    r"(?:(?P<num>\d{1,3})|(?P<word>one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|fifteen|eighteen|twenty|twenty[- ]four|twenty[- ]five|thirty|thirty[- ]six|forty|"
    r"fifty|sixty|ninety|a|an))\s*(?:\(\s*\d{1,3}\s*\)\s*)?[- ]?\s*(?:calendar\s+)?"
    r"(?P<unit>years?|yrs?|months?|weeks?|days?)\b",
    re.I,
)
# "two (2) years after the date of Substantial Completion": the warranty period runs from the
# end of the work, unlike a notice period ("within 30 days after discovery").
_WARRANTY_START = re.compile(
    r"^\s*(?:from|after|following)\s+(?:the\s+)?(?:date\s+of\s+)?(?:the\s+)?(?:substantial\s+|final\s+)?"
    r"(?:completion|acceptance|installation|occupancy|delivery|start-?up|commissioning)\b", re.I)
_JURISDICTION = re.compile(
    r"\b(?P<j>(?:State|Commonwealth|Province)\s+of\s+[A-Z][A-Za-z]+(?:[ ][A-Z][A-Za-z]+){0,2})")
_OWN_WARRANTY = re.compile(r"\b(workmanship|labor|labour|installation|contractor|we\s+warrant|"
                           r"our\s+work|the\s+work)\b", re.I)
_OTHER_WARRANTY = re.compile(r"\bmanufacturer'?s?\b|\bfactory\b", re.I)
_LIFETIME = re.compile(r"\blifetime\b", re.I)
_NO_SCOPE = {"scope", "exclusions", "assumptions", "owner_responsibilities"}


def extract_terms(ctx: Context) -> Terms:
    """Every term's clause, from its own section first, else the sentence that names it."""
    terms = Terms()
    for rule in _RULES:
        span = _from_section(ctx, rule) or _from_sentence(ctx, rule)
        if span is None:
            continue
        start, end, method, confidence = span
        text = _short(ctx.document.text[start:end])
        end = start + len(text) if ctx.document.text[start:end].startswith(text) else end
        if rule.name == "warranty":
            terms.warranty = _warranty(ctx, rule, start, end, method, confidence)
            continue
        if is_tbd(text) and len(text) < 80:
            value: Field[str] = stated_tbd(ctx, start, end, method=method)
        elif rule.name == "governing_law":
            value = _law(ctx, start, end, method, confidence)
        else:
            value = found(ctx, text, start, end, confidence=confidence, method=method)
        setattr(terms, rule.name, value)
    return terms


def _from_section(ctx: Context, rule: _Rule) -> tuple[int, int, str, float] | None:
    fallback: tuple[int, int, str, float] | None = None
    for section in ctx.sections_labelled(*rule.sections):
        span = _section_text(ctx, section, rule)
        if span is None:
            continue
        own = " ".join(b.text for _, b in ctx.blocks_of(section))
        if section.heading_block is None or rule.cue.search(own) or is_tbd(
                ctx.document.text[span[0]:span[1]]):
            return span[0], span[1], f"terms.{rule.name}_section", 0.85
        fallback = fallback or (span[0], span[1], f"terms.{rule.name}_section", 0.75)
    return fallback


def _section_text(ctx: Context, section: Section, rule: _Rule) -> tuple[int, int] | None:
    """The first sentences of a section's content (up to ~300 characters)."""
    first: int | None = None
    last = 0
    for index, block in ctx.blocks_of(section):
        if block.kind in (BlockKind.header, BlockKind.footer) or block.repeated \
                or ctx.continues(index):
            continue
        start = ctx.content_start(index)
        body = ctx.document.text[start:ctx.run_end(index)]
        if not body.strip():
            continue
        for sent, s in split_sentences(body, start):
            if first is None:
                first = s
            last = s + len(sent)
            if last - first >= 120:
                return first, last
        if first is not None and block.kind is not BlockKind.list_item:
            break
    if first is None:
        # An inline heading with nothing after it: the heading line itself.
        return None
    return first, last


_PROCEDURE = re.compile(r"\b(written|writing|signed|approv\w*|request\w*|submit\w*|notice|"
                        r"shall|must|will\s+be)\b", re.I)
_ELSEWHERE = {"price", "payment", "line_items", "allowances", "alternates", "schedule"}


def _from_sentence(ctx: Context, rule: _Rule) -> tuple[int, int, str, float] | None:
    """The sentence that names the term, preferring terms sections over scope and price text;
    a run-in clause title ("Changes in the Work.") takes the sentence after it along."""
    best: tuple[float, int] | None = None
    text = ctx.document.text
    starts, ends = ctx.sentence_bounds
    for n in ctx.sentences_matching(rule.cue):
        s, e = starts[n], ends[n]
        block = ctx.block_of(s)
        if block is None or block.kind in (BlockKind.header, BlockKind.footer):
            continue
        label = ctx.section_label_at(s)
        score = 0.7
        if label in _NO_SCOPE:
            score = 0.55
        elif label in _ELSEWHERE:
            score = 0.6
        if label == "terms":
            score = 0.75
        if len(text[s:e].split()) < 4:
            score -= 0.05
        if _PROCEDURE.search(text, s, e):
            score += 0.03
        if rule.name == "warranty" and _OWN_WARRANTY.search(text, s, e):
            score += 0.05
        if best is None or score > best[0]:
            best = (score, n)
    if best is None:
        return None
    score, n = best
    s, e = starts[n], ends[n]
    block = ctx.block_of(s)
    k = n + 1
    while len(text[s:e].split()) < 6 and k < len(starts) and block is not None \
            and starts[k] < block.end:
        e = ends[k]
        k += 1
    body = text[s:e]
    lead = len(body) - len(body.lstrip())
    return s + lead, s + len(body.rstrip()), f"terms.{rule.name}_sentence", score


def _short(text: str) -> str:
    text = clean_item(text)
    if len(text) <= _MAX_VALUE:
        return text
    cut = text[:_MAX_VALUE]
    stop = max(cut.rfind(". "), cut.rfind("; "))
    return cut[:stop + 1] if stop > 80 else cut.rsplit(" ", 1)[0] + " …"


def _law(ctx: Context, start: int, end: int, method: str, confidence: float) -> Field[str]:
    text = ctx.document.text
    m = _LAW.search(text, start, min(len(text), end + 200))
    if m is None:
        # "the law of the place where the Project is located, the State of Minnesota"
        m = _JURISDICTION.search(text, start, end)
    if m is None:
        return found(ctx, _short(text[start:end]), start, end, confidence=confidence * 0.6,
                     method=method)
    value = re.sub(r"\s+", " ", m.group("j")).rstrip(".,")
    value = re.sub(r"\s+and$", "", value)
    return found(ctx, value, m.start("j"), m.start("j") + len(value), confidence=confidence + 0.05,
                 method="terms.governing_law", raw=text[start:end][:500])


def _warranty(ctx: Context, rule: _Rule, start: int, end: int, method: str,
              confidence: float) -> Field[Warranty]:
    text = ctx.document.text
    clause = _short(text[start:end])
    months = warranty_months(clause)
    if months is None:
        # The length may sit in another warranty sentence of the same section.
        section = ctx.section_at(start)
        if section is not None and section.label == "warranty":
            months = warranty_months(text[section.start:section.end])
    if is_tbd(clause) and months is None and len(clause) < 80:
        return stated_tbd(ctx, start, end, method=method)
    return found(ctx, Warranty(months=months, text=clause), start, end, confidence=confidence,
                 method=method)


def warranty_months(text: str) -> int | None:
    """The warranty length in months; the contractor's own warranty before a manufacturer's."""
    best: tuple[int, int] | None = None
    for sentence in re.split(r"(?<=[.;])\s+", text):
        if _LIFETIME.search(sentence) and not _DURATION.search(sentence):
            continue
        rank = 0 if _OWN_WARRANTY.search(sentence) else 1
        if _OTHER_WARRANTY.search(sentence) and not _OWN_WARRANTY.search(sentence):
            rank = 2
        for m in _DURATION.finditer(sentence):
            before = sentence[max(0, m.start() - 12):m.start()].lower()
            if "within" in before or ("after" in sentence[m.end():m.end() + 8].lower()
                                      and not _WARRANTY_START.match(sentence[m.end():])):
                continue
            months = _to_months(m.group(0))
            if months is None:
                continue
            if best is None or rank < best[0]:
                best = (rank, months)
            break
    return best[1] if best else None


def _to_months(text: str) -> int | None:
    text = re.sub(r"^(a|an)\b", "one", text.strip(), flags=re.I)
    duration = parse_duration(text)
    if duration is None:
        return None
    value = duration.value
    factor = {"years": Decimal(12), "months": Decimal(1), "weeks": Decimal(7) / Decimal(30),
              "days": Decimal(1) / Decimal(30), "business_days": Decimal(1) / Decimal(21)}
    months = value * factor[duration.unit]
    return int(months.to_integral_value()) if months >= 1 else None
