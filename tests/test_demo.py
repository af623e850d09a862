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
    # the actor table shows one actor for the minister both sites name, whatever words they used
    assert "Actors across articles" in res.stdout and "When and where" in res.stdout
    table = res.stdout.split("Actors across articles", 1)[1].splitlines()
    donovan = [line for line in table if line.startswith("│ Claire Donovan")]
    assert len(donovan) == 1 and "AUSGOV" in donovan[0] and "│ 2 " in donovan[0], donovan


def test_demo_fails_when_a_sample_fails(tmp_path: Path) -> None:
    """A broken install rejects every page; the demo must say so with its exit code, not print
    "3 stored, 4 rejected" and exit 0 (issue 19)."""
    from rich.console import Console

    from tidings.demo import run_demo, sample_dir

    folder = tmp_path / "samples"
    folder.mkdir()
    good = sorted(sample_dir().glob("*.txt"))[0]
    (folder / good.name).write_bytes(good.read_bytes())
    (folder / "empty-page.html").write_text("<html><body><nav>Home</nav></body></html>", "utf-8")
    quiet = Console(file=open(os.devnull, "w"))  # noqa: SIM115 - closed with the process
    err_text = tmp_path / "err.txt"
    with err_text.open("w") as err_file:
        code = run_demo(str(tmp_path / "d.db"), quiet, Console(file=err_file, width=200), folder)
    assert code == 1
    assert "demo failed" in err_text.read_text() and "no_content" in err_text.read_text()
