"""Issue 22, failures 2 and 3 and the JSONL partials.

2. One JSONL line nested 100k deep raised RecursionError out of the run: nothing stored,
   not even the good file of the same command, and `--resume` hit it again every time.
3. A multi-member `.jsonl.gz` (`cat a.gz b.gz`) stored 3 of 6 records, exit 0.
Partials: a title list was stored as the text "['a', 'b']"; UTF-16 JSONL read 1 of 3
records; a JSONL file over input.max_bytes was rejected whole (the cap is per line now);
`published` values such as "2023-06-10<script>" were stored unchecked.
"""

from __future__ import annotations

import gzip
import json
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tidings.config import Options
from tidings.run.ingest import ingest
from tidings.store.sqlite import Store

TEXT = "Ministers met in Vienna on Monday to discuss trade, sanctions and the war in the region. " * 3
NO_FACTS = Options().with_overrides(nlp__facts=False)


def line(i: int, **fields: object) -> str:
    return json.dumps({"text": f"{i}. {TEXT}", "url": f"https://news.example/{i}", **fields}) + "\n"


def run(tmp_path: Path, *paths: Path, resume: bool = False, options: Options = NO_FACTS) -> tuple[int, dict[str, int]]:
    report = ingest([str(p) for p in paths], db=str(tmp_path / "t.db"), options=options, resume=resume)
    return report.stored, dict(report.rejected)


def stored(tmp_path: Path) -> list[dict[str, object]]:
    with Store.open(tmp_path / "t.db", readonly=True) as store:
        return [json.loads(row[0]) for row in store.conn.execute("SELECT data FROM articles ORDER BY url")]


def test_a_deeply_nested_line_is_that_line_s_rejection(tmp_path: Path) -> None:
    deep = tmp_path / "deep.jsonl"
    deep.write_text(line(1) + "[" * 100_000 + "]" * 100_000 + "\n" + line(2))
    good = tmp_path / "good.jsonl"
    good.write_text(line(3))
    assert run(tmp_path, deep, good) == (3, {"bad_jsonl": 1})
    assert run(tmp_path, deep, good, resume=True) == (0, {"bad_jsonl": 1})  # resume gets past it too


def test_deep_nesting_on_the_first_line_is_a_rejection_too(tmp_path: Path) -> None:
    # the sniffer parses the first line to tell JSONL from text
    deep = tmp_path / "deep.json"
    deep.write_text('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}\n" + line(1))
    good = tmp_path / "good.jsonl"
    good.write_text(line(2))
    run(tmp_path, deep, good)  # raised RecursionError out of the sniffer
    assert "https://news.example/2" in [a["url"] for a in stored(tmp_path)]


def test_every_member_of_a_multi_member_gzip_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress("".join(line(i) for i in range(3)).encode()) + gzip.compress(
        "".join(line(i) for i in range(3, 6)).encode()
    ))  # fmt: skip
    assert run(tmp_path, path) == (6, {})


def test_junk_after_the_gzip_members_is_reported_and_the_records_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress("".join(line(i) for i in range(3)).encode()) + b"junk")
    assert run(tmp_path, path) == (3, {"bad_gzip": 1})


def test_a_multi_member_gzip_page_is_read_whole(tmp_path: Path) -> None:
    page = "<html><body><article><h1>Talks</h1>" + "".join(f"<p>{i}. {TEXT}</p>" for i in range(6))
    page += "<p>The last paragraph is in the second gzip member.</p></article></body></html>"
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(page[:300].encode()) + gzip.compress(page[300:].encode()))
    assert run(tmp_path, path) == (1, {})
    assert "second gzip member" in str(stored(tmp_path)[0]["text"])


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_jsonl_read_every_record(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wide.jsonl"
    path.write_bytes("".join(line(i, title=f"Título {i}") for i in range(3)).encode(encoding))
    assert run(tmp_path, path) == (3, {})
    assert sorted(a["title"] for a in stored(tmp_path)) == ["Título 0", "Título 1", "Título 2"]


def test_the_size_cap_applies_per_line(tmp_path: Path) -> None:
    small_cap = NO_FACTS.with_overrides(input__max_bytes=20_000)
    path = tmp_path / "big.jsonl"
    lines = [line(i) for i in range(100)]  # ~30 KB: over the cap as a file, each line under it
    lines[50] = json.dumps({"text": "x " * 15_000}) + "\n"  # one line over the cap
    path.write_text("".join(lines))
    assert path.stat().st_size > 20_000
    assert run(tmp_path, path, options=small_cap) == (99, {"too_large": 1})
    gz = tmp_path / "big2.jsonl.gz"
    gz.write_bytes(gzip.compress("".join(line(i) for i in range(100, 200)).encode()))
    assert run(tmp_path, gz, options=small_cap) == (100, {})


def test_stdin_jsonl_is_streamed_past_the_size_cap(tmp_path: Path) -> None:
    config = tmp_path / "small.toml"
    config.write_text("[input]\nmax_bytes = 20000\n")
    data = "".join(line(i) for i in range(100)).encode()
    res = subprocess.run(
        [sys.executable, "-m", "tidings.cli.app", "ingest", "-", "--no-facts", "--db", "t.db", "--config", str(config)],
        input=data, cwd=tmp_path, capture_output=True, timeout=300,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert sqlite3.connect(tmp_path / "t.db").execute("SELECT count(*) FROM articles").fetchone()[0] == 100


@pytest.mark.slow
def test_a_24_mb_jsonl_file_at_the_default_cap(tmp_path: Path) -> None:
    """The probe's file: 10.5k records, 24 MB, rejected whole before (~1 min with --no-facts)."""
    rng = random.Random(22)
    words = [w.strip(",.") for w in TEXT.split()] + ["border", "election", "court", "energy", "harvest", "strike"]
    path = tmp_path / "big.jsonl"
    with path.open("w") as fh:
        for i in range(10_500):  # distinct texts: near-copies would be one story, not 10.5k articles
            text = " ".join(rng.choice(words) for _ in range(400)) + "."
            fh.write(json.dumps({"text": text, "url": f"https://news.example/{i}", "title": f"Report {i}"}) + "\n")
    assert path.stat().st_size > 24_000_000
    assert run(tmp_path, path) == (10_500, {})


def test_a_title_list_gives_its_first_title_and_keeps_the_list(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    path.write_text(line(1, title=["a", "b"]) + line(2, title={"x": 1}) + line(3, title=2024, source=["Reuters"]))
    assert run(tmp_path, path) == (3, {})
    by_url = {a["url"]: a for a in stored(tmp_path)}
    first, second, third = (by_url[f"https://news.example/{i}"] for i in (1, 2, 3))
    assert first["title"] == "a" and json.loads(first["extras"]["title_raw"]) == ["a", "b"]  # type: ignore[index]
    assert second["title"] is None and "title_raw" in second["extras"]  # type: ignore[operator]
    assert third["title"] == "2024" and third["site"] == "Reuters"


@pytest.mark.parametrize(
    ("given", "published", "raw"),
    [
        ("2023-06-10<script>", "2023-06-10", "2023-06-10<script>"),
        ("2023-06-10T08:00:00Z", "2023-06-10T08:00:00Z", None),
        ("2023-06-10", "2023-06-10", None),
        ("Sat, 10 Jun 2023 08:00:00 +0200", "2023-06-10T06:00:00Z", "Sat, 10 Jun 2023 08:00:00 +0200"),
        ("June 10, 2023", "2023-06-10", "June 10, 2023"),
        ("<script>alert(1)</script>", None, "<script>alert(1)</script>"),
        (1686384000, None, "1686384000"),
    ],
)
def test_published_values_are_validated_and_the_raw_value_kept(
    tmp_path: Path, given: object, published: str | None, raw: str | None
) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(line(1, published=given))
    assert run(tmp_path, path) == (1, {})
    (article,) = stored(tmp_path)
    assert article["published"] == published
    assert article["extras"].get("published_raw") == raw  # type: ignore[attr-defined]
