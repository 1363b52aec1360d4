"""``handoff batch DIR --out OUT``: every supported document under DIR, in parallel, then a report.

By default the batch runs without Prefect (no server start-up cost): a pool of sandboxed worker
processes does the work, a rich progress bar and the summary table go to stderr, the totals as
JSON to stdout. ``--prefect`` runs the same work as the ``handoff-batch`` flow (one task and one
markdown artifact per document, visible in a Prefect UI); ``--dask-address`` runs that flow's
tasks on a Dask cluster. Exit 0 when the batch ran: failed documents are results, not crashes.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from extractors.intake import DocResult


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", type=Path, help="folder to process (recursively)")
    parser.add_argument("--out", type=Path, required=True, help="folder for the JSON and reports")
    parser.add_argument("--workers", type=int, default=None,
                        help="documents processed in parallel (default: number of cores)")
    parser.add_argument("--force", action="store_true",
                        help="process again documents already in OUT (same sha256)")
    parser.add_argument("--time-limit", type=float, default=None, dest="time_limit_s",
                        help="seconds allowed per document")
    parser.add_argument("--memory-limit", type=int, default=None, dest="memory_limit_mb",
                        help="MiB of memory allowed per document")
    parser.add_argument("--db", default=None, help="review store URL (default: the setting)")
    parser.add_argument("--no-store", action="store_true", help="do not write to the review store")
    parser.add_argument("--prefect", action="store_true",
                        help="run as the Prefect flow 'handoff-batch' (artifacts, Prefect UI)")
    parser.add_argument("--dask-address", default=None, metavar="ADDR",
                        help="run the flow's tasks on this Dask scheduler (implies --prefect)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def _run_plain(args: argparse.Namespace, console: Console) -> dict[str, Any]:
    from concurrent.futures import ThreadPoolExecutor, as_completed

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from extractors.batch import plan_batch, reject_result, run_item, write_report
    from extractors.intake import DocResult
    from extractors.outputs import utc_now
    from extractors.sandbox import Sandbox
    from models.settings import load_settings

    settings = load_settings(workers=args.workers, time_limit_s=args.time_limit_s,
                             memory_limit_mb=args.memory_limit_mb, db_url=args.db)
    started, clock = utc_now(), time.monotonic()
    items = plan_batch(args.dir, args.out, force=args.force)
    recorder = None
    if not args.no_store:
        from store import open_store

        recorder = open_store(settings.database_url)
    results: list[DocResult] = [reject_result(i, args.out, recorder)
                                for i in items if i.action != "process"]
    todo = [i for i in items if i.action == "process"]
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    try:
        with Sandbox(settings) as sandbox, \
                ThreadPoolExecutor(settings.workers, thread_name_prefix="batch") as pool, \
                Progress(*columns, console=console, disable=args.no_progress,
                         transient=True) as progress:
            bar = progress.add_task("documents", total=len(todo))
            futures = {pool.submit(run_item, i, args.out, args.dir, sandbox, recorder): i
                       for i in todo}
            for future in as_completed(futures):
                item = futures[future]
                try:
                    results.append(future.result()[0])
                except Exception as exc:  # an I/O error writing outputs: recorded, batch goes on
                    results.append(DocResult(item.relative, "failed", item.sha256,
                                             code="internal_error", stage="output",
                                             message=f"{type(exc).__name__}: {exc}"))
                progress.advance(bar)
    finally:
        if recorder is not None:
            recorder.close()
    seconds = time.monotonic() - clock
    totals = write_report(args.out, results, source=args.dir, started=started, seconds=seconds,
                          workers=settings.workers)
    return {"totals": totals, "results": results, "seconds": seconds}


def _print_summary(console: Console, results: Sequence[DocResult], totals: dict[str, Any],
                   seconds: float) -> None:
    from rich.table import Table

    from extractors.outputs import display_name

    table = Table(title="handoff batch", show_header=True)
    for column in ("processed", "needs review", "skipped", "duplicates", "failed", "pages",
                   "seconds"):
        table.add_column(column, justify="right")
    table.add_row(str(totals["processed"]), str(totals["needs_review"]), str(totals["skipped"]),
                  str(totals["duplicates"]), str(totals["failed"]), str(totals["pages"]),
                  f"{seconds:.1f}")
    console.print(table)
    failed = sorted((r for r in results if r.status == "failed"), key=lambda r: r.file)
    if failed:
        reasons = Table(title="failed", show_header=True)
        for column in ("file", "code", "message"):
            reasons.add_column(column, overflow="fold")
        for r in failed:
            reasons.add_row(json.dumps(display_name(r.file))[1:-1], r.code or "", r.message or "",
                            )
        console.print(reasons)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    console = Console(stderr=True, markup=False, highlight=False)
    if not args.dir.is_dir():
        print(f"handoff batch: not a folder: {args.dir}", file=sys.stderr)
        return 1
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"handoff batch: cannot create {args.out}: {exc.strerror}", file=sys.stderr)
        return 1
    clock = time.monotonic()
    if args.prefect or args.dask_address:
        from flows.batch import run_batch

        outcome = run_batch(args.dir, args.out, workers=args.workers, force=args.force,
                            db_url=args.db, dask_address=args.dask_address,
                            store=not args.no_store, time_limit_s=args.time_limit_s,
                            memory_limit_mb=args.memory_limit_mb)
        outcome["seconds"] = time.monotonic() - clock
    else:
        outcome = _run_plain(args, console)
    _print_summary(console, outcome["results"], outcome["totals"], outcome["seconds"])
    report = {"out": str(args.out), "report": str(args.out / "report.json"), **outcome["totals"]}
    sys.stdout.write(json.dumps(report, indent=2) + "\n")
    return 0
