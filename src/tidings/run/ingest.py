"""ingest(): sources -> batches -> an engine -> the store.

Items are read, batched and processed by :func:`tidings.run.batch.process_batch` (in this
process, or in the process pool for ``workers > 1``); each processed batch is written in one
transaction together with the ingest-ledger rows, so ``--resume`` after a crash neither loses
nor duplicates.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from tidings.config import Options
from tidings.nlp import resolve_model_name
from tidings.records import Article, RawDoc, Rejected
from tidings.run.batch import Annotator, batched, process_batch
from tidings.run.pool import process_in_pool
from tidings.sources.feeds import read_feed
from tidings.sources.files import read_inputs
from tidings.sources.web import Fetcher
from tidings.store.sqlite import BatchItem, Store


@dataclass(slots=True)
class IngestReport:
    seen: int = 0
    stored: int = 0
    skipped: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    facts: Counter[str] = field(default_factory=Counter)
    recovered: Counter[str] = field(default_factory=Counter)  # by "stage: ExceptionType"
    # stored articles whose facts (some or all) were skipped, by code: unsupported_language,
    # too_large, timeout, internal (one per article and stage)
    facts_skipped: Counter[str] = field(default_factory=Counter)
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
            "recovered": dict(self.recovered),
            "facts_skipped": dict(self.facts_skipped),
            "words": self.words,
            "seconds": round(self.seconds, 3),
        }


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
    command: str = "ingest",
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

    store.begin_run(command, options, resolve_model_name(options.nlp.model) if options.nlp.facts else None)
    batches = batched(expanded(), options.store.batch_size)
    if workers > 1:
        results: Iterable[list[BatchItem]] = process_in_pool(batches, options, workers, published=published)
    else:
        if annotator is None and options.nlp.facts:
            annotator = Annotator(options)
        results = (process_batch(batch, options, annotator, published=published) for batch in batches)
    try:
        for batch_items in results:
            _write(store, batch_items, report)
            report.seconds = time.monotonic() - started
            if on_batch:
                on_batch(report)
    finally:
        store.end_run()  # also after a failure: the actor table must match what was stored
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
            report.recovered.update(item.recovered)
            report.facts_skipped.update(r.code for r in item.fact_rejections)
        else:
            report.rejected[item.result.code] += 1


@contextmanager
def _make_fetcher(options: Options) -> Iterator[Any]:
    """The run's one polite fetcher (closed at the end), or None when fetching is off."""
    if not options.fetch.enabled:
        yield None
        return
    with Fetcher(options.fetch) as fetcher:
        yield fetcher
