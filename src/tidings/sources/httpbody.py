"""Read an HTTP body with caps on *decoded* bytes and on wall time.

A decompression bomb is small on the wire, so capping transferred bytes is not enough:
every content coding (gzip, deflate, br, zstd, and stacks of them) is decoded as a pull
stream that hands out at most 64 KiB per read, and reading stops as soon as the decoded
total passes the cap. Memory stays near cap + one chunk whatever the compression ratio.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable, Iterator
from typing import Protocol

import brotli
import zstandard

CHUNK = 65536
MAX_CODINGS = 3


class BodyError(Exception):
    """The body could not be read; ``code`` is a rejection code from errors.py."""

    def __init__(self, code: str, detail: str) -> None:
        self.code = code
        self.detail = detail
        super().__init__(f"{code}: {detail}")


class _Readable(Protocol):
    def read(self, size: int = -1) -> bytes: ...


class _WireSource:
    """File-like view of the raw (still encoded) chunks, with a deadline and a wire cap."""

    def __init__(self, chunks: Iterator[bytes], max_bytes: int, deadline: float, clock: Callable[[], float]):
        self._chunks = chunks
        self._buffer = b""
        self._done = False
        self._max = max_bytes
        self._deadline = deadline
        self._clock = clock
        self.received = 0

    def read(self, size: int = -1) -> bytes:
        size = CHUNK if size is None or size < 0 else size
        while not self._buffer and not self._done:
            if self._clock() > self._deadline:
                raise BodyError("timeout", "total time budget exceeded while reading the body")
            try:
                self._buffer = next(self._chunks)
            except StopIteration:
                self._done = True
            self.received += len(self._buffer)
            if self.received > self._max:
                raise BodyError("too_large", f"more than {self._max} bytes on the wire")
        out, self._buffer = self._buffer[:size], self._buffer[size:]
        return out


class _ZlibReader:
    """gzip (multi-member) or deflate (zlib-wrapped or raw) with bounded output per read."""

    def __init__(self, source: _Readable, coding: str) -> None:
        self._source = source
        self._coding = coding
        self._wbits = 16 + zlib.MAX_WBITS if coding == "gzip" else zlib.MAX_WBITS
        self._d = zlib.decompressobj(self._wbits)
        self._pending = b""
        self._started = False
        self._source_done = False

    def read(self, size: int = -1) -> bytes:
        size = CHUNK if size < 0 else size
        while True:
            if not self._pending and not self._source_done:
                self._pending = self._source.read(CHUNK)
                self._source_done = not self._pending
            if not self._pending:
                if self._source_done and self._started and not self._d.eof:
                    raise BodyError("bad_gzip", f"{self._coding} stream ends early")
                return b""
            fresh_member = self._d.eof
            if fresh_member:
                # gzip allows several members back to back.
                self._d = zlib.decompressobj(self._wbits)
            try:
                out = self._d.decompress(self._pending, size)
            except zlib.error as exc:
                if fresh_member:
                    # Junk after a complete member (NUL padding is common): the body is done.
                    self._pending, self._source_done = b"", True
                    self._d = zlib.decompressobj(self._wbits)
                    self._started = False
                    return b""
                if self._coding == "deflate" and not self._started:
                    # Some servers send raw deflate without the zlib header.
                    self._wbits = -zlib.MAX_WBITS
                    self._d = zlib.decompressobj(self._wbits)
                    self._started = True
                    continue
                raise BodyError("bad_gzip", f"{self._coding}: {exc}") from exc
            self._started = True
            self._pending = self._d.unconsumed_tail or self._d.unused_data
            if out:
                return out


class _BrotliReader:
    def __init__(self, source: _Readable) -> None:
        self._source = source
        self._d = brotli.Decompressor()

    def read(self, size: int = -1) -> bytes:
        size = CHUNK if size < 0 else size
        try:
            while True:
                if not self._d.can_accept_more_data():
                    out: bytes = self._d.process(b"", output_buffer_limit=size)
                elif self._d.is_finished():
                    return b""
                else:
                    data = self._source.read(CHUNK)
                    if not data:
                        raise BodyError("bad_gzip", "br stream ends early")
                    out = self._d.process(data, output_buffer_limit=size)
                if out:
                    return out
        except brotli.error as exc:
            raise BodyError("bad_gzip", f"br: {exc}") from exc


class _ZstdReader:
    def __init__(self, source: _Readable) -> None:
        decompressor = zstandard.ZstdDecompressor()
        self._reader = decompressor.stream_reader(source, read_size=CHUNK, read_across_frames=True)  # type: ignore[arg-type]

    def read(self, size: int = -1) -> bytes:
        try:
            out: bytes = self._reader.read(CHUNK if size < 0 else size)
        except zstandard.ZstdError as exc:
            raise BodyError("bad_gzip", f"zstd: {exc}") from exc
        return out


def _decoder(source: _Readable, coding: str) -> _Readable:
    if coding in ("gzip", "x-gzip", "deflate"):
        return _ZlibReader(source, "deflate" if coding == "deflate" else "gzip")
    if coding == "br":
        return _BrotliReader(source)
    if coding == "zstd":
        return _ZstdReader(source)
    raise BodyError("unsupported", f"content coding {coding!r}")


def parse_codings(header: str | None) -> list[str]:
    """Content-Encoding values in the order they were applied (identity dropped)."""
    codings = [c.strip().lower() for c in (header or "").split(",")]
    return [c for c in codings if c and c != "identity"]


def read_body(
    chunks: Iterator[bytes],
    content_encoding: str | None,
    *,
    max_bytes: int,
    deadline: float,
    clock: Callable[[], float] = time.monotonic,
) -> bytes:
    """Decode and collect the body; raise :class:`BodyError` past the caps or on bad data."""
    codings = parse_codings(content_encoding)
    if len(codings) > MAX_CODINGS:
        raise BodyError("unsupported", f"{len(codings)} stacked content codings")
    wire = _WireSource(chunks, max_bytes, deadline, clock)
    reader: _Readable = wire
    for coding in reversed(codings):  # the last coding listed was applied last
        reader = _decoder(reader, coding)
    parts: list[bytes] = []
    total = 0
    while True:
        part = reader.read(CHUNK)
        if not part:
            break
        total += len(part)
        if total > max_bytes:
            code = "decompression_bomb" if codings else "too_large"
            raise BodyError(code, f"more than {max_bytes} bytes after decoding")
        parts.append(part)
    return b"".join(parts)
