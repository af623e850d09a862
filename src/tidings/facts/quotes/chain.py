"""The speaker chain: a pronoun speaker nothing else resolved speaks as the speaker before it.

News names a source once and goes on with a pronoun: "A spokesman for the British Casino
Association said ... . He said the way the licences were being awarded ...", "..., according to
a statement of the ministry. It said current steel industry woes ...". The entities stage resolves
a pronoun to a *named* person or to a state or organisation in the sentence or the one before;
:class:`~tidings.facts.quotes.speakers.SpeakerResolver` falls back to the person named just before.
What both leave open -- a "he" after an unnamed role-holder, an "it" after a speaker two
sentences back -- takes the nearest earlier quote's speaker within :data:`CHAIN_WINDOW`
characters when that speaker is of its kind (a person for he/she, a thing for it, a plural of the
sentence before for they); when the nearest speaker is of another kind ("David Cummings said ...
. ... , it has confirmed."), the pronoun stands for someone who has not spoken and stays open.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from tidings.facts.quotes.drafts import Draft
from tidings.nlp import doc_text
from tidings.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# How far back (characters, pronoun to the earlier speaker's name) the chain looks.
CHAIN_WINDOW = 700
# Role nouns of a single person who speaks ("a spokesman", "the official", "a senior aide").
PERSON_NOUNS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "official", "minister", "secretary", "president",
     "chairman", "chairwoman", "director", "chief", "executive", "analyst", "economist", "senator",
     "lawmaker", "diplomat", "ambassador", "envoy", "adviser", "advisor", "aide", "lawyer", "attorney",
     "professor", "expert", "researcher", "leader", "governor", "mayor", "commissioner", "manager",
     "officer", "founder", "owner", "premier", "chancellor", "negotiator", "strategist", "historian"}
)  # fmt: skip
# Nouns of an organisation or a document that speaks as "it" ("the ministry", "the report").
THING_NOUNS = frozenset(
    {"government", "ministry", "company", "firm", "bank", "group", "party", "department", "agency",
     "commission", "council", "committee", "union", "association", "board", "office", "administration",
     "court", "campaign", "authority", "organisation", "organization", "statement", "report", "paper",
     "study", "survey", "embassy", "club", "airline", "carrier", "retailer", "bureau", "regulator",
     "newspaper", "network", "federation", "institute", "foundation", "fund", "chamber", "cabinet"}
)  # fmt: skip
ORG_ENTITIES = frozenset({"ORG", "GPE", "NORP"})
PERSON_PRONOUNS = frozenset({"he", "she"})


def _head(doc: Doc, ref: ActorRef) -> Token | None:
    """The head word of a speaker's name phrase (its last token: name spans end at the head)."""
    if ref.start is None or ref.end is None or ref.end <= ref.start:
        return None
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    return span[-1] if span is not None and len(span) else None


def _kind(head: Token, entity_kind: str | None) -> str | None:
    """ "person", "thing" or "plural" for a speaker: by the kind of its entity when the entities
    stage named one (the parser's own label calls "Trump" an organisation now and then), else by
    its head word; None when it is none of them (a pronoun, a word the lists do not know)."""
    if entity_kind == "PERSON":
        return "person"
    if entity_kind in ORG_ENTITIES and head.tag_ not in ("NNS", "NNPS"):
        return "thing"  # (an unnamed role-holder, kind "ROLE", goes by its head word)
    if head.pos_ == "PRON":
        return None
    if head.tag_ in ("NNS", "NNPS"):
        return "plural"
    if head.ent_type_ == "PERSON" or (head.pos_ == "NOUN" and head.lemma_.lower() in PERSON_NOUNS):
        return "person"
    if head.ent_type_ in ORG_ENTITIES or (head.pos_ == "NOUN" and head.lemma_.lower() in THING_NOUNS):
        return "thing"
    return None


def _sentences_apart(doc: Doc, earlier: int, later: int) -> int:
    """Sentence breaks between the characters before ``earlier`` and at ``later``."""
    first = doc.char_span(earlier - 1, earlier, alignment_mode="expand")
    second = doc.char_span(later, later + 1, alignment_mode="expand")
    if first is None or second is None or not len(first) or not len(second):
        return CHAIN_WINDOW  # no such characters: as far apart as can be
    lo, hi = first[0].sent.start, second[0].sent.start
    return sum(1 for sent in doc.sents if lo < sent.start <= hi)


def _wanted(pronoun: str) -> str | None:
    if pronoun in PERSON_PRONOUNS:
        return "person"
    return {"it": "thing", "they": "plural"}.get(pronoun)


def _open_pronoun(doc: Doc, ref: ActorRef | None) -> str | None:
    """The pronoun a speaker is, when nothing resolved it (its name is the pronoun itself)."""
    if ref is None or ref.entity_id is not None or ref.actor_code is not None or ref.start is None:
        return None
    words = doc_text(doc)[ref.start : ref.end].lower()
    return words if words == ref.name.lower() and _wanted(words) is not None else None


def chain_speakers(doc: Doc, drafts: Sequence[Draft], entity_kinds: Mapping[str, str]) -> None:
    """Give each open pronoun speaker of ``drafts`` the nearest earlier speaker if it is of its
    kind (in place; the pronoun keeps its own position). ``entity_kinds``: entity id -> its kind."""
    named: list[tuple[int, ActorRef, str]] = []  # (end of name, speaker, kind), text order
    speakers = sorted(
        ((d.speaker.start, n) for n, d in enumerate(drafts) if d.speaker is not None and d.speaker.start is not None),
    )
    for start, n in speakers:
        ref = drafts[n].speaker
        if ref is None:
            continue
        pronoun = _open_pronoun(doc, ref)
        if pronoun is None:
            head = _head(doc, ref)
            entity_kind = entity_kinds.get(ref.entity_id) if ref.entity_id is not None else None
            kind = _kind(head, entity_kind) if head is not None else None
            if kind is not None and ref.end is not None:
                named.append((ref.end, ref, kind))
            continue
        wanted = _wanted(pronoun)
        if wanted is None:
            continue
        before = [(end, r, kind) for end, r, kind in named if end <= start and start - end <= CHAIN_WINDOW]
        if not before:
            continue
        end, source, nearest = max(before, key=lambda item: item[0])
        if nearest != wanted:
            continue  # the nearest speaker is of another kind: the pronoun's referent is not a speaker
        if wanted == "plural" and _sentences_apart(doc, end, start) > 1:
            continue  # plurals abound: "they" only for the speaker of the sentence before
        chained = dataclasses.replace(source, start=ref.start, end=ref.end)
        drafts[n].speaker = chained
        if ref.end is not None:
            named.append((ref.end, chained, wanted))  # "He said ... . He added ..."
