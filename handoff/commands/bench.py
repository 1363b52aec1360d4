"""``handoff bench``: measure every stage and the bare libraries in one run; print a table on
stderr and the JSON report on stdout (or ``--json FILE``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reps", type=int, default=5, help="repetitions per measure (default 5)")
    parser.add_argument("--long-pdf-pages", type=int, default=300)
    parser.add_argument("--long-docx-pages", type=int, default=100)
    parser.add_argument("--samples", type=Path, default=None,
                        help="folder of sample PDFs/DOCX (default: samples/generated)")
    parser.add_argument("--skip", action="append", default=[], choices=["batch", "watch", "ocr"],
                        help="leave out a slow part")
    parser.add_argument("--json", dest="json_out", default="-", help="where to write the JSON ('-' = stdout)")


def run(args: argparse.Namespace) -> int:
    from handoff.bench import SAMPLES, dump, render_table, run_bench

    if args.reps < 1:
        print("handoff bench: --reps must be at least 1", file=sys.stderr)
        return 2
    report = run_bench(reps=args.reps, long_pdf_pages=args.long_pdf_pages,
                       long_docx_pages=args.long_docx_pages, samples=args.samples or SAMPLES,
                       skip=set(args.skip))
    print(render_table(report), file=sys.stderr)
    text = dump(report) + "\n"
    if args.json_out == "-":
        sys.stdout.write(text)
    else:
        Path(args.json_out).write_text(text, encoding="utf-8")
    return 0
