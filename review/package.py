"""Approval output: the final package and its brief written to the approved folder.

Files are named by the document's sha256 only — never by the (untrusted) file name — and each is
written to a temporary file in the same folder and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from models.handoff import Handoff
from review.brief import render
from review.gold import gold_file

__all__ = ["package_json", "write_approved"]


def package_json(h: Handoff) -> str:
    return json.dumps(h.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def _atomic_write(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_approved(h: Handoff, approved_dir: Path, *, file_name: str) -> list[Path]:
    """Write ``<sha>.json``, the briefs, the .ics and the gold file; returns their paths."""
    approved_dir.mkdir(parents=True, exist_ok=True)
    stem = h.document.id
    if not stem.isalnum():
        raise ValueError("document id is not a sha256")
    outputs = {
        f"{stem}.json": package_json(h),
        f"{stem}.brief.html": render(h, "html"),
        f"{stem}.brief.md": render(h, "md"),
        f"{stem}.foreman.html": render(h, "foreman"),
        f"{stem}.ics": render(h, "ics"),
        f"{stem}.gold.json": json.dumps(gold_file(h, file_name=file_name), indent=2,
                                        ensure_ascii=False) + "\n",
    }
    paths = []
    for name, text in outputs.items():
        path = approved_dir / name
        _atomic_write(path, text)
        paths.append(path)
    return paths
