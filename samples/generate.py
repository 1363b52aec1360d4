"""Generate labelled sample documents: ``python -m samples.generate OUTDIR [--count N] [--seed S]``.

Each of N specs is drawn from its own generator seeded by (seed, index), so adding documents
never changes the earlier ones. Every spec is written as a PDF and a DOCX, each with a
``<stem>.gold.json`` beside it; the first ``--scans`` short ones are also written as an
image-only "scanned" PDF, which only OCR can read. Same seed, same files, byte for byte.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from samples.build import build_spec
from samples.compose import compose
from samples.gold import gold_for
from samples.render_docx import render_docx
from samples.render_pdf import render_pdf
from samples.scan import scan_pdf
from samples.spec import Spec

__all__ = ["DEFAULT_COUNT", "DEFAULT_SCANS", "DEFAULT_SEED", "generate", "main", "spec_for"]

DEFAULT_SEED = 2026
DEFAULT_COUNT = 20
DEFAULT_SCANS = 2
MAX_SCAN_PAGES = 2
FORMATS = ("pdf", "docx")


def spec_for(seed: int, index: int) -> Spec:
    """The spec of document ``index`` in the corpus of ``seed``."""
    spec = build_spec(random.Random(f"handoff-samples:{seed}:{index}"), index)
    spec.stem = f"{index + 1:02d}-{spec.kind.replace('_', '')}-{spec.trade.replace('_', '')}"
    return spec


def _write_gold(out_dir: Path, stem: str, gold: dict[str, object]) -> None:
    (out_dir / f"{stem}.gold.json").write_text(
        json.dumps(gold, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def _pages(path: Path) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


_OURS = re.compile(r"^\d{2,}-[a-z]+-[a-z]+-(pdf|docx|scan)\.(pdf|docx|gold\.json)$")


def _remove_stale(out_dir: Path) -> None:
    """Drop files an earlier run of the generator wrote (only names it would write)."""
    for path in out_dir.iterdir():
        if path.is_file() and _OURS.match(path.name):
            path.unlink()


def generate(
    out_dir: Path,
    count: int = DEFAULT_COUNT,
    seed: int = DEFAULT_SEED,
    formats: Sequence[str] = FORMATS,
    scans: int = DEFAULT_SCANS,
) -> list[Path]:
    """Write ``count`` specs in every format to ``out_dir`` (replacing files an earlier run
    wrote there); returns the document paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale(out_dir)
    written: list[Path] = []
    scanned = 0
    for index in range(count):
        spec = spec_for(seed, index)
        lay = compose(spec)
        title = f"{spec.kind} {spec.stem}"
        for fmt in formats:
            stem = f"{spec.stem}-{fmt}"
            path = out_dir / f"{stem}.{fmt}"
            if fmt == "pdf":
                render_pdf(lay, path, title=title, a4=spec.currency in ("GBP", "EUR"))
            else:
                render_docx(
                    lay,
                    path,
                    title=title,
                    styled_headings=spec.choices["docx_headings"] % 3 != 0,
                    letterhead_in_header=spec.choices["letterhead"] % 4 == 1,
                )
            _write_gold(out_dir, stem, gold_for(spec, lay, path.name))
            written.append(path)
            if fmt == "pdf" and scanned < scans and _pages(path) <= MAX_SCAN_PAGES:
                scan = out_dir / f"{spec.stem}-scan.pdf"
                scan_pdf(path, scan, seed=f"{seed}:{index}")
                _write_gold(out_dir, scan.stem, gold_for(spec, lay, scan.name))
                written.append(scan)
                scanned += 1
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m samples.generate",
        description="Write varied, labelled proposals/contracts (PDF + DOCX + gold JSON).",
    )
    parser.add_argument("out_dir", type=Path, metavar="OUTDIR")
    parser.add_argument(
        "--count",
        type=int,
        default=DEFAULT_COUNT,
        help=f"number of specs; each gives a PDF and a DOCX (default {DEFAULT_COUNT})",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"default {DEFAULT_SEED}")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma list of pdf,docx")
    parser.add_argument(
        "--scans",
        type=int,
        default=DEFAULT_SCANS,
        help="also write this many short PDFs as image-only scans "
        f"(default {DEFAULT_SCANS}; needs pdf in --formats)",
    )
    args = parser.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]
    bad = [f for f in formats if f not in FORMATS]
    if bad or args.count < 1:
        print(f"generate: error: bad --formats {bad} or --count {args.count}", file=sys.stderr)
        return 2
    paths = generate(args.out_dir, args.count, args.seed, formats, max(0, args.scans))
    print(f"generate: wrote {len(paths)} documents to {args.out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
