"""Turn trafilatura's XML body (``<head>``, ``<p>``, ``<list>``, ``<quote>``, ``<table>``)
into our paragraph blocks, keeping headings apart and one paragraph per list item or
table row, so paragraph boundaries survive for provenance."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml.etree import _Element

from tidings.records import Paragraph

_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_BLOCK_TAGS = {"p", "head", "list", "item", "quote", "table", "row", "code", "div"}


def _inline(el: _Element) -> str:
    parts = [el.text or ""]
    for sub in el:
        if sub.tag == "lb":
            parts.append("\n")
        elif sub.tag == "graphic":
            pass
        else:
            parts.append(_inline(sub))
        parts.append(sub.tail or "")
    return "".join(parts)


def tidy(text: str) -> str:
    """Collapse runs of spaces, keep single line breaks, trim."""
    lines = (_SPACES.sub(" ", line).strip() for line in _INVISIBLE.sub("", text).split("\n"))
    return "\n".join(line for line in lines if line)


def _has_blocks(el: _Element) -> bool:
    return any(sub.tag in _BLOCK_TAGS for sub in el)


def _row_text(row: _Element) -> str:
    cells = (tidy(_inline(cell)).replace("\n", " ") for cell in row)
    return " | ".join(c for c in cells if c)


def iter_blocks(body: _Element) -> Iterator[Paragraph]:
    """Paragraphs of a trafilatura body, in document order."""
    for el in body:
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag == "head":
            text = tidy(_inline(el)).replace("\n", " ")
            if text:
                yield Paragraph("heading", text)
        elif tag == "table":
            for row in el.iter("row", "tr"):
                text = _row_text(row)
                if text:
                    yield Paragraph("paragraph", text)
        elif tag in ("list", "quote", "div", "item") and _has_blocks(el):
            own = tidy(el.text or "")
            if own:
                yield Paragraph("paragraph", own)
            yield from iter_blocks(el)
        else:
            text = tidy(_inline(el))
            if text:
                yield Paragraph("paragraph", text)
        tail = tidy(el.tail or "")
        if tail:  # text between blocks, e.g. a tweet's "— Name (@handle)" line in a quote
            yield Paragraph("paragraph", tail)
