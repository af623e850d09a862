"""One batch, pure: extract each raw document, parse the articles with one ``nlp.pipe`` call,
run every fact stage on each (a failure in one stage on one article becomes a ``Rejected`` for
that stage and article only). No store, no network: the same function runs in this process, in
the process pool (:mod:`tidings.run.pool`) and in Dask tasks (:mod:`tidings.run.dask`).
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any, NamedTuple

from tidings.config import Options
from tidings.errors import StageError, UsageError
from tidings.extract import extract_raw
from tidings.extract.record import extract_record
from tidings.facts.base import FactContext, FactStage
from tidings.facts.registry import default_stages
from tidings.language import reads_english
from tidings.nlp import Parser
from tidings.records import FACT_KINDS, Article, RawDoc, Rejected
from tidings.store.sqlite import BatchItem

LOGGER = logging.getLogger(__name__)
NLP_STAGE = "tidings.nlp.budget.v1"  # the stage named in fact_rejections when a budget skips NLP
LANGUAGE_STAGE = "tidings.nlp.language.v1"  # ... when an article is not in English


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def check_stages(stages: Sequence[FactStage]) -> None:
    """Every stage's needs are provided by an earlier stage; every kind is known."""
    available: set[str] = set()
    for stage in stages:
        missing = [r for r in stage.requires if r not in available]
        if missing:
            raise StageError(f"stage {stage.name} requires {missing}, provided by no earlier stage", code="T501")
        unknown = [p for p in stage.provides if p not in FACT_KINDS]
        if unknown:
            raise StageError(f"stage {stage.name} provides unknown kinds {unknown}", code="T502")
        available.update(stage.provides)


class Annotation(NamedTuple):
    """One article's facts by kind, the stages that failed on it, and the exceptions stages
    recovered from inside it (by "stage: Type")."""

    facts: dict[str, Sequence[Any]]
    rejections: list[Rejected]
    recovered: Counter[str]


class Annotator:
    """Owns the parser and the fact stages; annotates batches of articles."""

    def __init__(self, options: Options, stages: Sequence[FactStage] | None = None) -> None:
        self.options = options
        self.stages = list(default_stages(options) if stages is None else stages)
        check_stages(self.stages)
        self.parser = Parser(
            options.nlp.model, batch_size=options.nlp.batch_size, max_chunk_chars=options.nlp.max_chunk_chars
        )

    def provenance(self) -> dict[str, str]:
        """What this annotator makes facts with: ``{"model": ..., kind: stage name}`` (stored per
        article; a different model or stage version is what `tidings reannotate` recomputes)."""
        out = {"model": self.parser.version}
        for stage in self.stages:
            out.update({kind: stage.name for kind in stage.provides})
        return out

    def annotate(self, articles: Sequence[Article]) -> list[Annotation]:
        out: list[Annotation] = []
        if not self.stages:
            return [Annotation({}, [], Counter()) for _ in articles]
        # Oversized and non-English texts are never parsed: checked before the costly part.
        skips = [self._skip(article) for article in articles]
        docs = iter(self.parser.pipe(a.text for a, skip in zip(articles, skips, strict=True) if skip is None))
        for article, skip in zip(articles, skips, strict=True):
            if skip is not None:
                out.append(Annotation({}, [skip], Counter()))
            else:
                out.append(self.annotate_one(article, next(docs)))
        return out

    def _skip(self, article: Article) -> Rejected | None:
        """Why the fact stages must not read this article at all, or None."""
        limit = self.options.nlp.max_chars
        if len(article.text) > limit:
            detail = f"{len(article.text)} characters of text > nlp.max_chars {limit}; facts skipped"
            return Rejected(NLP_STAGE, "too_large", detail, article.id)
        if not reads_english(article.language):
            # the stages are English rules over an English model: on other languages they
            # invent events ("die" read as a verb) and actors, so they do not run at all
            how = (article.extras.get("language") or {}).get("source", "text")
            detail = f"language {article.language} (from the {how}); the fact stages read English only"
            return Rejected(LANGUAGE_STAGE, "unsupported_language", detail, article.id)
        return None

    def annotate_one(self, article: Article, doc: Any) -> Annotation:
        ctx = FactContext(article=article, doc=doc, published=parse_date(article.published))
        rejections: list[Rejected] = []
        started = time.monotonic()
        for stage in self.stages:
            if any(r not in ctx.found for r in stage.requires):
                rejections.append(Rejected(stage.name, "internal", "an earlier stage it needs failed", article.id))
                continue
            if time.monotonic() - started > self.options.nlp.time_budget:
                rejections.append(Rejected(stage.name, "timeout", "NLP time budget exceeded", article.id))
                continue
            try:
                produced = stage(ctx)
            except Exception as exc:  # the per-item boundary: one bad article never stops a run
                LOGGER.exception("stage %s failed on %s", stage.name, article.id)
                rejections.append(Rejected(stage.name, "internal", f"{type(exc).__name__}: {exc}", article.id))
                continue
            for kind in stage.provides:
                ctx.found[kind] = tuple(produced.get(kind, ()))
        return Annotation(dict(ctx.found), rejections, ctx.recovered)


def process_batch(
    raws: Sequence[RawDoc],
    options: Options,
    annotator: Annotator | None,
    *,
    published: str | None = None,
) -> list[BatchItem]:
    """Extract and annotate one batch. Pure: no store, no network."""
    items: list[BatchItem] = []
    for raw in raws:
        try:
            result = extract_raw(raw, options, published=published)
        except Exception as exc:  # per-item boundary
            LOGGER.exception("extraction failed on %s", raw.origin)
            result = Rejected("extract", "internal", f"{type(exc).__name__}: {exc}", raw.origin)
        items.append(BatchItem(raw.origin, raw.id, result))
    if annotator is not None and options.nlp.facts:
        stored = [(i, i.result) for i in items if isinstance(i.result, Article)]
        annotated = annotator.annotate([article for _, article in stored])
        made_by = annotator.provenance() if stored else {}
        for (item, _), done in zip(stored, annotated, strict=True):
            item.facts, item.fact_rejections, item.recovered = done.facts, done.rejections, done.recovered
            item.annotation = made_by
    return items


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def annotate(
    item: str | Article,
    *,
    published: str | None = None,
    options: Options | None = None,
    annotator: Annotator | None = None,
) -> dict[str, Sequence[Any]]:
    """Facts of one text or Article, with no store: ``{kind: records}`` (entities, times, places,
    quotes, events, issues). A text is read as a record's body (paragraphs at blank lines). Pass
    an ``annotator`` to reuse a loaded model across calls."""
    options = options or Options()
    if isinstance(item, str):
        built = extract_record({"text": item, "published": published}, source="annotate", min_chars=1)
        if isinstance(built, Rejected):
            raise UsageError(f"cannot annotate this text: {built.code}: {built.detail}", code="T220")
        item = built
    annotator = annotator or Annotator(options)
    done = annotator.annotate([item])[0]
    unsupported = [r for r in done.rejections if r.code == "unsupported_language"]
    if unsupported:
        raise UsageError(f"cannot annotate this text: {unsupported[0].detail}", code="T222")
    if done.rejections:
        failed = "; ".join(f"{r.stage}: {r.code} {r.detail}" for r in done.rejections)
        raise StageError(f"annotation failed: {failed}", code="T503")
    return done.facts
