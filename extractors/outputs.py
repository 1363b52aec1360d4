"""Writing results safely: file names from strangers, atomic JSON, error notes, a sha256 index.

File names arrive from the outside and may hold non-UTF-8 bytes, newlines, shell metacharacters
or 255 bytes already. They are only ever used as one path component inside a folder we chose,
never passed to a shell, and shortened (on a character boundary) so that derived names such as
``<name>.error.json`` still fit the file system's limit. In JSON a name is written as text with
undecodable bytes shown as ``\\xNN`` escapes, so every output stays valid UTF-8.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from models.handoff import Handoff, Severity

__all__ = [
    "ErrorNote",
    "Index",
    "IndexEntry",
    "NAME_MAX",
    "OutputNames",
    "atomic_write_text",
    "display_name",
    "fit_name",
    "log_line",
    "needs_review",
    "sha256_file",
    "summary_markdown",
    "unique_path",
    "utc_now",
]

NAME_MAX = 255  # bytes in one path component on Linux file systems


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def display_name(name: str) -> str:
    """A file name as valid text: undecodable bytes become ``\\xNN``, nothing else changes."""
    try:
        raw = os.fsencode(name)
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")


def _component(name: str) -> str:
    """Refuse anything that is not one plain path component."""
    if not name or name in {".", ".."} or "/" in name or "\x00" in name:
        raise ValueError(f"not a single file name: {name!r}")
    return name


def _fs_bytes(name: str) -> bytes:
    try:
        return os.fsencode(name)
    except UnicodeEncodeError as exc:  # a lone surrogate no file system name can produce
        raise ValueError(f"not a file name: {name!r}") from exc


def fit_name(stem: str, suffix: str = "") -> str:
    """``stem + suffix`` shortened on a character boundary to fit ``NAME_MAX`` bytes."""
    budget = NAME_MAX - len(_fs_bytes(suffix))
    while len(_fs_bytes(stem)) > budget:
        stem = stem[:-1]
    return _component(stem + suffix)


def unique_path(folder: Path, name: str,
                taken: Callable[[Path], bool] | None = None) -> Path:
    """``folder/name``, or ``folder/<stem>_<n><ext>`` when that is taken (nothing is replaced).

    ``taken`` adds names to avoid besides existing files (e.g. ones reserved by other threads).
    """
    name = fit_name(name)

    def free(candidate: Path) -> bool:
        return not os.path.lexists(candidate) and not (taken and taken(candidate))

    candidate = folder / name
    if free(candidate):
        return candidate
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext = name, ""
    else:
        ext = "." + ext
    n = 2
    while True:
        candidate = folder / fit_name(stem, f"_{n}{ext}")
        if free(candidate):
            return candidate
        n += 1


def atomic_write_text(path: Path, text: str) -> None:
    """Write a temp file in the same folder, fsync, then ``os.replace`` it onto ``path``."""
    tmp = path.parent / f".tmp-{uuid.uuid4().hex}.part"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class OutputNames:
    """Chooses ``<stem>.json`` per document; another document with that stem gets
    ``<stem>.<sha12>.json``. Seeded from the index so names stay stable across runs."""

    def __init__(self, taken: dict[str, str] | None = None) -> None:
        self._owner: dict[str, str] = dict(taken or {})
        self._lock = threading.Lock()

    def choose(self, file_name: str, sha256: str, suffix: str = ".json") -> str:
        stem = file_name.rpartition(".")[0] or file_name
        with self._lock:
            plain = fit_name(stem, suffix)
            owner = self._owner.get(plain)
            chosen = plain if owner in (None, sha256) else fit_name(stem, f".{sha256[:12]}{suffix}")
            self._owner[chosen] = sha256
            return chosen


def sha256_file(path: Path) -> str:
    """sha256 of a regular file's bytes, read in chunks (the caller checked it is regular)."""
    digest = hashlib.sha256()
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class ErrorNote:
    """The ``<name>.error.json`` written beside a failed file."""

    code: str
    message: str
    stage: str
    file: str
    sha256: str | None
    time: str

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, ensure_ascii=False) + "\n"


def needs_review(handoff: Handoff) -> bool:
    """A document needs a reviewer's attention when a check raised a warning or an error."""
    return any(f.severity in (Severity.warning, Severity.error) for f in handoff.review.flags)


def log_line(*, file: str, sha256: str | None, status: str, pages: int | None = None,
             seconds: float | None = None, flags: int | None = None,
             code: str | None = None) -> str:
    """One line per document for stderr; the name is JSON-quoted so it cannot break the line."""
    parts = [f"file={json.dumps(display_name(file), ensure_ascii=True)}",
             f"sha256={(sha256 or '-')[:12]}", f"status={status}"]
    if code:
        parts.append(f"code={code}")
    parts.append(f"pages={pages if pages is not None else '-'}")
    parts.append(f"seconds={seconds:.2f}" if seconds is not None else "seconds=-")
    parts.append(f"flags={flags if flags is not None else '-'}")
    return " ".join(parts)


# --- sha256 index: what has already been processed --------------------------------------------
@dataclass(frozen=True)
class IndexEntry:
    sha256: str
    output: str
    source: str
    claimed: str | None = None
    time: str = ""
    previous: str | None = None  # sha256 of the earlier version with the same file name


class Index:
    """An append-only JSON-lines file of processed documents, keyed by sha256.

    Appending one flushed line per document keeps it correct across crashes: a line is either
    there (the outputs were written before it) or the document is processed again.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._entries: dict[str, IndexEntry] = {}
        if path.exists():
            with path.open(encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    with contextlib.suppress(ValueError, TypeError):
                        data = json.loads(line)
                        entry = IndexEntry(**data)
                        self._entries[entry.sha256] = entry

    def get(self, sha256: str) -> IndexEntry | None:
        return self._entries.get(sha256)

    def __contains__(self, sha256: object) -> bool:
        return sha256 in self._entries

    def __iter__(self) -> Iterator[IndexEntry]:
        return iter(list(self._entries.values()))

    def add(self, entry: IndexEntry) -> None:
        with self._lock:
            self.append(self.path, entry)
            self._entries[entry.sha256] = entry

    @staticmethod
    def append(path: Path, entry: IndexEntry) -> None:
        """Append one line without reading the index (one short ``O_APPEND`` write)."""
        line = (json.dumps(asdict(entry), ensure_ascii=True) + "\n").encode()
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
        try:
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)


# --- a short markdown view of one handoff (Prefect artifacts) ---------------------------------
_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_{}[]<>()#+!|~"})


def _md(text: object) -> str:
    """Untrusted text as inert markdown: one line, no links, images or HTML."""
    flat = " ".join(str(text).split())
    if len(flat) > 200:
        flat = flat[:199] + "…"
    return flat.translate(_MD_SPECIAL) or "—"


def _value(field: Any) -> str:
    value = getattr(field, "value", None)
    status = getattr(field, "status", None)
    if value is None:
        return _md(status.value if status is not None else "—")
    return _md(str(value))


def summary_markdown(handoff: Handoff, *, source: str | None = None) -> str:
    """Key fields and flags of one document as a markdown table."""
    doc = handoff.document
    rows: list[tuple[str, str]] = [
        ("File", _md(display_name(source or doc.file_name))),
        ("sha256", _md(doc.id[:16])),
        ("Pages", str(doc.pages)),
        ("Client", _value(handoff.parties.client.name)),
        ("Contractor", _value(handoff.parties.contractor.name)),
        ("Project", _value(handoff.parties.project_name)),
        ("Total", _value(handoff.price.total)),
        ("Proposal date", _value(handoff.dates.proposal_date)),
        ("Start", _value(handoff.dates.start)),
        ("Completion", _value(handoff.dates.completion)),
        ("Signed", _md(", ".join(f"{s.party}: {'yes' if s.signed else 'no'}"
                                 for s in handoff.signatures) or "—")),
        ("Completeness", f"{handoff.review.completeness:.0%}"),
    ]
    lines = ["| Field | Value |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in rows]
    lines += ["", f"**Flags ({len(handoff.review.flags)})**", ""]
    if handoff.review.flags:
        lines += ["| Severity | Code | Message |", "|---|---|---|"]
        lines += [f"| {f.severity.value} | {_md(f.code)} | {_md(f.message)} |"
                  for f in handoff.review.flags]
    else:
        lines.append("none")
    return "\n".join(lines) + "\n"
