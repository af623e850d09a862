"""The person a speaker phrase names behind a role, a title or a partitive.

A news speaker phrase often puts a role before the name of the one who holds it: in apposition
("Trump's campaign manager, Kellyanne Conway, said", "Director, David Caldwell, said", "one of the
attendees, Dr. Gleyn Bledsoe, told Xinhua"), as a title with its organisation ("President of the
European Council Donald Tusk said") or after a state or body that owns it ("Brunei's Sultan
Hassanal Bolkiah said"). The one who speaks is the named person, not the role, the number or the
owner. Role words are the person nouns of ``data/entities/person_nouns.tsv`` (WordNet), the lexicon
pronoun resolution reads its gender evidence from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.facts.entities.pronouns import person_nouns

if TYPE_CHECKING:
    from spacy.tokens import Token

# Entity types of a name that can hold a role as a speaker ("the company, Acme Corp, said").
HOLDER_ENTITIES = frozenset({"PERSON", "ORG"})
# Partitive heads that pick one member out of a group ("one of the attendees, Jane Doe, said").
PARTITIVES = frozenset({"one", "some", "each", "both", "two", "three"})


def is_role(tok: Token) -> bool:
    """A person noun that is no name itself: "director", also capitalised as a title ("Director,
    David Caldwell"), but not a word the parser tagged as a person's name."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ != "PERSON" and tok.lower_ in person_nouns()


def _partitive(tok: Token) -> bool:
    return tok.lower_ in PARTITIVES and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights)


def named_holder(head: Token) -> Token:
    """The name set off by commas after a role or a partitive: "the ministry's spokesman, Geng
    Shuang, said", "Director, David Caldwell, said", "One of the organisers, Maria Lopez, said".
    After a partitive the parse may read the name as a second member of a list (a conjunct with
    no "and"): set off by a comma alone it is still the apposition."""
    if head.pos_ != "NOUN" and not is_role(head) and not _partitive(head):
        return head
    for child in head.rights:
        if child.pos_ != "PROPN" or child.ent_type_ not in HOLDER_ENTITIES:
            continue
        if child.dep_ == "appos" and (head.pos_ == "NOUN" or child.ent_type_ == "PERSON"):
            return child
        comma_before = child.doc[child.left_edge.i - 1].text == ","
        no_and = not any(c.dep_ == "cc" for c in head.children)
        if child.dep_ == "conj" and _partitive(head) and child.ent_type_ == "PERSON" and comma_before and no_and:
            return child
    return _name_hung_on_served(head) or head


def _name_hung_on_served(role: Token) -> Token | None:
    """ "A spokeswoman for the State Department, Heather Nauert, said", "A spokesman for Trump,
    Jason Miller, said": the parse hung the name set off by commas on the body or person the role
    serves (the object of its for/of/at/to phrase). A person's name is no apposition of a body, a
    place or another person's name, so it names the role's holder; after a person noun ("the
    son of the president, Hunter Biden") it may name either and is left alone."""
    if not is_role(role):
        return None
    for prep in role.rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "of", "at", "to"):
            continue
        for served in prep.children:
            if served.dep_ != "pobj" or is_role(served):
                continue
            for child in served.rights:
                set_off = child.doc[child.left_edge.i - 1].text == ","
                if child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ == "PERSON" and set_off:
                    return child
    return None


def titled_holder(head: Token, verb: Token) -> Token | None:
    """ "President of the European Council Donald Tusk said", "Minister of Commerce Zhong Shan
    said": a title with its "of" phrase run straight into the holder's name, which the parse
    reads as the object of "of"; the name right before the verb is the speaker."""
    if not is_role(head):
        return None
    edge = head.right_edge
    if edge.ent_type_ != "PERSON" or edge.pos_ != "PROPN" or edge.i + 1 != verb.i:
        return None
    of = [c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"]
    if not of or edge not in of[0].subtree or edge.i == head.i:
        return None
    return edge


def own_name_start(head: Token) -> int | None:
    """Token index where a titled name's own words start after its owner: "Brunei's Sultan Haji
    Hassanal Bolkiah" starts at "Sultan" when a role word or a person's name is among them (the
    possessor is the state he speaks for, not the speaker); None for a name with no owner before
    it, or an owned body ("China's Commerce Ministry" speaks as China's)."""
    if not any(c.dep_ == "poss" for c in head.lefts):
        return None
    names = [t for c in head.lefts if c.dep_ in ("compound", "flat") for t in c.subtree]
    words = [*names, head]
    if not (head.ent_type_ == "PERSON" or any(is_role(t) for t in words)):
        return None
    return min(t.i for t in words)


def after_fronted_participle(participle: Token) -> Token | None:
    """ "Agreeing with Niu, Lu Ting, chief economist at Nomura, wrote that ...": a fronted
    participle clause the parse read as the clausal subject of the speech verb, the speaker's name
    swallowed into it as a second member of its object after a comma. A participle cannot speak:
    the speaker is that name set off by the comma, else no one the parse shows."""
    names = [
        t
        for t in participle.subtree
        if t.dep_ in ("conj", "appos")
        and t.pos_ == "PROPN"
        and t.ent_type_ in HOLDER_ENTITIES
        and t.left_edge.i > 0
        and t.doc[t.left_edge.i - 1].text == ","
    ]
    return names[-1] if names else None


def name_closing_fronted_clause(cue: Token) -> Token | None:
    """ "Responding to the speech, shadow chief secretary to the Treasury, George Osborne, said:":
    a finite speech verb left without a subject after a fronted participle clause that the parse
    let run on over the speaker ("shadow" read as a verb, hung anywhere); the name set off by
    commas that ends right before the verb is the speaker."""
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in cue.children):
        return None
    sent = cue.sent
    if not any(c.dep_ == "advcl" and c.tag_ == "VBG" and c.i == sent.start for c in cue.lefts):
        return None
    doc = cue.doc
    for tok in doc[sent.start : cue.i]:  # however the parse hung the words in between
        if tok.pos_ != "PROPN" or tok.ent_type_ != "PERSON":
            continue
        end, start = tok.right_edge.i, tok.left_edge.i
        closes = end + 1 == cue.i or (end + 2 == cue.i and doc[end + 1].text == ",")
        if closes and start > sent.start and doc[start - 1].text == ",":
            return tok
    return None
