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
from contextlib import contextmanager
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
NLP_STAGE = "tidings.nlp.budget.v1"  # the stage named in fact_rejections when a budget skips NLP


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
            raise StageError(f"stage {stage.name} requires {missing}, provided by no earlier stage", code="T501")
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
        limit = self.options.nlp.max_chars
        # Oversized texts are never parsed: the size budget is checked before the costly part.
        docs = iter(self.parser.pipe(a.text for a in articles if len(a.text) <= limit))
        for article in articles:
            if len(article.text) > limit:
                detail = f"{len(article.text)} characters of text > nlp.max_chars {limit}; facts skipped"
                out.append(({}, [Rejected(NLP_STAGE, "too_large", detail, article.id)]))
            else:
                out.append(self.annotate_one(article, next(docs)))
        return out

    def annotate_one(self, article: Article, doc: Any) -> tuple[dict[str, Sequence[Any]], list[Rejected]]:
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
    with Store.open(db or options.store.db) as store, _make_fetcher(options) as fetcher:
        return ingest_items(
            read_inputs(paths, options.input),
            store,
            options,
            published=published,
            resume=resume,
            workers=workers,
            annotator=annotator,
            on_batch=on_batch,
            fetcher=fetcher,
        )


def ingest_items(
    items: Iterable[RawDoc | Rejected],
    store: Store,
    options: Options,
    *,
    published: str | None = None,
    resume: bool = False,
    workers: int = 1,
    annotator: Annotator | None = None,
    on_batch: ProgressHook | None = None,
    fetcher: Any = None,
) -> IngestReport:
    """Ingest already-read items (from files, feeds, a watch round) into ``store``."""
    report = IngestReport()
    started = time.monotonic()

    def reject(origin: str, raw_id: str, rejected: Rejected) -> None:
        store.write_batch([BatchItem(origin, raw_id, rejected)])
        report.rejected[rejected.code] += 1

    def expanded() -> Iterator[RawDoc]:
        """URLs fetched (a fetched feed becomes its items), teaser feed items fetched."""
        for raw in items:
            report.seen += 1
            if isinstance(raw, Rejected):
                reject(raw.source or "?", "", raw)
            elif resume and store.ledger_has(raw.origin, raw.id):
                report.skipped += 1
            elif raw.kind == "url" or raw.fields.get("needs_fetch"):
                yield from _fetched(raw, fetcher, reject)
            else:
                yield raw

    batches = batched(expanded(), options.store.batch_size)
    if workers > 1:
        from tidings.workers import process_in_pool

        results: Iterable[list[BatchItem]] = process_in_pool(batches, options, workers, published=published)
    else:
        if annotator is None and options.nlp.facts:
            annotator = Annotator(options)
        results = (process_batch(batch, options, annotator, published=published) for batch in batches)
    for batch_items in results:
        _write(store, batch_items, report)
        report.seconds = time.monotonic() - started
        if on_batch:
            on_batch(report)
    report.seconds = time.monotonic() - started
    return report


def _fetched(raw: RawDoc, fetcher: Any, reject: Callable[[str, str, Rejected], None]) -> Iterator[RawDoc]:
    """Fetch a URL (or a teaser feed item's link) with the one polite fetcher of this run."""
    url = raw.uri if raw.kind == "url" else str(raw.fields.get("url"))
    got = (
        fetcher.fetch(url)
        if fetcher is not None
        else Rejected("sources.web", "fetch_disabled", "fetching is off", raw.origin)
    )
    if isinstance(got, Rejected):
        if raw.kind == "record":  # the feed's own teaser text is what we have
            yield raw
        else:
            reject(raw.origin, raw.id, got)
        return
    if got.kind == "feed" and raw.kind == "record":  # an item linking to a feed: never recurse
        yield raw
        return
    if got.kind == "feed":
        from tidings.sources.feeds import read_feed

        for item in read_feed(got.data, uri=url, fetched_at=got.fetched_at):
            if isinstance(item, Rejected):
                reject(item.source or url, "", item)
            elif item.fields.get("needs_fetch"):
                yield from _fetched(item, fetcher, reject)
            else:
                yield item
        return
    # keep the asked-for origin and id: the ledger (resume) is keyed on what was asked
    yield replace(got, id=raw.id, origin=raw.origin, published=got.published or raw.fields.get("published"))


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


@contextmanager
def _make_fetcher(options: Options) -> Iterator[Any]:
    """The run's one polite fetcher (closed at the end), or None when fetching is off."""
    if not options.fetch.enabled:
        yield None
        return
    from tidings.sources.web import Fetcher

    with Fetcher(options.fetch) as fetcher:
        yield fetcher
