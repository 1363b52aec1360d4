"""The format-neutral layout of a generated document: a list of blocks.

``compose`` turns a spec into blocks; ``render_pdf`` and ``render_docx`` draw the same blocks,
so the PDF and the DOCX of one spec carry the same words (and the same gold).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Block",
    "Bullets",
    "Heading",
    "KeyValues",
    "Layout",
    "Letterhead",
    "PageBreak",
    "Para",
    "SigBlock",
    "Signatures",
    "Small",
    "Table",
    "Title",
]


@dataclass(frozen=True)
class Letterhead:
    name: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Title:
    text: str
    subtitle: str | None = None


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Para:
    text: str
    label: str | None = None  # drawn bold before the text ("Project: ")
    align: str = "left"  # left | justify | center


@dataclass(frozen=True)
class KeyValues:
    rows: tuple[tuple[str, str], ...]
    as_table: bool = False


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    numbered: bool = False
    marker: str = "•"  # for bullets: • - – ; numbered lists use 1. 2. or a) b)
    number_style: str = "1."


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # fractions of the text width; empty = equal
    bold_rows: tuple[int, ...] = ()  # indexes of rows drawn bold (totals)
    align_right: tuple[int, ...] = ()  # column indexes aligned right (amounts)


@dataclass(frozen=True)
class SigBlock:
    heading: str  # "OWNER", "Accepted by Client", "CONTRACTOR"
    company: str | None
    signature: str | None  # text drawn on the line when signed, e.g. "/s/ Dana Reyes"
    name: str | None
    title: str | None
    date: str | None  # written date when dated, else a blank line


@dataclass(frozen=True)
class Signatures:
    blocks: tuple[SigBlock, ...]
    side_by_side: bool = True
    preamble: str | None = None


@dataclass(frozen=True)
class Small:
    text: str


@dataclass(frozen=True)
class PageBreak:
    pass


Block = (
    Letterhead
    | Title
    | Heading
    | Para
    | KeyValues
    | Bullets
    | Table
    | Signatures
    | Small
    | PageBreak
)


@dataclass
class Layout:
    """Blocks plus a running footer (drawn on every page in both formats)."""

    blocks: list[Block] = field(default_factory=list)
    footer: str | None = None
    header: str | None = None  # running header on every page but the first
    font: str = "Helvetica"  # Helvetica | Times-Roman
