"""Every route of the review app over HTTP (Starlette's TestClient on the real app and store)."""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from pathlib import Path

import pytest
from support_review import TestClient, csrf_of, make_handoff, write_pdf

from models.handoff import Handoff
from models.settings import Settings
from review.app import create_app
from store import Store

Doc = tuple[int, Handoff, Path]


def _edit(client: TestClient, doc_id: int, **data: str) -> str:
    data.setdefault("csrf", csrf_of(client, f"/documents/{doc_id}"))
    r = client.post(f"/documents/{doc_id}/edit", data=data, follow_redirects=False)
    assert r.status_code == 303, r.text
    return r.headers["location"]


# --- queue ------------------------------------------------------------------------------------
def test_queue_lists_documents_and_failures(client: TestClient, store: Store, pdf_doc: Doc) -> None:
    store.save_failure(sha256=None, source_name=os.fsdecode(b"broken\xff\n.pdf"), code="corrupt",
                       message="The PDF is truncated <b>here</b>", stage="read")
    r = client.get("/")
    assert r.status_code == 200
    html = r.text
    assert "proposal.pdf" in html and "USD 12,500.00" in html and "80 %" in html
    assert "1 warning" in html and "1 info" in html
    assert "corrupt" in html and "broken\\xff\\x0a.pdf" in html
    assert "&lt;b&gt;here&lt;/b&gt;" in html
    assert "<script>alert" not in html and 'href="javascript:' not in html


def test_queue_filters(client: TestClient, store: Store, pdf_doc: Doc) -> None:
    other = store.save_extraction(make_handoff(sha="9" * 64, client="Birch Homes", flags=[]),
                                  source_name="birch.docx")
    store.set_status(other, "approved", by="x")
    assert "birch.docx" in client.get("/?status=approved").text
    assert "birch.docx" not in client.get("/?status=needs_review").text
    assert "birch.docx" not in client.get("/?flag=low_confidence").text
    assert "proposal.pdf" in client.get("/?flag=low_confidence").text
    assert "proposal.pdf" not in client.get("/?q=birch").text
    assert "birch.docx" in client.get("/?q=BIRCH").text
    r = client.get("/?sort=oldest")
    assert r.text.index("proposal.pdf") < r.text.index("birch.docx")
    assert client.get("/?status=bogus&sort=bogus").status_code == 200


# --- document page ----------------------------------------------------------------------------
def test_document_page_escapes_everything(client: TestClient, pdf_doc: Doc) -> None:
    doc_id, _h, _p = pdf_doc
    html = client.get(f"/documents/{doc_id}").text
    assert "<script>alert" not in html
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    # The evidence data block cannot be closed by document text.
    data = re.search(r'<script type="application/json" id="evidence-data">(.*?)</script>', html,
                     re.S)
    assert data and json.loads(data.group(1))
    assert "</script" not in data.group(1)


def test_document_page_groups_fields_and_draws_boxes(client: TestClient, pdf_doc: Doc) -> None:
    doc_id, _h, _p = pdf_doc
    html = client.get(f"/documents/{doc_id}").text
    for title in ("Parties", "Price", "Dates", "Scope", "Exclusions (NOT included)", "Terms",
                  "Signatures"):
        assert f"<h2>{title}</h2>" in html
    assert 'id="f-price-total"' in html
    assert html.count('class="box"') >= 10
    assert 'data-w="612.0" data-h="792.0"' in html
    assert "/documents/1/pages/2.png" in html
    # Total's box: x0=400 of 612 points.
    assert re.search(r'data-row="f-price-total" title="Total" style="left:65\.359%', html)


def test_page_image(client: TestClient, pdf_doc: Doc) -> None:
    doc_id, _h, _p = pdf_doc
    r = client.get(f"/documents/{doc_id}/pages/1.png")
    assert r.status_code == 200 and r.headers["content-type"] == "image/png"
    assert r.content.startswith(b"\x89PNG")
    assert client.get(f"/documents/{doc_id}/pages/3.png").status_code == 404
    assert client.get(f"/documents/{doc_id}/pages/0.png").status_code == 404
    assert client.get("/documents/999/pages/1.png").status_code == 404


def test_no_image_outside_the_data_folder(client: TestClient, store: Store, settings: Settings,
                                          tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere" / "secret.pdf"
    sha = write_pdf(outside, pages=1)
    doc_id = store.save_extraction(make_handoff(sha=sha), source_name="secret.pdf",
                                   source_path=str(outside))
    link = settings.data_dir / "done" / "link.pdf"
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(outside)
    sym_id = store.save_extraction(make_handoff(sha=sha[::-1]), source_name="link.pdf",
                                   source_path=str(link))
    traversal = store.save_extraction(
        make_handoff(sha="8" * 64), source_name="t.pdf",
        source_path=str(settings.data_dir / ".." / "elsewhere" / "secret.pdf"))
    for d in (doc_id, sym_id, traversal):
        assert client.get(f"/documents/{d}/pages/1.png").status_code == 404
        html = client.get(f"/documents/{d}").text
        assert "No page image" in html and 'class="box"' not in html


def test_no_image_when_the_file_changed(client: TestClient, store: Store, settings: Settings) -> None:
    path = settings.data_dir / "done" / "changed.pdf"
    write_pdf(path, pages=1)
    doc_id = store.save_extraction(make_handoff(sha="7" * 64), source_name="changed.pdf",
                                   source_path=str(path))
    assert client.get(f"/documents/{doc_id}/pages/1.png").status_code == 404


def test_docx_evidence_shows_its_locator(client: TestClient, store: Store) -> None:
    doc_id = store.save_extraction(make_handoff(sha="6" * 64, docx=True, file_name="p.docx"),
                                   source_name="p.docx")
    html = client.get(f"/documents/{doc_id}").text
    assert "not a PDF" in html
    assert '<span class="where">paragraph 3</span>' in html
    assert "<q>Acme Holdings LLC</q>" in html


def test_unknown_document_is_a_clean_404(client: TestClient) -> None:
    r = client.get("/documents/12345")
    assert r.status_code == 404 and "No such document." in r.text
    assert client.get("/documents/abc").status_code in (400, 404, 422)
    r = client.get("/nope")
    assert r.status_code == 404 and "Traceback" not in r.text


# --- corrections --------------------------------------------------------------------------------
def test_edit_confirm_add_delete_and_audit(client: TestClient, store: Store, pdf_doc: Doc) -> None:
    doc_id, _h, _p = pdf_doc
    loc = _edit(client, doc_id, field="price.total", action="set", value="USD 13,250.00",
                comment="per addendum <1>", anchor="f-price-total")
    assert loc == f"/documents/{doc_id}#f-price-total"
    _edit(client, doc_id, field="dates.start", action="confirm")
    _edit(client, doc_id, field="scope.exclusions", action="add", value="Skylight flashing")
    _edit(client, doc_id, field="scope.exclusions", action="delete", old="Permit fees")
    _edit(client, doc_id, field="scope.inclusions", action="set",
          old="Remove existing roofing down to deck", value="Remove two layers of roofing")
    current = store.current(doc_id)
    assert current.price.total.value is not None and str(current.price.total.value) == \
        "USD 13,250.00"
    assert [i.text for i in current.scope.exclusions][-1] == "Skylight flashing"
    assert "Permit fees" not in [i.text for i in current.scope.exclusions]
    assert current.scope.inclusions[0].text == "Remove two layers of roofing"
    html = client.get(f"/documents/{doc_id}").text
    assert "<del>USD 12,500.00</del> → <ins>USD 13,250.00</ins>" in html
    assert "per addendum &lt;1&gt;" in html
    assert "✓ reviewed" in html
    assert [e.edit.by for e in store.edits(doc_id)] == ["reviewer"] * 5


def test_invalid_value_is_reported_not_saved(client: TestClient, store: Store, pdf_doc: Doc) -> None:
    doc_id, _h, _p = pdf_doc
    loc = _edit(client, doc_id, field="dates.start", action="set", value="someday")
    assert "msg=" in loc
    html = client.get(loc).text
    assert "Not saved:" in html and "is not an ISO date" in html
    assert store.edits(doc_id) == []
    _edit(client, doc_id, field="nonsense", action="set", value="x")
    assert store.edits(doc_id) == []


def test_reviewer_name_is_recorded(client: TestClient, store: Store, pdf_doc: Doc) -> None:
    doc_id, _h, _p = pdf_doc
    token = csrf_of(client)
    r = client.post("/reviewer", data={"csrf": token, "name": "Ana <b>Ruiz</b>",
                                       "next": "//evil.example/"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
    _edit(client, doc_id, field="dates.start", action="confirm")
    assert store.edits(doc_id)[0].edit.by == "Ana <b>Ruiz</b>"
    assert "Ana &lt;b&gt;Ruiz&lt;/b&gt;" in client.get(f"/documents/{doc_id}").text


# --- CSRF, limits, headers, errors --------------------------------------------------------------
def test_csrf_is_required(client: TestClient, store: Store, pdf_doc: Doc) -> None:
    doc_id, _h, _p = pdf_doc
    form = {"field": "price.total", "action": "set", "value": "1"}
    assert client.post(f"/documents/{doc_id}/edit", data=form).status_code == 403
    assert client.post(f"/documents/{doc_id}/edit", data={**form, "csrf": "forged"}
                       ).status_code == 403
    token = csrf_of(client)
    r = client.post(f"/documents/{doc_id}/review", data={"csrf": token, "decision": "approve"},
                    headers={"Origin": "http://evil.example"})
    assert r.status_code == 403 and "another site" in r.text
    assert store.edits(doc_id) == [] and store.get_document(doc_id).status == "needs_review"


def test_request_size_limit(client: TestClient, pdf_doc: Doc) -> None:
    doc_id, _h, _p = pdf_doc
    token = csrf_of(client)
    r = client.post(f"/documents/{doc_id}/edit",
                    data={"csrf": token, "field": "parties.client.name", "action": "set",
                          "value": "x" * 400_000})
    assert r.status_code == 413


def test_security_headers(client: TestClient) -> None:
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie


def test_server_error_shows_a_message_not_a_stack_trace(settings: Settings, store: Store,
                                                        pdf_doc: Doc) -> None:
    doc_id, _h, _p = pdf_doc
    app = create_app(settings, store)
    with TestClient(app, raise_server_exceptions=False) as c:
        store.close()
        with store.engine.begin() as conn:  # break the store under the running app
            conn.exec_driver_sql("DROP TABLE edits")
        r = c.get(f"/documents/{doc_id}")
    assert r.status_code == 500
    assert "Something went wrong" in r.text
    assert "Traceback" not in r.text and "edits" not in r.text


def test_static_files_stay_in_their_folder(client: TestClient) -> None:
    assert client.get("/static/review.js").status_code == 200
    assert client.get("/static/review.css").status_code == 200
    for url in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py",
                "/static/../../models/settings.py"):
        r = client.get(url)
        assert r.status_code == 404, url
        assert "create_app" not in r.text


def test_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"ok": True}


# --- decision, downloads, gold ------------------------------------------------------------------
def test_approve_writes_the_package_and_brief(client: TestClient, store: Store,
                                              settings: Settings, pdf_doc: Doc) -> None:
    doc_id, h, _p = pdf_doc
    _edit(client, doc_id, field="parties.client.name", action="set", value="Acme Holdings, LLC")
    token = csrf_of(client, f"/documents/{doc_id}")
    r = client.post(f"/documents/{doc_id}/review",
                    data={"csrf": token, "decision": "approve", "comment": "all good"})
    assert r.status_code == 200 and "Document approved." in r.text
    sha = h.document.id
    names = sorted(p.name for p in settings.approved_dir.iterdir())
    assert names == sorted(f"{sha}{s}" for s in (".json", ".brief.html", ".brief.md",
                                                  ".foreman.html", ".ics", ".gold.json"))
    package = json.loads((settings.approved_dir / f"{sha}.json").read_text())
    assert package["review"]["status"] == "approved"
    assert package["parties"]["client"]["name"]["value"] == "Acme Holdings, LLC"
    assert package["review"]["edits"][0]["new"] == "Acme Holdings, LLC"
    brief = (settings.approved_dir / f"{sha}.brief.html").read_text()
    assert "What we sold" in brief and "Acme Holdings, LLC" in brief
    assert "<script>alert" not in brief
    gold = json.loads((settings.approved_dir / f"{sha}.gold.json").read_text())
    assert gold["fields"]["parties.client.name"] == "Acme Holdings, LLC"
    # Approved documents are locked until reopened.
    assert "Reopen" in client.get(f"/documents/{doc_id}").text
    loc = _edit(client, doc_id, field="price.total", action="set", value="1")
    assert "reopen+it" in loc or "reopen%20it" in loc
    token = csrf_of(client, f"/documents/{doc_id}")
    client.post(f"/documents/{doc_id}/review", data={"csrf": token, "decision": "reopen"})
    assert store.get_document(doc_id).status == "needs_review"


def test_reject_needs_a_comment(client: TestClient, store: Store, pdf_doc: Doc) -> None:
    doc_id, _h, _p = pdf_doc
    token = csrf_of(client, f"/documents/{doc_id}")
    r = client.post(f"/documents/{doc_id}/review", data={"csrf": token, "decision": "reject"})
    assert "Say why" in r.text and store.get_document(doc_id).status == "needs_review"
    client.post(f"/documents/{doc_id}/review",
                data={"csrf": token, "decision": "reject", "comment": "wrong customer"})
    doc = store.get_document(doc_id)
    assert (doc.status, doc.status_comment) == ("rejected", "wrong customer")
    assert client.post(f"/documents/{doc_id}/review",
                       data={"csrf": token, "decision": "shred"}).status_code == 400


def test_downloads(client: TestClient, pdf_doc: Doc) -> None:
    doc_id, h, _p = pdf_doc
    _edit(client, doc_id, field="price.total", action="set", value="14000")
    pkg = client.get(f"/documents/{doc_id}/package.json")
    assert pkg.headers["content-type"] == "application/json"
    assert "attachment" in pkg.headers["content-disposition"]
    assert Handoff.model_validate(pkg.json()).price.total.value is not None
    assert pkg.json()["price"]["total"]["value"] == {"amount": "14000.00", "currency": "USD"}
    brief = client.get(f"/documents/{doc_id}/brief.html")
    assert brief.headers["content-type"].startswith("text/html")
    assert "USD 14,000.00" in brief.text and "<script>alert" not in brief.text
    md = client.get(f"/documents/{doc_id}/brief.md").text
    assert md.startswith("# What we sold") and "USD 14,000.00" in md
    foreman = client.get(f"/documents/{doc_id}/foreman.html").text
    assert "14,000" not in foreman and "1,500" not in foreman and "Gutters" in foreman
    ics = client.get(f"/documents/{doc_id}/milestones.ics")
    assert ics.headers["content-type"].startswith("text/calendar")
    assert "DTSTART;VALUE=DATE:20261102" in ics.text
    gold = client.get(f"/documents/{doc_id}/gold.json").json()
    assert gold["file"] == "proposal.pdf"
    assert gold["fields"]["price.total"] == {"amount": "14000.00", "currency": "USD"}
    assert gold["fields"]["dates.start"] == "2026-11-02"
    assert gold["fields"]["dates.valid_until"] is None
    assert gold["fields"]["scope.inclusions"][0] == "Remove existing roofing down to deck"
    assert client.get(f"/documents/{doc_id}/secrets.txt").status_code == 404


def test_gold_export_zip(client: TestClient, store: Store, pdf_doc: Doc) -> None:
    doc_id, h, _p = pdf_doc
    assert zipfile.ZipFile(io.BytesIO(client.get("/export/gold.zip").content)).namelist() == []
    store.set_status(doc_id, "approved", by="x")
    zf = zipfile.ZipFile(io.BytesIO(client.get("/export/gold.zip").content))
    assert zf.namelist() == [f"{h.document.id}.gold.json"]
    assert json.loads(zf.read(zf.namelist()[0]))["file"] == "proposal.pdf"


def test_differences_after_reprocessing(client: TestClient, store: Store, pdf_doc: Doc) -> None:
    doc_id, h, path = pdf_doc
    _edit(client, doc_id, field="price.total", action="set", value="13000")
    newer = make_handoff(sha=h.document.id, pipeline_version="test-2", total="12600.00",
                         hostile=True)
    store.save_extraction(newer, source_name="proposal.pdf", source_path=str(path))
    html = client.get(f"/documents/{doc_id}").text
    assert "Changed by re-processing (test-2 vs test-1)" in html
    assert "your correction is kept" in html
    assert "USD 13,000.00" in html


# --- token --------------------------------------------------------------------------------------
def test_token_protects_every_page(settings: Settings, store: Store, pdf_doc: Doc) -> None:
    doc_id, _h, _p = pdf_doc
    app = create_app(settings.model_copy(update={"review_token": "s3cret-token"}), store)
    with TestClient(app) as c:
        r = c.get("/", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/login"
        for url in (f"/documents/{doc_id}", f"/documents/{doc_id}/package.json",
                    f"/documents/{doc_id}/pages/1.png", "/export/gold.zip"):
            assert c.get(url, follow_redirects=False).status_code == 303
        assert c.post(f"/documents/{doc_id}/edit", data={}).status_code == 401
        assert c.get("/healthz").status_code == 200
        token = csrf_of(c, "/login")
        bad = c.post("/login", data={"csrf": token, "token": "guess"})
        assert bad.status_code == 401 and "Wrong token" in bad.text
        ok = c.post("/login", data={"csrf": token, "token": "s3cret-token"},
                    follow_redirects=False)
        assert ok.status_code == 303
        assert "s3cret-token" not in ok.headers["set-cookie"]
        assert c.get(f"/documents/{doc_id}").status_code == 200
    with TestClient(app) as c2:
        r = c2.get("/", headers={"Authorization": "Bearer s3cret-token"})
        assert r.status_code == 200 and "proposal.pdf" in r.text


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "example.org"])
def test_cli_refuses_to_listen_off_loopback_without_token(
        host: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    from handoff.cli import main

    monkeypatch.delenv("HANDOFF_REVIEW_TOKEN", raising=False)
    monkeypatch.setenv("HANDOFF_DATA_DIR", str(tmp_path))
    assert main(["review", "--host", host, "--port", "8765"]) == 2
    err = capsys.readouterr().err
    assert "refusing to listen" in err and "HANDOFF_REVIEW_TOKEN" in err
    assert err.count("\n") == 1


def test_unrenderable_pdf_gives_a_message(client: TestClient, store: Store,
                                          settings: Settings) -> None:
    path = settings.data_dir / "done" / "broken.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF\n")
    import hashlib

    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    doc_id = store.save_extraction(make_handoff(sha=sha), source_name="broken.pdf",
                                   source_path=str(path))
    assert "No page image" in client.get(f"/documents/{doc_id}").text
    r = client.get(f"/documents/{doc_id}/pages/1.png")
    assert r.status_code == 503 and "could not be made" in r.text
    assert "Traceback" not in r.text


def test_queue_pagination(client: TestClient, store: Store) -> None:
    for n in range(105):
        store.save_extraction(make_handoff(sha=f"{n:064x}", flags=[]), source_name=f"doc-{n}.pdf")
    html = client.get("/?sort=oldest").text
    assert "1–100 of 105 documents" in html and "doc-0.pdf" in html
    assert "doc-104.pdf" not in html
    m = re.search(r'href="(/\?[^"]*start=100[^"]*)" rel="next"', html)
    assert m
    page2 = client.get(m.group(1).replace("&amp;", "&")).text
    assert "101–105 of 105" in page2 and "doc-104.pdf" in page2 and "sort=oldest" in m.group(1)


def test_approval_that_cannot_write_is_not_recorded(client: TestClient, store: Store,
                                                    settings: Settings, pdf_doc: Doc) -> None:
    doc_id, _h, _p = pdf_doc
    settings.approved_dir.write_text("a file where the folder should be")
    token = csrf_of(client, f"/documents/{doc_id}")
    r = client.post(f"/documents/{doc_id}/review", data={"csrf": token, "decision": "approve"})
    assert r.status_code == 200 and "Not approved" in r.text
    assert store.get_document(doc_id).status == "needs_review"


def test_extra_source_root_allows_page_images(settings: Settings, store: Store,
                                              tmp_path: Path) -> None:
    share = tmp_path / "share"
    sha = write_pdf(share / "batch" / "p.pdf", pages=1)
    doc_id = store.save_extraction(make_handoff(sha=sha), source_name="batch/p.pdf",
                                   source_path=str(share / "batch" / "p.pdf"))
    with TestClient(create_app(settings, store)) as c:
        assert c.get(f"/documents/{doc_id}/pages/1.png").status_code == 404
    with TestClient(create_app(settings, store, extra_roots=[share])) as c:
        assert c.get(f"/documents/{doc_id}/pages/1.png").status_code == 200


def test_cli_reports_a_port_in_use(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import socket

    from handoff.cli import main

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code = main(["review", "--port", str(port), "--data-dir", str(tmp_path),
                     "--db", f"sqlite:///{tmp_path / 'x.sqlite3'}"])
    assert code == 1
    assert "could not listen" in capsys.readouterr().err


def test_only_loopback_host_names_when_asked(settings: Settings, store: Store) -> None:
    app = create_app(settings, store, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"Host": "rebound.evil.example"}).status_code == 400


@pytest.mark.parametrize("target", ["/\\evil.example", "//evil.example", "https://evil.example",
                                    "/documents/1", "/x?y=<z>"])
def test_reviewer_redirect_stays_on_site(client: TestClient, target: str) -> None:
    token = csrf_of(client)
    r = client.post("/reviewer", data={"csrf": token, "name": "A", "next": target},
                    follow_redirects=False)
    assert r.headers["location"] == (target if target == "/documents/1" else "/")
