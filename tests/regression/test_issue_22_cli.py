"""Issue 22 on the command line: failure 6 (output side), the disk-full partial and the CLI
conventions issue 19 left to this issue.

6. `tidings articles` / `show` printed U+009B (the 8-bit CSI) raw: no control character
   reaches stdout now (tables and text escape them, JSON writes \\u escapes, CSV escapes
   them on a terminal and is exact in a pipe). Input-side cleaning is issue 19's.
- Disk full: a raw OperationalError traceback; now [T406], exit 2, the resume hint, and
  `--resume` finishes the run with nothing lost.
- Read commands on a missing database exited 1 (serve created an empty store): exit 2.
- `tidings --version`.
"""

from __future__ import annotations

import json
import os
import pty
import random
import re
import resource
import signal
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.cli.app import app
from tidings.extract.build import make_article
from tidings.records import Paragraph
from tidings.store.sqlite import BatchItem, Store
from tidings.version import __version__

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
TITLE = "Evil \x9b1;31m title \x85 with \x1b]8;;http://x\x07link [link=file:///etc/passwd]x[/link]"


def tidings(*args: str, cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tidings.cli.app", *args],
        cwd=cwd, capture_output=True, text=True, **{"timeout": 300, **kwargs},  # type: ignore[call-overload]
    )  # fmt: skip


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    # written through the store directly: the control characters must reach the output side
    # whatever input-side cleaning does
    raw = "Ministers met \x9b2J in Vienna on Monday \x1b[31m to discuss trade."
    article = make_article(source="t", paragraphs=[Paragraph("paragraph", "Ministers met in Vienna.")],
                           url="https://news.example/a")  # fmt: skip
    # make_article cleans what it is given (issue 19's input hygiene): put the raw text back
    article = replace(article, title=TITLE, text=raw, paragraphs=(Paragraph("paragraph", raw),), wire=("AP\x9b",))
    path = tmp_path / "t.db"
    with Store.open(path) as store:
        store.write_batch([BatchItem("o", "r", article)])
    return path


@pytest.mark.parametrize(
    "args",
    [
        ("articles",),
        ("articles", "--format", "jsonl"),
        ("show", "a"),
        ("show", "a", "--format", "json"),
        ("brief", "a"),
        ("brief", "a", "--format", "json"),
    ],
)
def test_no_control_character_reaches_stdout(db: Path, args: tuple[str, ...]) -> None:
    res = CliRunner().invoke(app, [*args, "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert not CONTROL.search(res.stdout.replace("\n", "").replace("\t", "")), repr(res.stdout)


def test_json_output_keeps_the_value(db: Path, tmp_path: Path) -> None:
    res = tidings("show", "a", "--format", "json", "--db", str(db), cwd=tmp_path)
    assert "\\u009b" in res.stdout
    assert json.loads(res.stdout)["title"].startswith("Evil \x9b1;31m")  # the same string


def test_tables_show_the_escape_and_no_markup(db: Path, tmp_path: Path) -> None:
    res = tidings("show", "a", "--db", str(db), cwd=tmp_path)
    assert "Evil \\x9b1;31m title \\x85" in res.stdout
    assert "[link=file:///etc/passwd]x[/link]" in res.stdout  # data, not rich markup


def test_csv_is_exact_in_a_pipe_and_escaped_on_a_terminal(db: Path, tmp_path: Path) -> None:
    piped = tidings("entities", "--format", "csv", "--db", str(db), cwd=tmp_path)
    assert piped.returncode == 0
    res = tidings("articles", "--format", "jsonl", "--db", str(db), cwd=tmp_path)
    assert json.loads(res.stdout)["title"] == TITLE
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tidings.cli.app", "articles", "--db", str(db), "--format", "csv"],
        stdout=follower, stderr=subprocess.DEVNULL, cwd=tmp_path,
    )  # fmt: skip
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(60)
    os.close(leader)
    shown = b"".join(chunks).decode()
    assert "Evil \\x9b1;31m" in shown and "\x9b" not in shown and "\x1b]8" not in shown


def test_version(tmp_path: Path) -> None:
    res = tidings("--version", cwd=tmp_path)
    assert res.returncode == 0 and res.stdout.strip() == f"tidings {__version__}"


@pytest.mark.parametrize(
    "args",
    [
        ("articles",),
        ("show", "abc"),
        ("entities",),
        ("events",),
        ("brief", "abc"),
        ("export", "-o", "out.jsonl"),
        ("reannotate",),
    ],
)
def test_read_commands_on_a_missing_database_exit_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    missing = tmp_path / "missing.db"
    res = CliRunner().invoke(app, [*args, "--db", str(missing)])
    assert res.exit_code == 2, (res.exit_code, res.output)
    assert "no database at" in " ".join(res.output.split()) and "missing.db" in res.output
    assert not missing.exists()


def test_serve_on_a_missing_database_exits_2(tmp_path: Path) -> None:
    # it used to create an empty store and serve it (a subprocess: that server never ends)
    res = tidings("serve", "--db", "missing.db", "--port", "0", cwd=tmp_path, timeout=60)
    assert res.returncode == 2 and "no database at missing.db" in res.stderr
    assert not (tmp_path / "missing.db").exists()


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (1_500_000, 1_500_000))


def test_a_full_disk_is_a_coded_error_and_resume_finishes(tmp_path: Path) -> None:
    rng = random.Random(22)
    words = ["minister", "trade", "talks", "border", "sanctions", "court", "market", "energy", "war", "harvest"]
    with (tmp_path / "in.jsonl").open("w") as fh:
        for i in range(1200):
            text = " ".join(rng.choice(words) for _ in range(250))
            fh.write(json.dumps({"text": text, "url": f"https://news.example/{i}"}) + "\n")
    full = tidings("ingest", "in.jsonl", "--no-facts", "--db", "t.db", cwd=tmp_path, preexec_fn=_limit_file_size)
    assert full.returncode == 2, full.stderr
    assert "[T406]" in full.stderr and "--resume" in full.stderr and "Traceback" not in full.stderr
    conn = sqlite3.connect(tmp_path / "t.db")
    kept = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < kept < 1200
    conn.close()
    again = tidings("ingest", "in.jsonl", "--no-facts", "--db", "t.db", "--resume", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    conn = sqlite3.connect(tmp_path / "t.db")
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1200
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
