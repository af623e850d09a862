"""Fuzz target: WARC stream bytes -> ``tidings.sources.warc.read_warc_bytes`` -> ``extract_raw``.

Expected outcomes: RawDoc values (kind html) or coded Rejected values; an undamaged
archive yields exactly one item per response record and no ``bad_warc``; a damaged one
(issue 22) still yields every record the damage did not touch, and every page it yields is
the page of one written record (no bytes cross a record boundary); every RawDoc extracts to
an Article or a coded Rejected; 2 s per input. Inputs: random bytes behind a WARC magic,
archives written by warcio (plain, or one gzip member per record) with hostile headers,
statuses, content types, dates and payloads, then cut, spliced or bit-flipped.
"""

from __future__ import annotations

import io
from typing import NamedTuple

from fuzz_common import check_outcome, check_source_items, fuzz_settings, run_timed
from hypothesis import given
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tidings.extract import extract_raw
from tidings.records import RawDoc, Rejected
from tidings.sources.warc import read_warc_bytes

PAGE = (
    b"<html><head><title>Talks</title></head><body><article><h1>Talks</h1><p>"
    + b"Ministers met in Vienna on Monday to discuss trade, sanctions and the war. " * 5
    + b"</p></article></body></html>"
)
header_text = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=30)


@st.composite
def record(draw: st.DrawFn) -> tuple[str, bytes, list[tuple[str, str]], str, str]:
    status = draw(st.sampled_from(["200 OK", "404 Not Found", "301 Moved", "200", "999 X"]))
    ctype = draw(st.sampled_from(["text/html; charset=utf-8", "text/html", "application/pdf", "", "text/plain"]))
    payload = draw(st.sampled_from([PAGE, PAGE[:100], b"", b"\x00" * 50]) | st.binary(max_size=300))
    extra = draw(
        st.lists(st.tuples(st.sampled_from(["X-A", "Content-Encoding", "Transfer-Encoding"]), header_text), max_size=2)
    )
    headers = [("Content-Type", ctype), *extra] if ctype else extra
    uri = draw(st.sampled_from(["https://news.example/a", "http://x", "", "not a uri"]) | header_text)
    date = draw(st.sampled_from(["2023-06-18T10:00:00Z", "20230618100000", "garbage", "2023"]))
    return status, payload, headers, uri, date


@st.composite
def archives(draw: st.DrawFn) -> Archive:
    """A warcio-written archive (plain or one gzip member per record), then at most one
    damage: a cut, a flipped byte or spliced-in bytes at a drawn offset."""
    out = io.BytesIO()
    gzipped = draw(st.booleans())
    writer = WARCWriter(out, gzip=gzipped)
    recs = draw(st.lists(record(), min_size=1, max_size=4))
    spans: list[tuple[int, int]] = []
    for n, (status, payload, headers, uri, date) in enumerate(recs):
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        # fixed date and id: the bytes must depend on the drawn values only (hypothesis replays)
        warc_headers = {"WARC-Date": date, "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{n:012d}>"}
        rec = writer.create_warc_record(
            uri or "urn:x",
            "response",
            payload=io.BytesIO(payload),
            http_headers=http,
            warc_headers_dict=warc_headers,
        )
        start = out.tell()
        writer.write_record(rec)
        spans.append((start, out.tell()))
    clean = out.getvalue()
    op = draw(st.sampled_from(["none", "cut", "flip", "splice"]))
    at = draw(st.integers(0, max(len(clean) - 1, 0)))
    data = clean
    if op == "cut":
        data = clean[:at]
    elif op == "flip" and clean:
        data = clean[:at] + bytes([clean[at] ^ draw(st.integers(1, 255))]) + clean[at + 1 :]
    elif op == "splice":
        data = clean[:at] + draw(st.binary(min_size=1, max_size=20)) + clean[at:]
    intact = [n for n, (s, e) in enumerate(spans) if op == "none" or _untouched(op, at, s, e)]
    # a cut inside a record's header or block must be reported (a plain record's last 4
    # bytes are the blank lines after it; a gzip member cannot lose a byte)
    trailer = 0 if gzipped else 4
    cut_record = op == "cut" and any(s < at < e - trailer for s, e in spans)
    return Archive(data, clean, len(recs), op, intact, cut_record)


def _untouched(op: str, at: int, start: int, end: int) -> bool:
    if end <= at:
        return True
    return (op == "flip" and start > at) or (op == "splice" and start >= at)


class Archive(NamedTuple):
    data: bytes
    clean: bytes
    n_records: int
    damage: str
    intact: list[int]  # indexes of the records the damage did not touch
    cut_record: bool  # the cut went through a record


def _check_stream(items: list[RawDoc | Rejected]) -> None:
    check_source_items(items)
    for item in items:
        if isinstance(item, RawDoc):
            assert item.kind == "html"
            check_outcome(run_timed("extract_raw", lambda i=item: extract_raw(i)))
        elif item.code == "bad_warc":
            assert item.detail.startswith("damaged at offset "), item


def _record_id(item: RawDoc | Rejected) -> str | None:
    return item.fields.get("warc_record_id") if isinstance(item, RawDoc) else None


@fuzz_settings(0.7)
@given(archives())
def test_fuzz_warc_archives(archive: Archive) -> None:
    """Undamaged: one item per record, no bad_warc. Damaged: every record the damage did
    not touch is still read, and every page read is the page of one written record (no
    bytes cross a record boundary)."""
    items = run_timed("read_warc_bytes", lambda: list(read_warc_bytes(archive.data, origin="fuzz.warc")))
    _check_stream(items)
    if archive.damage == "none":
        assert not any(isinstance(i, Rejected) and i.code == "bad_warc" for i in items), items
        assert len(items) == archive.n_records, items
        return
    clean = list(read_warc_bytes(archive.clean, origin="fuzz.warc"))
    pages = {_record_id(i): i.data for i in clean if isinstance(i, RawDoc)}
    for item in items:
        if isinstance(item, RawDoc):
            assert item.data in pages.values(), "a page that no record holds: bytes crossed a boundary"
    read_ids = {_record_id(i) for i in items}
    for n in archive.intact:
        rid = f"<urn:uuid:00000000-0000-0000-0000-{n:012d}>"
        if rid in pages:
            assert rid in read_ids, f"intact record {n} lost after {archive.damage} damage"
    if archive.cut_record:
        assert any(isinstance(i, Rejected) and i.code == "bad_warc" for i in items), "a cut went unreported"


@fuzz_settings(0.3)
@given(
    st.sampled_from([b"WARC/1.0\r\n", b"WARC/1.1\r\n", b"filedesc://x 0.0.0.0 2023 text/plain 0\n", b"\x1f\x8b"]),
    st.binary(max_size=800),
)
def test_fuzz_warc_junk_behind_magic(magic: bytes, rest: bytes) -> None:
    _check_stream(run_timed("read_warc_bytes", lambda: list(read_warc_bytes(magic + rest, origin="fuzz.warc"))))
