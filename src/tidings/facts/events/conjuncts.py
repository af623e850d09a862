"""Coordinated targets: one event per party (rule ``conjoined-actors``).

The conventions code events per dyad ("different targets are separate events"), and the
running-news gold codes "talks with both Iraq and Afghanistan" as two talks (WTO -> IRQ, WTO ->
AFG), "China will abolish tariffs on ROK goods and Australian products" as two. The coder gathers
every conjunct of an argument but dyads only the first, so the others' events were never emitted.

Only actors the parse coordinates (one is a ``conj`` of the other, or both of a third: "A and B",
"both A and B", "A, B and C") and of different countries split: two names of one country are one
party to the event, and an actor found elsewhere in the phrase (an apposition, an owner) is no party
of its own.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tidings.facts.switches import active

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from tidings.facts.events.candidates import Candidate
    from tidings.records import ActorRef

RULE = "conjoined-actors"


def _head(doc: Doc, ref: ActorRef) -> Token | None:
    if ref.start is None or ref.end is None or ref.basis is not None:
        return None
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _coordination(tok: Token) -> Token:
    """The first conjunct of the coordination ``tok`` is in (``tok`` itself when it is in none)."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def coordinated_others(doc: Doc, refs: list[ActorRef]) -> list[ActorRef]:
    """The actors of ``refs`` coordinated with the first one, each of a country of its own (not the
    first's, nor an earlier one's), in their order."""
    if len(refs) < 2 or refs[0].country is None:
        return []
    first = _head(doc, refs[0])
    if first is None:
        return []
    group = _coordination(first)
    seen = {refs[0].country}
    out = []
    for ref in refs[1:]:
        tok = _head(doc, ref)
        if ref.country is None or ref.country in seen or tok is None or tok.i == first.i:
            continue
        if _coordination(tok).i == group.i:
            seen.add(ref.country)
            out.append(ref)
    return out


def party_candidates(doc: Doc, cand: Candidate) -> list[Candidate]:
    """The same act to each further coordinated target ("talks with both Iraq and Afghanistan"),
    by the same doer. Coordinated doers are left as they are: the gold codes "Georgia and Turkey
    signed an accord" once, the first named as the doer, and their shared act against a third
    party most often stands for both."""
    if cand.hedged or not active(RULE):
        return []
    return [replace(cand, targets=[ref]) for ref in coordinated_others(doc, cand.targets)]
