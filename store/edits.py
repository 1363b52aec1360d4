"""Apply a reviewer's edits to an extraction: the current package of a document.

Edits are kept as a list in the order they were made and replayed over whichever extraction is
newest, so re-processing a document never loses a correction:

    set      field ← parsed(new)          (list fields: replace the item whose text is ``old``)
    confirm  field confidence ← 1 while its value still reads ``new`` (else it needs a new look)
    add      list field gains an item ``new`` (once)
    delete   list field loses the items whose text is ``old``

After the replay the checks run again on the corrected values (a total set by hand is summed
against the line items again; a date filled in is no longer missing) and completeness is
recomputed; flags that came from reading the file (OCR, verification) are kept. A flag all of
whose fields a reviewer set or confirmed is resolved and leaves the package.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from extractors.checks import completeness, run_checks
from models.handoff import FieldEdit, Flag, Handoff
from store.fields import FIELD_BY_PATH, display, get_path, item_text, norm_text, parse

__all__ = ["ACTIONS", "Edit", "apply_edits", "confirmed_fields"]

ACTIONS = ("set", "confirm", "add", "delete")
REVIEWER = "reviewer"


@dataclass(frozen=True, slots=True)
class Edit:
    """One reviewer change, as stored."""

    field: str
    action: str
    old: str | None
    new: str | None
    by: str
    at: datetime
    comment: str | None = None


def _parent(data: dict[str, Any], path: str) -> tuple[dict[str, Any], str]:
    *head, last = path.split(".")
    node = data
    for part in head:
        nxt = node.get(part)
        if not isinstance(nxt, dict):
            nxt = {}
            node[part] = nxt
        node = nxt
    return node, last


def _currency(data: dict[str, Any]) -> str:
    currency = get_path(data, "price.currency")
    total = get_path(data, "price.total.value")
    if isinstance(total, dict) and total.get("currency"):
        return str(total["currency"])
    return str(currency) if currency else "USD"


def _reviewer_item(kind: str, text: str, currency: str) -> dict[str, Any]:
    if kind == "line_item":
        return {**parse("line_item", text, default_currency=currency), "quantity": None,
                "unit": None, "unit_price": None, "confidence": 1.0, "method": REVIEWER,
                "evidence": []}
    return {"text": text, "section": REVIEWER, "confidence": 1.0, "method": REVIEWER,
            "evidence": []}


def _apply_one(data: dict[str, Any], edit: Edit, touched: set[str]) -> None:
    spec = FIELD_BY_PATH.get(edit.field)
    if spec is None:
        return
    parent, name = _parent(data, edit.field)
    if spec.is_list:
        items = parent.get(name)
        if not isinstance(items, list):
            items = []
            parent[name] = items
        def text_of(item: dict[str, Any]) -> str:
            return norm_text(item_text(spec.kind, item))

        currency = _currency(data)
        if edit.action == "add" and edit.new:
            added = _reviewer_item(spec.kind, edit.new, currency)
            if not any(text_of(i) == text_of(added) for i in items):
                items.append(added)
        elif edit.action == "delete" and edit.old:
            parent[name] = [i for i in items if text_of(i) != norm_text(edit.old)]
        elif edit.action == "set" and edit.old and edit.new:
            for item in items:
                if text_of(item) == norm_text(edit.old):
                    changed = _reviewer_item(spec.kind, edit.new, currency)
                    item.update({k: v for k, v in changed.items() if k not in (
                        "evidence", "section", "quantity", "unit", "unit_price")})
        touched.add(edit.field)
        return
    field = parent.get(name)
    if not isinstance(field, dict):
        field = {"status": "not_found", "value": None, "raw": None, "confidence": 0.0,
                 "method": None, "evidence": [], "candidates": []}
        parent[name] = field
    if edit.action == "set":
        if edit.new is None or not edit.new.strip():
            field.update(status="not_found", value=None, raw=None, confidence=1.0,
                         method=REVIEWER)
        else:
            value = parse(spec.kind, edit.new, default_currency=_currency(data))
            field.update(status="found", value=value, raw=edit.new, confidence=1.0,
                         method=REVIEWER)
        touched.add(edit.field)
    elif edit.action == "confirm" and display(spec.kind, field.get("value")) == (edit.new or ""):
        field["confidence"] = 1.0
        touched.add(edit.field)


def apply_edits(handoff: Handoff, edits: list[Edit], *, status: str | None = None) -> Handoff:
    """The package a reviewer sees and approves: ``handoff`` with ``edits`` replayed in order."""
    data = copy.deepcopy(handoff.model_dump(mode="json"))
    touched: set[str] = set()
    for edit in edits:
        _apply_one(data, edit, touched)
    review = data.setdefault("review", {})
    review["edits"] = [
        FieldEdit(field=e.field, old=e.old, new=e.new, by=e.by, at=e.at,
                  comment=_comment(e)).model_dump(mode="json")
        for e in edits
    ]
    if status is not None:
        review["status"] = status
    edited = Handoff.model_validate(data)
    if edits:
        from_checks = {_key(f) for f in run_checks(handoff)}
        kept = [f for f in handoff.review.flags if _key(f) not in from_checks]
        flags: dict[tuple[str, str, tuple[str, ...]], Flag] = {}
        for flag in kept + run_checks(edited):
            if not (flag.fields and all(p in touched for p in flag.fields)):
                flags.setdefault(_key(flag), flag)
        edited.review.flags = list(flags.values())
        edited.review.completeness = completeness(edited)
    return edited


def _key(flag: Flag) -> tuple[str, str, tuple[str, ...]]:
    return flag.code, flag.message, tuple(flag.fields)


def _comment(edit: Edit) -> str | None:
    label = {"set": None, "confirm": "confirmed", "add": "added", "delete": "deleted"}[edit.action]
    parts = [p for p in (label, edit.comment) if p]
    return ": ".join(parts) if parts else None


def confirmed_fields(handoff: Handoff, edits: list[Edit]) -> set[str]:
    """Paths a reviewer set or confirmed and whose confirmation still holds."""
    data = handoff.model_dump(mode="json")
    out: set[str] = set()
    for e in edits:
        spec = FIELD_BY_PATH.get(e.field)
        if spec is None:
            continue
        if e.action == "set":
            out.add(e.field)
        elif e.action == "confirm" and not spec.is_list:
            value = get_path(data, e.field + ".value")
            if display(spec.kind, value) == (e.new or ""):
                out.add(e.field)
    return out
