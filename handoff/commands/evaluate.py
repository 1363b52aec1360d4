"""``handoff evaluate DIR…``: per-field precision/recall/F1 of the pipeline against gold files.

Finds every ``*.gold.json`` under the folders, runs the pipeline on the document each one names
(``file``, relative to the gold file), and scores the result (``extractors.evaluate``). The
table goes to stdout, or to stderr when ``--json -`` puts the JSON report on stdout. A document
the pipeline cannot read is scored as all-missed and listed in the report; it does not stop the
run.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from extractors.evaluate import EvaluationReport
    from models.settings import Settings

__all__ = ["add_arguments", "print_misses", "render_table", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "dirs",
        nargs="+",
        type=Path,
        metavar="DIR",
        help="folders searched (recursively) for *.gold.json files",
    )
    parser.add_argument(
        "--json",
        dest="json_out",
        metavar="OUT",
        help="write the JSON report to OUT ('-' = stdout; the table then goes to stderr)",
    )
    parser.add_argument(
        "--fields",
        action="append",
        metavar="GLOB",
        help="only score fields matching GLOB (e.g. 'price.*'); repeat or comma-separate",
    )
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="documents processed in parallel (default: the 'workers' setting)",
    )
    parser.add_argument(
        "--misses",
        action="store_true",
        help="also list every miss (field, expected, predicted) on stderr",
    )


def _gold_files(dirs: list[Path]) -> tuple[list[Path], str | None]:
    found: list[Path] = []
    for d in dirs:
        if not d.is_dir():
            return [], f"not a directory: {d}"
        found.extend(sorted(d.rglob("*.gold.json")))
    if not found:
        return [], f"no *.gold.json files under {', '.join(str(d) for d in dirs)}"
    return found, None


def _fmt(x: float) -> str:
    return f"{x:.3f}"


def render_table(report: EvaluationReport, file: IO[str]) -> None:
    """Print the per-field table (rich) to ``file``."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=file, width=None if file.isatty() else 118)
    table = Table(
        title=f"handoff evaluate: {report.overall.documents} document(s)", title_justify="left"
    )
    for col in ("field", "docs", "TP", "FP", "FN", "P", "R", "F1", "exact", "target"):
        table.add_column(col, justify="left" if col == "field" else "right")
    for s in report.fields:
        target = (
            "" if s.target is None else (("ok " if s.meets_target else "LOW ") + f"{s.target:.2f}")
        )
        table.add_row(
            s.field,
            str(s.documents),
            str(s.tp),
            str(s.fp),
            str(s.fn),
            _fmt(s.precision),
            _fmt(s.recall),
            _fmt(s.f1),
            _fmt(s.exact_match),
            target,
        )
    o = report.overall
    table.add_section()
    table.add_row(
        "overall (micro)",
        str(o.documents),
        str(o.tp),
        str(o.fp),
        str(o.fn),
        _fmt(o.precision),
        _fmt(o.recall),
        _fmt(o.f1),
        "",
        f"{o.targets_met}/{o.targets_total} met",
    )
    console.print(table)
    if len(report.by_kind) > 1:
        kinds = Table(title="by document kind", title_justify="left")
        for col in ("kind", "docs", "errors", "TP", "FP", "FN", "P", "R", "F1"):
            kinds.add_column(col, justify="left" if col == "kind" else "right")
        for k in report.by_kind:
            kinds.add_row(
                k.kind,
                str(k.documents),
                str(k.errors),
                str(k.tp),
                str(k.fp),
                str(k.fn),
                _fmt(k.precision),
                _fmt(k.recall),
                _fmt(k.f1),
            )
        console.print(kinds)
    if o.errors:
        console.print(f"{o.errors} document(s) could not be processed:")
        for d in report.documents:
            if d.error:
                console.print(f"  {d.file}: {d.error}", markup=False)


def _extract(path: Path, settings: Settings) -> tuple[str | None, str | None]:
    """Run the pipeline on one document in a worker: the handoff as JSON (generic pydantic
    models do not pickle), or the one-line reason it failed."""
    from extractors.pipeline import process_path
    from models.errors import HandoffError

    try:
        return process_path(path, settings).model_dump_json(), None
    except HandoffError as exc:
        return None, f"{exc.code}: {exc.message}"
    except Exception as exc:  # a crash on one document is a measured failure, not the end
        return None, f"{type(exc).__name__}: {exc}"


def print_misses(report: EvaluationReport, file: IO[str]) -> None:
    """One line per miss, grouped by document: where to look when a figure drops."""
    import json

    for doc in report.documents:
        if not doc.misses:
            continue
        print(f"{doc.file}:", file=file)
        for m in doc.misses:
            exp = json.dumps(m.expected, ensure_ascii=False)
            got = json.dumps(m.predicted, ensure_ascii=False)
            print(f"  {m.field:<30} {m.outcome:<8} expected {exp} got {got}", file=file)


def run(args: argparse.Namespace) -> int:
    from extractors.evaluate import (
        DocumentResult,
        GoldError,
        aggregate,
        load_gold,
        report_json,
        score_document,
        select_fields,
    )

    patterns = [p.strip() for arg in (args.fields or []) for p in arg.split(",") if p.strip()]
    fields = select_fields(patterns)
    if patterns and not fields:
        print(f"handoff evaluate: error: no field matches {', '.join(patterns)}", file=sys.stderr)
        return 2
    gold_paths, problem = _gold_files(list(args.dirs))
    if problem:
        print(f"handoff evaluate: error: {problem}", file=sys.stderr)
        return 1
    try:
        golds = [(p, load_gold(p)) for p in gold_paths]
    except GoldError as exc:
        print(f"handoff evaluate: error: {exc}", file=sys.stderr)
        return 1

    from models.handoff import Handoff
    from models.settings import load_settings

    settings = load_settings()
    workers = max(1, min(args.workers or settings.workers, len(golds)))
    paths = [gold_path.parent / gold.file for gold_path, gold in golds]
    outputs: Iterator[tuple[str | None, str | None]]
    if workers == 1:
        outputs = map(_extract, paths, [settings] * len(paths))
    else:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=workers)
        outputs = pool.map(_extract, paths, [settings] * len(paths))
    results: list[DocumentResult] = []
    try:
        for i, ((_gold_path, gold), path, (data, error)) in enumerate(
            zip(golds, paths, outputs, strict=True), 1
        ):
            print(f"[{i}/{len(golds)}] {path}" + (f": {error}" if error else ""), file=sys.stderr)
            handoff = Handoff.model_validate_json(data) if data is not None else None
            results.append(score_document(handoff, gold, fields, error=error))
    finally:
        if workers > 1:
            pool.shutdown()

    report = aggregate(results)
    if args.misses:
        print_misses(report, sys.stderr)
    text = report_json(report)
    if args.json_out == "-":
        render_table(report, sys.stderr)
        sys.stdout.write(text)
    else:
        render_table(report, sys.stdout)
        if args.json_out:
            out = Path(args.json_out)
            tmp = out.with_name(out.name + ".tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(out)
            print(f"handoff evaluate: report written to {out}", file=sys.stderr)
    return 0
