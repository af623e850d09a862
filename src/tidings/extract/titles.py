"""Pick an article headline without the " | Site name" that og:title and <title> carry.

Candidates (JSON-LD headline, og:title, twitter:title, <title>, the extractor's title)
are split at separators (| - – — : · » /); leading or trailing pieces that name the site
(og:site_name, the JSON-LD publisher, the host name) are removed. An ``<h1>`` that agrees
with a stripped candidate is preferred, because it is the heading readers see.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit

_SEPARATOR = re.compile(r"(\s*[|·»•]\s*|\s+[-–—:/~]\s+|\s+::\s+)")
_NON_ALNUM = re.compile(r"[\W_]+")
_GENERIC = {"home", "news", "latest news", "breaking news", "homepage", "online", "blog"}


def _norm(text: str) -> str:
    return _NON_ALNUM.sub("", unicodedata.normalize("NFKC", text).casefold())


def _site_keys(sites: Iterable[str | None], url: str | None) -> set[str]:
    keys = {_norm(s) for s in sites if s}
    if url:
        host = urlsplit(url).hostname or ""
        labels = [p for p in host.split(".") if p not in ("www", "m", "amp", "edition", "news")]
        if labels:
            keys.add(_norm(".".join(labels)))
            keys.add(_norm(labels[0]))
            if len(labels) > 1:
                keys.add(_norm(".".join(labels[:-1])))
    keys.discard("")
    return keys


def _site_like(piece: str, keys: set[str]) -> bool:
    norm = _norm(piece)
    if not norm:
        return True
    if norm in keys or piece.strip().casefold() in _GENERIC:
        return True
    # "The Guardian" vs guardian, "Reuters.com" vs reuters, "NYTimes" vs nytimes.com
    return any(len(norm) >= 3 and len(key) >= 3 and (norm in key or key in norm) for key in keys) and (
        len(piece.split()) <= 4
    )


def strip_site(title: str, sites: Iterable[str | None], url: str | None = None) -> str:
    """``title`` without leading/trailing pieces that name the site."""
    title = " ".join(title.split())
    pieces = _SEPARATOR.split(title)  # text, sep, text, sep, ...
    if len(pieces) < 3:
        return title
    keys = _site_keys(sites, url)
    while len(pieces) >= 3 and _site_like(pieces[-1], keys):
        pieces = pieces[:-2]
    while len(pieces) >= 3 and _site_like(pieces[0], keys):
        pieces = pieces[2:]
    return "".join(pieces).strip()


def _contains_heading(candidate: str, heading: str) -> bool:
    """True when ``candidate`` is ``heading`` plus separator-delimited extras."""
    c, h = _norm(candidate), _norm(heading)
    if not h or len(h) < 0.5 * len(c):
        return False
    if c == h:
        return True
    pieces = _SEPARATOR.split(" ".join(candidate.split()))
    texts = pieces[::2]
    for i in range(len(texts)):
        for j in range(i + 1, len(texts) + 1):
            if _norm("".join(pieces[2 * i : 2 * j - 1])) == h:
                return True
    return False


def choose_title(
    *,
    headline: str | None,
    og_title: str | None,
    twitter_title: str | None,
    title_tag: str | None,
    extractor_title: str | None,
    h1s: Iterable[str],
    sites: Iterable[str | None],
    url: str | None = None,
) -> str | None:
    sites = list(sites)
    given = (headline, og_title, twitter_title, title_tag, extractor_title)
    raw = [html.unescape(c) for c in given if c and c.strip()]
    stripped = [strip_site(c, sites, url) for c in raw]
    headings = [" ".join(h.split()) for h in h1s if 2 <= len(h) <= 300]
    for heading in headings:
        h = _norm(heading)
        for cand in stripped:
            if _norm(cand) == h:
                # Same words: the declared string has cleaner spacing than the h1's text nodes.
                return cand
        if any(_contains_heading(c, heading) for c in raw):
            return heading
    for cand in stripped:
        if cand:
            return cand
    return headings[0] if headings else None
