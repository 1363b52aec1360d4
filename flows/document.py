"""The ``handoff-document`` flow: one flow run per document of ``handoff watch --prefect``.

The watcher stays one long-lived process (Prefect starts once); each claimed file becomes a
flow run with a single task that runs the plain intake step (sandbox, outputs, store, move) and
a markdown artifact of what was extracted. Parameters sent to the Prefect API are only a token
and the file's display name: a raw file name may not be valid UTF-8.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from extractors.intake import DocResult, Intake
from extractors.outputs import display_name, summary_markdown
from models.handoff import Handoff

__all__ = ["document_flow", "prefect_handler"]

_lock = threading.Lock()
_pending: dict[str, tuple[Intake, Path, bool]] = {}


@task(name="handle-document", cache_policy=NO_CACHE, task_run_name="{name}")
def handle_document(token: str, name: str) -> DocResult:
    with _lock:
        intake, claimed, recovering = _pending.pop(token)
    result = intake.handle(claimed, recovering=recovering)
    if result.status == "processed" and result.sha256 and result.output and result.output.exists():
        handoff = Handoff.model_validate_json(result.output.read_text(encoding="utf-8"))
        create_markdown_artifact(key=f"handoff-{result.sha256[:16]}",
                                 markdown=summary_markdown(handoff, source=name),
                                 description=f"handoff of {name}")
    return result


@flow(name="handoff-document", flow_run_name="{name}")
def document_flow(token: str, name: str) -> DocResult:
    """Process one claimed file of the watched folder."""
    result: DocResult = handle_document(token, name)
    return result


def prefect_handler(intake: Intake) -> Callable[[Path, bool], DocResult]:
    """A watcher handler that runs each document as a ``handoff-document`` flow run."""

    def handler(claimed: Path, recovering: bool) -> DocResult:
        token = uuid.uuid4().hex
        with _lock:
            _pending[token] = (intake, claimed, recovering)
        result: DocResult = document_flow(token, display_name(claimed.name))
        return result

    return handler
