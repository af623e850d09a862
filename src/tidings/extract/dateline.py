"""Wire datelines ("SEOUL, South Korea —", "SALVADOR, Feb 26 -", "WASHINGTON (Reuters) -"):
where a story was filed, kept as metadata rather than text, so a place name in capitals at
the head of a story is not read as an actor ("BEIJING — ..." is not Beijing acting)."""

from __future__ import annotations

import re

# a capital letter, accented ones too ("CANCÚN", "SÃO PAULO", "BRASÍLIA")
_CAP = "A-ZÀ-ÖØ-Þ"
_DATELINE = re.compile(
    rf"^(?P<place>[{_CAP}][{_CAP}.'’\-]+(?: [{_CAP}][{_CAP}.'’\-]+){{0,3}})"  # "YAN’AN"
    # up to two parts set off by commas: a region or country, maybe with its article ("NASSAU,
    # the Bahamas"), and a date ("KOTA BHARU, Malaysia, Feb. 28", "BEIJING, Oct.5")
    r"(?P<rest>(?:,\s*(?:the\s+)?[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}){0,2}"
    r"(?:\s*\d{1,2})?"  # " 26"
    r"(?:\s*\((?:AP|Reuters|AFP|Xinhua|Xinhuanet|dpa|UPI|PTI|IANS|Bloomberg)\))?)"  # agency
    # any dash a wire or its transcription uses ("--", "---", "—", "―"); "_": the 1990s AP and
    # NYT wires ("BELFAST, Northern Ireland _ ...")
    r"\s*(?:[—–―‒]|-{1,3}|_)\s+(?=\S)"
)


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """``(dateline, rest)``; ``(None, paragraph)`` when the paragraph has none."""
    match = _DATELINE.match(paragraph)
    if not match or len(match.group("place")) < 3:
        return None, paragraph
    return (match.group("place") + match.group("rest")).strip(" ,"), paragraph[match.end() :]
