"""Rule-based resolution of personal pronouns to PERSON entities.

Only ``he/him/his/she/her/...`` (anywhere) and ``I/me/my`` (inside quotation marks) are resolved, and
only to clustered PERSON mentions: that is what quote speakers and event actors need, and no offline
coreference model is available. Third person: the nearest preceding PERSON that is the subject in the
same sentence, else the nearest preceding PERSON in the sentence, else the subject (or nearest) PERSON of
the closest earlier sentence within :data:`WINDOW` sentences. First person in a quote: the PERSON subject of
the sentence outside the quote (``"I believe ...," Xi said``), else the nearest PERSON outside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tidings.facts.actors.names import FIRST_PERSON, PRONOUNS_PERSONAL

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

WINDOW = 3  # sentences back to look for a third-person antecedent
OPEN_QUOTES = "“«„"
CLOSE_QUOTES = "”»"


@dataclass(frozen=True)
class PersonSpan:
    """A PERSON mention already clustered: token span, char span, cluster index."""

    tok_start: int
    tok_end: int
    cluster: int


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Char ranges inside quotation marks, paired per paragraph (an unclosed quote runs to the
    paragraph end; straight quotes toggle)."""
    regions: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        opened: int | None = None
        for i, ch in enumerate(para):
            if ch in OPEN_QUOTES or (ch == '"' and opened is None):
                if opened is None:
                    opened = pos + i
            elif (ch in CLOSE_QUOTES or ch == '"') and opened is not None:
                regions.append((opened, pos + i + 1))
                opened = None
        if opened is not None:
            regions.append((opened, pos + len(para)))
        pos += len(para) + 1
    return regions


def _inside(char: int, regions: Sequence[tuple[int, int]]) -> bool:
    return any(a <= char < b for a, b in regions)


def _is_subject(doc: Doc, span: PersonSpan) -> bool:
    root = doc[span.tok_start : span.tok_end].root
    return root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ == "conj" and root.head.dep_ == "nsubj")


def resolve_pronouns(
    doc: Doc, persons: Sequence[PersonSpan], regions: Sequence[tuple[int, int]]
) -> list[tuple[Token, int]]:
    """(pronoun token, cluster index) for each resolvable personal pronoun, in text order."""
    by_sent: dict[int, list[PersonSpan]] = {}
    sents: list[Span] = list(doc.sents)
    sent_of: dict[int, int] = {}
    for n, sent in enumerate(sents):
        for tok in sent:
            sent_of[tok.i] = n
    for p in persons:
        by_sent.setdefault(sent_of.get(p.tok_start, 0), []).append(p)
    out: list[tuple[Token, int]] = []
    for tok in doc:
        low = tok.lower_
        if low not in PRONOUNS_PERSONAL or tok.pos_ not in ("PRON", "DET"):
            continue
        n = sent_of.get(tok.i, 0)
        in_quote = _inside(tok.idx, regions)
        if low in FIRST_PERSON:
            if not in_quote:
                continue
            outside = [p for p in by_sent.get(n, []) if not _inside(doc[p.tok_start].idx, regions)]
            subj = [p for p in outside if _is_subject(doc, p)]
            pick = (subj or outside)[:1]
            if not pick and n > 0:  # quote paragraph continuing the previous speaker's sentence
                prev = [p for p in by_sent.get(n - 1, []) if _is_subject(doc, p)]
                pick = prev[-1:]
            if pick:
                out.append((tok, pick[0].cluster))
            continue
        same = [p for p in by_sent.get(n, []) if p.tok_end <= tok.i]
        if not in_quote:
            same = [p for p in same if not _inside(doc[p.tok_start].idx, regions)]
        subj = [p for p in same if _is_subject(doc, p)]
        choice = (subj or same)[-1:] if (subj or same) else []
        back = n - 1
        while not choice and back >= max(0, n - WINDOW):
            cands = by_sent.get(back, [])
            subj = [p for p in cands if _is_subject(doc, p)]
            choice = (subj or cands)[-1:]
            back -= 1
        if choice:
            out.append((tok, choice[0].cluster))
    return out


NEUTER = frozenset({"it", "itself"})  # not "its": "its nationals" is no act of the state
EXPLETIVE_HEADS = frozenset({"be", "seem", "appear", "take", "remain", "happen", "matter", "rain"})


def resolve_neuter(
    doc: Doc, actors: Sequence[PersonSpan], regions: Sequence[tuple[int, int]]
) -> list[tuple[Token, int]]:
    """(pronoun token, cluster index) for "it"/"its" standing for a state or organisation
    ("China said it would retaliate", "the ministry and its spokesman"): the nearest such actor
    before it in the sentence, the subject first, else the subject of the sentence before.
    ``actors``: the mentions of states and organisations used as actors. An expletive "it" ("it
    is likely that") and "it" inside a quotation are left alone."""
    sents: list[Span] = list(doc.sents)
    sent_of = {tok.i: n for n, sent in enumerate(sents) for tok in sent}
    by_sent: dict[int, list[PersonSpan]] = {}
    for a in actors:
        by_sent.setdefault(sent_of.get(a.tok_start, 0), []).append(a)
    out: list[tuple[Token, int]] = []
    for tok in doc:
        if tok.lower_ not in NEUTER or tok.pos_ not in ("PRON", "DET") or _inside(tok.idx, regions):
            continue
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in EXPLETIVE_HEADS:
            continue
        n = sent_of.get(tok.i, 0)
        same = [a for a in by_sent.get(n, []) if a.tok_end <= tok.i]
        subj = [a for a in same if _is_subject(doc, a)]
        choice = (subj or same)[-1:]
        if not choice and n > 0:
            choice = [a for a in by_sent.get(n - 1, []) if _is_subject(doc, a)][-1:]
        if choice:
            out.append((tok, choice[0].cluster))
    return out
