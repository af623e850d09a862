"""From a RawDoc (or bytes/str) to an :class:`Article` or a coded :class:`Rejected`."""

from __future__ import annotations

import re
from dataclasses import replace

from tidings.config import InputOptions, Options
from tidings.extract.decode import decode_text
from tidings.extract.html import extract_html
from tidings.extract.name_dates import date_in_name
from tidings.extract.record import extract_record
from tidings.extract.text import extract_text
from tidings.records import Article, RawDoc, Rejected
from tidings.sources.files import read_bytes

__all__ = ["date_in_name", "extract", "extract_raw"]

# Start tags in the bytes (UTF-8/legacy, or UTF-16 with its NULs): a cheap upper bound on
# the element count. trafilatura's cascade costs ~0.2 ms per element, so 50k paragraphs or
# 100k <br> would take 10-25 s; real news pages have < 6,000 (issue 11, nasty inputs).
_START_TAG = re.compile(rb"<\x00?[A-Za-z]")


def _too_many_elements(data: bytes, limit: int) -> bool:
    return any(count >= limit for count, _ in enumerate(_START_TAG.finditer(data)))


def extract_raw(raw: RawDoc, options: Options | None = None, *, published: str | None = None) -> Article | Rejected:
    """Extract one RawDoc. ``published`` (or ``options.input.published``) fills a missing date."""
    options = options or Options()
    fallback = published or raw.published or options.input.published or None
    result: Article | Rejected
    if raw.kind == "record":
        # a record's text is what the user gave (a sentence, a headline, a lead): no page minimum
        result = extract_record(raw.fields, source=raw.uri, origin=raw.origin, min_chars=1)
    elif raw.kind == "html":
        if _too_many_elements(raw.data, options.extract.max_elements):
            detail = f"more than extract.max_elements={options.extract.max_elements} HTML elements"
            return Rejected("extract", "too_large", detail, raw.origin)
        result = extract_html(
            raw.data,
            source=raw.uri,
            url=raw.uri if raw.uri.startswith("http") else None,
            published=fallback,
            headers=dict(raw.headers),
            origin=raw.origin,
            options=options.extract,
        )
    elif raw.kind == "text":
        text = decode_text(raw.data)
        result = extract_text(
            text,
            source=raw.uri,
            url=raw.uri if raw.uri.startswith("http") else None,
            published=fallback,
            origin=raw.origin,
            options=options.extract,
        )
    else:
        return Rejected("extract", "unsupported", f"cannot extract a {raw.kind!r} input", raw.origin)
    if isinstance(result, Article) and result.published is None and fallback:
        result = replace(result, published=fallback, published_from="given")
    if isinstance(result, Article) and result.published is None:
        found = date_in_name(raw.uri if raw.uri.startswith("http") else raw.origin)
        if found:
            from_url = raw.uri.startswith("http")
            result = replace(result, published=found.isoformat(), published_from="url" if from_url else "path")
    return result


def extract(
    data: str | bytes,
    *,
    url: str | None = None,
    published: str | None = None,
    options: Options | None = None,
) -> Article | Rejected:
    """Extract one page (HTML or scraped text, str or bytes). No store, no NLP."""
    options = options or Options()
    raw_bytes = data.encode("utf-8") if isinstance(data, str) else data
    source = url or "<memory>"
    inputs: InputOptions = options.input
    for item in read_bytes(raw_bytes, url or "", source, inputs):
        if isinstance(item, Rejected):
            return item
        if item.kind not in ("html", "text"):
            return Rejected("extract", "unsupported", f"extract() takes one page, got {item.kind}", source)
        raw = replace(item, uri=source) if url else item
        return extract_raw(raw, options, published=published)
    return Rejected("extract", "empty", "no content", source)
