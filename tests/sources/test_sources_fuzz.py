"""Property tests: feed, WARC and HTTP-body readers never raise on hostile bytes; they
return records or coded Rejected values (reliability notes, section 5.1)."""

from __future__ import annotations

import gzip
import io
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.errors import REJECTION_CODES
from tidings.records import RawDoc, Rejected
from tidings.sources.feeds import read_feed
from tidings.sources.httpbody import BodyError, read_body
from tidings.sources.warc import read_warc_bytes

FEED = (
    b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
    b"<item><title>A &amp; B</title><link>https://ex.test/a</link><pubDate>Mon, 07 Jan 2019 17:19:19 +0100"
    b"</pubDate><description>&lt;p&gt;Hello&lt;/p&gt;</description></item></channel></rss>"
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(items: list[RawDoc | Rejected]) -> None:
    for item in items:
        assert isinstance(item, RawDoc | Rejected)
        if isinstance(item, Rejected):
            assert item.code in REJECTION_CODES, item


@FAST
@given(st.binary(max_size=2000))
def test_feed_random_bytes(data: bytes) -> None:
    _check(list(read_feed(data, uri="fuzz")))


@FAST
@given(st.integers(0, len(FEED)), st.binary(max_size=40), st.integers(0, len(FEED)))
def test_feed_mutations(at: int, junk: bytes, cut: int) -> None:
    mutated = (FEED[:at] + junk + FEED[at:])[: max(cut, 1)]
    _check(list(read_feed(mutated, uri="fuzz")))


@pytest.fixture(scope="module")
def small_warc(shared: Path) -> bytes:
    data = (shared / "data" / "corpus" / "warc" / "real" / "resiliparse-cc-sample.warc.gz").read_bytes()
    return data[:40_000]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 39_999), st.integers(0, 255), st.integers(1, 40_000))
def test_warc_flips_and_cuts(small_warc: bytes, at: int, xor: int, cut: int) -> None:
    data = bytearray(small_warc[:cut])
    if at < len(data):
        data[at] ^= xor or 1
    started = time.monotonic()
    _check(list(read_warc_bytes(bytes(data), origin="fuzz")))
    assert time.monotonic() - started < 5


@FAST
@given(st.binary(max_size=3000), st.sampled_from(["gzip", "deflate", "br", "zstd", "gzip, br", "x-unknown", ""]))
def test_body_decoder_never_raises_outside_contract(data: bytes, coding: str) -> None:
    try:
        out = read_body(iter([data[:1000], data[1000:]]), coding, max_bytes=10_000, deadline=time.monotonic() + 5)
    except BodyError as exc:
        assert exc.code in REJECTION_CODES
    else:
        assert isinstance(out, bytes)


def test_body_decoder_round_trips_gzip_members() -> None:
    payload = b"<html>" + b"abc" * 10_000 + b"</html>"
    two_members = gzip.compress(payload[:5000]) + gzip.compress(payload[5000:])
    chunks = iter([two_members[i : i + 777] for i in range(0, len(two_members), 777)])
    assert read_body(chunks, "gzip", max_bytes=100_000, deadline=time.monotonic() + 5) == payload
    truncated = gzip.compress(payload)[:-20]
    with pytest.raises(BodyError) as info:
        read_body(io.BytesIO(truncated).__iter__(), "gzip", max_bytes=100_000, deadline=time.monotonic() + 5)
    assert info.value.code == "bad_gzip"
