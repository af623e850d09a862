"""News agencies and whole-line wire credits ("(With AP inputs)", "(Reuters)", "— AP").

Shared by the clutter rules (:mod:`tidings.extract.clutter`) and the text cleaner, which
moves the agencies a credit names into ``Article.wire``.
"""

from __future__ import annotations

import re

# News agencies (abbreviation -> canonical name in Article.wire).
AGENCIES: dict[str, str] = {
    "ap": "AP",
    "associated press": "AP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "pti": "PTI",
    "press trust of india": "PTI",
    "ians": "IANS",
    "ani": "ANI",
    "uni": "UNI",
    "dpa": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "xinhua": "Xinhua",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "tass": "TASS",
    "bloomberg": "Bloomberg",
    "aa": "Anadolu",
    "anadolu": "Anadolu",
    "anadolu agency": "Anadolu",
    "bernama": "Bernama",
    "pa": "PA",
    "pa media": "PA",
    "bss": "BSS",
    "apa": "APA",
    "wam": "WAM",
    "spa": "SPA",
    "irna": "IRNA",
    "cna": "CNA",
    "ndtv": "NDTV",
    "agencies": "agencies",
    "agency": "agencies",
}
_AGENCY_ALT = "|".join(sorted((re.escape(a) for a in AGENCIES), key=len, reverse=True))
AGENCY_LIST = rf"(?:{_AGENCY_ALT})(?:\s*(?:,|/|&|and)\s*(?:{_AGENCY_ALT}))*"

_WIRE_LINE = re.compile(
    rf"^(?:[-–—]\s*)?\(?\s*(?:with\s+(?:inputs?\s+from\s+)?(?:the\s+)?|inputs?\s+from\s+(?:the\s+)?|"
    rf"(?:written\s+)?by\s+|source\s*:\s*|(?:the\s+)?)"
    rf"(?P<agencies>{AGENCY_LIST})(?:\s+(?:inputs?|news\s+agency|agency|reports?|wires?))?\s*\)?\.?$",
    re.IGNORECASE,
)
_AGENCY_SPLIT = re.compile(r"\s*(?:,|/|&|\band\b)\s*", re.IGNORECASE)


def normalize_line(line: str) -> str:
    """Trim and collapse whitespace, turning no-break and zero-width spaces into plain ones."""
    # str.split() already splits on no-break and other Unicode spaces; not on these two.
    if "\u200b" in line or "\ufeff" in line:
        line = line.replace("\u200b", " ").replace("\ufeff", " ")
    return " ".join(line.split())


def match_wire(text: str) -> tuple[str, ...] | None:
    """Canonical agency names of a whole-line wire credit (may include "agencies")."""
    if len(text.split()) > 9:
        return None
    m = _WIRE_LINE.match(text)
    if not m:
        return None
    # A bare agency name alone ("Reuters") is a credit only when set in capitals.
    if m.group("agencies") == text.rstrip(".") and not text.isupper():
        return None
    parts = _AGENCY_SPLIT.split(m.group("agencies"))
    return tuple(dict.fromkeys(AGENCIES[p.lower()] for p in parts if p.lower() in AGENCIES))


def wire_credit(line: str) -> tuple[str, ...]:
    """Agencies named by a whole-line wire credit, e.g. "(With AP inputs)" -> ("AP",).

    Also "(Reuters)", "— AP", "With inputs from PTI/Reuters" -> ("PTI", "Reuters").
    Unnamed agencies ("(With inputs from agencies)") give ``()``, as does any other line.
    """
    found = match_wire(normalize_line(line))
    return tuple(a for a in found or () if a != "agencies")
