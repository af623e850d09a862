"""JSON Lines: one article per line, ``{url, title, text, published, source}``, streamed.

A line format needs no whole-file budget: lines are read one at a time, and the size cap
(``input.max_bytes``) applies to each line, so a 2 GB corpus of small records is fine and
one oversized line is that line's ``too_large``. UTF-8 (with or without BOM), UTF-16 and
UTF-32 (BOM or the NUL pattern JSON's own detection uses) are read. Every bad line is a
coded rejection of that line and the rest of the file goes on; JSON nested deeper than
Python's parser can recurse is one such bad line.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import IO, Any

from tidings.ids import digest
from tidings.records import RawDoc, Rejected

STAGE = "sources.files"
RECORD_FIELDS = (
    "url",
    "title",
    "text",
    "published",
    "source",
    "language",
    "date_range",
)  # language: declared, checked against the text; date_range: an undated corpus's span ("2004/2005")
# (start of the file, encoding): BOMs, then a record's "{" in UTF-32/16 without one
_WIDE_STARTS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
    (b"{\x00\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00{", "utf-32-be"),
    (b"{\x00", "utf-16-le"),
    (b"\x00{", "utf-16-be"),
)
_SKIP_CHUNK = 1 << 20


def read_jsonl(data: bytes, origin: str, *, max_bytes: int = 20_000_000) -> Iterator[RawDoc | Rejected]:
    """The records of JSONL bytes already in memory."""
    yield from read_jsonl_stream(io.BytesIO(data), origin, max_bytes=max_bytes)


def read_jsonl_stream(stream: IO[bytes], origin: str, *, max_bytes: int) -> Iterator[RawDoc | Rejected]:
    """The records of a JSONL byte stream (a file, a gzip stream, stdin), one line at a time."""
    for lineno, line in enumerate(_lines(stream, max_bytes), start=1):
        where = f"{origin}#L{lineno}"
        if line is None:
            yield Rejected(STAGE, "too_large", f"line {lineno}: longer than max_bytes {max_bytes}", where)
        elif line.strip():
            yield parse_line(line, lineno, where)


def parse_line(line: bytes, lineno: int, where: str) -> RawDoc | Rejected:
    try:
        obj: Any = json.loads(line)
    except RecursionError:
        return Rejected(STAGE, "bad_jsonl", f"line {lineno}: JSON nested too deeply", where)
    except (ValueError, UnicodeDecodeError) as exc:
        return Rejected(STAGE, "bad_jsonl", f"line {lineno}: not JSON ({exc})", where)
    if not isinstance(obj, dict):
        return Rejected(STAGE, "bad_jsonl", f"line {lineno}: not a JSON object", where)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return Rejected(STAGE, "bad_jsonl", f"line {lineno}: missing or empty 'text'", where)
    # values keep their JSON types: extract/record.py decides what a title list or a
    # malformed date becomes (a str() here stored a list as the text "['a', 'b']")
    fields = {key: obj.get(key) for key in RECORD_FIELDS}
    if fields["published"] is None and obj.get("date") is not None:
        fields["published"] = obj["date"]  # a common alias in news corpora
    url = fields["url"] if isinstance(fields["url"], str) and fields["url"] else where
    return RawDoc(id=digest(line), uri=url, origin=where, kind="record", fields=fields)


def _lines(stream: IO[bytes], max_bytes: int) -> Iterator[bytes | None]:
    """UTF-8 lines (``\\n``, ``\\r\\n`` or ``\\r`` ended); None for a line over ``max_bytes``."""
    encoding = wide_encoding(_peek(stream, 4))
    if encoding is not None:
        yield from _wide_lines(stream, encoding, max_bytes)
        return
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_line(stream)
            yield None
            continue
        yield from line.splitlines() or [b""]


def wide_encoding(head: bytes) -> str | None:
    """UTF-16 or UTF-32 (by BOM, or by the NULs around a first "{"), else None (UTF-8)."""
    return next((encoding for start, encoding in _WIDE_STARTS if head.startswith(start)), None)


def _wide_lines(stream: IO[bytes], encoding: str, max_bytes: int) -> Iterator[bytes | None]:
    text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline=None)
    try:
        while True:
            line = text.readline(max_bytes + 1)
            if not line:
                return
            if len(line) > max_bytes and not line.endswith("\n"):
                while (rest := text.readline(_SKIP_CHUNK)) and not rest.endswith("\n"):
                    pass
                yield None
                continue
            yield line.rstrip("\n").encode("utf-8", "surrogatepass")
    finally:
        text.detach()  # the caller owns (and closes) the byte stream


def _skip_line(stream: IO[bytes]) -> None:
    while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
        pass


def _peek(stream: IO[bytes], n: int) -> bytes:
    peek = getattr(stream, "peek", None)
    if peek is not None:
        return bytes(peek(n)[:n])
    if stream.seekable():
        at = stream.tell()
        head = stream.read(n)
        stream.seek(at)
        return head
    return b""
