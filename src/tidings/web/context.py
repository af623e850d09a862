"""What every page and endpoint takes from the app: the reader, the labels, the event frame cache,
and rendering."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from tidings.store.event_frame import FrameCache
from tidings.store.sqlite import Store
from tidings.web.db import Reader, reset_deadline
from tidings.web.labels import Labels

FRAME_SECONDS = 60.0  # building the event frame once may take longer than one query may


def reader_of(request: Request) -> Reader:
    reader: Reader = request.app.state.reader
    return reader


def labels_of(request: Request) -> Labels:
    labels: Labels = request.app.state.labels
    return labels


def frames_of(request: Request, store: Store) -> FrameCache:
    """The app's frame cache, with the frame of this store's state built (under a longer time
    limit than one query: it is built once per change of the store, then reused)."""
    frames: FrameCache = request.app.state.frames
    reset_deadline(store.conn, FRAME_SECONDS)
    frames.get(store.conn)
    reset_deadline(store.conn, reader_of(request).seconds)
    return frames


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("path", request.url.path)
    context.setdefault("labels", labels_of(request))
    html = request.app.state.templates.get_template(template).render(**context)
    return HTMLResponse(html, status_code=status)
