"""Issue 22 probe "two concurrent ingests equal sequential ones": it held on an existing store,
but two ingests started together on a new database could both read "no migrations applied",
and the second then re-ran the first's migrations (exit 2: "no such trigger
event_daily_add"). A migration already applied when its write lock is taken is skipped.
tests/run/test_concurrent_ingest.py runs the two processes; this is the race, made certain."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tidings.store.migrations import MIGRATIONS, applied, apply_pending, migrate


def test_migrations_applied_by_another_connection_meanwhile_are_skipped(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    late = sqlite3.connect(db, isolation_level=None)
    early = sqlite3.connect(db, isolation_level=None)
    assert applied(late) == []  # what the late one read before it took the write lock
    migrate(early)  # the other process, faster, migrated everything
    assert apply_pending(late, MIGRATIONS) == []
    assert applied(late) == [m.name for m in MIGRATIONS]
    assert late.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
