"""A batch over a folder tree: plan, process each document in the sandbox, report.

    plan_batch(source, out)   walk ``source`` (no symlink followed), hash every supported file,
                              decide per file: process, skip (already in OUT's index), duplicate
                              (same bytes as another file of this run) or reject (a link, a pipe)
    run_item(item, ...)       one document: sandbox -> ``OUT/<name>.json`` + store, or
                              ``OUT/failed/<name>.error.json``; never raises for a bad file
    write_report(...)         ``OUT/report.json`` and ``OUT/report.csv``; returns the totals

Planning runs in one place so output names are decided once (``<stem>.json``, or
``<stem>.<sha12>.json`` when another document already has that stem) and stay stable across
runs. The same functions serve the plain ``handoff batch`` and the Prefect batch flow.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from extractors.intake import DocResult, Recorder, is_ignored
from extractors.outputs import (
    ErrorNote,
    Index,
    IndexEntry,
    OutputNames,
    atomic_write_text,
    display_name,
    fit_name,
    needs_review,
    sha256_file,
    utc_now,
)
from extractors.sandbox import Sandbox

__all__ = [
    "BatchItem",
    "SUPPORTED_SUFFIXES",
    "discover",
    "plan_batch",
    "reject_result",
    "run_item",
    "write_report",
]

SUPPORTED_SUFFIXES = (".pdf", ".docx")
INDEX_NAME = ".handoff-index.jsonl"
REPORT_FIELDS = ("file", "status", "sha256", "pages", "seconds", "flags", "needs_review",
                 "code", "message", "stage", "output")


@dataclass(frozen=True)
class BatchItem:
    """One file of the batch and what to do with it."""

    path: Path
    relative: str                 # path under the source folder, as text (display form)
    action: Literal["process", "skip", "duplicate", "reject"]
    sha256: str | None = None
    output: str | None = None     # file name under OUT (process, skip, duplicate)
    code: str | None = None       # reject: why
    message: str | None = None


def _looks_supported(path: Path, name: str) -> bool:
    if name.lower().endswith(SUPPORTED_SUFFIXES):
        return True
    try:  # a PDF without its extension is still a PDF (only regular files reach here)
        with open(path, "rb", opener=lambda p, f: os.open(p, f | os.O_NONBLOCK)) as fh:
            return fh.read(5) == b"%PDF-"
    except OSError:
        return False


def discover(source: Path, *, exclude: Sequence[Path] = ()) -> tuple[list[Path], list[Path]]:
    """Supported regular files under ``source`` and the links/special files met instead.

    No symlink is followed, to a folder or to a file, so nothing outside ``source`` is read.
    """
    skip = {os.path.realpath(p) for p in exclude}
    found: list[Path] = []
    rejected: list[Path] = []
    for folder, dirs, names in os.walk(source, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and os.path.realpath(os.path.join(folder, d)) not in skip)
        for name in sorted(names):
            if is_ignored(name):
                continue
            path = Path(folder) / name
            try:
                mode = os.lstat(path).st_mode
            except FileNotFoundError:
                continue
            if stat.S_ISREG(mode):
                if _looks_supported(path, name):
                    found.append(path)
            elif name.lower().endswith(SUPPORTED_SUFFIXES):
                rejected.append(path)
        for d in list(dirs):  # a link to a folder with a document's name is reported, not walked
            if os.path.islink(os.path.join(folder, d)) and d.lower().endswith(SUPPORTED_SUFFIXES):
                rejected.append(Path(folder) / d)

    def order(p: Path) -> str:
        return os.path.relpath(p, source)
    return sorted(found, key=order), sorted(rejected, key=order)


def plan_batch(source: Path, out: Path, *, force: bool = False) -> list[BatchItem]:
    """Decide, for every file under ``source``, what the batch does with it."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "failed").mkdir(exist_ok=True)
    index = Index(out / INDEX_NAME)
    names = OutputNames({e.output: e.sha256 for e in index})
    found, rejected = discover(source, exclude=[out])
    items: list[BatchItem] = []
    first: dict[str, str] = {}
    for path in found:
        relative = display_name(os.path.relpath(path, source))
        try:
            sha = sha256_file(path)
        except OSError as exc:
            items.append(BatchItem(path, relative, "reject", code="not_found",
                                   message=f"the file could not be read ({exc.strerror})"))
            continue
        known = index.get(sha)
        if sha in first:
            items.append(BatchItem(path, relative, "duplicate", sha, first[sha]))
        elif known is not None and not force and (out / known.output).exists():
            items.append(BatchItem(path, relative, "skip", sha, known.output))
            first[sha] = known.output
        else:
            output = known.output if known is not None else names.choose(path.name, sha)
            items.append(BatchItem(path, relative, "process", sha, output))
            first[sha] = output
    for path in rejected:
        items.append(BatchItem(path, display_name(os.path.relpath(path, source)), "reject",
                               code="not_a_regular_file",
                               message="only regular files are read (symbolic links, pipes and "
                                       "devices are not followed)"))
    return items


def _error_name(item: BatchItem) -> str:
    """``<name>.error.json``; a file in a sub-folder keeps its folders (``a__b.pdf``)."""
    return fit_name(item.relative.replace(os.sep, "__"), ".error.json")


def _write_error(out: Path, item: BatchItem, code: str, message: str, stage: str) -> str:
    name = _error_name(item)
    note = ErrorNote(code=code, message=message, stage=stage, file=item.relative,
                     sha256=item.sha256, time=utc_now())
    atomic_write_text(out / "failed" / name, note.to_json())
    return f"failed/{name}"


def reject_result(item: BatchItem, out: Path, recorder: Recorder | None = None) -> DocResult:
    """The result of a file that is not processed: skipped, duplicate or rejected."""
    if item.action in ("skip", "duplicate"):
        status = "skipped" if item.action == "skip" else "duplicate"
        return DocResult(item.relative, status, item.sha256, output=out / (item.output or ""))
    code, message = item.code or "not_a_regular_file", item.message or ""
    note = _write_error(out, item, code, message, "gate")
    if recorder is not None:
        recorder.save_failure(sha256=None, source_name=item.relative, code=code,
                              message=message, stage="gate")
    return DocResult(item.relative, "failed", None, code=code, message=message, stage="gate",
                     output=out / note)


def run_item(item: BatchItem, out: Path, source: Path, sandbox: Sandbox,
             recorder: Recorder | None = None) -> tuple[DocResult, str | None]:
    """Process one planned document; (result, handoff JSON when processed)."""
    if item.action != "process" or item.sha256 is None or item.output is None:
        return reject_result(item, out, recorder), None
    outcome = sandbox.run(item.path, root=source)
    if not outcome.ok:
        code, message = outcome.code or "internal_error", outcome.message or ""
        stage = outcome.stage or "process"
        note = _write_error(out, item, code, message, stage)
        if recorder is not None:
            recorder.save_failure(sha256=item.sha256, source_name=item.relative, code=code,
                                  message=message, stage=stage)
        return DocResult(item.relative, "failed", item.sha256, seconds=outcome.seconds,
                         code=code, message=message, stage=stage, output=out / note), None
    handoff = outcome.handoff()
    text = handoff.model_dump_json(indent=2) + "\n"
    atomic_write_text(out / item.output, text)
    if recorder is not None:
        recorder.save_extraction(handoff, source_name=item.relative, source_path=str(item.path))
    Index.append(out / INDEX_NAME, IndexEntry(sha256=item.sha256, output=item.output,
                                           source=item.relative, time=utc_now()))
    return DocResult(item.relative, "processed", item.sha256, pages=handoff.document.pages,
                     seconds=outcome.seconds, flags=len(handoff.review.flags),
                     needs_review=needs_review(handoff), output=out / item.output), text


def _row(result: DocResult, out: Path) -> dict[str, Any]:
    output = None
    if result.output is not None:
        output = display_name(os.path.relpath(result.output, out))
    return {"file": display_name(result.file), "status": result.status, "sha256": result.sha256,
            "pages": result.pages, "seconds": round(result.seconds, 3) if result.seconds else None,
            "flags": result.flags, "needs_review": result.needs_review, "code": result.code,
            "message": result.message, "stage": result.stage, "output": output}


def totals(results: Iterable[DocResult]) -> dict[str, Any]:
    rows = list(results)
    counts = Counter(r.status for r in rows)
    return {
        "documents": len(rows),
        "processed": counts["processed"],
        "needs_review": sum(1 for r in rows if r.needs_review),
        "skipped": counts["skipped"],
        "duplicates": counts["duplicate"],
        "failed": counts["failed"],
        "pages": sum(r.pages or 0 for r in rows),
        "failures_by_code": dict(sorted(Counter(r.code for r in rows
                                                if r.status == "failed" and r.code).items())),
    }


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A report cell a spreadsheet shows as text: file names and messages come from outside, and
    a cell starting with ``=``, ``+``, ``-`` or ``@`` would run as a formula in Excel or Calc."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_report(out: Path, results: Sequence[DocResult], *, source: Path, started: str,
                 seconds: float, workers: int) -> dict[str, Any]:
    """Write ``report.json`` and ``report.csv`` under ``out``; return the totals."""
    summary = totals(results)
    rows = [_row(r, out) for r in sorted(results, key=lambda r: r.file)]
    report = {"source": display_name(str(source)), "started": started, "finished": utc_now(),
              "seconds": round(seconds, 3), "workers": workers, "totals": summary,
              "documents": rows}
    atomic_write_text(out / "report.json", json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=REPORT_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
    atomic_write_text(out / "report.csv", buffer.getvalue())
    return summary
