"""``handoff watch`` as a real process on a real folder: drop files, kill it, restart it."""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

from flowkit import WatchProcess, files, make_docx, make_pdf, wait_for

from store import open_store


def accounted(root: Path) -> int:
    return len(files(root / "done")) + len(files(root / "failed"))


def test_good_duplicate_garbage_and_half_written_files(
        tmp_path: Path, watch: Callable[..., WatchProcess]) -> None:
    root = tmp_path / "data"
    proc = watch("--workers", "2", "--stable-seconds", "1.5")
    inbox = root / "inbox"
    good = make_pdf(tmp_path / "good.pdf", n=1)
    (inbox / "good.pdf").write_bytes(good.read_bytes())
    make_docx(inbox / "letter.docx", n=2)
    (inbox / "garbage.pdf").write_bytes(os.urandom(4000))
    (inbox / "~$letter.docx").write_bytes(b"lock file")
    (inbox / "upload.pdf.part").write_bytes(good.read_bytes()[:100])
    (inbox / ".hidden.pdf").write_bytes(good.read_bytes())
    (inbox / "empty.pdf").write_bytes(b"")
    (inbox / "truncated.pdf").write_bytes(good.read_bytes()[: len(good.read_bytes()) // 3])
    os.mkfifo(inbox / "pipe.pdf")
    os.symlink("/dev/zero", inbox / "zero.docx")
    # half-written: the first half now, the rest well within the stability window
    slow = make_pdf(tmp_path / "slow.pdf", n=3).read_bytes()
    with (inbox / "slow.pdf").open("wb") as fh:
        fh.write(slow[: len(slow) // 2])
        fh.flush()
        time.sleep(0.3)
        fh.write(slow[len(slow) // 2:])
    wait_for(lambda: accounted(root) == 8, what="eight documents filed")
    # the duplicate arrives after the original has been recorded
    (inbox / "good copy.pdf").write_bytes(good.read_bytes())
    wait_for(lambda: accounted(root) == 9, what="the duplicate filed")

    assert files(root / "done") == ["good copy.pdf", "good.pdf", "letter.docx", "slow.pdf"]
    assert files(root / "failed") == ["empty.pdf", "garbage.pdf", "pipe.pdf", "truncated.pdf",
                                      "zero.docx"]
    codes = {n: json.loads((root / "failed" / f"{n}.error.json").read_text())["code"]
             for n in files(root / "failed")}
    assert codes["empty.pdf"] == "empty" and codes["truncated.pdf"] == "corrupt"
    assert codes["pipe.pdf"] == codes["zero.docx"] == "not_a_regular_file"
    assert files(root / "work") == []
    assert sorted(os.listdir(inbox)) == [".hidden.pdf", "upload.pdf.part", "~$letter.docx"]
    assert files(root / "out") == ["good.json", "letter.json", "slow.json"]
    out = json.loads((root / "out" / "good.json").read_text())
    assert out["document"]["pages"] == 1
    error = json.loads((root / "failed" / "garbage.pdf.error.json").read_text())
    assert error["code"] in {"unsupported_type", "corrupt"}
    assert set(error) == {"code", "message", "stage", "file", "sha256", "time"}
    note = json.loads((root / "done" / "good copy.pdf.duplicate.json").read_text())
    assert note["status"] == "duplicate" and note["sha256"] == out["document"]["id"]

    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    try:
        assert store.find_document(out["document"]["id"]) is not None
        assert len(store.list_documents()) == 3
        assert sorted(f.code for f in store.list_failures()) == sorted(codes.values())
    finally:
        store.close()

    log = proc.log()
    assert log.count("status=processed") == 3 and log.count("status=duplicate") == 1
    assert 'file="garbage.pdf"' in log and "status=failed code=" in log
    proc.proc.send_signal(signal.SIGTERM)
    assert proc.wait() == 0


def test_sigkill_mid_run_then_restart_loses_and_duplicates_nothing(
        tmp_path: Path, watch: Callable[..., WatchProcess]) -> None:
    root = tmp_path / "data"
    first = watch("--workers", "1", "--stable-seconds", "0")
    names = [f"p{i}.pdf" for i in range(6)]
    for i, name in enumerate(names):
        make_pdf(tmp_path / name, n=10 + i, pages=10)
    for name in names:  # rename in: each file appears complete
        os.replace(tmp_path / name, root / "inbox" / name)
    wait_for(lambda: files(root / "work") != [] or accounted(root) > 0, interval=0.01,
             what="the first claim")
    first.proc.send_signal(signal.SIGKILL)
    first.wait()
    assert accounted(root) < len(names)

    second = watch("--workers", "2", "--stable-seconds", "0")
    wait_for(lambda: accounted(root) == len(names), what="every document filed")
    assert files(root / "done") == names
    assert files(root / "work") == [] and files(root / "failed") == []
    assert files(root / "out") == [n.replace(".pdf", ".json") for n in names]
    index = (root / "out" / ".handoff-index.jsonl").read_text().splitlines()
    shas = [json.loads(line)["sha256"] for line in index]
    assert len(set(shas)) == len(names)
    assert not any(n.endswith(".duplicate.json") for n in os.listdir(root / "done"))
    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    try:
        assert len(store.list_documents()) == len(names)
    finally:
        store.close()
    second.proc.send_signal(signal.SIGINT)
    assert second.wait() == 0


def test_sigterm_stops_cleanly_with_nothing_left_in_work(
        tmp_path: Path, watch: Callable[..., WatchProcess]) -> None:
    root = tmp_path / "data"
    proc = watch("--workers", "1", "--stable-seconds", "0")
    for i in range(3):
        make_pdf(tmp_path / f"t{i}.pdf", n=40 + i)
        os.replace(tmp_path / f"t{i}.pdf", root / "inbox" / f"t{i}.pdf")
    wait_for(lambda: accounted(root) >= 1 or files(root / "work") != [], what="work to begin")
    proc.proc.send_signal(signal.SIGTERM)
    assert proc.wait() == 0
    assert files(root / "work") == []
    placed = files(root / "inbox") + files(root / "done") + files(root / "failed")
    assert sorted(placed) == ["t0.pdf", "t1.pdf", "t2.pdf"]
    assert "stopped" in proc.log()
