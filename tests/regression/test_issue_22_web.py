"""Issue 22 on the web server: failure 7 and the slow-client partial, plus HEAD.

7. A crafted API cursor (base64 of "[[[[...") gave 500 on all five list endpoints
   (RecursionError in the cursor decoder); malformed cursors are 400.
- The server never timed out half-sent requests (150 slow clients stayed open): requests
  must arrive within the header/body timeouts and the connections are capped.
- HEAD was answered 405; it is answered like GET, without a body.
The server is the one `tidings serve` runs (tidings.web.server.make_server), on loopback.
"""

from __future__ import annotations

import base64
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from web_store import serve, synthetic_items, write_store

LISTS = ("articles", "entities", "quotes", "events", "themes")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web22") / "w.db"
    write_store(path, synthetic_items(20, seed=22))
    return path


@contextmanager
def running(db: Path, **limits: float) -> Iterator[tuple[str, int]]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    from tidings.web.server import make_server  # here: the tests of the cursor run without it

    server = make_server(db, host="127.0.0.1", port=port, **limits)  # type: ignore[arg-type]
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "server did not start"
        time.sleep(0.02)
    try:
        yield "127.0.0.1", port
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.mark.parametrize("resource", LISTS)
def test_a_crafted_cursor_is_400(db: Path, resource: str) -> None:
    # 3,000 levels is past Python's recursion limit and still fits a request line (h11: 16 KB)
    deep = base64.urlsafe_b64encode(b"[" * 3_000 + b"]" * 3_000).decode().rstrip("=")
    with serve(db) as base:  # the app alone: the fix is in the cursor decoder
        url = f"{base}/api/{resource}"
        for cursor in (deep, "!!!", base64.urlsafe_b64encode(b'{"a": 1}').decode()):
            r = httpx.get(url, params={"cursor": cursor}, timeout=30)
            assert r.status_code == 400, (cursor[:20], r.status_code, r.text[:200])
            assert r.json()["error"].startswith("cursor:")


def test_head_is_answered_like_get(db: Path) -> None:
    with running(db) as (host, port), httpx.Client(base_url=f"http://{host}:{port}", timeout=30) as client:
        for path in ("/", "/api/articles", "/search?q=trade", "/static/app.css"):
            get, head = client.get(path), client.head(path)
            assert head.status_code == get.status_code == 200, (path, head.status_code)
            assert head.content == b""
            assert head.headers["content-type"] == get.headers["content-type"]
            assert head.headers["content-security-policy"] == get.headers["content-security-policy"]


def _slow_client(host: str, port: int) -> socket.socket:
    sock = socket.create_connection((host, port), timeout=10)
    sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")  # and never the blank line
    return sock


def _closed_within(sock: socket.socket, seconds: float) -> bytes | None:
    """What the server sent before closing, or None if it kept the socket open."""
    sock.settimeout(seconds)
    data = b""
    try:
        while chunk := sock.recv(4096):
            data += chunk
    except TimeoutError:
        return None
    return data


def test_half_sent_requests_time_out(db: Path) -> None:
    with running(db, header_timeout=1.0, body_timeout=1.0) as (host, port):
        slow = [_slow_client(host, port) for _ in range(20)]
        started = time.monotonic()
        for sock in slow:
            answer = _closed_within(sock, 10)
            assert answer is not None and answer.startswith(b"HTTP/1.1 408"), answer
            sock.close()
        assert time.monotonic() - started < 8
        # a request that trickles in byte by byte is held to the same deadline
        sock = socket.create_connection((host, port), timeout=10)
        t0 = time.monotonic()
        closed = False
        for byte in b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 100:
            try:
                sock.sendall(bytes([byte]))
            except OSError:
                closed = True
                break
            time.sleep(0.1)
        assert closed or _closed_within(sock, 5) is not None
        assert time.monotonic() - t0 < 8
        sock.close()
        # a body that never comes: the app answers (405, it takes no bodies), then the
        # connection is closed when the body deadline passes
        sock = socket.create_connection((host, port), timeout=10)
        t0 = time.monotonic()
        sock.sendall(b"POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc")
        assert _closed_within(sock, 10) is not None and time.monotonic() - t0 < 5
        sock.close()
        # and the server still answers whole requests
        assert httpx.get(f"http://{host}:{port}/api/articles", timeout=30).status_code == 200


def test_connections_are_capped(db: Path) -> None:
    with running(db, header_timeout=30.0, max_connections=5) as (host, port):
        held = [_slow_client(host, port) for _ in range(5)]
        time.sleep(0.3)
        extra = socket.create_connection((host, port), timeout=10)
        answer = _closed_within(extra, 10)
        assert answer is not None and answer.startswith(b"HTTP/1.1 503"), answer
        extra.close()
        for sock in held:
            sock.close()
        time.sleep(0.3)
        assert httpx.get(f"http://{host}:{port}/api/articles", timeout=30).status_code == 200
