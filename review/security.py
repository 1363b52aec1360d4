"""The review app's guards: body-size limit, access token, CSRF tokens, response headers.

- Bodies over ``max_body`` bytes are refused with 413 (Content-Length checked, and bytes
  counted while they arrive, since the header can be absent or lie).
- When a review token is configured every page but ``/login``, ``/healthz`` and ``/static``
  needs the session cookie that ``/login`` gives in exchange for the token.
- Every form carries a CSRF token equal to a random, HttpOnly, SameSite=Strict cookie; a POST
  whose token does not match, or whose Origin is another site, is refused.
- Responses forbid framing, sniffing and scripts from anywhere but ``/static``.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

__all__ = [
    "CSRF_COOKIE",
    "SESSION_COOKIE",
    "BodyLimit",
    "csrf_ok",
    "is_loopback",
    "new_csrf",
    "security_headers",
    "session_value",
    "token_guard",
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSRF_COOKIE = "handoff_csrf"
SESSION_COOKIE = "handoff_session"
OPEN_PATHS = ("/login", "/healthz", "/static/")

CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")


def is_loopback(host: str) -> bool:
    """Whether binding to ``host`` keeps the app on this machine."""
    if host in ("localhost", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class BodyLimit:
    """ASGI middleware: refuse request bodies larger than ``max_body`` bytes."""

    def __init__(self, app: ASGIApp, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.max_body
                except ValueError:
                    too_big = True
                if too_big:
                    await _too_large(scope, receive, send)
                    return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _BodyTooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _BodyTooLarge:
            await _too_large(scope, receive, send)


class _BodyTooLarge(Exception):
    pass


async def _too_large(scope: Scope, receive: Receive, send: Send) -> None:
    response = PlainTextResponse("Request body too large.", status_code=413)
    await response(scope, receive, send)


def new_csrf() -> str:
    return secrets.token_urlsafe(32)


def csrf_ok(request: Request, submitted: str | None) -> bool:
    """The submitted token matches the cookie, and the request comes from this site."""
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not submitted or not hmac.compare_digest(cookie, submitted):
        return False
    origin = request.headers.get("origin")
    if origin and origin != "null":
        host = request.headers.get("host", "")
        return origin.split("://", 1)[-1] == host
    return True


def session_value(token: str, secret: bytes) -> str:
    """The cookie that proves the token was given (the token itself never goes in a cookie)."""
    return hmac.new(secret, hashlib.sha256(token.encode()).digest(), "sha256").hexdigest()


def token_guard(token: str | None, secret: bytes) -> Callable[..., Awaitable[Response]]:
    """HTTP middleware requiring the login session when a review token is configured."""

    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]
                    ) -> Response:
        if token is None or request.url.path.startswith(OPEN_PATHS):
            return await call_next(request)
        expected = session_value(token, secret)
        cookie = request.cookies.get(SESSION_COOKIE, "")
        bearer = request.headers.get("authorization", "")
        if hmac.compare_digest(cookie, expected) or (
            bearer.startswith("Bearer ") and hmac.compare_digest(bearer[7:], token)
        ):
            return await call_next(request)
        if request.method == "GET":
            return RedirectResponse("/login", status_code=303)
        return PlainTextResponse("Log in first.", status_code=401)

    return guard


async def security_headers(request: Request,
                           call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers.setdefault("Cache-Control", "no-store")
    return response
