"""Combine the lexicon code and the learned type model into one coded event type.

The model decides the PLOVER type (it sees the words around the trigger); the verb
lexicon supplies the fine CAMEO code when it agrees with that type, or overrides the
model when the model is unsure and the lexicon's type is close behind. Otherwise the
type's default CAMEO code is used, so every emitted code is in the codebook.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tidings.facts.event_lexicon import NO_EVENT, LexiconMatch
from tidings.facts.event_modality import recode
from tidings.facts.event_model import STATEMENT, Prediction, type_of_code
from tidings.ontology.codebook import load_codebook

if TYPE_CHECKING:
    from spacy.tokens import Token

STATEMENT_CODE = "010"
LEXICON_RULE = "tidings.events.lexicon.v1"
MODEL_RULE = "tidings.events.linear.v1"


@dataclass(frozen=True, slots=True)
class TypeDecision:
    plover_event: str | None  # None for CAMEO 01/02 statements
    plover_mode: str | None
    cameo_code: str
    confidence: float
    rule: str


def lexicon_code(lex: LexiconMatch | None) -> str | None:
    if lex is None or lex.code == NO_EVENT:
        return None
    return load_codebook().normalise(lex.code)


def _finish(kind: str, code: str, confidence: float, rule: str) -> TypeDecision:
    book = load_codebook()
    event, mode = book.plover(code)
    if kind == STATEMENT:
        return TypeDecision(None, None, code, confidence, rule)
    if event != kind:
        mode = None
    if mode is not None and not book.is_valid_mode(kind, mode):
        mode = None
    return TypeDecision(kind, mode, code, confidence, rule)


def decide_lexicon_only(lex: LexiconMatch | None) -> TypeDecision | None:
    """The dictionary baseline: the lexicon code and its PLOVER type, or nothing."""
    code = lexicon_code(lex)
    if code is None or lex is None:
        return None
    kind = type_of_code(code)
    if kind is None:
        return None
    return _finish(kind, code, 0.5, f"{LEXICON_RULE}:{lex.rule}")


def decide(pred: Prediction | None, lex: LexiconMatch | None, *, trust_ratio: float = 0.25) -> TypeDecision | None:
    if pred is None:
        return decide_lexicon_only(lex)
    book = load_codebook()
    kind = pred.best_type
    prob = pred.type_probs[kind]
    code = lexicon_code(lex)
    lex_kind = type_of_code(code)
    rule = MODEL_RULE
    if (code is not None and lex is not None and lex_kind is not None
            and (lex_kind == kind or pred.type_probs.get(lex_kind, 0.0) >= trust_ratio * prob)):
            return _finish(lex_kind, code, max(prob, pred.type_probs.get(lex_kind, 0.0)),
                           f"{MODEL_RULE}+{lex.rule}")
    default = STATEMENT_CODE if kind == STATEMENT else book.default_cameo(kind)
    return _finish(kind, default, prob, rule)


def modal(decision: TypeDecision | None, trigger: Token, factuality: str) -> tuple[TypeDecision | None, str]:
    """The decision recoded for an intended, threatened or refused act (see
    :mod:`tidings.facts.event_modality`) and the event's factuality: a refusal is itself an
    asserted rejection, an intent keeps its planned/hypothetical label."""
    if decision is None:
        return None, factuality
    new = recode(decision.cameo_code, trigger, factuality)
    if new is None:
        return decision, factuality
    code, rule = new
    kind = type_of_code(code)
    if kind is None:
        return decision, factuality
    out = _finish(kind, code, decision.confidence, f"{decision.rule}+{rule}")
    return out, ("asserted" if rule == "tidings:refusal" else factuality)
