"""The folder lifecycle as plain functions: hostile names, special files, crashes, versions."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from flowkit import files, make_pdf

from extractors.intake import Folders, Intake, StabilityTracker, is_ignored
from extractors.outputs import NAME_MAX, Index
from extractors.sandbox import Sandbox
from models.settings import Settings
from store import Store, open_store


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(Settings(workers=1, time_limit_s=60)) as box:
        yield box


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    yield s
    s.close()


@pytest.fixture
def intake(tmp_path: Path, sandbox: Sandbox, store: Store) -> Intake:
    return Intake(Folders.under(tmp_path / "data"), sandbox.settings, sandbox, store)


def drop(intake: Intake, name: str | bytes, data: bytes) -> Path:
    """Write a file into the inbox under a raw name and claim it."""
    raw = os.fsencode(name) if isinstance(name, str) else name
    path = os.path.join(os.fsencode(intake.folders.inbox), raw)
    with open(path, "wb") as fh:
        fh.write(data)
    claimed = intake.claim(os.fsdecode(raw))
    assert claimed is not None
    return claimed


HOSTILE_NAMES: list[bytes] = [
    b"caf\xe9 d\xfcsseldorf.pdf",               # Latin-1 bytes: not UTF-8
    b"line one\nline two\r.pdf",                 # control characters
    b"$(touch PWNED); `rm -rf ~` & echo.pdf",   # shell syntax, never given to a shell
    "é".encode() * 125 + b".pdf",               # 254 bytes, multi-byte characters
    b"a" * 251 + b".pdf",                        # 255 bytes: derived names must be shortened
]


@pytest.mark.parametrize("raw", HOSTILE_NAMES, ids=range(len(HOSTILE_NAMES)))
def test_hostile_names_are_kept_and_never_escape(intake: Intake, tmp_path: Path,
                                                 raw: bytes) -> None:
    pdf = make_pdf(tmp_path / "src.pdf", n=len(raw)).read_bytes()
    good = intake.handle(drop(intake, raw, pdf))
    assert good.status == "processed", good
    assert os.fsencode(good.final.name if good.final else "") == raw  # kept, byte for byte
    out = good.output
    assert out is not None and out.parent == intake.folders.out
    data = json.loads(out.read_bytes().decode("utf-8"))  # valid UTF-8 JSON whatever the name
    assert data["document"]["id"] == good.sha256

    bad = intake.handle(drop(intake, raw, b"garbage, not a document"))
    assert bad.status == "failed" and bad.code == "unsupported_type"
    notes = [n for n in os.listdir(intake.folders.failed) if n.endswith(".error.json")]
    assert len(notes) == 1 and len(os.fsencode(notes[0])) <= NAME_MAX
    note = json.loads((intake.folders.failed / notes[0]).read_bytes().decode("utf-8"))
    assert note["file"] == os.fsencode(os.fsdecode(raw)).decode("utf-8", "backslashreplace")
    for folder in (tmp_path, Path.cwd()):
        assert not (folder / "PWNED").exists()
    assert all(p.is_relative_to(tmp_path) for p in (good.final, bad.final) if p is not None)


def test_links_pipes_and_devices_fail_without_being_opened(intake: Intake, tmp_path: Path) -> None:
    inbox = intake.folders.inbox
    os.mkfifo(inbox / "pipe.pdf")
    os.symlink("/dev/zero", inbox / "zero.pdf")
    outside = make_pdf(tmp_path / "outside.pdf")
    os.symlink(outside, inbox / "escape.pdf")
    results = [intake.handle(c) for c in (intake.claim(n) for n in ("pipe.pdf", "zero.pdf",
                                                                      "escape.pdf")) if c]
    assert [(r.status, r.code) for r in results] == [("failed", "not_a_regular_file")] * 3
    assert files(intake.folders.failed) == ["escape.pdf", "pipe.pdf", "zero.pdf"]
    assert files(intake.folders.out) == []


def test_restart_after_a_crash_in_each_window_records_once(intake: Intake, tmp_path: Path,
                                                           store: Store) -> None:
    pdf = make_pdf(tmp_path / "x.pdf", n=7).read_bytes()
    # window 1: claimed, not processed -> processed at restart
    claimed = drop(intake, "x.pdf", pdf)
    first = intake.handle(claimed, recovering=True)
    assert first.status == "processed"
    # window 2: outputs, store and index written, source not yet moved -> moved, nothing redone
    (intake.folders.work / "x.pdf").write_bytes(pdf)
    restarted = Intake(intake.folders, intake.settings, intake.sandbox, store)
    again = restarted.handle(intake.folders.work / "x.pdf", recovering=True)
    assert again.status == "processed" and again.sha256 == first.sha256
    assert len(list(Index(intake.folders.index_path))) == 1
    assert len(store.list_documents()) == 1
    assert not (intake.folders.done / "x_2.pdf.duplicate.json").exists()
    # the same bytes dropped later are a duplicate, not a third record
    dup = restarted.handle(drop(restarted, "x.pdf", pdf))
    assert dup.status == "duplicate"
    assert (intake.folders.done / "x_3.pdf.duplicate.json").exists()
    assert len(store.list_documents()) == 1


def test_changed_file_with_the_same_name_is_a_new_linked_version(intake: Intake,
                                                                 tmp_path: Path) -> None:
    v1 = intake.handle(drop(intake, "offer.pdf", make_pdf(tmp_path / "1.pdf", n=1).read_bytes()))
    v2 = intake.handle(drop(intake, "offer.pdf", make_pdf(tmp_path / "2.pdf", n=2).read_bytes()))
    assert (v1.status, v2.status) == ("processed", "processed")
    assert v1.output is not None and v2.output is not None
    assert v2.sha256 is not None
    assert v1.output.name == "offer.json" and v2.output.name == f"offer.{v2.sha256[:12]}.json"
    entry = Index(intake.folders.index_path).get(v2.sha256)
    assert entry is not None and entry.previous == v1.sha256
    assert files(intake.folders.done) == ["offer.pdf", "offer_2.pdf"]


def test_stability_waits_for_quiet_files_and_skips_temp_names(tmp_path: Path) -> None:
    now = [0.0]
    tracker = StabilityTracker(2.0, clock=lambda: now[0])
    (tmp_path / "a.pdf").write_bytes(b"1")
    (tmp_path / "b.pdf.crdownload").write_bytes(b"1")
    assert tracker.observe(tmp_path) == []
    now[0] = 1.0
    with (tmp_path / "a.pdf").open("ab") as fh:
        fh.write(b"more")
    assert tracker.observe(tmp_path) == []
    now[0] = 2.5
    assert tracker.observe(tmp_path) == []  # changed at t=1: quiet for only 1.5 s
    now[0] = 3.5
    assert tracker.observe(tmp_path) == ["a.pdf"]


def test_a_file_renamed_in_complete_is_taken_on_the_second_scan(tmp_path: Path) -> None:
    now = [0.0]
    tracker = StabilityTracker(5.0, clock=lambda: now[0], wall=lambda: 1_000_000.0)
    (tmp_path / "old.pdf").write_bytes(b"complete")
    os.utime(tmp_path / "old.pdf", (999_000.0, 999_000.0))  # last written long ago
    (tmp_path / "fresh.pdf").write_bytes(b"being written")
    os.utime(tmp_path / "fresh.pdf", (999_999.0, 999_999.0))  # written a second ago
    assert tracker.observe(tmp_path) == []
    now[0] = 0.1
    assert tracker.observe(tmp_path) == ["old.pdf"]


@pytest.mark.parametrize("name", ["~$offer.docx", ".offer.pdf", "offer.pdf.part", "x.TMP",
                                  "offer.pdf.crdownload", "offer.docx~"])
def test_temp_and_hidden_names_are_ignored(name: str) -> None:
    assert is_ignored(name)


def test_ordinary_names_are_not_ignored() -> None:
    assert not is_ignored("Offer (final) v2.pdf")


def test_each_folder_can_be_moved_elsewhere(tmp_path: Path) -> None:
    folders = Folders.under(tmp_path / "data", out=tmp_path / "json", failed=tmp_path / "bad")
    folders.create()
    assert folders.inbox == tmp_path / "data" / "inbox" and folders.out == tmp_path / "json"
    assert sorted(os.listdir(tmp_path)) == ["bad", "data", "json"]
    assert sorted(os.listdir(tmp_path / "data")) == ["done", "inbox", "work"]
