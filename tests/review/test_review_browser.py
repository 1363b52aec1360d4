"""The review app in a real browser (Debian's chromium through Playwright) against a real
uvicorn server started by `handoff review`: queue → document → edit → approve → downloads.
Screenshots of every page go to test-output/screenshots/ for a person to look at."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from support_review import make_handoff, write_pdf

from store import open_store

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[tuple[str, Path, int]]:
    """`handoff review` serving a store with one hostile-text PDF document."""
    data = tmp_path / "data"
    pdf = data / "done" / "proposal.pdf"
    sha = write_pdf(pdf)
    url = f"sqlite:///{tmp_path / 'review.sqlite3'}"
    store = open_store(url)
    doc_id = store.save_extraction(make_handoff(sha=sha, hostile=True),
                                   source_name="proposal.pdf", source_path=str(pdf))
    store.save_extraction(make_handoff(sha="d" * 64, docx=True, file_name="fit-out.docx",
                                       hostile=True), source_name="fit-out.docx")
    store.save_failure(sha256=None, source_name="scan<script>.pdf", code="encrypted",
                       message="The PDF needs a password.", stage="read")
    store.close()
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("HANDOFF_")}
    log = (tmp_path / "server.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "handoff", "review", "--port", str(port), "--db", url,
         "--data-dir", str(data)], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):  # wait until it answers (or died)
            if proc.poll() is not None:
                raise RuntimeError((tmp_path / "server.log").read_text())
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        yield base, data, doc_id
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def test_review_in_a_browser(server: tuple[str, Path, int], tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    base, data, doc_id = server
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialogs: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        context = browser.new_context(accept_downloads=True, viewport={"width": 1400,
                                                                        "height": 1000})
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

        # Queue: the document and the failure with its code.
        page.goto(base + "/")
        expect(page.locator("table.queue")).to_contain_text("proposal.pdf")
        expect(page.locator("table.failures")).to_contain_text("encrypted")
        page.screenshot(path=str(SHOTS / "01-queue.png"), full_page=True)

        # Document: page image with boxes; j/k move between fields and highlight the box.
        page.click("text=proposal.pdf")
        expect(page.locator("h1")).to_contain_text("proposal.pdf")
        expect(page.locator(".page-wrap.shown img")).to_be_visible()
        page.wait_for_function(
            "() => { const i = document.querySelector('.page-wrap.shown img');"
            " return i && i.complete && i.naturalWidth > 0; }")
        page.keyboard.press("j")
        expect(page.locator("li.field.selected")).to_have_id("f-parties-client-name")
        expect(page.locator(".box.hl").first).to_be_visible()
        page.keyboard.press("j")
        page.keyboard.press("k")
        expect(page.locator("li.field.selected")).to_have_id("f-parties-client-name")
        page.keyboard.press("e")
        expect(page.locator("#f-parties-client-name form.edit input[name=value]")).to_be_focused()
        page.keyboard.press("Escape")
        assert page.eval_on_selector_all("a[href^='javascript'], [onclick], [onerror]",
                                         "els => els.length") == 0
        page.locator("#f-price-total .head").click()
        expect(page.locator(".box.hl[data-row='f-price-total']")).to_be_visible()
        page.screenshot(path=str(SHOTS / "02-document.png"), full_page=False)

        # Correct the total, confirm the start date with the keyboard, add an exclusion.
        page.fill("#f-price-total form.edit input[name=value]", "USD 13,999.00")
        page.fill("#f-price-total form.edit input[name=comment]", "per addendum 1")
        page.click("#f-price-total form.edit button")
        expect(page.locator("#f-price-total .value")).to_have_text("USD 13,999.00")
        page.locator("#f-dates-start").focus()
        page.keyboard.press("c")
        expect(page.locator("#f-dates-start")).to_contain_text("reviewed")
        page.fill("#group-exclusions form.add input[name=value]", "Skylight flashing")
        page.click("#group-exclusions form.add button")
        expect(page.locator("#group-exclusions")).to_contain_text("Skylight flashing")
        # The corrected total no longer matches the line items until the addendum is listed.
        expect(page.locator("#flags")).to_contain_text("Line items add up to 12,500.00")
        page.fill("#group-price form.add input[name=value]", "Addendum 1 upgrades: $1,499")
        page.click("#group-price form.add button")
        expect(page.locator("#group-price")).to_contain_text("Addendum 1 upgrades — USD 1,499.00")
        expect(page.locator("#flags")).not_to_contain_text("Line items add up")
        expect(page.locator("table.audit")).to_contain_text("per addendum 1")
        page.screenshot(path=str(SHOTS / "03-corrected.png"), full_page=True)

        # Approve with a comment.
        page.fill("#decide textarea[name=comment]", "Checked against the signed copy")
        page.click("#decide button.approve")
        expect(page.locator(".message")).to_contain_text("Document approved.")
        page.screenshot(path=str(SHOTS / "04-approved.png"), full_page=False)

        # Download the package and the Markdown brief; open the HTML brief.
        with page.expect_download() as dl:
            page.click("text=Package JSON")
        package = json.loads(Path(dl.value.path()).read_text(encoding="utf-8"))
        assert package["price"]["total"]["value"] == {"amount": "13999.00", "currency": "USD"}
        assert {"description": "Addendum 1 upgrades", "amount": {"amount": "1499.00",
                "currency": "USD"}}.items() <= package["price"]["line_items"][-1].items()
        assert package["review"]["status"] == "approved"
        assert "Skylight flashing" in [i["text"] for i in package["scope"]["exclusions"]]
        with page.expect_download() as dl:
            page.click("text=Brief (Markdown)")
        assert "USD 13,999.00" in Path(dl.value.path()).read_text(encoding="utf-8")
        page.goto(f"{base}/documents/{doc_id}/brief.html")
        expect(page.locator("h1")).to_contain_text("What we sold")
        expect(page.locator("body")).to_contain_text("USD 13,999.00")
        expect(page.locator("body")).to_contain_text("Skylight flashing")
        page.screenshot(path=str(SHOTS / "05-brief.png"), full_page=True)
        page.goto(f"{base}/documents/{doc_id}/foreman.html")
        expect(page.locator("body")).not_to_contain_text("13,999")
        page.screenshot(path=str(SHOTS / "06-foreman.png"), full_page=True)

        # A DOCX: no page image, evidence named by paragraph.
        page.goto(base + "/?q=fit-out")
        page.click("text=fit-out.docx")
        expect(page.locator(".no-image")).to_contain_text("not a PDF")
        expect(page.locator("#f-parties-client-name .evidence")).to_contain_text("paragraph 3")
        page.screenshot(path=str(SHOTS / "07-docx-document.png"), full_page=False)
        page.goto(base + "/documents/424242")
        expect(page.locator(".error")).to_contain_text("No such document.")
        page.screenshot(path=str(SHOTS / "08-error.png"))
        browser.close()

    # The approved folder got the same package.
    approved = sorted((data / "approved").glob("*.json"))
    assert any("USD" in p.read_text() and "13999.00" in p.read_text() for p in approved)
    # No script from the document ever ran.
    assert dialogs == []
