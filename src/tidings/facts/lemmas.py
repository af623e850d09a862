"""Lemmas the fact stages compare words by, with the small pipeline's known slips undone."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# A monosyllable of consonant, vowel, consonant ("hop", "plan", "star"): English doubles its last
# consonant before -ed and -ing ("hopped", "planning").
_DOUBLES = re.compile(r"[^aeiou]*[aeiou][^aeiouwxy]")


def verb_lemma(verb: Token) -> str:
    """The verb's lemma, with the rule lemmatiser's slip on a silent e undone: "hoped", "hoping",
    "hopes" are not "hop" (that doubles, "hopped", and takes a bare s, "hops"), so their lemma is
    "hope" (as "planed" is "plane"); only a stem in s or z takes -es of its own ("buses")."""
    lemma = verb.lemma_
    if not _DOUBLES.fullmatch(lemma):
        return lemma
    form = verb.lower_
    if form in (lemma + "ed", lemma + "ing") or (form == lemma + "es" and lemma[-1] not in "sz"):
        return lemma + "e"
    return lemma
