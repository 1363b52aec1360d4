"""Check a DOCX as a zip archive before any XML parser sees it.

Zip headers can lie, so sizes are measured while inflating: the member count, each member's
declared size, the compression ratio of large members, and the bytes actually produced (the
read stops as soon as the total passes the cap). XML parts may not declare a DOCTYPE or
entities: Office never writes them, and they are how billion-laughs and external-entity attacks
start.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from models.errors import Corrupt, UnsafeContent
from models.settings import Settings

__all__ = ["check_zip"]

_CHUNK = 64 * 1024
# In UTF-8 and in UTF-16 either way round (an XML part may be stored in UTF-16).
_FORBIDDEN = tuple(word.encode(enc) for word in ("<!DOCTYPE", "<!ENTITY")
                   for enc in ("ascii", "utf-16-le", "utf-16-be"))
_RATIO_MIN_SIZE = 1024 * 1024
# An XML part is parsed into a tree about ten times its size; Word's own parts stay far below.
_MAX_XML_PART = 64 * 1024 * 1024


def _scan_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, name: str) -> int:
    """Inflate one member, counting bytes; returns the bytes produced."""
    is_xml = info.filename.lower().endswith((".xml", ".rels", ".vml"))
    produced = 0
    tail = b""
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                break
            produced += len(chunk)
            if produced > budget:
                raise UnsafeContent("the document inflates beyond the allowed size (zip bomb?)",
                                    path=name)
            if is_xml:
                if produced > _MAX_XML_PART:
                    raise UnsafeContent(f"the part {info.filename!r} inflates beyond "
                                        f"{_MAX_XML_PART // 1048576} MB of XML", path=name)
                window = (tail + chunk).upper()
                if any(f in window for f in _FORBIDDEN):
                    raise UnsafeContent(
                        f"the part {info.filename!r} declares a DOCTYPE or entities, which Word "
                        "never writes (entity-expansion attack?)", path=name)
                tail = chunk[-32:]
    return produced


def check_zip(data: bytes, settings: Settings, name: str) -> None:
    """Raise ``UnsafeContent`` or ``Corrupt`` unless the archive is safe to parse."""
    cap = int(settings.max_unzipped_mb * 1024 * 1024)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > settings.max_zip_members:
                raise UnsafeContent(f"the document has {len(infos)} parts, over the limit of "
                                    f"{settings.max_zip_members}", path=name)
            declared = sum(i.file_size for i in infos)
            if declared > cap:
                raise UnsafeContent(f"the document declares {declared / 1048576:.0f} MB of "
                                    f"content, over the {settings.max_unzipped_mb:g} MB limit",
                                    path=name)
            for info in infos:
                if info.file_size >= _RATIO_MIN_SIZE and (
                        info.file_size > settings.max_compression_ratio
                        * max(info.compress_size, 1)):
                    raise UnsafeContent(f"the part {info.filename!r} is compressed "
                                        f"{info.file_size // max(info.compress_size, 1)}:1, "
                                        "a zip bomb's ratio", path=name)
                if info.filename.lower().endswith((".xml", ".rels")) \
                        and info.file_size > _MAX_XML_PART:
                    raise UnsafeContent(f"the part {info.filename!r} declares "
                                        f"{info.file_size // 1048576} MB of XML", path=name)
                if info.flag_bits & 0x1:
                    from models.errors import Encrypted

                    raise Encrypted("the document's parts are encrypted", path=name)
            total = 0
            for info in infos:
                if info.is_dir():
                    continue
                total += _scan_member(zf, info, cap - total, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError,
            NotImplementedError, OSError) as exc:
        raise Corrupt(f"the document's zip structure is damaged ({type(exc).__name__})",
                      path=name) from None
