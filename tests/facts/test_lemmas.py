"""verb_lemma: the one lemma the fact stages compare verbs by."""

from __future__ import annotations

import pytest

from tidings.facts.lemmas import verb_lemma
from tidings.nlp import Parser


@pytest.mark.parametrize(
    ("sentence", "word", "lemma"),
    [
        ("China hopes that the US would act.", "hopes", "hope"),
        ("She hoped they would come.", "hoped", "hope"),
        ("He is hoping the talks succeed.", "hoping", "hope"),
        ("The rabbit hopped away.", "hopped", "hop"),
        ("They planned a visit.", "planned", "plan"),
        ("They expected a deal.", "expected", "expect"),
    ],
)
def test_verb_lemma_undoes_the_silent_e_slip(parser: Parser, sentence: str, word: str, lemma: str) -> None:
    doc = next(iter(parser.pipe([sentence])))
    token = next(t for t in doc if t.text == word)
    assert verb_lemma(token) == lemma
