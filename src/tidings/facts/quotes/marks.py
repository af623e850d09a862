"""Pair quotation marks into quoted spans, paragraph by paragraph.

News text breaks the textbook rules often enough that pairing by glyph alone fails:
scrapes turn openers into closers (``yet. ”Underscoring``), long quotes run over several
paragraphs with the closing mark only on the last one (each continuation paragraph opens
again), and straight ``"`` marks say nothing about direction. We therefore decide a mark's
role from both its glyph and its neighbours, pair within a paragraph, carry a quote that is
still open at the end of a paragraph into the next one only when that paragraph opens with
a mark, and isolate whatever stays unpaired so one bad mark never costs the other quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

Role = Literal["open", "close", "either"]

# Double quotation marks only: single marks are mostly apostrophes, and nested quotes
# stay inside their outer double-quoted span anyway.
OPENERS = "“„«"
CLOSERS = "”»"
NEUTRAL = '"＂'
ALL_MARKS = OPENERS + CLOSERS + NEUTRAL

# An unclosed opener is read as quoting the rest of its paragraph only up to this length.
MAX_DANGLING_CHARS = 400
# Sane upper bounds. A pair of marks further apart than MAX_PAIR_CHARS inside one paragraph
# is a stray opener meeting some later quote's closer (a text without line breaks, or a
# mark lost to mojibake: one such "quote" was 5,392 characters): the closer pairs with the
# last opener inside the bound instead. A quote continued over paragraphs stops growing at
# the paragraph end that passes MAX_QUOTE_CHARS (left unclosed there).
MAX_PAIR_CHARS = 2000
MAX_QUOTE_CHARS = 5000

# Any line break ends a paragraph: some sources use single newlines between paragraphs, and
# quotes that run on carry an opening mark into the next paragraph anyway.
_ASCII_PAIR = re.compile(r"''|``")
_PARA_BREAK = re.compile(r"[ \t]*\n\s*")


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """``[start, end)`` includes the marks; ``inner_*`` excludes them.

    ``pieces`` are the per-paragraph parts of a quote that runs over paragraphs;
    ``closed`` is False for a dangling opener read up to the end of its paragraph.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    pieces: tuple[tuple[int, int], ...]
    closed: bool = True

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each non-blank paragraph (blocks split by line breaks)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARA_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        block = text[s:e]
        lead = len(block) - len(block.lstrip())
        trail = len(block.rstrip())
        if trail > lead:
            out.append((s + lead, s + trail))
    return out


def mark_role(text: str, i: int) -> Role:
    """What the mark at ``text[i]`` can do, judged by glyph and by its neighbours."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    space_before = before.isspace() or before in "([{—–-/:" or before in ALL_MARKS
    space_after = after.isspace() or after in ".,;:!?)]}—–-…" or after in ALL_MARKS
    if ch in OPENERS:
        return "open"
    if ch in CLOSERS:
        # ”Word after a space is an opener typed (or scraped) with the wrong glyph; the
        # pairing step still lets it close a quote that is open.
        return "either" if space_before and not space_after else "close"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "either"


def _marks(text: str, start: int, end: int) -> Iterator[tuple[int, Role]]:
    for i in range(start, end):
        if text[i] in ALL_MARKS:
            yield i, mark_role(text, i)


def _opens_paragraph(text: str, span: tuple[int, int]) -> bool:
    return span[1] > span[0] and text[span[0]] in ALL_MARKS and mark_role(text, span[0]) != "close"


def find_quotes(text: str, paragraphs: Sequence[tuple[int, int]] | None = None) -> list[QuotedSpan]:
    """All double-quoted spans of ``text`` in order; unpaired marks are dropped one by one."""
    paras = list(paragraphs) if paragraphs is not None else paragraph_spans(text)
    if "''" not in text and "``" not in text:
        return _find(text, paras)
    out: list[QuotedSpan] = []
    for q in _find(_single_marks(text), paras):
        wide = _widen(text, q)
        if out and wide.start < out[-1].end:  # runs of apostrophes: never overlap a neighbour
            wide = q
        if not out or wide.start >= out[-1].end:
            out.append(wide)
    return out


def _single_marks(text: str) -> str:
    """ASCII double marks (``like this'' or ''like this'') as one-character marks, same length:
    the mark takes the position next to the quoted words, a space the other one."""

    def repl(m: re.Match[str]) -> str:
        i = m.start()
        before = text[i - 1] if i > 0 else " "
        opener = m.group() == "``" or before.isspace() or before in "([{—–-"
        return ' "' if opener else '" '

    return _ASCII_PAIR.sub(repl, text)


def _widen(text: str, q: QuotedSpan) -> QuotedSpan:
    """Give back the two-character marks that :func:`_single_marks` narrowed."""
    start = q.start - 1 if q.start > 0 and text[q.start - 1 : q.start + 1] in ("''", "``") else q.start
    end = q.end + 1 if text[q.end - 1 : q.end + 1] == "''" else q.end
    if (start, end) == (q.start, q.end):
        return q
    pieces = [*q.pieces]
    pieces[0] = (start, pieces[0][1])
    pieces[-1] = (pieces[-1][0], end) if len(pieces) > 1 else (start, end)
    return QuotedSpan(start, end, q.inner_start, q.inner_end, tuple(pieces), q.closed)


def _find(text: str, paras: list[tuple[int, int]]) -> list[QuotedSpan]:
    out: list[QuotedSpan] = []
    # A quote left open at the end of the previous paragraph: (opening mark, pieces so far).
    carried: tuple[int, list[tuple[int, int]]] | None = None
    for n, (p_start, p_end) in enumerate(paras):
        open_at: int | None = None
        pieces: list[tuple[int, int]] = []
        inner: list[int] = []  # openers read as nested inside the open quote
        marks = list(_marks(text, p_start, p_end))
        k = 0
        if carried is not None:
            if marks and marks[0][0] == p_start and marks[0][1] != "close":
                open_at, pieces = carried[0], carried[1]
                pieces.append((p_start, p_start))  # end filled in when it closes
                k = 1
            else:
                out.extend(_dangling(text, carried[0], carried[1]))
            carried = None
        while k < len(marks):
            pos, role = marks[k]
            k += 1
            if open_at is None:
                if role in ("open", "either"):
                    open_at, pieces, inner = pos, [(pos, pos)], []
                continue  # a stray closer: isolate it
            if role == "open" and pos > open_at + 1:
                # A second opener before any closer. If a closer follows later, this one is
                # a nested or misused mark inside the quote; otherwise the first opener was
                # the stray one and the quote starts here.
                if not any(r != "open" for _, r in marks[k:]):
                    open_at, pieces, inner = pos, [(pos, pos)], []
                else:
                    inner.append(pos)
                continue
            if len(pieces) == 1 and pos + 1 - open_at > MAX_PAIR_CHARS:
                near = [p for p in inner if pos + 1 - p <= MAX_PAIR_CHARS]
                if not near:
                    open_at, pieces, inner = None, [], []  # both marks stray: isolate them
                    continue
                open_at, pieces = near[-1], [(near[-1], near[-1])]
            pieces[-1] = (pieces[-1][0], pos + 1)
            out.append(_make(text, open_at, pos + 1, pieces))
            open_at, pieces = None, []
        if open_at is not None:
            pieces[-1] = (pieces[-1][0], p_end)
            nxt = paras[n + 1] if n + 1 < len(paras) else None
            if nxt is not None and _opens_paragraph(text, nxt) and p_end - open_at <= MAX_QUOTE_CHARS:
                carried = (open_at, pieces)
            else:
                out.extend(_dangling(text, open_at, pieces))
    if carried is not None:
        out.extend(_dangling(text, carried[0], carried[1]))
    return out


def _make(text: str, start: int, end: int, pieces: list[tuple[int, int]], closed: bool = True) -> QuotedSpan:
    inner_start = start + 1
    inner_end = end - 1 if closed and text[end - 1] in ALL_MARKS else end
    return QuotedSpan(start, end, inner_start, max(inner_start, inner_end), tuple(pieces), closed)


def _dangling(text: str, start: int, pieces: list[tuple[int, int]]) -> list[QuotedSpan]:
    """An opener never closed: quote to the end of its paragraph if short and plausible."""
    end = pieces[-1][1]
    body = text[start + 1 : end]
    if len(pieces) > 1:  # continued across paragraphs: the convention vouches for it
        return [_make(text, start, end, pieces, closed=False)]
    if not body.strip() or len(body) > MAX_DANGLING_CHARS:
        return []
    if text[start] in CLOSERS:
        return []  # a lone misused closer is not evidence of a quote
    return [_make(text, start, end, pieces, closed=False)]
