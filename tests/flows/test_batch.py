"""``handoff batch`` without Prefect: a real folder tree, real documents, real sandbox."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest
from flowkit import make_docx, make_pdf

from extractors.batch import discover, plan_batch
from handoff.cli import main
from store import open_store


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A share with the usual mess: same stems, a copy, garbage, links out, temp files."""
    src = tmp_path / "share"
    (src / "2026" / "march").mkdir(parents=True)
    make_pdf(src / "proposal.pdf", n=1)
    make_pdf(src / "2026" / "march" / "proposal.pdf", n=2)
    make_docx(src / "2026" / "contract.docx", n=3)
    (src / "x-copy.pdf").write_bytes((src / "proposal.pdf").read_bytes())
    (src / "broken.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(2000))
    (src / "~$contract.docx").write_bytes(b"lock")
    (src / "notes.txt").write_text("not a document")
    outside = tmp_path / "outside"
    outside.mkdir()
    make_pdf(outside / "secret.pdf", n=99)
    os.symlink(outside / "secret.pdf", src / "link.pdf")
    os.symlink(outside, src / "linked-folder")
    return src


def run_batch(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(["batch", *argv, "--no-progress"]) == 0
    out = capsys.readouterr().out
    result: dict[str, object] = json.loads(out)
    return result


def test_discover_follows_no_symlink_out_of_the_folder(tree: Path) -> None:
    found, rejected = discover(tree)
    names = [os.path.relpath(p, tree) for p in found]
    assert names == ["2026/contract.docx", "2026/march/proposal.pdf", "broken.pdf",
                     "proposal.pdf", "x-copy.pdf"]
    assert [p.name for p in rejected] == ["link.pdf"]


def test_batch_writes_outputs_reports_and_store(
        tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, db = tmp_path / "out", f"sqlite:///{tmp_path / 'store.db'}"
    totals = run_batch(capsys, str(tree), "--out", str(out), "--workers", "2", "--db", db)
    assert totals["processed"] == 3 and totals["duplicates"] == 1 and totals["failed"] == 2
    assert totals["failures_by_code"] == {"corrupt": 1, "not_a_regular_file": 1}
    jsons = sorted(p.name for p in out.glob("*.json") if p.name != "report.json")
    assert len(jsons) == 3 and "proposal.json" in jsons and "contract.json" in jsons
    assert any(n.startswith("proposal.") and n != "proposal.json" for n in jsons)
    assert sorted(p.name for p in (out / "failed").iterdir()) == [
        "broken.pdf.error.json", "link.pdf.error.json"]
    note = json.loads((out / "failed" / "broken.pdf.error.json").read_text())
    assert note["code"] == "corrupt" and note["file"] == "broken.pdf"

    report = json.loads((out / "report.json").read_text())
    statuses = {d["file"]: d["status"] for d in report["documents"]}
    assert statuses == {"2026/contract.docx": "processed", "2026/march/proposal.pdf": "processed",
                        "proposal.pdf": "processed", "x-copy.pdf": "duplicate",
                        "broken.pdf": "failed", "link.pdf": "failed"}
    rows = list(csv.DictReader((out / "report.csv").open(encoding="utf-8")))
    assert {r["file"]: r["status"] for r in rows} == statuses
    assert not (out / "secret.json").exists()

    store = open_store(db)
    try:
        assert len(store.list_documents()) == 3
        assert sorted(f.code for f in store.list_failures()) == ["corrupt", "not_a_regular_file"]
    finally:
        store.close()

    again = run_batch(capsys, str(tree), "--out", str(out), "--db", db)
    assert (again["processed"], again["skipped"], again["duplicates"]) == (0, 3, 1)
    forced = run_batch(capsys, str(tree), "--out", str(out), "--db", db, "--force")
    assert forced["processed"] == 3
    assert sorted(p.name for p in out.glob("*.json") if p.name != "report.json") == jsons


def test_batch_of_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    assert main(["batch", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == 1


def test_plan_keeps_names_stable_and_marks_copies(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = {i.relative: (i.action, i.output) for i in plan_batch(tree, out)}
    second = {i.relative: (i.action, i.output) for i in plan_batch(tree, out)}
    assert first == second
    assert first["2026/march/proposal.pdf"] == ("process", "proposal.json")
    assert (first["proposal.pdf"][1] or "").startswith("proposal.")
    assert first["x-copy.pdf"] == ("duplicate", first["proposal.pdf"][1])
    assert first["link.pdf"][0] == "reject"


def test_an_out_folder_inside_the_source_is_not_read_back(
        tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tree / "results"
    first = run_batch(capsys, str(tree), "--out", str(out), "--no-store")
    make_pdf(out / "stray.pdf", n=5)  # even a document placed in OUT is not part of the batch
    again = run_batch(capsys, str(tree), "--out", str(out), "--no-store")
    assert again["documents"] == first["documents"]
    assert all(not i.relative.startswith("results") for i in plan_batch(tree, out))


def test_report_csv_cells_never_run_as_formulas(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    make_pdf(src / "=HYPERLINK(evil)+1.pdf", n=1)
    (src / "@SUM(A1).pdf").write_bytes(b"%PDF-1.7\n" + b"x" * 100)
    run_batch(capsys, str(src), "--out", str(out), "--workers", "1",
              "--db", f"sqlite:///{tmp_path / 'store.db'}")
    rows = list(csv.DictReader((out / "report.csv").open(encoding="utf-8")))
    assert sorted(r["file"] for r in rows) == ["'=HYPERLINK(evil)+1.pdf", "'@SUM(A1).pdf"]
    assert all(not v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())
    report = json.loads((out / "report.json").read_text())
    assert "=HYPERLINK(evil)+1.pdf" in [d["file"] for d in report["documents"]]  # JSON as is
