"""Two `tidings ingest` processes writing one store at the same time end with the same
store as the two runs one after the other (SQLite WAL, one transaction per batch, busy
timeout). The issue 22 probe found this holds; this test keeps it."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

WORDS = ["minister", "trade", "talks", "border", "sanctions", "court", "market", "energy", "war", "harvest"]


def _corpus(path: Path, start: int, n: int) -> None:
    rng = random.Random(start)
    with path.open("w") as fh:
        for i in range(start, start + n):
            text = " ".join(rng.choice(WORDS) for _ in range(120)) + "."
            fh.write(json.dumps({"text": text, "url": f"https://news.example/{i}", "title": f"Report {i}"}) + "\n")


def _ingest(src: Path, db: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "tidings.cli.app", "ingest", str(src), "--no-facts", "--db", str(db)]
    return subprocess.Popen([*command, "--batch-size", "8"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _content(db: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]], str]:
    conn = sqlite3.connect(db)
    articles = conn.execute("SELECT id, version FROM articles ORDER BY id").fetchall()
    ledger = conn.execute("SELECT origin, raw_id, status FROM ingest_ledger ORDER BY origin").fetchall()
    check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    return articles, ledger, check


def test_two_concurrent_ingests_equal_two_sequential_ones(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _corpus(a, 0, 300)
    _corpus(b, 300, 300)
    together = tmp_path / "together.db"
    first, second = _ingest(a, together), _ingest(b, together)
    codes = first.wait(300), second.wait(300)
    assert codes == (0, 0), [p.stderr.read().decode()[-2000:] for p in (first, second) if p.stderr]
    apart = tmp_path / "apart.db"
    for src in (a, b):
        proc = _ingest(src, apart)
        assert proc.wait(300) == 0
    articles, ledger, check = _content(together)
    assert check == "ok" and len(articles) == 600
    assert (articles, ledger) == _content(apart)[:2]
