"""Context's sentence index agrees with spaCy's sentences and finds what a per-sentence search
finds."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from extractors.context import Context

BLOCKS: list[Any] = [
    ("heading", "Terms and Conditions"),
    "Warranty. Contractor warrants the work for one (1) year. No. 5 Inc. is a name, not an end.",
    "Changes to the work shall be requested in writing; approved change orders are billed.",
    [["Item", "Amount"], ["Permits", "$1,200.00"], ["Warranty extension", "$300.00"]],
    "Payment is due within 30 days. Late payment accrues interest at 1.5% per month.",
]


def test_sentence_bounds_are_spacys_sentences(
        make_context: Callable[[Sequence[Any]], Context]) -> None:
    ctx = make_context(BLOCKS)
    starts, ends = ctx.sentence_bounds
    assert list(zip(starts, ends, strict=True)) == [(s.start_char, s.end_char)
                                                    for s in ctx.doc.sents]


def test_sentences_matching_equals_a_search_per_sentence(
        make_context: Callable[[Sequence[Any]], Context]) -> None:
    ctx = make_context(BLOCKS)
    text = ctx.document.text
    for pattern in (r"\bwarrant\w*", r"\bchange\s+orders?\b", r"\d+(\.\d+)?%", r"work\W+shall",
                    r"\.\s+[A-Z]", r"xyz"):
        regex = re.compile(pattern, re.I)
        expected = [n for n, s in enumerate(ctx.doc.sents)
                    if regex.search(text, s.start_char, s.end_char)]
        assert ctx.sentences_matching(regex) == expected, pattern


def test_sentence_at_any_offset_is_the_token_walks(
        make_context: Callable[[Sequence[Any]], Context]) -> None:
    ctx = make_context(BLOCKS)
    for offset in range(len(ctx.document.text)):
        fast, walked = ctx.sentence(offset), ctx._sentence_by_tokens(offset)
        assert (fast.start_char, fast.end_char) == (walked.start_char, walked.end_char), offset
