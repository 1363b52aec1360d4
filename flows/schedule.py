"""Serve the batch flow as a Prefect deployment on a cron schedule, or put it on a work pool.

``serve_batch``: ``flow.serve`` registers the deployment with the Prefect API in use (the
embedded one by default, or the server named by ``PREFECT_API_URL``) and runs its scheduled and
manually triggered runs in this process until it is stopped. The entry point is the module path
``flows.batch``, so the runs work from any working directory.

``deploy_to_pool``: registers the same deployment on a Prefect work pool (for a Prefect server
with workers on other machines, ``prefect worker start --pool NAME``); the code is found by
every worker at the same path (a shared install), and nothing here runs it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect.client.schemas.schedules import CronSchedule
from prefect.schedules import Cron
from prefect.types.entrypoint import EntrypointType
from pydantic import ValidationError

from flows.batch import batch_flow

__all__ = ["DEFAULT_NAME", "batch_parameters", "deploy_to_pool", "serve_batch", "valid_cron"]

DEFAULT_NAME = "nightly"


def valid_cron(cron: str, timezone: str | None = None) -> bool:
    """Whether Prefect accepts this cron expression (and time zone)."""
    try:
        CronSchedule(cron=cron, timezone=timezone)
    except ValidationError:
        return False
    return True


def batch_parameters(source: Path, out: Path, *, workers: int | None = None,
                     force: bool = False, db_url: str | None = None) -> dict[str, Any]:
    """The deployment's parameters: absolute paths, since runs start in another directory."""
    params: dict[str, Any] = {"source": str(source.resolve()), "out": str(out.resolve()),
                              "force": force}
    if workers is not None:
        params["workers"] = workers
    if db_url is not None:
        params["db_url"] = db_url
    return params


def serve_batch(source: Path, out: Path, *, cron: str, name: str = DEFAULT_NAME,
                timezone: str | None = None, workers: int | None = None, force: bool = False,
                db_url: str | None = None, limit: int | None = 1) -> None:
    """Register the deployment ``handoff-batch/<name>`` and serve it (blocks until stopped)."""
    batch_flow.serve(
        name=name,
        schedules=[Cron(cron, timezone=timezone)],
        parameters=batch_parameters(source, out, workers=workers, force=force, db_url=db_url),
        description=f"handoff batch of {source} into {out}",
        tags=["handoff"],
        limit=limit,
        entrypoint_type=EntrypointType.MODULE_PATH,
    )


def deploy_to_pool(source: Path, out: Path, *, pool: str, cron: str | None,
                   name: str = DEFAULT_NAME, timezone: str | None = None,
                   workers: int | None = None, force: bool = False,
                   db_url: str | None = None) -> str:
    """Register ``handoff-batch/<name>`` on work pool ``pool``; returns the deployment id."""
    code_root = Path(__file__).resolve().parent.parent  # the folder that holds flows/
    deployable: Any = batch_flow.from_source(source=str(code_root),
                                             entrypoint="flows/batch.py:batch_flow")
    deployment_id = deployable.deploy(
        name=name,
        work_pool_name=pool,
        schedules=[Cron(cron, timezone=timezone)] if cron else None,
        parameters=batch_parameters(source, out, workers=workers, force=force, db_url=db_url),
        description=f"handoff batch of {source} into {out}",
        tags=["handoff"],
        build=False,
        push=False,
        print_next_steps=False,
        ignore_warnings=True,
    )
    return str(deployment_id)
