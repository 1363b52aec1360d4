"""``handoff evaluate``: help, error paths, and a real run over generated samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handoff.cli import main
from samples.generate import generate


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--json" in out and "--fields" in out and "DIR" in out


def test_missing_dir_is_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(tmp_path / "nope")]) != 0
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "not a directory" in err


def test_no_gold_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(tmp_path)]) != 0
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "no *.gold.json" in err


def test_bad_gold_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.gold.json").write_text(json.dumps({"file": "a.pdf", "fields": {"x.y": 1}}))
    assert main(["evaluate", str(tmp_path)]) != 0
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "unknown field" in err


def test_unknown_field_glob(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(tmp_path), "--fields", "nothing.*"]) == 2
    assert "no field matches" in capsys.readouterr().err


def test_missing_document_is_scored_not_fatal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "gone.gold.json").write_text(
        json.dumps(
            {"file": "gone.pdf", "fields": {"price.total": {"amount": "1.00", "currency": "USD"}}}
        )
    )
    assert main(["evaluate", str(tmp_path), "--json", "-"]) == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["overall"]["errors"] == 1
    assert report["documents"][0]["error"]
    assert report["fields"][0]["fn"] == 1
    assert "price.total" in captured.err  # the table went to stderr


def test_run_on_generated_samples(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    generate(tmp_path / "docs", count=1)
    out = tmp_path / "report.json"
    assert (
        main(
            ["evaluate", str(tmp_path / "docs"), "--json", str(out), "--fields", "price.*,dates.*"]
        )
        == 0
    )
    table = capsys.readouterr().out
    assert "price.total" in table and "overall" in table
    report = json.loads(out.read_text())
    assert report["overall"]["documents"] == 2
    assert all(f["field"].startswith(("price.", "dates.")) for f in report["fields"])
    assert {d["file"].rsplit(".", 1)[1] for d in report["documents"]} == {"pdf", "docx"}


def test_misses_listed_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "gone.gold.json").write_text(
        json.dumps({"file": "gone.docx", "fields": {"dates.start": "2026-03-04"}})
    )
    assert main(["evaluate", str(tmp_path), "--misses"]) == 0
    err = capsys.readouterr().err
    assert "gone.docx:" in err and "dates.start" in err and '"2026-03-04"' in err


def test_parallel_workers_give_the_same_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    generate(tmp_path / "docs", count=2, formats=["docx"], scans=0)
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    assert main(["evaluate", str(tmp_path / "docs"), "--workers", "1", "--json", str(one)]) == 0
    assert main(["evaluate", str(tmp_path / "docs"), "--workers", "2", "--json", str(two)]) == 0
    a, b = json.loads(one.read_text()), json.loads(two.read_text())
    assert a["fields"] == b["fields"] and a["overall"] == b["overall"]
    assert {k["kind"] for k in a["by_kind"]} == {"proposal", "quote"}
    assert "by document kind" in capsys.readouterr().out
