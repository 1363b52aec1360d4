"""Typed errors of the pipeline, each with a stable code.

    HandoffError                      code          when
    ├── InputError
    │   ├── NotARegularFile           not_a_regular_file   symlink, FIFO, device, directory
    │   ├── OutsideFolder             outside_folder       path resolves outside the allowed folder
    │   ├── FileNotFound              not_found            the path does not exist
    │   ├── EmptyFile                 empty                zero bytes
    │   ├── TooLarge                  too_large            over a size / page / character cap
    │   ├── UnsupportedType           unsupported_type     bytes are not PDF or DOCX
    │   ├── Encrypted                 encrypted            password-protected
    │   ├── Corrupt                   corrupt              truncated or malformed file
    │   └── UnsafeContent             unsafe_content       zip bomb, DOCTYPE/entities in XML
    ├── NoText                        no_text              nothing readable in the document
    ├── OcrUnavailable (readers.ocr)  ocr_unavailable      Tesseract or its language is missing
    │   └── OcrFailed                 ocr_failed           Tesseract failed on a page
    └── LimitExceeded
        ├── Timeout                   timeout              wall-clock limit passed
        └── OutOfMemory               memory               memory limit passed

Every error carries the context that builds its one-line message, so the CLI, the
error files of the watched folder and the review queue all say the same sentence.
"""

from __future__ import annotations

__all__ = [
    "Corrupt",
    "EmptyFile",
    "Encrypted",
    "FileNotFound",
    "HandoffError",
    "InputError",
    "LimitExceeded",
    "NoText",
    "NotARegularFile",
    "OutOfMemory",
    "OutsideFolder",
    "Timeout",
    "TooLarge",
    "UnsafeContent",
    "UnsupportedType",
    "error_from_code",
]


class HandoffError(Exception):
    """Base of every error the pipeline raises on purpose."""

    code: str = "error"
    stage: str = "read"

    def __init__(self, message: str, *, path: str | None = None, stage: str | None = None):
        self.message = message
        self.path = path
        if stage is not None:
            self.stage = stage
        super().__init__(message)

    def __str__(self) -> str:
        return self.message


class InputError(HandoffError):
    code = "bad_input"
    stage = "gate"


class NotARegularFile(InputError):
    code = "not_a_regular_file"


class OutsideFolder(InputError):
    code = "outside_folder"


class FileNotFound(InputError):
    code = "not_found"


class EmptyFile(InputError):
    code = "empty"


class TooLarge(InputError):
    code = "too_large"


class UnsupportedType(InputError):
    code = "unsupported_type"


class Encrypted(InputError):
    code = "encrypted"
    stage = "read"


class Corrupt(InputError):
    code = "corrupt"
    stage = "read"


class UnsafeContent(InputError):
    code = "unsafe_content"


class NoText(HandoffError):
    code = "no_text"


class LimitExceeded(HandoffError):
    code = "limit_exceeded"
    stage = "process"


class Timeout(LimitExceeded):
    code = "timeout"


class OutOfMemory(LimitExceeded):
    code = "memory"


def _all_subclasses(cls: type[HandoffError]) -> list[type[HandoffError]]:
    out: list[type[HandoffError]] = []
    for sub in cls.__subclasses__():
        out.append(sub)
        out.extend(_all_subclasses(sub))
    return out


def error_from_code(code: str, message: str, **kwargs: str | None) -> HandoffError:
    """Rebuild a typed error from its code (errors cross process boundaries as code + text)."""
    for cls in _all_subclasses(HandoffError):
        if cls.code == code:
            return cls(message, **kwargs)
    err = HandoffError(message, **kwargs)
    err.code = code
    return err
