"""Regression tests for bugs the hostile corpus found, each named for what broke.

A bug of this kind hangs, so each check runs in a child process bounded by a generous timeout:
a hang fails the test instead of stalling the suite (a bound, not a timed assertion).
"""

from __future__ import annotations

import os
import signal
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from corpus import million_chars_pdf, named_pdf

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "flows"))

from flowkit import WatchProcess, wait_for  # noqa: E402
from support_readers import proposal_docx  # noqa: E402

from extractors.readers import read_document  # noqa: E402
from models.errors import HandoffError  # noqa: E402
from models.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
BOUND_S = 120


def _run(code: str) -> str:
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=BOUND_S, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout.strip()


def test_flate_stream_over_1mib_followed_by_eol_does_not_loop_forever(tmp_path: Path) -> None:
    """pdf_streams._inflated_size spun on ``unconsumed_tail`` once the stream ended.

    CPython's ``decompress(chunk, max_length)`` keeps the bytes after the end of a zlib stream
    (here the EOL before ``endstream``) in ``unconsumed_tail`` once an earlier call hit the
    output limit, so ``while chunk:`` never ended for any Flate stream over 1 MiB inflated.
    """
    path = million_chars_pdf(tmp_path / "million.pdf")
    out = _run(
        "from pathlib import Path\n"
        "from extractors.readers.pdf_streams import check_streams\n"
        "from models.settings import Settings\n"
        f"data = Path({str(path)!r}).read_bytes()\n"
        "print(check_streams(data, Settings(data_dir=Path('/nonexistent')), 'm.pdf'))\n")
    assert int(out) == len(b"BT /F1 1 Tf 10 10 Td " + b"(abcdefghij) Tj " * 100_000 + b"ET")


def test_a_million_characters_end_in_too_large_not_timeout(tmp_path: Path) -> None:
    """The 3 KB / one-million-character page reaches the character cap instead of the clock."""
    path = million_chars_pdf(tmp_path / "million.pdf")
    assert path.stat().st_size < 4096
    out = _run(
        "from pathlib import Path\n"
        "from extractors.readers import read_document\n"
        "from models.errors import HandoffError\n"
        "from models.settings import Settings\n"
        "try:\n"
        f"    read_document(Path({str(path)!r}), Settings(data_dir=Path('/nonexistent')))\n"
        "except HandoffError as exc:\n"
        "    print(exc.code)\n")
    assert out == "too_large"


def test_non_utf8_name_in_the_inbox_does_not_kill_the_watcher(tmp_path: Path) -> None:
    """watchfiles raised WatchfilesRustInternalError ("Unable to decode path") out of
    ``Watcher.run`` for a name that is not UTF-8, and ``handoff watch`` died with a traceback."""
    root = tmp_path / "data"
    proc = WatchProcess(root, f"sqlite:///{tmp_path / 'store.db'}", "--workers", "1",
                        "--stable-seconds", "0", env={"HANDOFF_CONFIG": "/nonexistent"})
    try:
        raw = os.fsencode(root / "inbox") + b"/devis-caf\xe9.pdf"
        named_pdf(Path(os.fsdecode(raw)), 1)
        wait_for(lambda: proc.proc.poll() is not None or len(os.listdir(root / "done")) == 1,
                 timeout=BOUND_S, what="the non-UTF-8 file processed")
        assert proc.proc.poll() is None, proc.log()
        named_pdf(root / "inbox" / "after.pdf", 2)  # and the watcher goes on working
        wait_for(lambda: len(os.listdir(root / "done")) == 2, timeout=BOUND_S,
                 what="the next file processed")
        assert os.fsencode(os.listdir(root / "done")[0]) in (b"devis-caf\xe9.pdf", b"after.pdf")
        proc.proc.send_signal(signal.SIGTERM)
        assert proc.wait() == 0
        assert "Traceback" not in proc.log()
    finally:
        proc.kill()


def test_zip_asking_for_a_newer_zip_version_is_a_typed_error_not_notimplementederror(
        tmp_path: Path) -> None:
    """Found by ``make fuzz``: gate.sniff_type let zipfile's NotImplementedError ("zip file
    version 11.7") escape ``read_document``; the sandbox then reported ``internal_error``."""
    data = bytearray(proposal_docx(tmp_path / "p.docx").read_bytes())
    central = data.find(b"PK\x01\x02")
    while central >= 0:  # "version needed to extract" of every central directory entry
        struct.pack_into("<H", data, central + 6, 117)
        central = data.find(b"PK\x01\x02", central + 4)
    (tmp_path / "future.docx").write_bytes(bytes(data))
    with pytest.raises(HandoffError) as info:
        read_document(tmp_path / "future.docx", Settings(data_dir=tmp_path / "data"))
    assert info.value.code in {"corrupt", "unsupported_type"}
