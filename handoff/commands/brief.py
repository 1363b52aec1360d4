"""``handoff brief PACKAGE.json``: the PM brief (HTML/Markdown), foreman sheet or .ics."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("package", help="a handoff package JSON file ('-' = stdin)")
    parser.add_argument("--format", "-f", choices=("html", "md", "foreman", "ics"),
                        default="html", help="html (default), md, foreman (no prices) or ics")
    parser.add_argument("-o", "--output", default="-", help="file to write ('-' = stdout)")


def run(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from models.handoff import Handoff
    from review.brief import render

    try:
        raw = sys.stdin.read() if args.package == "-" else Path(args.package).read_text("utf-8")
        handoff = Handoff.model_validate(json.loads(raw))
    except OSError as exc:
        print(f"handoff brief: cannot read {args.package}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except (ValueError, ValidationError) as exc:
        first = str(exc).splitlines()[0]
        print(f"handoff brief: {args.package} is not a handoff package: {first}", file=sys.stderr)
        return 1
    text = render(handoff, args.format)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        print(f"handoff brief: wrote {args.output}", file=sys.stderr)
    return 0
