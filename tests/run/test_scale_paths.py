"""The one-process, worker-pool and Dask paths produce the same rows on the same input."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tidings.config import Options
from tidings.run.dask import merge, query, run_dask
from tidings.run.ingest import ingest
from tidings.store.sqlite import Store

Rows = list[tuple[Any, ...]]


def snapshot(db: Path) -> tuple[Rows, Rows, Rows, Rows]:
    conn = sqlite3.connect(db)
    try:
        arts = sorted(conn.execute("SELECT id, version FROM articles"))
        facts = sorted(conn.execute("SELECT id, kind, data FROM facts"))
        ledger = sorted(conn.execute("SELECT origin, coalesce(code, status) FROM ingest_ledger"))
        events = conn.execute("SELECT * FROM event_index ORDER BY id").fetchall()  # cluster ids included
        return arts, facts, ledger, events
    finally:
        conn.close()


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Path:
    d = tmp_path_factory.mktemp("shards")
    lines = (shared / "data/corpus/text/bbc/bbc-000.jsonl").read_text().splitlines()
    for i in range(3):
        (d / f"part-{i}.jsonl").write_text("\n".join(lines[i * 4 : i * 4 + 4]) + "\n{broken\n")
    shutil.copy(shared / "examples/blinken-beijing-2023-06-18.txt", d / "blinken.txt")
    return d


@pytest.mark.slow
def test_workers_and_dask_match_the_one_process_run(shards: Path, tmp_path: Path) -> None:
    from distributed import Client, LocalCluster

    options = Options().with_overrides(store__batch_size=3, input__published="2023-06-18")
    ingest([str(shards)], db=str(tmp_path / "one.db"), options=options)
    ingest([str(shards)], db=str(tmp_path / "two.db"), options=options, workers=2)
    out = tmp_path / "parquet"
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        first = run_dask([str(shards)], str(out), options, client=client)
        again = run_dask([str(shards)], str(out), options, client=client)  # a re-run rewrites the same files
    assert sorted(r["key"] for r in first) == sorted(r["key"] for r in again)
    assert len(list((out / "articles").glob("*.parquet"))) == len(first)  # one partition per task
    merge(out, str(tmp_path / "dask.db"))
    merge(out, str(tmp_path / "dask.db"))  # idempotent
    one = snapshot(tmp_path / "one.db")
    assert len(one[0]) == 13 and sum(1 for _, code in one[2] if code == "bad_jsonl") == 3
    assert one[3] and all(row[15] for row in one[3])  # every event has its cluster
    assert snapshot(tmp_path / "two.db") == one
    assert snapshot(tmp_path / "dask.db") == one
    _cols, rows = query(out, "SELECT count(DISTINCT id) FROM articles")
    assert rows == [(13,)]
    blinken = [json.loads(d) for _, kind, d in one[1] if kind == "entities"]
    assert all(e["article_id"] for e in blinken)


@pytest.mark.slow
def test_cli_dask_engine_merges_as_tasks_finish(shards: Path, tmp_path: Path) -> None:
    options = Options().with_overrides(store__batch_size=3, input__published="2023-06-18")
    ingest([str(shards)], db=str(tmp_path / "one.db"), options=options)
    cli = [str(Path(sys.executable).parent / "tidings"), "ingest", str(shards), "--db", str(tmp_path / "cli.db")]
    cli += ["--engine", "dask", "--workers", "2", "--batch-size", "3", "--published", "2023-06-18"]
    cli += ["--parquet-out", str(tmp_path / "pq")]
    done = subprocess.run(cli, capture_output=True, text=True, timeout=600)
    assert done.returncode == 1, done.stderr  # three broken JSONL lines are rejected
    assert snapshot(tmp_path / "cli.db") == snapshot(tmp_path / "one.db")
    with Store.open(tmp_path / "cli.db", readonly=True) as store:
        assert store.conn.execute("SELECT count(*) FROM actors").fetchone()[0] > 0
        assert store.conn.execute("SELECT count(*) FROM annotations").fetchone()[0] > 0
