"""Combine the lexicon code and the learned type model into one coded event type.

The model decides the PLOVER type (it sees the words around the trigger); the verb
lexicon supplies the fine CAMEO code when it agrees with that type, or overrides the
model when the model is unsure and the lexicon's type is close behind. Otherwise the
type's default CAMEO code is used, so every emitted code is in the codebook.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tidings.facts.events.lexicon import NO_EVENT, LexiconMatch
from tidings.facts.events.modality import intent_code, is_refusal, recode, refusal_code
from tidings.facts.events.model import STATEMENT, Prediction, type_of_code
from tidings.facts.events.rules import active
from tidings.ontology.codebook import load_codebook

if TYPE_CHECKING:
    from spacy.tokens import Token

    from tidings.records import ActorRef

STATEMENT_CODE = "010"
LEXICON_RULE = "tidings.events.lexicon.v1"
MODEL_RULE = "tidings.events.linear.v1"
PARALLEL_RULE = "tidings:parallel"
RIOT_CODE = "145"
OVERRULE = 0.2  # how sure the model must be to set the dictionary's type aside (17 classes)


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


def parallel_code(code: str, kind: str) -> str | None:
    """The code of the same act in the family of ``kind``, where CAMEO has one: an appeal
    (02x) the model reads as a demand is the matching 10x, an act the model reads as an
    intent, threat or refusal is its 03x, 13x or 12x code (see :mod:`event_modality`)."""
    book = load_codebook()
    root = code[:2]
    found: str | None = None
    if kind == "REQUEST" and root == "02":
        found = book.normalise("10" + code[2:])
    elif (kind == "AGREE" and "04" <= root <= "08") or (kind == "THREATEN" and "14" <= root <= "20"):
        found = intent_code(code)
    elif kind == "REJECT":
        found = refusal_code(code)
    return found if found is not None and type_of_code(found) == kind else None


def own_construction(lex: LexiconMatch, kind: str) -> bool:
    """The dictionary code comes from one of our construction rules (:mod:`rules`, group
    "lexicon": "called X a Y" is naming, "urged X to" an appeal, "imposed tariffs on" a
    sanction): it read the verb with its arguments, which the type model's bag of context
    words does not, so the model's default code of another type does not replace it ("has
    called China a currency manipulator, threatened tariffs" stays naming, not a sanction), nor
    the same act's code in the model's family (:func:`parallel_code`): "asked the court to send"
    stays an appeal (not a demand), "imposed punitive tariffs on" a sanction (not a threat), even
    with "threatened" nearby. Dev half: 2 appeals the parallel made demands (both wrong: the gold
    has 02x) keep their 02x.
    Where the model's type has the code's own CAMEO root (163 is COERCE in the PLOVER
    crosswalk, SANCTION for the model) the model's type stands, as before."""
    if not active("own-over-model") or not lex.rule.startswith("tidings:"):
        return False
    default = STATEMENT_CODE if kind == STATEMENT else load_codebook().default_cameo(kind)
    return default[:2] != lex.code[:2]


def decide(
    pred: Prediction | None, lex: LexiconMatch | None, *, trust_ratio: float = 0.25, overrule: float = OVERRULE
) -> TypeDecision | None:
    """The model's type, with the dictionary's fine code when they agree. The dictionary's
    type wins when the model gives it at least ``trust_ratio`` of its best type's probability;
    else, when the code is no own construction rule's (:func:`own_construction`, which stands),
    the dictionary's code of the same act in the model's family (:func:`parallel_code`), else
    the model type's default code — but against the dictionary only when the model is at least
    ``overrule`` sure (else the dictionary's code stands)."""
    if pred is None:
        return decide_lexicon_only(lex)
    book = load_codebook()
    kind = pred.best_type
    prob = pred.type_probs[kind]
    code = lexicon_code(lex)
    lex_kind = type_of_code(code)
    if code is not None and lex is not None and lex_kind is not None:
        lex_prob = pred.type_probs.get(lex_kind, 0.0)
        if lex_kind == kind or lex_prob >= trust_ratio * prob:
            return _finish(lex_kind, code, max(prob, lex_prob), f"{MODEL_RULE}+{lex.rule}")
        if own_construction(lex, kind):  # nor its parallel code: "asked the court to" stays an appeal
            return _finish(lex_kind, code, lex_prob, f"{MODEL_RULE}+{lex.rule}")
        twin = parallel_code(code, kind) if kind != STATEMENT else None
        if twin is not None:
            return _finish(kind, twin, prob, f"{MODEL_RULE}+{lex.rule}+{PARALLEL_RULE}")
        if prob < overrule:
            return _finish(lex_kind, code, lex_prob, f"{MODEL_RULE}+{lex.rule}")
    default = STATEMENT_CODE if kind == STATEMENT else book.default_cameo(kind)
    if code is not None and lex is not None and code[:2] == default[:2]:
        # the model's type is the dictionary code's own CAMEO root under another PLOVER name (163
        # "impose embargo" is COERCE in the crosswalk, SANCTION to the model): the root agrees, so
        # the dictionary's finer code stays rather than the root's bare default (160)
        return _finish(kind, code, prob, f"{MODEL_RULE}+{lex.rule}")
    return _finish(kind, default, prob, MODEL_RULE)


def modal(decision: TypeDecision | None, trigger: Token, factuality: str) -> tuple[TypeDecision | None, str]:
    """The decision recoded for an intended, threatened or refused act (see
    :mod:`tidings.facts.events.modality`) and the event's factuality: a refusal is itself an
    asserted rejection, an intent keeps its planned/hypothetical label."""
    if decision is None:
        return None, factuality
    if decision.cameo_code.startswith("12") and is_refusal(trigger, factuality):
        return decision, "asserted"  # already coded as the refusal ("would not provide": 12x)
    new = recode(decision.cameo_code, trigger, factuality)
    if new is None:
        return decision, factuality
    code, rule = new
    kind = type_of_code(code)
    if kind is None:
        return decision, factuality
    out = _finish(kind, code, decision.confidence, f"{decision.rule}+{rule}")
    return out, ("asserted" if rule == "tidings:refusal" else factuality)


def by_protesters(decision: TypeDecision | None, sources: Sequence[ActorRef]) -> TypeDecision | None:
    """Coercion (CAMEO 17: seizing or destroying property, ...) is what authorities do; the same
    acts by protesters are a violent protest (145 "Protest violently, riot")."""
    if decision is None or not decision.cameo_code.startswith("17") or not active("riot"):
        return decision
    return _by_sector(decision, sources, "OPP", "PROTEST", RIOT_CODE, "riot")


# A court's acts on a case: a ruling (CAMEO 116 "find guilty or liable (legally)", the judgments
# the conventions file there), whatever the dictionary makes of the verb (uphold -> 124 ...).
RULINGS = frozenset({"uphold", "overturn", "rule", "quash", "dismiss", "strike", "convict", "acquit",
                     "grant", "reverse", "annul", "invalidate", "sentence", "fine"})  # fmt: skip
RULING_CODE = "116"


def by_courts(decision: TypeDecision | None, trigger: Token, sources: Sequence[ActorRef]) -> TypeDecision | None:
    """A court (sector JUD) upholding, overturning or ruling is a legal ruling (116), not the
    dictionary's reading of the verb (upheld -> 124 "refuse", overturned -> 124)."""
    if decision is None or not active("court-ruling"):
        return decision
    if trigger.lemma_.lower() not in RULINGS or decision.cameo_code.startswith(("11", "17")):
        return decision
    return _by_sector(decision, sources, "JUD", "ACCUSE", RULING_CODE, "court-ruling")


def _by_sector(
    decision: TypeDecision, sources: Sequence[ActorRef], sector: str, kind: str, code: str, rule: str
) -> TypeDecision:
    """``decision`` recoded to ``code`` when every source (at least one) is of ``sector``."""
    if sources and all(ref.sector == sector for ref in sources):
        return _finish(kind, code, decision.confidence, f"{decision.rule}+tidings:{rule}")
    return decision
