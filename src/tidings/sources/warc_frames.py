"""Cut a WARC/ARC stream into records, checking every boundary, before anything parses them.

warcio trusts each record's Content-Length: a record cut in the middle swallows the bytes
of the next one (its text spliced into the damaged record's) and the records after it are
lost or read as junk; a garbled header makes it skip a record without a word. Here each
record is framed and checked first:

- a WARC record is a ``WARC/x.y`` line, ``Name: value`` lines, a blank line, exactly
  Content-Length bytes of block, then the blank lines before the next ``WARC/`` line (or
  the end of the file); its ``WARC-Block-Digest``, when given in a known algorithm, must
  match the block;
- in a ``.warc.gz`` each gzip member must inflate completely (CRC checked by zlib) and
  hold whole records.

A record that fails a check is a :class:`Damage` at its offset, and framing resumes at the
next ``WARC/`` line (plain) or the next gzip member that inflates to one (gzipped), so the
intact records after the damage are kept and no bytes of one record reach another. ARC
has no record magic to resume at: its reading stops at the first damage.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

GZIP_MAGIC = b"\x1f\x8b"
MAX_HEADER = 64 * 1024
_CHUNK = 1 << 20
_WARC_LINE = re.compile(rb"WARC/\d+\.\d+\r?\n")
# anywhere, not only at a line start: a cut record runs straight into the next one
_RESYNC = re.compile(rb"WARC/\d+\.\d+\r?\n")
_HEADER_END = re.compile(rb"\r?\n\r?\n")


@dataclass(frozen=True, slots=True)
class Frame:
    """One record: ``data`` is its bytes (header + block), None when the block is larger
    than the budget (then ``headers`` still tells what it was)."""

    where: str  # byte offset in the file; "member+inner" for a record inside a gzip member
    data: bytes | None
    headers: dict[str, str]


@dataclass(frozen=True, slots=True)
class Damage:
    where: str
    why: str


def frames(stream: IO[bytes], size: int, max_bytes: int) -> Iterator[Frame | Damage]:
    """The records of a seekable WARC/ARC stream, plain or gzipped."""
    gzipped = _peek(stream, 0, 2).startswith(GZIP_MAGIC)
    first = _member_head(stream, 0) if gzipped else _peek(stream, _skip_blank(stream, 0, size), 16)
    arc = first.startswith(b"filedesc://")
    if not gzipped and not arc and not _WARC_LINE.match(first):
        # damage before the first record: plain or gzipped is told by which record comes first
        member, plain = _next_member(stream, 0, size), _resync(stream, 0, size)
        gzipped = member is not None and (plain is None or member < plain)
    if gzipped:
        yield from _gzip_frames(stream, size, max_bytes, arc)
    else:
        yield from _plain_frames(stream, size, max_bytes, "", arc)


# ---------------------------------------------------------------------- plain records
def _plain_frames(stream: IO[bytes], size: int, max_bytes: int, base: str, arc: bool) -> Iterator[Frame | Damage]:
    def label(pos: int) -> str:  # a record inside gzip member M at inner offset P is "M+P"
        return f"{base}+{pos}" if base and pos else (base or str(pos))

    pos = _skip_blank(stream, 0, size)
    while pos < size:
        if arc:
            framed = _arc_record(stream, pos, size, max_bytes)
            if isinstance(framed, str):
                yield Damage(label(pos), framed)
                return
            end, data, headers = framed
            yield Frame(label(pos), data, headers)
            pos = _skip_blank(stream, end, size)
            continue
        items, resume = _warc_step(stream, pos, size, max_bytes)
        for at, item in items:
            yield Frame(label(at), *item) if isinstance(item, tuple) else Damage(label(at), item)
        if resume is None:
            return
        pos = resume


Step = tuple[int, tuple[bytes | None, dict[str, str]] | str]


def _warc_step(stream: IO[bytes], pos: int, size: int, max_bytes: int) -> tuple[list[Step], int | None]:
    """The record at ``pos`` (or its damage, or the junk after it) and where the next starts.

    A record whose Content-Length is wrong (cut, or bytes added) does not end at a record
    start; neither does an intact record followed by a garbled one. They differ in where
    the next well-formed header is: inside the record's declared block (this record was
    cut, the next one follows), or after it (this record is whole, the bytes after it are
    the damage)."""
    parsed = _warc_header(_peek(stream, pos, MAX_HEADER))
    if isinstance(parsed, str):
        return [(pos, parsed)], _resync(stream, pos + 1, size)
    header_len, headers = parsed
    length = int(headers["content-length"])
    end = pos + header_len + length
    after = _skip_blank(stream, end, size)
    if end <= size and (after >= size or _WARC_LINE.match(_peek(stream, after, 16))):
        return [(pos, _block(stream, pos, header_len, length, headers, max_bytes))], after
    resume = _resync(stream, pos + header_len, size)
    trailer = end >= size or _peek(stream, end, 4).startswith((b"\r\n\r\n", b"\n\n"))
    if end > size or not trailer or (resume is not None and resume < end):
        short = end > size
        why = "shorter than its Content-Length" if short else "does not end where its Content-Length says"
        return [(pos, f"record {why}")], resume
    record = (pos, _block(stream, pos, header_len, length, headers, max_bytes))
    return [record, (after, "bytes between records that are not a record (a garbled header?)")], resume


def _block(
    stream: IO[bytes], pos: int, header_len: int, length: int, headers: dict[str, str], max_bytes: int
) -> tuple[bytes | None, dict[str, str]] | str:
    if length > max_bytes:
        return None, headers
    data = _peek(stream, pos, header_len + length)
    if not _digest_ok(headers.get("warc-block-digest"), memoryview(data)[header_len:]):
        return "WARC-Block-Digest does not match the block"
    return data + b"\r\n\r\n", headers


def _warc_header(head: bytes) -> tuple[int, dict[str, str]] | str:
    if not _WARC_LINE.match(head):
        return "no WARC/x.y line where a record starts"
    end = _HEADER_END.search(head)
    if end is None:
        return f"record header without an end within {MAX_HEADER} bytes"
    headers: dict[str, str] = {}
    last = ""
    for line in head[: end.start()].decode("utf-8", "replace").split("\n")[1:]:
        line = line.rstrip("\r")
        if line[:1] in (" ", "\t") and last:  # a folded continuation line
            headers[last] += " " + line.strip()
            continue
        name, colon, value = line.partition(":")
        if not colon or not name.strip() or name != name.strip():
            return f"garbled header line {line[:60]!r}"
        last = name.lower()
        headers[last] = value.strip()
    if not headers.get("content-length", "").isdigit():
        return "no valid Content-Length"
    return end.end(), headers


Framed = tuple[int, bytes | None, dict[str, str]]  # end, record bytes (None: too large), headers


def _arc_record(stream: IO[bytes], pos: int, size: int, max_bytes: int) -> Framed | str:
    parsed = _arc_header(_peek(stream, pos, 4096))
    if isinstance(parsed, str):
        return parsed
    header_len, headers = parsed
    length = int(headers["content-length"])
    end = pos + header_len + length
    if end > size:
        return "record shorter than its length"
    if length > max_bytes:
        return end, None, headers
    return end, _peek(stream, pos, end - pos) + b"\n", headers


def _arc_header(head: bytes) -> tuple[int, dict[str, str]] | str:
    """ARC's one header line: ``URL IP DATE MIME [...] LENGTH``."""
    line = head.split(b"\n", 1)[0]
    parts = line.decode("utf-8", "replace").split()
    if len(parts) < 5 or not parts[-1].isdigit():
        return "no ARC record header line where a record starts"
    return len(line) + 1, {"warc-target-uri": parts[0], "content-length": parts[-1]}


def _resync(stream: IO[bytes], start: int, size: int) -> int | None:
    """The offset of the next well-formed WARC header at or after ``start``."""
    pos = start
    while pos < size:
        window = _peek(stream, pos, _CHUNK + 64)
        for match in _RESYNC.finditer(window):
            at = pos + match.start()
            if at >= start and not isinstance(_warc_header(_peek(stream, at, MAX_HEADER)), str):
                return at
        pos += _CHUNK
    return None


def _digest_ok(digest: str | None, block: memoryview) -> bool:
    """True unless ``digest`` ("sha1:BASE32", "sha256:hex", ...) names a known algorithm
    and does not match. Payload digests are not checked: real crawls get them wrong."""
    if not digest or ":" not in digest:
        return True
    algo, _, value = digest.partition(":")
    algo = algo.strip().lower().replace("-", "")
    if algo not in ("sha1", "sha256", "sha512", "md5"):
        return True
    actual = hashlib.new(algo, block).digest()
    expected = _decode_digest(value.strip(), len(actual))
    return expected is None or expected == actual


def _decode_digest(value: str, size: int) -> bytes | None:
    """Hex when the length says so, else base32 (WARC's usual); None when neither decodes."""
    try:
        if len(value) == 2 * size:
            return bytes.fromhex(value)
        return base64.b32decode(value.upper() + "=" * (-len(value) % 8))
    except (binascii.Error, ValueError):
        return None


def _skip_blank(stream: IO[bytes], pos: int, size: int) -> int:
    while pos < size:
        chunk = _peek(stream, pos, 4096)
        kept = chunk.lstrip(b"\r\n\x00")
        pos += len(chunk) - len(kept)
        if kept:
            break
    return min(pos, size)


def _peek(stream: IO[bytes], pos: int, n: int) -> bytes:
    stream.seek(pos)
    return stream.read(n)


# ---------------------------------------------------------------------- gzip members
def _gzip_frames(stream: IO[bytes], size: int, max_bytes: int, arc: bool) -> Iterator[Frame | Damage]:
    pos = 0
    while pos < size:
        if not _peek(stream, pos, 2).startswith(GZIP_MAGIC):
            if not _peek(stream, pos, 65536).strip(b"\r\n\x00"):
                return  # padding at the end
            why = "bytes that are not a gzip member"
        else:
            member = _inflate(stream, pos, max_bytes)
            if not isinstance(member, str):
                end, data, too_big = member
                yield from _member_records(data, pos, too_big, max_bytes, arc)
                pos = end
                continue
            why = member
        yield Damage(str(pos), why)
        resume = _next_member(stream, pos + 1, size)
        if resume is None:
            return
        pos = resume


def _member_records(data: bytes, pos: int, too_big: bool, max_bytes: int, arc: bool) -> Iterator[Frame | Damage]:
    if too_big:  # one record larger than the budget: its header says what it was
        parsed = _arc_header(data) if arc else _warc_header(data[:MAX_HEADER])
        headers = parsed[1] if not isinstance(parsed, str) else {}
        if int(headers.get("content-length", "0")) > max_bytes:
            yield Frame(str(pos), None, headers)
        else:
            yield Damage(str(pos), f"gzip member inflates beyond {max_bytes} bytes and is not one large record")
        return
    yield from _plain_frames(io.BytesIO(data), len(data), max_bytes, str(pos), arc)


def _inflate(stream: IO[bytes], pos: int, max_bytes: int) -> tuple[int, bytes, bool] | str:
    """(end offset, inflated bytes up to the budget, over budget?) of the member at ``pos``."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    keep = max_bytes + MAX_HEADER
    out = bytearray()
    over = False
    stream.seek(pos)
    fed = pos
    try:
        while not d.eof:
            chunk = stream.read(65536)
            if not chunk:
                return "gzip member cut short"
            fed += len(chunk)
            data = d.decompress(chunk, 65536)
            while True:
                if not over:
                    out += data
                    over = len(out) > keep
                    if over:
                        del out[keep:]
                if d.eof or not d.unconsumed_tail:
                    break
                data = d.decompress(d.unconsumed_tail, 65536)
    except zlib.error as exc:
        return f"corrupt gzip member ({exc})"
    return fed - len(d.unused_data), bytes(out), over


def _next_member(stream: IO[bytes], start: int, size: int) -> int | None:
    """The offset of the next gzip member at or after ``start`` that inflates to a record."""
    pos = start
    while pos < size:
        window = _peek(stream, pos, _CHUNK + 2)
        at = window.find(GZIP_MAGIC + b"\x08")
        while at != -1 and at < _CHUNK:
            candidate = pos + at
            head = _member_head(stream, candidate)
            if head.startswith(b"WARC/") or (head and not isinstance(_arc_header(head), str)):
                return candidate
            at = window.find(GZIP_MAGIC + b"\x08", at + 1)
        pos += _CHUNK
    return None


def _member_head(stream: IO[bytes], pos: int) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(_peek(stream, pos, 4096), 64)
    except zlib.error:
        return b""
