"""Articles from records whose fields are already split out (JSONL lines, feed items)."""

from __future__ import annotations

import re
from typing import Any

from tidings.extract.build import make_article
from tidings.extract.dateline import split_dateline
from tidings.extract.hygiene import clean_text
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


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs from plain text: blank lines separate them; where there are none, an
    indented line starts one (wire style). Wrapped lines inside a paragraph are joined."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    blocks = _BLANK.split(text) if _BLANK.search(text) else _INDENTED.split(text)
    return [" ".join(line.strip() for line in b.splitlines() if line.strip()) for b in blocks if b.strip()]


def extract_record(fields: dict[str, Any], *, source: str, origin: str = "", min_chars: int = 1) -> Article | Rejected:
    fields = {key: clean_field(value) for key, value in fields.items()}
    source, origin = clean_field(source), clean_field(origin)
    text = fields.get("text") or ""
    extras: dict[str, Any] = {}
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
    published = fields.get("published") or None
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
