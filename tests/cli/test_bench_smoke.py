"""``handoff bench`` keeps working: a tiny run prints a table on stderr and the JSON report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from handoff.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_bench_runs_on_a_tiny_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    samples = tmp_path / "samples"
    samples.mkdir()
    for name in ("01-proposal-remodel-pdf.pdf", "01-proposal-remodel-docx.docx"):
        shutil.copy(ROOT / "samples" / "generated" / name, samples / name)
    code = main(["bench", "--reps", "1", "--long-pdf-pages", "3", "--long-docx-pages", "2",
                 "--samples", str(samples), "--skip", "batch", "--skip", "watch", "--skip", "ocr"])
    assert code == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    names = {m["name"] for m in report["stages"]}
    assert {"pdf: read", "pdf: nlp", "pdf: fields", "pdf: end to end", "docx: end to end"} <= names
    assert report["ratios"]["pdf_e2e_vs_pdfplumber_words"] > 0
    assert report["memory_mib"]["peak_rss_10_pages"] > 0
    assert "pdfplumber extract_words" in captured.err
