"""Web/API latency, in one run.

(1) Readers during ingest: `tidings serve` in its own process; 20 requests/s (open loop: a
    request leaves every 50 ms whatever the answers do) over a mix of API and page routes,
    first with the store idle (the baseline), then while `tidings ingest` writes N articles
    (default 5,000 Reuters-21578 records) into the same file. Reports errors and p50/p95/p99.
(2) Dyad series on a store of 1M events: `/api/dyads/USA-CHN/series` per day/week/month,
    timed in SQL (read-only connection) and over HTTP, against the same aggregate forced to
    scan the table (`NOT INDEXED`, the baseline) - the ratio is what the event index buys.
(3) Analyst pages on a real store of 10,000 articles from ../shared (NYT leads, People's Daily,
    BBC, Reuters through `tidings ingest` with every fact stage; built once into --store, ~20 min):
    p95 server time (the app's Server-Timing header) of the event browser with three facets, the
    map, search, and a 10-year dyad timeline, against the 300 ms budget; anchor: the browser's facet
    counts done as one SQL aggregate per facet.

    .venv/bin/python bench/web.py [JSONL ...] [--articles 5000] [--rate 20] [--events 1000000]
                                  [--max-seconds 240] [--facts] [--store PATH] [--store-articles N]
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

import httpx

from tidings.extract.build import make_article
from tidings.ids import fact_id
from tidings.records import ActorRef, Event, Paragraph, Quote
from tidings.store.event_index import INSERT_EVENT_INDEX, dyad_key
from tidings.store.reads import dyad_series
from tidings.store.sqlite import BatchItem, Store
from tidings.web.db import Reader

ROOT = Path(__file__).resolve().parents[1]
TEXT = ROOT.parent / "shared" / "data" / "corpus" / "text"
CORPUS = TEXT / "reuters21578"
DEFAULT_INPUTS = [CORPUS / f"reuters21578-00{i}.jsonl" for i in range(3)]
# (3) the analyst store: every record of these, in this order, until --store-articles are taken
ANALYST_CORPORA = [TEXT / "nyt_us_china_leads", TEXT / "peoples_daily_tariff", TEXT / "bbc", CORPUS]
BUDGET_MS = 300.0
COUNTRIES = ("USA", "CHN", "RUS", "UKR", "DEU", "FRA", "GBR", "IND", "JPN", "IRN", "ISR", "PSE", "TUR", "BRA")
QUADS = ((1, 2.8), (2, 6.5), (3, -4.0), (4, -9.0))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def server(db: Path) -> Iterator[str]:
    """`tidings serve` as its own process (as deployed); yields the base URL."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tidings.cli.app", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/api/articles?limit=1", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("tidings serve did not start")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(20)


# ------------------------------------------------------------------ (1) readers during ingest
def seed_store(db: Path, n: int = 300, seed: int = 3) -> list[str]:
    """Articles with quotes and USA/CHN events, so every route in the mix has data."""
    rng = random.Random(seed)
    items = []
    for i in range(n):
        text = f"Officials met in Beijing on trade talks {i}. “We will keep talking,” the minister said."
        a = make_article(
            source="bench",
            paragraphs=[Paragraph("paragraph", text)],
            title=f"Trade talks {i}",
            url=f"https://bench.example/{i}",
            published=f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}",
        )
        q = text.index("“")
        src, tgt = ActorRef("United States", None, "USA", "USA"), ActorRef("China", None, "CHN", "CHN")
        quad, gold = rng.choice(QUADS)
        event = Event(
            fact_id("events", a.id, 0),
            a.id,
            14,
            21,
            "Beijing",
            text,
            0,
            len(text),
            source=src,
            target=tgt,
            plover_event="CONSULT",
            cameo_code="040",
            goldstein=gold,
            quad_class=quad,
            date=a.published,
        )
        quote = Quote(
            fact_id("quotes", a.id, q),
            a.id,
            q,
            q + 22,
            text[q : q + 22],
            "direct",
            speaker=ActorRef("the minister"),
        )
        items.append(BatchItem(f"seed{i}", f"seed{i}", a, facts={"events": [event], "quotes": [quote]}))
    with Store.open(db) as store:
        store.write_batch(items)
    return [i.result.id for i in items]  # type: ignore[union-attr]


def request_mix(ids: Sequence[str]) -> list[str]:
    words = ("oil", "trade", "bank", "talks", "Beijing", "prices")
    paths = [
        "/api/articles?limit=20",
        "/api/events?dyad=USA-CHN&limit=50",
        "/api/dyads/USA-CHN/series?interval=week",
        "/api/quotes?limit=50",
        "/api/articles?date_from=2023-03-01&date_to=2023-06-30&limit=50",
        "/dyads/USA-CHN?interval=month",
        "/",
    ]
    paths += [f"/api/articles?q={w}&limit=20" for w in words] + [f"/search?q={w}" for w in words[:3]]
    paths += [f"/articles/{i}" for i in ids[:10]] + [f"/api/articles/{i}" for i in ids[10:20]]
    return paths


def load(
    base: str,
    paths: Sequence[str],
    rate: float,
    stop: Callable[[], bool],
    max_seconds: float,
) -> list[tuple[float, bool, str]]:
    """Open-loop load: one request every 1/rate s until ``stop()``; (seconds, ok, path) each."""
    results: list[tuple[float, bool, str]] = []
    lock = threading.Lock()
    client = httpx.Client(base_url=base, timeout=30, limits=httpx.Limits(max_connections=64))

    def one(path: str) -> None:
        started = time.perf_counter()
        try:
            r = client.get(path)
            ok = r.status_code == 200
            r.read()
        except httpx.HTTPError:
            ok = False
        with lock:
            results.append((time.perf_counter() - started, ok, path))

    with ThreadPoolExecutor(32) as pool:
        t0 = time.perf_counter()
        k = 0
        while not stop() and time.perf_counter() - t0 < max_seconds:
            pool.submit(one, paths[k % len(paths)])
            k += 1
            time.sleep(max(0.0, t0 + k / rate - time.perf_counter()))
    client.close()
    return results


def summary(results: Sequence[tuple[float, bool, str]]) -> dict[str, float]:
    ms = sorted(r[0] * 1000 for r in results)

    def pct(p: float) -> float:
        return ms[min(len(ms) - 1, int(p * len(ms)))] if ms else float("nan")

    return {
        "requests": len(ms),
        "errors": sum(not r[1] for r in results),
        "p50": pct(0.50),
        "p95": pct(0.95),
        "p99": pct(0.99),
        "max": ms[-1] if ms else float("nan"),
    }


def slowest_routes(results: Sequence[tuple[float, bool, str]], k: int = 4) -> list[tuple[str, float]]:
    by_route: dict[str, list[float]] = {}
    for seconds, _, path in results:
        by_route.setdefault(path, []).append(seconds * 1000)
    p95 = {p: sorted(v)[int(0.95 * (len(v) - 1))] for p, v in by_route.items()}
    return sorted(p95.items(), key=lambda kv: -kv[1])[:k]


def write_input(paths: Sequence[Path], n: int, out: Path) -> int:
    lines = []
    for p in paths:
        for line in p.read_text("utf-8").splitlines():
            if len(lines) < n and len((json.loads(line).get("text") or "").strip()) > 200:
                lines.append(line)
    out.write_text("\n".join(lines) + "\n")
    return len(lines)


def readers_during_ingest(
    inputs: Sequence[Path], articles: int, rate: float, max_seconds: float, facts: bool, work: Path
) -> tuple[dict[str, float], dict[str, float], list[tuple[float, bool, str]], dict[str, Any]]:
    db = work / "ingest.db"
    ids = seed_store(db)
    corpus = work / "corpus.jsonl"
    n_input = write_input(inputs, int(articles * 1.08), corpus)  # a few records are rejected (too short, ...)
    with server(db) as base:
        paths = request_mix(ids)
        idle = summary(load(base, paths, rate, lambda: False, max_seconds=15))
        cmd = [
            sys.executable,
            "-m",
            "tidings.cli.app",
            "ingest",
            str(corpus),
            "--db",
            str(db),
            "--batch-size",
            "50",
        ]
        started = time.perf_counter()
        proc = subprocess.Popen(
            [*cmd, *([] if facts else ["--no-facts"])], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        busy_results = load(base, paths, rate, lambda: proc.poll() is not None, max_seconds)
        stopped_early = proc.poll() is None
        if stopped_early:
            proc.terminate()
        proc.wait(60)
        seconds = time.perf_counter() - started
    with Store.open(db, readonly=True) as store:
        stored = store.counts()["articles"] - len(ids)
    info = {"input": n_input, "stored": stored, "ingest_seconds": seconds, "stopped_early": stopped_early}
    return idle, summary(busy_results), busy_results, info


# ------------------------------------------------------------------ (2) dyad series at 1M events
def build_event_index(db: Path, n_events: int, dyad_share: float = 0.1, seed: int = 5) -> int:
    """``n_events`` synthetic rows in the event index over 2015-2025 (``dyad_share`` USA-CHN)."""
    import datetime as dt

    with Store.open(db) as store:
        arts = [
            make_article(
                source="bench",
                paragraphs=[Paragraph("paragraph", f"Stub article {i}.")],
                url=f"https://bench.example/{i}",
            )
            for i in range(1000)
        ]
        store.write_batch([BatchItem(f"s{i}", f"s{i}", a) for i, a in enumerate(arts)])
        rng = random.Random(seed)
        start, days = dt.date(2015, 1, 1).toordinal(), 11 * 365
        store.conn.execute("BEGIN")
        ddl = [
            r[0]
            for r in store.conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'event_index' AND sql IS NOT NULL"
            )
        ]
        for (name,) in store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'event_index' AND sql IS NOT NULL"
        ).fetchall():
            store.conn.execute(f'DROP INDEX "{name}"')  # bulk load: indexes are rebuilt once, below
        chunk: list[tuple[Any, ...]] = []
        for k in range(n_events):
            if rng.random() < dyad_share:
                src, tgt = ("USA", "CHN") if rng.random() < 0.5 else ("CHN", "USA")
            else:
                src, tgt = rng.choice(COUNTRIES), rng.choice(COUNTRIES)
            quad, gold = rng.choice(QUADS)
            day = dt.date.fromordinal(start + rng.randrange(days)).isoformat()
            chunk.append(
                (
                    f"e{k:08d}",
                    arts[k % 1000].id,
                    day,
                    src,
                    tgt,
                    quad,
                    gold,
                    "04",
                    "CONSULT",
                    "asserted",
                    src,
                    tgt,
                    None,
                    None,
                    dyad_key(src, tgt),
                )
            )
            if len(chunk) == 50_000:
                store.conn.executemany(INSERT_EVENT_INDEX, chunk)
                chunk.clear()
        store.conn.executemany(INSERT_EVENT_INDEX, chunk)
        for sql in ddl:
            store.conn.execute(sql)
        store.conn.execute("COMMIT")
        store.conn.execute("ANALYZE")
        return int(store.conn.execute("SELECT count(*) FROM event_index").fetchone()[0])


def timed(fn: Callable[[], Any], runs: int = 5) -> tuple[float, float]:
    fn()  # warm the page cache once, as a running server would be
    ms = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        ms.append((time.perf_counter() - t) * 1000)
    return statistics.median(ms), max(ms)


def scan_series(conn: Any) -> list[Any]:
    """The baseline: the same per-day aggregate over both directions, forced to scan the table
    (what the query costs without the event index's dyad key)."""
    return list(
        conn.execute(
            "SELECT e.date, count(*), sum(e.quad_class = 1), sum(e.quad_class = 2), sum(e.quad_class = 3),"
            " sum(e.quad_class = 4), sum(e.goldstein), count(e.goldstein) FROM event_index e NOT INDEXED"
            " WHERE ((e.source_country = ? AND e.target_country = ?)"
            " OR (e.source_country = ? AND e.target_country = ?))"
            " AND e.date IS NOT NULL GROUP BY e.date ORDER BY e.date",
            ("USA", "CHN", "CHN", "USA"),
        )
    )


def get_ok(client: httpx.Client, path: str) -> None:
    client.get(path).raise_for_status()


def dyad_latency(n_events: int, work: Path) -> tuple[int, float, list[dict[str, Any]]]:
    db = work / "events.db"
    started = time.perf_counter()
    n = build_event_index(db, n_events)
    print(f"built an event index of {n:,} rows in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    rows = []
    reader = Reader(db, seconds=60)
    with reader.connect() as store:
        scan_med, _ = timed(partial(scan_series, store.conn), runs=3)
    with server(db) as base, httpx.Client(base_url=base, timeout=60) as client:
        for interval in ("day", "week", "month"):
            with reader.connect() as store:
                points = len(dyad_series(store.conn, "USA", "CHN", interval=interval)["series"])
                sql_med, sql_max = timed(partial(dyad_series, store.conn, "USA", "CHN", interval=interval))
            http_med, http_max = timed(partial(get_ok, client, f"/api/dyads/USA-CHN/series?interval={interval}"))
            rows.append(
                {
                    "interval": interval,
                    "points": points,
                    "sql_median": sql_med,
                    "sql_max": sql_max,
                    "http_median": http_med,
                    "http_max": http_max,
                }
            )
    return n, scan_med, rows


# ------------------------------------------------------------------ (3) analyst pages on a real store
def corpus_lines(folders: Sequence[Path], n: int) -> list[str]:
    """The first ``n`` records with text of the JSONL files in ``folders`` (in order)."""
    lines: list[str] = []
    for folder in folders:
        for path in sorted(folder.glob("*.jsonl")) if folder.is_dir() else [folder]:
            for line in path.read_text("utf-8").split("\n"):
                if len(lines) >= n:
                    return lines
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                if isinstance(record, dict) and str(record.get("text") or "").strip():
                    lines.append(json.dumps(record, ensure_ascii=False))
    return lines


def stored_articles(db: Path) -> int:
    if not db.exists():
        return 0
    with Store.open(db, readonly=True) as store:
        return int(store.counts()["articles"])


def build_analyst_store(db: Path, folders: Sequence[Path], n: int, workers: int = 1) -> dict[str, Any]:
    """A store of ``n`` articles from the shared corpora through the real `tidings ingest` (every
    fact stage); kept at ``db`` and reused while it holds at least ``n`` articles. Some records
    are rejected (too short) or are the same article as another: the input grows until ``n``
    articles are stored (``--resume`` skips what the store already has)."""
    have = stored_articles(db)
    if have >= n:
        return {"articles": have, "built_seconds": None}
    db.parent.mkdir(parents=True, exist_ok=True)
    corpus = db.with_suffix(".input.jsonl")
    taken = len(corpus.read_text("utf-8").splitlines()) if corpus.exists() and have else 0
    started = time.perf_counter()
    while have < n:
        lines = corpus_lines(folders, max(taken + 1, taken + int((n - have) * 1.1) + 10))
        if len(lines) <= taken:
            raise RuntimeError(f"the corpora hold only {len(lines)} records; {have} articles stored")
        taken = len(lines)
        corpus.write_text("\n".join(lines) + "\n", "utf-8")
        done = subprocess.run(
            [sys.executable, "-m", "tidings.cli.app", "ingest", str(corpus), "--db", str(db), "--resume",
             "--workers", str(workers)],
            stdout=subprocess.DEVNULL,
            check=False,
        )  # fmt: skip
        if done.returncode not in (0, 1):  # 1: some records were rejected, which is expected
            raise RuntimeError(f"tidings ingest exited {done.returncode}")
        have = stored_articles(db)
    return {"articles": have, "built_seconds": time.perf_counter() - started}


def server_ms(client: httpx.Client, path: str) -> tuple[float, float]:
    """(server time from the Server-Timing header, time seen by the client) of one request, in ms."""
    started = time.perf_counter()
    r = client.get(path)
    r.raise_for_status()
    client_ms = (time.perf_counter() - started) * 1000
    return float(r.headers["server-timing"].split("dur=")[1]), client_ms


def analyst_paths(client: httpx.Client) -> dict[str, list[str]]:
    """The routes the issue budgets, with values taken from the store: the event browser with three
    facets, the map, search, and a 10-year dyad timeline."""
    facets = client.get("/api/events/summary").json()["facets"]
    top = {k: [v["value"] for v in facets[k][:3]] for k in ("plover", "dyad", "site", "year", "cameo_root")}
    pair = next(d for d in top["dyad"] if len(set(d.split("-"))) == 2)
    actor = client.get("/api/actors", params={"limit": 1}).json()["items"][0]["name"]
    q = quote_plus
    events = [
        f"/events?plover={top['plover'][0]}&dyad={pair}&site={q(top['site'][0])}",
        f"/events?cameo_root={top['cameo_root'][1]}&year={top['year'][-1]}&factuality=asserted&factuality=planned",
        f"/events?plover={top['plover'][1]}&country=China&theme=trade_tariffs&sort=most_told",
        f"/events?dyad={pair}&plover={top['plover'][2]}&year={top['year'][-2]}&page=2",
    ]
    maps = ["/map", f"/map?dyad={pair}&plover={top['plover'][0]}", "/map?view=asia&theme=taiwan&factuality=any"]
    search = [
        "/search?q=trade+tariff*",
        f"/search?q={q(chr(34) + 'South China Sea' + chr(34) + ' OR Taiwan')}&country=China",
        f"/search?actor={q(actor)}&sort=newest",
        "/search?q=oil&theme=economy&date_from=1987-01-01&date_to=2012-12-31",
    ]
    timeline = [
        f"/timeline?dyad={pair}&interval=month&since=2010-01-01&until=2019-12-31",
        f"/dyads/{pair}?interval=month&date_from=2010-01-01&date_to=2019-12-31",
        f"/timeline?dyad={pair}&interval=week&since=2010-01-01&until=2019-12-31&factuality=any",
    ]
    return {"/events, 3 facets": events, "map": maps, "search": search, "10-year dyad timeline": timeline}


def sql_facets(conn: Any, plover: str, dyad: str) -> int:
    """The anchor: the browser's facet counts done the plain way, one SQL aggregate per facet over
    the event index (places read from the events' JSON), for one two-facet filter."""
    n = 0
    where = "e.factuality = 'asserted' AND e.plover_event = ? AND e.dyad = ?"
    for col in ("e.plover_event", "e.cameo_root", "e.quad_class", "e.dyad", "e.factuality", "e.site",
                "substr(e.date, 1, 4)", "json_extract(f.data, '$.place.name')"):  # fmt: skip
        n += len(conn.execute(
            f"SELECT {col}, count(DISTINCT coalesce(e.cluster_id, e.id)) FROM event_index e"
            f" JOIN facts f ON f.id = e.id WHERE {where} GROUP BY 1", (plover, dyad)).fetchall())  # fmt: skip
        n += len(conn.execute(
            f"SELECT {col}, count(DISTINCT coalesce(e.cluster_id, e.id)) FROM event_index e"
            " JOIN facts f ON f.id = e.id WHERE e.factuality = 'asserted' GROUP BY 1").fetchall())  # fmt: skip
    return n


def analyst_latency(db: Path, runs: int = 30) -> dict[str, Any]:
    """p95 server time of the budgeted routes on a real store (each path ``runs`` times)."""
    with Store.open(db, readonly=True) as store:
        sizes = {"articles": store.counts()["articles"]}
        sizes["events"] = int(store.conn.execute("SELECT count(*) FROM event_index").fetchone()[0])
    with server(db) as base, httpx.Client(base_url=base, timeout=120) as client:
        cold = server_ms(client, "/api/events/summary")[0]  # the first request may build the event frame
        paths = analyst_paths(client)
        rows = []
        for group, group_paths in paths.items():
            times = [server_ms(client, p) for _ in range(runs) for p in group_paths]
            srv = sorted(t[0] for t in times)
            cli = sorted(t[1] for t in times)
            rows.append(
                {
                    "route": group,
                    "requests": len(times),
                    "p50": srv[len(srv) // 2],
                    "p95": srv[min(len(srv) - 1, int(0.95 * len(srv)))],
                    "client_p95": cli[min(len(cli) - 1, int(0.95 * len(cli)))],
                }
            )
        facets = client.get("/api/events/summary").json()["facets"]
    plover = facets["plover"][0]["value"]
    pair = next(d["value"] for d in facets["dyad"] if len(set(d["value"].split("-"))) == 2)
    reader = Reader(db, seconds=600)
    with reader.connect() as store:
        anchor_ms, _ = timed(partial(sql_facets, store.conn, plover, pair), runs=3)
    return {**sizes, "cold_ms": cold, "rows": rows, "anchor_ms": anchor_ms}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*", type=Path, default=DEFAULT_INPUTS)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--rate", type=float, default=20.0)
    ap.add_argument("--max-seconds", type=float, default=240.0)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--facts", action="store_true", help="run the NLP fact stages during ingest (slower)")
    ap.add_argument("--skip-ingest", action="store_true")
    ap.add_argument("--skip-dyad", action="store_true")
    ap.add_argument("--skip-analyst", action="store_true")
    ap.add_argument(
        "--store",
        type=Path,
        default=ROOT / "build" / "bench" / "analyst-10k.db",
        help="(3): the analyst store; built from --corpora when it holds fewer than --store-articles",
    )
    ap.add_argument("--store-articles", type=int, default=10_000)
    ap.add_argument("--corpora", nargs="*", type=Path, default=ANALYST_CORPORA)
    args = ap.parse_args(argv)
    failed = False
    with tempfile.TemporaryDirectory(prefix="tidings-web-bench-") as tmp:
        work = Path(tmp)
        if not args.skip_ingest:
            idle, busy, busy_results, info = readers_during_ingest(
                args.inputs, args.articles, args.rate, args.max_seconds, args.facts, work
            )
            print(
                f"\n(1) {args.rate:g} requests/s; `tidings ingest` of {info['input']} records "
                f"({'with' if args.facts else 'without'} facts): {info['stored']} stored in "
                f"{info['ingest_seconds']:.0f}s" + (" (stopped at --max-seconds)" if info["stopped_early"] else "")
            )
            print(f"{'phase':<28}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}")
            for name, s in (("baseline: store idle", idle), ("tidings: during ingest", busy)):
                print(
                    f"{name:<28}{s['requests']:>9.0f}{s['errors']:>8.0f}{s['p50']:>9.1f}{s['p95']:>9.1f}"
                    f"{s['p99']:>9.1f}{s['max']:>9.1f}"
                )
            print(
                "slowest routes during ingest (p95 ms): "
                + ", ".join(f"{path} {p95:.0f}" for path, p95 in slowest_routes(busy_results))
            )
            ratio = busy["p95"] / idle["p95"] if idle["p95"] else float("nan")
            ok = busy["errors"] == 0 and busy["p95"] < BUDGET_MS
            failed |= not ok
            print(
                f"p95 during ingest / idle = {ratio:.2f}; budget p95 < {BUDGET_MS:.0f} ms, 0 errors: "
                f"{'PASS' if ok else 'FAIL'}"
            )
        if not args.skip_dyad:
            n, scan_med, rows = dyad_latency(args.events, work)
            print(f"\n(2) dyad series USA-CHN on {n:,} events (both directions)")
            print(
                f"{'interval':<10}{'points':>8}{'tidings SQL ms':>16}{'HTTP ms':>10}{'HTTP max':>10}"
                f"{'baseline scan ms':>18}{'scan/tidings':>14}"
            )
            for r in rows:
                print(
                    f"{r['interval']:<10}{r['points']:>8}{r['sql_median']:>16.1f}{r['http_median']:>10.1f}"
                    f"{r['http_max']:>10.1f}{scan_med:>18.1f}{scan_med / r['sql_median']:>14.2f}"
                )
            ok = all(r["http_median"] < BUDGET_MS for r in rows)
            failed |= not ok
            print(f"budget: series over HTTP < {BUDGET_MS:.0f} ms (median): {'PASS' if ok else 'FAIL'}")
    if not args.skip_analyst:
        built = build_analyst_store(args.store, args.corpora, args.store_articles)
        if built["built_seconds"]:
            print(
                f"built {args.store} ({built['articles']} articles) in {built['built_seconds']:.0f}s", file=sys.stderr
            )
        found = analyst_latency(args.store)
        print(
            f"\n(3) analyst pages on {found['articles']:,} articles / {found['events']:,} coded events"
            f" ({args.store.name}); server time from Server-Timing; first request (builds the event frame)"
            f" {found['cold_ms']:.0f} ms"
        )
        print(f"{'route':<24}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'client p95':>12}{'budget/p95':>12}")
        for r in found["rows"]:
            print(
                f"{r['route']:<24}{r['requests']:>9}{r['p50']:>9.1f}{r['p95']:>9.1f}{r['client_p95']:>12.1f}"
                f"{BUDGET_MS / r['p95']:>12.1f}"
            )
        worst = max(r["p95"] for r in found["rows"])
        print(
            f"anchor: the same facet counts as one SQL aggregate per facet: {found['anchor_ms']:.0f} ms"
            f" for one filter (anchor / worst tidings p95 = {found['anchor_ms'] / worst:.1f})"
        )
        ok = worst < BUDGET_MS
        failed |= not ok
        print(f"budget: p95 server time < {BUDGET_MS:.0f} ms on every route: {'PASS' if ok else 'FAIL'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
