"""The review web app: queue, document page, corrections, approval, downloads.

Server-rendered with Jinja2 (autoescaped) and a little of our own JavaScript for keyboard
navigation and evidence highlighting; everything works without it. ``create_app`` builds the
app from settings and an open store; ``handoff review`` serves it with uvicorn.
"""

from __future__ import annotations

import io
import json
import logging
import re
import secrets
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from models.handoff import ReviewStatus
from models.settings import Settings
from review.brief import render
from review.gold import gold_file
from review.package import package_json, write_approved
from review.pages import RenderFailed, locate_source, page_sizes, render_page
from review.security import (
    CSRF_COOKIE,
    SESSION_COOKIE,
    BodyLimit,
    csrf_ok,
    new_csrf,
    security_headers,
    session_value,
    token_guard,
)
from review.view import build_groups, evidence_json
from store import DocumentNotFound, EditError, Store, open_store
from store.edits import confirmed_fields
from store.store import SORTS

__all__ = ["create_app"]

log = logging.getLogger("handoff.review")
HERE = Path(__file__).resolve().parent
MAX_BODY = 256 * 1024
PAGE_SIZE = 100
REVIEWER_COOKIE = "handoff_reviewer"
DOWNLOADS: dict[str, tuple[str, str]] = {
    "brief.html": ("html", "text/html; charset=utf-8"),
    "brief.md": ("md", "text/markdown; charset=utf-8"),
    "foreman.html": ("foreman", "text/html; charset=utf-8"),
    "milestones.ics": ("ics", "text/calendar; charset=utf-8"),
}


class ReviewError(Exception):
    """A reviewer's request that cannot be done, with the sentence to show."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


def create_app(
    settings: Settings,
    store: Store | None = None,
    *,
    extra_roots: Sequence[Path] = (),
    max_body: int = MAX_BODY,
    allowed_hosts: Sequence[str] | None = None,
) -> FastAPI:
    """The review app over ``store`` (opened from ``settings.database_url`` when not given).

    ``allowed_hosts`` limits the Host header (``handoff review`` passes the loopback names when
    bound to loopback, so a web page cannot reach the app through DNS rebinding).
    """
    store = store or open_store(settings.database_url)
    roots = [settings.data_dir.resolve(), *(Path(r).resolve() for r in extra_roots)]
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["status_values"] = [s.value for s in ReviewStatus]
    secret = secrets.token_bytes(32)
    token = settings.review_token or None

    app = FastAPI(title="handoff review", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.store = store
    app.middleware("http")(token_guard(token, secret))
    app.middleware("http")(security_headers)
    app.add_middleware(BodyLimit, max_body=max_body)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    # --- helpers -------------------------------------------------------------------------------
    def page(request: Request, name: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
        csrf = request.cookies.get(CSRF_COOKIE) or new_csrf()
        ctx.update(csrf=csrf, reviewer=_reviewer(request), token_required=token is not None)
        response = templates.TemplateResponse(request, name, ctx, status_code=status_code)
        if request.cookies.get(CSRF_COOKIE) != csrf:
            response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict", path="/")
        return response

    async def form(request: Request) -> FormData:
        data = await request.form(max_files=0, max_fields=32, max_part_size=64 * 1024)
        value = data.get("csrf")
        if not csrf_ok(request, value if isinstance(value, str) else None):
            raise ReviewError("The form expired or came from another site; reload the page.",
                              403)
        return data

    def text(data: FormData, name: str) -> str:
        value = data.get(name)
        return value if isinstance(value, str) else ""

    def doc_or_404(doc_id: int) -> Any:
        try:
            return store.get_document(doc_id)
        except DocumentNotFound:
            raise ReviewError("No such document.", 404) from None

    def back(doc_id: int, anchor: str = "", message: str = "") -> RedirectResponse:
        url = f"/documents/{doc_id}"
        if message:
            url += "?msg=" + quote(message)
        return RedirectResponse(url + (f"#{anchor}" if anchor else ""), status_code=303)

    # --- errors --------------------------------------------------------------------------------
    @app.exception_handler(ReviewError)
    async def review_error(request: Request, exc: ReviewError) -> Response:
        return page(request, "error.html", exc.status, message=exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = {404: "Page not found.", 405: "Method not allowed."}.get(
            exc.status_code, str(exc.detail))
        return page(request, "error.html", exc.status_code, message=message)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        return page(request, "error.html", 400, message="The request was not understood.")

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        ref = secrets.token_hex(4)
        log.error("review error %s on %s", ref, request.url.path, exc_info=exc)
        return HTMLResponse(
            f"<!doctype html><title>Error</title><p>Something went wrong (reference {ref}). "
            "The details are in the server log.</p>", status_code=500)

    # --- pages ---------------------------------------------------------------------------------
    @app.get("/healthz")
    def healthz() -> JSONResponse:
        return JSONResponse({"ok": True})

    @app.get("/", response_class=HTMLResponse)
    def queue(request: Request, status: str = "", flag: str = "", q: str = "",
              sort: str = "newest", start: int = 0) -> Response:
        if status and status not in {s.value for s in ReviewStatus}:
            status = ""
        sort = sort if sort in SORTS else "newest"
        q, flag = q[:200], flag[:100]
        filters = {"status": status or None, "flag": flag or None, "q": q or None}
        total = store.count_documents(**filters)
        start = max(0, min(start, max(total - 1, 0)))
        documents = store.list_documents(**filters, sort=sort, limit=PAGE_SIZE, offset=start)
        failures = store.list_failures(q=q or None) if not (status or flag) else []
        query = {k: v for k, v in (("status", status), ("flag", flag), ("q", q),
                                   ("sort", sort)) if v}
        prev_url = next_url = ""
        if start > 0:
            prev_url = "/?" + urlencode({**query, "start": max(0, start - PAGE_SIZE)})
        if start + PAGE_SIZE < total:
            next_url = "/?" + urlencode({**query, "start": start + PAGE_SIZE})
        return page(request, "queue.html", documents=documents, failures=failures,
                    flag_codes=store.flag_codes(), status=status, flag=flag, q=q, sort=sort,
                    sorts=SORTS, total=total, start=start, prev_url=prev_url,
                    next_url=next_url)

    @app.get("/documents/{doc_id}", response_class=HTMLResponse)
    def document(request: Request, doc_id: int, msg: str = "") -> Response:
        doc = doc_or_404(doc_id)
        current = store.current(doc_id)
        edits = store.edits(doc_id)
        groups = build_groups(current, confirmed_fields(current, [e.edit for e in edits]))
        source = locate_source(doc.source_path, doc.sha256, doc.media_type, roots)
        sizes = page_sizes(source) if source else []
        edited = {e.edit.field for e in edits if e.edit.action != "confirm"}
        return page(
            request, "document.html", doc=doc, h=current, groups=groups, edits=edits,
            evidence=evidence_json(groups), sizes=sizes, has_image=bool(sizes),
            extractions=store.extractions(doc_id), differences=store.differences(doc_id),
            edited=edited, versions=store.versions(doc_id), message=msg[:300],
            editable=doc.status == ReviewStatus.needs_review.value,
        )

    @app.get("/documents/{doc_id}/pages/{number}.png")
    def page_image(doc_id: int, number: int) -> Response:
        doc = doc_or_404(doc_id)
        source = locate_source(doc.source_path, doc.sha256, doc.media_type, roots)
        if source is None:
            raise ReviewError("No page image for this document.", 404)
        try:
            png = render_page(source, number)
        except IndexError:
            raise ReviewError("No such page.", 404) from None
        except RenderFailed as exc:
            raise ReviewError(f"The page image could not be made: {exc}.", 503) from None
        return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=300"})

    @app.post("/documents/{doc_id}/edit")
    async def edit(request: Request, doc_id: int) -> Response:
        data = await form(request)
        return await run_in_threadpool(_edit, request, doc_id, data)

    def _edit(request: Request, doc_id: int, data: FormData) -> Response:
        doc_or_404(doc_id)
        field, action = text(data, "field"), text(data, "action")
        anchor = re.sub(r"[^A-Za-z0-9_-]", "", text(data, "anchor"))[:100]
        try:
            store.add_edit(doc_id, field=field, action=action, by=_reviewer(request),
                           new=text(data, "value") if action != "delete" else None,
                           old=text(data, "old") or None, comment=text(data, "comment") or None)
        except EditError as exc:
            return back(doc_id, anchor, f"Not saved: {exc}")
        return back(doc_id, anchor)

    @app.post("/documents/{doc_id}/review")
    async def decide(request: Request, doc_id: int) -> Response:
        data = await form(request)
        return await run_in_threadpool(_decide, request, doc_id, data)

    def _decide(request: Request, doc_id: int, data: FormData) -> Response:
        doc = doc_or_404(doc_id)
        decision, comment = text(data, "decision"), text(data, "comment")[:4000]
        statuses = {"approve": ReviewStatus.approved, "reject": ReviewStatus.rejected,
                    "reopen": ReviewStatus.needs_review}
        if decision not in statuses:
            raise ReviewError("Unknown decision.")
        if decision == "reject" and not comment.strip():
            return back(doc_id, "decide", "Say why the document is rejected.")
        status = statuses[decision]
        if status is ReviewStatus.approved:
            final = store.current(doc_id).model_copy(deep=True)
            final.review.status = ReviewStatus.approved
            try:
                write_approved(final, settings.approved_dir, file_name=doc.file_name)
            except OSError as exc:
                log.error("cannot write the approved package of %s", doc.sha256, exc_info=exc)
                return back(doc_id, "decide", "Not approved: the approved package could not be "
                            f"written ({exc.strerror or 'error'}).")
        store.set_status(doc_id, status.value, by=_reviewer(request), comment=comment or None)
        return back(doc_id, "", f"Document {status.value.replace('_', ' ')}.")

    @app.post("/reviewer")
    async def set_reviewer(request: Request) -> Response:
        data = await form(request)
        name = " ".join(text(data, "name").split())[:80] or "reviewer"
        target = text(data, "next")
        if not re.fullmatch(r"/(?![/\\])[A-Za-z0-9/_.\-]*", target):
            target = "/"
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(REVIEWER_COOKIE, quote(name), httponly=True, samesite="strict")
        return response

    # --- downloads -----------------------------------------------------------------------------
    @app.get("/documents/{doc_id}/package.json")
    def package(doc_id: int) -> Response:
        doc = doc_or_404(doc_id)
        return Response(package_json(store.current(doc_id)), media_type="application/json",
                        headers=_attachment(f"{doc.sha256[:16]}.json"))

    @app.get("/documents/{doc_id}/gold.json")
    def gold(doc_id: int) -> Response:
        doc = doc_or_404(doc_id)
        body = json.dumps(gold_file(store.current(doc_id), file_name=doc.file_name), indent=2)
        return Response(body, media_type="application/json",
                        headers=_attachment(f"{doc.sha256[:16]}.gold.json"))

    @app.get("/documents/{doc_id}/{name}")
    def download(doc_id: int, name: str) -> Response:
        if name not in DOWNLOADS:
            raise ReviewError("Page not found.", 404)
        doc = doc_or_404(doc_id)
        fmt, media = DOWNLOADS[name]
        headers = {} if fmt in ("html", "foreman") else _attachment(f"{doc.sha256[:16]}.{name}")
        return Response(render(store.current(doc_id), fmt), media_type=media, headers=headers)

    @app.get("/export/gold.zip")
    def export_gold() -> Response:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for doc in store.list_documents(status=ReviewStatus.approved.value):
                g = gold_file(store.current(doc.id), file_name=doc.file_name)
                zf.writestr(f"{doc.sha256}.gold.json", json.dumps(g, indent=2))
        return Response(buf.getvalue(), media_type="application/zip",
                        headers=_attachment("gold.zip"))

    # --- login (only when a token is configured) -----------------------------------------------
    @app.get("/login", response_class=HTMLResponse)
    def login_form(request: Request) -> Response:
        return page(request, "login.html", message="")

    @app.post("/login")
    async def login(request: Request) -> Response:
        data = await form(request)
        given = text(data, "token")
        if token is None:
            return RedirectResponse("/", status_code=303)
        if not secrets.compare_digest(given.encode(), token.encode()):
            return page(request, "login.html", 401, message="Wrong token.")
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(SESSION_COOKIE, session_value(token, secret), httponly=True,
                            samesite="strict", path="/")
        return response

    return app


def _reviewer(request: Request) -> str:
    from urllib.parse import unquote

    name = unquote(request.cookies.get(REVIEWER_COOKIE, ""))
    return " ".join(name.split())[:80] or "reviewer"


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}
