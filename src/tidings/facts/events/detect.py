"""Event detection: is a coded candidate a real event of its CAMEO root? A calibrated probability.

Running news is mostly sentences with no codable event; the coder proposes more than there are.
A small logistic model, trained on whole articles where every sentence was judged (the dev half
of bench/gold/running_news, by scripts/train_event_detector.py), scores each coded event from
what kind of rule coded it, its root, who its actors are and where it stands; its probability
is the event's ``confidence``. Events below ``[events] min_confidence`` are not emitted.

The features are few and general on purpose (no words of any article): the model must hold on
pages it never saw.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING

from tidings.facts.events.speech import speech_rule
from tidings.facts.issues.stage import TAG_THRESHOLD, tag_sentence
from tidings.facts.issues.taxonomy import load_taxonomy
from tidings.nlp import doc_text
from tidings.records import ActorRef, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc

DETECTOR_FILE = "event_detector.json"
SECTORS = ("GOV", "MIL", "LEG", "PTY", "JUD", "COP", "OPP", "BUS", "MED", "NGO", "IGO", "REB", "CVL")
QUOTES = frozenset('"“”')
# sectors of actors that act in politics: a state's organs, parties, courts, forces, bodies of states,
# rebels and opposition (a business, the media, civilians are not, unless a state acts on them)
POLITICAL = frozenset({"GOV", "MIL", "LEG", "PTY", "JUD", "COP", "OPP", "IGO", "REB"})
# the named entities that can be actors of an event (a state, a people, a body, a person)
ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
# the article's genre from the project's theme taxonomy (data/issues/issues.toml): the share of its
# sentences tagged with each group; a sports report or a company's results have few events of
# politics however many verbs the dictionary codes
GENRES: Mapping[str, frozenset[str]] = {
    "sport": frozenset({"sport", "culture_entertainment"}),
    "business": frozenset({"economy", "energy", "agriculture_food"}),
    "science": frozenset({"technology", "health", "climate"}),
    "politics": frozenset({"politics", "diplomacy", "elections", "military_conflict", "sanctions", "trade_tariffs"}),
}


def _rule_kind(rule: str) -> str:
    """What coded the event: a speech rule, the dictionary (pattern or block default), an own
    lexicon rule, or the model alone."""
    if (said := speech_rule(rule)) is not None:
        return "speech-" + said
    if "tidings:" in rule.replace("tidings.events", ""):
        return "own"
    if "petr2:" in rule:
        return "dict-pattern" if rule.rsplit("petr2:", 1)[1].count(":") else "dict-block"
    return "model"


def _own_rule(rule: str) -> str:
    """The name of the last own lexicon rule in a rule chain ("...+tidings:intent" -> "intent")."""
    tail = rule.replace("tidings.events", "").rsplit("tidings:", 1)[1]
    return tail.split("+")[0].split(":")[0] or "other"


def _actor(prefix: str, ref: ActorRef | None, out: dict[str, float]) -> None:
    if ref is None:
        out[f"{prefix}:none"] = 1.0
        return
    out[f"{prefix}:basis:{ref.basis or 'words'}"] = 1.0
    if ref.country:
        out[f"{prefix}:country"] = 1.0
    if ref.entity_id:
        out[f"{prefix}:entity"] = 1.0
    sector = ref.sector if ref.sector in SECTORS else ((ref.actor_code or "")[:3] if ref.actor_code else None)
    out[f"{prefix}:sector:{sector if sector in SECTORS else 'other' if sector else 'none'}"] = 1.0


def political_actor(ref: ActorRef | None) -> bool:
    """A named political actor: a state (a country with no sector) or one of the political sectors."""
    if ref is None or ref.basis is not None:
        return False
    return ref.sector in POLITICAL or (ref.country is not None and not ref.sector)


def article_features(doc: Doc) -> dict[str, float]:
    """The article's genre (:data:`GENRES`): the share of its sentences the theme taxonomy tags
    with each group. Computed once per article."""
    taxonomy = load_taxonomy()
    tagged = [
        {issue for issue, score in tag_sentence(taxonomy, sent).scores.items() if score >= TAG_THRESHOLD}
        for sent in doc.sents
    ]
    n = max(len(tagged), 1)
    return {f"genre:{name}": sum(1 for t in tagged if t & issues) / n for name, issues in GENRES.items()}


def signals(event: Event, doc: Doc, sentence_index: int) -> dict[str, float]:
    """Signals of whether the event is one of politics, beside how it was coded: whether it is told
    in reported content (the factuality's attribution), whether its actors are political ones, how
    many actors the sentence names, whether it opens the article."""
    out: dict[str, float] = {}
    if event.attribution:
        out["sig:reported"] = 1.0
    src, tgt = political_actor(event.source), political_actor(event.target)
    out["sig:src_political"] = float(src)
    out["sig:tgt_political"] = float(tgt)
    if not src and not tgt:
        out["sig:no_political"] = 1.0
    span = doc.char_span(event.sentence_start, event.sentence_end, alignment_mode="expand")
    named = {e.text for e in span.ents if e.label_ in ACTOR_LABELS} if span is not None else set()
    out["sig:actors_named"] = min(len(named), 4) / 4.0
    if not named:
        out["sig:none_named"] = 1.0
    if sentence_index == 0:
        out["sig:first"] = 1.0
    return out


def trigger_key(event: Event) -> str:
    """The trigger's lemma and the event's root: what the detector keeps a track record of."""
    return f"{event.trigger.lower()}|{(event.cameo_code or '')[:2]}"


def prior_feature(record: Sequence[float] | None, base: float, strength: float = 4.0) -> float:
    """Log-odds of a trigger+root being real, its track record shrunk towards the base rate."""
    n, real = (record[0], record[1]) if record else (0.0, 0.0)
    p = (real + strength * base) / (n + strength)
    p = min(max(p, 0.01), 0.99)
    return math.log(p / (1 - p))


def features(
    event: Event,
    doc: Doc,
    sentence_index: int,
    in_sentence: int,
    prior: float | None = None,
    article: Mapping[str, float] | None = None,
    with_signals: bool = True,
) -> dict[str, float]:
    """The detector's view of one coded event (every value 0/1 unless said); ``prior`` is the
    trigger+root track record (:func:`prior_feature`), filled in by the detector; ``article`` the
    article's own features (:func:`article_features`); ``with_signals``: also :func:`signals`
    (the trainer always reads them; a detector only when it weighs them)."""
    out: dict[str, float] = {"bias": 1.0, **(article or {})}
    if with_signals:
        out.update(signals(event, doc, sentence_index))
    if prior is not None:
        out["trigger_prior"] = prior
    kind = _rule_kind(event.rule)
    out[f"rule:{kind}"] = 1.0
    if kind == "own":
        # which own rule: each is a class of constructions (expressed intent, threat of measures,
        # refusal, ...) whose track record on running news differs
        out[f"own:{_own_rule(event.rule)}"] = 1.0
    root = (event.cameo_code or "")[:2]
    out[f"root:{root}"] = 1.0
    out[f"fact:{event.factuality}"] = 1.0
    # root and factuality together: an expressed intent (03 planned) or threat (13 planned) is
    # itself the event, a planned meeting (04) or a hypothetical attack (19) is not
    out[f"root_fact:{root}:{event.factuality}"] = 1.0
    out["type_confidence"] = float(event.confidence)
    _actor("src", event.source, out)
    _actor("tgt", event.target, out)
    if event.source and event.target and event.source.country and event.source.country == event.target.country:
        out["same_country"] = 1.0
    if event.historical:
        out["historical"] = 1.0
    span = doc.char_span(event.sentence_start, event.sentence_end, alignment_mode="expand")
    words = [t for t in span] if span is not None else []
    if any(t.like_num or t.text == "%" for t in words):
        out["numbers"] = 1.0
    trig = doc.char_span(event.start, event.end, alignment_mode="expand")
    if trig is not None and len(trig):
        tok = trig.root
        out[f"pos:{tok.pos_ if tok.pos_ in ('VERB', 'NOUN') else 'other'}"] = 1.0
        before = doc_text(doc)[event.sentence_start : event.start]
        if sum(before.count(q) for q in QUOTES) % 2 == 1:
            out["inside_quote"] = 1.0
        if tok.dep_ in ("ROOT", "ccomp") and tok.head.i == tok.i:
            out["main_verb"] = 1.0
    out["lede"] = 1.0 if sentence_index < 3 else 0.0
    out["crowded"] = min(in_sentence, 6) / 6.0
    out["long_sentence"] = 1.0 if len(words) > 40 else 0.0
    return out


@dataclass(frozen=True)
class Detector:
    weights: Mapping[str, float]
    intercept: float
    threshold: float  # the emission threshold chosen on the dev half (best cross-validated F0.5)
    note: str = ""
    triggers: Mapping[str, Sequence[float]] = field(default_factory=dict)  # trigger|root -> (seen, real)
    base_rate: float = 0.15
    # the exports' default --min-confidence, chosen on the dev half for precision first
    export_threshold: float | None = None
    # the articles it was trained on: a retrained detector is compared with it on the others
    trained_on: Sequence[str] = ()

    def weighs(self, prefix: str) -> bool:
        """Whether any feature named with ``prefix`` has a weight (the article's genre is read
        only for a detector that weighs it)."""
        return any(name.startswith(prefix) for name in self.weights)

    @functools.cached_property
    def _reads_signals(self) -> bool:
        # the signals read the sentence's entities for every event: skipped where none has a weight
        return self.weighs("sig:")

    @property
    def export_min_confidence(self) -> float:
        return self.threshold if self.export_threshold is None else max(self.threshold, self.export_threshold)

    def score(
        self,
        event: Event,
        doc: Doc,
        sentence_index: int,
        in_sentence: int,
        article: Mapping[str, float] | None = None,
    ) -> float:
        prior = prior_feature(self.triggers.get(trigger_key(event)), self.base_rate)
        feats = features(event, doc, sentence_index, in_sentence, prior, article, with_signals=self._reads_signals)
        return self.probability(feats)

    def probability(self, feats: Mapping[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> str:
        return json.dumps(
            {
                "intercept": self.intercept,
                "threshold": self.threshold,
                "export_threshold": self.export_threshold,
                "note": self.note,
                "weights": dict(self.weights),
                # the trigger track record the weights were fitted with (``trigger_prior``):
                # without it every event would get the base rate's prior at run time
                "triggers": {k: list(v) for k, v in self.triggers.items()},
                "base_rate": self.base_rate,
                "trained_on": list(self.trained_on),
            },
            indent=1,
            sort_keys=True,
        )


@functools.lru_cache(maxsize=1)
def load_detector() -> Detector | None:
    """The shipped detector, or None when none is shipped (every coded event is then emitted)."""
    try:
        raw = resources.files("tidings.data.events").joinpath(DETECTOR_FILE).read_text("utf-8")
    except FileNotFoundError:
        return None
    data = json.loads(raw)
    return Detector(
        data["weights"],
        float(data["intercept"]),
        float(data["threshold"]),
        data.get("note", ""),
        data.get("triggers", {}),
        float(data.get("base_rate", 0.15)),
        None if data.get("export_threshold") is None else float(data["export_threshold"]),
        tuple(data.get("trained_on", ())),
    )
