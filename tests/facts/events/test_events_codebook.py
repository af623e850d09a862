"""Codebook validity: every code tidings can emit is a CAMEO code in the shipped codebook."""

from __future__ import annotations

import numpy as np
import pytest

from tidings.facts.events.decide import decide, decide_lexicon_only, lexicon_code
from tidings.facts.events.lexicon import NO_EVENT, LexiconMatch, load_lexicon
from tidings.facts.events.model import TYPE_LABELS, Prediction
from tidings.ontology.codebook import PLOVER_TYPES, is_valid_cameo, load_codebook


def test_codebook_facts() -> None:
    book = load_codebook()
    assert len(book.codes) == 313
    assert is_valid_cameo("042") and is_valid_cameo("1213") and is_valid_cameo("20")
    assert not is_valid_cameo("999") and not is_valid_cameo("42") and not is_valid_cameo(None)
    visit = book.get("042")
    assert (visit.root, visit.base, visit.quad_class, visit.goldstein) == ("04", "042", 1, 1.9)
    assert book.plover("042") == ("CONSULT", "visit")
    assert book.goldstein("1213") == book.goldstein("121")  # filled from its base code
    assert book.root("1831") == "18" and book.quad_class("1831") == 4
    assert book.plover("010") == (None, None)  # PLOVER drops statements
    assert book.normalise("04599") == "045"


@pytest.mark.parametrize("kind", PLOVER_TYPES)
def test_default_code_of_each_type_maps_back(kind: str) -> None:
    book = load_codebook()
    code = book.default_cameo(kind)
    assert book.is_valid_cameo(code)
    assert book.plover(code)[0] == kind


def test_every_lexicon_code_normalises_to_a_valid_code() -> None:
    lexicon = load_lexicon()
    book = load_codebook()
    raw = {block.code for entries in lexicon.verbs.values() for block, _, _ in entries if block.code}
    raw |= {p.code for entries in lexicon.verbs.values() for block, _, _ in entries for p in block.patterns}
    raw.discard(NO_EVENT)
    assert len(raw) > 150
    bad = sorted(c for c in raw if book.normalise(c) is None)
    assert bad == [], bad


def test_decisions_only_emit_valid_codes() -> None:
    lexicon = load_lexicon()
    book = load_codebook()
    rng = np.random.default_rng(7)
    codes = sorted({p.code for entries in lexicon.verbs.values() for b, _, _ in entries for p in b.patterns})
    matches: list[LexiconMatch | None] = [None, *(LexiconMatch(c, "test", "x", 1) for c in codes[::7])]
    for lex in matches:
        probs = rng.dirichlet(np.ones(len(TYPE_LABELS)))
        pred = Prediction(dict(zip(TYPE_LABELS, probs.tolist(), strict=True)), (0.2,) * 5)
        for decision in (decide(pred, lex), decide_lexicon_only(lex)):
            if decision is None:
                assert lexicon_code(lex) is None
                continue
            assert book.is_valid_cameo(decision.cameo_code)
            if decision.plover_event is not None:
                assert decision.plover_event in PLOVER_TYPES
                assert book.is_valid_mode(decision.plover_event, decision.plover_mode)
