"""WARC archives through `tidings ingest`: records stored, damage reported with its offset,
exit code 1, and the damaged tail is never marked done (a resume reports it again)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tidings.records import RawDoc
from tidings.sources.warc import read_warc


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tidings.cli.app", "ingest", *args, "--no-facts"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.mark.slow
def test_truncated_warc_keeps_intact_records_and_exits_1(shared: Path, tmp_path: Path) -> None:
    src = shared / "data/corpus/warc/derived/fundus-news-00000.warc.gz"
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(src.read_bytes()[: src.stat().st_size * 2 // 3])
    intact = [r for r in read_warc(cut) if isinstance(r, RawDoc)]
    assert len(intact) >= 10
    res = run(str(cut), "--db", "t.db", cwd=tmp_path)
    assert res.returncode == 1 and "bad_warc" in res.stderr
    conn = sqlite3.connect(tmp_path / "t.db")
    rows = dict(conn.execute("SELECT origin, code FROM ingest_ledger").fetchall())
    damaged = [o for o, code in rows.items() if code == "bad_warc"]
    assert len(damaged) == 1 and "@" in damaged[0]
    assert sum(1 for o, code in rows.items() if code is None or code != "bad_warc") == len(intact)
    again = run(str(cut), "--db", "t.db", "--resume", cwd=tmp_path)
    assert again.returncode == 1 and "bad_warc" in again.stderr and f"{len(intact)} skipped" in again.stderr
