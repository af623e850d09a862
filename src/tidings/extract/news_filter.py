"""Post-extraction cleanup of HTML blocks: news clutter lines that trafilatura keeps
("Also read- ...", "Source link", share/subscribe lines, image credits; rules in
:mod:`tidings.extract.clutter`) and the headline repeated at the top of the body."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tidings.extract.clutter import clutter_reason, wire_credit
from tidings.records import Paragraph

# Kinds of clutter we keep in the text (they are part of the story as published) but read
# for metadata: "(With AP inputs)" names the wire agencies.
_KEEP = frozenset({"wire_credit"})
_NORM = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class Filtered:
    paragraphs: tuple[Paragraph, ...]
    wire: tuple[str, ...] = ()
    dropped: dict[str, int] = field(default_factory=dict)


def _norm(text: str) -> str:
    return _NORM.sub("", text.casefold())


def _clean_lines(text: str, dropped: dict[str, int], wire: list[str]) -> str:
    kept = []
    for line in text.split("\n"):
        reason = clutter_reason(line)
        if reason == "wire_credit":
            wire.extend(wire_credit(line))
        if reason is None or reason in _KEEP:
            kept.append(line)
        else:
            dropped[reason] = dropped.get(reason, 0) + 1
    return "\n".join(kept)


def filter_blocks(blocks: Sequence[Paragraph], *, title: str | None, enabled: bool = True) -> Filtered:
    """Blocks without clutter lines and without a leading copy of the headline."""
    dropped: dict[str, int] = {}
    wire: list[str] = []
    out: list[Paragraph] = []
    title_key = _norm(title) if title else ""
    for i, block in enumerate(blocks):
        if title_key and i < 3 and _norm(block.text) == title_key:
            dropped["title_repeat"] = dropped.get("title_repeat", 0) + 1
            continue
        text = _clean_lines(block.text, dropped, wire) if enabled else block.text
        if text.strip():
            out.append(Paragraph(block.kind, text))
    # A heading left with nothing under it (e.g. "Related" over dropped teasers) goes too.
    while out and out[-1].kind == "heading":
        dropped["orphan_heading"] = dropped.get("orphan_heading", 0) + 1
        out.pop()
    return Filtered(tuple(out), tuple(dict.fromkeys(wire)), dropped)
