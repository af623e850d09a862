"""WARC / ARC archives (plain or gzipped) -> RawDoc per HTML response record, streamed.

Each HTML ``response`` record becomes ``RawDoc(kind="html")`` with ``uri`` =
WARC-Target-URI, ``fetched_at`` = WARC-Date (UTC; for archives "now" is the capture
time, not the wall clock), ``headers`` = the archived HTTP response headers and
``origin = f"{path}@{offset}"`` (the record's byte offset in the file: the resume key).
Other record types are skipped; responses that are not HTML, not 200, or too large
become coded Rejected values.

Damage: :mod:`tidings.sources.warc_frames` cuts the stream into records and checks every
boundary (Content-Length against the next record's start, gzip members, block digests)
before warcio parses a record. A damaged record is one
``Rejected(code="bad_warc", detail="damaged at offset N (why)")``; reading goes on at the
next intact record, whose bytes never mix with the damaged one's.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader

from tidings.ids import digest
from tidings.records import RawDoc, Rejected
from tidings.sources.warc_frames import Damage, frames

STAGE = "sources.warc"
HTML_TYPES = ("text/html", "application/xhtml+xml")
DEFAULT_MAX_BYTES = 20_000_000
_CHUNK = 65536
_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})[T ]?(\d{2}):?(\d{2}):?(\d{2})")


def read_warc(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDoc | Rejected]:
    """Stream the records of a WARC/ARC file (``.warc``, ``.warc.gz``, ``.arc``, ``.arc.gz``)."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed in the finally below, after streaming
        size = path.stat().st_size
    except OSError as exc:
        yield Rejected(STAGE, "unreadable", f"{type(exc).__name__}: {exc}", str(path))
        return
    try:
        yield from _read(handle, str(path), size, max_bytes)
    finally:
        handle.close()


def read_warc_bytes(data: bytes, *, origin: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDoc | Rejected]:
    """The same for an archive already in memory (stdin, small files)."""
    yield from _read(io.BytesIO(data), origin, len(data), max_bytes)


def _read(stream: IO[bytes], name: str, size: int, max_bytes: int) -> Iterator[RawDoc | Rejected]:
    # no magic check first: a file whose first record is damaged is still read from its
    # next intact record on (junk is one bad_warc at offset 0, then nothing)
    for frame in frames(stream, size, max_bytes):
        outcome: RawDoc | Rejected | Damage | None
        if isinstance(frame, Damage):
            outcome = frame
        elif frame.data is None:
            big = frame.headers.get("warc-type", "response") == "response"
            detail = f"record larger than {max_bytes} bytes"
            outcome = Rejected(STAGE, "too_large", detail, frame.headers.get("warc-target-uri", "")) if big else None
        else:
            outcome = _parse(frame.data, name, frame.where, max_bytes)
        if isinstance(outcome, Damage):
            yield _damaged(name, outcome.where, outcome.why)
        elif outcome is not None:
            yield _with_origin(outcome, f"{name}@{frame.where}")


def _parse(data: bytes, name: str, where: str, max_bytes: int) -> RawDoc | Rejected | Damage | None:
    """One framed record -> warcio -> RawDoc, Rejected, or None (a type we skip)."""
    try:
        record = next(iter(ArchiveIterator(io.BytesIO(data), arc2warc=True, ensure_http_headers=False)))
        return _record(record, name, max_bytes)
    except StopIteration:
        return None
    except Exception as exc:  # warcio raises ArchiveLoadFailed, zlib.error, ValueError, ...
        return Damage(where, f"{type(exc).__name__}: {exc}")


def is_archive(head: bytes) -> bool:
    """True when ``head`` (the first bytes of a file, >= 64) starts a WARC or ARC file,
    plain or gzipped. Use it to route files to :func:`read_warc` *before* any generic
    gunzip: a .warc.gz is many gzip members, and a one-member gunzip sees only the first."""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return head.lstrip(b"\r\n").startswith((b"WARC/", b"filedesc://"))


class _Truncated(Exception):
    pass


def _damaged(name: str, offset: str, why: str) -> Rejected:
    return Rejected(STAGE, "bad_warc", f"damaged at offset {offset} ({why})", f"{name}@{offset}")


def _record(record: Any, name: str, max_bytes: int) -> RawDoc | Rejected | None:
    """One record -> RawDoc, Rejected, or None for record types we skip silently."""
    if record.rec_type != "response":
        _drain(record.raw_stream)
        return None
    http = record.http_headers
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    if http is None:  # e.g. dns: or a non-HTTP response
        _drain(record.raw_stream)
        return Rejected(STAGE, "unsupported", "response record without HTTP headers", uri)
    ctype = (http.get_header("Content-Type") or "").split(";", 1)[0].strip().lower()
    status = http.get_statuscode() or ""
    if ctype not in HTML_TYPES or status != "200":
        _drain(record.raw_stream)
        code = "unsupported" if status == "200" else "http_error"
        return Rejected(STAGE, code, f"HTTP {status} {ctype or 'no content type'}", uri)
    body = _read_payload(record, max_bytes)
    if body is None:
        return Rejected(STAGE, "too_large", f"payload larger than {max_bytes} bytes", uri)
    fetched_at = _utc(record.rec_headers.get_header("WARC-Date"))
    return RawDoc(
        id=digest(body),
        uri=uri,
        origin="",
        kind="html",
        data=body,
        fields={"warc_record_id": record.rec_headers.get_header("WARC-Record-ID"), "status": 200},
        headers=tuple((k.lower(), v) for k, v in http.headers),
        fetched_at=fetched_at,
    )


def _read_payload(record: Any, max_bytes: int) -> bytes | None:
    """The decoded payload (chunked/gzip undone by warcio), or None past ``max_bytes``."""
    stream = record.content_stream()
    parts: list[bytes] = []
    total = 0
    while True:
        part = stream.read(_CHUNK)
        if not part:
            break
        total += len(part)
        if total > max_bytes:
            _drain(record.raw_stream)
            return None
        parts.append(part)
    _drain(record.raw_stream)
    return b"".join(parts)


def _drain(raw: Any) -> None:
    while raw.read(_CHUNK):
        pass
    _check_complete(raw)


def _check_complete(raw: Any) -> None:
    if isinstance(raw, LimitReader) and raw.limit > 0:
        raise _Truncated()


def _utc(value: str | None) -> str | None:
    """WARC-Date (ISO 8601, sometimes sloppy, or ARC's 14 digits) -> ``YYYY-MM-DDTHH:MM:SSZ``."""
    if not value:
        return None
    match = _DATE.match(value.strip())
    if not match:
        return value
    rest = value.strip()[match.end() :]
    year, month, day, hour, minute, second = (int(g) for g in match.groups())
    try:
        when = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError:
        return value
    zone = re.match(r"(?:\.\d+)?([+-])(\d{2}):?(\d{2})", rest)
    if zone and zone.group(2) + zone.group(3) != "0000":
        sign = 1 if zone.group(1) == "+" else -1
        when -= sign * timedelta(hours=int(zone.group(2)), minutes=int(zone.group(3)))
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _with_origin(item: RawDoc | Rejected, origin: str) -> RawDoc | Rejected:
    if isinstance(item, RawDoc):
        return RawDoc(
            id=item.id,
            uri=item.uri,
            origin=origin,
            kind=item.kind,
            data=item.data,
            fields=item.fields,
            headers=item.headers,
            fetched_at=item.fetched_at,
            published=item.published,
        )
    return Rejected(item.stage, item.code, item.detail, origin if not item.source else f"{origin} {item.source}")
