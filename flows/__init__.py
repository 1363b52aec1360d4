"""Prefect flows: thin orchestration around the plain pipeline (nothing else lives here).

    flows.batch      ``handoff-batch``: one task per document (never per page), a markdown
                     artifact per document, the batch report; local threads or a Dask cluster
    flows.document   ``handoff-document``: one flow run per document of ``handoff watch --prefect``
    flows.schedule   serve the batch flow as a deployment on a cron schedule

Importing this package sets safe Prefect defaults before Prefect itself is imported: a start-up
timeout long enough for the embedded server's first start on a fresh machine, and no analytics
(no network at run time). Explicit environment variables win.
"""

from __future__ import annotations

import os

PREFECT_DEFAULTS = {
    # The embedded (ephemeral) API needs ~30 s on a fresh home, past Prefect's default of 20 s.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
}
for _name, _value in PREFECT_DEFAULTS.items():
    os.environ.setdefault(_name, _value)

__all__ = ["PREFECT_DEFAULTS"]
