"""kill -9 in the middle of an ingest, then --resume: exactly the rows of a clean run."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

TEXT = "Ministers met on Monday in Vienna to discuss sanctions and trade. " * 15


def make_inputs(d: Path, files: int = 20, per_file: int = 50) -> None:
    d.mkdir()
    for f in range(files):
        with (d / f"part-{f:03d}.jsonl").open("w") as fh:
            for i in range(per_file):
                n = f * per_file + i
                fh.write(
                    json.dumps(
                        {
                            "url": f"https://news.example/{n}",
                            "title": f"T{n}",
                            "text": f"Report {n}. {TEXT}",
                            "published": "2024-01-01",
                        }
                    )
                    + "\n"
                )


def snapshot(db: Path) -> tuple[list[tuple[str, str]], int, str]:
    conn = sqlite3.connect(db)
    try:
        arts = sorted(conn.execute("SELECT id, version FROM articles").fetchall())
        ledger = conn.execute("SELECT count(*) FROM ingest_ledger").fetchone()[0]
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        return arts, ledger, check
    finally:
        conn.close()


def ledger_rows(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM ingest_ledger").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0


def ingest_cmd(inputs: Path, db: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "tidings.cli",
        "ingest",
        str(inputs),
        "--db",
        str(db),
        "--no-facts",
        "--batch-size",
        "7",
        *extra,
    ]


@pytest.mark.slow
def test_kill_at_random_points_then_resume_equals_clean_run(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    make_inputs(inputs)
    clean_db = tmp_path / "clean.db"
    subprocess.run(ingest_cmd(inputs, clean_db), check=False, capture_output=True, timeout=600)
    clean = snapshot(clean_db)
    assert len(clean[0]) == 1000 and clean[2] == "ok"

    rng = random.Random(7)
    db = tmp_path / "killed.db"
    kills = 0
    done = 0
    for _ in range(10):
        # kill at a random point: once the ledger has grown by a random number of rows
        target = done + rng.randint(5, 90)
        proc = subprocess.Popen(
            ingest_cmd(inputs, db, "--resume"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if db.exists() and ledger_rows(db) >= target:
                proc.send_signal(signal.SIGKILL)
                kills += 1
                break
            time.sleep(0.005)
        proc.wait(timeout=60)
        done = ledger_rows(db) if db.exists() else 0
        arts, _, check = snapshot(db) if db.exists() else ([], 0, "ok")
        assert check == "ok"
        assert len(arts) == len(set(arts))
    final = subprocess.run(ingest_cmd(inputs, db, "--resume"), capture_output=True, timeout=600, check=False)
    assert final.returncode == 0, final.stderr
    assert kills >= 10
    assert snapshot(db) == clean
