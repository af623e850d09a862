"""Read-only, time-limited SQLite connections for the web app.

Each request opens its own ``mode=ro`` connection (cheap, and WAL readers never block the
writer nor get blocked by it). A progress handler aborts any statement that runs past
the deadline, so one heavy query cannot pin a worker thread.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tidings.store.migrations import MIGRATIONS
from tidings.store.sqlite import Store

# Checked every this many SQLite VM instructions (~0.1 ms of work): cheap and prompt.
PROGRESS_EVERY = 1000


class QueryTimeout(Exception):
    """A read query ran past its time limit (HTTP 503)."""


class Reader:
    """Opens read-only connections to one database file."""

    def __init__(self, path: str | Path, seconds: float = 2.0) -> None:
        self.path = str(path)
        self.seconds = seconds
        prepare(self.path)

    @contextmanager
    def connect(self) -> Iterator[Store]:
        store = Store.open(self.path, readonly=True)
        reset_deadline(store.conn, self.seconds)
        try:
            yield store
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise QueryTimeout(f"query exceeded {self.seconds:g}s") from exc
            raise
        finally:
            store.close()


def reset_deadline(conn: sqlite3.Connection, seconds: float) -> None:
    """(Re)start the time limit of ``conn``: statements abort ``seconds`` from now."""
    deadline = time.monotonic() + seconds

    def over() -> int:
        return 1 if time.monotonic() > deadline else 0

    conn.set_progress_handler(over, PROGRESS_EVERY)


def prepare(path: str) -> None:
    """Create the database or apply pending migrations once, before serving read-only."""
    if Path(path).exists():
        with Store.open(path, readonly=True) as store:
            try:
                done = [r[0] for r in store.conn.execute("SELECT name FROM _migrations ORDER BY rowid")]
            except sqlite3.OperationalError:
                done = []
        if done == [m.name for m in MIGRATIONS]:
            return
    Store.open(path).close()
