"""``handoff extract FILE…``: print the handoff JSON of each file (one JSON document per file,
or a JSON array with ``--array``). Never touches Prefect, the store or the web app."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="PDF or DOCX files")
    parser.add_argument("-o", "--output", default="-",
                        help="file to write, or a folder when several files are given ('-' = stdout)")
    parser.add_argument("--compact", action="store_true", help="one line of JSON per document")
    parser.add_argument("--currency", help="currency of amounts without a symbol (default USD)")
    parser.add_argument("--date-order", choices=["mdy", "dmy", "ymd"],
                        help="reading of 03/04/2026 when the document gives no clue (default mdy)")
    parser.add_argument("--patterns", type=Path, help="folder of extra JSONL patterns")


def run(args: argparse.Namespace) -> int:
    from extractors.pipeline import process_path
    from models.errors import HandoffError
    from models.settings import load_settings

    settings = load_settings(default_currency=args.currency, date_order=args.date_order,
                             patterns_dir=args.patterns)
    out = args.output
    many = len(args.files) > 1
    out_dir = Path(out) if (many and out != "-") else None
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    failures = 0
    for path in args.files:
        started = time.perf_counter()
        try:
            handoff = process_path(path, settings)
        except HandoffError as exc:
            failures += 1
            print(f"handoff: {path}: {exc.code}: {exc.message}", file=sys.stderr)
            continue
        except (RecursionError, MemoryError, OSError) as exc:
            failures += 1
            print(f"handoff: {path}: error: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        indent = None if args.compact else 2
        text = handoff.model_dump_json(indent=indent)
        if out == "-":
            sys.stdout.write(text + "\n")
            sys.stdout.flush()
        else:
            target = (out_dir / f"{path.stem}.json") if out_dir is not None else Path(out)
            tmp = target.with_name(target.name + ".tmp")
            tmp.write_text(text + "\n", encoding="utf-8")
            tmp.replace(target)
        elapsed = time.perf_counter() - started
        print(f"handoff: {path.name}: {handoff.document.pages} page(s), "
              f"{len(handoff.review.flags)} flag(s), completeness {handoff.review.completeness:.0%}, "
              f"{elapsed:.2f}s", file=sys.stderr)
    if failures:
        if many:
            print(f"handoff: {failures} of {len(args.files)} file(s) failed", file=sys.stderr)
        return 1
    return 0


__all__ = ["add_arguments", "run"]
