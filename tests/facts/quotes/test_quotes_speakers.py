"""Speaker rules on parses as the parser gives them, misreadings included (built by hand so
that a parser update cannot hide the case)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from tidings.facts.quotes.speakers import subject_of


def test_finite_verb_hung_on_the_name_before_it() -> None:
    # "which the founder, Maria Lopez, called ''a tax''": the parse made "called" an acl of "Lopez"
    words = ["which", "the", "founder", ",", "Maria", "Lopez", ",", "called", "''", "a", "tax", "''"]
    heads = [2, 2, 5, 5, 5, 5, 5, 5, 7, 10, 7, 5]
    deps = ["det", "det", "appos", "punct", "compound", "ROOT", "punct", "acl", "punct", "det", "oprd", "punct"]
    tags = ["WDT", "DT", "NN", ",", "NNP", "NNP", ",", "VBD", "``", "DT", "NN", "''"]
    pos = ["DET", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "PUNCT", "DET", "NOUN", "PUNCT"]
    doc = Doc(
        Vocab(),
        words=words,
        heads=heads,
        deps=deps,
        tags=tags,
        pos=pos,
        ents=["O"] * 4 + ["B-PERSON", "I-PERSON"] + ["O"] * 6,
    )
    subj = subject_of(doc[7])
    assert subj is not None and subj.text == "Lopez"
    # a thing is never taken for the speaker that way
    ents = ["O"] * 12
    plain = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos, ents=ents)
    assert subject_of(plain[7]) is None


def test_finite_verb_read_as_clause_of_a_participle() -> None:
    # "Protesters marching downtown chanted “No more”": the participle read as the main verb
    words = ["Protesters", "marching", "downtown", "chanted", "“", "No", "more", "”"]
    heads = [1, 1, 1, 1, 6, 6, 3, 6]
    deps = ["nsubj", "ROOT", "advmod", "advcl", "punct", "det", "dobj", "punct"]
    tags = ["NNS", "VBG", "RB", "VBD", "``", "DT", "JJR", "''"]
    pos = ["NOUN", "VERB", "ADV", "VERB", "PUNCT", "DET", "ADJ", "PUNCT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    subj = subject_of(doc[3])
    assert subj is not None and subj.text == "Protesters"
