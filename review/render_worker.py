"""Render in a child process: ``python -m review.render_worker PDF (sizes | PAGE SCALE)``.

A hostile PDF can make pdfium spin or allocate without end; in a child with a memory cap and a
wall-clock limit (enforced by the parent) it can only fail its own request. Prints the page
sizes as JSON, or the PNG bytes of one page, to stdout; exit 3 for a page that is not there.
"""

from __future__ import annotations

import io
import json
import sys

__all__ = ["MAX_PIXELS", "main"]

MAX_PIXELS = 1800 * 2400
MEMORY_LIMIT = 1 << 30


def _limit_memory() -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    except (ImportError, ValueError, OSError):  # not on this platform: the timeout still holds
        pass


def main(argv: list[str]) -> int:
    _limit_memory()
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(argv[0])
    try:
        if argv[1] == "sizes":
            sizes = [list(pdf.get_page_size(i)) for i in range(len(pdf))]
            sys.stdout.write(json.dumps(sizes))
            return 0
        number, scale = int(argv[1]), float(argv[2])
        if not 1 <= number <= len(pdf):
            return 3
        page = pdf[number - 1]
        w, h = page.get_size()
        fit = (MAX_PIXELS / max(w * h * scale * scale, 1.0)) ** 0.5
        image = page.render(scale=scale * min(1.0, fit)).to_pil()
        buf = io.BytesIO()
        image.save(buf, format="PNG")
        page.close()
        sys.stdout.buffer.write(buf.getvalue())
        return 0
    finally:
        pdf.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
