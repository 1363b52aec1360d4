"""The hand-made samples: each script rebuilds its committed file, each gold is well-formed
and states values that are really in the document."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from extractors.evaluate import load_gold
from samples.handmade.__main__ import BUILDERS, main
from samples.readback import amount_in, plain_text

HANDMADE = Path(__file__).resolve().parents[2] / "samples" / "handmade"


def test_every_builder_has_a_gold() -> None:
    golds = sorted(HANDMADE.glob("*.gold.json"))
    assert len(golds) >= 4
    assert len(golds) == len(BUILDERS)


@pytest.mark.parametrize("module", BUILDERS, ids=lambda m: m.__name__.rsplit(".", 1)[1])
def test_script_rebuilds_committed_file(module: object, tmp_path: Path) -> None:
    path = module.build(tmp_path)  # type: ignore[attr-defined]
    assert path.read_bytes() == (HANDMADE / path.name).read_bytes(), (
        f"{path.name}: run `python -m samples.handmade`"
    )


@pytest.mark.parametrize("gold_path", sorted(HANDMADE.glob("*.gold.json")), ids=lambda p: p.stem)
def test_gold_values_are_in_the_document(gold_path: Path, tmp_path: Path) -> None:
    gold = load_gold(gold_path)
    path = HANDMADE / gold.file
    text = plain_text(path)
    if not text.strip():
        # An image-only scan: check the gold against the typed page it was scanned from.
        module = next(m for m in BUILDERS if getattr(m, "NAME", None) == gold.file)
        typed = tmp_path / "typed.pdf"
        module.typed(typed)  # type: ignore[attr-defined]
        text = plain_text(typed)
    flat = " ".join(text.split())
    total = gold.fields["price.total"]
    assert isinstance(total, dict)
    # A total the document does not state (a monthly fee over its term) is marked computed.
    computed = json.loads(gold_path.read_text(encoding="utf-8")).get("computed", [])
    assert "price.total" in computed or amount_in(text, Decimal(str(total["amount"])))
    for key in ("parties.contractor.email", "parties.client.email", "parties.client.phone"):
        value = gold.fields.get(key)
        if isinstance(value, str):
            assert value in flat, key
    items = gold.fields.get("scope.exclusions") or []
    assert isinstance(items, list)
    for item in items:
        assert str(item).lower() in flat.lower(), item


def test_main_writes_every_document(tmp_path: Path) -> None:
    assert main([str(tmp_path)]) == 0
    assert len(list(tmp_path.iterdir())) == len(BUILDERS)
