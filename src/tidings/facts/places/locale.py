"""Where an outlet or a story is at home, read off the article's own metadata.

A local paper seldom says which Dublin it means; its address and the story's dateline do:
``columbuslocalnews.com/.../dublin_news/...``, ``CHARLESTON, W.Va. —``. Place names found in the
URL's host and path (whole segments, and the leading or trailing run of letters of a joined-up
segment such as "gainesvilletimes") and in the wire dateline are *hints*: they are resolved with
the article's mentions and count as context (country and first-level division), never as facts
(they have no offsets in the text).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from tidings.facts.places.gazetteer import Gazetteer

MIN_LETTERS = 5  # shorter segments match too much
MIN_PIECE = 6  # the leading or trailing run of a joined-up segment ("polit" of "politics" is no place)
MIN_POPULATION = 5000  # a hint must be a place of some size
_SKIP = frozenset({"www", "com", "org", "net", "news", "local", "article", "articles", "story", "stories", "html"})


def locale_hints(url: str | None, dateline: str | None, gaz: Gazetteer) -> list[str]:
    """Place names the article's URL and dateline point at (most specific first)."""
    hints: list[str] = []
    if dateline:
        hints.append(dateline)
    if url:
        parts = urlsplit(url)
        segments = re.split(r"[^a-z]+", (parts.hostname or "").lower() + " " + parts.path.lower())
        for seg in segments:
            if len(seg) < MIN_LETTERS or seg in _SKIP:
                continue
            found = _place_in(seg, gaz)
            if found and found not in hints:
                hints.append(found)
    return hints


def _place_in(segment: str, gaz: Gazetteer) -> str | None:
    """The longest place name that is the segment, or begins or ends it ("columbuslocalnews")."""
    if any(c.population >= MIN_POPULATION for c in gaz.candidates(segment)):
        return segment
    for size in range(len(segment), MIN_PIECE - 1, -1):
        for piece in (segment[:size], segment[-size:]):
            if any(c.population >= MIN_POPULATION for c in gaz.candidates(piece)):
                return piece
    return None
