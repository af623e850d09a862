"""`tidings serve` as a process; read-only connections; the query time limit (503)."""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tidings.web.db import QueryTimeout, Reader
from web_store import serve, synthetic_items, write_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "s.db"
    write_store(path, synthetic_items(150, seed=5))
    return path


def test_web_serve_command_runs_the_app(db: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "tidings.cli.app", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "serve did not come up"
                time.sleep(0.2)
        assert r.status_code == 200 and "text/html" in r.headers["content-type"]
        assert r.headers["content-security-policy"].startswith("default-src 'self'")
        assert httpx.get(f"http://127.0.0.1:{port}/openapi.json").json()["info"]["title"] == "tidings"
        docs = httpx.get(f"http://127.0.0.1:{port}/docs")  # our own page: no script from another host
        assert docs.status_code == 200 and "/api/events/summary" in docs.text
        assert "<script" not in docs.text.replace('<script src="/static/app.js" defer></script>', "")
        assert httpx.get(f"http://127.0.0.1:{port}/api/").json()["docs"] == "/docs"
    finally:
        proc.terminate()
        proc.wait(10)


def test_web_readers_cannot_write(db: Path) -> None:
    with Reader(db).connect() as store, pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.conn.execute("DELETE FROM articles")


def test_web_query_time_limit_answers_503(db: Path) -> None:
    with pytest.raises(QueryTimeout), Reader(db, seconds=0.0).connect() as store:
        store.conn.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) FROM n")
    with serve(db, query_seconds=0.0) as base, httpx.Client(base_url=base) as client:
        r = client.get("/api/articles", params={"country": "USA", "sort": "title"})
        assert r.status_code == 503 and "exceeded" in r.json()["error"]
        page = client.get("/search", params={"country": "USA"})
        assert page.status_code == 503 and "text/html" in page.headers["content-type"]
    with serve(db) as base:
        assert httpx.get(base + "/api/articles", params={"country": "USA"}).status_code == 200
