"""The distributed path: Dask tasks over batches of documents -> Parquet partitions -> merge.

The inputs are read where ``run_dask`` runs (cheap: bytes, no extraction) and cut into batches;
each batch is one task, so the work spreads evenly over the workers whatever the input files
look like (one big JSONL or many pages). A task runs the same
:func:`tidings.run.batch.process_batch` as the local path and writes three Parquet files
(articles, facts, ledger) named by the hash of its inputs and of the options, so re-running
rewrites the same files and never duplicates rows. :func:`merge` upserts partitions into SQLite
through the same ``Store.write_batch`` as a local ingest, so both paths produce the same rows.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, cast

from tidings.config import Options
from tidings.extract.build import make_article
from tidings.ids import digest
from tidings.records import FACT_KINDS, Article, Paragraph, RawDoc, Rejected, from_plain, to_plain
from tidings.run.batch import Annotator, batched, process_batch
from tidings.sources.files import read_inputs
from tidings.store.sqlite import BatchItem, Store

TABLES = ("articles", "facts", "ledger")
# Documents per task: small enough that the last tasks of a run finish close together on every
# worker (a task is a few seconds of NLP), large enough that scheduling costs nothing.
TASK_DOCS = 8
# Worker-process cache of loaded annotators, keyed by the options that shape them.
_annotators: dict[str, Any] = {}


def batch_key(raws: Sequence[RawDoc], options: Options, published: str | None) -> str:
    """The partition name of a batch: its inputs' origins and content ids, and the options."""
    settings = json.dumps(to_plain(options), sort_keys=True) + (published or "")
    return digest(*(f"{r.origin}|{r.id}" for r in raws), settings, length=24)


def _annotator(options: Options) -> Annotator:
    key = json.dumps(to_plain(options.nlp), sort_keys=True)
    if key not in _annotators:
        _annotators[key] = Annotator(options)
    return cast(Annotator, _annotators[key])


def warm_worker(options: Options) -> bool:
    """Load the model and every stage's tables in this worker before its first task (run on
    every worker at once, so start-up overlaps instead of delaying the first batches)."""
    if options.nlp.facts:
        text = "President Ana Lopez met Foreign Minister Li Wei in Vienna on Monday to discuss trade."
        _annotator(options).annotate([make_article(source="warm-up", paragraphs=[Paragraph("paragraph", text)])])
    return True


def run_batch(raws: Sequence[RawDoc], out_dir: str, options: Options, published: str | None = None) -> dict[str, Any]:
    """One Dask task: process a batch (the same function as the local path) and write its partitions."""
    key = batch_key(raws, options, published)
    annotator = _annotator(options) if options.nlp.facts else None
    items = process_batch(raws, options, annotator, published=published)
    write_partitions(items, Path(out_dir), key)
    return {"key": key, "items": len(items)}


def write_partitions(items: Sequence[BatchItem], out_dir: Path, key: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for item in items:
        r = item.result
        ledger = {
            "origin": item.origin,
            "raw_id": item.raw_id,
            "article_id": None,
            "stage": None,
            "code": None,
            "detail": None,
            "status": "stored" if isinstance(r, Article) else "rejected",
        }
        if isinstance(r, Article):
            ledger["article_id"] = r.id
            rows["articles"].append({"id": r.id, "data": json.dumps(r.to_dict(), ensure_ascii=False)})
            for kind, records in item.facts.items():
                rows["facts"] += [
                    {
                        "id": f.id,
                        "article_id": r.id,
                        "kind": kind,
                        "start": f.start,
                        "end": f.end,
                        "stage": f.stage,
                        "data": json.dumps(to_plain(f), ensure_ascii=False),
                    }
                    for f in records
                ]
            if item.annotation:
                rows["facts"].append(
                    {"id": f"m{digest(r.id)}", "article_id": r.id, "kind": "_annotation", "start": 0, "end": 0,
                     "stage": "", "data": json.dumps(dict(item.annotation))}
                )  # fmt: skip
            rows["facts"] += [
                {
                    "id": f"x{digest(r.id, rej.stage)}",
                    "article_id": r.id,
                    "kind": "_rejection",
                    "start": 0,
                    "end": 0,
                    "stage": rej.stage,
                    "data": json.dumps(rej.to_dict()),
                }
                for rej in item.fact_rejections
            ]
        else:
            ledger.update(stage=r.stage, code=r.code, detail=r.detail)
        rows["ledger"].append(ledger)
    schemas = {
        "articles": pa.schema([("id", pa.string()), ("data", pa.string())]),
        "facts": pa.schema(
            [
                ("id", pa.string()),
                ("article_id", pa.string()),
                ("kind", pa.string()),
                ("start", pa.int64()),
                ("end", pa.int64()),
                ("stage", pa.string()),
                ("data", pa.string()),
            ]
        ),
        "ledger": pa.schema(
            [(c, pa.string()) for c in ("origin", "raw_id", "article_id", "stage", "code", "detail", "status")]
        ),
    }
    for table in TABLES:
        target = out_dir / table / f"part-{key}.parquet"
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        pq.write_table(pa.Table.from_pylist(rows[table], schema=schemas[table]), tmp)
        tmp.replace(target)  # atomic: a re-run rewrites the same file


def run_dask(
    inputs: Iterable[str],
    out_dir: str,
    options: Options,
    *,
    scheduler: str | None = None,
    published: str | None = None,
    client: Any = None,
    on_result: Callable[[dict[str, Any]], None] | None = None,
) -> list[dict[str, Any]]:
    """Read the inputs here, submit one task per batch of at most ``TASK_DOCS`` documents to a Dask
    cluster (``scheduler`` address or a client), at most four per worker in flight, and
    return each task's partition key and count. Inputs that cannot be read are written as their
    own partition of rejections."""
    from distributed import Client, wait

    own = client is None
    client = client or Client(scheduler)  # type: ignore[no-untyped-call]
    results: list[dict[str, Any]] = []

    def finished(result: dict[str, Any]) -> None:
        results.append(result)
        if on_result is not None:  # e.g. merge it into the store while other tasks run
            on_result(result)

    try:
        client.run(warm_worker, options)
        window = 4 * max(1, len(client.scheduler_info().get("workers", {})))
        rejected: list[BatchItem] = []
        inflight: list[Any] = []
        for batch in batched(read_inputs(inputs, options.input), min(options.store.batch_size, TASK_DOCS)):
            rejected += [BatchItem(r.source or "?", "", r) for r in batch if isinstance(r, Rejected)]
            raws = [r for r in batch if not isinstance(r, Rejected)]
            if raws:
                inflight.append(client.submit(run_batch, raws, out_dir, options, published, pure=False))
            if len(inflight) >= window:
                done, pending = wait(inflight, return_when="FIRST_COMPLETED")  # type: ignore[no-untyped-call]
                for f in done:
                    finished(f.result())
                inflight = list(pending)
        for result in client.gather(inflight):
            finished(result)
        if rejected:
            key = digest("rejected", *(f"{i.origin}|{i.raw_id}" for i in rejected), length=24)
            write_partitions(rejected, Path(out_dir), key)
            finished({"key": key, "items": len(rejected)})
        return results
    finally:
        if own:
            client.close()


def read_partitions(out_dir: Path, keys: Iterable[str] | None = None) -> Iterator[BatchItem]:
    """Rebuild BatchItems from the partitions (every one, or those of ``keys``): articles with
    their facts, what made them, and rejections."""
    import pyarrow.parquet as pq

    parts = (
        sorted((out_dir / "ledger").glob("part-*.parquet"))
        if keys is None
        else [out_dir / "ledger" / f"part-{k}.parquet" for k in keys]
    )
    for part in parts:
        key = part.name
        ledger = pq.read_table(part).to_pylist()
        articles = {
            r["id"]: Article.from_dict(json.loads(r["data"]))
            for r in pq.read_table(out_dir / "articles" / key).to_pylist()
        }
        facts: dict[str, dict[str, list[Any]]] = {}
        fact_rejections: dict[str, list[Rejected]] = {}
        annotations: dict[str, dict[str, str]] = {}
        for f in pq.read_table(out_dir / "facts" / key).to_pylist():
            data = json.loads(f["data"])
            if f["kind"] == "_annotation":
                annotations[f["article_id"]] = data
            elif f["kind"] == "_rejection":
                fact_rejections.setdefault(f["article_id"], []).append(Rejected(**data))
            else:
                facts.setdefault(f["article_id"], {}).setdefault(f["kind"], []).append(_record(f["kind"], data))
        for row in ledger:
            if row["status"] == "stored":
                aid = row["article_id"]
                yield BatchItem(
                    row["origin"],
                    row["raw_id"],
                    articles[aid],
                    facts.get(aid, {}),
                    fact_rejections.get(aid, []),
                    annotation=annotations.get(aid, {}),
                )
            else:
                yield BatchItem(
                    row["origin"],
                    row["raw_id"],
                    Rejected(row["stage"], row["code"], row["detail"], row["origin"]),
                )


def _record(kind: str, data: dict[str, Any]) -> Any:
    if kind not in FACT_KINDS:
        raise ValueError(f"unknown fact kind {kind}")
    return from_plain(FACT_KINDS[kind], data)


def merge(out_dir: str | Path, db: str, batch_size: int = 256) -> int:
    """Upsert every partition under ``out_dir`` into the SQLite store; idempotent."""
    with Store.open(db) as store:
        store.begin_run("merge", Options(), None)
        try:
            return merge_into(store, Path(out_dir), None, batch_size)
        finally:
            store.end_run()


def merge_into(store: Store, out_dir: Path, keys: Iterable[str] | None, batch_size: int = 256) -> int:
    """Write the partitions of ``keys`` (every one when None) through ``Store.write_batch``."""
    n = 0
    for batch in batched(read_partitions(out_dir, keys), batch_size):
        store.write_batch(batch)
        n += len(batch)
    return n


def query(out_dir: str | Path, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run DuckDB SQL over the Parquet tables (views ``articles``, ``facts``, ``ledger``)."""
    import duckdb

    con = duckdb.connect(":memory:", config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    try:
        for table in TABLES:
            pattern = str(Path(out_dir) / table / "*.parquet").replace("'", "''")
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{pattern}')")
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description or []]
        return cols, cur.fetchall()
    finally:
        con.close()
