"""The store on SQLite and PostgreSQL: saving, idempotence, re-processing, edits, queue."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from support_store import make_handoff

from models.handoff import Flag, Severity
from store import DocumentNotFound, EditError, Store, open_store


def test_save_extraction_is_idempotent_by_sha_and_version(store: Store) -> None:
    h = make_handoff(sha="a" * 64)
    first = store.save_extraction(h, source_name="p.pdf", source_path="/data/done/p.pdf")
    again = store.save_extraction(h, source_name="p.pdf")
    assert first == again
    assert len(store.list_documents()) == 1
    assert len(store.extractions(first)) == 1
    doc = store.get_document(first)
    assert doc.source_path == "/data/done/p.pdf"
    assert doc.client == "Acme Holdings LLC"
    assert doc.total == "USD 12,500.00"
    assert (doc.n_errors, doc.n_warnings, doc.n_info) == (0, 1, 1)
    assert store.current(first) == h.model_copy(update={})  # nothing edited: same package


def test_reprocessing_keeps_reviewer_edits_and_shows_differences(store: Store) -> None:
    doc_id = store.save_extraction(make_handoff(sha="b" * 64), source_name="p.pdf")
    store.add_edit(doc_id, field="price.total", action="set", new="USD 13,000", by="ann",
                   comment="addendum 2")
    store.add_edit(doc_id, field="scope.exclusions", action="add", new="Skylights", by="ann")
    store.add_edit(doc_id, field="scope.inclusions", action="delete",
                   old="Remove existing roofing down to deck", by="ann")
    store.add_edit(doc_id, field="dates.start", action="confirm", by="bob")

    newer = make_handoff(sha="b" * 64, pipeline_version="test-2", total="99.00",
                         client="Acme Holdings", inclusions=["Remove existing roofing down to deck",
                                                             "Ice and water shield"])
    assert store.save_extraction(newer, source_name="p.pdf") == doc_id
    assert [x.pipeline_version for x in store.extractions(doc_id)] == ["test-1", "test-2"]
    # The original extraction is untouched beside the new one.
    assert store.extraction(doc_id, store.extractions(doc_id)[0].id).price.total.value.amount \
        == Decimal("12500.00")

    current = store.current(doc_id)
    assert current.price.total.value is not None
    assert current.price.total.value.amount == Decimal("13000.00")
    assert current.price.total.method == "reviewer"
    assert current.parties.client.name.value == "Acme Holdings"  # not edited: newest wins
    texts = [i.text for i in current.scope.inclusions]
    assert texts == ["Ice and water shield"]
    assert "Skylights" in [i.text for i in current.scope.exclusions]
    assert current.dates.start.confidence == 1.0
    assert [e.field for e in current.review.edits] == [
        "price.total", "scope.exclusions", "scope.inclusions", "dates.start"]
    assert current.review.edits[0].old == "USD 12,500.00"
    assert current.review.edits[0].by == "ann"
    # The checks run again on the corrected values: the low-confidence flag on the total is
    # resolved, the line items (12,500) no longer add up to the new total, the reader's own
    # flag stays, and completeness is recomputed.
    codes = [f.code for f in current.review.flags]
    assert "low_confidence" not in codes
    assert "ambiguous_tbd" in codes and "line_items_mismatch" in codes
    assert current.review.completeness != 0.8

    diffs = {(d.field, d.change) for d in store.differences(doc_id)}
    assert ("price.total", "changed") in diffs
    assert ("parties.client.name", "changed") in diffs
    assert ("scope.inclusions", "added") in diffs
    summary = store.get_document(doc_id)
    assert summary.total == "USD 13,000.00"
    assert summary.n_extractions == 2


def test_a_filled_in_date_is_no_longer_missing(store: Store) -> None:
    from extractors.checks import completeness, run_checks

    h = make_handoff(sha="e" * 64)
    h.dates.start = type(h.dates.start)()
    h.review.flags = run_checks(h)
    h.review.completeness = completeness(h)
    assert "dates.start" in [p for f in h.review.flags if f.code == "missing" for p in f.fields]
    doc_id = store.save_extraction(h, source_name="p.pdf")
    store.add_edit(doc_id, field="dates.start", action="set", new="2026-11-03", by="ann")
    current = store.current(doc_id)
    assert not [f for f in current.review.flags if "dates.start" in f.fields]
    assert current.review.completeness > h.review.completeness
    assert store.get_document(doc_id).completeness == current.review.completeness


def test_line_items_can_be_added_reworded_and_deleted(store: Store) -> None:
    doc_id = store.save_extraction(make_handoff(sha="f" * 64), source_name="p.pdf")
    store.add_edit(doc_id, field="price.line_items", action="add", by="ann",
                   new="Skylight flashing: $850")
    current = store.current(doc_id)
    assert [(i.description, i.amount.amount if i.amount else None)
            for i in current.price.line_items][-1] == ("Skylight flashing", Decimal("850.00"))
    assert "line_items_mismatch" in [f.code for f in current.review.flags]  # 13,350 ≠ 12,500
    store.add_edit(doc_id, field="price.line_items", action="set", by="ann",
                   old="Skylight flashing — USD 850.00", new="Skylight flashing — USD 0")
    current = store.current(doc_id)
    assert current.price.line_items[-1].amount is not None
    assert current.price.line_items[-1].amount.amount == 0
    assert "line_items_mismatch" not in [f.code for f in current.review.flags]
    store.add_edit(doc_id, field="price.line_items", action="delete", by="ann",
                   old="Skylight flashing — USD 0.00")
    assert "Skylight flashing" not in [i.description for i in store.current(doc_id).price.line_items]
    with pytest.raises(EditError):
        store.add_edit(doc_id, field="price.line_items", action="add", by="ann", new="$850")


def test_confirmation_lapses_when_the_value_changes(store: Store) -> None:
    doc_id = store.save_extraction(make_handoff(sha="c" * 64), source_name="p.pdf")
    store.add_edit(doc_id, field="price.total", action="confirm", by="ann")
    assert store.current(doc_id).price.total.confidence == 1.0
    store.save_extraction(make_handoff(sha="c" * 64, pipeline_version="v2", total="1.00"),
                          source_name="p.pdf")
    assert store.current(doc_id).price.total.confidence == 0.5


def test_edit_validation(store: Store) -> None:
    doc_id = store.save_extraction(make_handoff(sha="d" * 64), source_name="p.pdf")
    with pytest.raises(EditError, match="not an amount"):
        store.add_edit(doc_id, field="price.total", action="set", new="lots", by="x")
    with pytest.raises(EditError, match="ISO date"):
        store.add_edit(doc_id, field="dates.start", action="set", new="next week", by="x")
    with pytest.raises(EditError, match="calendar date"):
        store.add_edit(doc_id, field="dates.start", action="set", new="2026-02-30", by="x")
    with pytest.raises(EditError, match="unknown field"):
        store.add_edit(doc_id, field="document.id", action="set", new="x", by="x")
    with pytest.raises(EditError):
        store.add_edit(doc_id, field="price.total", action="add", new="1", by="x")
    with pytest.raises(DocumentNotFound):
        store.add_edit(9999, field="price.total", action="set", new="1", by="x")
    assert store.edits(doc_id) == []
    store.add_edit(doc_id, field="dates.start", action="set", new="", by="x", comment="TBD")
    assert store.current(doc_id).dates.start.status.value == "not_found"


def test_status_and_locking(store: Store) -> None:
    doc_id = store.save_extraction(make_handoff(sha="e" * 64), source_name="p.pdf")
    store.set_status(doc_id, "approved", by="ann", comment="looks right")
    doc = store.get_document(doc_id)
    assert (doc.status, doc.status_by, doc.status_comment) == ("approved", "ann", "looks right")
    assert store.current(doc_id).review.status.value == "approved"
    with pytest.raises(EditError, match="approved"):
        store.add_edit(doc_id, field="price.total", action="set", new="1", by="x")
    with pytest.raises(ValueError):
        store.set_status(doc_id, "shredded", by="x")
    store.set_status(doc_id, "needs_review", by="ann")
    store.add_edit(doc_id, field="price.total", action="set", new="1", by="x")


def test_queue_filters_search_and_sort(store: Store) -> None:
    err = [Flag(code="arithmetic", severity=Severity.error, message="sum off", fields=[])]
    a = store.save_extraction(make_handoff(sha="1" * 64, client="Zeta Corp", flags=err),
                              source_name="zeta.pdf")
    b = store.save_extraction(make_handoff(sha="2" * 64, client="Alpha_100% Ltd", flags=[]),
                              source_name="alpha.docx")
    store.set_status(b, "approved", by="x")
    assert [d.id for d in store.list_documents()] == [b, a]
    assert [d.id for d in store.list_documents(sort="oldest")] == [a, b]
    assert [d.id for d in store.list_documents(sort="client")] == [b, a]
    assert [d.id for d in store.list_documents(status="approved")] == [b]
    assert [d.id for d in store.list_documents(flag="arithmetic")] == [a]
    assert [d.id for d in store.list_documents(q="ZETA")] == [a]
    assert [d.id for d in store.list_documents(q="alpha.do")] == [b]
    assert [d.id for d in store.list_documents(q="_100%")] == [b]  # LIKE wildcards are literal
    assert store.list_documents(q="%%") == []
    assert store.flag_codes() == ["arithmetic"]
    assert store.get_document(a).n_errors == 1


def test_failures_are_kept_deduplicated_and_superseded(store: Store) -> None:
    f1 = store.save_failure(sha256="f" * 64, source_name="bad.pdf", code="corrupt",
                            message="truncated", stage="read")
    f2 = store.save_failure(sha256="f" * 64, source_name="bad.pdf", code="corrupt",
                            message="truncated again", stage="read")
    assert f1 == f2
    store.save_failure(sha256=None, source_name="fifo", code="not_a_regular_file",
                       message="a FIFO", stage="gate")
    assert {f.code for f in store.list_failures()} == {"corrupt", "not_a_regular_file"}
    assert [f.code for f in store.list_failures(q="fif")] == ["not_a_regular_file"]
    store.save_extraction(make_handoff(sha="f" * 64), source_name="bad.pdf")
    assert [f.code for f in store.list_failures()] == ["not_a_regular_file"]


@pytest.mark.parametrize("raw", [
    os.fsdecode(b"Angebot-\xff\xfe.pdf"),
    "two\nlines.pdf",
    "../../etc/passwd",
    "x" * 5000 + ".pdf",
    "nul\x00byte.pdf",
    '<script>alert(1)</script>.pdf',
])
def test_hostile_names_are_stored_safely(store: Store, raw: str) -> None:
    h = make_handoff(sha=f"{abs(hash(raw)):064d}"[:64], file_name=raw)
    doc_id = store.save_extraction(h, source_name=raw, source_path=raw)
    doc = store.get_document(doc_id)
    assert "\n" not in doc.file_name and "\x00" not in doc.file_name
    assert not any("\ud800" <= c <= "\udfff" for c in doc.file_name)
    assert len(doc.file_name) <= 1024
    doc.file_name.encode("utf-8")
    store.current(doc_id).model_dump_json()  # the stored package round-trips
    fid = store.save_failure(sha256=None, source_name=raw, code="corrupt", message=raw,
                             stage="read")
    assert fid > 0
    assert all(f.source_name.encode("utf-8") for f in store.list_failures())


def test_versions_link_documents_by_name(store: Store) -> None:
    a = store.save_extraction(make_handoff(sha="3" * 64), source_name="inbox/Proposal.pdf")
    b = store.save_extraction(make_handoff(sha="4" * 64), source_name="proposal.pdf")
    c = store.save_extraction(make_handoff(sha="5" * 64), source_name="other.pdf")
    assert [v.id for v in store.versions(a)] == [b]
    assert store.versions(c) == []


def test_open_twice_and_unknown_documents(store_url: str) -> None:
    s1 = open_store(store_url)
    s2 = open_store(store_url)  # migrations already at head: nothing to do
    doc_id = s1.save_extraction(make_handoff(sha="6" * 64), source_name="p.pdf")
    assert s2.get_document(doc_id).sha256 == "6" * 64
    assert s2.find_document("6" * 64) is not None and s2.find_document("7" * 64) is None
    with pytest.raises(DocumentNotFound):
        s2.current(424242)
    with pytest.raises(DocumentNotFound):
        s2.extraction(doc_id, 424242)
    s1.close()
    s2.close()


def test_a_decided_document_goes_back_to_review_when_reprocessing_changes_it(
        store: Store) -> None:
    first = make_handoff(sha="a1" * 32)
    doc_id = store.save_extraction(first, source_name="p.pdf")
    store.add_edit(doc_id, field="price.total", action="set", new="13000", by="ann")
    store.set_status(doc_id, "approved", by="ann")
    # Only the corrected field differs: the approval stands.
    v2 = make_handoff(sha="a1" * 32, pipeline_version="v2", total="1.00")
    v2.price.line_items = first.price.line_items
    store.save_extraction(v2, source_name="p.pdf")
    assert store.get_document(doc_id).status == "approved"
    # Another field reads differently: back to review, with a note.
    v3 = make_handoff(sha="a1" * 32, pipeline_version="v3", total="1.00", client="Other Client")
    v3.price.line_items = first.price.line_items
    store.save_extraction(v3, source_name="p.pdf")
    doc = store.get_document(doc_id)
    assert doc.status == "needs_review" and doc.status_by == "handoff"
    assert doc.status_comment and "was approved" in doc.status_comment and "v3" in \
        doc.status_comment
    assert store.current(doc_id).price.total.value is not None
    assert str(store.current(doc_id).price.total.value) == "USD 13,000.00"


def test_queue_pages(store: Store) -> None:
    ids = [store.save_extraction(make_handoff(sha=f"{n:064x}"), source_name=f"d{n}.pdf")
           for n in range(1, 8)]
    assert store.count_documents() == 7
    assert store.count_documents(q="d3") == 1
    first = store.list_documents(sort="oldest", limit=3)
    rest = store.list_documents(sort="oldest", limit=3, offset=3)
    assert [d.id for d in first + rest] == ids[:6]


def test_concurrent_writers_record_each_document_once(store_url: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    stores = [open_store(store_url) for _ in range(4)]
    handoffs = [make_handoff(sha=f"{n % 3:064x}") for n in range(12)]

    def save(n: int) -> int:
        return stores[n % 4].save_extraction(handoffs[n], source_name=f"f{n % 3}.pdf")

    with ThreadPoolExecutor(max_workers=4) as pool:
        ids = list(pool.map(save, range(12)))
    assert len(set(ids)) == 3
    assert stores[0].count_documents() == 3
    assert all(len(stores[0].extractions(i)) == 1 for i in set(ids))
    for s in stores:
        s.close()
