"""Word predicates compiled into vocabulary flags find exactly what spaCy's predicates find."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import spacy

from extractors.nlp import ENTITY_FILES, PATTERNS_DIR, load_patterns, predicates_as_flags

TEXT = (
    "Total Contract Price: $12,500.00 (twelve thousand five hundred dollars), deposit 30% due "
    "on signing; balance of USD 8,750 on completion. Work starts March 3, 2027 and ends "
    "within 90 calendar days, by 2027-06-01 or 1/6/27. Alternate 2: EUR 1.234,56 or £900. "
    "Allowance 1,500.00 USD for fixtures; 3 weeks after notice; 15th of May 2027."
)


def _ents(patterns: list[dict[str, Any]], flags: bool) -> list[tuple[str, str, str]]:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(predicates_as_flags(nlp, patterns) if flags else patterns)  # type: ignore[attr-defined]
    doc = nlp(TEXT)
    return [(e.text, e.label_, e.ent_id_) for e in doc.ents]


def test_flags_match_like_the_predicates() -> None:
    patterns = [p for name in ENTITY_FILES for p in load_patterns(Path(PATTERNS_DIR) / name)]
    plain = _ents(patterns, flags=False)
    assert len(plain) >= 8
    assert _ents(patterns, flags=True) == plain


def test_predicates_become_flags_and_others_stay() -> None:
    nlp = spacy.blank("en")
    [converted] = predicates_as_flags(nlp, [{"label": "X", "pattern": [
        {"LOWER": {"IN": ["net"]}}, {"TEXT": {"REGEX": r"^\d+$"}},
        {"LENGTH": {">=": 2}}, {"LOWER": "days"}]}])
    first, second, third, fourth = converted["pattern"]
    assert all(isinstance(k, int) for k in first) and all(isinstance(k, int) for k in second)
    assert third == {"LENGTH": {">=": 2}} and fourth == {"LOWER": "days"}
    doc = nlp("Net 30 days")
    assert doc[0].check_flag(next(iter(first))) and doc[1].check_flag(next(iter(second)))
