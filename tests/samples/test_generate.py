"""The sample generator: deterministic, varied, and every gold value is in its document."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from extractors.evaluate import load_gold
from samples.build import KINDS
from samples.generate import (
    DEFAULT_COUNT,
    DEFAULT_SCANS,
    DEFAULT_SEED,
    generate,
    main,
    spec_for,
)
from samples.readback import amount_in, docx_text, pdf_text

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "samples" / "generated"
_DAY_FIRST = re.compile(r"\b(1[3-9]|2\d|3[01])[/.](0[1-9]|1[0-2])[/.]20\d\d\b")


@pytest.fixture(scope="module")
def pdf_texts(corpus: Path) -> dict[str, tuple[str, int]]:
    """Text and page count of every PDF, read once."""
    return {p.name: pdf_text(p) for p in sorted(corpus.glob("*.pdf"))}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate(out, count=DEFAULT_COUNT, seed=DEFAULT_SEED)
    return out


def test_same_seed_same_files(tmp_path: Path, corpus: Path) -> None:
    generate(tmp_path, count=3, seed=DEFAULT_SEED)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) >= 12
    for name in names:
        assert (tmp_path / name).read_bytes() == (corpus / name).read_bytes(), name


def test_adding_documents_keeps_earlier_ones() -> None:
    assert spec_for(DEFAULT_SEED, 2) == spec_for(DEFAULT_SEED, 2)
    assert spec_for(DEFAULT_SEED, 2).stem.startswith("03-")


def test_other_seed_other_documents() -> None:
    assert [spec_for(7, i).total for i in range(5)] != [
        spec_for(DEFAULT_SEED, i).total for i in range(5)
    ]


def test_committed_samples_match_the_generator(corpus: Path) -> None:
    golds = sorted(p.name for p in corpus.glob("*.gold.json"))
    assert golds == sorted(p.name for p in COMMITTED.glob("*.gold.json"))
    for name in golds:
        assert (corpus / name).read_text() == (COMMITTED / name).read_text(), (
            f"{name}: run `python -m samples.generate samples/generated`"
        )


def test_every_file_opens_and_states_its_total(
    corpus: Path, pdf_texts: dict[str, tuple[str, int]]
) -> None:
    for gold_path in sorted(corpus.glob("*.gold.json")):
        gold = load_gold(gold_path)
        path = corpus / gold.file
        if path.stem.endswith("-scan"):
            text, pages = pdf_texts[path.name]
            assert text.strip() == "" and 1 <= pages <= 2, path.name  # image only
            twin = json.loads((corpus / gold_path.name.replace("-scan.", "-pdf.")).read_text())
            assert twin["fields"] == gold.fields
            continue
        if path.suffix == ".pdf":
            text, pages = pdf_texts[path.name]
            assert 1 <= pages <= 14, (path.name, pages)
        else:
            text = docx_text(path)
        total = gold.fields["price.total"]
        assert isinstance(total, dict)
        assert amount_in(text, Decimal(str(total["amount"]))), path.name
        for key in ("parties.client.name", "parties.contractor.name"):
            assert str(gold.fields[key]) in text.replace("\n", " "), (path.name, key)
        if gold.fields.get("parties.client.email"):
            assert str(gold.fields["parties.client.email"]) in text, path.name


def test_some_documents_are_scans(corpus: Path) -> None:
    assert len(list(corpus.glob("*-scan.pdf"))) == DEFAULT_SCANS


def test_pdf_and_docx_twins_share_their_gold(corpus: Path) -> None:
    for p in sorted(corpus.glob("*-pdf.gold.json")):
        docx_gold = json.loads((corpus / p.name.replace("-pdf.", "-docx.")).read_text())
        pdf_gold = json.loads(p.read_text())
        assert docx_gold["fields"] == pdf_gold["fields"], p.name


def test_corpus_is_varied(corpus: Path, pdf_texts: dict[str, tuple[str, int]]) -> None:
    golds = [json.loads(p.read_text()) for p in sorted(corpus.glob("*-pdf.gold.json"))]
    assert {g["kind"] for g in golds} == set(KINDS)
    assert {g["trade"] for g in golds} >= {
        "remodel",
        "roofing",
        "hvac",
        "electrical",
        "landscaping",
        "fitout",
        "managed_it",
    }
    currencies = {g["fields"]["price.total"]["currency"] for g in golds}
    assert currencies == {"USD", "EUR", "GBP", "CAD"}
    signed = {g["fields"]["signatures.client.signed"] for g in golds}
    assert signed == {True, False}
    assert any(g["fields"]["dates.start"] is None for g in golds)
    assert any(g["fields"]["dates.start"] for g in golds)
    assert any(g["fields"]["price.alternates"] for g in golds)
    assert any(g["fields"]["price.payment_schedule"] for g in golds)
    pages = [pdf_texts[g["file"]][1] for g in golds]
    assert min(pages) == 1
    assert max(pages) >= 8


def test_payment_schedules_add_up(corpus: Path) -> None:
    for p in sorted(corpus.glob("*-pdf.gold.json")):
        f = json.loads(p.read_text())["fields"]
        sched = f["price.payment_schedule"]
        if sched:
            assert sum(Decimal(m["percent"]) for m in sched) == 100
            total = sum(Decimal(m["amount"]["amount"]) for m in sched)
            assert total == Decimal(f["price.total"]["amount"])


def test_day_first_documents_carry_an_unambiguous_date(
    corpus: Path, pdf_texts: dict[str, tuple[str, int]]
) -> None:
    for p in sorted(corpus.glob("*-pdf.gold.json")):
        gold = json.loads(p.read_text())
        if gold["fields"]["price.total"]["currency"] in ("GBP", "EUR"):
            text, _ = pdf_texts[gold["file"]]
            assert _DAY_FIRST.search(text), gold["file"]


def test_decoys_are_present(pdf_texts: dict[str, tuple[str, int]]) -> None:
    texts = [text for text, _pages in pdf_texts.values()]
    assert any("per occurrence" in t for t in texts)
    assert any("per hour" in t for t in texts)
    assert any("expires" in t or "exp." in t for t in texts)


def test_cli_writes_files(tmp_path: Path) -> None:
    assert main([str(tmp_path), "--count", "1", "--formats", "docx"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"{spec_for(DEFAULT_SEED, 0).stem}-docx.docx",
        f"{spec_for(DEFAULT_SEED, 0).stem}-docx.gold.json",
    ]
    assert main([str(tmp_path), "--formats", "odt"]) == 2


def test_regenerating_replaces_only_generator_files(tmp_path: Path) -> None:
    keep = tmp_path / "notes.txt"
    keep.write_text("mine")
    stale = tmp_path / "99-quote-roofing-pdf.gold.json"
    stale.write_text("{}")
    generate(tmp_path, count=1, formats=["docx"])
    assert keep.exists() and not stale.exists()


def test_a_price_table_runs_across_a_page_break(corpus: Path) -> None:
    import pdfplumber

    crossing = []
    for path in sorted(corpus.glob("*fitout-pdf.pdf")):
        with pdfplumber.open(path) as pdf:
            pages = [
                i
                for i, page in enumerate(pdf.pages)
                for table in page.find_tables()
                if (table.extract() or [[None]])[0][0] == "No."
            ]
        if len(set(pages)) > 1 and len(pages) > 1:
            crossing.append(path.name)
    assert crossing, "no schedule of values split over two pages"


def test_day_first_specs_write_their_proposal_date_unambiguously() -> None:
    specs = [spec_for(seed, i) for seed in (DEFAULT_SEED, 11) for i in range(40)]
    day_first = [s for s in specs if s.day_first]
    assert day_first
    for s in day_first:
        assert s.date_styles[0] in ("numeric_uk", "dotted") and s.proposal_date.day > 12, s.stem
