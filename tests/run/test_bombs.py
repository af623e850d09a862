"""Decompression and entity bombs of >= 1 GB: rejected, with resident memory growth < 64 MB.

Over HTTP (a real server on 127.0.0.1): gzip, deflate, br, zstd and gzip-in-gzip bodies
that expand to 1 GiB, fetched with the default size cap. In feeds: a billion-laughs
document (10^9 expansions of one character). Memory is measured by sampling this
process's RSS every few milliseconds while the call runs (peak - baseline), which also
counts native buffers that tracemalloc cannot see.
"""

from __future__ import annotations

import gzip
import struct
import threading
import time
import zlib
from collections.abc import Callable
from typing import Any

import brotli
import psutil
import pytest
import zstandard

from loopback_server import LoopbackServer
from tidings.config import FetchOptions
from tidings.records import Rejected
from tidings.sources.feeds import read_feed
from tidings.sources.web import Fetcher

GIB = 1 << 30
MB = 1 << 20
CHUNK = bytes(MB)


def peak_rss_growth(call: Callable[[], Any]) -> tuple[Any, float]:
    """(call's result, peak RSS minus RSS before, in MB)."""
    proc = psutil.Process()
    baseline = proc.memory_info().rss
    peak = baseline
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, proc.memory_info().rss)
            time.sleep(0.002)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        result = call()
    finally:
        done.set()
        sampler.join()
    peak = max(peak, proc.memory_info().rss)
    return result, (peak - baseline) / MB


def _raw_deflate_of_zeros(size: int) -> bytes:
    """Raw deflate of ``size`` zero bytes, built from one full-flushed 1 MiB block repeated
    (a full flush resets the window, so every repeat is the same bytes): seconds, not minutes."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = comp.compress(CHUNK) + comp.flush(zlib.Z_FULL_FLUSH)
    return block * (size // MB) + b"\x03\x00"  # + an empty final block


def gzip_of_zeros(size: int) -> bytes:
    crc = 0
    for _ in range(size // MB):
        crc = zlib.crc32(CHUNK, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return header + _raw_deflate_of_zeros(size) + struct.pack("<II", crc, size & 0xFFFFFFFF)


def zlib_of_zeros(size: int) -> bytes:
    adler = 1
    for _ in range(size // MB):
        adler = zlib.adler32(CHUNK, adler)
    return b"\x78\xda" + _raw_deflate_of_zeros(size) + struct.pack(">I", adler)


def brotli_of_zeros(size: int) -> bytes:
    comp = brotli.Compressor(quality=1)
    return b"".join(comp.process(CHUNK) for _ in range(size // MB)) + comp.finish()


def zstd_of_zeros(size: int) -> bytes:
    comp = zstandard.ZstdCompressor(level=1).compressobj()
    return b"".join(comp.compress(CHUNK) for _ in range(size // MB)) + comp.flush()


BOMBS: dict[str, tuple[str, Callable[[], bytes]]] = {
    "gzip": ("gzip", lambda: gzip_of_zeros(GIB)),
    "deflate": ("deflate", lambda: zlib_of_zeros(GIB)),
    "br": ("br", lambda: brotli_of_zeros(GIB)),
    "zstd": ("zstd", lambda: zstd_of_zeros(GIB)),
    "gzip-in-gzip": ("gzip, gzip", lambda: gzip.compress(gzip_of_zeros(GIB))),
}


def test_the_bombs_really_expand_to_a_gibibyte() -> None:
    """Decode each bomb fully in bounded pieces (no cap) and count: the figure is real."""
    for name, (_, build) in BOMBS.items():
        data = build()
        if name == "gzip-in-gzip":
            data = gzip.decompress(data)
        total = 0
        if name in ("gzip", "gzip-in-gzip", "deflate"):
            d = zlib.decompressobj(16 + zlib.MAX_WBITS if name != "deflate" else zlib.MAX_WBITS)
            buf = data
            while buf:
                total += len(d.decompress(buf, 16 * MB))
                buf = d.unconsumed_tail
            assert d.eof
        elif name == "br":
            d = brotli.Decompressor()
            out = d.process(data, output_buffer_limit=16 * MB)
            total += len(out)
            while not d.is_finished():
                total += len(d.process(b"", output_buffer_limit=16 * MB))
        else:
            reader = zstandard.ZstdDecompressor().stream_reader(data)
            while part := reader.read(16 * MB):
                total += len(part)
        assert total == GIB, (name, total)


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_http_bombs_of_a_gibibyte_are_rejected_in_flat_memory(server: LoopbackServer, name: str) -> None:
    coding, build = BOMBS[name]
    server.route("/robots.txt", 404)
    server.route("/bomb", body=build(), Content_Type="text/html", Content_Encoding=coding)
    options = FetchOptions(host_delay=0.0, total_timeout=60.0)  # default max_bytes (20 MB decoded)
    with Fetcher(options, resolver=lambda host, port: ["127.0.0.1"], allow_hosts=("127.0.0.1",)) as fetcher:
        fetcher.fetch(server.url("a.test", "/robots.txt"))  # warm the client and robots cache first
        out, growth = peak_rss_growth(lambda: fetcher.fetch(server.url("a.test", "/bomb")))
    assert isinstance(out, Rejected) and out.code == "decompression_bomb", out
    assert growth < 64, f"{name}: RSS grew {growth:.0f} MB"


def billion_laughs(levels: int = 9) -> bytes:
    """The classic: 10 entities of 10 references each, 9 levels deep (10^9 'lol's)."""
    decls = ['<!ENTITY lol "lol">']
    decls += [f'<!ENTITY lol{i} "{("&lol;" if i == 1 else f"&lol{i - 1};") * 10}">' for i in range(1, levels + 1)]
    return (
        '<?xml version="1.0"?><!DOCTYPE rss [' + "".join(decls) + "]>"
        f'<rss version="2.0"><channel><title>&lol{levels};</title>'
        "<item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>"
    ).encode()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_billion_laughs_feed_is_refused_in_flat_memory(encoding: str) -> None:
    data = billion_laughs()
    if encoding != "utf-8":
        data = data.decode().replace('version="1.0"', f'version="1.0" encoding="{encoding}"').encode(encoding)
    started = time.monotonic()
    out, growth = peak_rss_growth(lambda: list(read_feed(data, uri="https://feeds.example/laughs")))
    assert len(out) == 1 and isinstance(out[0], Rejected) and out[0].code == "xml_entities", out
    assert growth < 64 and time.monotonic() - started < 2, growth
