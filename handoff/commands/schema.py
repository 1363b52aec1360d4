"""``handoff schema``: print the JSON Schema of the handoff package."""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", default="-", help="file to write ('-' = stdout)")


def run(args: argparse.Namespace) -> int:
    from models.handoff import Handoff

    text = json.dumps(Handoff.model_json_schema(), indent=2) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    return 0
