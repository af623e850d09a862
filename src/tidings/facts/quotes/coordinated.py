"""A second speech act of the same speaker that the parse hung inside the first one's content.

"Trump tweeted that Machado was “a con” and encouraged Americans to “check out” her tape": two
verb phrases of one subject joined by *and*, but the parser coordinated *encouraged* with *was*,
the verb of the reported clause, so the first content ran on over the second act and the second
act lost its speaker. A verb of speech with no subject of its own, coordinated with a word under
a speech verb of the same form (both past, both infinitives: the agreement a coordination of verb
phrases needs, which a verb of the embedded clause in another tense lacks), is read as the outer
verb's conjunct: it reports its own content, its speaker is the outer verb's subject, and the
outer verb's content stops before the *and*.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.facts.quotes.cues import OBJECT_VERBS, SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

SPEECH_ACTS = SPEECH_VERBS | OBJECT_VERBS
# How far above the conjunct's head the outer speech verb may be ("of being duped" -> "accuse").
MAX_STEPS = 4
# Verb forms by tag, past tense and participle together (the tagger swaps them on a verb that
# heads its sentence: "Trump tweeted ..." read as VBN).
FORMS = {"VB": "base", "VBZ": "present", "VBP": "present", "VBD": "past", "VBN": "past", "VBG": "gerund"}


def _speech_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_ACTS


def coordinated_act(tok: Token) -> Token | None:
    """The outer speech verb ``tok`` is really coordinated with, or None."""
    if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.lemma_.lower() not in SPEECH_ACTS:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in tok.children):
        return None  # a clause of its own
    head = tok.head
    if _speech_verb(head) or not any(c.dep_ == "cc" and c.i < tok.i for c in head.children):
        return None  # "said X and added Y" parsed right, or no "and" between them
    steps, node = 0, head
    while node.head.i != node.i and steps < MAX_STEPS:
        steps += node.dep_ != "conj"  # a list of predicates ("“greedy” and “cruel”") is one step
        node = node.head
        if node.i > tok.i:
            return None
        if _speech_verb(node):
            form = FORMS.get(node.tag_)
            return node if form is not None and form == FORMS.get(tok.tag_) else None
    return None


def cut_before_act(cue: Token, start: int, end: int) -> int:
    """The end of ``cue``'s content ``start``-``end``, cut before the *and* of a speech act
    coordinated with ``cue`` that the parse hung inside it."""
    doc = cue.doc
    for tok in doc[cue.i + 1 :]:
        if tok.idx >= end:
            break
        outer = coordinated_act(tok) if tok.idx > start else None
        if outer is None or outer.i != cue.i:
            continue
        cut = tok.left_edge
        while cut.i > cue.i + 1 and (doc[cut.i - 1].dep_ == "cc" or doc[cut.i - 1].text == ","):
            cut = doc[cut.i - 1]
        return min(end, cut.idx)
    return end
