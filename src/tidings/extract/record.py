"""Articles from records whose fields are already split out (JSONL lines, feed items)."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
from typing import Any

from tidings.extract.build import make_article
from tidings.extract.dateline import split_dateline
from tidings.extract.hygiene import clean_text
from tidings.extract.metadata import parse_date
from tidings.records import Article, Paragraph, Rejected

STAGE = "tidings.extract.record.v1"
_BLANK = re.compile(r"\n\s*\n")
_INDENTED = re.compile(r"\n(?=[ \t]{2,}\S)")


def clean_field(value: Any) -> Any:
    """A string field cleaned before anything reads it (:func:`~tidings.extract.hygiene.clean_text`:
    mojibake repaired, control characters dropped, lone surrogates -> U+FFFD). Record fields
    come from JSON/XML parsers that happily hand all of those out (tests/fuzz/test_fuzz_jsonl.py)."""
    if not isinstance(value, str):
        return value
    return clean_text(value)


# A raw value kept beside its cleaned field is cut to this many characters.
RAW_KEPT = 200
TEXT_FIELDS = ("title", "url", "source")


def as_text(value: Any) -> str | None:
    """A record's text field as a string: a list of strings (scrapers often emit
    ``["Title"]``) gives its first non-blank item; a number its digits; anything else None.
    (Before issue 22 a list was stored as the Python text "['a', 'b']".)"""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return next((v for v in value if isinstance(v, str) and v.strip()), None)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def clean_published(value: Any) -> tuple[str | None, str | None]:
    """``(published, raw)``: an ISO 8601 date or date-time is kept as given; an RFC 2822
    date becomes UTC ISO; other text with a readable day in it (``2023-06-10<script>``,
    ``June 10, 2023``) becomes that day; anything else is no date. ``raw`` is the value as
    given whenever it was not kept as is, so nothing the user sent is silently lost."""
    if value is None or value == "":
        return None, None
    if not isinstance(value, str):
        return None, json.dumps(value, ensure_ascii=False)[:RAW_KEPT]
    text = value.strip()
    if _is_iso(text):
        return text, None if text == value else value[:RAW_KEPT]
    try:
        when = email.utils.parsedate_to_datetime(text)
        utc = when.astimezone(dt.UTC) if when.tzinfo else when
        return utc.strftime("%Y-%m-%dT%H:%M:%SZ"), value[:RAW_KEPT]
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    day = parse_date(text)
    return (day.isoformat() if day else None), value[:RAW_KEPT]


def _is_iso(text: str) -> bool:
    try:
        dt.datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        return False
    return True


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs from plain text: blank lines separate them; where there are none, an
    indented line starts one (wire style). Wrapped lines inside a paragraph are joined."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    blocks = _BLANK.split(text) if _BLANK.search(text) else _INDENTED.split(text)
    return [" ".join(line.strip() for line in b.splitlines() if line.strip()) for b in blocks if b.strip()]


def extract_record(fields: dict[str, Any], *, source: str, origin: str = "", min_chars: int = 1) -> Article | Rejected:
    extras: dict[str, Any] = {}
    fields = dict(fields)
    for key in TEXT_FIELDS:
        value = fields.get(key)
        if value is not None and not isinstance(value, str):
            fields[key] = as_text(value)
            extras[f"{key}_raw"] = clean_field(json.dumps(value, ensure_ascii=False)[:RAW_KEPT])
    published, published_raw = clean_published(fields.get("published"))
    if published_raw is not None:
        extras["published_raw"] = clean_field(published_raw)
    fields = {key: clean_field(value) for key, value in fields.items()}
    if fields.get("date_range") and not published:
        # an undated record of a corpus that states the span its articles come from ("2004/2005":
        # the BBC set): kept so that facts needing a date (who held an office) can use the span
        extras["date_range"] = fields["date_range"]
    source, origin = clean_field(source), clean_field(origin)
    text = fields.get("text") or ""
    if fields.get("teaser"):
        # a feed item whose page was not fetched: its title, summary and link are what we have
        extras["teaser"] = True
        text = text or fields.get("title") or ""
    paragraphs = [Paragraph("paragraph", p) for p in split_paragraphs(text)]
    if paragraphs:
        dateline, first = split_dateline(paragraphs[0].text)
        if dateline and first:
            extras["dateline"] = dateline
            paragraphs[0] = Paragraph("paragraph", first)
    if sum(len(p.text) for p in paragraphs) < min_chars:
        return Rejected(STAGE, "too_short", f"text shorter than {min_chars} characters", origin)
    return make_article(
        source=source,
        paragraphs=paragraphs,
        title=(fields.get("title") or None),
        url=fields.get("url") or None,
        published=published,
        published_from="record" if published else None,
        site=fields.get("source") or None,
        language_hint=fields.get("language") or None,
        origin=origin,
        extractor=STAGE,
        extras=extras,
    )
