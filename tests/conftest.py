"""Shared fixtures: one spaCy parser per test session, paths to shared data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from loopback_server import LoopbackServer, start
from paths import SHARED
from tidings.nlp import Parser

BLINKEN = SHARED / "examples" / "blinken-beijing-2023-06-18.txt"


@pytest.fixture(scope="session")
def parser() -> Parser:
    return Parser()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture(scope="session")
def blinken_text() -> str:
    return BLINKEN.read_text("utf-8")


@pytest.fixture()
def server() -> Iterator[LoopbackServer]:
    """A real HTTP server on 127.0.0.1 with per-test routes (tests/loopback_server.py)."""
    state, httpd = start()
    yield state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store `tidings demo` makes (the bundled samples, ingested once per session); read-only use."""
    from tidings.demo import sample_dir
    from tidings.run.ingest import ingest

    db = tmp_path_factory.mktemp("demo") / "demo.db"
    samples = sorted(p for p in sample_dir().iterdir() if p.suffix in (".html", ".txt", ".jsonl"))
    ingest([str(p) for p in samples], db=str(db))
    return db
