"""Differences between two extractions of one document, field by field.

Scalar fields compare their displayed value; list fields (scope, exclusions) compare their item
texts loosely (case and spacing ignored), so a re-processed document shows what appeared, what
vanished and what changed since the reviewer looked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.handoff import Handoff
from store.fields import FIELDS, FieldSpec, display, get_path, item_text, norm_text

__all__ = ["Difference", "diff_handoffs"]


@dataclass(frozen=True, slots=True)
class Difference:
    field: str
    label: str
    old: str
    new: str
    change: str  # "changed", "added", "removed"


def _items(data: dict[str, Any], spec: FieldSpec) -> dict[str, str]:
    items = get_path(data, spec.path) or []
    texts = [item_text(spec.kind, i) for i in items]
    return {norm_text(t): t for t in texts}


def diff_handoffs(old: Handoff, new: Handoff) -> list[Difference]:
    """What changed from ``old`` to ``new`` in the reviewable fields."""
    a, b = old.model_dump(mode="json"), new.model_dump(mode="json")
    out: list[Difference] = []
    for spec in FIELDS:
        if spec.is_list:
            ia, ib = _items(a, spec), _items(b, spec)
            out += [Difference(spec.path, spec.label, ia[k], "", "removed") for k in ia if k not in ib]
            out += [Difference(spec.path, spec.label, "", ib[k], "added") for k in ib if k not in ia]
            continue
        va = display(spec.kind, get_path(a, spec.path + ".value"))
        vb = display(spec.kind, get_path(b, spec.path + ".value"))
        if va != vb:
            change = "added" if not va else "removed" if not vb else "changed"
            out.append(Difference(spec.path, spec.label, va, vb, change))
    return out
