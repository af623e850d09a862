"""Issue 22, failures 4 and 5: damaged records inside a plain (or gzipped) WARC.

4. A record cut in the middle: exit 0, the cut record stored with the next record's bytes
   spliced into its text, the next record lost.
5. A garbled record header: 4 of 5 stored, exit 0, nothing reported.
Now: the damaged record is one ``bad_warc`` with its offset, every intact record (before
and after it) is kept, and no text crosses a record boundary.
"""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tidings.records import RawDoc, Rejected
from tidings.sources.warc import read_warc_bytes

N = 5


def page(i: int) -> bytes:
    body = f"Story {i}: ministers met in Vienna on Monday to discuss trade, sanctions and the war. " * 6
    return f"<html><head><title>Story {i}</title></head><body><article><h1>Story {i}</h1><p>{body}</p>".encode() + (
        b"</article></body></html>"
    )


def archive(gzipped: bool = False) -> tuple[bytes, list[int]]:
    """Five HTML response records; their start offsets."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    starts = []
    for i in range(N):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://news.example/{i}", "response", payload=io.BytesIO(page(i)), http_headers=http
        )
        starts.append(out.tell())
        writer.write_record(record)
    return out.getvalue(), starts


def read(data: bytes) -> tuple[list[RawDoc], list[Rejected]]:
    items = list(read_warc_bytes(data, origin="t.warc"))
    return [i for i in items if isinstance(i, RawDoc)], [i for i in items if isinstance(i, Rejected)]


def _pages_are_whole(docs: list[RawDoc]) -> None:
    for doc in docs:
        assert doc.data in {page(i) for i in range(N)}, "a page holds bytes of another record"


def test_a_record_cut_in_the_middle_is_rejected_and_the_next_ones_kept() -> None:
    data, starts = archive()
    cut = data[: (starts[2] + starts[3]) // 2] + data[starts[3] :]  # record 2 loses its second half
    docs, rejected = read(cut)
    _pages_are_whole(docs)
    assert [d.uri for d in docs] == [f"https://news.example/{i}" for i in (0, 1, 3, 4)]
    assert [(r.code, r.detail.split()[3]) for r in rejected] == [("bad_warc", str(starts[2]))]


def test_a_garbled_record_header_is_reported() -> None:
    data, starts = archive()
    for garble in (b"WARC/1.0\r\n", b"WARC-Type: "):
        at = data.index(garble, starts[2])
        damaged = data[:at] + garble.replace(b"A", b"X").replace(b":", b" ") + data[at + len(garble) :]
        docs, rejected = read(damaged)
        _pages_are_whole(docs)
        assert [d.uri for d in docs] == [f"https://news.example/{i}" for i in (0, 1, 3, 4)], garble
        assert len(rejected) == 1 and rejected[0].code == "bad_warc", garble
        assert int(rejected[0].detail.split()[3]) == starts[2]


def test_a_flipped_byte_inside_a_block_is_caught_by_its_digest() -> None:
    data, _ = archive()
    at = data.index(b"Story 2: ministers")
    damaged = data[:at] + b"G" + data[at + 1 :]
    docs, rejected = read(damaged)
    _pages_are_whole(docs)
    assert len(docs) == N - 1 and [r.code for r in rejected] == ["bad_warc"]
    assert "Digest" in rejected[0].detail


def test_a_damaged_gzip_member_is_rejected_and_the_next_ones_kept() -> None:
    data, starts = archive(gzipped=True)
    middle = (starts[1] + starts[2]) // 2
    damaged = data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]
    docs, rejected = read(damaged)
    _pages_are_whole(docs)
    assert [d.uri for d in docs] == [f"https://news.example/{i}" for i in (0, 2, 3, 4)]
    assert [(r.code, r.detail.split()[3]) for r in rejected] == [("bad_warc", str(starts[1]))]
    cut = data[: (starts[1] + starts[2]) // 2] + data[starts[2] :]  # member 1 cut short
    docs, rejected = read(cut)
    assert [d.uri for d in docs] == [f"https://news.example/{i}" for i in (0, 2, 3, 4)]
    assert len(rejected) == 1


@pytest.mark.parametrize("gzipped", [False, True])
def test_ingest_stores_the_intact_records_and_exits_1(tmp_path: Path, gzipped: bool) -> None:
    data, starts = archive(gzipped)
    cut = data[: (starts[2] + starts[3]) // 2] + data[starts[3] :]
    path = tmp_path / ("cut.warc.gz" if gzipped else "cut.warc")
    path.write_bytes(cut)
    res = subprocess.run(
        [sys.executable, "-m", "tidings.cli.app", "ingest", str(path), "--no-facts", "--db", "t.db"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert res.returncode == 1 and "bad_warc" in res.stderr, res.stderr
    conn = sqlite3.connect(tmp_path / "t.db")
    titles = sorted(row[0] for row in conn.execute("SELECT title FROM articles"))
    assert titles == ["Story 0", "Story 1", "Story 3", "Story 4"]
    for (text,) in conn.execute("SELECT text FROM articles"):
        assert len({word for word in text.split() if word.endswith(":")}) == 1  # one story's words only
