"""Article text with its facts highlighted, built safely.

The text is split at every fact boundary into flat segments; each segment is escaped on
its own and wrapped in a ``<span>`` that lists the facts covering it. Stored text is never
treated as markup, overlapping facts need no nesting, and offsets outside the text are
clamped rather than trusted.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from tidings.store.reads import SNIPPET_CLOSE, SNIPPET_OPEN

# Fixed set of highlight kinds -> CSS class; nothing from the data reaches a class name.
KIND_CLASS = {
    "quotes": "hl-quote",
    "events": "hl-event",
    "entities": "hl-entity",
    "times": "hl-time",
    "places": "hl-place",
    "evidence": "hl-evidence",  # the span a brief or an event list links to (?span=START-END)
}


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str
    fact_id: str


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    text: str
    marks: tuple[Mark, ...]


def split_at_offsets(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """Flat segments covering ``text`` in order; each knows the marks that cover it."""
    n = len(text)
    valid = []
    for m in marks:
        start, end = max(0, min(m.start, n)), max(0, min(m.end, n))
        if end > start and m.kind in KIND_CLASS:
            valid.append(Mark(start, end, m.kind, m.fact_id))
    cuts = sorted({0, n, *(m.start for m in valid), *(m.end for m in valid)})
    by_start: dict[int, list[Mark]] = {}
    for m in valid:
        by_start.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    segments = []
    for left, right in itertools.pairwise(cuts):
        active = [m for m in active if m.end > left] + by_start.get(left, [])
        # innermost (shortest) first, so a click shows the most specific fact first
        ordered = tuple(sorted(active, key=lambda m: (m.end - m.start, m.kind, m.fact_id)))
        segments.append(Segment(left, right, text[left:right], ordered))
    return segments


def render(segments: Sequence[Segment]) -> Markup:
    """HTML for the segments: every piece of text escaped, attributes from fixed sets or
    escaped ids. Highlights are one tab stop in all (a roving tabindex: the first is focusable,
    the script moves focus between them with the arrow keys); the linked evidence span starts
    at ``id="evidence"``."""
    parts: list[str] = []
    first = True
    evidence_open = False
    for seg in segments:
        if not seg.marks:
            parts.append(str(escape(seg.text)))
            continue
        kinds = {m.kind for m in seg.marks}
        classes = " ".join(sorted({KIND_CLASS[k] for k in kinds}))
        ids = " ".join(dict.fromkeys(m.fact_id for m in seg.marks if m.kind != "evidence"))
        anchor = ""
        if "evidence" in kinds and not evidence_open:
            anchor, evidence_open = ' id="evidence"', True
        if not ids:
            parts.append(f'<mark class="hl {classes}"{anchor}>{escape(seg.text)}</mark>')
            continue
        if not any(c.isalnum() for c in seg.text):  # a quote mark or a space: clickable, but no button
            parts.append(f'<span class="hl {classes}"{anchor} data-facts="{escape(ids)}">{escape(seg.text)}</span>')
            continue
        tabindex = "0" if first else "-1"
        first = False
        parts.append(
            f'<span class="hl {classes}"{anchor} data-facts="{escape(ids)}" tabindex="{tabindex}" role="button">'
            f"{escape(seg.text)}</span>"
        )
    return Markup("".join(parts))


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    return render(split_at_offsets(text, marks))


def snippet_html(text: object) -> Markup:
    """A search snippet: escaped, with the hits the store marked wrapped in <mark>."""
    safe = str(escape(str(text or "")))
    return Markup(safe.replace(SNIPPET_OPEN, "<mark>").replace(SNIPPET_CLOSE, "</mark>"))
