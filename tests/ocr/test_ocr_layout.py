"""OCR pages become the same kind of blocks a text page gives: headings, list items, paragraphs."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from ocrkit import CLIENT, SCOPE, TOTAL

from extractors.readers.layout import FlowBlock
from extractors.readers.ocr import OcrLine, OcrPage, OcrParagraph, OcrWord
from extractors.readers.ocr_layout import ocr_blocks, ocr_blocks_with_confidence
from models.document import BlockKind

_NOISE = {0.0: 0.0, 1.5: 20.0, 90.0: 12.0}  # the scans test_ocr_page reads too


@pytest.fixture
def read(read_scan: Callable[[float, float], OcrPage]) -> Callable[[float], OcrPage]:
    return lambda rotate: read_scan(rotate, _NOISE[rotate])


def _kinds(blocks: list[FlowBlock]) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text.removeprefix("\u2022 ")) for b in blocks]


@pytest.mark.parametrize("rotate", [0.0, 1.5, 90.0])
def test_scan_blocks_have_headings_list_items_and_paragraphs(
    read: Callable[[float], OcrPage], rotate: float
) -> None:
    blocks = ocr_blocks(read(rotate))
    by_text = {b.text: b for b in blocks}
    assert by_text["Roof Replacement Proposal"].kind is BlockKind.heading
    assert by_text["Scope of Work"].kind is BlockKind.heading
    for item in SCOPE:
        # Tesseract now and then swallows a bullet; the line is still a list item.
        block = by_text.get(f"\u2022 {item}") or by_text[item]
        assert block.kind is BlockKind.list_item
    paragraphs = [b.text for b in blocks if b.kind is BlockKind.paragraph]
    assert any(CLIENT in t for t in paragraphs)
    assert any(TOTAL in t for t in paragraphs)
    # Reading order survives the turn.
    texts = [b.text for b in blocks]
    assert texts.index("Roof Replacement Proposal") < texts.index("Scope of Work")
    assert texts.index("Scope of Work") < texts.index(f"\u2022 {SCOPE[1]}")


def test_sideways_scan_gives_the_same_blocks_as_the_upright_one(
    read: Callable[[float], OcrPage],
) -> None:
    assert _kinds(ocr_blocks(read(90.0))) == _kinds(ocr_blocks(read(0.0)))


def test_word_boxes_point_into_block_text(read: Callable[[float], OcrPage]) -> None:
    page = read(1.5)
    words = {w.text for w in page.words}
    for block, confidence in ocr_blocks_with_confidence(page):
        assert 0.0 <= confidence <= 1.0
        x0, top, x1, bottom = block.bbox
        for start, end, wx0, wtop, wx1, wbottom in block.words:
            assert block.text[start:end] in words
            assert x0 <= wx0 <= wx1 <= x1 and top <= wtop <= wbottom <= bottom
        assert " ".join(block.text[s:e] for s, e, *_ in block.words) == " ".join(
            block.text.split()
        )


def test_bold_lines_are_seen(read: Callable[[float], OcrPage]) -> None:
    bold = {line.text for line in read(0.0).lines if line.bold}
    assert {"Roof Replacement Proposal", "Scope of Work"} <= bold
    assert not any(CLIENT in text for text in bold)


def test_blank_page_has_no_blocks() -> None:
    page = OcrPage(paragraphs=(), mean_confidence=0.0, rotation=0, skew=0.0, dpi=200)
    assert ocr_blocks(page) == []


def _line(text: str, x0: float, top: float, confidence: float = 0.95) -> OcrLine:
    words = []
    x = x0
    for token in text.split():
        width = 6.0 * len(token)
        words.append(OcrWord(token, (x, top, x + width, top + 10.0), confidence))
        x += width + 4.0
    return OcrLine(tuple(words), (x0, top, x - 4.0, top + 10.0), size=10.0)


def _page(*lines: OcrLine) -> OcrPage:
    bbox = (min(ln.bbox[0] for ln in lines), min(ln.bbox[1] for ln in lines),
            max(ln.bbox[2] for ln in lines), max(ln.bbox[3] for ln in lines))
    return OcrPage((OcrParagraph(lines, bbox),), 0.95, 0, 0.0, 200)


def test_swallowed_bullet_is_still_a_list_item() -> None:
    page = _page(
        _line("\u2022 Remove the old roofing", 84, 100),
        _line("Install the new shingles", 84, 116, confidence=0.2),  # bullet glued and lost
        _line("\u2022 Haul away the debris", 84, 132),
    )
    assert [b.kind for b in ocr_blocks(page)] == [BlockKind.list_item] * 3


def test_confident_line_after_a_list_stays_a_paragraph() -> None:
    page = _page(
        _line("\u2022 Remove the old roofing", 84, 100),
        _line("\u2022 Haul away the debris", 84, 116),
        _line("All work is guaranteed for ten years", 84, 132),
        _line("from the date of completion", 84, 146),
    )
    kinds = [(b.kind, b.text) for b in ocr_blocks(page)]
    assert kinds[-1] == (BlockKind.paragraph,
                         "All work is guaranteed for ten years from the date of completion")


def test_wide_gap_between_lines_ends_the_paragraph() -> None:
    page = _page(_line("Client: Northwind Property Group", 72, 100),
                 _line("Proposal date: March 15, 2026", 72, 120))
    assert [b.text for b in ocr_blocks(page)] == [
        "Client: Northwind Property Group", "Proposal date: March 15, 2026"]
