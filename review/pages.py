"""Page images for the review page, rendered from the source PDF with pypdfium2.

A page is rendered only from a file that (after resolving symlinks) lies inside one of the
allowed roots (the data folder and any folder the app was given), is a regular file, and still
has the sha256 the document was stored under — otherwise the page shows text evidence only.
pdfium runs in a child process (``review.render_worker``) with a memory cap and a time limit, so
a hostile PDF cannot hang or exhaust the server; results are cached in memory.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

__all__ = ["PageSource", "RenderFailed", "locate_source", "page_sizes", "render_page"]

RENDER_SECONDS = 20.0
_LOCK = threading.Lock()
_RENDERERS = threading.BoundedSemaphore(2)  # at most two pdfium children at a time
_PNG: OrderedDict[tuple[str, int, int, int], bytes] = OrderedDict()
_SIZES: dict[tuple[str, int, int], list[tuple[float, float]]] = {}
_HASHES: dict[tuple[str, int, int], str] = {}
_CACHE_SIZE = 48


class RenderFailed(Exception):
    """pdfium could not render the page in time or within its memory."""


class PageSource:
    """A verified PDF on disk."""

    def __init__(self, path: Path):
        self.path = path
        st = path.stat()
        self.key = (str(path), st.st_size, st.st_mtime_ns)


def _sha256(path: Path, key: tuple[str, int, int]) -> str:
    if key not in _HASHES:
        h = hashlib.sha256()
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        _HASHES[key] = h.hexdigest()
    return _HASHES[key]


def locate_source(source_path: str | None, sha256: str, media_type: str | None,
                  roots: Sequence[Path]) -> PageSource | None:
    """The stored source PDF if it is safe and unchanged; ``None`` means evidence text only."""
    if not source_path or (media_type and media_type != "application/pdf"):
        return None
    try:
        path = Path(source_path).resolve(strict=True)
    except (OSError, RuntimeError, ValueError):
        return None
    if not any(path.is_relative_to(r) for r in roots):
        return None
    try:
        if not path.is_file():
            return None
        source = PageSource(path)
        return source if _sha256(path, source.key) == sha256 else None
    except OSError:
        return None


def _worker(*args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        with _RENDERERS:
            return subprocess.run(
                [sys.executable, "-m", "review.render_worker", *args],
                capture_output=True, timeout=RENDER_SECONDS, check=False,
                cwd=str(Path(__file__).resolve().parents[1]),
            )
    except subprocess.TimeoutExpired:
        raise RenderFailed("rendering took too long") from None


def page_sizes(source: PageSource) -> list[tuple[float, float]]:
    """Width and height in PDF points of every page ([] when pdfium cannot read it)."""
    with _LOCK:
        if source.key in _SIZES:
            return _SIZES[source.key]
    try:
        done = _worker(str(source.path), "sizes")
    except RenderFailed:
        return []
    sizes: list[tuple[float, float]] = []
    if done.returncode == 0:
        try:
            sizes = [(float(w), float(h)) for w, h in json.loads(done.stdout)]
        except (ValueError, TypeError):
            sizes = []
    with _LOCK:
        _SIZES[source.key] = sizes
    return sizes


def render_page(source: PageSource, number: int, *, scale: float = 1.5) -> bytes:
    """PNG bytes of page ``number`` (1-based); ``IndexError`` for a page not there."""
    key = (source.key[0], source.key[2], number, int(scale * 100))
    with _LOCK:
        if key in _PNG:
            _PNG.move_to_end(key)
            return _PNG[key]
    if number < 1:
        raise IndexError(number)
    done = _worker(str(source.path), str(number), str(scale))
    if done.returncode == 3:
        raise IndexError(number)
    if done.returncode != 0 or not done.stdout.startswith(b"\x89PNG"):
        raise RenderFailed("the page could not be rendered")
    with _LOCK:
        _PNG[key] = done.stdout
        while len(_PNG) > _CACHE_SIZE:
            _PNG.popitem(last=False)
    return done.stdout
