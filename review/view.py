"""What the document page shows: the fields grouped for review, with evidence and flags.

Plain data built from the current package (newest extraction with edits replayed), so the
templates only lay it out; every string here is still untrusted and escaped by Jinja2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from models.handoff import Handoff
from store.fields import FIELDS, GROUPS, display, get_path, item_text

__all__ = ["Box", "FieldRow", "Group", "build_groups", "evidence_json"]

GROUP_TITLES = {
    "parties": "Parties",
    "price": "Price",
    "dates": "Dates",
    "scope": "Scope",
    "exclusions": "Exclusions (NOT included)",
    "terms": "Terms",
    "signatures": "Signatures",
}


@dataclass
class Box:
    page: int | None
    bbox: list[float] | None
    snippet: str
    locator: str | None


@dataclass
class FieldRow:
    id: str
    path: str
    label: str
    kind: str
    value: str
    status: str
    confidence: float
    method: str
    evidence: list[Box]
    flags: list[dict[str, Any]]
    confirmed: bool = False
    editable: bool = True
    is_item: bool = False
    item_text: str = ""

    @property
    def low(self) -> bool:
        return self.status == "found" and self.confidence < 0.6


@dataclass
class Group:
    key: str
    title: str
    rows: list[FieldRow] = field(default_factory=list)
    lists: list[tuple[str, str, list[FieldRow]]] = field(default_factory=list)


def _boxes(evidence: list[dict[str, Any]] | None) -> list[Box]:
    return [Box(page=e.get("page"), bbox=e.get("bbox"), snippet=str(e.get("snippet", "")),
                locator=e.get("locator")) for e in evidence or []]


def _row_id(path: str, n: int | None = None) -> str:
    base = "f-" + path.replace(".", "-").replace("_", "-")
    return base if n is None else f"{base}-{n}"


def build_groups(h: Handoff, confirmed: set[str]) -> list[Group]:
    """The review page's field groups, in the order a reviewer reads a proposal."""
    data = h.model_dump(mode="json")
    flags = data.get("review", {}).get("flags", [])
    groups = {g: Group(g, GROUP_TITLES[g]) for g in GROUPS}
    for spec in FIELDS:
        concerned = [f for f in flags if spec.path in f.get("fields", [])]
        if spec.is_list:
            items = get_path(data, spec.path) or []
            rows = [
                FieldRow(
                    id=_row_id(spec.path, n), path=spec.path, label=spec.label, kind=spec.kind,
                    value=item_text(spec.kind, it), status="found",
                    confidence=float(it.get("confidence") or 0.0),
                    method=str(it.get("method") or ""), evidence=_boxes(it.get("evidence")),
                    flags=concerned, is_item=True, item_text=item_text(spec.kind, it),
                    confirmed=it.get("method") == "reviewer",
                )
                for n, it in enumerate(items)
            ]
            groups[spec.group].lists.append((spec.path, spec.label, rows))
            continue
        f = get_path(data, spec.path) or {}
        groups[spec.group].rows.append(FieldRow(
            id=_row_id(spec.path), path=spec.path, label=spec.label, kind=spec.kind,
            value=display(spec.kind, f.get("value")), status=str(f.get("status", "not_found")),
            confidence=float(f.get("confidence") or 0.0), method=str(f.get("method") or ""),
            evidence=_boxes(f.get("evidence")), flags=concerned,
            confirmed=spec.path in confirmed,
        ))
    sig_rows = []
    for n, s in enumerate(data.get("signatures", [])):
        bits = [s.get("signer_name") or "", s.get("title") or "", s.get("date") or "",
                "signed" if s.get("signed") else "NOT signed"]
        sig_rows.append(FieldRow(
            id=_row_id("signatures", n), path="signatures", label=f"{s.get('party')} signature",
            kind="text", value=" · ".join(b for b in bits if b), status="found",
            confidence=float(s.get("confidence") or 0.0), method=str(s.get("method") or ""),
            evidence=_boxes(s.get("evidence")), flags=[], editable=False,
        ))
    groups["signatures"].rows.extend(sig_rows)
    price_lists = (("allowances", "Allowances", "description"),
                   ("alternates", "Alternates", "description"),
                   ("payment_schedule", "Payment schedule", "milestone"))
    for key, title, text_key in price_lists:
        rows = []
        for n, it in enumerate(get_path(data, f"price.{key}") or []):
            amount = display("money", it.get("amount"))
            extra = [x for x in (amount, f"{it['percent']} %" if it.get("percent") else "",
                                 it.get("due") or "", f"accepted: {it['accepted']}"
                                 if "accepted" in it else "") if x]
            rows.append(FieldRow(
                id=_row_id(f"price.{key}", n), path=f"price.{key}", label=title, kind="text",
                value=" · ".join([str(it.get(text_key, "")), *extra]), status="found",
                confidence=float(it.get("confidence") or 0.0),
                method=str(it.get("method") or ""), evidence=_boxes(it.get("evidence")),
                flags=[], editable=False,
            ))
        if rows:
            groups["price"].lists.append((f"price.{key}", title, rows))
    return list(groups.values())


def evidence_json(groups: list[Group]) -> dict[str, list[dict[str, Any]]]:
    """Row id -> evidence boxes, for the page script that draws and highlights them."""
    out: dict[str, list[dict[str, Any]]] = {}
    for g in groups:
        rows = list(g.rows)
        for _path, _title, items in g.lists:
            rows += items
        for r in rows:
            out[r.id] = [{"page": b.page, "bbox": b.bbox} for b in r.evidence if b.page]
    return out
