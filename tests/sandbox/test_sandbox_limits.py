"""The sandbox turns every way a document can go wrong into an Outcome, never a parent crash.

The document functions here are small stand-ins for a hostile file: one sleeps past the time
limit, one allocates past the memory limit, one kills its own process, one raises a typed error.
They run in real worker processes with real limits.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

import psutil
import pytest

from extractors.sandbox import Sandbox, run_many
from models.errors import Encrypted
from models.handoff import DocumentInfo, Handoff
from models.settings import Settings


def behave(path: Path, settings: Settings, root: Path | None) -> Handoff | str:
    """Act as the file name says: sleep, hog, die, encrypted, recurse, or succeed."""
    name = path.name
    if name.startswith("sleep"):
        time.sleep(600)
    if name.startswith("hog"):
        blocks = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GiB, far past the limit
        return str(len(blocks))
    if name.startswith("die"):
        os.kill(os.getpid(), signal.SIGSEGV)
    if name.startswith("encrypted"):
        raise Encrypted("the document needs a password", path=str(path))
    if name.startswith("recurse"):
        def down(n: int) -> int:
            return down(n + 1)
        down(0)
    if name.startswith("keyerror"):
        raise KeyError("word/document.xml")
    if name.startswith("helper"):  # a helper program (as OCR starts tesseract), then a hang
        helper = subprocess.Popen(["sleep", "600"])
        path.write_text(str(helper.pid))
        time.sleep(600)
    return Handoff(document=DocumentInfo(
        id=f"{os.getpid()}", file_name=name, media_type="text/plain", pages=1, reader="test",
        pipeline_version="test", processed_at=datetime.now(UTC)))


def limited(**overrides: object) -> Settings:
    values: dict[str, object] = {"workers": 2, "time_limit_s": 3.0, "memory_limit_mb": 512,
                                 "max_tasks_per_worker": 50}
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def test_good_document_comes_back_as_handoff_json() -> None:
    with Sandbox(limited(), func=behave) as box:
        outcome = box.run(Path("good.pdf"))
    assert outcome.ok
    assert outcome.handoff().document.file_name == "good.pdf"
    assert outcome.worker_pid != os.getpid()


def test_sleeper_is_killed_at_the_time_limit_and_others_are_intact() -> None:
    with Sandbox(limited(time_limit_s=2.0), func=behave) as box:
        names = ("sleep.pdf", "good1.pdf", "good2.pdf", "good3.pdf")
        futures = [box.submit(Path(n)) for n in names]
        outcomes = [f.result() for f in futures]
        assert box.recycled >= 1
    assert outcomes[0].code == "timeout"
    assert outcomes[0].stage == "process"
    assert "2 s" in (outcomes[0].message or "")
    assert [o.ok for o in outcomes[1:]] == [True, True, True]


def test_allocation_past_the_memory_limit_is_a_memory_error() -> None:
    with Sandbox(limited(memory_limit_mb=400), func=behave) as box:
        hog = box.run(Path("hog.pdf"))
        after = box.run(Path("good.pdf"))
    assert hog.code == "memory"
    assert after.ok
    assert after.worker_pid != hog.worker_pid  # the worker that ran out was replaced


def test_worker_that_dies_becomes_crashed_and_is_replaced() -> None:
    with Sandbox(limited(workers=1), func=behave) as box:
        died = box.run(Path("die.docx"))
        after = box.run(Path("good.docx"))
    assert died.code == "crashed"
    assert "SIGSEGV" in (died.message or "")
    assert after.ok and after.worker_pid != died.worker_pid


def test_typed_and_library_errors_keep_their_codes() -> None:
    with Sandbox(limited(), func=behave) as box:
        names = ("encrypted.pdf", "recurse.pdf", "keyerror.docx")
        enc, rec, key = (box.run(Path(n)) for n in names)
    assert (enc.code, enc.stage) == ("encrypted", "read")
    assert enc.message == "the document needs a password"
    assert rec.code == "corrupt"
    assert key.code == "internal_error" and "KeyError" in (key.message or "")


def test_workers_are_recycled_after_max_tasks() -> None:
    with Sandbox(limited(workers=1, max_tasks_per_worker=2), func=behave) as box:
        pids = [box.run(Path(f"good{i}.pdf")).worker_pid for i in range(5)]
    assert pids[0] == pids[1] != pids[2] == pids[3] != pids[4]


def test_closed_sandbox_refuses_new_work() -> None:
    box = Sandbox(limited(workers=1), func=behave)
    box.close()
    with pytest.raises(RuntimeError):
        box.submit(Path("late.pdf"))


def test_a_timeout_also_kills_helpers_the_worker_started(tmp_path: Path) -> None:
    marker = tmp_path / "helper.pdf"
    with Sandbox(limited(workers=1, time_limit_s=3.0), func=behave) as box:
        outcome = box.run(marker)
    assert outcome.code == "timeout"
    pid = int(marker.read_text())

    def gone() -> bool:
        try:
            return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return True

    for _ in range(100):  # the kill is immediate; allow the system a moment to reap
        if gone():
            break
        time.sleep(0.05)
    assert gone()


def test_run_many_yields_one_outcome_per_document() -> None:
    names = ["good1.pdf", "encrypted.pdf", "good2.pdf"]
    outcomes = list(run_many([Path(n) for n in names], limited(), func=behave))
    assert sorted(o.path.name for o in outcomes) == sorted(names)
    assert sorted(o.code or "ok" for o in outcomes) == ["encrypted", "ok", "ok"]
