"""Local parallelism: extraction and NLP in N worker processes, one writer (the caller).

Each worker loads the spaCy pipeline once (pool initializer) and processes whole batches
with :func:`tidings.run.batch.process_batch`. At most ``2 * N`` batches are in flight, so
memory stays flat however large the input; results come back in submission order, so the
ingest ledger advances exactly as in a one-process run and ``--resume`` works the same.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context

from tidings.config import Options
from tidings.extract.build import make_article
from tidings.records import Paragraph, RawDoc
from tidings.run.batch import Annotator, process_batch
from tidings.store.sqlite import BatchItem

# Per-worker-process state, set once by the pool initializer (each process has its own).
_worker: tuple[Options, object | None, str | None] | None = None


def _init_worker(options: Options, published: str | None) -> None:
    global _worker
    annotator = Annotator(options) if options.nlp.facts else None
    if annotator is not None:
        # load the model and every stage's tables now, not on the worker's first batch,
        # so that start-up overlaps across workers instead of counting against throughput
        text = "President Ana Lopez met Foreign Minister Li Wei in Vienna on Monday to discuss trade."
        annotator.annotate([make_article(source="warm-up", paragraphs=[Paragraph("paragraph", text)])])
    _worker = (options, annotator, published)


def _run_batch(raws: Sequence[RawDoc]) -> list[BatchItem]:
    assert _worker is not None, "worker not initialised"
    options, annotator, published = _worker
    assert annotator is None or isinstance(annotator, Annotator)
    return process_batch(raws, options, annotator, published=published)


def process_in_pool(
    batches: Iterable[list[RawDoc]], options: Options, workers: int, *, published: str | None = None
) -> Iterator[list[BatchItem]]:
    """Yield processed batches in input order, keeping at most 2*workers in flight."""
    # forkserver: workers start clean (no inherited sqlite handles or threads)
    ctx = get_context("forkserver")
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(options, published)) as pool:
        inflight: deque[Future[list[BatchItem]]] = deque()
        for batch in batches:
            inflight.append(pool.submit(_run_batch, batch))
            if len(inflight) >= 2 * workers:
                yield inflight.popleft().result()
        while inflight:
            yield inflight.popleft().result()
