"""``handoff schedule DIR --out OUT --cron "0 2 * * *"``: serve the batch flow on a schedule.

Registers the Prefect deployment ``handoff-batch/<name>`` (embedded API by default, or the
Prefect server in ``PREFECT_API_URL``) and runs its scheduled and triggered batches until
stopped with Ctrl-C / SIGTERM. Trigger a run by hand with
``prefect deployment run handoff-batch/<name>``. With ``--pool NAME`` the deployment is put on
a Prefect work pool instead, for workers on other machines, and the command returns.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", type=Path, help="folder the batch sweeps (recursively)")
    parser.add_argument("--out", type=Path, required=True, help="folder for the JSON and reports")
    parser.add_argument("--cron", required=True, help='cron expression, e.g. "0 2 * * *"')
    parser.add_argument("--timezone", default=None, help="time zone of the cron (default: UTC)")
    parser.add_argument("--name", default="nightly", help="deployment name (default: nightly)")
    parser.add_argument("--workers", type=int, default=None, help="documents in parallel")
    parser.add_argument("--force", action="store_true", help="re-process known documents")
    parser.add_argument("--db", default=None, help="review store URL (default: the setting)")
    parser.add_argument("--pool", default=None, metavar="WORK_POOL",
                        help="register the deployment on this Prefect work pool and exit "
                             "(workers started with 'prefect worker start --pool' run it)")


def run(args: argparse.Namespace) -> int:
    if not args.dir.is_dir():
        print(f"handoff schedule: not a folder: {args.dir}", file=sys.stderr)
        return 1
    from flows.schedule import deploy_to_pool, serve_batch, valid_cron

    if not valid_cron(args.cron, args.timezone):
        print(f"handoff schedule: not a cron expression (or time zone): {args.cron!r}",
              file=sys.stderr)
        return 2

    args.out.mkdir(parents=True, exist_ok=True)
    if args.pool:
        with contextlib.redirect_stdout(sys.stderr):  # Prefect prints its own table; JSON is ours
            deployment_id = deploy_to_pool(args.dir, args.out, pool=args.pool, cron=args.cron,
                                           name=args.name, timezone=args.timezone,
                                           workers=args.workers, force=args.force,
                                           db_url=args.db)
        sys.stdout.write(json.dumps({"deployment": f"handoff-batch/{args.name}",
                                     "id": deployment_id, "work_pool": args.pool}) + "\n")
        return 0
    print(f"handoff schedule: serving handoff-batch/{args.name} on {args.cron!r}",
          file=sys.stderr, flush=True)
    serve_batch(args.dir, args.out, cron=args.cron, name=args.name, timezone=args.timezone,
                workers=args.workers, force=args.force, db_url=args.db)
    return 0
