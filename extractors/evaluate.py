"""Score a ``Handoff`` against a gold file: per-field TP/FP/FN, precision, recall, F1.

Gold format: ``{"file": NAME, "kind": KIND, "fields": {DOTTED_PATH: EXPECTED}}``. A key with a
value must be found with that value; a key with ``null`` means the document does not state it
(any found value is a false positive); an absent key is not evaluated.

How values are compared (one rule per field kind):

- text (names, emails, phones, addresses): normalised (case, spaces, punctuation) and equal
  when their token-set similarity is >= ``TEXT_THRESHOLD``; payment terms the same after
  dropping filler words ("Net 30 days from invoice date" == "Net 30");
- money: amount and currency exactly (``42500`` == ``42500.00``); dates: the ISO string exactly;
  percent and warranty months: the number exactly; signed: the boolean (a signed party is the
  positive class);
- lists (scope items, line items, payment schedule, alternates, allowances): items matched one
  to one, best pairs first; text items need ``TEXT_THRESHOLD``, priced items need the same
  amount (and percent, accepted flag) plus a description similarity, or a share of the gold
  description's words found in the prediction, >= ``LABEL_THRESHOLD``.
  Matched items are TP, unmatched predictions FP, unmatched gold items FN.

A scalar predicted with a wrong value counts once as FP and once as FN. "Exact match" is the
share of documents whose value (or whole list) is exactly right, a null expectation met
included.
"""

from __future__ import annotations

import fnmatch
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from difflib import SequenceMatcher
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, JsonValue, ValidationError
from pydantic import Field as PField

from models.handoff import Field, Handoff, Money, Party

__all__ = [
    "DocumentResult",
    "EvaluationReport",
    "FIELDS",
    "FieldOutcome",
    "FieldScore",
    "GoldDocument",
    "GoldError",
    "KindScore",
    "LABEL_THRESHOLD",
    "Miss",
    "Overall",
    "TARGETS",
    "TEXT_THRESHOLD",
    "aggregate",
    "containment",
    "load_gold",
    "normalize_text",
    "report_json",
    "score_document",
    "select_fields",
    "similarity",
]

TEXT_THRESHOLD = 0.85
LABEL_THRESHOLD = 0.6

Kind = Literal[
    "text",
    "terms",
    "money",
    "date",
    "decimal",
    "int",
    "bool",
    "text_list",
    "money_list",
    "schedule",
    "alternates",
]

# The product's quality targets (issue: total and dated roles >= 0.97, parties and scope >= 0.90).
TARGETS: dict[str, float] = {
    "price.total": 0.97,
    "dates.proposal_date": 0.97,
    "dates.valid_until": 0.97,
    "dates.start": 0.97,
    "dates.substantial_completion": 0.97,
    "dates.completion": 0.97,
    "parties.client.name": 0.90,
    "parties.contractor.name": 0.90,
    "scope.inclusions": 0.90,
    "scope.exclusions": 0.90,
}

Money2 = tuple[Decimal, str]
_T = TypeVar("_T")


class GoldError(ValueError):
    """A gold file that cannot be used (bad JSON, unknown field, wrongly typed value)."""


# --- reports ----------------------------------------------------------------------------------
class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldDocument(BaseModel):
    """A gold file; keys other than these (``trade``, notes) are kept out of the way."""

    model_config = ConfigDict(extra="ignore")

    file: str
    kind: str | None = None
    fields: dict[str, JsonValue]


class Miss(_Model):
    """One error on one document, for debugging: what was expected and what came out."""

    field: str
    outcome: Literal["missed", "wrong", "spurious"]
    expected: JsonValue = None
    predicted: JsonValue = None


class FieldOutcome(_Model):
    field: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    exact: bool = False


class DocumentResult(_Model):
    file: str
    kind: str | None = None
    error: str | None = None
    outcomes: list[FieldOutcome] = PField(default_factory=list)
    misses: list[Miss] = PField(default_factory=list)


class FieldScore(_Model):
    field: str
    kind: str
    documents: int
    tp: int
    fp: int
    fn: int
    tn: int
    precision: float
    recall: float
    f1: float
    exact_match: float
    target: float | None = None
    meets_target: bool | None = None


class _Totals(_Model):
    """Counts and scores over a set of documents."""

    documents: int
    errors: int
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float


class Overall(_Totals):
    macro_f1: float
    targets_met: int
    targets_total: int


class KindScore(_Totals):
    """All fields together, for the documents of one kind (proposal, quote, award …)."""

    kind: str


class EvaluationReport(_Model):
    overall: Overall
    fields: list[FieldScore]
    by_kind: list[KindScore] = PField(default_factory=list)
    documents: list[DocumentResult]


# --- text similarity --------------------------------------------------------------------------
_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACE = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """Lower case, accents folded, punctuation to spaces, runs of spaces collapsed."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    return _SPACE.sub(" ", _PUNCT.sub(" ", folded)).strip()


def similarity(a: str, b: str) -> float:
    """Token-set similarity in [0, 1], order- and duplicate-insensitive.

    The shared tokens (sorted) are compared with the shared tokens plus each side's extra
    tokens, as rapidfuzz's ``token_set_ratio`` does, but without its shortcut that scores a
    subset as a perfect match: "roof" is not "remove and replace the roof".
    """
    ta, tb = set(normalize_text(a).split()), set(normalize_text(b).split())
    if not ta and not tb:
        return 1.0
    if not ta or not tb:
        return 0.0
    common = " ".join(sorted(ta & tb))
    left = " ".join(x for x in (common, " ".join(sorted(ta - tb))) if x)
    right = " ".join(x for x in (common, " ".join(sorted(tb - ta))) if x)
    first, second = sorted((left, right))  # SequenceMatcher is not symmetric; make it so
    return SequenceMatcher(None, first, second, autojunk=False).ratio()


def containment(gold: str, pred: str) -> float:
    """Share of the gold tokens found in the prediction ("Tile material" in "Tile material
    allowance: (figured at $13.50 per sq ft)"). Used only for priced items, whose amount must
    match exactly anyway."""
    tg, tp = set(normalize_text(gold).split()), set(normalize_text(pred).split())
    return len(tg & tp) / len(tg) if tg else 0.0


# --- field registry ---------------------------------------------------------------------------
Getter = Callable[[Handoff], object]


@dataclass(frozen=True)
class _FieldDef:
    kind: Kind
    get: Getter


def _value(field: Field[_T]) -> _T | None:
    """A found field's value; anything else (not_found, stated_tbd, ambiguous) is no answer."""
    return field.value if field.found else None


def _party(h: Handoff, role: str) -> Party:
    return h.parties.client if role == "client" else h.parties.contractor


def _money2(m: Money | None) -> Money2 | None:
    if m is not None:
        return (Decimal(m.amount), m.currency.upper())
    return None


def _signed(role: str) -> Getter:
    def get(h: Handoff) -> object:
        sigs = [s for s in h.signatures if s.party == role]
        return any(s.signed for s in sigs) if sigs else None

    return get


def _sign_date(role: str) -> Getter:
    def get(h: Handoff) -> object:
        dates = [s.date for s in h.signatures if s.party == role and s.signed and s.date]
        return dates[0] if dates else None

    return get


def _party_field(role: str, attr: str) -> Getter:
    return lambda h: _value(getattr(_party(h, role), attr))


def _warranty_months(h: Handoff) -> object:
    w = h.terms.warranty
    return w.value.months if w.found and w.value is not None else None


FIELDS: dict[str, _FieldDef] = {
    **{
        f"parties.{role}.{attr}": _FieldDef("text", _party_field(role, attr))
        for role in ("client", "contractor")
        for attr in ("name", "contact", "email", "phone", "address")
    },
    "parties.project_name": _FieldDef("text", lambda h: _value(h.parties.project_name)),
    "parties.site_address": _FieldDef("text", lambda h: _value(h.parties.site_address)),
    "price.total": _FieldDef("money", lambda h: _money2(_value(h.price.total))),
    "price.subtotal": _FieldDef("money", lambda h: _money2(_value(h.price.subtotal))),
    "price.tax": _FieldDef("money", lambda h: _money2(_value(h.price.tax))),
    "price.deposit": _FieldDef("money", lambda h: _money2(_value(h.price.deposit))),
    "price.retainage_percent": _FieldDef("decimal", lambda h: _value(h.price.retainage_percent)),
    "price.payment_terms": _FieldDef("terms", lambda h: _value(h.price.payment_terms)),
    "price.line_items": _FieldDef(
        "money_list", lambda h: [(i.description, _money2(i.amount)) for i in h.price.line_items]
    ),
    "price.allowances": _FieldDef(
        "money_list", lambda h: [(i.description, _money2(i.amount)) for i in h.price.allowances]
    ),
    "price.payment_schedule": _FieldDef(
        "schedule",
        lambda h: [(m.milestone, m.percent, _money2(m.amount)) for m in h.price.payment_schedule],
    ),
    "price.alternates": _FieldDef(
        "alternates",
        lambda h: [
            (a.description, _money2(a.amount), {"yes": True, "no": False}.get(a.accepted))
            for a in h.price.alternates
        ],
    ),
    **{
        f"dates.{name}": _FieldDef("date", (lambda n: lambda h: _value(getattr(h.dates, n)))(name))
        for name in (
            "proposal_date",
            "valid_until",
            "start",
            "substantial_completion",
            "completion",
        )
    },
    **{
        f"scope.{name}": _FieldDef(
            "text_list", (lambda n: lambda h: [i.text for i in getattr(h.scope, n)])(name)
        )
        for name in ("inclusions", "exclusions", "assumptions", "owner_responsibilities")
    },
    "terms.warranty.months": _FieldDef("int", _warranty_months),
    "signatures.client.signed": _FieldDef("bool", _signed("client")),
    "signatures.contractor.signed": _FieldDef("bool", _signed("contractor")),
    "signatures.client.date": _FieldDef("date", _sign_date("client")),
    "signatures.contractor.date": _FieldDef("date", _sign_date("contractor")),
}


def select_fields(patterns: Sequence[str] | None) -> list[str]:
    """The registry paths matching any of the glob patterns (all when none given)."""
    if not patterns:
        return list(FIELDS)
    return [f for f in FIELDS if any(fnmatch.fnmatchcase(f, p) for p in patterns)]


# --- gold parsing -----------------------------------------------------------------------------
def _dec(raw: JsonValue, where: str) -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise GoldError(f"{where}: expected a number, got {raw!r}")
    try:
        return Decimal(str(raw))
    except InvalidOperation as exc:
        raise GoldError(f"{where}: not a number: {raw!r}") from exc


def _gold_money(raw: JsonValue, where: str) -> Money2 | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or "amount" not in raw or not isinstance(raw.get("currency"), str):
        raise GoldError(f"{where}: money must be {{'amount': '…', 'currency': 'USD'}}")
    return (_dec(raw["amount"], where), str(raw["currency"]).upper())


def _gold_str(raw: JsonValue, where: str) -> str:
    if not isinstance(raw, str):
        raise GoldError(f"{where}: expected text, got {raw!r}")
    return raw


def _gold_items(raw: JsonValue, where: str) -> list[dict[str, JsonValue]]:
    if not isinstance(raw, list) or not all(isinstance(x, dict) for x in raw):
        raise GoldError(f"{where}: expected a list of objects")
    return [x for x in raw if isinstance(x, dict)]


def _parse_gold(kind: Kind, raw: JsonValue, where: str) -> object:
    """Turn a gold JSON value into the comparable form the getters produce."""
    if kind in ("text_list", "money_list", "schedule", "alternates") and raw is None:
        return []
    if raw is None:
        return None
    if kind in ("text", "terms", "date"):
        return _gold_str(raw, where)
    if kind == "money":
        return _gold_money(raw, where)
    if kind == "decimal":
        return _dec(raw, where)
    if kind == "int":
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise GoldError(f"{where}: expected an integer, got {raw!r}")
        return raw
    if kind == "bool":
        if not isinstance(raw, bool):
            raise GoldError(f"{where}: expected true/false, got {raw!r}")
        return raw
    if kind == "text_list":
        if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
            raise GoldError(f"{where}: expected a list of texts")
        return [x for x in raw if isinstance(x, str)]
    items = _gold_items(raw, where)
    if kind == "money_list":
        return [
            (_gold_str(i.get("description"), where), _gold_money(i.get("amount"), where))
            for i in items
        ]
    if kind == "schedule":
        return [
            (
                _gold_str(i.get("milestone"), where),
                None if i.get("percent") is None else _dec(i.get("percent"), where),
                _gold_money(i.get("amount"), where),
            )
            for i in items
        ]
    return [
        (
            _gold_str(i.get("description"), where),
            _gold_money(i.get("amount"), where),
            i.get("accepted"),
        )
        for i in items
    ]


def load_gold(path: Path) -> GoldDocument:
    """Read and check one gold file; unknown field paths are an error, not silently ignored."""
    try:
        gold = GoldDocument.model_validate_json(path.read_bytes())
    except OSError as exc:
        raise GoldError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(x) for x in err["loc"]) or "file"
        raise GoldError(f"{path}: not a gold file: {where}: {err['msg']}") from exc
    for name, raw in gold.fields.items():
        if name not in FIELDS:
            raise GoldError(f"{path}: unknown field {name!r}")
        _parse_gold(FIELDS[name].kind, raw, f"{path}: {name}")
    return gold


# --- comparison -------------------------------------------------------------------------------
# Words that do not change the meaning of payment terms: "Net 30 days from invoice" == "Net 30".
_TERMS_FILLER = {
    "days",
    "day",
    "from",
    "of",
    "the",
    "invoice",
    "date",
    "within",
    "payment",
    "terms",
    "due",
    "is",
    "are",
    "net",
}


def _terms_key(text: str) -> str:
    tokens = normalize_text(text).split()
    kept = [t for t in tokens if t not in _TERMS_FILLER]
    if "net" in tokens:
        kept.insert(0, "net")
    return " ".join(kept)


def _scalar_equal(kind: Kind, gold: object, pred: object) -> bool:
    if kind == "text":
        return isinstance(pred, str) and similarity(str(gold), pred) >= TEXT_THRESHOLD
    if kind == "terms":
        return (
            isinstance(pred, str)
            and similarity(_terms_key(str(gold)), _terms_key(pred)) >= TEXT_THRESHOLD
        )
    if kind == "date":
        return isinstance(pred, str) and pred.strip() == str(gold).strip()
    if kind == "decimal":
        try:
            return pred is not None and Decimal(str(pred)) == gold
        except InvalidOperation:
            return False
    return pred == gold


def _jsonable(value: object) -> JsonValue:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], Decimal):
        return {"amount": format(value[0], "f"), "currency": str(value[1])}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return str(value)


def _item_score(kind: Kind, gold: object, pred: object) -> float | None:
    """Similarity of a gold and a predicted list item, or None when they cannot match."""
    if kind == "text_list":
        s = similarity(str(gold), str(pred))
        return s if s >= TEXT_THRESHOLD else None
    if not isinstance(gold, tuple) or not isinstance(pred, tuple):
        return None
    if kind == "money_list":
        if gold[1] is not None and gold[1] != pred[1]:
            return None
    elif kind == "schedule":
        if gold[1] is not None and (pred[1] is None or Decimal(str(pred[1])) != gold[1]):
            return None
        if gold[2] is not None and gold[2] != pred[2]:
            return None
    elif kind == "alternates":
        if gold[1] is not None and gold[1] != pred[1]:
            return None
        if gold[2] != pred[2]:
            return None
    s = max(similarity(str(gold[0]), str(pred[0])), containment(str(gold[0]), str(pred[0])))
    return s if s >= LABEL_THRESHOLD else None


def _match_lists(
    kind: Kind, gold: Sequence[object], pred: Sequence[object]
) -> tuple[list[int], list[int]]:
    """Greedy one-to-one matching, best pairs first; returns unmatched gold and pred indexes."""
    pairs: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            s = _item_score(kind, g, p)
            if s is not None:
                pairs.append((s, gi, pi))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _s, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
    return (
        [i for i in range(len(gold)) if i not in used_g],
        [i for i in range(len(pred)) if i not in used_p],
    )


def _item_json(kind: Kind, item: object) -> JsonValue:
    if kind == "text_list" or not isinstance(item, tuple):
        return _jsonable(item)
    names = {
        "money_list": ("description", "amount"),
        "schedule": ("milestone", "percent", "amount"),
        "alternates": ("description", "amount", "accepted"),
    }[kind]
    return {k: _jsonable(v) for k, v in zip(names, item, strict=True)}


def _compare(name: str, kind: Kind, gold: object, pred: object) -> tuple[FieldOutcome, list[Miss]]:
    out = FieldOutcome(field=name)
    misses: list[Miss] = []
    if kind in ("text_list", "money_list", "schedule", "alternates"):
        g_list = gold if isinstance(gold, list) else []
        p_list = pred if isinstance(pred, list) else []
        lost, extra = _match_lists(kind, g_list, p_list)
        out.tp = len(g_list) - len(lost)
        out.fn, out.fp = len(lost), len(extra)
        out.exact = not lost and not extra
        misses += [
            Miss(field=name, outcome="missed", expected=_item_json(kind, g_list[i])) for i in lost
        ]
        misses += [
            Miss(field=name, outcome="spurious", predicted=_item_json(kind, p_list[i]))
            for i in extra
        ]
        return out, misses
    if kind == "bool":
        g, p = bool(gold), bool(pred)
        out.tp, out.fn = int(g and p), int(g and not p)
        out.fp, out.tn = int(p and not g), int(not g and not p)
        out.exact = g == p
        if not out.exact:
            misses.append(
                Miss(
                    field=name,
                    outcome="missed" if g else "spurious",
                    expected=gold if isinstance(gold, bool) else None,
                    predicted=pred if isinstance(pred, bool) else None,
                )
            )
        return out, misses
    if gold is None:
        if pred is None:
            out.tn, out.exact = 1, True
        else:
            out.fp = 1
            misses.append(Miss(field=name, outcome="spurious", predicted=_jsonable(pred)))
        return out, misses
    if pred is None:
        out.fn = 1
        misses.append(Miss(field=name, outcome="missed", expected=_jsonable(gold)))
    elif _scalar_equal(kind, gold, pred):
        out.tp, out.exact = 1, True
    else:
        out.fp = out.fn = 1
        misses.append(
            Miss(field=name, outcome="wrong", expected=_jsonable(gold), predicted=_jsonable(pred))
        )
    return out, misses


def score_document(
    handoff: Handoff | None,
    gold: GoldDocument,
    fields: Iterable[str] | None = None,
    *,
    error: str | None = None,
) -> DocumentResult:
    """Compare one extraction with its gold. ``handoff=None`` (the pipeline failed) scores
    every stated gold value as missed."""
    wanted = set(FIELDS if fields is None else fields)
    result = DocumentResult(file=gold.file, kind=gold.kind, error=error)
    for name, raw in gold.fields.items():
        if name not in wanted:
            continue
        if name not in FIELDS:
            raise GoldError(f"{gold.file}: unknown field {name!r}")
        fdef = FIELDS[name]
        expected = _parse_gold(fdef.kind, raw, f"{gold.file}: {name}")
        predicted = fdef.get(handoff) if handoff is not None else None
        if fdef.kind in ("text_list", "money_list", "schedule", "alternates") and predicted is None:
            predicted = []
        outcome, misses = _compare(name, fdef.kind, expected, predicted)
        result.outcomes.append(outcome)
        result.misses.extend(misses)
    return result


# --- aggregation ------------------------------------------------------------------------------
def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 4), round(recall, 4), round(f1, 4)


def aggregate(documents: Sequence[DocumentResult]) -> EvaluationReport:
    """Per-field and overall figures over all documents (micro-averaged; macro F1 over fields)."""
    by_field: dict[str, list[FieldOutcome]] = {}
    for doc in documents:
        for o in doc.outcomes:
            by_field.setdefault(o.field, []).append(o)
    scores: list[FieldScore] = []
    for name in [f for f in FIELDS if f in by_field]:
        outs = by_field[name]
        tp, fp = sum(o.tp for o in outs), sum(o.fp for o in outs)
        fn, tn = sum(o.fn for o in outs), sum(o.tn for o in outs)
        p, r, f1 = _prf(tp, fp, fn)
        target = TARGETS.get(name)
        scores.append(
            FieldScore(
                field=name,
                kind=FIELDS[name].kind,
                documents=len(outs),
                tp=tp,
                fp=fp,
                fn=fn,
                tn=tn,
                precision=p,
                recall=r,
                f1=f1,
                exact_match=round(sum(o.exact for o in outs) / len(outs), 4),
                target=target,
                meets_target=None if target is None else f1 >= target,
            )
        )
    tp, fp, fn = (sum(s.tp for s in scores), sum(s.fp for s in scores), sum(s.fn for s in scores))
    p, r, f1 = _prf(tp, fp, fn)
    with_target = [s for s in scores if s.target is not None]
    overall = Overall(
        documents=len(documents),
        errors=sum(1 for d in documents if d.error),
        tp=tp,
        fp=fp,
        fn=fn,
        precision=p,
        recall=r,
        f1=f1,
        macro_f1=round(sum(s.f1 for s in scores) / len(scores), 4) if scores else 0.0,
        targets_met=sum(1 for s in with_target if s.meets_target),
        targets_total=len(with_target),
    )
    kinds: dict[str, list[DocumentResult]] = {}
    for doc in documents:
        kinds.setdefault(doc.kind or "unknown", []).append(doc)
    by_kind = []
    for kind in sorted(kinds):
        docs = kinds[kind]
        k_tp = sum(o.tp for d in docs for o in d.outcomes)
        k_fp = sum(o.fp for d in docs for o in d.outcomes)
        k_fn = sum(o.fn for d in docs for o in d.outcomes)
        kp, kr, kf = _prf(k_tp, k_fp, k_fn)
        by_kind.append(
            KindScore(
                kind=kind,
                documents=len(docs),
                errors=sum(1 for d in docs if d.error),
                tp=k_tp,
                fp=k_fp,
                fn=k_fn,
                precision=kp,
                recall=kr,
                f1=kf,
            )
        )
    return EvaluationReport(
        overall=overall, fields=scores, by_kind=by_kind, documents=list(documents)
    )


def report_json(report: EvaluationReport) -> str:
    """The report as indented JSON (stable key order)."""
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
