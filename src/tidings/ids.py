"""Stable ids derived from content or canonical URLs, never from counters."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WS = re.compile(r"\s+")


def digest(*parts: str | bytes, length: int = 16) -> str:
    """Hex sha256 over the parts (separated so ("ab","c") != ("a","bc")), truncated."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()[:length]


def normalise_text(text: str) -> str:
    """Text normalised for hashing: NFKC, case-folded, whitespace collapsed."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def article_id(canonical_url: str | None, text: str) -> str:
    """``a`` + hash of the canonical URL when there is one, else of the normalised text."""
    if canonical_url:
        return "a" + digest("url", canonical_url)
    return "a" + digest("text", normalise_text(text))


def text_version(text: str) -> str:
    return digest("version", normalise_text(text), length=12)


def fact_id(kind: str, article_id: str, *parts: object) -> str:
    """Id of a fact: its kind, article and whatever pins it (offsets, codes)."""
    return kind[0] + digest(kind, article_id, *(str(p) for p in parts))
