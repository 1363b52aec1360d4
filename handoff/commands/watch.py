"""``handoff watch DIR``: process every file dropped into DIR/inbox, once, with nothing lost.

Folders (created when missing, each movable by option): DIR/inbox, DIR/work, DIR/out,
DIR/done, DIR/failed. One log line per document goes to stderr. SIGINT/SIGTERM finish the
documents in hand, then stop; a second signal stops at once (claimed files stay in work/ and
are processed again at the next start; sandbox workers die with the watcher).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path
from types import FrameType


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", type=Path,
                        help="data folder holding inbox/, work/, out/, done/, failed/")
    for name in ("inbox", "work", "out", "done", "failed"):
        parser.add_argument(f"--{name}", type=Path, default=None,
                            help=f"use this folder instead of DIR/{name}")
    parser.add_argument("--workers", type=int, default=None,
                        help="documents processed in parallel (default: number of cores)")
    parser.add_argument("--time-limit", type=float, default=None, dest="time_limit_s",
                        help="seconds allowed per document")
    parser.add_argument("--memory-limit", type=int, default=None, dest="memory_limit_mb",
                        help="MiB of memory allowed per document")
    parser.add_argument("--stable-seconds", type=float, default=None,
                        help="a file is taken once its size and mtime held this long")
    parser.add_argument("--db", default=None, help="review store URL (default: the setting)")
    parser.add_argument("--prefect", action="store_true",
                        help="run each document as a Prefect flow run (visible in a Prefect UI)")


def run(args: argparse.Namespace) -> int:
    from extractors.intake import Folders, Intake, Watcher
    from extractors.sandbox import Sandbox
    from models.settings import load_settings
    from store import open_store

    settings = load_settings(workers=args.workers, time_limit_s=args.time_limit_s,
                             memory_limit_mb=args.memory_limit_mb,
                             stable_seconds=args.stable_seconds, db_url=args.db)
    folders = Folders.under(args.dir, inbox=args.inbox, work=args.work, out=args.out,
                            done=args.done, failed=args.failed)
    try:
        folders.create()
    except OSError as exc:
        print(f"handoff watch: cannot create folders: {exc}", file=sys.stderr)
        return 1
    stop = threading.Event()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        if stop.is_set():  # second signal: leave now; work/ is picked up at the next start
            print("handoff watch: stopping now", file=sys.stderr, flush=True)
            os._exit(130)
        print(f"handoff watch: {signal.Signals(signum).name}: finishing documents in hand",
              file=sys.stderr, flush=True)
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)

    store = open_store(settings.database_url)
    sandbox = Sandbox(settings)
    try:
        intake = Intake(folders, settings, sandbox, store)
        handler = None
        if args.prefect:
            from flows.document import prefect_handler

            handler = prefect_handler(intake)
        watcher = Watcher(intake, workers=settings.workers, stop=stop, handler=handler)
        print(f"handoff watch: watching {folders.inbox} with {settings.workers} worker(s)",
              file=sys.stderr, flush=True)
        watcher.run()
    finally:
        sandbox.close(cancel_pending=True)
        store.close()
    print("handoff watch: stopped", file=sys.stderr, flush=True)
    return 0
