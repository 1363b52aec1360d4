"""The whole hostile corpus through a real ``handoff watch`` and a real ``handoff batch``.

Every input must be accounted for (``done/`` or ``failed/`` with an ``.error.json`` whose code is
one the case allows), the good sample must come out right, the hidden decoy amount must never
be read as a total, and the watcher must survive it all and stop cleanly on SIGTERM. FIFOs and
symlinks are claimed like any file and refused at the gate (``not_a_regular_file``): the intake
files them under ``failed/`` without opening them. Hidden and temporary names are documented as
never taken: they must still be in the inbox at the end, and absent from the batch report.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus import DECOY, OK, REAL_TOTAL, Case, build_corpus

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "flows"))

from flowkit import WatchProcess, wait_for  # noqa: E402

from extractors.outputs import display_name  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "samples" / "generated" / "01-proposal-remodel-pdf.pdf"
GOOD_GOLD = GOOD.with_suffix(".gold.json")
ERROR_KEYS = {"code", "message", "stage", "file", "sha256", "time"}
DECOY_AMOUNT = "99999999"

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("hostile")]


def limits(tmp_path: Path) -> dict[str, str]:
    """Small limits so that a runaway document costs seconds, not minutes."""
    return {"HANDOFF_TIME_LIMIT_S": "20", "HANDOFF_MEMORY_LIMIT_MB": "1024",
            "HANDOFF_STABLE_SECONDS": "0.2", "HANDOFF_WORKERS": "2",
            "HANDOFF_DATA_DIR": str(tmp_path / "handoff-data"), "HANDOFF_CONFIG": "/nonexistent"}


def good_total() -> dict[str, str]:
    gold = json.loads(GOOD_GOLD.read_text())
    total: dict[str, str] = gold["fields"]["price.total"]
    return total


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, list[Case]]:
    folder = tmp_path / "corpus"
    cases = build_corpus(folder)
    shutil.copyfile(GOOD, folder / GOOD.name)
    cases.append(Case(GOOD.name, frozenset({OK}), "the good sample"))
    return folder, cases


@pytest.fixture
def watcher(tmp_path: Path) -> Iterator[WatchProcess]:
    proc = WatchProcess(tmp_path / "data", f"sqlite:///{tmp_path / 'store.db'}",
                        env=limits(tmp_path))
    yield proc
    proc.kill()


def listing(folder: Path) -> set[str]:
    """Names in a folder, notes and hidden files left out (raw names, surrogates kept)."""
    return {n for n in os.listdir(folder)
            if not n.startswith(".") and not n.endswith((".error.json", ".duplicate.json"))}


def by_display_name(folder: Path) -> dict[str, Path]:
    """Files under ``folder`` keyed by the display form of their relative path (report style)."""
    return {display_name(os.path.relpath(p, folder)): p for p in folder.rglob("*")}


def assert_no_decoy_total(out_json: Path) -> None:
    handoff = json.loads(out_json.read_text())
    total = handoff["price"]["total"].get("value") or {}
    assert not str(total.get("amount", "")).startswith(DECOY_AMOUNT), out_json.name


def test_watch_survives_the_hostile_corpus(tmp_path: Path, corpus: tuple[Path, list[Case]],
                                           watcher: WatchProcess) -> None:
    folder, cases = corpus
    root = tmp_path / "data"
    names = {c.name for c in cases if not c.ignored}
    for case in cases:  # rename in: each file appears complete (specials keep their kind)
        os.replace(folder / case.name, root / "inbox" / case.name)

    def accounted() -> bool:
        return listing(root / "done") | listing(root / "failed") == names

    wait_for(accounted, timeout=240, interval=0.2, what="every hostile file filed")
    assert watcher.proc.poll() is None, watcher.log()
    assert listing(root / "done").isdisjoint(listing(root / "failed"))
    assert os.listdir(root / "work") == []
    assert sorted(os.listdir(root / "inbox")) == sorted(c.name for c in cases if c.ignored)

    notes = [json.loads(p.read_text()) for p in (root / "failed").glob("*.error.json")]
    codes = {note["file"]: note for note in notes}
    assert len(codes) == len(notes) == len(listing(root / "failed"))
    for case in cases:
        shown = display_name(case.name)
        if case.ignored:
            continue
        if case.name in listing(root / "done"):
            assert OK in case.expect, f"{shown!r} was read, expected {sorted(case.expect)}"
            continue
        note = codes[shown]
        assert set(note) == ERROR_KEYS
        assert note["code"] in case.expect, (shown, note)
        assert note["message"] and "\n" not in note["message"], note
    # every failure is a stable, documented code; nothing ended as an internal error or a crash
    assert {n["code"] for n in notes} <= {
        "corrupt", "empty", "encrypted", "no_text", "not_a_regular_file", "too_large",
        "unsafe_content", "unsupported_type"}

    outputs = sorted((root / "out").glob("*.json"))
    assert len(outputs) == len(listing(root / "done"))
    good = json.loads((root / "out" / "01-proposal-remodel-pdf.json").read_text())
    assert good["price"]["total"]["value"] == good_total()
    hidden = json.loads((root / "out" / "hidden-text.json").read_text())
    assert hidden["price"]["total"]["value"] == {"amount": REAL_TOTAL, "currency": "USD"}
    for out in outputs:
        assert_no_decoy_total(out)
        assert DECOY not in out.read_text()

    log = watcher.log()
    assert log.count("status=processed") == len(outputs)
    assert log.count("status=failed") == len(notes)
    assert "internal_error" not in log and "Traceback" not in log
    watcher.proc.send_signal(signal.SIGTERM)
    assert watcher.wait() == 0
    assert "stopped" in watcher.log()


def test_batch_accounts_for_every_hostile_file(tmp_path: Path,
                                               corpus: tuple[Path, list[Case]]) -> None:
    folder, cases = corpus
    out = tmp_path / "out"
    env = dict(os.environ, **limits(tmp_path), PYTHONUNBUFFERED="1")
    proc = subprocess.run(
        [sys.executable, "-m", "handoff", "batch", str(folder), "--out", str(out),
         "--no-progress", "--db", f"sqlite:///{tmp_path / 'store.db'}"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    summary = json.loads(proc.stdout)
    report = json.loads((out / "report.json").read_text())
    taken = [c for c in cases if not c.ignored]  # hidden and temporary names are skipped
    assert summary["documents"] == report["totals"]["documents"] == len(taken)
    rows = {row["file"]: row for row in report["documents"]}
    assert set(rows) == {display_name(c.name) for c in taken}
    written = by_display_name(out)
    for case in taken:
        row = rows[display_name(case.name)]
        target = written[row["output"]]
        if row["status"] == "processed":
            assert OK in case.expect, row
            assert_no_decoy_total(target)
        else:
            assert row["status"] == "failed" and row["code"] in case.expect, row
            note = json.loads(target.read_text())
            assert note["code"] == row["code"] and note["message"] == row["message"]
    assert report["totals"]["processed"] + report["totals"]["failed"] == len(taken)
    good = json.loads(written[rows[GOOD.name]["output"]].read_text())
    assert good["price"]["total"]["value"] == good_total()
    hidden = json.loads(written[rows["hidden-text.pdf"]["output"]].read_text())
    assert hidden["price"]["total"]["value"] == {"amount": REAL_TOTAL, "currency": "USD"}
    assert "internal_error" not in json.dumps(report)
