"""Bounded fuzzing that runs in CI: the ``tests.fuzz`` checks under hypothesis, a few hundred each.

Longer, coverage-guided runs of the same checks: ``make fuzz`` (atheris).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from fuzzkit import ReaderTarget, check_normalizers, mutate
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

_READER = ReaderTarget(Path(tempfile.mkdtemp(prefix="handoff-hostile-fuzz-")))
_SEEDS = list(_READER.seeds().values())
_LONGEST = max(len(s) for s in _SEEDS)
_QUICK = settings(max_examples=300, deadline=None, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
_SLOWER = settings(max_examples=150, deadline=None, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_WORDS = ["USD", "EUR", "and", "per", "cent", "percent", "days", "weeks", "months", "business",
          "calendar", "January", "March", "Sept", "thousand", "hundred", "twelve", "five",
          "dollars", "100"]
_TOKENS = [*"0123456789$€£,.%/-: ()½٣０", "\u00a0", "\u2009", "\n", *_WORDS]
_PROSE = st.lists(st.sampled_from(_TOKENS), max_size=25).map("".join)
_ANY_TEXT = st.text(max_size=200)


@_QUICK
@given(st.one_of(_PROSE, _ANY_TEXT))
@example("$12,500.00")
@example("Twelve thousand five hundred and 00/100 dollars")
@example("March 2026")
@example("1" * 400 + "%")
@example("99,999,999,999,999,999.00 EUR")
def test_normalisers_are_total_and_keep_their_contracts(text: str) -> None:
    check_normalizers(text)


@_SLOWER
@given(st.sampled_from(_SEEDS),
       st.lists(st.tuples(st.integers(0, _LONGEST), st.integers(0, 255)), max_size=30),
       st.integers(1, _LONGEST))
def test_mutated_pdf_and_docx_end_in_a_document_or_a_typed_error(
        seed: bytes, flips: list[tuple[int, int]], cut: int) -> None:
    assert _READER.check(mutate(seed, flips, cut))


_XML_PIECES = st.sampled_from([
    "<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "<w:tbl>", "</w:tbl>", "<w:tr>",
    "</w:tr>", "<w:tc>", "</w:tc>", "<w:t xml:space=\"preserve\">", "Total $12,500.00",
    "&amp;", "&lt;", "&#0;", "&#x10FFFF;", "<!-- c -->", "<![CDATA[x]]>", "<w:br/>",
    "<w:gridSpan w:val=\"999999\"/>", "<w:vMerge/>", "<w:numPr><w:numId w:val=\"7\"/></w:numPr>",
    "<w:hyperlink r:id=\"rId999\">", "</w:hyperlink>", "\u0000", "\ud7ff", "<?pi x?>",
])


@_SLOWER
@given(st.lists(_XML_PIECES, max_size=40).map("".join))
def test_raw_xml_in_a_docx_body_ends_in_a_document_or_a_typed_error(xml: str) -> None:
    assert _READER.check_docx_body(xml)
