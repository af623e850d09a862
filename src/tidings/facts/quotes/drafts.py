"""Quote drafts (what the rules find) and their conversion into :class:`Quote` records.

Also the small span helpers the rules share: token lookup by characters, subtree spans,
trimming punctuation off a content span, and de-duplication of twin drafts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tidings.facts.quotes.marks import MAX_PAIR_CHARS, MAX_QUOTE_CHARS, QuotedSpan
from tidings.ids import fact_id
from tidings.nlp import doc_text
from tidings.records import ActorRef, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

STAGE_NAME = "tidings.quotes.rules.v2"
PUNCT = " \t\n,;:—–-"


@dataclass(slots=True)
class Draft:
    start: int
    end: int
    kind: str
    cue: Token | None
    speaker: ActorRef | None
    reporter: ActorRef | None = None
    confidence: float = 0.8
    quotes: list[QuotedSpan] = field(default_factory=list)
    carry: bool = False  # a cue-less paragraph-only quote, waiting for a carried speaker
    words: int = 0


def text_words(text: str) -> list[str]:
    return [w for w in text.split() if any(ch.isalnum() for ch in w)]


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return list(span) if span is not None else []


def subtree_span(tok: Token) -> tuple[int, int]:
    right = tok.right_edge
    return tok.left_edge.idx, right.idx + len(right.text)


def has_that(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.subtree)


def _past_apposition(according: Token, comma: Token) -> Token:
    """The comma that ends a fronted "according to" phrase: past an apposition set off by a second
    comma ("According to Jane Smith, the mayor of Leeds, the plant will close"): words with no
    verb between the two commas, the clause the phrase modifies starting after the second, with
    its subject there ("According to Smith, the mayor, who ..., will resign" is no apposition:
    "the mayor" is the subject)."""
    head = according.head
    if head.i <= comma.i or head.pos_ not in ("VERB", "AUX"):
        return comma
    doc = comma.doc
    second = next((t for t in doc[comma.i + 1 : head.i] if t.text == ","), None)
    if second is None or second.i == comma.i + 1:
        return comma
    words = doc[comma.i + 1 : second.i]
    if any(t.pos_ in ("VERB", "AUX") or t.lower_ in ("who", "which", "that") for t in words):
        return comma
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    return second if subjects and subjects[-1].i > second.i else comma


def rest_of_sentence(sent: Span, according: Token) -> tuple[int, int]:
    """The sentence without its "according to X" phrase: the side that holds the clause the
    phrase modifies, else the larger side. The phrase ends at its first comma, whatever the
    parse hung on it ("According to X, the move reeks of ..." read as an apposition to X)."""
    left, right = according.left_edge, according.right_edge
    comma = next((t for t in sent if according.i < t.i <= right.i and t.text in (",", ";", "—", "–")), None)
    if comma is not None:
        right = _past_apposition(according, comma)
    elif right.i + 1 < sent.end and sent.doc[right.i + 1].text == ",":
        right = _past_apposition(according, sent.doc[right.i + 1])
    before = (sent.start_char, left.idx)
    after = (right.idx + len(right.text), sent.end_char)
    head = according.head
    if head.i != according.i and not left.i <= head.i <= right.i:
        return before if head.i < left.i else after
    return max(before, after, key=lambda s: s[1] - s[0])


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in PUNCT:
        start += 1
    while end > start and text[end - 1] in PUNCT + ".":
        end -= 1
    return start, end


def within_bounds(d: Draft) -> bool:
    """A sane length: quoted spans were bounded when the marks were paired (a quote continued
    over paragraphs may be long); a paraphrase longer than one long quoted paragraph is a
    parse that ran over a text without sentence breaks."""
    longest = MAX_QUOTE_CHARS + MAX_PAIR_CHARS if d.quotes and d.kind == "direct" else MAX_PAIR_CHARS
    return d.end - d.start <= longest


def dedupe(drafts: list[Draft]) -> list[Draft]:
    """One quote per content span (of a sane length); the better-attributed one wins
    overlapping twins."""
    drafts = sorted(filter(within_bounds, drafts), key=lambda d: (d.start, -(d.end - d.start)))
    out: list[Draft] = []
    for d in drafts:
        twin = next((o for o in out if o.start == d.start and o.end == d.end), None)
        if twin is None:
            out.append(d)
        elif d.confidence > twin.confidence:
            out[out.index(twin)] = d
    return out


def to_record(article_id: str, doc: Doc, d: Draft) -> Quote:
    text = doc_text(doc)
    span = doc.char_span(d.start, max(d.end, d.start + 1), alignment_mode="expand")
    s_start, s_end = d.start, d.end
    if span is not None and len(span):
        s_start = min(span[0].sent.start_char, d.cue.sent.start_char if d.cue is not None else d.start)
        s_end = max(span[-1].sent.end_char, d.cue.sent.end_char if d.cue is not None else d.end)
    cue = d.cue
    cue_text, cue_start, cue_end = None, None, None
    if cue is not None:
        cue_start, cue_end = cue.idx, cue.idx + len(cue.text)
        according = cue.lower_ == "according"
        particle = [c for c in cue.children if c.dep_ == "prt" or (according and c.lower_ == "to")]
        if particle:
            cue_end = max(cue_end, max(p.idx + len(p.text) for p in particle))
        cue_text = text[cue_start:cue_end]
    return Quote(
        id=fact_id("quotes", article_id, d.start, d.end, d.kind),
        article_id=article_id,
        start=d.start,
        end=d.end,
        text=text[d.start : d.end],
        kind=d.kind,
        speaker=d.speaker,
        cue=cue_text,
        cue_start=cue_start,
        cue_end=cue_end,
        reporter=d.reporter,
        sentence=text[s_start:s_end].strip(),
        sentence_start=s_start,
        sentence_end=s_end,
        stage=STAGE_NAME,
        confidence=d.confidence,
    )
