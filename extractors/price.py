"""Price: total, subtotal, tax, line items, allowances, alternates, deposit, retainage, payment
schedule, payment terms and price validity.

Every MONEY entity is a candidate. Its role is read from the cues in its context (its table row
or its sentence: "Total Contract Price", "Sales tax", "Deposit"), the section it sits in
("Allowances", "Insurance"), and decoy cues ("per occurrence", "per hour", "late fee") that mark
amounts which are not the price. The total is the best-scored candidate; when two different
amounts score the same, the field is ``ambiguous`` and both are kept as candidates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from spacy.tokens import Span

from extractors.context import Context
from extractors.normalize.durations import parse_duration
from extractors.normalize.money import parse_money, parse_number, parse_percent
from models.document import Block, BlockKind
from models.handoff import (
    Alternate,
    Candidate,
    Duration,
    Field,
    FieldStatus,
    LineItem,
    Money,
    MoneyItem,
    PaymentMilestone,
    Price,
)

__all__ = ["MoneyMention", "extract_price", "money_mentions"]

ROLE_CUES = ("total", "subtotal", "tax", "deposit", "retainage", "allowance", "alternate")
DECOY_SECTIONS = {"insurance", "warranty", "termination", "governing_law", "liquidated_damages",
                  "change_orders", "terms"}
_TBD = re.compile(r"\b(tbd|t\.b\.d\.|to be determined|to be confirmed|tbc)\b", re.I)
_PAYMENT_TERMS = re.compile(
    r"\b(net\s*\d{1,3}(?:\s*days)?|due\s+(?:up)?on\s+receipt|payable\s+(?:with)?in\s+\w+\s*(?:\(\d+\)\s*)?days"
    r"|due\s+within\s+\w+\s*(?:\(\d+\)\s*)?days|paid\s+within\s+\w+\s*(?:\(\d+\)\s*)?days"
    r"|(?:\d{1,3}|thirty|fifteen|ten|sixty|forty-five)\s*(?:\(\d+\)\s*)?days\s+(?:of|from|after)\s+(?:the\s+)?"
    r"(?:date\s+of\s+)?invoice)",
    re.I,
)
_ACCEPTED = re.compile(r"(\[x\]|☒|✔|✓)\s*accept|\baccepted\b|\bincluded in (the )?contract\b", re.I)
_DECLINED = re.compile(r"(\[x\]|☒|✔|✓)\s*decline|\bdeclined\b|\brejected\b|\bnot accepted\b", re.I)
_TOTAL_ROW = re.compile(
    r"\b(grand\s+)?total\b|\bsub-?\s?total|^\s*(sales\s+)?tax\b|\b(vat|gst|hst)\b|"
    r"^\s*(sub)?contract\s+(price|sum|amount|value)|^\s*amount\s+due|^\s*balance(\s+due)?\s*$|^\s*lump\s+sum\s*$|"
    r"^\s*net\s+(?:change|increase|decrease|amount)\b",
    re.I)
_BID_TAB_HEAD = re.compile(r"\b(bidders?|vendors?|firms?|compan(y|ies)|proposers?|respondents?|"
                           r"contractors?|submitted\s+by)\b", re.I)
_QTY_HEAD = re.compile(r"\b(qty|quantity|units?|hrs|hours|no\.)\b", re.I)
_UNIT_HEAD = re.compile(r"^\s*(unit|uom|u/m)\s*$", re.I)
_UNIT_PRICE_HEAD = re.compile(r"\b(unit\s*(price|cost|rate)|rate|each|price\s*/\s*unit|per\s+unit)\b", re.I)
_AMOUNT_HEAD = re.compile(r"\b(amount|total|price|cost|extended|ext\.?|subtotal|value|fee)\b", re.I)
_DESC_HEAD = re.compile(r"\b(description|item|scope|work|service|task|phase|milestone|deliverable)\b", re.I)


@dataclass
class MoneyMention:
    """A MONEY entity with what its context says about it."""

    span: Span
    money: Money
    role: str | None
    role_distance: int
    decoy: bool
    section: str | None
    in_table: bool
    score: float = 0.0
    superseded: int = 0  # -1: an amount an amendment replaces; +1: the amount replacing it


def money_mentions(ctx: Context) -> list[MoneyMention]:
    """Every MONEY entity, normalised, with its role cue, section and decoy marks."""
    mentions: list[MoneyMention] = []
    money_ents = ctx.ents("MONEY")
    default_currency = document_currency(ctx)
    for index, ent in enumerate(money_ents):
        money = _parse_money(ent.text, default_currency)
        if money is None or money.amount == 0:
            continue
        w_start, w_end = ctx.window(ent.start_char)
        role, distance = _nearest_role(ctx, w_start, ent.start_char, ent.end_char, w_end)
        after = ctx.document.text[ent.end_char : min(w_end, ent.end_char + 40)].lower()
        before = ctx.document.text[max(w_start, ent.start_char - 60) : ent.start_char].lower()
        # A decoy word belongs to the amount it is closest to: not past a neighbouring amount.
        lo = max(w_start, money_ents[index - 1].end_char if index > 0 else w_start)
        hi = min(w_end, money_ents[index + 1].start_char if index + 1 < len(money_ents) else w_end)
        # A decoy right after the previous amount is that amount's ("$3.25 per sq ft ($1,950.00)").
        prev_end = money_ents[index - 1].end_char if index > 0 else -1
        decoys = [c for c in ctx.cues_in(lo, hi, "decoy_money")
                  if not (c.start_char >= prev_end >= 0 and c.end_char <= ent.start_char
                          and not ctx.document.text[prev_end:c.start_char].strip())]
        decoy = bool(decoys) and not _is_close_total(ctx, ent, w_start)
        if re.match(r"^\s*(/|per\b|each\b|an?\s+hour|hourly|a\s+day)", after):
            decoy = True
        if re.search(r"\b(up to|not less than|minimum of|limits? of|coverage of)\s*$", before):
            decoy = True
        section = ctx.section_label_at(ent.start_char)
        block = ctx.block_of(ent.start_char)
        in_table = block is not None and block.kind is BlockKind.table_cell
        mentions.append(MoneyMention(ent, money, role, distance, decoy, section, in_table,
                                     superseded=_superseded(ctx, ent, w_start, w_end)))
    return mentions


def document_currency(ctx: Context) -> str:
    """The currency the document states most (for amounts written without one); once per document."""
    cached = ctx.__dict__.get("_document_currency")
    if isinstance(cached, str):
        return cached
    from collections import Counter

    from extractors.normalize.money import detect_currency

    counts: Counter[str] = Counter()
    for ent in ctx.ents("MONEY"):
        code = "$" if _BARE_DOLLAR.search(ent.text) else detect_currency(ent.text)
        if code:
            counts[code] += 1
    currency = counts.most_common(1)[0][0] if counts else ctx.settings.default_currency
    if currency == "$":
        currency = _dollar_by_address(ctx.document.text) or "USD"
    elif not counts:
        currency = _dollar_by_address(ctx.document.text) or currency
    ctx.__dict__["_document_currency"] = currency
    return currency


# Bare "$" amounts are the dollars of the country the addresses are in: a Canadian postal code
# ("North Vancouver, BC V7P 1T3") or an Australian state and postcode ("Parramatta NSW 2150").
_CANADIAN_POSTAL = re.compile(r"\b(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)\s+[A-Z]\d[A-Z]\s?\d[A-Z]\d\b")
_AUSTRALIAN_POSTAL = re.compile(r"\b(?:NSW|VIC|QLD|SA|WA|TAS|ACT|NT)\s+\d{4}\b")
_US_ZIP = re.compile(r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b")


_BARE_DOLLAR = re.compile(r"(?<![A-Za-z])\$(?!.*\b(?:USD|CAD|AUD|NZD)\b)")


def _parse_money(text: str, currency: str) -> Money | None:
    """An amount in the document's currency: a bare "$" is the document's dollar (CAD on a
    Canadian quote), not always the US dollar."""
    money = parse_money(text, currency)
    if money is not None and money.currency == "USD" and currency in {"CAD", "AUD", "NZD"} \
            and _BARE_DOLLAR.search(text):
        return Money(amount=money.amount, currency=currency)
    return money


def _dollar_by_address(text: str) -> str | None:
    """CAD or AUD when the document's addresses are all in that country (no US state and ZIP)."""
    if _US_ZIP.search(text):
        return None
    if "$" not in text:
        return None
    if _CANADIAN_POSTAL.search(text):
        return "CAD"
    if _AUSTRALIAN_POSTAL.search(text):
        return "AUD"
    return None


def _is_close_total(ctx: Context, ent: Span, w_start: int) -> bool:
    """A total cue right before the amount outweighs a decoy word elsewhere in the sentence."""
    for cue in ctx.cues_in(max(w_start, ent.start_char - 45), ent.start_char, "total"):
        between = ctx.document.text[cue.end_char : ent.start_char]
        if not ctx.cues_in(cue.end_char, ent.start_char, "decoy_money") and "per" not in between:
            return True
    return False


# A total cue after these words refers to the total without stating it: the amount in the sentence
# is a part of it or a change to it ("included in the Contract Sum", "added to the contract price").
_REFERS_TO_TOTAL = re.compile(
    r"\b(?:included|includes?|contained|incorporated|carried|added|deducted|subtracted|credited)\s+"
    r"(?:in|into|within|to|from)\s+(?:the\s+|this\s+|our\s+)?$", re.I)
# An amount an amendment replaces: "The original Contract Sum was $X", "the Contract Sum prior to
# this Change Order", "increased from $X to $Y" ($X); and the amount that replaces it ("to $Y",
# "the new Contract Sum").
_SUPERSEDED_BEFORE = re.compile(
    r"\b(?:original(?:ly)?|previous(?:ly)?|former|prior\s+to\s+this)\b[^$€£.;]{0,40}$|"
    r"\bfrom\s*$", re.I)
_SUPERSEDED_AFTER = re.compile(r"^\s*to\s+(?:\$|€|£|[A-Z]{3}\s)|^[^.;$€£]{0,15}\bprior\s+to\s+this\b",
                               re.I)
_REPLACING_BEFORE = re.compile(
    r"\bfrom\s+\S+\s+to\s*$|\b(?:new|revised|amended|adjusted)\s+(?:total\s+)?"
    r"(?:contract\s+|subcontract\s+)?(?:sum|price|total|amount|value)\b[^$€£.;]{0,30}$", re.I)


def _superseded(ctx: Context, ent: Span, w_start: int, w_end: int) -> int:
    """-1 for an amount an amendment replaces, +1 for the amount replacing it, else 0."""
    text = ctx.document.text
    before = text[max(w_start, ent.start_char - 60):ent.start_char]
    after = text[ent.end_char:min(w_end, ent.end_char + 40)]
    if _REPLACING_BEFORE.search(before):
        return 1
    if _SUPERSEDED_BEFORE.search(before) or _SUPERSEDED_AFTER.match(after):
        return -1
    return 0


def _nearest_role(ctx: Context, w_start: int, start: int, end: int, w_end: int) -> tuple[str | None, int]:
    """The role cue nearest before the amount (after it, when nothing precedes)."""
    best: tuple[str | None, int] = (None, 10**6)
    for cue in ctx.cues_in(w_start, w_end, *ROLE_CUES):
        if cue.end_char <= start:
            distance = start - cue.end_char
        elif cue.start_char >= end:
            distance = (cue.start_char - end) * 3 + 20
        else:
            continue
        # Prefer the longer cue at equal distance ("sales tax" over "tax", "subtotal" over "total").
        role = cue.id_
        if role == "total" and _REFERS_TO_TOTAL.search(ctx.document.text[max(w_start, cue.start_char - 40):cue.start_char]):
            continue  # "Allowances included in the Contract Sum: …" names the total, does not state it
        if role == "tax":
            # "Total inc. VAT", "Total including tax": the tax word qualifies a total.
            lead = ctx.document.text[max(w_start, cue.start_char - 25) : cue.start_char].lower()
            if re.search(r"total\s*(\(?\s*)?(excl?\.?|excluding|before|net\s+of|w/o|without)\s*$", lead):
                role = "subtotal"  # "Total excl. VAT" is the amount before tax
            elif re.search(r"total\s*(\(?\s*)?(inc\.?|incl\.?|including|with|plus|\+)?\s*$", lead):
                role = "total"
        if distance < best[1] or (distance == best[1] and best[0] == "total" and role != "total"):
            best = (role, distance)
    return best


# --- total ------------------------------------------------------------------------------------
def _score_total(m: MoneyMention, largest: Decimal) -> float:
    score = 0.0
    if m.role == "total":
        score += 4.0 - min(m.role_distance, 60) / 30
    elif m.role in {"subtotal", "tax", "deposit", "retainage", "allowance", "alternate"}:
        score -= 3.0
    if m.section in {"price", "line_items"}:
        score += 1.0
    if m.section in {"allowances", "alternates"}:
        score -= 2.5
    if m.section in DECOY_SECTIONS:
        score -= 1.5
    if m.section == "payment" and m.role != "total":
        score -= 1.0
    if m.decoy:
        score -= 5.0
    score += {-1: -3.0, 1: 1.0}.get(m.superseded, 0.0)
    if m.money.amount == largest:
        score += 1.0
    if m.span.ent_id_ == "words_amount":
        score += 0.5
    if m.span.ent_id_ == "bare_decimal" and not m.in_table:
        score -= 0.5
    return score


def _field_from(ctx: Context, chosen: list[MoneyMention], method_prefix: str,
                confidence: float) -> Field[Money]:
    best = chosen[0]
    distinct: list[MoneyMention] = []
    seen = {(best.money.amount, best.money.currency)}
    for m in chosen[1:]:
        key = (m.money.amount, m.money.currency)
        if key not in seen:
            seen.add(key)
            distinct.append(m)
            if len(distinct) == 5:
                break
    candidates = [
        Candidate[Money](value=m.money, raw=m.span.text, confidence=round(min(1.0, max(0.0, m.score / 6)), 3),
                         method=f"{method_prefix}:{m.span.ent_id_}",
                         evidence=ctx.evidence(m.span.start_char, m.span.end_char))
        for m in distinct[:5]
    ]
    return Field[Money](
        status=FieldStatus.found, value=best.money, raw=best.span.text,
        confidence=round(confidence * ctx.block_confidence(best.span.start_char), 3),
        method=f"{method_prefix}:{best.span.ent_id_}",
        evidence=ctx.evidence(best.span.start_char, best.span.end_char), candidates=candidates,
    )


def _pick_total(ctx: Context, mentions: list[MoneyMention]) -> Field[Money]:
    usable = [m for m in mentions if not m.decoy] or []
    if not usable:
        return _recurring_total(ctx, mentions, None) or _tbd_or_missing(ctx, "total")
    largest = max(m.money.amount for m in usable)
    for m in usable:
        m.score = _score_total(m, largest)
    ranked = sorted(usable, key=lambda m: (-m.score, m.span.start_char))
    best = ranked[0]
    if best.role != "total":
        # No stated total: a recurring fee over a stated term is the contract value.
        recurring = _recurring_total(ctx, mentions, best)
        if recurring is not None:
            return recurring
    if best.score < 0.5:
        tbd = _tbd_or_missing(ctx, "total")
        if tbd.status is FieldStatus.stated_tbd:
            return tbd
    # The same amount stated several times is one candidate, not a rival.
    rivals = [m for m in ranked[1:] if m.money != best.money and m.score >= best.score - 0.25]
    if rivals and best.role != "total":
        field = _field_from(ctx, ranked, "total", 0.4)
        field.status = FieldStatus.ambiguous
        field.candidates.insert(0, Candidate[Money](
            value=best.money, raw=best.span.text, confidence=0.4, method=f"total:{best.span.ent_id_}",
            evidence=ctx.evidence(best.span.start_char, best.span.end_char)))
        return field
    confidence = 0.95 if best.role == "total" and best.score >= 4 else (0.8 if best.score >= 2.5 else 0.55)
    if rivals:
        confidence = min(confidence, 0.6)
    others = [best] + [m for m in ranked[1:] if m.money != best.money]
    field = _field_from(ctx, others, "total", confidence)
    if best.superseded == 1:
        field.method = "total:amended_sum"  # the checks compare the changes with the net change
    elif _is_cap(ctx, best):
        # A time-and-materials ceiling is what the PM manages to, not a price: flagged for review.
        field.method = "total:not_to_exceed"
        field.confidence = min(field.confidence, NOT_TO_EXCEED_CONFIDENCE)
    return field


NOT_TO_EXCEED_CONFIDENCE = 0.55
# A ceiling, not a price: "Not-to-exceed amount: $18,500", "shall not exceed $X", "NTE $X".
_CAP_BEFORE = re.compile(r"\b(?:not[-\s]to[-\s]exceed|NTE|(?:shall|will|not)\s+(?:to\s+)?exceed|"
                         r"maximum\s+(?:not[-\s]to[-\s]exceed\s+)?(?:amount|price|of))\b[^$€£.;]{0,30}$",
                         re.I)


def _is_cap(ctx: Context, m: MoneyMention) -> bool:
    """Whether the total is stated as a ceiling (time-and-materials work), read just before it."""
    w_start, _ = ctx.window(m.span.start_char)
    before = ctx.document.text[max(w_start, m.span.start_char - 60):m.span.start_char]
    return bool(_CAP_BEFORE.search(before))


_RECURRING = re.compile(
    r"^\s*(?:/\s*|per\s+|a\s+|each\s+|every\s+)(month|mo|quarter|year|yr|annum)\b|"
    r"^\s*\(?(monthly|quarterly|annually|yearly)\b", re.I)
_PERIOD_MONTHS = {"month": 1, "mo": 1, "monthly": 1, "quarter": 3, "quarterly": 3, "year": 12, "yr": 12,
                  "annum": 12, "annually": 12, "yearly": 12}
_ONE_TIME = re.compile(r"\bone[-\s]?time\b|\bset-?\s?up\b|\bstart-?\s?up\b|\bonboarding\b|"
                       r"\binitial\s+(fee|charge)\b|\binstallation\s+fee\b", re.I)
_TERM_SENTENCE = re.compile(r"\bterm\b|\b(continue|run)s?\s+for\b|\bperiod\s+of\b|\bduration\b", re.I)


def _context_text(ctx: Context, offset: int) -> tuple[int, int, str]:
    w_start, w_end = ctx.window(offset)
    return w_start, w_end, ctx.document.text[w_start:w_end]


def _stated_term_months(ctx: Context, fee: MoneyMention) -> tuple[int, Span] | None:
    """The term a recurring fee runs for, in months: in the fee's own context ("$1,150 per month
    for 12 months"), else a sentence about the term ("The term … runs for twelve (12) months")."""
    f_start, f_end, _ = _context_text(ctx, fee.span.start_char)
    own: list[Span] = []
    term: list[Span] = []
    for ent in ctx.ents("DURATION"):
        duration = parse_duration(ent.text)
        if duration is None or duration.unit not in ("months", "years"):
            continue
        if f_start <= ent.start_char < f_end:
            own.append(ent)
            continue
        w_start, _w_end, text = _context_text(ctx, ent.start_char)
        before = ctx.document.text[max(w_start, ent.start_char - 40) : ent.start_char]
        if _TERM_SENTENCE.search(text) and not re.search(r"notice|warrant|guarant", before, re.I):
            term.append(ent)
    for ent in own + term:
        duration = parse_duration(ent.text)
        if duration is not None:
            months = duration.value * (12 if duration.unit == "years" else 1)
            if months == int(months) and 0 < months <= 120:
                return int(months), ent
    return None


def _recurring_total(ctx: Context, mentions: list[MoneyMention],
                     best: MoneyMention | None) -> Field[Money] | None:
    """Contract value of a recurring fee with a stated term: fee × periods + one-time fees.

    Only one recurring amount may be stated (two different monthly fees are left to the
    reviewer); the method and a lower confidence say the value was computed, not read.
    """
    fees: list[tuple[MoneyMention, int]] = []
    for m in mentions:
        after = ctx.document.text[m.span.end_char : m.span.end_char + 20]
        match = _RECURRING.match(after)
        # "five pounds per year" of refrigerant is a weight, not a fee in another currency.
        foreign_words = m.span.ent_id_ == "words_amount" and m.money.currency != document_currency(ctx)
        if match and m.section not in DECOY_SECTIONS and not foreign_words:
            fees.append((m, _PERIOD_MONTHS[(match.group(1) or match.group(2)).lower()]))
    if not fees or len({(m.money.amount, m.money.currency, period) for m, period in fees}) != 1:
        return None
    fee, period = fees[0]
    term = _stated_term_months(ctx, fee)
    if term is None or term[0] % period:
        return None
    count = term[0] // period
    one_time: dict[Decimal, MoneyMention] = {}
    for m in mentions:
        if m.decoy or m.money.currency != fee.money.currency or m.role in ("total", "tax", "deposit"):
            continue
        _s, _e, text = _context_text(ctx, m.span.start_char)
        if _ONE_TIME.search(text) and not _RECURRING.match(ctx.document.text[m.span.end_char:][:20]):
            one_time.setdefault(m.money.amount, m)
    amount = fee.money.amount * count + sum(one_time, Decimal(0))
    per = _RECURRING.match(ctx.document.text[fee.span.end_char : fee.span.end_char + 20])
    raw = f"{count} × {fee.span.text} {per.group(0).strip() if per else ''}".rstrip()
    raw += "".join(f" + {m.span.text}" for m in one_time.values())
    spans = [(fee.span.start_char, fee.span.end_char), (term[1].start_char, term[1].end_char)]
    spans += [(m.span.start_char, m.span.end_char) for m in one_time.values()]
    evidence = [e for a, b in spans for e in ctx.evidence(a, b)]
    candidates = []
    if best is not None and best.money.amount != amount:
        candidates.append(Candidate[Money](value=best.money, raw=best.span.text, confidence=0.3,
                                           method=f"total:{best.span.ent_id_}",
                                           evidence=ctx.evidence(best.span.start_char, best.span.end_char)))
    return Field[Money](status=FieldStatus.found, value=Money(amount=amount, currency=fee.money.currency),
                        raw=raw[:200], confidence=0.6, method="total:recurring_term", evidence=evidence,
                        candidates=candidates)


def _tbd_or_missing(ctx: Context, role: str) -> Field[Money]:
    for cue in ctx.cues(role):
        w_start, w_end = ctx.window(cue.start_char)
        text = ctx.document.text[cue.end_char:w_end]
        if _TBD.search(text[:60]):
            return Field[Money](status=FieldStatus.stated_tbd, raw=ctx.document.text[cue.start_char:w_end][:120],
                                confidence=0.7, method=f"{role}:tbd",
                                evidence=ctx.evidence(cue.start_char, w_end))
    return Field[Money]()


def _pick_role(ctx: Context, mentions: list[MoneyMention], role: str) -> Field[Money]:
    hits = [m for m in mentions if m.role == role and not m.decoy and m.role_distance < 80]
    if not hits:
        return _tbd_or_missing(ctx, role) if role != "total" else Field[Money]()
    hits.sort(key=lambda m: (m.role_distance, m.span.start_char))
    distinct = {h.money.amount for h in hits}
    confidence = 0.85 if len(distinct) == 1 else 0.6
    if role == "tax":
        # The amount of a tax, not a rate or a taxable base: prefer the smallest near the cue.
        hits.sort(key=lambda m: (m.role_distance > 40, m.money.amount))
    elif role == "subtotal" and len(distinct) > 2:
        # Section subtotals and the subtotal of the whole: the largest is the sum of the others.
        largest = max(distinct)
        parts = sum((h.money.amount for h in hits if h.money.amount != largest), Decimal(0))
        if abs(parts - largest) <= Decimal("0.05"):
            hits.sort(key=lambda m: (m.money.amount != largest, m.span.start_char))
            confidence = 0.85
    return _field_from(ctx, hits, role, confidence)


# --- percentages (deposit, retainage) ---------------------------------------------------------
def _percent_near(ctx: Context, role: str) -> tuple[Decimal, Span, Span] | None:
    for cue in ctx.cues(role):
        w_start, w_end = ctx.window(cue.start_char)
        best: tuple[int, Span] | None = None
        for ent in ctx.ents("PERCENT"):
            if w_start <= ent.start_char < w_end:
                d = abs(ent.start_char - cue.start_char)
                if best is None or d < best[0]:
                    best = (d, ent)
        if best is not None:
            value = parse_percent(best[1].text)
            if value is not None and 0 < value <= 100:
                return value, best[1], cue
    return None


def _retainage(ctx: Context) -> Field[Decimal]:
    found = _percent_near(ctx, "retainage")
    if found is None:
        return Field[Decimal]()
    value, ent, _cue = found
    return Field[Decimal](status=FieldStatus.found, value=value, raw=ent.text, confidence=0.85,
                          method="retainage:percent_near_cue",
                          evidence=ctx.evidence(ent.start_char, ent.end_char))


_DEPOSIT_MILESTONE = re.compile(
    r"deposit|down\s*payment|sign|execut|accept|award|mobiliz|advance|upfront|order", re.I)


def _deposit(ctx: Context, mentions: list[MoneyMention], total: Field[Money],
             schedule: list[PaymentMilestone]) -> Field[Money]:
    field = _pick_role(ctx, mentions, "deposit")
    if field.found:
        return field
    if schedule and schedule[0].amount is not None and _DEPOSIT_MILESTONE.search(schedule[0].milestone):
        first = schedule[0]
        return Field[Money](status=FieldStatus.found, value=first.amount, raw=first.milestone,
                            confidence=0.7, method="deposit:first_payment_milestone",
                            evidence=first.evidence)
    found = _percent_near(ctx, "deposit")
    if found is None or not total.found or total.value is None:
        return field
    value, ent, _cue = found
    amount = (total.value.amount * value / 100).quantize(Decimal("0.01"))
    return Field[Money](status=FieldStatus.found, value=Money(amount=amount, currency=total.value.currency),
                        raw=ent.text, confidence=0.7, method="deposit:percent_of_total",
                        evidence=ctx.evidence(ent.start_char, ent.end_char))


# --- tables: line items and schedules ---------------------------------------------------------
def _column_roles(header: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for i, text in enumerate(header):
        t = text.strip()
        if not t:
            continue
        if _UNIT_PRICE_HEAD.search(t) and "unit_price" not in roles:
            roles["unit_price"] = i
        elif _UNIT_HEAD.match(t) and "unit" not in roles:
            roles["unit"] = i
        elif _QTY_HEAD.search(t) and "quantity" not in roles:
            roles["quantity"] = i
        elif re.search(r"%|percent", t, re.I) and "percent" not in roles:
            roles["percent"] = i
        elif _AMOUNT_HEAD.search(t):
            roles["amount"] = i  # the right-most amount-like column wins
        elif _DESC_HEAD.search(t) and "description" not in roles:
            roles["description"] = i
    # "Item | Description | Amount": the column that says "description" holds it, not the codes.
    named = next((i for i, t in enumerate(header) if re.search(r"\bdescription\b", t, re.I)), None)
    if named is not None and named not in roles.values():
        roles["description"] = named
    return roles


# A credit written the accountant's way: "($6,200.00)", "-$6,200.00", "– 6,200.00".
_CREDIT = re.compile(r"^\s*(?:\(\s*[^\d()]{0,4}\s*[\d][\d,.\s]*\)|[-–−]\s*[^\d\s]{0,4}\s*\d)")


# A row that takes money off: "Less: preferred-client discount (5%)", "Early-payment discount".
_DISCOUNT_ROW = re.compile(r"^\s*less\b|\bdiscount\b|\brebate\b", re.I)


# A cell that is nothing but an amount with its currency or its cents ("$18,740.00", "1 250,00 €").
_AMOUNT_CELL = re.compile(
    r"^\s*\(?\s*(?:(?:[A-Z]{1,3})?\$|[€£]|[A-Z]{3}\s?)\s?\d[\d,.\s]*\)?\s*$|"
    r"^\s*\(?\s*\d[\d,.\s]*[.,]\d{2}\s*\)?\s*(?:[€£]|[A-Z]{3})?\s*$")


def _priced_rows(rows: list[list[Block]], currency: str) -> bool:
    """Every row ends in an amount and has words before it (a headerless price table)."""
    return len(rows) >= 2 and all(
        len(row) >= 2 and _AMOUNT_CELL.match(row[-1].text) is not None
        and _parse_money(row[-1].text, currency) is not None
        and sum(ch.isalpha() for c in row[:-1] for ch in c.text) >= 3 for row in rows)


def _wordiest_column(rows: list[list[Block]]) -> int:
    """The column whose cells hold the most letters: the description when no header says so."""
    letters: dict[int, int] = {}
    for row in rows:
        for i, cell in enumerate(row):
            letters[i] = letters.get(i, 0) + sum(ch.isalpha() for ch in cell.text)
    return max(letters, key=lambda i: letters[i]) if letters else 0


def _line_items(ctx: Context, mentions: list[MoneyMention]) -> list[LineItem]:
    items: list[LineItem] = []
    currency = document_currency(ctx)
    for table in ctx.document.tables:
        rows = ctx.document.table_cells(table)
        if len(rows) < 2:
            continue
        header = [c.text for c in rows[0]]
        # A first row that holds an amount is data ("Subtotal | $113,350.00"), not a header.
        roles = {} if any(_AMOUNT_CELL.match(t) for t in header) else _column_roles(header)
        section = ctx.section_label_at(rows[0][0].start)
        data = rows[1:]
        only_discounts = False
        if not roles and _priced_rows(rows, currency) and (
                section in {"price", "line_items"} or any(_TOTAL_ROW.search(r[0].text) for r in rows)):
            # A table without a header row under a price heading: every row is a priced line.
            # Elsewhere, a summary under the priced table ("Subtotal | Less: discount | Total")
            # adds only its discounts, as credits.
            only_discounts = section not in {"price", "line_items"}
            roles = {"amount": len(rows[0]) - 1, "description": _wordiest_column(rows)}
            data = rows
        if "amount" not in roles or section in {"payment", "alternates", "allowances"} or "percent" in roles:
            continue
        if any(_BID_TAB_HEAD.search(h) for h in header):
            continue  # a bid tabulation lists rival bids, not what was sold
        if _is_alternates_table(ctx, rows):
            continue
        desc_col = roles.get("description", _wordiest_column(rows[1:]))
        for row in data:
            if len(row) <= max(roles.values()):
                continue
            desc = row[desc_col].text.strip()
            if not desc or _TOTAL_ROW.search(desc):
                continue
            discount = _DISCOUNT_ROW.search(desc) is not None
            if only_discounts and not discount:
                continue
            amount_cell = row[roles["amount"]]
            amount = _parse_money(amount_cell.text, currency)
            if amount is not None and (_CREDIT.match(amount_cell.text) or discount) and amount.amount > 0:
                amount = Money(amount=-amount.amount, currency=amount.currency)
            if amount is None and not re.search(r"included|incl\.|n/c|no charge", amount_cell.text, re.I):
                continue
            quantity = parse_number(row[roles["quantity"]].text) if "quantity" in roles else None
            unit = row[roles["unit"]].text.strip() or None if "unit" in roles else None
            unit_price = (_parse_money(row[roles["unit_price"]].text, currency)
                          if "unit_price" in roles else None)
            items.append(LineItem(
                description=desc[:300], quantity=quantity, unit=unit, unit_price=unit_price,
                amount=amount, confidence=0.85, method="line_item:table",
                evidence=ctx.evidence(row[0].start, row[-1].end),
            ))
    if not items:
        items = _listed_line_items(ctx, mentions)
    if not items:
        items = _prose_line_items(ctx, mentions)
    return items


_PRICED_ENTRY_LEAD = re.compile(
    r"^(?:[A-Z][\w&.,' ]{0,40}?\s+(?:would|will|can|could|propose\s+to|shall)\s+"
    r"(?:be\s+(?:happy|pleased|glad)\s+to\s+)?)?", re.I)


def _prose_line_items(ctx: Context, mentions: list[MoneyMention]) -> list[LineItem]:
    """Prices inline in a sentence, each after its entry: "We would supply and install a shower
    enclosure for $2,950, two mirrors for $780, and replace the sealed unit for $1,130." gives
    one line item per entry (an e-mailed quote has no price table)."""
    text = ctx.document.text
    by_sentence: dict[int, list[MoneyMention]] = {}
    for m in mentions:
        if m.decoy or m.role is not None or m.in_table:
            continue
        if re.search(r"\s(?:for|at)\s*$", text[max(0, m.span.start_char - 6):m.span.start_char]):
            by_sentence.setdefault(ctx.window(m.span.start_char)[0], []).append(m)
    items: list[LineItem] = []
    for s_start, group in by_sentence.items():
        if len(group) < 2:
            continue
        lo = s_start
        for m in group:
            before = text[lo:m.span.start_char]
            desc = re.sub(r"\s+(?:for|at)\s*$", "", before)
            desc = re.sub(r"^[\s,;]*(?:and\s+)?", "", desc)
            if lo == s_start:
                desc = desc[_PRICED_ENTRY_LEAD.match(desc).end():]  # type: ignore[union-attr]
            desc = re.sub(r"\s+", " ", desc).strip(" ,;")
            lo = m.span.end_char
            if len(desc) < 3 or _TOTAL_ROW.search(desc):
                continue
            items.append(LineItem(description=desc[:1].upper() + desc[1:300], amount=m.money,
                                  confidence=0.55, method="line_item:prose",
                                  evidence=ctx.evidence(m.span.start_char, m.span.end_char)))
    return items


def _listed_line_items(ctx: Context, mentions: list[MoneyMention]) -> list[LineItem]:
    """Priced lines in a price section ("Tear-off and disposal ....... $4,200.00")."""
    items: list[LineItem] = []
    for m in mentions:
        if m.section not in {"price", "line_items"} or m.role is not None or m.decoy or m.in_table:
            continue
        block = ctx.block_of(m.span.start_char)
        if block is None or block.kind not in (BlockKind.list_item, BlockKind.paragraph):
            continue
        desc = ctx.document.text[block.start : m.span.start_char]
        if desc.rstrip().endswith("("):
            continue  # "… Dollars ($4,362,500.00)": the figures of an amount in words
        desc = re.sub(r"^[\s•●▪◦■\-*–·\d.)]+|[\s.:…_\-–—$]+$", "", desc)
        if not desc or len(desc) > 200 or _TOTAL_ROW.search(desc):
            continue
        items.append(LineItem(description=desc, amount=m.money, confidence=0.6, method="line_item:list",
                              evidence=ctx.evidence(block.start, m.span.end_char)))
    return items


def _payment_schedule(ctx: Context, total: Field[Money]) -> list[PaymentMilestone]:
    """Milestones from the payment section (rows, list items, "30% on signing; 40% …" prose),
    and from any sentence whose percentages add up to 100."""
    out: list[PaymentMilestone] = []
    seen_blocks: set[int] = set()
    seen_pieces: set[int] = set()
    for section in ctx.sections_labelled("payment"):
        for index, block in ctx.blocks_of(section):
            if index in seen_blocks:
                continue
            start = ctx.content_start(index)
            row = ctx.row_cells(block.start)
            if row:
                if block.col != 0:
                    continue
                start, end = row[0].start, row[-1].end
                seen_blocks.update(ctx.document.block_index_at(c.start) or 0 for c in row)
            else:
                end = block.end
            for piece_start, piece_end in _pieces(ctx, start, end, bool(row)):
                item = _milestone(ctx, piece_start, piece_end, total, row)
                if item is not None and piece_start not in seen_pieces:
                    seen_pieces.add(piece_start)
                    out.append(item)
    # One lone amount without a percentage ("A deposit of $X is required") is not a schedule.
    if len(out) == 1 and out[0].percent is None:
        out = []
    if out:
        out = _with_balance(out, total)
    if not out:
        out = _schedule_from_percent_sums(ctx, total)
    return out


_BALANCE = re.compile(r"(?:[,;]\s*(?:and\s+)?|\s+and\s+)(?P<rest>(?:the\s+)?(?:balance|remainder|rest)\b.*)$",
                      re.I)


def _with_balance(out: list[PaymentMilestone], total: Field[Money]) -> list[PaymentMilestone]:
    """"30% deposit to book your dates, the balance when the walkthrough is done": the balance
    is a milestone of its own, for what the stated percentages leave."""
    last = out[-1]
    percents = [m.percent for m in out]
    m = _BALANCE.search(last.milestone)
    if m is None or None in percents or not 0 < sum(p for p in percents if p is not None) < 100:
        return out
    left = Decimal(100) - sum(p for p in percents if p is not None)
    amount = None
    if total.found and total.value is not None and all(x.amount is not None for x in out):
        paid = sum((x.amount.amount for x in out if x.amount is not None), Decimal(0))
        amount = Money(amount=total.value.amount - paid, currency=total.value.currency)
    head = last.model_copy(update={"milestone": last.milestone[:m.start()].strip(" ,;")})
    balance = PaymentMilestone(milestone=m.group("rest").strip(" .")[:200], percent=left,
                               amount=amount, confidence=0.65, method="payment_schedule:balance",
                               evidence=last.evidence)
    return [*out[:-1], head, balance]


def _schedule_from_percent_sums(ctx: Context, total: Field[Money]) -> list[PaymentMilestone]:
    """A sentence outside any payment heading whose percentages add up to 100 is a schedule."""
    by_sentence: dict[int, list[Span]] = {}
    for ent in ctx.ents("PERCENT"):
        by_sentence.setdefault(ent.sent.start, []).append(ent)
    for percents in by_sentence.values():
        sent = percents[0].sent
        if len(percents) == 1:
            lone = _percent_and_balance(ctx, percents[0], sent, total)
            if lone:
                return lone
            continue
        values = [parse_percent(e.text) for e in percents]
        if None in values or sum(v for v in values if v is not None) != 100:
            continue
        items = [_milestone(ctx, a, b, total, [], "payment_schedule:percent_sum")
                 for a, b in _split_at_percents(ctx, sent.start_char, sent.end_char)]
        found = [i for i in items if i is not None]
        if len(found) >= 2:
            return found
    return []


def _percent_and_balance(ctx: Context, ent: Span, sent: Span,
                         total: Field[Money]) -> list[PaymentMilestone]:
    """"We ask for 50% upon acceptance, balance upon completion": one percentage and the
    balance make a two-step schedule wherever the sentence stands."""
    value = parse_percent(ent.text)
    rest = ctx.document.text[ent.end_char:sent.end_char]
    if value is None or not 0 < value < 100 or not _BALANCE.search(rest.rstrip(" .")):
        return []
    item = _milestone(ctx, ent.start_char, sent.end_char, total, [], "payment_schedule:percent_balance")
    if item is None or not _PAYMENT_WORDS.search(rest):
        return []
    out = _with_balance([item], total)
    return out if len(out) == 2 else []


_PAYMENT_WORDS = re.compile(
    r"\b(pay\w*|paid|due|deposit|balance|upon|on|at|after|before|when|completion|complete[ds]?|"
    r"sign\w*|order|deliver\w*|invoice\w*|progress|milestone|start|final|install?ments?|stage|"
    r"advance|mobili[sz]ation|acceptance|award|month|week)\b", re.I)


def _split_at_percents(ctx: Context, start: int, end: int) -> list[tuple[int, int]]:
    """Split "30% on signing; 40% at rough-in and 30% on completion" into one piece per
    percentage — but not "30% at 50% completion" (no separator before the second one)."""
    percents = [e for e in ctx.ents("PERCENT") if start <= e.start_char < end]
    if len(percents) < 2:
        return [(start, end)]
    cuts = [percents[0].start_char]
    for prev, cur in zip(percents, percents[1:], strict=False):
        between = ctx.document.text[prev.end_char : cur.start_char]
        if re.search(r"[;,]|\band\b|\bthen\b|\n", between):
            cuts.append(cur.start_char)
    if len(cuts) < 2:
        return [(start, end)]
    bounds = cuts + [end]
    return [(bounds[i], bounds[i + 1]) for i in range(len(cuts))]


def _pieces(ctx: Context, start: int, end: int, is_row: bool) -> list[tuple[int, int]]:
    if is_row:
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    span = ctx.doc.char_span(start, end, alignment_mode="expand") if end > start else None
    for sent in span.sents if span is not None else []:  # type: ignore[attr-defined]
        pieces.extend(_split_at_percents(ctx, max(start, sent.start_char), min(end, sent.end_char)))
    return pieces or [(start, end)]


def _milestone(ctx: Context, start: int, end: int, total: Field[Money], row: list[Block],
               method: str = "payment_schedule:section") -> PaymentMilestone | None:
    text = ctx.document.text[start:end]
    percents = [e for e in ctx.ents("PERCENT") if start <= e.start_char < end]
    moneys = [e for e in ctx.ents("MONEY") if start <= e.start_char < end]
    if not percents and not moneys:
        return None
    if re.search(r"retainage|retention|\bretain(ed)?\b|withh(old|eld)|late|interest|per month|per annum|"
                 r"bid security|bond|surcharge|\b(card|convenience|processing|transaction)\s+(fee|charge)",
                 text, re.I):
        return None
    if not row and not percents and not _PAYMENT_WORDS.search(text):
        return None  # an amount in a line that says nothing of paying (a company footer)
    if row:
        # In a table the percentage and the amount have cells of their own ("At 50% completion").
        whole = {c.text.strip() for c in row}
        percents = [e for e in percents if e.text.strip() in whole] or percents[-1:]
        moneys = [e for e in moneys if e.text.strip() in whole] or moneys[-1:]
    percent = parse_percent(percents[0].text) if percents else None
    amount = _parse_money(moneys[0].text, document_currency(ctx)) if moneys else None
    if amount is None and percent is not None and total.found and total.value is not None:
        amount = Money(amount=(total.value.amount * percent / 100).quantize(Decimal("0.01")),
                       currency=total.value.currency)
    if row:
        used = {e.text.strip() for e in percents[:1] + moneys[:1]}
        label = " ".join(c.text.strip() for c in row if c.text.strip() and c.text.strip() not in used)
    else:
        label = text
        for e in percents[:1] + moneys[:1]:
            label = label.replace(e.text, " ", 1)
        label = re.sub(r"\(\s*\)", " ", label)
    label = re.sub(r"\s+", " ", re.sub(r"^[\s•●▪◦■\-*–·\d.)]+", "", label.replace("\t", " ")))
    label = re.sub(r"^(and|or|then)\s+|\s+(and|or)$", "", label.strip(" :;-–—,.()"), flags=re.I)
    label = label.strip(" :;-–—,.()")
    if not label:
        label = text.strip()
    return PaymentMilestone(milestone=label[:200], percent=percent, amount=amount, confidence=0.75,
                            method=method, evidence=ctx.evidence(start, end))


# --- allowances and alternates ----------------------------------------------------------------
def _described(ctx: Context, m: MoneyMention) -> str:
    row = ctx.row_cells(m.span.start_char)
    if row:
        text = " ".join(c.text for c in row if c.start != ctx.block_of(m.span.start_char).start)  # type: ignore[union-attr]
    else:
        w_start, w_end = ctx.window(m.span.start_char)
        text = ctx.document.text[w_start:w_end].replace(m.span.text, " ")
    text = re.sub(r"^[\s•●▪◦■\-*–·§\d.)]+", "", text)
    # What the removed amount leaves behind: "( )", a dangling "add"/"deduct" before it.
    text = re.sub(r"\(\s*\)", " ", text)
    text = re.sub(r"[\s:,–—-]+(?:add|deduct|credit|plus|for)\s*[:,.]?\s*$", "", text, flags=re.I)
    return re.sub(r"\s+", " ", text).strip(" :-–—,.")[:300]


def _allowances(ctx: Context, mentions: list[MoneyMention]) -> list[MoneyItem]:
    out: list[MoneyItem] = []
    for m in mentions:
        if (m.section == "allowances" or m.role == "allowance") and not m.decoy:
            out.append(MoneyItem(description=_described(ctx, m), amount=m.money, confidence=0.75,
                                 method="allowance:" + ("section" if m.section == "allowances" else "cue"),
                                 evidence=ctx.evidence(*ctx.window(m.span.start_char))))
    return out


_STATUS_HEAD = re.compile(r"\b(status|accepted|accept(?:ed)?\s*/\s*declined?|selected|owner'?s?\s+choice)\b", re.I)
_STATUS_CELL = re.compile(r"^\s*(accepted|declined|rejected|not\s+accepted|selected|not\s+selected)\s*$", re.I)


def _is_alternates_table(ctx: Context, rows: list[list[Block]]) -> bool:
    """A priced table with an accepted/declined column, or right under an alternates heading
    ("§ 3.2 Alternates. … as shown:"), lists alternates, not line items."""
    if len(rows) < 2:
        return False
    if any(_STATUS_HEAD.search(c.text) for c in rows[0]) and any(
            _STATUS_CELL.match(c.text) for row in rows[1:] for c in row):
        return True
    index = ctx.document.block_index_at(rows[0][0].start)
    if index:
        prev = ctx.document.blocks[index - 1]
        return ctx.section_label_at(prev.start) == "alternates" and prev.kind is not BlockKind.table_cell
    return False


def _table_alternates(ctx: Context, currency: str) -> list[Alternate]:
    out: list[Alternate] = []
    for table in ctx.document.tables:
        rows = ctx.document.table_cells(table)
        if not _is_alternates_table(ctx, rows):
            continue
        roles = _column_roles([c.text for c in rows[0]])
        if "amount" not in roles:
            continue
        desc_col = roles.get("description", _wordiest_column(rows[1:]))
        for row in rows[1:]:
            if len(row) <= max(roles["amount"], desc_col):
                continue
            amount = _parse_money(row[roles["amount"]].text, currency)
            desc = row[desc_col].text.strip()
            if amount is None or not desc:
                continue
            status = " ".join(c.text for c in row)
            accepted: Literal["yes", "no", "unknown"] = (
                "no" if _DECLINED.search(status) else "yes" if _ACCEPTED.search(status) else "unknown")
            out.append(Alternate(description=desc[:300], amount=amount, accepted=accepted,
                                 confidence=0.75, method="alternate:table",
                                 evidence=ctx.evidence(row[0].start, row[-1].end)))
    return out


def _alternates(ctx: Context, mentions: list[MoneyMention]) -> list[Alternate]:
    out: list[Alternate] = _table_alternates(ctx, document_currency(ctx))
    in_tables = {e.start for a in out for e in a.evidence}
    for m in mentions:
        if not (m.section == "alternates" or m.role == "alternate") or m.decoy:
            continue
        row = ctx.row_cells(m.span.start_char)
        if row and row[0].start in in_tables:
            continue
        w_start, w_end = ctx.window(m.span.start_char)
        context = ctx.document.text[w_start:w_end]
        accepted: Literal["yes", "no", "unknown"] = (
            "yes" if _ACCEPTED.search(context) else "no" if _DECLINED.search(context) else "unknown")
        out.append(Alternate(description=_described(ctx, m), amount=m.money, accepted=accepted,
                             confidence=0.7, method="alternate:" + ("section" if m.section == "alternates" else "cue"),
                             evidence=ctx.evidence(w_start, w_end)))
    return out


# --- terms and validity -----------------------------------------------------------------------
def _payment_terms(ctx: Context) -> Field[str]:
    text = ctx.document.text
    hits = list(_PAYMENT_TERMS.finditer(text))
    if not hits:
        return Field[str]()
    hits.sort(key=lambda m: (ctx.section_label_at(m.start()) != "payment", m.start()))
    m = hits[0]
    value = re.sub(r"\s+", " ", m.group(0)).strip()
    if value.lower().startswith("net"):
        value = "Net " + re.sub(r"\D", "", value)
    return Field[str](status=FieldStatus.found, value=value, raw=m.group(0), confidence=0.8,
                      method="payment_terms:regex", evidence=ctx.evidence(m.start(), m.end()))


def _price_validity(ctx: Context) -> Field[Duration]:
    for cue in ctx.cues("validity"):
        w_start, w_end = ctx.window(cue.start_char)
        for ent in ctx.ents("DURATION"):
            if cue.end_char <= ent.start_char < min(w_end, cue.end_char + 60):
                duration = parse_duration(ent.text)
                if duration is not None:
                    return Field[Duration](status=FieldStatus.found, value=duration, raw=ent.text,
                                           confidence=0.85, method="price_validity:cue_duration",
                                           evidence=ctx.evidence(cue.start_char, ent.end_char))
    return Field[Duration]()


def extract_price(ctx: Context) -> Price:
    """All price fields of the document."""
    mentions = money_mentions(ctx)
    total = _pick_total(ctx, mentions)
    price = Price(
        total=total,
        subtotal=_pick_role(ctx, mentions, "subtotal"),
        tax=_pick_role(ctx, mentions, "tax"),
        line_items=_line_items(ctx, mentions),
        allowances=_allowances(ctx, mentions),
        alternates=_alternates(ctx, mentions),
        retainage_percent=_retainage(ctx),
        payment_schedule=_payment_schedule(ctx, total),
        payment_terms=_payment_terms(ctx),
        price_validity=_price_validity(ctx),
    )
    price.deposit = _deposit(ctx, mentions, total, price.payment_schedule)
    if total.value is not None:
        price.currency = total.value.currency
    elif mentions:
        price.currency = mentions[0].money.currency
    return price
