"""The CLI contract: --help everywhere, JSON on stdout, one-line errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from handoff.cli import COMMANDS, main


def test_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for name in COMMANDS:
        assert name in out


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([name, "--help"]) == 0
    assert "usage: handoff " + name in capsys.readouterr().out


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    assert "unknown command" in capsys.readouterr().err


def test_schema_is_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Handoff"
    assert {"document", "parties", "price", "dates", "scope", "terms", "signatures", "review"} <= set(
        schema["properties"])


@pytest.mark.parametrize(
    ("content", "name", "code"),
    [
        (b"", "empty.pdf", "empty"),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog", "truncated.pdf", "corrupt"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image.pdf", "unsupported_type"),
        (b"just some text, not a document", "notes.docx", "unsupported_type"),
    ],
)
def test_unreadable_files_give_one_line_and_nonzero_exit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, name: str, code: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["extract", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and f": {code}:" in lines[0]
    assert "Traceback" not in captured.err


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "nope.pdf")]) == 1
    assert "not_found" in capsys.readouterr().err


def test_console_script_runs_as_a_process(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "handoff", "schema"], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["title"] == "Handoff"
