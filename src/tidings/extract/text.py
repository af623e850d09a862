"""Clean a news page that arrives as plain text, already scraped, with the site's clutter in it.

No HTML is left to score, so the cleaner works line by line, using what such pages
share rather than any one site's strings:

* the title is printed several times (page title, h1, og title), sometimes behind a
  breadcrumb ("Home World <title>"): it is kept once, as ``Article.title``, and the
  breadcrumb gives ``Article.section``;
* photo captions appear bare and again behind a credit ("Image Source : AP <caption>",
  "<caption> (AP Photo/Jane Doe)"): they move to ``Article.captions``;
* wire credits ("(With AP inputs)", "(Reuters)", "With inputs from PTI") move to
  ``Article.wire``; bylines and "Reporting by ..." lines to ``Article.authors``;
* single-line clutter (teasers, "Source link", share bars, comment forms, ...) is
  dropped by :func:`tidings.extract.clutter.clutter_reason`, and so are teaser lists
  and short headline-like lines trailing the story;
* a paragraph the scrape split mid-sentence is rejoined; short unpunctuated lines
  between body paragraphs become headings.

Text content is never rewritten (quotes, spelling), only whitespace is normalised.
Every dropped line is listed in ``Article.extras["dropped"]`` as ``[reason, text]`` (the
first 200). Without a given date, the day comes from a date line in the page header, the
URL, or the file name (``Article.published_from`` says which: text, url, path).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tidings.config import ExtractOptions
from tidings.extract.build import make_article
from tidings.extract.clutter import AGENCIES, clutter_reason, normalize_line, split_image_credit, wire_credit
from tidings.extract.hygiene import clean_text
from tidings.extract.text_parts import (
    TERMINAL,
    byline_authors,
    crumbs,
    dateline_agency,
    has_date,
    is_body_paragraph,
    is_headline_like,
    is_sentence_end,
    line_key,
    match_title,
    page_date,
    section_of,
    staff_authors,
    title_variants,
)
from tidings.records import Article, Caption, Paragraph, Rejected

EXTRACTOR = "tidings.extract.text.v1"
STAGE = "extract.text"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_LIST_LABEL = {"also_read", "latest_news"}
_MAX_TEASERS = 12
_MAX_DROPPED_LISTED = 200
# Words that never end a sentence: a block ending in one was cut mid-sentence.
_DANGLING = frozenset(
    ("a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "that")
)


@dataclass(slots=True)
class _Line:
    text: str
    gap: bool  # a blank line separates it from the line before


@dataclass(slots=True)
class _Found:
    """Metadata gathered while lines are dropped."""

    section: str | None = None
    wire: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    dropped: list[list[str]] = field(default_factory=list)
    dateline: str | None = None
    dropped_count: int = 0

    def drop(self, reason: str, text: str) -> None:
        # Kept for inspection (extras travel with the article), so bounded on huge pages.
        if len(self.dropped) < _MAX_DROPPED_LISTED:
            self.dropped.append([reason, text[:300]])
        self.dropped_count += 1


def extract_text(
    text: str,
    *,
    source: str,
    url: str | None = None,
    published: str | None = None,
    title: str | None = None,
    origin: str = "",
    options: ExtractOptions | None = None,
) -> Article | Rejected:
    """Clean scraped page text into an :class:`Article`, or say why not (a :class:`Rejected`)."""
    opts = options or ExtractOptions()
    if not text.strip():
        return Rejected(STAGE, "empty", "the text is empty or only whitespace", origin or source)
    if _looks_binary(text):
        return Rejected(STAGE, "binary", "the text is full of NUL/control characters", origin or source)
    text = clean_text(text)  # mojibake and control characters, before any line is judged
    title = clean_text(title) if title else title
    lines = _split_lines(text)
    the_title = normalize_line(title) if title and title.strip() else _guess_title(lines)
    found = _Found()
    kept = _strip_furniture(lines, the_title, found, clutter=opts.clutter_filter)
    if the_title is None and kept and _is_title_like(kept[0]):
        the_title = kept.pop(0)
    blocks = _dedupe(_rejoin(kept), found)
    paragraphs = _classify(blocks)
    body = "\n\n".join(p.text for p in paragraphs)
    if len(body) < opts.min_chars:
        detail = f"{len(body)} chars after cleaning (minimum extract.min_chars = {opts.min_chars})"
        return Rejected(STAGE, "too_short", detail, origin or source)
    agency = dateline_agency([p.text for p in paragraphs[:3]])
    if agency:
        found.wire.append(agency)
    day, day_from = page_date(published, found.dateline, url, origin)
    return make_article(
        source=source,
        paragraphs=paragraphs,
        title=the_title,
        url=url,
        published=day,
        published_from=day_from,
        authors=dict.fromkeys(found.authors),
        site=_site(url),
        section=found.section,
        wire=found.wire,
        captions=found.captions,
        origin=origin,
        extractor=EXTRACTOR,
        extras={"dropped": found.dropped, **({"dateline": found.dateline} if found.dateline else {})},
    )


def _looks_binary(text: str) -> bool:
    bad = len(_CONTROL.findall(text))
    return text.count("\x00") > 8 or bad > max(8, len(text) // 100)


def _site(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _split_lines(text: str) -> list[_Line]:
    """Non-empty normalised lines; hard-wrapped paragraphs are unwrapped first."""
    out: list[_Line] = []
    gap = False
    for raw in text.splitlines():
        line = normalize_line(raw)
        if not line:
            gap = True
            continue
        out.append(_Line(line, gap or not out))
        gap = False
    if _hard_wrapped(out):
        merged: list[_Line] = []
        for wrapped in out:
            if merged and not wrapped.gap:
                merged[-1].text += " " + wrapped.text
            else:
                merged.append(wrapped)
        return merged
    return out


def _hard_wrapped(lines: list[_Line]) -> bool:
    """Text wrapped at a fixed width: no long lines, most lines near the width, blank-line paragraphs."""
    if len(lines) < 6 or not any(line.gap for line in lines[1:]):
        return False
    widths = [len(line.text) for line in lines]
    near = sum(1 for w in widths if 55 <= w <= 100)
    wrapped = sum(not line.gap for line in lines)
    return max(widths) <= 100 and near >= 0.5 * len(lines) and wrapped >= len(lines) / 3


def _guess_title(lines: list[_Line]) -> str | None:
    """The first header line printed again (alone or behind a breadcrumb) before the story starts."""
    header: list[str] = []
    first = [line.text for line in lines[:25]]
    keys = [line_key(text) for text in first]
    for text, key in zip(first, keys, strict=True):
        if clutter_reason(text):
            continue  # a cookie banner reads like prose but does not start the story
        # A title ending in "?" or ")" reads like prose too, but the story is not printed twice.
        if is_body_paragraph(text) and keys.count(key) == 1:
            break
        header.append(text)
    for i, candidate in enumerate(header):
        if len(candidate.split()) > 30 or clutter_reason(candidate):
            continue
        variants = title_variants(candidate)
        if any(match_title(other, variants)[0] for j, other in enumerate(header) if j != i):
            return candidate
    # "Home World <title>" first, title never repeated bare: the trail gives it away.
    for head in header:
        words = head.split()
        for cut in range(1, min(len(words), 5)):
            trail = crumbs(" ".join(words[:cut]))
            rest = " ".join(words[cut:])
            if trail and _is_title_like(rest) and words[0].lower() == "home":
                return rest
    return None


def _is_title_like(text: str) -> bool:
    return 2 <= len(text.split()) <= 25 and not text.endswith(".") and not clutter_reason(text)


def _strip_furniture(lines: list[_Line], title: str | None, found: _Found, *, clutter: bool) -> list[str]:
    """Drop title copies, breadcrumbs, captions, credits and clutter; keep the rest in order."""
    stripper = _Stripper(found, title_variants(title) if title else (), any(ln.gap for ln in lines[1:]))
    for line in lines:
        stripper.feed(line, clutter=clutter)
    return stripper.trim_tail() if clutter else stripper.kept


class _Stripper:
    """Walks the lines once; remembers what a later line may need (captions, pending credit)."""

    def __init__(self, found: _Found, variants: tuple[str, ...], uses_gaps: bool) -> None:
        self.found = found
        self.variants = variants
        # Only when paragraphs are separated by blank lines does "no blank line" bind two lines.
        self.uses_gaps = uses_gaps
        self.kept: list[str] = []
        self.caption_keys: set[str] = set()
        self.pending_credit: str | None = None  # a credit line waiting for the caption below it
        self.teasers_left = 0  # headline lines still expected under a "Related" label
        self.last_clutter_at = 0  # len(kept) when the last clutter line was dropped
        self.body_seen = False

    def feed(self, line: _Line, *, clutter: bool) -> None:
        found, text = self.found, line.text
        if self.variants:
            is_title, trail = match_title(text, self.variants)
            if is_title:
                if trail:
                    found.section = found.section or section_of(trail)
                found.drop("breadcrumb" if trail else "title", text)
                return
        if not clutter:
            self.kept.append(text)
            return
        credit, self.pending_credit = self.pending_credit, None
        reason = clutter_reason(text)
        if reason == "image_credit":
            self._credit_line(line)
            return
        if credit is not None and reason is None and self._binds(line, text):
            self._add_caption(text, credit)
            found.drop("caption", text)
            return
        if self.caption_keys and line_key(text) in self.caption_keys:
            found.drop("caption", text)
            return
        if reason is not None:
            _take_metadata(reason, text, found)
            found.drop(reason, text)
            self.last_clutter_at = len(self.kept)
            # "Related" / "Latest World News" alone heads a list of other headlines.
            label_only = len(text.split()) <= 5 and not is_sentence_end(text)
            self.teasers_left = _MAX_TEASERS if reason in _LIST_LABEL and label_only else 0
            return
        if self.teasers_left and is_headline_like(text):
            self.teasers_left -= 1
            found.drop("teaser_list", text)
            return
        self.teasers_left = 0
        names = byline_authors(text)
        if names:
            for name in names:
                agency = AGENCIES.get(name.lower())
                # Names set in capitals are metadata here, so title-case them.
                (found.wire if agency else found.authors).append(agency or (name.title() if name.isupper() else name))
            found.drop("byline", text)
            return
        if not self.body_seen and _header_noise(text, found):
            return
        self.body_seen = self.body_seen or is_body_paragraph(text)
        self.kept.append(text)

    def trim_tail(self) -> list[str]:
        """Headline-like lines after the last clutter line that follows the story are teasers.

        Lines before that clutter line, or on a page whose tail has none, are the story's own
        (a closing list, a heading): kept."""
        last_body = max((i for i, text in enumerate(self.kept) if is_body_paragraph(text)), default=-1)
        if self.last_clutter_at <= last_body:
            return self.kept
        end = len(self.kept)
        while end > self.last_clutter_at and is_headline_like(self.kept[end - 1]):
            end -= 1
            self.found.drop("trailing", self.kept[end])
        return self.kept[:end]

    def _binds(self, line: _Line, text: str) -> bool:
        """Is ``text`` (next to a credit line) that photo's caption rather than story text?"""
        if len(text.split()) > 40:
            return False
        return (self.uses_gaps and not line.gap) or (not self.body_seen and not is_body_paragraph(text))

    def _add_caption(self, caption: str, credit: str | None) -> None:
        self.found.captions.append(Caption(caption, credit))
        self.caption_keys.add(line_key(caption))

    def _credit_line(self, line: _Line) -> None:
        """A credit line: pair it with its caption (on the line, or the bare line above or below)."""
        credit, caption = split_image_credit(line.text) or (None, "")
        self.found.drop("image_credit", line.text)
        previous = self.kept[-1] if self.kept else None
        if previous is not None:
            same = bool(caption) and line_key(previous) == line_key(caption)
            if same or (not caption and self._binds(line, previous)):
                caption = caption or previous
                self.found.drop("caption", self.kept.pop())
        if caption:
            self._add_caption(caption, credit)
        else:
            self.pending_credit = credit


def _take_metadata(reason: str, text: str, found: _Found) -> None:
    if reason == "wire_credit":
        found.wire.extend(wire_credit(text))
    elif reason == "timestamp":
        found.dateline = found.dateline or text
    elif reason == "staff_credit":
        found.authors.extend(staff_authors(text))
    elif reason == "breadcrumb":
        trail = crumbs(text)
        if trail and not found.section:
            found.section = section_of(trail)


def _header_noise(text: str, found: _Found) -> bool:
    """Before the story: lone labels ("World", a site name) and date stamps."""
    words = len(text.split())
    if words <= 3 and not is_sentence_end(text):
        found.drop("header_label", text)
        return True
    if words <= 10 and not text.endswith(".") and has_date(text):
        found.dateline = found.dateline or text
        found.drop("dateline", text)
        return True
    return False


def _joins(previous: str, following: str) -> bool:
    """Was one paragraph split in two by the scrape?"""
    if is_sentence_end(previous) or not following:
        return False
    last = previous.split()[-1].lower()
    return following[0].islower() or previous.endswith((",", "-", "–")) or last in _DANGLING


def _rejoin(blocks: list[str]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if out and _joins(out[-1], block):
            glue = "" if re.search(r"\w-$", out[-1]) else " "
            out[-1] = out[-1] + glue + block
        else:
            out.append(block)
    return out


def _dedupe(blocks: list[str], found: _Found) -> list[str]:
    """Drop later copies of a prose block (pull quotes, repeated standfirsts).

    Short repeated lines ("Portion: 1 cup", "Pros") are list or table items: kept."""
    seen: set[str] = set()
    out: list[str] = []
    for block in blocks:
        key = line_key(block)
        if key in seen and is_body_paragraph(block):
            found.drop("repeated", block)
            continue
        seen.add(key)
        out.append(block)
    return out


def _is_heading(blocks: list[str], i: int, body_seen: bool) -> bool:
    text = blocks[i]
    if not body_seen or i + 1 >= len(blocks):
        return False
    if len(text.split()) > 12 or len(text) > 100 or text.endswith((*TERMINAL, ",", ";", ":")):
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    return is_body_paragraph(blocks[i + 1])


def _classify(blocks: list[str]) -> list[Paragraph]:
    out: list[Paragraph] = []
    body_seen = False
    for i, block in enumerate(blocks):
        heading = _is_heading(blocks, i, body_seen)
        out.append(Paragraph("heading" if heading else "paragraph", block))
        body_seen = body_seen or is_body_paragraph(block)
    return out
