"""WARC: all 258 derived news records, the real Common Crawl sample, damaged copies."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tidings.records import RawDoc, Rejected
from tidings.sources.warc import read_warc, read_warc_bytes


def _warc_dir(shared: Path) -> Path:
    return shared / "data" / "corpus" / "warc"


def test_all_derived_news_records(shared: Path) -> None:
    docs: list[RawDoc] = []
    for path in sorted((_warc_dir(shared) / "derived").glob("*.warc.gz")):
        out = list(read_warc(path))
        assert all(isinstance(o, RawDoc) for o in out), [o for o in out if isinstance(o, Rejected)]
        docs.extend(o for o in out if isinstance(o, RawDoc))
    assert len(docs) == 258
    assert len({d.origin for d in docs}) == 258 and len({d.id for d in docs}) >= 257
    first = docs[0]
    assert first.kind == "html" and first.uri.startswith("https://")
    assert first.fetched_at == "2023-04-28T20:21:13Z"
    assert first.origin.endswith("fundus-news-00000.warc.gz@352")
    assert ("content-type", "text/html; charset=utf-8") in first.headers
    assert all(d.fetched_at and d.fetched_at.endswith("Z") and len(d.fetched_at) == 20 for d in docs)


def test_offsets_point_at_the_records(shared: Path) -> None:
    path = _warc_dir(shared) / "derived" / "fundus-news-00001.warc.gz"
    data = path.read_bytes()
    for doc in list(read_warc(path))[:5]:
        assert isinstance(doc, RawDoc)
        offset = int(doc.origin.rsplit("@", 1)[1])
        record = gzip.GzipFile(fileobj=__import__("io").BytesIO(data[offset:])).read(2000)
        assert record.startswith(b"WARC/1.1") and doc.uri.encode() in record


def test_real_common_crawl_sample(shared: Path) -> None:
    out = list(read_warc(_warc_dir(shared) / "real" / "resiliparse-cc-sample.warc.gz"))
    pages = [o for o in out if isinstance(o, RawDoc)]
    rejected = [o for o in out if isinstance(o, Rejected)]
    assert len(pages) + len(rejected) == 16
    assert all(r.code in ("unsupported", "http_error", "too_large") for r in rejected)
    assert all(p.fetched_at and p.fetched_at.startswith("2020-08-08T") for p in pages)


@pytest.mark.parametrize("keep", [0.1, 0.37, 0.5, 0.83, 0.999])
def test_truncated_copy_keeps_every_intact_record(shared: Path, keep: float) -> None:
    path = _warc_dir(shared) / "derived" / "fundus-news-00000.warc.gz"
    data = path.read_bytes()
    full = [o for o in read_warc(path) if isinstance(o, RawDoc)]
    cut = int(len(data) * keep)
    out = list(read_warc_bytes(data[:cut], origin="cut"))
    docs = [o for o in out if isinstance(o, RawDoc)]
    intact = [d for d in full if _end_of(d, full, len(data)) <= cut]
    assert [d.uri for d in docs] == [d.uri for d in intact]
    assert [d.data for d in docs] == [d.data for d in intact]
    assert isinstance(out[-1], Rejected) and out[-1].code == "bad_warc"
    assert out[-1].detail.startswith("damaged at offset ")


def _end_of(doc: RawDoc, docs: list[RawDoc], size: int) -> int:
    offsets = [int(d.origin.rsplit("@", 1)[1]) for d in docs] + [size]
    return offsets[offsets.index(int(doc.origin.rsplit("@", 1)[1])) + 1]


def test_corruption_mid_file_rejects_the_damaged_record_and_keeps_the_rest(shared: Path) -> None:
    path = _warc_dir(shared) / "derived" / "fundus-news-00001.warc.gz"
    full = [o for o in read_warc(path) if isinstance(o, RawDoc)]
    data = bytearray(path.read_bytes())
    for i in range(500_000, 500_040):
        data[i] ^= 0x55
    out = list(read_warc_bytes(bytes(data), origin="bad"))
    rejected = [o for o in out if isinstance(o, Rejected)]
    assert len(rejected) == 1 and rejected[0].code == "bad_warc"
    damaged_at = int(rejected[0].detail.split()[3])
    assert damaged_at <= 500_000
    # every other record is kept, byte for byte (issue 22: reading no longer stops at damage)
    docs = [o for o in out if isinstance(o, RawDoc)]
    assert len(docs) == len(full) - 1
    assert {d.data for d in docs} <= {d.data for d in full}
    assert any(int(d.origin.rsplit("@", 1)[1]) > 500_040 for d in docs)


def test_uncompressed_warc_and_junk(shared: Path) -> None:
    path = _warc_dir(shared) / "derived" / "fundus-news-00004.warc.gz"
    plain = gzip.decompress(path.read_bytes())
    docs = [o for o in read_warc_bytes(plain, origin="plain") if isinstance(o, RawDoc)]
    assert len(docs) == 36
    junk = list(read_warc_bytes(b"this is not a warc file\r\n" * 10, origin="junk"))
    assert len(junk) == 1 and isinstance(junk[0], Rejected) and junk[0].code == "bad_warc"
