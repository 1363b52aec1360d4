"""The watched folder: inbox -> work -> out + done, or failed, exactly once per document.

    inbox/   files dropped by people or scanners; taken only when stable (size and mtime
             unchanged for ``settings.stable_seconds``), never temp/partial names
    work/    claimed by an atomic rename; what is here at start-up was interrupted and is
             processed again
    out/     ``<stem>.json`` per document, written atomically (temp + ``os.replace``);
             ``.handoff-index.jsonl`` records each processed sha256
    done/    the source after success; a repeat of known bytes lands here too, with a
             ``<name>.duplicate.json`` note, and is not recorded again
    failed/  the source after a failure, with ``<name>.error.json`` (code, message, stage, file,
             sha256, time) beside it

Each document runs in the sandbox (time and memory limits). Crash-safe by ordering: outputs and
store first, then the index line, then the move out of ``work/``; a restart repeats at most the
unfinished steps, and the store and the index are keyed by sha256 so nothing is recorded twice.
Nothing is ever deleted.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TextIO

from extractors.outputs import (
    ErrorNote,
    Index,
    IndexEntry,
    OutputNames,
    atomic_write_text,
    display_name,
    fit_name,
    log_line,
    needs_review,
    sha256_file,
    unique_path,
    utc_now,
)
from extractors.sandbox import Outcome, Sandbox
from models.handoff import Handoff
from models.settings import Settings

__all__ = [
    "DocResult",
    "Folders",
    "Intake",
    "Recorder",
    "StabilityTracker",
    "Watcher",
    "is_ignored",
]

IGNORED_SUFFIXES = (".part", ".crdownload", ".tmp", ".partial", ".download", ".swp", ".filepart")
INDEX_NAME = ".handoff-index.jsonl"


def is_ignored(name: str) -> bool:
    """Temp, partial, lock and hidden files are never taken."""
    lower = name.lower()
    return name.startswith((".", "~$")) or lower.endswith(IGNORED_SUFFIXES) or name.endswith("~")


class Recorder(Protocol):
    """The part of the review store the intake needs."""

    def save_extraction(self, handoff: Handoff, *, source_name: str,
                        source_path: str | None = None) -> int: ...

    def save_failure(self, *, sha256: str | None, source_name: str, code: str, message: str,
                     stage: str) -> int: ...


@dataclass(frozen=True)
class Folders:
    inbox: Path
    work: Path
    out: Path
    done: Path
    failed: Path

    @classmethod
    def under(cls, root: Path, *, inbox: Path | None = None, work: Path | None = None,
              out: Path | None = None, done: Path | None = None,
              failed: Path | None = None) -> Folders:
        """The five folders of ``root``, each replaceable by an explicit path."""
        return cls(inbox or root / "inbox", work or root / "work", out or root / "out",
                   done or root / "done", failed or root / "failed")

    def create(self) -> None:
        for folder in (self.inbox, self.work, self.out, self.done, self.failed):
            folder.mkdir(parents=True, exist_ok=True)

    @property
    def index_path(self) -> Path:
        return self.out / INDEX_NAME


@dataclass(frozen=True)
class DocResult:
    """One line of the log / report: what became of one file."""

    file: str                      # the file's name as received (may hold undecodable bytes)
    status: str                    # processed | duplicate | failed
    sha256: str | None = None
    pages: int | None = None
    seconds: float | None = None
    flags: int | None = None
    needs_review: bool = False
    code: str | None = None
    message: str | None = None
    stage: str | None = None
    output: Path | None = None     # the JSON written, when processed
    final: Path | None = None      # where the source ended up

    def log_line(self) -> str:
        return log_line(file=self.file, sha256=self.sha256, status=self.status, pages=self.pages,
                        seconds=self.seconds, flags=self.flags, code=self.code)


def _move(src: Path, dst: Path) -> None:
    try:
        os.rename(src, dst)
    except OSError as exc:
        if exc.errno != 18:  # EXDEV: folders on different file systems
            raise
        shutil.move(os.fspath(src), os.fspath(dst))


class Intake:
    """Claim, process and file away documents of one set of folders."""

    def __init__(self, folders: Folders, settings: Settings, sandbox: Sandbox,
                 recorder: Recorder | None = None) -> None:
        self.folders = folders
        self.settings = settings
        self.sandbox = sandbox
        self.recorder = recorder
        folders.create()
        self.index = Index(folders.index_path)
        self._names_lock = threading.Lock()
        self._reserved: set[Path] = set()
        self._outputs = OutputNames({e.output: e.sha256 for e in self.index})
        self._by_source = {e.source: e.sha256 for e in self.index}

    # --- names ----------------------------------------------------------------------------------
    def _reserve(self, folder: Path, name: str) -> Path:
        """A free name in ``folder`` that no other thread of this process will pick either."""
        with self._names_lock:
            candidate = unique_path(folder, name, taken=self._reserved.__contains__)
            self._reserved.add(candidate)
            return candidate

    def _file_away(self, src: Path, dst: Path) -> None:
        """Move a claimed file to its reserved place, then free the reservation."""
        try:
            _move(src, dst)
        finally:
            with self._names_lock:
                self._reserved.discard(dst)

    # --- claiming -------------------------------------------------------------------------------
    def claim(self, name: str) -> Path | None:
        """Atomically move ``inbox/name`` into ``work/`` under a free name; None if it is gone."""
        src = self.folders.inbox / name
        with self._names_lock:
            dst = unique_path(self.folders.work, name)
            try:
                _move(src, dst)
            except FileNotFoundError:
                return None
        return dst

    def interrupted(self) -> list[Path]:
        """Files left in ``work/`` by a previous run that stopped or crashed."""
        with os.scandir(self.folders.work) as entries:
            return sorted(Path(e.path) for e in entries if not e.name.startswith("."))

    # --- processing -----------------------------------------------------------------------------
    def handle(self, claimed: Path, *, recovering: bool = False) -> DocResult:
        """Process one claimed file to the end of its lifecycle; never raises for a bad file."""
        name = claimed.name
        started = time.monotonic()
        try:
            mode = os.lstat(claimed).st_mode
        except FileNotFoundError:
            return DocResult(name, "failed", code="not_found", message="the claimed file vanished")
        if not stat.S_ISREG(mode):
            return self._fail(claimed, None, "not_a_regular_file",
                              "only regular files are read (not links, pipes or devices)", "gate",
                              started)
        try:
            sha = sha256_file(claimed)
        except OSError as exc:  # permissions, I/O errors: filed as failed, not retried forever
            return self._fail(claimed, None, "unreadable",
                              f"the file could not be read ({exc.strerror or exc})", "gate",
                              started)
        known = self.index.get(sha)
        if known is not None:
            if recovering and known.claimed == name:  # crashed after recording, before the move
                final = self._reserve(self.folders.done, name)
                self._file_away(claimed, final)
                return DocResult(name, "processed", sha, seconds=time.monotonic() - started,
                                 output=self.folders.out / known.output, final=final)
            return self._duplicate(claimed, sha, known, started)
        outcome = self.sandbox.run(claimed, root=self.folders.work)
        if not outcome.ok:
            return self._fail(claimed, sha, outcome.code or "internal_error",
                              outcome.message or "", outcome.stage or "process", started)
        return self._succeed(claimed, sha, outcome, started)

    def _output_path(self, name: str, sha: str) -> Path:
        return self.folders.out / self._outputs.choose(name, sha)

    def _succeed(self, claimed: Path, sha: str, outcome: Outcome, started: float) -> DocResult:
        name = claimed.name
        handoff = outcome.handoff()
        out_path = self._output_path(name, sha)
        atomic_write_text(out_path, handoff.model_dump_json(indent=2) + "\n")
        final = self._reserve(self.folders.done, name)
        source = display_name(name)
        if self.recorder is not None:
            self.recorder.save_extraction(handoff, source_name=source, source_path=str(final))
        previous = self._by_source.get(source)
        self.index.add(IndexEntry(sha256=sha, output=out_path.name, source=source, claimed=name,
                                  time=utc_now(), previous=previous))
        self._by_source[source] = sha
        self._file_away(claimed, final)
        return DocResult(name, "processed", sha, pages=handoff.document.pages,
                         seconds=time.monotonic() - started, flags=len(handoff.review.flags),
                         needs_review=needs_review(handoff), output=out_path, final=final)

    def _duplicate(self, claimed: Path, sha: str, known: IndexEntry, started: float) -> DocResult:
        name = claimed.name
        final = self._reserve(self.folders.done, name)
        note = {"status": "duplicate", "sha256": sha, "file": display_name(name),
                "original": known.source, "output": known.output, "time": utc_now()}
        atomic_write_text(final.parent / fit_name(final.name, ".duplicate.json"),
                          json.dumps(note, indent=2, ensure_ascii=False) + "\n")
        self._file_away(claimed, final)
        return DocResult(name, "duplicate", sha, seconds=time.monotonic() - started,
                         output=self.folders.out / known.output, final=final)

    def _fail(self, claimed: Path, sha: str | None, code: str, message: str, stage: str,
              started: float) -> DocResult:
        name = claimed.name
        final = self._reserve(self.folders.failed, name)
        note = ErrorNote(code=code, message=message, stage=stage, file=display_name(name),
                         sha256=sha, time=utc_now())
        atomic_write_text(final.parent / fit_name(final.name, ".error.json"), note.to_json())
        if self.recorder is not None:
            self.recorder.save_failure(sha256=sha, source_name=display_name(name), code=code,
                                       message=message, stage=stage)
        self._file_away(claimed, final)
        return DocResult(name, "failed", sha, seconds=time.monotonic() - started, code=code,
                         message=message, stage=stage, final=final)


class StabilityTracker:
    """Says which inbox files kept the same size and mtime for ``stable_seconds``.

    A file is ready when two scans ``stable_seconds`` apart saw the same size and mtime, or,
    sooner, when two scans agree and its mtime is already ``stable_seconds`` old (a file that
    was renamed into the inbox complete: nothing has written to it for that long).
    """

    def __init__(self, stable_seconds: float, clock: Callable[[], float] = time.monotonic,
                 wall: Callable[[], float] = time.time) -> None:
        self.stable_seconds = stable_seconds
        self.clock = clock
        self.wall = wall
        self._seen: dict[str, tuple[tuple[int, int], float]] = {}

    def observe(self, folder: Path) -> list[str]:
        """Scan ``folder`` once; return the names that are ready to be claimed."""
        now, wall_ns = self.clock(), int(self.wall() * 1e9)
        current: dict[str, tuple[int, int]] = {}
        with os.scandir(folder) as entries:
            for entry in entries:
                if is_ignored(entry.name):
                    continue
                try:
                    if entry.is_dir(follow_symlinks=False):
                        continue
                    st = entry.stat(follow_symlinks=False)
                except FileNotFoundError:
                    continue
                current[entry.name] = (st.st_size, st.st_mtime_ns)
        ready = []
        seen: dict[str, tuple[tuple[int, int], float]] = {}
        quiet_ns = self.stable_seconds * 1e9
        for name, signature in current.items():
            before = self._seen.get(name)
            unchanged = before is not None and before[0] == signature
            since = before[1] if before is not None and unchanged else now
            seen[name] = (signature, since)
            if now - since >= self.stable_seconds or (
                    unchanged and wall_ns - signature[1] >= quiet_ns):
                ready.append(name)
        self._seen = seen
        return sorted(ready)

    def forget(self, name: str) -> None:
        self._seen.pop(name, None)


class Watcher:
    """The long-lived loop: watch the inbox, claim stable files, process up to N at a time."""

    def __init__(self, intake: Intake, *, workers: int, stop: threading.Event,
                 handler: Callable[[Path, bool], DocResult] | None = None,
                 log: TextIO | None = None, poll_ms: int = 100) -> None:
        self.intake = intake
        self.workers = max(1, workers)
        self.stop = stop
        self.handler = handler or (lambda p, r: intake.handle(p, recovering=r))
        self.log = log or sys.stderr
        self.poll_ms = poll_ms
        self._inflight: set[Future[DocResult]] = set()
        self._lock = threading.Lock()
        self.results: list[DocResult] = []

    def _done(self, claimed: Path, future: Future[DocResult]) -> None:
        try:
            result = future.result()
        except Exception as exc:  # a bug or an I/O error: the file stays in work/ for a restart
            result = DocResult(claimed.name, "error", code="internal_error",
                               message=f"{type(exc).__name__}: {exc}")
        with self._lock:
            self._inflight.discard(future)
            self.results.append(result)
            print(result.log_line(), file=self.log, flush=True)

    def _submit(self, pool: ThreadPoolExecutor, claimed: Path, recovering: bool) -> None:
        future = pool.submit(self.handler, claimed, recovering)
        with self._lock:
            self._inflight.add(future)
        future.add_done_callback(lambda f: self._done(claimed, f))

    def _capacity(self) -> int:
        with self._lock:
            return self.workers - len(self._inflight)

    def run(self) -> None:
        """Run until ``stop`` is set; documents already claimed are finished before returning."""
        import watchfiles

        folders = self.intake.folders
        tracker = StabilityTracker(self.intake.settings.stable_seconds)
        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="intake") as pool:
            for claimed in self.intake.interrupted():
                self._submit(pool, claimed, True)

            def tick() -> None:
                if self.stop.is_set():
                    return
                for name in tracker.observe(folders.inbox):
                    if self.stop.is_set() or self._capacity() <= 0:
                        break
                    claimed = self.intake.claim(name)
                    tracker.forget(name)
                    if claimed is not None:
                        self._submit(pool, claimed, False)

            tick()
            try:
                for _changes in watchfiles.watch(folders.inbox, stop_event=self.stop,
                                                 yield_on_timeout=True, rust_timeout=self.poll_ms,
                                                 debounce=50, step=10, recursive=False,
                                                 raise_interrupt=False):
                    tick()
            except RuntimeError as exc:  # e.g. a non-UTF-8 name the notifier cannot decode
                print(f"handoff watch: file notifications failed ({type(exc).__name__}: {exc}); "
                      "scanning the inbox instead", file=self.log, flush=True)
                while not self.stop.wait(self.poll_ms / 1000):
                    tick()
            # leaving the with-block waits for the documents in hand
