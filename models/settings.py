"""One settings model for the whole product.

Defaults are built in; an optional ``handoff.toml`` (in the working directory, or the file named
by ``HANDOFF_CONFIG``) overrides them, and ``HANDOFF_*`` environment variables override both.
Settings are passed in as an object, never read from module globals.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

__all__ = ["DateOrder", "Settings", "load_settings"]


class DateOrder(str, Enum):
    """How to read an all-numeric date such as 03/04/2026 when the document gives no clue."""

    mdy = "mdy"
    dmy = "dmy"
    ymd = "ymd"


def _default_workers() -> int:
    return max(1, os.cpu_count() or 1)


class Settings(BaseSettings):
    """Every knob of the pipeline, with safe defaults."""

    model_config = SettingsConfigDict(
        env_prefix="HANDOFF_",
        extra="ignore",
        toml_file="handoff.toml",
    )

    data_dir: Path = Field(default=Path("handoff-data"), description="Root of the data folder.")
    db_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the review store; default: SQLite file in the data folder.",
    )
    workers: int = Field(default_factory=_default_workers, ge=1, description="Parallel documents.")
    time_limit_s: float = Field(default=60.0, gt=0, description="Wall-clock limit per document.")
    memory_limit_mb: int = Field(default=1536, ge=128, description="Memory limit per document.")
    max_tasks_per_worker: int = Field(default=50, ge=1, description="Recycle workers after N docs.")
    max_file_mb: float = Field(default=50.0, gt=0, description="Largest file accepted.")
    max_pages: int = Field(default=1000, ge=1, description="Most pages read from one document.")
    max_chars_per_page: int = Field(default=60_000, ge=100, description="Cap on characters/page.")
    max_zip_members: int = Field(default=2000, ge=10)
    max_unzipped_mb: float = Field(default=200.0, gt=0, description="Cap on DOCX inflated size.")
    max_compression_ratio: float = Field(default=200.0, gt=1)
    stable_seconds: float = Field(default=1.0, ge=0, description="Quiet time before intake.")
    default_currency: str = Field(default="USD", min_length=3, max_length=3)
    date_order: DateOrder = Field(default=DateOrder.mdy)
    patterns_dir: Path | None = Field(
        default=None, description="Folder of extra JSONL patterns loaded after the built-in ones."
    )
    ocr: bool = Field(default=True, description="OCR pages without a usable text layer.")
    ocr_dpi: int = Field(default=200, ge=72, le=600)
    ocr_language: str = Field(default="eng")
    verify_amounts: bool = Field(
        default=True, description="Re-read the total of text PDFs by OCR to catch swapped digits.")
    low_confidence: float = Field(default=0.6, ge=0, le=1)
    review_token: str | None = Field(default=None, description="Required off loopback.")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_path = os.environ.get("HANDOFF_CONFIG", "handoff.toml")
        return (
            init_settings,
            env_settings,
            TomlConfigSettingsSource(settings_cls, toml_file=toml_path),
        )

    # Paths of the folder lifecycle and the data folder live here, in one place.
    @property
    def database_url(self) -> str:
        if self.db_url:
            return self.db_url
        return f"sqlite:///{(self.data_dir / 'handoff.sqlite3').resolve()}"

    @property
    def approved_dir(self) -> Path:
        return self.data_dir / "approved"


def load_settings(**overrides: Any) -> Settings:
    """Build settings from defaults, ``handoff.toml``, environment, then explicit overrides."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
