"""The ``handoff-batch`` flow: plan, one task per document, report, artifacts.

The flow plans in its own process (``extractors.batch.plan_batch``), maps one
``process-document`` task over the documents to process, and writes the report. Each task hands
its document to a ``Sandbox`` of the process it runs in (threads of the flow process by default,
Dask workers with ``dask_address``), so the time/memory limits hold everywhere. Each processed
document becomes a markdown artifact (key fields and flags) visible in a Prefect UI.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from pathlib import Path
from typing import Any

from prefect import flow, task, unmapped
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from extractors.batch import BatchItem, plan_batch, reject_result, run_item, write_report
from extractors.intake import DocResult, Recorder
from extractors.outputs import display_name, summary_markdown, utc_now
from extractors.sandbox import Sandbox
from models.handoff import Handoff
from models.settings import Settings, load_settings

__all__ = ["batch_flow", "close_resources", "process_document", "run_batch"]

_lock = threading.Lock()
_resources: dict[tuple[str, int], tuple[Sandbox, Recorder | None]] = {}


def _resources_for(settings_json: str, workers: int,
                   store: bool) -> tuple[Sandbox, Recorder | None]:
    """One sandbox (and store connection) per process, shared by the tasks running in it."""
    key = (settings_json, workers if store else -workers)
    with _lock:
        if key not in _resources:
            settings = Settings.model_validate_json(settings_json)
            recorder: Recorder | None = None
            if store:
                from store import open_store

                recorder = open_store(settings.database_url)
            size = workers or os.cpu_count() or 1
            _resources[key] = (Sandbox(settings, workers=size), recorder)
        return _resources[key]


def close_resources() -> None:
    """Stop the sandboxes and close the stores this process opened."""
    with _lock:
        items = list(_resources.values())
        _resources.clear()
    for sandbox, recorder in items:
        sandbox.close(cancel_pending=True)
        if recorder is not None:
            with contextlib.suppress(Exception):
                recorder.close()  # type: ignore[attr-defined]


def _artifact_key(sha256: str) -> str:
    return f"handoff-{sha256[:16]}"


@task(name="process-document", cache_policy=NO_CACHE, task_run_name="{item.relative}")
def process_document(item: BatchItem, out: str, source: str, settings_json: str,
                     sandbox_workers: int, store: bool = True) -> DocResult:
    """One document: sandbox, outputs, store, and a markdown artifact of what was extracted."""
    sandbox, recorder = _resources_for(settings_json, sandbox_workers, store)
    result, text = run_item(item, Path(out), Path(source), sandbox, recorder)
    if text is not None and item.sha256:
        handoff = Handoff.model_validate_json(text)
        create_markdown_artifact(key=_artifact_key(item.sha256),
                                 markdown=summary_markdown(handoff, source=item.relative),
                                 description=f"handoff of {display_name(item.relative)}")
    elif result.status == "failed" and item.sha256:
        create_markdown_artifact(
            key=_artifact_key(item.sha256),
            markdown=f"**failed**: `{result.code}` at stage {result.stage}\n",
            description=f"failure of {display_name(item.relative)}")
    return result


def _totals_markdown(summary: dict[str, Any], seconds: float) -> str:
    lines = ["| Documents | Processed | Needs review | Skipped | Duplicates | Failed | Pages "
             "| Seconds |",
             "|---|---|---|---|---|---|---|---|",
             f"| {summary['documents']} | {summary['processed']} | {summary['needs_review']} | "
             f"{summary['skipped']} | {summary['duplicates']} | {summary['failed']} | "
             f"{summary['pages']} | {seconds:.1f} |"]
    if summary["failures_by_code"]:
        lines += ["", "| Failure | Count |", "|---|---|"]
        lines += [f"| {code} | {n} |" for code, n in summary["failures_by_code"].items()]
    return "\n".join(lines) + "\n"


def _passive_results(items: list[BatchItem], out: Path, db_url: str | None) -> list[DocResult]:
    """Results of the files not processed (skipped, duplicate, rejected), recorded in the store."""
    passive = [i for i in items if i.action != "process"]
    if not passive or db_url is None:
        return [reject_result(i, out) for i in passive]
    from store import open_store

    recorder = open_store(db_url)
    try:
        return [reject_result(i, out, recorder) for i in passive]
    finally:
        recorder.close()


@flow(name="handoff-batch")
def batch_flow(source: str, out: str, workers: int | None = None, force: bool = False,
               db_url: str | None = None, store: bool = True,
               time_limit_s: float | None = None, memory_limit_mb: int | None = None,
               sandbox_workers: int | None = None) -> dict[str, Any]:
    """Process every supported document under ``source`` into ``out``; returns the totals."""
    started, clock = utc_now(), time.monotonic()
    settings = load_settings(workers=workers, db_url=db_url, time_limit_s=time_limit_s,
                             memory_limit_mb=memory_limit_mb)
    src, dst = Path(source).resolve(), Path(out).resolve()  # tasks may run elsewhere
    items = plan_batch(src, dst, force=force)
    todo = [i for i in items if i.action == "process"]
    futures = process_document.map(
        todo, out=unmapped(str(dst)), source=unmapped(str(src)),
        settings_json=unmapped(settings.model_dump_json()),
        sandbox_workers=unmapped(settings.workers if sandbox_workers is None else sandbox_workers),
        store=unmapped(store))
    results = _passive_results(items, dst, settings.database_url if store else None)
    for item, future in zip(todo, futures, strict=True):
        try:
            results.append(future.result())
        except Exception as exc:  # a task that broke (not a bad file): the batch goes on
            results.append(DocResult(item.relative, "failed", item.sha256, code="internal_error",
                                     message=f"{type(exc).__name__}: {exc}", stage="process"))
    seconds = time.monotonic() - clock
    summary = write_report(dst, results, source=src, started=started, seconds=seconds,
                           workers=settings.workers)
    create_markdown_artifact(key="handoff-batch-report",
                             markdown=_totals_markdown(summary, seconds),
                             description=f"batch of {display_name(source)}")
    return {"totals": summary, "results": results}


def run_batch(source: Path, out: Path, *, workers: int | None = None, force: bool = False,
              db_url: str | None = None, dask_address: str | None = None, store: bool = True,
              time_limit_s: float | None = None,
              memory_limit_mb: int | None = None) -> dict[str, Any]:
    """Run the batch flow here (threads) or with its tasks on a Dask cluster."""
    options: dict[str, Any] = {"workers": workers, "force": force, "db_url": db_url,
                               "store": store, "time_limit_s": time_limit_s,
                               "memory_limit_mb": memory_limit_mb}
    try:
        if dask_address is None:
            result: dict[str, Any] = batch_flow(str(source), str(out), **options)
            return result
        from prefect_dask.task_runners import DaskTaskRunner

        runner: Any = DaskTaskRunner(address=dask_address)
        # 0: each Dask worker sizes its own sandbox to its machine's cores
        result = batch_flow.with_options(task_runner=runner)(
            str(source), str(out), sandbox_workers=0, **options)
        return result
    finally:
        close_resources()
