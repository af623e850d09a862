"""Running the web app on a socket: uvicorn with the limits a listening server needs.

uvicorn alone waits forever for a request that never finishes arriving (150 slow clients
that each send a byte now and then stayed open in the issue 22 probe), and answers HEAD
with 405. Here:

- request headers must arrive within ``header_timeout`` seconds of the first byte (or of
  the connection), a request body within ``body_timeout`` of its headers; a client that
  is slower gets ``408`` and the connection is closed (idle keep-alive connections are
  closed after uvicorn's ``timeout_keep_alive``);
- at most ``max_connections`` are open at once; one more gets ``503`` and is closed;
- HEAD is answered as GET without the body, on every page and API route.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from tidings.web.app import create_app

HEADER_TIMEOUT = 10.0
BODY_TIMEOUT = 30.0
MAX_CONNECTIONS = 100
KEEP_ALIVE = 5

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class HeadAsGet:
    """ASGI middleware: a HEAD request runs as GET and its body is dropped."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {"type": "http.response.body", "body": b"", "more_body": message.get("more_body", False)}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def _raw_response(status: bytes) -> bytes:
    body = status.split(b" ", 1)[1] + b"\n"
    return (
        b"HTTP/1.1 " + status + b"\r\ncontent-type: text/plain; charset=utf-8\r\n"
        b"content-length: " + str(len(body)).encode() + b"\r\nconnection: close\r\n\r\n" + body
    )


def guarded_protocol(header_timeout: float, body_timeout: float, max_connections: int) -> type[H11Protocol]:
    """uvicorn's h11 protocol with request deadlines and a connection cap."""

    class GuardedH11Protocol(H11Protocol):
        _timer: asyncio.TimerHandle | None = None
        _phase = "idle"  # idle (keep-alive, uvicorn's timer) | head | body | busy (the app's turn)

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            if len(self.connections) > max_connections:
                self._refuse(b"503 Service Unavailable")
                return
            self._enter("head", header_timeout)

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            self._follow()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if self.conn.their_state is h11.IDLE and self.conn.our_state is h11.IDLE:
                self._enter("idle", None)  # uvicorn's keep-alive timer takes over
            else:
                self._follow()  # a pipelined request, processed already

        def connection_lost(self, exc: Exception | None) -> None:
            self._cancel()
            super().connection_lost(exc)

        def _follow(self) -> None:
            state = self.conn.their_state
            if state is h11.IDLE:  # bytes of a request's head have come, not all of it
                if self._phase not in ("head", "busy"):
                    self._enter("head", header_timeout)
            elif state is h11.SEND_BODY:
                if self._phase != "body":
                    self._enter("body", body_timeout)
            else:
                self._enter("busy", None)

        def _enter(self, phase: str, seconds: float | None) -> None:
            self._cancel()
            self._phase = phase
            if seconds is not None:
                self._timer = self.loop.call_later(seconds, self._too_slow)

        def _cancel(self) -> None:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None

        def _too_slow(self) -> None:
            self._timer = None
            if not self.transport.is_closing():
                self.logger.info("closing a connection whose request took too long (%s)", self._phase)
                self._refuse(b"408 Request Timeout")

        def _refuse(self, status: bytes) -> None:
            self._cancel()
            if self.conn.our_state is h11.IDLE:  # nothing of a response sent yet
                self.transport.write(_raw_response(status))
            self.transport.close()

    return GuardedH11Protocol


def make_server(
    db: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    query_seconds: float = 2.0,
    header_timeout: float = HEADER_TIMEOUT,
    body_timeout: float = BODY_TIMEOUT,
    max_connections: int = MAX_CONNECTIONS,
    log_level: str = "warning",
) -> uvicorn.Server:
    """The uvicorn server ``tidings serve`` runs (tests start the same one on loopback)."""
    config = uvicorn.Config(
        HeadAsGet(create_app(db, query_seconds=query_seconds)),
        host=host,
        port=port,
        log_level=log_level,
        lifespan="off",
        http=guarded_protocol(header_timeout, body_timeout, max_connections),
        timeout_keep_alive=KEEP_ALIVE,
        limit_concurrency=max_connections + 1,  # requests in flight; the cap on connections is ours
    )
    return uvicorn.Server(config)
