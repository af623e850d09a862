"""End-to-end ingest into a real SQLite file: bad inputs, re-ingest, exit codes."""

from __future__ import annotations

import gzip
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tidings.config import Options
from tidings.run.ingest import ingest

NO_FACTS = Options().with_overrides(nlp__facts=False)
STORY = "Officials from both countries met on Monday to discuss trade. " * 12


def write_jsonl(path: Path, n: int, start: int = 0) -> Path:
    with path.open("w") as fh:
        for i in range(start, start + n):
            fh.write(
                json.dumps(
                    {
                        "url": f"https://news.example/{i}",
                        "title": f"Story {i}",
                        "text": f"Story number {i}. " + STORY,
                        "published": "2024-03-10",
                        "source": "Example News",
                    }
                )
                + "\n"
            )
    return path


def rows(db: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(db)
    try:
        return sorted(conn.execute("SELECT id, version FROM articles").fetchall())
    finally:
        conn.close()


def test_reingest_of_a_directory_leaves_rows_and_ids_identical(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    write_jsonl(src / "a.jsonl", 5)
    write_jsonl(src / "sub" / "b.jsonl", 5, start=5)
    db = tmp_path / "t.db"
    first = ingest([str(src)], db=str(db), options=NO_FACTS)
    assert first.stored == 10 and not first.rejected
    before = rows(db)
    again = ingest([str(src)], db=str(db), options=NO_FACTS)
    assert again.stored == 10
    assert rows(db) == before and len(before) == 10


def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    d = tmp_path / "bad"
    d.mkdir()
    cases = {
        "empty": d / "empty.html",
        "binary_pdf": d / "doc.html",
        "binary_png": d / "pic.txt",
        "too_large": d / "huge.html",
        "bad_gzip": d / "cut.html.gz",
        "bad_jsonl": d / "lines.jsonl",
    }
    cases["empty"].write_bytes(b"")
    cases["binary_pdf"].write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n" + bytes(range(256)) * 10)
    cases["binary_png"].write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    with cases["too_large"].open("wb") as fh:
        fh.write(b"<html><body>" + b"<p>words words words</p>" * (50 * 1024 * 1024 // 24) + b"</body></html>")
    whole = gzip.compress(b"<html><body><p>" + STORY.encode() * 20 + b"</p></body></html>")
    cases["bad_gzip"].write_bytes(whole[: len(whole) // 2])
    good = json.dumps({"url": "https://news.example/ok", "title": "OK", "text": STORY})
    cases["bad_jsonl"].write_text(good + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n")
    return cases


def test_bad_inputs_get_coded_rejections_and_the_run_goes_on(tmp_path: Path) -> None:
    bad_inputs(tmp_path)
    db = tmp_path / "t.db"
    seed = write_jsonl(tmp_path / "seed.jsonl", 3)
    ingest([str(seed)], db=str(db), options=NO_FACTS)
    before = rows(db)
    report = ingest([str(tmp_path / "bad")], db=str(db), options=NO_FACTS)
    assert report.rejected == {
        "empty": 1,
        "binary": 2,
        "too_large": 1,
        "bad_gzip": 1,
        "bad_jsonl": 2,
    }
    assert report.stored == 1  # the good JSONL line next to the bad ones
    after = rows(db)
    assert set(before) <= set(after) and len(after) == len(before) + 1
    conn = sqlite3.connect(db)
    codes = dict(conn.execute("SELECT origin, code FROM ingest_ledger WHERE status='rejected'").fetchall())
    assert any(k.endswith("lines.jsonl#L2") for k in codes)


def test_wrong_and_missing_charsets_still_decode(tmp_path: Path) -> None:
    text = ("Zürich: Ministerin Müller traf am Montag ihre Amtskollegin in Genève. " * 6).encode("latin-1")
    page = tmp_path / "latin.txt"
    page.write_bytes(b"Nouvelles du jour\n\n" + text)
    db = tmp_path / "t.db"
    report = ingest([str(page)], db=str(db), options=NO_FACTS)
    assert report.stored == 1
    conn = sqlite3.connect(db)
    (body,) = conn.execute("SELECT text FROM articles").fetchone()
    assert "Müller" in body and "\ufffd" not in body


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tidings.cli.app", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_cli_exit_codes(tmp_path: Path) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", 2)
    ok = run_cli("ingest", str(good), "--db", "t.db", "--no-facts", cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    (tmp_path / "e.txt").write_text("")
    rejected = run_cli("ingest", str(good), "e.txt", "--db", "t.db", "--no-facts", cwd=tmp_path)
    assert rejected.returncode == 1 and "empty" in rejected.stderr
    usage = run_cli("ingest", str(good), "--input-format", "pdf", "--db", "t.db", cwd=tmp_path)
    assert usage.returncode == 2
    bad_date = run_cli("ingest", str(good), "--published", "yesterday", "--db", "t.db", cwd=tmp_path)
    assert bad_date.returncode == 2


def test_show_json_has_the_documented_fields(tmp_path: Path) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", 1)
    run_cli("ingest", str(good), "--db", "t.db", "--no-facts", cwd=tmp_path)
    listing = run_cli("articles", "--db", "t.db", "--format", "jsonl", cwd=tmp_path)
    article_id = json.loads(listing.stdout.splitlines()[0])["id"]
    shown = run_cli("show", article_id, "--db", "t.db", "--format", "json", cwd=tmp_path)
    data = json.loads(shown.stdout)
    for key in (
        "id",
        "source",
        "url",
        "title",
        "published",
        "published_from",
        "authors",
        "site",
        "section",
        "wire",
        "captions",
        "language",
        "paragraphs",
        "text",
    ):
        assert key in data
    assert data["paragraphs"][0]["kind"] in ("heading", "paragraph")
    assert run_cli("show", "nope", "--db", "t.db", cwd=tmp_path).returncode == 1


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_is_atomic_and_csv_safe(tmp_path: Path, fmt: str) -> None:
    evil = tmp_path / "evil.jsonl"
    evil.write_text(
        json.dumps({"url": "https://x.example/1", "title": '=HYPERLINK("http://evil")', "text": STORY}) + "\n"
    )
    run_cli("ingest", str(evil), "--db", "t.db", "--no-facts", cwd=tmp_path)
    out = tmp_path / "out" / f"articles.{fmt}"
    res = run_cli("export", "--table", "articles", "--format", fmt, "-o", str(out), "--db", "t.db", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temp files left behind
    if fmt == "csv":
        assert "'=HYPERLINK" in out.read_text()
    if fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(out).num_rows == 1
