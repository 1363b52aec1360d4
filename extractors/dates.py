"""Dates: proposal date, valid-until, start, substantial completion, completion, milestones, and
relative terms ("within 90 calendar days of Notice to Proceed").

Each DATE entity is normalised once (day/month order decided per document) and given the role
of the nearest cue before it in its sentence or table row. Dates in boilerplate sections
(insurance, licences, warranty) and in the signature block are not project dates. A relative
term is kept as written, with its duration and anchor, and resolved when the anchor is a date
the document states.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from spacy.tokens import Span

from extractors.context import Context
from extractors.lines import is_amendment
from extractors.normalize.dates import parse_date
from extractors.normalize.durations import parse_duration
from models.handoff import Candidate, Dates, Duration, Field, FieldStatus, Milestone, RelativeTerm

__all__ = ["DateMention", "date_mentions", "extract_dates", "resolve_relative"]

ROLE_CUES = ("proposal_date", "valid_until", "start", "substantial_completion", "completion",
             "signature_date")
NON_PROJECT_SECTIONS = {"insurance", "warranty", "governing_law", "termination", "signatures"}
_DECOY_CONTEXT = re.compile(
    r"licen[cs]e|certificate|expir\w*\s+of\s+(insurance|policy)|policy|insurance|revised|rev\.|"
    r"revision|printed|copyright|©|established|since|founded|bond|registration|birth|addend|"
    r"supersed|amendment|drawings|plans|specifications\s+dated|prior|previous|whereas|bids?\s+"
    r"(were\s+)?(received|opened)|advertis|solicitation|exp\.",
    re.I,
)
# Cue words that name a role only weakly ("Date:", "by", "complete"): a specific cue further
# away ("Bid date", "Substantial completion") beats them.
_WEAK_CUES = {"date", "dated", "as of", "issued", "effective", "complete", "completed", "finish",
              "finished", "start", "begin", "beginning", "expire", "ending", "no later than",
              "starting", "commencing", "submitted", "effective date"}
_SPECIFIC_OVER = {"completion": "substantial_completion"}
_SIGNATURE_LINE = re.compile(r"^\s*(by|name|title|signature|signed|print(ed)? name|its)\s*[:_]", re.I)
_ANCHOR = re.compile(
    r"\b(?:of|after|from|following|upon|before|prior to)\s+(?:the\s+|receipt\s+of\s+(?:the\s+)?|"
    r"issuance\s+of\s+(?:the\s+|a\s+)?)?"
    r"(?P<anchor>notice\s+to\s+proceed|ntp|contract\s+(?:signing|execution|award|date)|"
    r"date\s+of\s+(?:the\s+)?(?:commencement|execution|signing|acceptance|award|substantial\s+"
    r"completion|notice\s+to\s+proceed|this\s+(?:agreement|contract|proposal))(?:\s+of\s+the\s+work)?|"
    r"(?:the\s+)?(?:signing|execution|acceptance)(?:\s+of\s+(?:this|the)\s+\w+)?|award|deposit|"
    r"receipt\s+of\s+(?:the\s+)?deposit|permit(?:\s+approval|s)?|start(?:\s+date)?|"
    r"commencement(?:\s+date)?|mobilization|approval|the\s+effective\s+date|effective\s+date|"
    r"material\s+delivery|delivery|order|purchase\s+order|"
    r"(?!(?:this|that|which|such|its|said)\b)[a-z][a-z ]{3,30}?)(?=[\s.,;)]|$)",
    re.I,
)
# The document's own date label ("Amendment Date:", "Change Order Date:") is not a reference to
# some other amendment, even though it names one.
_OWN_DATE_LABEL = re.compile(
    r"(?:^|\n)\s*(?:amendment|change\s+order|addendum)\s*(?:no\.?\s*\d+\s*)?(?:date|dated)\s*:?\s*$", re.I)
# A document that amends a contract (its title says so) refers to that contract's date: it is not
# the amendment's date ("Construction Contract dated February 9, 2026").
_AMENDED_CONTRACT_DATE = re.compile(
    r"\b(?:contract|agreement|subcontract)\s+(?:dated|made|of)\s*(?:as\s+of\s*)?$", re.I)
# "changed from August 28, 2026 to September 15, 2026": the first date is the one replaced.
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.I)
_TO_AFTER = re.compile(r"^\s*(?:to|until)\s+\S", re.I)
_CHANGE_VERB = re.compile(r"\b(?:chang|extend|postpon|revis|amend|adjust|reschedul|mov|delay|defer|"
                          r"push|accelerat|advanc)\w*", re.I)


def _superseded(ctx: Context, ent: Span, w_start: int, w_end: int) -> bool:
    """A date an amendment replaces: "from <date> to <date>" in a sentence that changes it."""
    text = ctx.document.text
    return bool(_FROM_BEFORE.search(text[max(w_start, ent.start_char - 12):ent.start_char])
                and _TO_AFTER.match(text[ent.end_char:w_end])
                and _CHANGE_VERB.search(text[w_start:ent.start_char]))


_TBD = re.compile(r"\b(tbd|t\.b\.d\.|to be determined|to be scheduled|to be confirmed|tbc|pending)\b", re.I)


@dataclass
class DateMention:
    span: Span
    iso: str
    role: str | None
    distance: int
    section: str | None
    decoy: bool


def date_mentions(ctx: Context) -> list[DateMention]:
    """Every DATE entity that parses, with its role cue and section."""
    out: list[DateMention] = []
    order = ctx.date_order
    amendment = is_amendment(ctx.document.text)
    for ent in ctx.ents("DATE"):
        iso = parse_date(ent.text, order)
        if iso is None:
            continue
        w_start, w_end = ctx.window(ent.start_char)
        role, distance = _nearest_role(ctx, w_start, ent, w_end)
        before = ctx.document.text[max(w_start, ent.start_char - 50) : ent.start_char]
        decoy = bool(_DECOY_CONTEXT.search(before)) and not _OWN_DATE_LABEL.search(before)
        if not decoy and (_superseded(ctx, ent, w_start, w_end)
                          or (amendment and _AMENDED_CONTRACT_DATE.search(before))):
            decoy = True
        section = ctx.section_label_at(ent.start_char)
        if _in_signature_block(ctx, ent.start_char):
            section = "signatures"
            if role != "signature_date":
                role, distance = "signature_date", 0
        out.append(DateMention(ent, iso, role, distance, section, decoy))
    return out


def _nearest_role(ctx: Context, w_start: int, ent: Span, w_end: int) -> tuple[str | None, int]:
    """The role of the cue nearest before the date; weak cue words count as further away."""
    scored: list[tuple[int, str]] = []
    for cue in ctx.cues_in(w_start, w_end, *ROLE_CUES):
        if cue.end_char <= ent.start_char:
            distance = ent.start_char - cue.end_char
            # Another date between the cue and this one takes the cue.
            if _date_between(ctx, cue.end_char, ent.start_char, w_start, w_end):
                distance += 200
        elif cue.start_char >= ent.end_char:
            distance = (cue.start_char - ent.end_char) * 3 + 30
        else:
            continue
        if cue.text.lower().strip(" :") in _WEAK_CUES:
            distance += 25
        scored.append((distance, cue.id_))
    if not scored:
        return None, 10**6
    scored.sort()
    distance, role = scored[0]
    specific = _SPECIFIC_OVER.get(role)
    if specific and any(r == specific and d < distance + 60 for d, r in scored):
        role = specific
    return role, distance


def _date_between(ctx: Context, start: int, end: int, w_start: int, w_end: int) -> bool:
    """A date between the cue and ``end``, other than one an amendment replaces ("changed from
    <old> to <new>": the cue belongs to the new date)."""
    starts = ctx.ent_starts("DATE")
    ents = ctx.ents("DATE")
    i = bisect.bisect_left(starts, start)
    while i < len(starts) and starts[i] < end:
        if not _superseded(ctx, ents[i], w_start, w_end):
            return True
        i += 1
    return False


def _in_signature_block(ctx: Context, offset: int) -> bool:
    """A "Date:" beside "Name:"/"Title:"/"By:" lines is a signature date, not a project date."""
    index = ctx.document.block_index_at(offset)
    if index is None:
        return False
    if ctx.section_label_at(offset) == "signatures":
        return True
    blocks = ctx.document.blocks
    own = blocks[index].text
    if not (len(own) < 60 and re.match(r"^\s*(date(d)?|signed(\s+on)?|on)\s*[:_]", own, re.I)):
        return False
    near = blocks[max(0, index - 3) : index] + blocks[index + 1 : index + 2]
    return any(_SIGNATURE_LINE.match(b.text) or "____" in b.text for b in near)


def _field(ctx: Context, hits: list[DateMention], role: str, confidence: float) -> Field[str]:
    best = hits[0]
    distinct = {h.iso for h in hits}
    status = FieldStatus.found
    if len(distinct) > 1 and len(hits) > 1 and hits[1].distance <= best.distance and hits[1].iso != best.iso:
        confidence = min(confidence, 0.55)
    candidates = [
        Candidate[str](value=h.iso, raw=h.span.text, confidence=0.4, method=f"{role}:{h.span.ent_id_}",
                       evidence=ctx.evidence(h.span.start_char, h.span.end_char))
        for h in hits[1:5] if h.iso != best.iso
    ]
    return Field[str](status=status, value=best.iso, raw=best.span.text,
                      confidence=round(confidence * ctx.block_confidence(best.span.start_char), 3),
                      method=f"{role}:cue+{best.span.ent_id_}",
                      evidence=ctx.evidence(best.span.start_char, best.span.end_char),
                      candidates=candidates)


def _role_field(ctx: Context, mentions: list[DateMention], role: str) -> Field[str]:
    excluded = NON_PROJECT_SECTIONS if role in {"start", "completion", "substantial_completion"} else {
        "signatures", "insurance"}
    hits = [m for m in mentions if m.role == role and not m.decoy and m.distance < 120
            and (m.section not in excluded or role == "signature_date")]
    if not hits:
        return _tbd(ctx, role)
    # A full date beats a partial one ("this 28th day of February, 2026" read as 2026-02).
    hits.sort(key=lambda m: (len(m.iso) < 10, m.distance, m.span.start_char))
    confidence = 0.9 if hits[0].distance < 40 else 0.7
    return _field(ctx, hits, role, confidence)


def _tbd(ctx: Context, role: str) -> Field[str]:
    for cue in ctx.cues(role):
        w_start, w_end = ctx.window(cue.start_char)
        tail = ctx.document.text[cue.end_char : min(w_end, cue.end_char + 50)]
        if _TBD.search(tail):
            return Field[str](status=FieldStatus.stated_tbd, raw=ctx.document.text[cue.start_char : w_end][:120],
                              confidence=0.7, method=f"{role}:tbd", evidence=ctx.evidence(cue.start_char, w_end))
    return Field[str]()


def _proposal_date(ctx: Context, mentions: list[DateMention]) -> Field[str]:
    field = _role_field(ctx, mentions, "proposal_date")
    if field.found:
        return field
    # A letter's date: the first date on page 1 near the top, without any role cue.
    first_page = [m for m in mentions if not m.decoy and m.role is None
                  and m.section not in NON_PROJECT_SECTIONS]
    if first_page:
        head = first_page[0]
        block = ctx.block_of(head.span.start_char)
        if block is not None and (block.page in (None, 1)) and head.span.start_char < 1500:
            return Field[str](status=FieldStatus.found, value=head.iso, raw=head.span.text, confidence=0.6,
                              method=f"proposal_date:first_date+{head.span.ent_id_}",
                              evidence=ctx.evidence(head.span.start_char, head.span.end_char))
    return field


# --- relative terms ---------------------------------------------------------------------------
def _relative_terms(ctx: Context) -> list[RelativeTerm]:
    terms: list[RelativeTerm] = []
    for ent in ctx.ents("DURATION"):
        section = ctx.section_label_at(ent.start_char)
        if section in {"warranty", "insurance", "termination", "governing_law", "payment"}:
            continue
        w_start, w_end = ctx.window(ent.start_char)
        after = ctx.document.text[ent.end_char : min(w_end, ent.end_char + 80)]
        anchor = _ANCHOR.match(after.lstrip(" ,"))
        if anchor is None:
            continue
        cues = ctx.cues_in(w_start, ent.start_char, "start", "completion", "substantial_completion")
        before = ctx.document.text[max(w_start, ent.start_char - 60) : ent.start_char].lower()
        if "valid" in before or "warrant" in before or "payable" in before or "invoice" in after.lower()[:30]:
            continue
        # Of overlapping cues the longest: "Substantial Completion", not its "Completion".
        cues = sorted(cues, key=lambda c: (c.end_char, -c.start_char))
        role = cues[-1].id_ if cues else ("completion" if "complet" in before else "milestone")
        duration = parse_duration(ent.text)
        if duration is None:
            continue
        text_start = cues[-1].start_char if cues else ent.start_char
        text_end = ent.end_char + len(after) - len(after.lstrip(" ,")) + anchor.end()
        terms.append(RelativeTerm(
            role=role, text=re.sub(r"\s+", " ", ctx.document.text[text_start:text_end]).strip(),
            duration=duration, anchor=re.sub(r"\s+", " ", anchor.group("anchor")).strip(),
            confidence=0.75, method="relative:duration+anchor",
            evidence=ctx.evidence(text_start, text_end),
        ))
    if not any(t.role == "start" for t in terms):
        terms += _start_upon_event(ctx)
    return terms


_UPON = re.compile(r"^(?:\s+[\w’']+){0,4}?\s+(?=(?:upon|on|following|after)\s)", re.I)
_EVENT = re.compile(r"notice\s+to\s+proceed|ntp|sign|execut|accept|award|deposit|permit|approv|"
                    r"mobiliz|order|deliver|effective", re.I)


def _start_upon_event(ctx: Context) -> list[RelativeTerm]:
    """A start tied to an event with no delay: "shall begin the Work upon notice to proceed",
    "work commences on receipt of the deposit" (duration 0 days, the event as the anchor)."""
    for cue in ctx.cues("start"):
        w_start, w_end = ctx.window(cue.start_char)
        if ctx.section_label_at(cue.start_char) in {"warranty", "insurance", "termination", "payment"}:
            continue
        if any(w_start <= e.start_char < w_end for e in ctx.ents("DATE")):
            continue  # a dated start is read as a date
        after = ctx.document.text[cue.end_char:min(w_end, cue.end_char + 90)]
        lead = _UPON.match(after) or re.match(r"\s*(?=(?:upon|on|following|after)\s)", after, re.I)
        if lead is None:
            continue
        anchor = _ANCHOR.match(after[lead.end():])
        if anchor is None or anchor.start() != 0 or not _EVENT.search(anchor.group("anchor")):
            continue
        end = cue.end_char + lead.end() + anchor.end()
        word = after[lead.end():].split(None, 1)[0]
        return [RelativeTerm(
            role="start", text=re.sub(r"\s+", " ", ctx.document.text[cue.start_char:end]).strip(),
            duration=Duration(value=Decimal(0), unit="days", text=word),
            anchor=re.sub(r"\s+", " ", anchor.group("anchor")).strip(), confidence=0.7,
            method="relative:start_upon_event", evidence=ctx.evidence(cue.start_char, end))]
    return []


def add_duration(start: date, duration: Duration) -> date | None:
    """The date ``duration`` after ``start`` (business days skip weekends)."""
    n = int(duration.value)
    if duration.value != Decimal(n):
        return None
    if duration.unit == "days":
        return start + timedelta(days=n)
    if duration.unit == "weeks":
        return start + timedelta(weeks=n)
    if duration.unit == "business_days":
        d, left = start, n
        while left > 0:
            d += timedelta(days=1)
            if d.weekday() < 5:
                left -= 1
        return d
    months = n if duration.unit == "months" else n * 12
    y, m = divmod(start.month - 1 + months, 12)
    try:
        return start.replace(year=start.year + y, month=m + 1)
    except ValueError:
        return None


def resolve_relative(terms: list[RelativeTerm], anchors: dict[str, str | None]) -> None:
    """Fill ``resolved`` where the anchor event has a known ISO date (mutates ``terms``)."""
    for term in terms:
        a = term.anchor.lower()
        key = ("start" if "start" in a or "commence" in a else
               "signature" if re.search(r"sign|execut|accept|award|contract", a) else
               "proposal" if "proposal" in a else None)
        iso = anchors.get(key) if key else None
        if iso and len(iso) == 10:
            resolved = add_duration(date.fromisoformat(iso), term.duration)
            if resolved is not None:
                term.resolved = resolved.isoformat()


def _duration_field(terms: list[RelativeTerm], ctx: Context) -> Field[Duration]:
    for term in sorted(terms, key=lambda t: t.role != "completion"):
        if term.role in {"completion", "substantial_completion"}:
            return Field[Duration](status=FieldStatus.found, value=term.duration, raw=term.text,
                                   confidence=term.confidence, method="duration:relative_completion",
                                   evidence=term.evidence)
    return Field[Duration]()


def _milestones(ctx: Context, mentions: list[DateMention], used: set[int]) -> list[Milestone]:
    out: list[Milestone] = []
    for m in mentions:
        if m.span.start_char in used or m.decoy or m.section not in {"schedule"}:
            continue
        w_start, w_end = ctx.window(m.span.start_char)
        name = ctx.document.text[w_start:w_end].replace(m.span.text, " ")
        name = re.sub(r"\s+", " ", re.sub(r"^[\s•●▪◦■\-*–·\d.)]+", "", name)).strip(" :-–—,.")
        out.append(Milestone(name=name[:200] or m.span.text, date=m.iso, confidence=0.6,
                             method="milestone:schedule_section",
                             evidence=ctx.evidence(m.span.start_char, m.span.end_char)))
    return out


def extract_dates(ctx: Context) -> Dates:
    """All dated roles of the document, plus relative terms and schedule milestones."""
    mentions = date_mentions(ctx)
    dates = Dates(
        proposal_date=_proposal_date(ctx, mentions),
        valid_until=_role_field(ctx, mentions, "valid_until"),
        start=_role_field(ctx, mentions, "start"),
        substantial_completion=_role_field(ctx, mentions, "substantial_completion"),
        completion=_role_field(ctx, mentions, "completion"),
    )
    dates.relative_terms = _relative_terms(ctx)
    dates.duration = _duration_field(dates.relative_terms, ctx)
    used = {e.start for f in (dates.proposal_date, dates.valid_until, dates.start,
                              dates.substantial_completion, dates.completion) for e in f.evidence}
    dates.milestones = _milestones(ctx, mentions, used)
    return dates
