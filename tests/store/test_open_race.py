"""Processes opening one new database at the same moment all get a store (real SQLite, real
processes): the loser of the race for the journal mode tries again instead of failing."""

from __future__ import annotations

import multiprocessing as mp
from multiprocessing.synchronize import Event as EventType
from pathlib import Path

from tidings.store.sqlite import Store


def _open(path: str, go: EventType, results: mp.Queue[str]) -> None:
    go.wait()
    try:
        with Store.open(path) as store:
            store.conn.execute("SELECT COUNT(*) FROM _migrations").fetchone()
        results.put("ok")
    except Exception as exc:  # reported to the test, which names it
        results.put(f"{type(exc).__name__}: {exc}")


def test_processes_opening_a_new_database_together_all_succeed(tmp_path: Path) -> None:
    ctx = mp.get_context("fork")
    for round_ in range(3):
        path = str(tmp_path / f"new{round_}.db")
        go, results = ctx.Event(), ctx.Queue()
        procs = [ctx.Process(target=_open, args=(path, go, results)) for _ in range(6)]
        for p in procs:
            p.start()
        go.set()
        outcomes = [results.get(timeout=60) for _ in procs]
        for p in procs:
            p.join(60)
        assert outcomes == ["ok"] * len(procs), outcomes
