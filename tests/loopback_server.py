"""A real HTTP server on 127.0.0.1 for fetcher tests: routes are set per test, every
request is logged with its Host header, path and arrival time (time.monotonic)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Reply = tuple[int, dict[str, str], bytes]
Route = Callable[["Hit"], Reply]


@dataclass
class Hit:
    host: str
    path: str
    at: float
    headers: dict[str, str]


@dataclass
class LoopbackServer:
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    port: int = 0

    def route(self, path: str, status: int = 200, body: bytes = b"", **headers: str) -> None:
        hdrs = {k.replace("_", "-"): v for k, v in headers.items()}
        self.routes[path] = lambda hit: (status, hdrs, body)

    def hits_for(self, path: str) -> list[Hit]:
        return [h for h in self.hits if h.path == path]

    def url(self, host: str, path: str) -> str:
        return f"http://{host}:{self.port}{path}"


def start() -> tuple[LoopbackServer, ThreadingHTTPServer]:
    state = LoopbackServer()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hit = Hit(self.headers.get("Host", "").split(":")[0], self.path, time.monotonic(), dict(self.headers))
            with lock:
                state.hits.append(hit)
            route = state.routes.get(self.path)
            if route is None:
                status, headers, body = 404, {"Content-Type": "text/plain"}, b"not found"
            else:
                status, headers, body = route(hit)
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return state, server
