"""Helpers of the flows tests: real PDF/DOCX files, bounded waiting, a running ``handoff watch``.

Documents are generated here with reportlab and python-docx (no binary blobs in the repo).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

PROPOSAL = [
    "PROPOSAL {n}",
    "Prepared for: Riverside Dental Clinic",
    "Contractor: Northwind Builders LLC",
    "Project: Suite {n} Renovation",
    "Proposal date: March 3, 2026",
    "Scope of Work",
    "Demolition of existing partitions and installation of new drywall.",
    "Exclusions",
    "Asbestos abatement is excluded.",
    "Total Price: $12,500.00",
    "Payment Schedule: 50% deposit, 50% on completion.",
]


def proposal_lines(n: int) -> list[str]:
    return [line.format(n=n) for line in PROPOSAL]


def make_pdf(path: Path, n: int = 1, pages: int = 1) -> Path:
    """A small text PDF; ``n`` makes its bytes (and sha256) distinct."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    for page in range(pages):
        y = 720
        for line in proposal_lines(n):
            c.drawString(72, y, line)
            y -= 18
        c.drawString(72, 60, f"Page {page + 1}")
        c.showPage()
    c.save()
    return path


def make_docx(path: Path, n: int = 1) -> Path:
    import docx

    document = docx.Document()
    for line in proposal_lines(n):
        document.add_paragraph(line)
    document.save(str(path))
    return path


def wait_for(predicate: Callable[[], bool], *, timeout: float = 120.0, interval: float = 0.1,
             what: str = "") -> None:
    """Poll until ``predicate`` holds; fail (not hang) after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {what or predicate}")


def files(folder: Path) -> list[str]:
    """Names in a folder, hidden files and error/duplicate notes left out."""
    if not folder.exists():
        return []
    return sorted(n for n in os.listdir(folder)
                  if not n.startswith(".") and not n.endswith((".error.json", ".duplicate.json")))


class WatchProcess:
    """``handoff watch`` as a real child process, its stderr kept in a file."""

    def __init__(self, root: Path, db_url: str, *extra: str,
                 env: dict[str, str] | None = None) -> None:
        self.root = root
        self.log_path = root.parent / f"{root.name}-watch-{time.monotonic_ns()}.log"
        self._log = self.log_path.open("wb")
        environ = dict(os.environ, HANDOFF_DB_URL=db_url, PYTHONUNBUFFERED="1", **(env or {}))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "handoff", "watch", str(root), *extra],
            stdout=subprocess.DEVNULL, stderr=self._log, env=environ, cwd=root.parent,
        )
        wait_for(lambda: "watching" in self.log() or self.proc.poll() is not None,
                 timeout=180, what="the watcher to start")
        assert self.proc.poll() is None, self.log()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait(self, timeout: float = 120.0) -> int:
        try:
            return self.proc.wait(timeout)
        finally:
            self._log.close()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.wait()


