"""Reviewed packages as gold files for ``handoff evaluate``, so reviewing grows the labelled set.

    {"file": "proposal.pdf",
     "fields": {"parties.client.name": "Acme", "price.total": {"amount": "12500.00",
                "currency": "USD"}, "dates.start": "2026-11-02",
                "scope.inclusions": ["…", …], "terms.warranty.months": 24, …}}

The keys are exactly the field paths ``handoff evaluate`` scores (its registry,
``extractors.evaluate.FIELDS``; a test keeps the two in step). Every key is present: the value as
the reviewer approved it, or null when the document does not state it — so a value an extractor
invents counts against it.
"""

from __future__ import annotations

from typing import Any

from models.handoff import Field, Handoff, Money

__all__ = ["GOLD_FIELDS", "gold_file"]


def _value(f: Field[Any]) -> Any:
    return f.value if f.found else None


def _money(m: Money | None) -> dict[str, str] | None:
    return None if m is None else {"amount": format(m.amount, "f"), "currency": m.currency}


def _num(d: Any) -> str | None:
    return None if d is None else format(d.normalize(), "f")


def _signed(h: Handoff, role: str) -> bool | None:
    sigs = [s for s in h.signatures if s.party == role]
    return any(s.signed for s in sigs) if sigs else None


def _sign_date(h: Handoff, role: str) -> str | None:
    return next((s.date for s in h.signatures if s.party == role and s.signed and s.date), None)


def _fields(h: Handoff) -> dict[str, Any]:
    p, pr, d, sc = h.parties, h.price, h.dates, h.scope
    out: dict[str, Any] = {}
    for role, party in (("client", p.client), ("contractor", p.contractor)):
        for attr in ("name", "contact", "email", "phone", "address"):
            out[f"parties.{role}.{attr}"] = _value(getattr(party, attr))
    out["parties.project_name"] = _value(p.project_name)
    out["parties.site_address"] = _value(p.site_address)
    for name in ("total", "subtotal", "tax", "deposit"):
        out[f"price.{name}"] = _money(_value(getattr(pr, name)))
    out["price.retainage_percent"] = _num(_value(pr.retainage_percent))
    out["price.payment_terms"] = _value(pr.payment_terms)
    out["price.line_items"] = [{"description": i.description, "amount": _money(i.amount)}
                               for i in pr.line_items]
    out["price.allowances"] = [{"description": i.description, "amount": _money(i.amount)}
                               for i in pr.allowances]
    out["price.payment_schedule"] = [
        {"milestone": m.milestone, "percent": _num(m.percent), "amount": _money(m.amount)}
        for m in pr.payment_schedule]
    out["price.alternates"] = [
        {"description": a.description, "amount": _money(a.amount),
         "accepted": {"yes": True, "no": False}.get(a.accepted)}
        for a in pr.alternates]
    for name in ("proposal_date", "valid_until", "start", "substantial_completion", "completion"):
        out[f"dates.{name}"] = _value(getattr(d, name))
    for name in ("inclusions", "exclusions", "assumptions", "owner_responsibilities"):
        out[f"scope.{name}"] = [i.text for i in getattr(sc, name)]
    warranty = _value(h.terms.warranty)
    out["terms.warranty.months"] = warranty.months if warranty is not None else None
    for role in ("client", "contractor"):
        out[f"signatures.{role}.signed"] = _signed(h, role)
        out[f"signatures.{role}.date"] = _sign_date(h, role)
    return out


GOLD_FIELDS: tuple[str, ...] = tuple(
    _fields(Handoff.model_validate({"document": {
        "id": "0", "file_name": "-", "media_type": "-", "pages": 0, "reader": "-",
        "pipeline_version": "-", "processed_at": "2000-01-01T00:00:00Z"}})))


def gold_file(h: Handoff, *, file_name: str | None = None) -> dict[str, Any]:
    """The gold file of an approved package."""
    return {"file": file_name or h.document.file_name, "fields": _fields(h)}
