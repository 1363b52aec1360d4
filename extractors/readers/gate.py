"""The gate every file passes before a parser sees it.

Checks are made on the file itself, not on its name: a regular file (``lstat``: no symlink,
FIFO, device or directory; a FIFO is never opened), inside ``root`` once resolved, not empty,
under the size cap, and of a type sniffed from its first bytes. The bytes are read once here,
through a descriptor opened with ``O_NOFOLLOW``/``O_NONBLOCK`` and checked again with ``fstat``,
so the file cannot be swapped between the check and the read.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from models.errors import (
    EmptyFile,
    FileNotFound,
    NotARegularFile,
    OutsideFolder,
    TooLarge,
    UnsupportedType,
)
from models.settings import Settings

__all__ = [
    "DOCX_TYPE",
    "PDF_TYPE",
    "Gated",
    "gate",
    "safe_file_name",
    "sniff_type",
]

PDF_TYPE = "application/pdf"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)


@dataclass(frozen=True, slots=True)
class Gated:
    """A file that passed the gate: its bytes, digest, sniffed type and printable name."""

    path: Path
    data: bytes
    sha256: str
    media_type: str
    file_name: str


def safe_file_name(path: Path | str | bytes) -> str:
    """The file's name as JSON-safe text: undecodable bytes become U+FFFD, never an error."""
    name = os.fsdecode(os.path.basename(path))
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in name)


def _check_inside(path: Path, root: Path) -> None:
    try:
        resolved = path.resolve(strict=True)
        base = root.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "symlink loop"
        raise FileNotFound(f"cannot resolve the path: {reason}", path=safe_file_name(path)) from None
    if resolved != base and base not in resolved.parents:
        raise OutsideFolder("the file lies outside the allowed folder", path=safe_file_name(path))


def _lstat(path: Path) -> os.stat_result:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        raise FileNotFound("the file does not exist", path=safe_file_name(path)) from None
    except OSError as exc:
        raise FileNotFound(f"cannot inspect the file: {exc.strerror}",
                           path=safe_file_name(path)) from None


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _read_checked(path: Path, st: os.stat_result, cap: int) -> bytes:
    name = safe_file_name(path)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise NotARegularFile(f"cannot open the file safely: {exc.strerror}", path=name) from None
    try:
        fst = os.fstat(fd)
        if not stat.S_ISREG(fst.st_mode) or (fst.st_ino, fst.st_dev) != (st.st_ino, st.st_dev):
            raise NotARegularFile("the file changed while it was being opened", path=name)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(cap + 1)
    finally:
        os.close(fd)
    if len(data) > cap:
        raise TooLarge(f"the file is larger than the {cap // (1024 * 1024)} MB limit", path=name)
    return data


def sniff_type(data: bytes, name: str = "") -> str:
    """Media type from the bytes; raises ``UnsupportedType`` with a sentence a user can act on."""
    head = data[:1024]
    if b"%PDF-" in head:
        return PDF_TYPE
    if data[:4] == b"PK\x03\x04" or data[:4] == b"PK\x05\x06":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
                NotImplementedError):  # a zip version or feature zipfile cannot read
            from models.errors import Corrupt

            raise Corrupt("the file looks like a zip archive but cannot be opened (truncated or "
                          "damaged)", path=name) from None
        if "word/document.xml" in names:
            return DOCX_TYPE
        if "xl/workbook.xml" in names:
            raise UnsupportedType("the file is an Excel workbook (.xlsx); only PDF and DOCX are "
                                  "read", path=name)
        if "mimetype" in names and b"opendocument" in data[:200]:
            raise UnsupportedType("the file is an OpenDocument file (.odt/.ods); save it as "
                                  ".docx or PDF and try again", path=name)
        if "ppt/presentation.xml" in names:
            raise UnsupportedType("the file is a PowerPoint deck (.pptx); only PDF and DOCX are "
                                  "read", path=name)
        raise UnsupportedType("the file is a zip archive, not a Word document", path=name)
    if data.startswith(_OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            from models.errors import Encrypted

            raise Encrypted("the Office document is password-protected", path=name)
        raise UnsupportedType(
            "the file is a legacy Word 97-2003 (.doc) or other OLE document, whatever its name "
            "says; save it as .docx or PDF and try again", path=name)
    for magic, what in _MAGICS:
        if data.startswith(magic):
            raise UnsupportedType(f"the file is {what}, not a PDF or DOCX (its name does not "
                                  "decide its type)", path=name)
    raise UnsupportedType("the file is neither a PDF nor a DOCX document", path=name)


def gate(path: Path, settings: Settings, root: Path | None = None) -> Gated:
    """Check ``path`` and return its bytes; every refusal is a typed ``InputError``."""
    path = Path(path)
    name = safe_file_name(path)
    st = _lstat(path)
    if not stat.S_ISREG(st.st_mode):
        raise NotARegularFile(f"the path is {_kind(st.st_mode)}, not a regular file", path=name)
    if root is not None:
        _check_inside(path, Path(root))
    cap = int(settings.max_file_mb * 1024 * 1024)
    if st.st_size > cap:
        raise TooLarge(f"the file is {st.st_size / 1048576:.1f} MB, over the "
                       f"{settings.max_file_mb:g} MB limit", path=name)
    if st.st_size == 0:
        raise EmptyFile("the file is empty (0 bytes)", path=name)
    data = _read_checked(path, st, cap)
    if not data:
        raise EmptyFile("the file is empty (0 bytes)", path=name)
    media_type = sniff_type(data, name)
    return Gated(path=path, data=data, sha256=hashlib.sha256(data).hexdigest(),
                 media_type=media_type, file_name=name)
