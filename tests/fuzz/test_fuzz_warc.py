"""Fuzz target: WARC stream bytes -> ``tidings.sources.warc.read_warc_bytes`` -> ``extract_raw``.

Expected outcomes: RawDoc values (kind html) or coded Rejected values; at most one
``bad_warc`` rejection and, if present, it is the last item (reading stops at damage);
an undamaged archive yields exactly one item per response record and no ``bad_warc``;
every RawDoc extracts to an Article or a coded Rejected; 2 s per input. Inputs: random
bytes behind a WARC magic, archives written by warcio (plain or gzip members) with hostile
headers, statuses, content types, dates and payloads, then cut, spliced or bit-flipped.
"""

from __future__ import annotations

import io

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
def archives(draw: st.DrawFn) -> tuple[bytes, int, bool]:
    """(bytes, number of response records, damaged?)"""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=draw(st.booleans()))
    recs = draw(st.lists(record(), min_size=1, max_size=4))
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
        writer.write_record(rec)
    data = out.getvalue()
    damaged = False
    for _ in range(draw(st.integers(0, 2))):
        damaged = True
        op = draw(st.sampled_from(["cut", "flip", "splice"]))
        at = draw(st.integers(0, 1 << 20)) % max(len(data), 1)
        if op == "cut":
            data = data[:at]
        elif op == "flip" and data:
            data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
        else:
            data = data[:at] + draw(st.binary(min_size=1, max_size=20)) + data[at:]
    return data, len(recs), damaged


def _check_stream(items: list[RawDoc | Rejected]) -> None:
    check_source_items(items)
    bad = [i for i, it in enumerate(items) if isinstance(it, Rejected) and it.code == "bad_warc"]
    assert len(bad) <= 1 and (not bad or bad[0] == len(items) - 1), items
    for item in items:
        if isinstance(item, RawDoc):
            assert item.kind == "html"
            check_outcome(run_timed("extract_raw", lambda i=item: extract_raw(i)))


@fuzz_settings(0.7)
@given(archives())
def test_fuzz_warc_archives(archive: tuple[bytes, int, bool]) -> None:
    data, n_records, damaged = archive
    items = run_timed("read_warc_bytes", lambda: list(read_warc_bytes(data, origin="fuzz.warc")))
    _check_stream(items)
    if not damaged:
        assert not any(isinstance(i, Rejected) and i.code == "bad_warc" for i in items), items
        assert len(items) == n_records, items


@fuzz_settings(0.3)
@given(
    st.sampled_from([b"WARC/1.0\r\n", b"WARC/1.1\r\n", b"filedesc://x 0.0.0.0 2023 text/plain 0\n", b"\x1f\x8b"]),
    st.binary(max_size=800),
)
def test_fuzz_warc_junk_behind_magic(magic: bytes, rest: bytes) -> None:
    _check_stream(run_timed("read_warc_bytes", lambda: list(read_warc_bytes(magic + rest, origin="fuzz.warc"))))
