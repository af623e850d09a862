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


def kill_when_ledger_reaches(cmd: list[str], db: Path, target: int, seconds: float) -> int:
    """Run an ingest and SIGKILL it once the ledger has ``target`` rows; 1 if it was killed,
    0 if it finished (or hit ``seconds``) first."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + seconds
    killed = 0
    while proc.poll() is None and time.monotonic() < deadline:
        if db.exists() and ledger_rows(db) >= target:
            proc.send_signal(signal.SIGKILL)
            killed = 1
            break
        time.sleep(0.005)
    proc.wait(timeout=60)
    return killed


def ingest_cmd(inputs: Path, db: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "tidings.cli.app",
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
        kills += kill_when_ledger_reaches(ingest_cmd(inputs, db, "--resume"), db, target, 120)
        done = ledger_rows(db) if db.exists() else 0
        arts, _, check = snapshot(db) if db.exists() else ([], 0, "ok")
        assert check == "ok"
        assert len(arts) == len(set(arts))
    final = subprocess.run(ingest_cmd(inputs, db, "--resume"), capture_output=True, timeout=600, check=False)
    assert final.returncode == 0, final.stderr
    assert kills >= 10
    assert snapshot(db) == clean


# ---------------------------------------------------------------- with facts (issue 11)
FACT_SENTENCES = (
    "Secretary of State Antony Blinken met Chinese Foreign Minister Qin Gang in Beijing on Sunday.",
    "“We had candid talks,” Blinken told reporters after the meeting.",
    "The two sides agreed to resume military contacts next month, officials said.",
    "Protesters clashed with police in Hong Kong on Monday over the new law.",
)


def make_fact_inputs(d: Path, files: int = 20, per_file: int = 50) -> None:
    """1,000 short articles (~25 words) that still carry entities, quotes, events, times."""
    d.mkdir()
    for f in range(files):
        with (d / f"part-{f:03d}.jsonl").open("w") as fh:
            for i in range(per_file):
                n = f * per_file + i
                pick = random.Random(n).sample(FACT_SENTENCES, 2)
                text = f"Report {n}. " + " ".join(pick)
                row = {"url": f"https://news.example/{n}", "title": f"T{n}", "text": text, "published": "2024-01-01"}
                fh.write(json.dumps(row) + "\n")


def fact_snapshot(db: Path) -> dict[str, object]:
    """Everything a resumed run must reproduce, plus the integrity invariants."""
    conn = sqlite3.connect(db)
    try:
        q = conn.execute
        return {
            "articles": sorted(q("SELECT id, version, story_id FROM articles").fetchall()),
            "facts": sorted(q('SELECT id, article_id, kind, start, "end" FROM facts').fetchall()),
            "fact_rejections": sorted(q("SELECT article_id, stage, code FROM fact_rejections").fetchall()),
            "event_index": q("SELECT count(*) FROM event_index").fetchone()[0],
            "ledger": sorted(q("SELECT origin, raw_id, status, article_id FROM ingest_ledger").fetchall()),
            "integrity": q("PRAGMA integrity_check").fetchone()[0],
            "foreign_keys": q("PRAGMA foreign_key_check").fetchall(),
            "orphan_facts": q(
                "SELECT count(*) FROM facts WHERE article_id NOT IN (SELECT id FROM articles)"
            ).fetchone()[0],
            "orphan_rejections": q(
                "SELECT count(*) FROM fact_rejections WHERE article_id NOT IN (SELECT id FROM articles)"
            ).fetchone()[0],
        }
    finally:
        conn.close()


def fact_ingest_cmd(inputs: Path, db: Path, *extra: str) -> list[str]:
    config = inputs.parent / "short.toml"  # the ~25-word articles are below the default min_chars
    config.write_text("[extract]\nmin_chars = 50\n")
    return [
        sys.executable, "-m", "tidings.cli.app", "ingest", str(inputs), "--db", str(db), "--batch-size", "7",
        "--config", str(config), *extra,
    ]  # fmt: skip


@pytest.mark.slow
def test_kill_with_facts_on_then_resume_equals_clean_run(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    make_fact_inputs(inputs)
    clean_db = tmp_path / "clean.db"
    done = subprocess.run(fact_ingest_cmd(inputs, clean_db), check=False, capture_output=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    clean = fact_snapshot(clean_db)
    assert len(clean["articles"]) == 1000 and clean["integrity"] == "ok"  # type: ignore[arg-type]
    kinds = {row[2] for row in clean["facts"]}  # type: ignore[attr-defined]
    assert {"entities", "quotes", "events"} <= kinds, kinds

    rng = random.Random(11)
    db = tmp_path / "killed.db"
    kills = 0
    rows = 0
    for _ in range(10):
        target = rows + rng.randint(5, 90)
        kills += kill_when_ledger_reaches(fact_ingest_cmd(inputs, db, "--resume"), db, target, 300)
        rows = ledger_rows(db) if db.exists() else 0
        if db.exists():  # after every kill: a sound file, no orphans, no duplicates
            snap = fact_snapshot(db)
            assert snap["integrity"] == "ok" and snap["foreign_keys"] == []
            assert snap["orphan_facts"] == 0 and snap["orphan_rejections"] == 0
            ids = [a[0] for a in snap["articles"]]  # type: ignore[attr-defined]
            assert len(ids) == len(set(ids))
    final = subprocess.run(fact_ingest_cmd(inputs, db, "--resume"), capture_output=True, timeout=900, check=False)
    assert final.returncode == 0, final.stderr[-2000:]
    assert kills >= 10
    assert fact_snapshot(db) == clean
