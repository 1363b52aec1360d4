"""Real Prefect runs on the session's test server: batch flow, Dask, schedule, pool, watch."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from flowkit import WatchProcess, files, make_docx, make_pdf, wait_for

pytestmark = [pytest.mark.prefect, pytest.mark.slow, pytest.mark.xdist_group("prefect"),
              pytest.mark.usefixtures("prefect_harness")]


def small_tree(root: Path, n: int) -> Path:
    root.mkdir(parents=True)
    make_pdf(root / "alpha.pdf", n=n)
    make_docx(root / "beta.docx", n=n + 1)
    (root / "gamma.pdf").write_bytes(b"not a pdf at all")
    return root


def client() -> Any:
    from prefect.client.orchestration import get_client

    return get_client(sync_client=True)


def latest_flow_run(flow_name: str) -> Any:
    from prefect.client.schemas.filters import FlowFilter, FlowFilterName
    from prefect.client.schemas.sorting import FlowRunSort

    with client() as c:
        runs = c.read_flow_runs(flow_filter=FlowFilter(name=FlowFilterName(any_=[flow_name])),
                                sort=FlowRunSort.START_TIME_DESC, limit=1)
    return runs[0]


def artifacts(key: str) -> list[Any]:
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with client() as c:
        found: list[Any] = c.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])))
    return found


def test_batch_flow_runs_one_task_per_document_with_artifacts(tmp_path: Path) -> None:
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    from flows.batch import run_batch

    src, out = small_tree(tmp_path / "src", 1), tmp_path / "out"
    result = run_batch(src, out, workers=2, db_url=f"sqlite:///{tmp_path / 'store.db'}")
    totals = result["totals"]
    assert (totals["processed"], totals["failed"]) == (2, 1)
    assert json.loads((out / "report.json").read_text())["totals"] == totals

    run = latest_flow_run("handoff-batch")
    assert run.state.is_completed()
    with client() as c:
        tasks = c.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run.id])))
    assert sorted(t.name for t in tasks) == ["alpha.pdf", "beta.docx", "gamma.pdf"]

    sha = json.loads((out / "alpha.json").read_text())["document"]["id"]
    (artifact,) = artifacts(f"handoff-{sha[:16]}")
    assert artifact.type == "markdown"
    assert "| Total |" in artifact.data and "Flags" in artifact.data
    assert artifacts("handoff-batch-report")


def test_batch_flow_tasks_run_on_a_local_dask_cluster(tmp_path: Path) -> None:
    import dask
    from prefect_dask.task_runners import DaskTaskRunner

    from flows.batch import batch_flow, close_resources

    src, out = small_tree(tmp_path / "src", 20), tmp_path / "out"
    runner: Any = DaskTaskRunner(cluster_kwargs={"n_workers": 2, "threads_per_worker": 1,
                                            "processes": True, "dashboard_address": None})
    # Dask workers are daemonic by default and a daemonic process may not start the sandbox's
    # worker processes; a real cluster sets the same (DASK_DISTRIBUTED__WORKER__DAEMON=False).
    with dask.config.set({"distributed.worker.daemon": False}):
        try:
            result = batch_flow.with_options(task_runner=runner)(
                str(src), str(out), db_url=f"sqlite:///{tmp_path / 'store.db'}",
                sandbox_workers=1)
        finally:
            close_resources()
    assert (result["totals"]["processed"], result["totals"]["failed"]) == (2, 1)
    assert sorted(p.name for p in out.glob("*.json")) == ["alpha.json", "beta.json", "report.json"]
    assert (out / "failed" / "gamma.pdf.error.json").exists()


def test_schedule_serves_a_cron_deployment_that_runs_a_real_batch(tmp_path: Path) -> None:
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL

    src, out = small_tree(tmp_path / "src", 40), tmp_path / "out"
    env = dict(os.environ, PREFECT_API_URL=str(PREFECT_API_URL.value()),
               PREFECT_RUNNER_POLL_FREQUENCY="1",
               HANDOFF_DB_URL=f"sqlite:///{tmp_path / 'store.db'}")
    log = (tmp_path / "schedule.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "handoff", "schedule", str(src), "--out", str(out),
         "--cron", "0 2 * * *", "--name", "test-nightly", "--workers", "2"],
        stdout=log, stderr=subprocess.STDOUT, env=env, cwd=tmp_path)
    try:
        def deployed() -> bool:
            assert proc.poll() is None, (tmp_path / "schedule.log").read_text()
            try:
                with client() as c:
                    c.read_deployment_by_name("handoff-batch/test-nightly")
                return True
            except Exception:
                return False

        wait_for(deployed, timeout=180, what="the deployment")
        with client() as c:
            deployment = c.read_deployment_by_name("handoff-batch/test-nightly")
        assert [s.schedule.cron for s in deployment.schedules] == ["0 2 * * *"]
        assert deployment.parameters["source"] == str(src.resolve())

        run: Any = run_deployment("handoff-batch/test-nightly", timeout=300, poll_interval=1)
        assert run.state.is_completed(), (tmp_path / "schedule.log").read_text()
        report = json.loads((out / "report.json").read_text())
        assert (report["totals"]["processed"], report["totals"]["failed"]) == (2, 1)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def test_watch_with_prefect_runs_one_flow_per_document(tmp_path: Path) -> None:
    from prefect.settings import PREFECT_API_URL

    root = tmp_path / "data"
    env_api = str(PREFECT_API_URL.value())
    proc = WatchProcess(root, f"sqlite:///{tmp_path / 'store.db'}", "--prefect", "--workers", "1",
                        "--stable-seconds", "0", env={"PREFECT_API_URL": env_api})
    try:
        make_pdf(tmp_path / "w.pdf", n=60)
        os.replace(tmp_path / "w.pdf", root / "inbox" / "w.pdf")
        wait_for(lambda: files(root / "done") == ["w.pdf"], timeout=180, what="w.pdf done")
        # the file is filed away inside the flow run; the run itself finishes just after
        wait_for(lambda: latest_flow_run("handoff-document").state.is_final(), what="the run")
        run = latest_flow_run("handoff-document")
        assert run.name == "w.pdf" and run.state.is_completed()
        sha = json.loads((root / "out" / "w.json").read_text())["document"]["id"]
        assert artifacts(f"handoff-{sha[:16]}")
    finally:
        proc.proc.send_signal(signal.SIGTERM)
        assert proc.wait() == 0


def test_workers_pulling_from_a_work_pool_run_the_batch(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL

    from handoff.cli import main

    src, out = small_tree(tmp_path / "src", 80), tmp_path / "out"
    with client() as c:
        c.create_work_pool(WorkPoolCreate(name="handoff-test-pool", type="process"))
    assert main(["schedule", str(src), "--out", str(out), "--cron", "0 3 * * *",
                 "--name", "pooled", "--pool", "handoff-test-pool", "--workers", "2",
                 "--db", f"sqlite:///{tmp_path / 'store.db'}"]) == 0
    assert json.loads(capsys.readouterr().out)["deployment"] == "handoff-batch/pooled"
    with client() as c:
        deployment = c.read_deployment_by_name("handoff-batch/pooled")
    assert deployment.work_pool_name == "handoff-test-pool"
    assert [s.schedule.cron for s in deployment.schedules] == ["0 3 * * *"]

    env = dict(os.environ, PREFECT_API_URL=str(PREFECT_API_URL.value()))
    worker = subprocess.Popen(
        [sys.executable, "-m", "prefect", "worker", "start", "--pool", "handoff-test-pool",
         "--type", "process", "--run-once", "--limit", "1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=tmp_path)
    try:
        run: Any = run_deployment("handoff-batch/pooled", timeout=300, poll_interval=1)
        assert run.state.is_completed()
        report = json.loads((out / "report.json").read_text())
        assert (report["totals"]["processed"], report["totals"]["failed"]) == (2, 1)
        assert worker.wait(120) == 0
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
