"""Re-annotate stored articles whose facts were made by another stage version or spaCy model.

The store records, per article and fact kind, the stage (versioned name) and model that made
the facts (``annotations``). ``reannotate`` finds the articles where that differs from what this
installation would use, recomputes their facts in batches and replaces only the stale kinds, one
transaction per batch: a second run finds nothing to do, and a run cut short resumes where it
stopped.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from tidings.config import Options
from tidings.errors import UsageError
from tidings.run.batch import Annotator, batched
from tidings.store.sqlite import BatchItem, Store


@dataclass(slots=True)
class ReannotateReport:
    stale: int = 0  # articles found stale when the run started
    done: int = 0
    kinds: list[str] = field(default_factory=list)
    seconds: float = 0.0


def stale_articles(store: Store, made_by: dict[str, str], kinds: set[str]) -> list[str]:
    """Ids of articles whose stored facts of any of ``kinds`` were made by something else."""
    stale: set[str] = set()
    model = made_by.get("model")
    for kind in sorted(kinds):
        rows = store.conn.execute(
            "SELECT a.id FROM articles a LEFT JOIN annotations n ON n.article_id = a.id AND n.kind = ?"
            " WHERE n.stage IS NULL OR n.stage != ? OR n.model IS NULL OR n.model != ?",
            (kind, made_by[kind], model),
        )
        stale.update(r[0] for r in rows)
    return sorted(stale)


def reannotate(
    store: Store,
    options: Options,
    *,
    stage: str | None = None,
    annotator: Annotator | None = None,
    on_batch: Callable[[ReannotateReport], None] | None = None,
) -> ReannotateReport:
    """Recompute stale facts (only of ``stage``'s kinds when given: a stage name, its short name
    such as ``events``, or a fact kind)."""
    annotator = annotator or Annotator(options)
    made_by = annotator.provenance()
    kinds = {k for k in made_by if k != "model"}
    if stage:
        chosen = [s for s in annotator.stages if stage in (s.name, s.name.split(".")[1]) or stage in s.provides]
        if not chosen:
            names = ", ".join(s.name for s in annotator.stages)
            raise UsageError(f"no stage {stage!r}; stages: {names}", code="T221")
        kinds = {k for s in chosen for k in s.provides}
    report = ReannotateReport(kinds=sorted(kinds))
    started = time.monotonic()
    ids = stale_articles(store, made_by, kinds)
    report.stale = len(ids)
    store.begin_run("reannotate", options, made_by.get("model"))
    try:
        for chunk in batched(iter(ids), options.store.batch_size):
            articles = [a for a in (store.article(i) for i in chunk) if a is not None]
            items = []
            for article, done in zip(articles, annotator.annotate(articles), strict=True):
                items.append(
                    BatchItem("reannotate", article.id, article, done.facts, done.rejections, annotation=made_by)
                )
            store.write_reannotation(items, kinds)
            report.done += len(items)
            report.seconds = time.monotonic() - started
            if on_batch:
                on_batch(report)
    finally:
        store.end_run()
    report.seconds = time.monotonic() - started
    return report
