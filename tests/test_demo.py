"""`tidings demo` (what `make demo` runs) on the bundled samples, end to end into a real SQLite file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tidings.store.clusters import cluster_rows
from tidings.store.sqlite import Store


def test_demo_stores_the_samples_and_clusters_a_retold_visit(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    res = subprocess.run(
        [sys.executable, "-m", "tidings.cli.app", "demo", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "COLUMNS": "160"},
    )
    assert res.returncode == 0, res.stderr
    assert "Events across articles" in res.stdout and "The brief" in res.stdout
    with Store.open(str(db), readonly=True) as store:
        assert store.counts()["articles"] == 7
        # two sample sites report Donovan's arrival in Beijing: one cluster, two articles, two sources
        visit = [
            c
            for c in cluster_rows(store.conn, factuality="asserted")
            if c["dyad"] == "AUS-CHN" and c["cameo_root"] == "04" and c["first_date"] == "2024-03-10"
        ]
        assert visit and visit[0]["num_articles"] == 2 and visit[0]["num_sources"] == 2
