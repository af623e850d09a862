"""Wire datelines ("SEOUL, South Korea —", "SALVADOR, Feb 26 -", "WASHINGTON (Reuters) -"):
where a story was filed, kept as metadata rather than text, so a place name in capitals at
the head of a story is not read as an actor ("BEIJING — ..." is not Beijing acting)."""

from __future__ import annotations

import re

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})"  # the place, in capitals
    r"(?P<rest>(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?"  # ", South Korea" or ", Feb"
    r"(?:\s+\d{1,2})?"  # " 26"
    r"(?:\s*\((?:AP|Reuters|AFP|Xinhua|dpa|UPI|PTI|IANS|Bloomberg)\))?)"  # agency
    r"\s*(?:—|–|--|-|_)\s+(?=\S)"  # "_": the 1990s AP and NYT wires ("BELFAST, Northern Ireland _ ...")
)


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """``(dateline, rest)``; ``(None, paragraph)`` when the paragraph has none."""
    match = _DATELINE.match(paragraph)
    if not match or len(match.group("place")) < 3:
        return None, paragraph
    return (match.group("place") + match.group("rest")).strip(" ,"), paragraph[match.end() :]
