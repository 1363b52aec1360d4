"""Hostile tests import the corpus builders from ``corpus`` beside this file."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


def pytest_configure(config: pytest.Config) -> None:
    # known to pytest-xdist; registered here too so `-p no:xdist` runs pass --strict-markers
    config.addinivalue_line("markers", "xdist_group(name): run in the named xdist worker group")
