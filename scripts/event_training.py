"""Training data and fitting for :mod:`tidings.facts.events.model` (dev tooling).

Used by ``scripts/train_event_model.py`` (the shipped model, all training data) and by
``bench/events.py`` (5-fold cross-validation: each gold sentence is scored by a model
that never saw it). Reads the development data in ``shared/data/events`` given as a
path; nothing here runs inside the pipeline.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from tidings.facts.base import FactContext
from tidings.facts.events.candidates import Candidate, depth, select_main
from tidings.facts.events.factuality import assess
from tidings.facts.events.lexicon import NO_EVENT, LexiconMatch, load_lexicon
from tidings.facts.events.model import (
    DIM,
    PENTA_OF_TYPE,
    STATEMENT,
    TYPE_LABELS,
    candidate_features,
    event_features,
    type_of_code,
)
from tidings.ontology.codebook import load_codebook

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from tidings.nlp import Parser

FOLDS = 5
# The cross-validation twins of the shipped model, frozen when it is trained (bench/events.py reads them)
FOLDS_FILE = Path(__file__).resolve().parents[1] / "bench" / "models" / "event_type_folds.npz"
SILVER_FILE = "silver/gpt_synthetic_events_2023-10-19_19.csv.zip"
_FIRST_SENT = re.compile(r"^(.{20,400}?[.!?])\s", re.S)


@dataclass
class Example:
    id: str
    corpus: str  # plover | petr2 | penta | silver
    text: str
    type_label: str | None = None
    penta: int | None = None
    weight: float = 1.0
    gold: dict[str, Any] = field(default_factory=dict)
    date: str | None = None  # the story's date (ISO), the anchor for office holders and times
    feats: list[str] = field(default_factory=list)
    main: Candidate | None = None
    trigger: Token | None = None
    lex: LexiconMatch | None = None
    base_main: Candidate | None = None  # the baseline's main candidate and its dictionary-only code
    base_lex: LexiconMatch | None = None

    @property
    def fold(self) -> int:
        return zlib.crc32(self.id.encode("utf-8")) % FOLDS


def load_gold(events_dir: Path) -> list[Example]:
    out: list[Example] = []
    gold = events_dir / "gold"
    for line in (gold / "plover_gsr_cameo.dev.jsonl").read_text("utf-8").splitlines():
        rec = json.loads(line)
        # the CAMEO-manual sentences are turn-of-century news; their 2000-01-01 date is a placeholder
        out.append(
            Example(
                rec["id"], "plover", rec["text"], rec["event"], PENTA_OF_TYPE[rec["event"]], gold=rec, date="2000-01-01"
            )
        )
    for line in (gold / "petr2_gsr_validation.dev.jsonl").read_text("utf-8").splitlines():
        rec = json.loads(line)
        label = type_of_code(rec["events"][0]["cameo_code"]) if rec["events"] else None
        penta = load_codebook().penta_class(rec["events"][0]["cameo_code"]) if rec["events"] else None
        day = rec.get("date") or ""
        date = f"{day[:4]}-{day[4:6]}-{day[6:8]}" if len(day) == 8 and day.isdigit() else None
        out.append(Example(rec["id"], "petr2", rec["text"], label, penta, gold=rec, date=date))
    with (gold / "conflibert_cameo_pentaclass.train.tsv").open(encoding="utf-8") as fh:
        for n, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)):
            if len(row) >= 2 and row[1].strip().isdigit():
                out.append(Example(f"penta-{n}", "penta", row[0], None, int(row[1]), gold={"penta": int(row[1])}))
    return out


def load_silver(events_dir: Path, weight: float = 0.5) -> list[Example]:
    """NGEC synthetic stories: the first sentence with the story's PLOVER label."""
    out: list[Example] = []
    with zipfile.ZipFile(events_dir / SILVER_FILE) as zf:
        name = zf.namelist()[0]
        rows = csv.DictReader(io.TextIOWrapper(zf.open(name), "utf-8"))
        for n, row in enumerate(rows):
            label = row["label"].strip().upper()
            if label not in PENTA_OF_TYPE:
                continue
            m = _FIRST_SENT.match(row["text"].strip() + " ")
            text = m.group(1) if m else row["text"][:300]
            out.append(Example(f"silver-{n}", "silver", text, label, PENTA_OF_TYPE[label], weight))
    return out


def featurise(examples: Sequence[Example], parser: Parser) -> None:
    """Candidates and features of each example, found exactly as the pipeline finds them:
    the example becomes a one-paragraph article, the entity, time and place stages run on
    its parse, and the event stage's candidate finder reads their output."""
    from tidings.facts.events.stage import sentence_candidates

    contexts = list(annotate(examples, parser))
    for ex, ctx in zip(examples, contexts, strict=True):
        doc = ctx.doc
        sent = doc[:]
        cands = sentence_candidates(ctx, sent)
        main = select_main(cands)
        trigger, lex = _main_trigger(doc, main)
        ex.main, ex.trigger, ex.lex = main, trigger, lex
        ex.base_main, ex.base_lex = dictionary_main(cands)
        fact = assess(trigger).value if trigger is not None else None
        ex.feats = candidate_features(main, fact) if main is not None else event_features(sent, trigger, lex, fact)


def annotate(examples: Sequence[Example], parser: Parser) -> Iterable[FactContext]:
    """A :class:`FactContext` per example with the entity, time and place stages run."""
    from tidings.extract.build import make_article
    from tidings.facts.entities.stage import EntityStage
    from tidings.facts.places.stage import PlaceStage
    from tidings.facts.times.stage import TimeStage
    from tidings.records import Paragraph

    stages = (EntityStage(), TimeStage(), PlaceStage())
    articles = [
        make_article(source=ex.id, paragraphs=[Paragraph("paragraph", ex.text.strip() or ex.text)], published=ex.date)
        for ex in examples
    ]
    for ex, article, doc in zip(examples, articles, parser.pipe(a.text for a in articles), strict=True):
        published = dt.date.fromisoformat(ex.date) if ex.date else None
        ctx = FactContext(article, doc, published)
        for stage in stages:
            ctx.found.update(stage(ctx))
        yield ctx


def _dictionary_only(trigger: Token | None) -> LexiconMatch | None:
    if trigger is None:
        return None
    found = load_lexicon().match(trigger, refine=False)
    return None if found is None or found.code == NO_EVENT else found


def dictionary_main(cands: Sequence[Candidate]) -> tuple[Candidate | None, LexiconMatch | None]:
    """The dictionary baseline's reading of a sentence ("PETRARCH-lite"): the candidate
    nearest the root that the PETRARCH-2 dictionary alone codes, with that code; none of
    our own rules, framing or model."""
    coded = [(c, _dictionary_only(c.trigger)) for c in cands]
    known = [(c, m) for c, m in coded if m is not None]
    if not known:
        return None, None
    return min(known, key=lambda cm: (depth(cm[0].trigger), cm[0].trigger.i))


def _main_trigger(doc: Doc, main: Candidate | None) -> tuple[Token | None, LexiconMatch | None]:
    if main is not None:
        return main.trigger, main.lexicon
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if not roots:
        return None, None
    root = roots[0]
    return root, load_lexicon().match(root)


def _matrix(examples: Sequence[Example]) -> Any:
    from scipy.sparse import csr_matrix  # type: ignore[import-untyped]

    from tidings.facts.events.model import vectorise

    rows, cols, vals = [], [], []
    for i, ex in enumerate(examples):
        idx, v = vectorise(ex.feats)
        rows.extend([i] * len(idx))
        cols.extend(idx.tolist())
        vals.extend(v.tolist())
    return csr_matrix((vals, (rows, cols)), shape=(len(examples), DIM), dtype=np.float32)


def _fit_head(examples: Sequence[Example], labels: Sequence[Any], classes: Sequence[Any], c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=300, class_weight="balanced")
    x = _matrix(examples)
    model.fit(x, np.asarray([classes.index(y) for y in labels]), sample_weight=[ex.weight for ex in examples])
    w = np.zeros((DIM, len(classes)), dtype=np.float32)
    b = np.full(len(classes), -20.0, dtype=np.float32)  # classes absent from training: never predicted
    for j, cls in enumerate(model.classes_):
        w[:, int(cls)] = model.coef_[j] if len(model.classes_) > 2 else (model.coef_[0] if j else -model.coef_[0])
        b[int(cls)] = model.intercept_[j] if len(model.classes_) > 2 else 0.0
    return w, b


MODEL_KEYS = ("w_type", "b_type", "w_penta", "b_penta", "labels")


def fit(examples: Iterable[Example], c_type: float = 4.0, c_penta: float = 16.0) -> dict[str, np.ndarray]:
    """Arrays of an :class:`~tidings.facts.events.model.EventTypeModel`."""
    train = [ex for ex in examples if ex.feats]
    typed = [ex for ex in train if ex.type_label is not None]
    # penta head on gold only: in 5-fold CV silver stories lowered PentaClass macro-F1 (0.886 -> 0.834)
    pented = [ex for ex in train if ex.penta is not None and ex.corpus != "silver"]
    w_type, b_type = _fit_head(typed, [ex.type_label for ex in typed], list(TYPE_LABELS), c_type)
    w_penta, b_penta = _fit_head(pented, [ex.penta for ex in pented], [0, 1, 2, 3, 4], c_penta)
    return {
        "w_type": w_type.astype(np.float16), "b_type": b_type, "w_penta": w_penta.astype(np.float16),
        "b_penta": b_penta, "labels": np.asarray(TYPE_LABELS),
    }  # fmt: skip


def fit_folds(gold: Sequence[Example], silver: Sequence[Example], exclude: Iterable[str] = ()) -> list[dict[str, Any]]:
    """One model per fold, trained as the shipped one is but without that fold's gold sentences."""
    left_out = set(exclude)
    return [
        fit([ex for ex in gold if ex.fold != fold and ex.corpus not in left_out] + list(silver))
        for fold in range(FOLDS)
    ]


def feature_print(ex: Example) -> int:
    """A short fingerprint of an example's features: tells whether a rule changed them since training."""
    return zlib.crc32("\x1f".join(sorted(ex.feats)).encode("utf-8"))


def save_folds(path: Path, folds: Sequence[dict[str, Any]], trained_on: Sequence[Example]) -> None:
    """The fold models in one file, with the feature fingerprint of every gold sentence they saw."""
    arrays: dict[str, Any] = {f"f{n}_{key}": value for n, model in enumerate(folds) for key, value in model.items()}
    gold = [ex for ex in trained_on if ex.corpus != "silver"]
    arrays["ids"] = np.asarray([ex.id for ex in gold])
    arrays["prints"] = np.asarray([feature_print(ex) for ex in gold], dtype=np.uint32)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **arrays)


def load_folds(path: Path) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The frozen fold models and the gold fingerprints they were trained with."""
    with np.load(path, allow_pickle=False) as data:
        folds = [{key: data[f"f{n}_{key}"] for key in MODEL_KEYS} for n in range(FOLDS)]
        prints = {str(i): int(p) for i, p in zip(data["ids"], data["prints"], strict=True)}
    return folds, prints


__all__ = [
    "FOLDS",
    "FOLDS_FILE",
    "STATEMENT",
    "Example",
    "feature_print",
    "featurise",
    "fit",
    "fit_folds",
    "load_folds",
    "load_gold",
    "load_silver",
    "save_folds",
]
