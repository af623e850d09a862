"""The ingest progress bar: a total when the inputs are files, counts, rate and time left."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

from rich.console import Console

from tidings.cli.progress import ingest_progress, input_total

PAGE = "<html><head><title>{t}</title></head><body><article><h1>{t}</h1><p>{p}</p></article></body></html>"
PARA = "Ministers from both countries met in Vienna on Tuesday to discuss grain exports and port fees. " * 4


def inputs(d: Path) -> Path:
    d.mkdir()
    for i in range(3):
        (d / f"page{i}.html").write_text(PAGE.format(t=f"Talks, day {i}", p=PARA), "utf-8")
    records = [{"title": f"Record {i}", "text": PARA, "url": f"https://example.org/{i}"} for i in range(4)]
    (d / "records.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n\n", "utf-8")
    return d


def test_the_total_is_counted_from_files_and_unknown_for_streams(tmp_path: Path) -> None:
    d = inputs(tmp_path / "in")
    assert input_total([str(d)]) == 7  # 3 pages + 4 records (the blank line is none)
    assert input_total([str(d / "page0.html"), str(d / "*.jsonl")]) == 5  # a glob
    assert input_total([str(d / "missing.html"), str(d / "page1.html")]) == 2  # the missing one is a rejection
    assert input_total(["-"]) is None  # stdin
    assert input_total([str(d), "https://example.org/feed"]) is None  # a URL
    (d / "more.jsonl.gz").write_bytes(gzip.compress(b'{"text": "x"}\n'))
    assert input_total([str(d)]) is None  # compressed: known only once read


def test_the_bar_shows_counts_rate_and_time_left() -> None:
    sink = StringIO()
    console = Console(file=sink, force_terminal=True, width=160, color_system=None)
    with ingest_progress(console) as progress:
        task = progress.add_task("ingesting", total=40)
        progress.update(task, completed=10, description="10 stored, 0 rejected")
        progress.refresh()
    shown = sink.getvalue()
    assert "10/40" in shown and "docs/s" in shown and "eta" in shown and "10 stored" in shown
    sink = StringIO()
    console = Console(file=sink, force_terminal=True, width=160, color_system=None)
    with ingest_progress(console) as progress:  # a stream: no total, still counts and a rate
        task = progress.add_task("ingesting", total=None)
        progress.update(task, completed=12)
        progress.refresh()
    assert "12/?" in sink.getvalue() and "docs/s" in sink.getvalue()


def test_a_real_ingest_ends_with_every_input_counted(tmp_path: Path) -> None:
    d = inputs(tmp_path / "in")
    env = {**os.environ, "FORCE_COLOR": "1", "COLUMNS": "160"}
    res = subprocess.run(
        [sys.executable, "-m", "tidings.cli.app", "ingest", str(d), "--db", str(tmp_path / "t.db"), "--no-facts"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert res.returncode == 0, res.stderr
    assert "7/7" in res.stderr and "7 stored" in res.stderr
    assert res.stdout == ""  # progress and summary go to stderr
