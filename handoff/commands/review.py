"""``handoff review``: serve the review web app (uvicorn), on 127.0.0.1 unless told otherwise.

Bound to anything but loopback the app is reachable by others, so it refuses to start without a
review token (``HANDOFF_REVIEW_TOKEN``); with one, every page asks for it once per browser.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--db", default=None, metavar="URL",
                        help="SQLAlchemy URL of the store (default: HANDOFF_DB_URL or the "
                             "SQLite file in the data folder)")
    parser.add_argument("--data-dir", default=None, help="data folder (default HANDOFF_DATA_DIR)")
    parser.add_argument("--source-root", action="append", default=[], metavar="DIR",
                        help="another folder whose PDFs may be shown as page images (e.g. the "
                             "folder a batch ran on); repeatable. The data folder always is.")


def run(args: argparse.Namespace) -> int:
    from models.settings import load_settings
    from review.security import is_loopback

    settings = load_settings(db_url=args.db, data_dir=args.data_dir)
    if not is_loopback(args.host) and not settings.review_token:
        print(f"handoff review: refusing to listen on {args.host} without a review token; "
              "set HANDOFF_REVIEW_TOKEN or bind to 127.0.0.1", file=sys.stderr)
        return 2
    if not 0 < args.port < 65536:
        print(f"handoff review: invalid port {args.port}", file=sys.stderr)
        return 2

    import uvicorn

    from review.app import create_app
    from store import open_store

    try:
        store = open_store(settings.database_url)
    except Exception as exc:  # a database that cannot be opened: one line, not a traceback
        print(f"handoff review: cannot open the store: {exc.__class__.__name__}: {exc}",
              file=sys.stderr)
        return 1
    hosts = None
    if is_loopback(args.host):  # only these names reach a loopback app (no DNS rebinding)
        hosts = ["127.0.0.1", "localhost", "::1", "[::1]", args.host]
    app = create_app(settings, store, extra_roots=[Path(d) for d in args.source_root],
                     allowed_hosts=hosts)
    print(f"handoff review: http://{args.host}:{args.port}/ (store {_redact(settings.database_url)})",
          file=sys.stderr)
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning",
                    server_header=False, proxy_headers=False)
    except SystemExit as exc:  # uvicorn exits when it cannot bind
        if exc.code:
            print(f"handoff review: could not listen on {args.host}:{args.port} "
                  "(address in use?)", file=sys.stderr)
            return 1
    finally:
        store.close()
    return 0


def _redact(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
