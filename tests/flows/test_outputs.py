"""Safe names, atomic writes and inert markdown for untrusted text."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.outputs import (
    NAME_MAX,
    OutputNames,
    atomic_write_text,
    display_name,
    fit_name,
    log_line,
    summary_markdown,
    unique_path,
)
from models.handoff import DocumentInfo, Field, FieldStatus, Flag, Handoff, Severity

NAME_STEMS = st.one_of(
    st.text(alphabet=st.characters(blacklist_characters="/\x00", blacklist_categories=["Cs"]),
            min_size=1, max_size=400),
    # what os.listdir gives for names that are not UTF-8: surrogate escapes of raw bytes
    st.binary(min_size=1, max_size=400).filter(lambda b: b"/" not in b and b"\x00" not in b)
    .map(os.fsdecode),
)


@given(NAME_STEMS, st.sampled_from(["", ".json", ".error.json", ".0123456789ab.json"]))
def test_fit_name_always_fits_and_keeps_the_suffix(stem: str, suffix: str) -> None:
    if stem in {".", ".."} or (stem + suffix) in {".", ".."}:
        return
    name = fit_name(stem, suffix)
    assert len(os.fsencode(name)) <= NAME_MAX
    assert name.endswith(suffix) and "/" not in name
    assert display_name(name).encode("utf-8")  # always writable as JSON text


def test_a_name_no_file_system_can_hold_is_refused() -> None:
    with pytest.raises(ValueError):
        fit_name("\ud800", ".json")


@pytest.mark.parametrize("bad", ["..", ".", "a/b", "../etc/passwd", "x\x00y", ""])
def test_names_that_are_not_one_component_are_refused(bad: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        unique_path(tmp_path, bad)


def test_unique_path_never_replaces(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"1")
    (tmp_path / "a_2.pdf").write_bytes(b"2")
    assert unique_path(tmp_path, "a.pdf").name == "a_3.pdf"
    assert unique_path(tmp_path, "b.pdf").name == "b.pdf"


def test_atomic_write_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    atomic_write_text(target, "one")
    atomic_write_text(target, "two")
    assert target.read_text() == "two" and os.listdir(tmp_path) == ["x.json"]


def test_output_names_give_a_second_document_with_the_same_stem_its_own_file() -> None:
    names = OutputNames({"offer.json": "a" * 64})
    assert names.choose("offer.pdf", "a" * 64) == "offer.json"
    assert names.choose("offer.docx", "b" * 64) == "offer.bbbbbbbbbbbb.json"


def test_display_name_and_log_line_stay_one_line_of_valid_text() -> None:
    raw = os.fsdecode(b"caf\xe9\nx.pdf")
    assert display_name(raw) == "caf\\xe9\nx.pdf"
    line = log_line(file=raw, sha256="f" * 64, status="processed", pages=3, seconds=1.5, flags=2)
    assert "\n" not in line and line.encode("utf-8")
    assert line == ('file="caf\\\\xe9\\nx.pdf" sha256=ffffffffffff status=processed pages=3 '
                    "seconds=1.50 flags=2")


def test_markdown_summary_makes_untrusted_text_inert() -> None:
    handoff = Handoff(document=DocumentInfo(
        id="0" * 64, file_name="<img src=x onerror=alert(1)>.pdf", media_type="application/pdf",
        pages=1, reader="test", pipeline_version="test", processed_at=datetime.now(UTC)))
    handoff.parties.client.name = Field[str](status=FieldStatus.found,
                                             value="[Click](http://evil) | x")
    handoff.review.flags.append(Flag(code="x", severity=Severity.warning,
                                     message="![pixel](http://evil/p.png)\nnext"))
    md = summary_markdown(handoff)
    assert not re.search(r"(?<!\\)[<>\[\]!]", md)  # every bracket, bang and angle escaped
    assert "\\[Click\\]\\(http://evil\\) \\| x" in md
    client_row = next(line for line in md.splitlines() if line.startswith("| Client"))
    assert client_row.count(" | ") == 1
