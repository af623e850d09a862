"""Learned event-type classifier: a linear model over hashed word/lemma n-grams,
trigger-dependency words and the verb-lexicon code.

Two heads share the features: ``type`` over the 16 PLOVER types plus ``STATEMENT``
(CAMEO 01/02, which PLOVER drops) and ``penta`` over ConfliBERT's five classes (which
has the most gold). They are combined as ``log p(type) + log p(penta(type))``. The
weights ship as ``tidings/data/events/event_type_model.npz`` built by
``scripts/train_event_model.py``; nothing is trained at run time.
"""

from __future__ import annotations

import functools
import itertools
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy as np

from tidings.ontology.codebook import PLOVER_TYPES, load_codebook

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from tidings.facts.events.candidates import Candidate
    from tidings.facts.events.lexicon import LexiconMatch

STATEMENT = "STATEMENT"
TYPE_LABELS: tuple[str, ...] = (*PLOVER_TYPES, STATEMENT)
PENTA_OF_TYPE: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 2, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3, "PROTEST": 4,
    "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4, STATEMENT: 0,
}  # fmt: skip
DIM = 1 << 16
MODEL_FILE = "event_type_model.npz"
_STOP = frozenset({
    "the", "a", "an", "of", "to", "in", "on", "and", "or", "for", "with", "by", "at", "from", "as", "is",
    "are", "was", "were", "be", "been", "has", "have", "had", "that", "this", "it", "its", "their", "his",
    "her", "they", "he", "she", "which", "who", "will", "would", "said", "says",
})  # fmt: skip


def type_of_code(code: str | None) -> str | None:
    """PLOVER type (or STATEMENT) of a CAMEO code."""
    book = load_codebook()
    if code is None or not book.is_valid_cameo(code):
        return None
    if book.root(code) in ("01", "02"):
        return STATEMENT
    return book.plover(code)[0]


def other_verb_roots(sent: Span, trigger: Token | None) -> list[str]:
    """CAMEO roots the verb dictionary gives the sentence's other verbs: what else the
    sentence says happened ("suspended aid ... after a jet shot down a helicopter")."""
    from tidings.facts.events.lexicon import load_lexicon

    lexicon = load_lexicon()  # its matches are memoised per document: every candidate asks again
    roots: list[str] = []
    for tok in sent:
        if tok.pos_ != "VERB" or (trigger is not None and tok.i == trigger.i):
            continue
        found = lexicon.match(tok)
        if found is not None and found.code[:2].isdigit():
            roots.append(found.code[:2])
    return roots


def event_features(
    sent: Span, trigger: Token | None, lex: LexiconMatch | None, factuality: str | None = None
) -> list[str]:
    """Hashed-feature names of a candidate: the sentence's words and bigrams, the trigger's
    lemma, dependents and subtree, its factuality, the dictionary's code for it and the
    roots it gives the sentence's other verbs."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    lem = [t.lemma_.lower() for t in words]
    feats = [f"w:{w}" for w in lem if w not in _STOP]
    feats += [f"b:{a}_{b}" for a, b in itertools.pairwise(lem)]
    if trigger is not None:
        tl = trigger.lemma_.lower()
        feats += [f"t:{tl}", f"tpos:{trigger.pos_}"]
        for c in trigger.children:
            feats.append(f"d:{c.dep_}:{c.lemma_.lower()}")
            if c.dep_ == "prep":
                feats += [f"tp:{tl}_{c.lower_}_{g.lemma_.lower()}" for g in c.children if g.dep_ == "pobj"]
            if c.dep_ in ("dobj", "xcomp"):
                feats.append(f"to:{tl}_{c.lemma_.lower()}")
        feats += [f"s:{t.lemma_.lower()}" for t in trigger.subtree if t.lemma_.lower() not in _STOP]
        if trigger.dep_ == "xcomp":
            feats.append(f"gov:{trigger.head.lemma_.lower()}")
    if lex is not None:
        kind = type_of_code(load_codebook().normalise(lex.code) if lex.code.isdigit() else None)
        feats += [f"lc:{lex.code}", f"lr:{lex.code[:2]}", f"lp:{kind}"]
    else:
        feats.append("lp:none")
    if factuality is not None:
        feats.append(f"f:{factuality}")
    feats += [f"lv:{root}" for root in other_verb_roots(sent, trigger)]
    return feats


def candidate_features(cand: Candidate, factuality: str | None) -> list[str]:
    """:func:`event_features` of a candidate (the one entry point the stage and training
    share; actor-sector features were tried and lowered PLOVER macro-F1 in 5-fold CV)."""
    return event_features(cand.sentence, cand.trigger, cand.lexicon, factuality)


def vectorise(feats: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Hashed, L2-normalised binary bag: (indices, values)."""
    idx = np.unique(np.fromiter((zlib.crc32(f.encode("utf-8")) % DIM for f in feats), dtype=np.int64))
    vals = np.full(len(idx), 1.0 / max(1.0, float(np.sqrt(len(idx)))), dtype=np.float32)
    return idx, vals


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max()
    e = np.exp(z)
    return np.asarray(e / e.sum())


@dataclass(frozen=True)
class Prediction:
    type_probs: dict[str, float]
    penta_probs: tuple[float, ...]

    @property
    def best_type(self) -> str:
        return max(self.type_probs, key=lambda k: self.type_probs[k])

    @property
    def best_penta(self) -> int:
        return int(np.argmax(self.penta_probs))


class EventTypeModel:
    def __init__(self, arrays: dict[str, Any]) -> None:
        self.w_type = np.asarray(arrays["w_type"], dtype=np.float32)
        self.b_type = np.asarray(arrays["b_type"], dtype=np.float32)
        self.w_penta = np.asarray(arrays["w_penta"], dtype=np.float32)
        self.b_penta = np.asarray(arrays["b_penta"], dtype=np.float32)
        self.labels = tuple(str(x) for x in arrays["labels"])
        self.penta_weight = float(arrays["penta_weight"]) if "penta_weight" in arrays else 1.0

    def predict(self, feats: Sequence[str]) -> Prediction:
        idx, vals = vectorise(feats)
        p_type = _softmax(vals @ self.w_type[idx] + self.b_type)
        p_penta = _softmax(vals @ self.w_penta[idx] + self.b_penta)
        # type score = log p(type) + w log p(penta(type)); the penta head alone gives the penta class
        penta_of = np.array([p_penta[PENTA_OF_TYPE[t]] for t in self.labels])
        joint = np.log(p_type + 1e-9) + self.penta_weight * np.log(penta_of + 1e-9)
        joint_p = _softmax(joint)
        return Prediction(
            {t: float(p) for t, p in zip(self.labels, joint_p, strict=True)},
            tuple(float(x) for x in p_penta),
        )


@functools.lru_cache(maxsize=1)
def load_model() -> EventTypeModel | None:
    """The shipped model, or None when the data file was not built (lexicon-only mode)."""
    ref = resources.files("tidings.data.events").joinpath(MODEL_FILE)
    if not ref.is_file():
        return None
    with ref.open("rb") as fh, np.load(fh, allow_pickle=False) as data:
        return EventTypeModel({k: data[k] for k in data.files})
