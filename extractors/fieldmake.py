"""Builders for ``Field`` values so every extractor fills status, evidence and method alike.

The builders construct the unparametrised ``Field`` and ``Candidate``: subscripting a pydantic
generic with a type variable at run time (``Field[T](...)``) builds a new model class whenever
the cached one has been garbage-collected, a few milliseconds a call. ``Field[T]`` validates
its value as ``Any`` anyway, so the result is the same.
"""

from __future__ import annotations

import re
from typing import TypeVar

from extractors.context import Context
from models.handoff import Candidate, Field, FieldStatus

__all__ = ["TBD", "ambiguous", "found", "is_tbd", "stated_tbd"]

T = TypeVar("T")

TBD = re.compile(
    r"\b(t\.?b\.?d\.?|t\.?b\.?c\.?|to be (determined|confirmed|decided|agreed|advised|provided|"
    r"announced|scheduled)|by others|by owner|not yet (determined|known)|pending)\b",
    re.I,
)


def is_tbd(text: str) -> bool:
    return bool(TBD.search(text))


def found(ctx: Context, value: T, start: int, end: int, *, confidence: float, method: str,
          raw: str | None = None) -> Field[T]:
    """A found field with evidence for ``text[start:end]``."""
    return Field(
        status=FieldStatus.found, value=value,
        raw=raw if raw is not None else ctx.document.text[start:end][:500],
        confidence=round(min(1.0, confidence * ctx.block_confidence(start)), 3),
        method=method, evidence=ctx.evidence(start, end),
    )


def stated_tbd(ctx: Context, start: int, end: int, *, method: str,
               confidence: float = 0.8) -> Field[T]:
    """The document leaves the value open ("TBD", "by others")."""
    return Field(
        status=FieldStatus.stated_tbd, value=None, raw=ctx.document.text[start:end][:500],
        confidence=confidence, method=method, evidence=ctx.evidence(start, end),
    )


def ambiguous(candidates: list[Field[T]]) -> Field[T]:
    """Several equally good candidates: keep them all, choose none."""
    kept = [
        Candidate(value=c.value, raw=c.raw or "", confidence=c.confidence,
                     method=c.method or "", evidence=c.evidence)
        for c in candidates if c.value is not None
    ]
    return Field(status=FieldStatus.ambiguous, candidates=kept,
                    confidence=max((c.confidence for c in kept), default=0.0) / 2,
                    method="ambiguous")
