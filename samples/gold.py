"""The gold file of a generated document, derived from its spec.

Key present with a value: the document states it. Key present with ``null``: the document does
not state it (an extractor should answer not_found / stated_tbd). Key absent: not evaluated,
used where the right answer is a matter of policy (a completion date the reader would have to
compute from "45 calendar days after start", a validity given only as "30 days").
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from samples import layout as L
from samples.spec import Spec

__all__ = ["gold_for", "layout_text", "money_json"]


def money_json(amount: Decimal | None, currency: str) -> dict[str, str] | None:
    if amount is None:
        return None
    return {"amount": format(amount.quantize(Decimal("0.01")), "f"), "currency": currency}


def layout_text(lay: L.Layout) -> str:
    """All words of a layout, for presence checks (same words in the PDF and the DOCX)."""
    parts: list[str] = [lay.footer or "", lay.header or ""]
    for b in lay.blocks:
        if isinstance(b, L.Letterhead):
            parts += [b.name, *b.lines]
        elif isinstance(b, L.Title):
            parts += [b.text, b.subtitle or ""]
        elif isinstance(b, L.Heading | L.Small):
            parts.append(b.text)
        elif isinstance(b, L.Para):
            parts += [b.label or "", b.text]
        elif isinstance(b, L.KeyValues):
            parts += [f"{k}: {v}" for k, v in b.rows]
        elif isinstance(b, L.Bullets):
            parts += list(b.items)
        elif isinstance(b, L.Table):
            parts += [" ".join(b.header), *(" ".join(r) for r in b.rows)]
        elif isinstance(b, L.Signatures):
            parts.append(b.preamble or "")
            for s in b.blocks:
                parts += [
                    s.heading,
                    s.company or "",
                    s.signature or "",
                    s.name or "",
                    s.title or "",
                    s.date or "",
                ]
    return "\n".join(parts)


def gold_for(spec: Spec, lay: L.Layout, file_name: str) -> dict[str, Any]:
    """The gold object of one rendered document."""
    text = layout_text(lay)
    cur = spec.currency
    c, k = spec.client, spec.contractor

    def stated(value: str | None) -> str | None:
        return value if value and value in text else None

    f: dict[str, Any] = {
        "parties.client.name": c.name,
        "parties.contractor.name": k.name,
    }
    if not c.is_person and spec.kind != "award":
        f["parties.client.contact"] = stated(c.contact)
    f["parties.client.email"] = stated(c.email)
    f["parties.client.phone"] = stated(c.phone)
    f["parties.contractor.email"] = stated(k.email)
    f["parties.contractor.phone"] = stated(k.phone)
    if spec.project_name or spec.kind not in ("bid_form", "award"):
        f["parties.project_name"] = stated(spec.project_name)
    f["parties.site_address"] = stated(spec.site_address)

    f["price.total"] = money_json(spec.total, cur)
    f["price.subtotal"] = money_json(spec.subtotal, cur)
    f["price.tax"] = money_json(spec.tax, cur)
    f["price.deposit"] = money_json(spec.deposit, cur)
    f["price.retainage_percent"] = (
        format(spec.retainage_percent.normalize(), "f") if spec.retainage_percent else None
    )
    if spec.payment_terms:
        f["price.payment_terms"] = spec.payment_terms
    f["price.line_items"] = [
        {"description": li.description, "amount": money_json(li.amount, cur)}
        for li in spec.line_items
    ]
    f["price.payment_schedule"] = [
        {
            "milestone": m.milestone,
            "percent": format(m.percent.normalize(), "f"),
            "amount": money_json(m.amount, cur),
        }
        for m in spec.payment_schedule
    ]
    f["price.alternates"] = [
        {"description": a.description, "amount": money_json(a.amount, cur), "accepted": a.accepted}
        for a in spec.alternates
    ]
    f["price.allowances"] = [
        {"description": a.description, "amount": money_json(a.amount, cur)} for a in spec.allowances
    ]

    f["dates.proposal_date"] = spec.proposal_date.isoformat()
    if not spec.valid_days and spec.kind != "bid_form":
        f["dates.valid_until"] = spec.valid_until.isoformat() if spec.valid_until else None
    f["dates.start"] = spec.start.isoformat() if spec.start else None
    f["dates.substantial_completion"] = (
        spec.substantial_completion.isoformat() if spec.substantial_completion else None
    )
    if not spec.completion_days_after_start:
        f["dates.completion"] = spec.completion.isoformat() if spec.completion else None

    f["scope.inclusions"] = list(spec.inclusions)
    f["scope.exclusions"] = list(spec.exclusions)
    f["scope.assumptions"] = list(spec.assumptions)
    f["scope.owner_responsibilities"] = list(spec.owner_responsibilities)
    f["terms.warranty.months"] = spec.warranty_months

    f["signatures.client.signed"] = spec.client_signed
    f["signatures.contractor.signed"] = spec.contractor_signed
    f["signatures.client.date"] = (
        spec.client_sign_date.isoformat() if spec.client_signed and spec.client_sign_date else None
    )
    return {"file": file_name, "kind": spec.kind, "trade": spec.trade, "fields": f}
