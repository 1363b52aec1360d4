"""Fixtures of the flows tests: a running ``handoff watch`` and one session-wide Prefect harness.

The Prefect harness (a temporary database behind Prefect's own test server) is started once for
the whole session and only by the tests that ask for it (marked ``prefect``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from flowkit import WatchProcess  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    # known to pytest-xdist; registered here too so `-p no:xdist` runs pass --strict-markers
    config.addinivalue_line("markers", "xdist_group(name): run in the named xdist worker group")


@pytest.fixture
def watch(tmp_path: Path) -> Iterator[Callable[..., WatchProcess]]:
    started: list[WatchProcess] = []

    def start(*extra: str, root: Path | None = None) -> WatchProcess:
        proc = WatchProcess(root or tmp_path / "data", f"sqlite:///{tmp_path / 'store.db'}", *extra)
        started.append(proc)
        return proc

    yield start
    for proc in started:
        proc.kill()


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One Prefect test server and database for every ``prefect`` test of the session."""
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield
