"""The runner: sources -> extract -> one spaCy parse per article -> fact stages -> store.

Items are processed in batches. Each batch is extracted, parsed with one ``nlp.pipe``
call, annotated by every fact stage (a failure in one stage on one article becomes a
``Rejected`` for that stage and article only), and written in one transaction together
with the ingest-ledger rows, so ``--resume`` after a crash neither loses nor duplicates.
:func:`process_batch` is pure (no store), so it can run in worker processes or on Dask.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from tidings.config import Options
from tidings.errors import StageError
from tidings.extract import extract_raw
from tidings.facts.base import FactContext, FactStage
from tidings.records import FACT_KINDS, Article, RawDoc, Rejected
from tidings.sources.files import read_inputs
from tidings.store.sqlite import BatchItem, Store

LOGGER = logging.getLogger(__name__)


@dataclass(slots=True)
class IngestReport:
    seen: int = 0
    stored: int = 0
    skipped: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    facts: Counter[str] = field(default_factory=Counter)
    words: int = 0
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        return 1 if self.rejected else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "seen": self.seen,
            "stored": self.stored,
            "skipped": self.skipped,
            "rejected": dict(self.rejected),
            "facts": dict(self.facts),
            "words": self.words,
            "seconds": round(self.seconds, 3),
        }


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
            raise StageError(
                f"stage {stage.name} requires {missing}, provided by no earlier stage", code="T501"
            )
        unknown = [p for p in stage.provides if p not in FACT_KINDS]
        if unknown:
            raise StageError(f"stage {stage.name} provides unknown kinds {unknown}", code="T502")
        available.update(stage.provides)


class Annotator:
    """Owns the parser and the fact stages; annotates batches of articles."""

    def __init__(self, options: Options, stages: Sequence[FactStage] | None = None) -> None:
        from tidings.facts.registry import default_stages
        from tidings.nlp import Parser

        self.options = options
        self.stages = list(default_stages() if stages is None else stages)
        check_stages(self.stages)
        self.parser = Parser(
            options.nlp.model, batch_size=options.nlp.batch_size, max_chunk_chars=options.nlp.max_chunk_chars
        )

    def annotate(self, articles: Sequence[Article]) -> list[tuple[dict[str, Sequence[Any]], list[Rejected]]]:
        out: list[tuple[dict[str, Sequence[Any]], list[Rejected]]] = []
        if not self.stages:
            return [({}, []) for _ in articles]
        docs = self.parser.pipe(a.text for a in articles)
        for article, doc in zip(articles, docs, strict=True):
            out.append(self.annotate_one(article, doc))
        return out

    def annotate_one(self, article: Article, doc: Any) -> tuple[dict[str, Sequence[Any]], list[Rejected]]:
        ctx = FactContext(article=article, doc=doc, published=parse_date(article.published))
        rejections: list[Rejected] = []
        started = time.monotonic()
        for stage in self.stages:
            if any(r not in ctx.found for r in stage.requires):
                rejections.append(
                    Rejected(stage.name, "internal", "an earlier stage it needs failed", article.id)
                )
                continue
            if time.monotonic() - started > self.options.nlp.time_budget:
                rejections.append(Rejected(stage.name, "timeout", "NLP time budget exceeded", article.id))
                continue
            try:
                produced = stage(ctx)
            except Exception as exc:  # the per-item boundary: one bad article never stops a run
                LOGGER.exception("stage %s failed on %s", stage.name, article.id)
                rejections.append(
                    Rejected(stage.name, "internal", f"{type(exc).__name__}: {exc}", article.id)
                )
                continue
            for kind in stage.provides:
                ctx.found[kind] = tuple(produced.get(kind, ()))
        return dict(ctx.found), rejections


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
        for (item, _), (facts, rejections) in zip(stored, annotated, strict=True):
            item.facts, item.fact_rejections = facts, rejections
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


ProgressHook = Callable[[IngestReport], None]


def ingest(
    paths: Iterable[str],
    *,
    db: str | None = None,
    published: str | None = None,
    options: Options | None = None,
    resume: bool = False,
    workers: int = 1,
    annotator: Annotator | None = None,
    on_batch: ProgressHook | None = None,
) -> IngestReport:
    """Ingest files/dirs/globs/URLs into the store at ``db``; returns counts by outcome.

    ``workers > 1`` runs extraction and NLP in that many processes; this process stays the
    only writer.
    """
    options = options or Options()
    report = IngestReport()
    started = time.monotonic()
    fetcher = _make_fetcher(options)
    with Store.open(db or options.store.db) as store:

        def pending_batches() -> Iterator[list[RawDoc]]:
            """Inputs not yet stored, in batches; input-level rejections written at once."""
            pending: list[RawDoc] = []
            for raw in read_inputs(paths, options.input):
                report.seen += 1
                if isinstance(raw, Rejected):
                    store.write_batch([BatchItem(raw.source or "?", "", raw)])
                    report.rejected[raw.code] += 1
                    continue
                if resume and store.ledger_has(raw.origin, raw.id):
                    report.skipped += 1
                    continue
                if raw.kind == "url":  # fetched here: per-host politeness needs one fetcher
                    fetched = (
                        fetcher(raw)
                        if fetcher
                        else Rejected("sources.web", "fetch_disabled", "fetching is off", raw.origin)
                    )
                    if isinstance(fetched, Rejected):
                        store.write_batch([BatchItem(raw.origin, raw.id, fetched)])
                        report.rejected[fetched.code] += 1
                        continue
                    # keep the URL's origin and id: the ledger (resume) is keyed on what was asked
                    raw = replace(fetched, id=raw.id, origin=raw.origin)
                pending.append(raw)
                if len(pending) >= options.store.batch_size:
                    yield pending
                    pending = []
            if pending:
                yield pending

        if workers > 1:
            from tidings.workers import process_in_pool

            results = process_in_pool(pending_batches(), options, workers, published=published)
        else:
            if annotator is None and options.nlp.facts:
                annotator = Annotator(options)
            results = (
                process_batch(batch, options, annotator, published=published) for batch in pending_batches()
            )
        for items in results:
            _write(store, items, report)
            report.seconds = time.monotonic() - started
            if on_batch:
                on_batch(report)
    report.seconds = time.monotonic() - started
    return report


def _write(store: Store, items: list[BatchItem], report: IngestReport) -> None:
    store.write_batch(items)
    for item in items:
        if isinstance(item.result, Article):
            report.stored += 1
            report.words += len(item.result.text.split())
            for kind, records in item.facts.items():
                report.facts[kind] += len(records)
        else:
            report.rejected[item.result.code] += 1


def _make_fetcher(options: Options) -> Callable[[RawDoc], RawDoc | Rejected] | None:
    if not options.fetch.enabled:
        return None
    try:
        from tidings.sources.web import Fetcher
    except ImportError:
        return None
    fetcher = Fetcher(options.fetch)

    def fetch(raw: RawDoc) -> RawDoc | Rejected:
        result: RawDoc | Rejected = fetcher.fetch(raw.uri)
        return result

    return fetch
