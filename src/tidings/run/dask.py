"""The distributed path: Dask tasks over input shards -> Parquet partitions -> merge.

Each shard (one input file: a WARC, a JSONL shard, a page) is one task. A task runs the
same :func:`tidings.run.batch.process_batch` as the local path and writes three Parquet
files (articles, facts, ledger) named by the content hash of its input and of the
options, so re-running a task rewrites the same files and never duplicates rows.
:func:`merge` upserts partitions into SQLite through the same ``Store.write_batch`` as a
local ingest, so both paths produce the same rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from tidings.config import Options
from tidings.ids import digest
from tidings.records import FACT_KINDS, Article, Rejected, from_plain, to_plain
from tidings.run.batch import Annotator, batched, process_batch
from tidings.sources.files import expand, read_inputs
from tidings.store.sqlite import BatchItem, Store

TABLES = ("articles", "facts", "ledger")
# Worker-process cache of loaded annotators, keyed by the options that shape them.
_annotators: dict[str, Any] = {}


def shard_key(path: str, options: Options, published: str | None) -> str:
    settings = json.dumps(to_plain(options), sort_keys=True) + (published or "")
    return digest(Path(path).read_bytes(), settings, length=24)


def _annotator(options: Options) -> Any:
    key = json.dumps(to_plain(options.nlp), sort_keys=True)
    if key not in _annotators:
        _annotators[key] = Annotator(options)
    return _annotators[key]


def run_shard(path: str, out_dir: str, options: Options, published: str | None = None) -> dict[str, Any]:
    """Process one shard and write its partitions; returns counts."""
    key = shard_key(path, options, published)
    annotator = _annotator(options) if options.nlp.facts else None
    items: list[BatchItem] = []
    rejected: list[BatchItem] = []
    for batch in batched(read_inputs([path], options.input), options.store.batch_size):
        raws = [r for r in batch if not isinstance(r, Rejected)]
        rejected += [BatchItem(r.source or path, "", r) for r in batch if isinstance(r, Rejected)]
        items += process_batch(raws, options, annotator, published=published)
    write_partitions(rejected + items, Path(out_dir), key)
    return {"shard": path, "key": key, "items": len(items) + len(rejected)}


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
) -> list[dict[str, Any]]:
    """Submit one task per shard to a Dask cluster (``scheduler`` address or a client)."""
    from distributed import Client

    shards = [s for s in expand(inputs) if isinstance(s, str)]
    own = client is None
    client = client or Client(scheduler)  # type: ignore[no-untyped-call]
    try:
        futures = client.map(run_shard, shards, out_dir=out_dir, options=options, published=published, pure=False)
        return list(client.gather(futures))
    finally:
        if own:
            client.close()


def read_partitions(out_dir: Path) -> Iterator[BatchItem]:
    """Rebuild BatchItems from every partition (articles with their facts, rejections)."""
    import pyarrow.parquet as pq

    for part in sorted((out_dir / "ledger").glob("part-*.parquet")):
        key = part.name
        ledger = pq.read_table(part).to_pylist()
        articles = {
            r["id"]: Article.from_dict(json.loads(r["data"]))
            for r in pq.read_table(out_dir / "articles" / key).to_pylist()
        }
        facts: dict[str, dict[str, list[Any]]] = {}
        fact_rejections: dict[str, list[Rejected]] = {}
        for f in pq.read_table(out_dir / "facts" / key).to_pylist():
            data = json.loads(f["data"])
            if f["kind"] == "_rejection":
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
    from tidings.run.batch import batched

    n = 0
    with Store.open(db) as store:
        for batch in batched(read_partitions(Path(out_dir)), batch_size):
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
