"""Pieces of a scraped news page that carry metadata: title, breadcrumb, byline, staff credits.

Helpers for :mod:`tidings.extract.text`. Each recogniser looks at one line (plus the
page title where that matters) and either returns what it learned or ``None``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import PurePath

from tidings.extract.clutter import AGENCIES, normalize_line
from tidings.extract.metadata import parse_date, url_date
from tidings.extract.name_dates import date_in_name

TERMINAL = tuple(".!?\"”’')…")
"""Characters a finished sentence (or a quoted one) ends with."""

_QUOTE_MAP = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})
_NON_KEY = re.compile(r"[^\w'\"-]+")

# Words a breadcrumb trail is made of ("Home World", "Home > News > Asia").
_CRUMB_WORDS = (
    r"news|world|india|us|u\.s\.|uk|asia|europe|africa|americas|middle east|china|australia|canada|"
    r"politics|business|economy|markets|finance|sports?|cricket|football|entertainment|opinion|"
    r"analysis|lifestyle|technology|tech|science|health|education|environment|climate|national|"
    r"international|local|nation|global|latest|top stories|cities|states|regional|south asia|"
    r"east asia|asia pacific|asia-pacific|diplomacy|defen[cs]e|world news|india news|us news|"
    r"europe news|asia news|africa news"
)
_CRUMB_RUN = re.compile(rf"^(?:(?:{_CRUMB_WORDS})(?:\s+|$))+$", re.IGNORECASE)
_CRUMB_SEP = re.compile(r"\s*[>»›|]\s*|\s+/\s+")
_YOU_ARE_HERE = re.compile(r"^you\s+are\s+here\s*:?\s*", re.IGNORECASE)

# Case-sensitive on purpose: every name word is capitalised ("By Monday, the talks" is not a byline).
_NAME = r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|bin|al|la|le|da|del))*"
_BYLINE = re.compile(
    rf"^(?i:by|written\s+by|story\s+by|words\s+by)\s+(?P<names>{_NAME}(?:\s*(?:,|&|\band\b)\s*{_NAME})*)"
    rf"(?:\s*[,|/-]\s*(?P<org>[A-Z][\w.&' -]*))?$"
)
_STAFF_SEGMENT = re.compile(
    r"^\(?\s*(?P<label>(?:additional\s+)?reporting|writing|written|compiled)\s+by\s+(?P<names>.+?)"
    r"(?:\s+in\s+[A-Z][\w .'-]*)?\)?\.?$",
    re.IGNORECASE,
)
# Parts of a byline that are a job or a desk, not a person.
_NOT_A_NAME = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|staff|bureau|desk|chief|team|news|agency|"
    r"agencies|online|digital|contributor|analyst)\b",
    re.IGNORECASE,
)
_NAME_SPLIT = re.compile(r"\s*(?:,|&|\band\b)\s*")


def line_key(text: str) -> str:
    """A comparison key: case, quote style, dashes and punctuation runs don't matter."""
    return _NON_KEY.sub(" ", normalize_line(text).translate(_QUOTE_MAP).lower()).strip()


def is_sentence_end(text: str) -> bool:
    return text.rstrip().endswith(TERMINAL)


def is_body_paragraph(text: str) -> bool:
    """A line that reads like story prose: long enough, and finished like a sentence."""
    words = len(text.split())
    return (words >= 12 and is_sentence_end(text)) or words >= 30


def is_headline_like(text: str) -> bool:
    """A headline of another story: a few capitalised words, not finished like a sentence."""
    words = text.split()
    first_ok = text[0].isupper() or text[0].isdigit()
    return 3 <= len(words) <= 20 and first_ok and not text.endswith((".", "!", ":", ";", ","))


def title_variants(title: str) -> tuple[str, ...]:
    """Keys a repeated title may take, with and without a " | Site" / " - Site" suffix."""
    key = line_key(title)
    variants = [key]
    parts = re.split(r"\s+[|–—-]\s+", normalize_line(title))
    if len(parts) > 1 and len(parts[-1].split()) <= 5:
        variants.append(line_key(" - ".join(parts[:-1])))
    return tuple(dict.fromkeys(v for v in variants if v))


def crumbs(text: str) -> list[str] | None:
    """The section names of a breadcrumb trail (without "Home"), or ``None`` if it is not one."""
    text = _YOU_ARE_HERE.sub("", normalize_line(text))
    parts = [p for p in _CRUMB_SEP.split(text) if p]
    if len(parts) > 1:
        if parts[0].lower() != "home" or any(len(p.split()) > 4 for p in parts):
            return None
        return parts[1:]
    words = text.split()
    if not words or words[0].lower() != "home":
        return None
    rest = " ".join(words[1:])
    if not rest:
        return []
    return [rest] if _CRUMB_RUN.match(rest) else None


def section_of(trail: Sequence[str]) -> str | None:
    """The most specific section a breadcrumb names; generic "News" is skipped."""
    for name in reversed(trail):
        if name.lower() not in {"news", "latest", "home"}:
            return name
    return None


def match_title(line: str, variants: Sequence[str]) -> tuple[bool, list[str] | None]:
    """Is ``line`` a copy of the title, and does a breadcrumb precede it?

    Returns ``(True, trail)`` for "Home World <title>" (trail ``["World"]``),
    ``(True, None)`` for the bare title or title + site suffix, ``(False, None)`` otherwise.
    """
    norm = normalize_line(line)
    if len(norm) > 400:  # titles are short; a breadcrumb adds a few words
        return False, None
    key = line_key(norm)
    head = re.split(r"\s+[|–—-]\s+", norm)
    head_key = line_key(" - ".join(head[:-1])) if len(head) > 1 and len(head[-1].split()) <= 5 else None
    for variant in variants:
        if variant in (key, head_key):
            return True, None
        if key.endswith(" " + variant):
            words = norm.split()
            for cut in range(1, min(len(words), 9)):
                if line_key(" ".join(words[cut:])) == variant:
                    trail = crumbs(" ".join(words[:cut]))
                    if trail is not None:
                        return True, trail
    return False, None


def byline_authors(line: str) -> tuple[str, ...]:
    """Authors named by a byline line ("By Jane Doe and John Roe, Reuters"), else ``()``."""
    text = normalize_line(line)
    if len(text.split()) > 12 or text.endswith(("?", "!", '"', "”")):
        return ()
    m = _BYLINE.match(text.rstrip("."))
    if not m:
        return ()
    return tuple(n for n in _NAME_SPLIT.split(m.group("names")) if n and not _NOT_A_NAME.search(n))


def staff_authors(line: str) -> tuple[str, ...]:
    """Reporters named by "Reporting by A and B in Beijing; Editing by C" (editors excluded)."""
    names: list[str] = []
    for segment in normalize_line(line).split(";"):
        m = _STAFF_SEGMENT.match(segment.strip())
        if m:
            names.extend(n for n in _NAME_SPLIT.split(m.group("names")) if n and n[0].isupper())
    return tuple(dict.fromkeys(names))


def page_date(given: str | None, dateline: str | None, url: str | None, origin: str) -> tuple[str | None, str | None]:
    """``(YYYY-MM-DD, source)`` for a scraped page: the caller's date, else a date line in
    the page header ("Updated: May 21, 2024 18:40 GMT"), the URL path, or a date in the file
    name ("sample-visit-2024-03-10.txt"). Source is ``given``, ``text``, ``url`` or ``path``."""
    if given:
        return given, "given"
    latest = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)
    name = PurePath(origin.split("#")[0]).name
    candidates = (
        (parse_date(dateline) if dateline else None, "text"),
        (url_date(url), "url"),
        (date_in_name(name), "path"),
    )
    for day, source in candidates:
        if day is not None and dt.date(1990, 1, 1) <= day <= latest:
            return day.isoformat(), source
    return None, None


# "BRUSSELS, June 4 (Reuters) - ..." / "GENEVA (AP) — ...": place, optional date, agency, dash.
_DATELINE_WIRE = re.compile(
    r"^[A-Z][A-Z .,'/-]{1,40}(?:,\s*\w+\.?\s+\d{1,2})?\s*\((?P<agency>[A-Za-z][\w .-]{0,25})\)\s*[-–—]"
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_LINE = re.compile(
    rf"(?:\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}|\b\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b)",
    re.IGNORECASE,
)


def has_date(text: str) -> bool:
    """Does ``text`` contain a calendar date ("May 21", "21 May", "2024-05-21")?"""
    return _DATE_LINE.search(text) is not None


def dateline_agency(openings: Sequence[str]) -> str | None:
    """The agency of a "BEIJING (Reuters) - ..." dateline opening one of the first paragraphs."""
    for text in openings:
        m = _DATELINE_WIRE.match(text)
        if m and m.group("agency").lower() in AGENCIES:
            return AGENCIES[m.group("agency").lower()]
    return None
