"""The web app: server-rendered pages and a JSON API over a read-only store.

``create_app(db_path)`` builds it; ``tidings serve`` runs it with uvicorn. Every response
carries a strict Content-Security-Policy and ``nosniff``; pages render scraped text only
as escaped text; the API compiles structured filters to SQL with bound parameters.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from tidings.store.event_frame import FrameCache
from tidings.web.api import router as api_router
from tidings.web.api_browse import router as api_browse_router
from tidings.web.browse import router as browse_router
from tidings.web.db import QueryTimeout, Reader
from tidings.web.docs import router as docs_router
from tidings.web.filters import QueryError
from tidings.web.highlight import snippet_html
from tidings.web.labels import Labels
from tidings.web.pages import router as pages_router
from tidings.web.worldmap import Basemap

LOGGER = logging.getLogger(__name__)
STATIC = Path(__file__).with_name("static")
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none';"
    " base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def safe_href(url: object) -> str | None:
    """The URL if it is a plain http(s) URL, else None (no javascript:, data:, ...)."""
    if not isinstance(url, str) or len(url) > 4000:
        return None
    if any(ord(c) < 33 or ord(c) == 127 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def make_templates() -> Environment:
    env = Environment(
        loader=PackageLoader("tidings.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_href"] = safe_href
    env.filters["snippet"] = snippet_html
    return env


def create_app(db_path: str | Path, *, query_seconds: float = 2.0, warm: bool = False) -> FastAPI:
    """The ASGI app serving ``db_path`` (migrated once if needed, then only read). The event frame
    (facets, map, timelines) is built by the first request that needs it, or with ``warm`` in a
    background thread right away (which slows every other request while it runs)."""
    app = FastAPI(
        title="tidings",
        description="News articles and the facts found in them, each linked to the words it came from.",
        version="1",
        docs_url=None,  # the stock docs pages load scripts from a CDN: /docs is our own page
        redoc_url=None,
    )
    app.state.reader = Reader(db_path, seconds=query_seconds)
    app.state.templates = make_templates()
    app.state.labels = Labels.load()
    app.state.frames = FrameCache()
    app.state.basemap = Basemap()
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api_browse_router)
    app.include_router(api_router)
    app.include_router(docs_router)
    app.include_router(browse_router)
    app.include_router(pages_router)
    if warm:
        threading.Thread(target=_warm, args=(app,), daemon=True).start()

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        started = time.perf_counter()
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers[name] = value
        # the server's own time (streamed downloads: until the first byte)
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
        return response

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    def error(request: Request, status: int, message: str) -> Response:
        if wants_json(request):
            return JSONResponse({"error": message}, status_code=status)
        page = app.state.templates.get_template("error.html").render(status=status, message=message)
        return HTMLResponse(page, status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> Response:
        return error(request, 400, str(exc))

    @app.exception_handler(QueryTimeout)
    async def timeout(request: Request, exc: QueryTimeout) -> Response:
        return error(request, 503, str(exc))

    @app.exception_handler(sqlite3.Error)
    async def db_error(request: Request, exc: sqlite3.Error) -> Response:
        LOGGER.exception("database error on %s", request.url.path)
        return error(request, 500, "database error")

    return app


def _warm(app: FastAPI) -> None:
    """Build the event frame before the first page needs it (a failure only logs: the first
    request builds it again and reports the error properly)."""
    try:
        with app.state.reader.connect() as store:
            store.conn.set_progress_handler(None, 0)
            app.state.frames.get(store.conn)
    except Exception:
        LOGGER.warning("could not build the event frame ahead of time", exc_info=True)
