"""Attributions whose content is not a clause but what a speech act is about.

"Clinton cited Trump's remarks about Machado", "Trump called for shorter dresses", "He vowed to
crack down on hackers", "Roberts spoke of the legacy of racism": news readers (and PolNeAR)
take these as reported speech. The content is the verb's direct object, else its object after
about/of/for/against/on/with, else its to-infinitive; a verb that also takes a person first
("encouraged his supporters to visit") keeps both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.facts.quotes.drafts import subtree_span

if TYPE_CHECKING:
    from spacy.tokens import Token

OBJECT_PREPS = frozenset({"about", "of", "for", "against", "on", "with", "over"})
# Objects that are the audience or a mere pronoun, not what was said.
AUDIENCE = frozenset({"reporters", "journalists", "supporters", "voters", "audience", "crowd", "viewers"})


def object_content(verb: Token) -> tuple[int, int] | None:
    """Character span of what ``verb`` (a speech act that takes an object) is about."""
    kids = list(verb.children)
    dobj = next((c for c in kids if c.dep_ == "dobj" and c.i > verb.i), None)
    xcomp = next((c for c in kids if c.dep_ == "xcomp" and c.i > verb.i and _infinitive(c)), None)
    if dobj is not None and xcomp is not None:  # "encouraged his supporters to visit polling places"
        return dobj.left_edge.idx, subtree_span(xcomp)[1]
    if dobj is not None and dobj.pos_ != "PRON" and dobj.lower_ not in AUDIENCE:
        return subtree_span(dobj)
    for prep in kids:
        if prep.dep_ == "prep" and prep.lower_ in OBJECT_PREPS and prep.i > verb.i:
            objs = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return subtree_span(objs[0])
    if xcomp is not None:  # "vowed to form a joint task force"
        return subtree_span(xcomp)
    return None


def _infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
