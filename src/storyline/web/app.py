"""The ASGI app: API, pages, static files, body size limits and security headers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from storyline import __version__
from storyline.web.problems import install_handlers, problem_response
from storyline.web.service import StoryService

#: Largest request body for one article (JSON) and for a JSON Lines batch.
MAX_BODY_BYTES = 4 * 1024 * 1024
MAX_BATCH_BYTES = 32 * 1024 * 1024

#: Only the app's own script and stylesheet run or apply: article text can never add either.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; "
    "object-src 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


def create_app(
    store_path: str | Path,
    token: str | None = None,
    *,
    max_body_bytes: int = MAX_BODY_BYTES,
    max_batch_bytes: int = MAX_BATCH_BYTES,
    fetch_urls: bool = True,
    service: StoryService | None = None,
) -> FastAPI:
    """The app over the store at ``store_path``; ``token`` (if given) is required for writes."""
    from storyline.web.api import build_router
    from storyline.web.pages import build_pages

    service = service or StoryService(store_path)
    app = FastAPI(
        title="storyline",
        version=__version__,
        description="Stories, who copied whom, claims and contradictions, as articles arrive.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.service = service
    install_handlers(app)
    app.include_router(build_router(service, token, fetch_enabled=fetch_urls))
    app.include_router(build_pages(service))
    static = Path(__file__).parent / "static"
    app.mount("/static", StaticFiles(directory=static), name="static")
    app.add_middleware(
        _Guard,  # type: ignore[arg-type]
        max_body_bytes=max_body_bytes,
        max_batch_bytes=max_batch_bytes,
    )
    return app


class _Guard:
    """Pure ASGI middleware: refuses bodies above the limit (413, before the route reads them)
    and adds the security headers to every response."""

    def __init__(self, app: Any, max_body_bytes: int, max_batch_bytes: int) -> None:
        self.app = app
        self.max_body = max_body_bytes
        self.max_batch = max_batch_bytes

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_batch if scope["path"].endswith("/batch") else self.max_body

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        declared = dict(scope.get("headers", [])).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await self._too_large(scope, receive, send_with_headers, limit)
            return
        # Read the body here, counting, so a body without (or lying about) its length is
        # refused too; then hand it to the app as one message.
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await self._too_large(scope, receive, send_with_headers, limit)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Any:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send_with_headers)

    @staticmethod
    async def _too_large(scope: Any, receive: Any, send: Any, limit: int) -> None:
        response = problem_response(
            413, f"the request body is above the {limit}-byte limit", instance=scope["path"]
        )
        await response(scope, receive, send)
