"""Run each document in an isolated worker process with a memory and a wall-clock limit.

A ``Sandbox`` keeps ``settings.workers`` long-lived worker processes (``forkserver`` context on
Linux, ``spawn`` elsewhere). Each worker caps its own address space with ``RLIMIT_AS``
(``settings.memory_limit_mb``), builds the spaCy pipeline once, then reads paths from a pipe and
answers with the handoff JSON or an error triple ``(code, message, stage)``. The parent enforces
the wall-clock limit (``settings.time_limit_s``) and kills a worker that passes it.

What the parent sees is always an ``Outcome``, never an exception:

    the document function returned          -> ok, handoff JSON
    it raised a HandoffError                -> its code / message / stage
    it raised MemoryError                   -> memory
    it raised anything else                 -> internal_error (type and message kept)
    the worker passed the time limit        -> timeout   (worker killed, replaced)
    the worker died (signal, exit)          -> crashed, or memory when the kernel killed it

Workers are recycled after ``settings.max_tasks_per_worker`` documents and after any kill, so a
slow leak or a poisoned heap cannot accumulate. One document's failure never stops the others.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, as_completed
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Literal

from models.errors import HandoffError
from models.handoff import Handoff
from models.settings import Settings

__all__ = ["DocumentFunction", "Outcome", "Sandbox", "process_document", "run_many"]

DocumentFunction = Callable[[Path, Settings, Path | None], Handoff | str]
"""A picklable, module-level function run in the worker: (path, settings, root) -> Handoff."""

_MESSAGE_LIMIT = 2000
_START_TIMEOUT_S = 180.0  # building spaCy on a cold, busy machine can take a while
_STOP_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class Outcome:
    """What happened to one document in the sandbox."""

    path: Path
    status: Literal["ok", "error"]
    seconds: float
    handoff_json: str | None = None
    code: str | None = None
    message: str | None = None
    stage: str | None = None
    worker_pid: int | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def handoff(self) -> Handoff:
        """The parsed handoff of a successful outcome."""
        if self.handoff_json is None:
            raise ValueError(f"no handoff for a failed document ({self.code})")
        return Handoff.model_validate_json(self.handoff_json)


def process_document(path: Path, settings: Settings, root: Path | None) -> Handoff:
    """The default document function: the plain pipeline."""
    from extractors.pipeline import process_path

    handoff = process_path(path, settings, root=root)
    name = handoff.document.file_name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # a non-UTF-8 file name: keep its bytes visible, never crash JSON
        from extractors.outputs import display_name

        handoff.document.file_name = display_name(name)
    return handoff


def _warm_up(settings: Settings) -> None:
    """Build the spaCy pipeline once per worker, before the first document."""
    try:
        from extractors.nlp import get_nlp

        get_nlp(settings)
    except Exception as exc:  # the document run reports the real error, with its file
        print(f"handoff: worker warm-up failed: {type(exc).__name__}: {exc}", file=sys.stderr)


# --- the worker (child process) -----------------------------------------------------------------
def _limit_memory(limit_mb: int) -> None:
    try:
        import resource
    except ImportError:  # not POSIX: the wall-clock limit still applies
        return
    limit = limit_mb * 1024 * 1024
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _die_with_parent() -> None:
    """Linux: if the process that owns this worker dies, so does the worker."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _clip(text: str) -> str:
    return text if len(text) <= _MESSAGE_LIMIT else text[: _MESSAGE_LIMIT - 1] + "…"


def _run_one(func: DocumentFunction, path: Path, settings: Settings,
             root: Path | None) -> tuple[Any, ...]:
    try:
        result = func(path, settings, root)
        text = result if isinstance(result, str) else result.model_dump_json()
        return ("ok", text)
    except MemoryError:
        return ("error", "memory", "the document needed more memory than the limit allows",
                "process")
    except HandoffError as exc:
        return ("error", exc.code, _clip(exc.message), exc.stage)
    except RecursionError:
        return ("error", "corrupt", "the file's structure nests or refers to itself too deeply",
                "read")
    except Exception as exc:
        return ("error", "internal_error", _clip(f"{type(exc).__name__}: {exc}"), "process")


def _worker_main(conn: Connection, settings_json: str, func: DocumentFunction, warm: bool) -> None:
    """Child process: limit itself, warm up, then answer one path per message until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)  # own process group: a kill also reaches helpers it started (OCR)
    _die_with_parent()
    with contextlib.suppress(OSError):
        os.dup2(2, 1)  # libraries that print must not corrupt the CLI's JSON on stdout
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    settings = Settings.model_validate_json(settings_json)
    _limit_memory(settings.memory_limit_mb)
    if warm:
        with contextlib.suppress(MemoryError):
            _warm_up(settings)
    try:
        conn.send(("ready", os.getpid()))
    except OSError:  # the parent went away while we warmed up
        return
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        raw_path, raw_root = message
        reply = _run_one(func, Path(raw_path), settings, Path(raw_root) if raw_root else None)
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(("error", "memory", "the result needed more memory than the limit allows",
                       "process"))
        except (ValueError, TypeError, UnicodeError) as exc:  # an unserialisable result
            conn.send(("error", "internal_error", _clip(f"{type(exc).__name__}: {exc}"), "process"))


# --- the parent side ----------------------------------------------------------------------------
def _context() -> multiprocessing.context.BaseContext:
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


class _Worker:
    """One child process and its pipe, seen from the parent."""

    def __init__(self, ctx: multiprocessing.context.BaseContext, settings_json: str,
                 func: DocumentFunction, warm: bool) -> None:
        parent_conn, child_conn = ctx.Pipe(duplex=True)
        self.conn: Connection = parent_conn
        self.process = ctx.Process(  # type: ignore[attr-defined]
            target=_worker_main, args=(child_conn, settings_json, func, warm),
            name="handoff-sandbox", daemon=True,
        )
        self.process.start()
        child_conn.close()
        self.tasks = 0
        self.pid: int | None = self.process.pid

    def wait_ready(self, timeout: float) -> bool:
        try:
            if self.conn.poll(timeout):
                tag, _pid = self.conn.recv()
                return bool(tag == "ready")
        except (EOFError, OSError):
            pass
        return False

    def _kill_group(self) -> None:
        """SIGKILL the worker's process group (the worker and any helper it started).

        Called before the worker is reaped, so its pid (and group id) cannot have been reused.
        """
        if self.pid is not None and hasattr(os, "killpg"):
            with contextlib.suppress(OSError):
                if os.getpgid(self.pid) == self.pid:
                    os.killpg(self.pid, signal.SIGKILL)

    def kill(self) -> None:
        self._kill_group()
        with contextlib.suppress(Exception):
            self.process.kill()
        self.process.join(_STOP_TIMEOUT_S)
        with contextlib.suppress(Exception):
            self.conn.close()

    def stop(self) -> None:
        """Ask the worker to leave; kill it if it does not."""
        with contextlib.suppress(Exception):
            self.conn.send(None)
        self.process.join(_STOP_TIMEOUT_S)
        if self.process.is_alive():
            self.kill()
        with contextlib.suppress(Exception):
            self.conn.close()

    def death_outcome(self, path: Path, seconds: float) -> Outcome:
        self._kill_group()  # helpers of a dead worker must not run on
        self.process.join(_STOP_TIMEOUT_S)
        code = self.process.exitcode
        if code is not None and code < 0 and -code == signal.SIGKILL:
            return Outcome(path, "error", seconds, code="memory", stage="process",
                           worker_pid=self.pid,
                           message="the worker was killed (SIGKILL), most likely by the system "
                                   "running out of memory")
        how = (f"signal {signal.Signals(-code).name}" if code is not None and code < 0
               else f"exit code {code}")
        return Outcome(path, "error", seconds, code="crashed", stage="process",
                       worker_pid=self.pid,
                       message=f"the worker processing this document died ({how})")


@dataclass
class _Job:
    path: Path
    root: Path | None
    future: Future[Outcome]


class Sandbox:
    """A pool of isolated worker processes; ``submit`` a path, get a ``Future[Outcome]``."""

    def __init__(self, settings: Settings, *, workers: int | None = None,
                 func: DocumentFunction | None = None, warm_up: bool | None = None) -> None:
        self.settings = settings
        self.workers = max(1, workers or settings.workers)
        self._func: DocumentFunction = func or process_document
        self._warm = func is None if warm_up is None else warm_up
        self._settings_json = settings.model_dump_json()
        self._ctx = _context()
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._closed = False
        self._lock = threading.Lock()
        self.recycled = 0
        self._threads = [
            threading.Thread(target=self._slot, name=f"sandbox-slot-{i}", daemon=True)
            for i in range(self.workers)
        ]
        for thread in self._threads:
            thread.start()

    # public API
    def submit(self, path: Path, root: Path | None = None) -> Future[Outcome]:
        """Queue one document; the future always resolves to an Outcome."""
        with self._lock:
            if self._closed:
                raise RuntimeError("sandbox is closed")
            future: Future[Outcome] = Future()
            self._jobs.put(_Job(Path(path), Path(root) if root else None, future))
        return future

    def run(self, path: Path, root: Path | None = None) -> Outcome:
        """Process one document and wait for its outcome."""
        return self.submit(path, root).result()

    def close(self, *, cancel_pending: bool = False) -> None:
        """Stop the workers after the queued documents (or cancel those not started)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        if cancel_pending:
            while True:
                try:
                    job = self._jobs.get_nowait()
                except queue.Empty:
                    break
                if job is not None:
                    job.future.cancel()
        for _ in self._threads:
            self._jobs.put(None)
        for thread in self._threads:
            thread.join()

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # internals
    def _start(self) -> _Worker | None:
        try:
            worker = _Worker(self._ctx, self._settings_json, self._func, self._warm)
        except Exception as exc:  # cannot fork, no pipes left …: the job gets an Outcome
            print(f"handoff: cannot start a sandbox worker: {type(exc).__name__}: {exc}",
                  file=sys.stderr)
            return None
        if worker.wait_ready(max(_START_TIMEOUT_S, self.settings.time_limit_s)):
            return worker
        worker.kill()
        return None

    def _slot(self) -> None:
        worker: _Worker | None = self._start()  # warm up before the first document arrives
        try:
            while True:
                job = self._jobs.get()
                if job is None:
                    return
                if not job.future.set_running_or_notify_cancel():
                    continue
                if worker is None:
                    worker = self._start()
                if worker is None:
                    job.future.set_result(Outcome(
                        job.path, "error", 0.0, code="crashed", stage="process",
                        message="the worker process could not start"))
                    continue
                try:
                    outcome, healthy = self._execute(worker, job)
                except Exception as exc:  # never leave a future unresolved
                    outcome = Outcome(job.path, "error", 0.0, code="crashed", stage="process",
                                      message=f"sandbox error: {type(exc).__name__}: {exc}")
                    healthy = False
                worker.tasks += 1
                if not healthy or worker.tasks >= self.settings.max_tasks_per_worker:
                    if healthy:
                        worker.stop()
                    else:
                        worker.kill()
                    worker = None
                    self.recycled += 1
                job.future.set_result(outcome)
        finally:
            if worker is not None:
                worker.stop()

    def _execute(self, worker: _Worker, job: _Job) -> tuple[Outcome, bool]:
        """Send one path, wait at most the time limit; (outcome, worker still usable)."""
        started = time.monotonic()
        limit = self.settings.time_limit_s
        try:
            worker.conn.send((str(job.path), str(job.root) if job.root else None))
            ready = worker.conn.poll(limit)
            reply = worker.conn.recv() if ready else None
        except (EOFError, OSError, BrokenPipeError):
            return worker.death_outcome(job.path, time.monotonic() - started), False
        seconds = time.monotonic() - started
        if reply is None:
            worker.kill()
            return Outcome(job.path, "error", seconds, code="timeout", stage="process",
                           worker_pid=worker.pid,
                           message=f"processing took longer than the {limit:g} s limit"), False
        if reply[0] == "ok":
            ok = Outcome(job.path, "ok", seconds, handoff_json=reply[1], worker_pid=worker.pid)
            return ok, True
        _tag, code, message, stage = reply
        outcome = Outcome(job.path, "error", seconds, code=code, message=message, stage=stage,
                          worker_pid=worker.pid)
        return outcome, code != "memory"  # a worker that ran out of memory is not trusted again


def run_many(paths: Iterable[Path], settings: Settings, *, root: Path | None = None,
             func: DocumentFunction | None = None) -> Iterator[Outcome]:
    """Process documents in a fresh pool of ``settings.workers``; yield outcomes as they end."""
    with Sandbox(settings, func=func) as box:
        futures = [box.submit(path, root) for path in paths]
        for future in as_completed(futures):
            yield future.result()
