"""The ``handoff`` command: one entry point, one module per subcommand, imported lazily.

Each subcommand module exposes ``add_arguments(parser)`` and ``run(args) -> int``. Only the
module of the chosen subcommand is imported, so ``handoff extract`` never pays for Prefect,
FastAPI or SQLAlchemy. Machine output goes to stdout, messages to stderr; the exit code is 0
on success and non-zero with a one-line reason otherwise.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from handoff import __version__

# name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("handoff.commands.extract", "Extract the handoff JSON from PDF/DOCX files."),
    "watch": ("handoff.commands.watch", "Watch DIR/inbox and process every file dropped there."),
    "batch": ("handoff.commands.batch", "Process every document under DIR in parallel."),
    "schedule": ("handoff.commands.schedule", "Serve the batch flow on a cron schedule (Prefect)."),
    "review": ("handoff.commands.review", "Start the review web app on 127.0.0.1."),
    "brief": ("handoff.commands.brief", "Write the PM brief / foreman sheet / .ics of a package."),
    "evaluate": ("handoff.commands.evaluate", "Per-field precision/recall/F1 against gold files."),
    "bench": ("handoff.commands.bench", "Measure throughput and memory of every stage."),
    "schema": ("handoff.commands.schema", "Print the JSON Schema of the handoff package."),
}

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def _top_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="handoff",
        description="Turn signed proposals and contracts into a reviewed handoff package.",
        epilog="Run 'handoff COMMAND --help' for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"handoff {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (_module, help_text) in COMMANDS.items():
        sub.add_parser(name, help=help_text, add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code (tests call this directly)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    top = _top_parser()
    if not args_list or args_list[0] not in COMMANDS:
        if args_list and not args_list[0].startswith("-"):
            top.print_usage(sys.stderr)
            print(f"handoff: error: unknown command {args_list[0]!r}", file=sys.stderr)
            return EXIT_USAGE
        top.parse_args(args_list or ["--help"])
        return EXIT_OK
    name, rest = args_list[0], args_list[1:]
    module = importlib.import_module(COMMANDS[name][0])
    parser = argparse.ArgumentParser(prog=f"handoff {name}", description=COMMANDS[name][1])
    module.add_arguments(parser)
    try:
        args = parser.parse_args(rest)
    except SystemExit as exc:  # argparse exits on --help and usage errors
        return int(exc.code or 0)
    try:
        return int(module.run(args))
    except KeyboardInterrupt:
        print("handoff: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
