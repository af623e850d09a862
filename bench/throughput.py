"""Throughput against the ceiling, in one run, on the same inputs.

(a) spaCy's pipeline alone over the clean texts (the ceiling, words/s)
(b) trafilatura alone over the HTML pages (pages/s)
(c) tidings end-to-end (extract + parse + every fact stage + store), 1 worker
(d) the same with 2 workers
(e) the same on a Dask LocalCluster with 2 workers (tasks -> Parquet -> merge)
and the ratios (c)/(a), (d)/(c), (e)/(c); then the peak RSS of `tidings ingest` on 1x and
10x the text input (memory must stay flat: bounded batches, bands on disk).

Start-up is excluded consistently. (a) loads the model and warms up before its clock
starts. (c), (d) and (e) are real `tidings ingest` processes, so their wall time includes
the once-per-process start-up (interpreter, model, gazetteer, actor and event tables,
worker pool or Dask cluster); each run is therefore repeated on one short text record,
and that start-up time is subtracted before computing words/s. Both figures are printed.

    .venv/bin/python bench/throughput.py [HTML_DIR] [TEXT_JSONL ...] [--docs N] [--skip-rss]
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "corpus"
DEFAULT_HTML = SHARED / "html" / "fundus"
DEFAULT_TEXT = [
    SHARED / "text" / "bbc" / "bbc-000.jsonl",
    SHARED / "text" / "reuters21578" / "reuters21578-000.jsonl",
]


def load_inputs(html_dir: Path, text_files: list[Path], docs: int, work: Path) -> tuple[list[Path], Path]:
    """Copy up to ``docs`` HTML pages and ``docs`` text records into ``work``."""
    pages = sorted(html_dir.rglob("*.html.gz"))[:docs]
    (work / "html").mkdir()
    for i, p in enumerate(pages):
        (work / "html" / f"{i:04d}-{p.name}").write_bytes(p.read_bytes())
    records: list[str] = []
    for f in text_files:
        for line in f.read_text("utf-8").splitlines():
            if len(records) >= docs:
                break
            obj = json.loads(line)
            if len(obj.get("text") or "") > 400:
                records.append(line)
    text = work / "text.jsonl"
    text.write_text("\n".join(records) + "\n")
    return pages, text


def run_tidings(inputs: list[str], db: Path, *extra: str) -> float:
    """Wall seconds of one `tidings ingest` process (exit 1 = some inputs rejected: fine)."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "tidings.cli.app", "ingest", *inputs, "--db", str(db), *extra],
        check=False,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1) or not db.exists():
        raise RuntimeError(f"tidings ingest {extra} failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds


def startup_input(text: Path, work: Path) -> Path:
    """One short text record: a run on it costs the process start-up and almost nothing else."""
    one = work / "one.jsonl"
    one.write_text(text.read_text("utf-8").splitlines()[0] + "\n")
    return one


def row(name: str, words: int, total: float, startup: float | None) -> str:
    steady = total - (startup or 0.0)
    wps = f"{words / steady:10.0f}" if steady > 0 and words else f"{'-':>10s}"
    up = f"{startup:9.2f}" if startup is not None else f"{'-':>9s}"
    return f"{name:46s} {wps} {total:9.2f} {up} {steady:9.2f}"


def stored_words(db: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return sum(len(t.split()) for (t,) in conn.execute("SELECT text FROM articles"))
    finally:
        conn.close()


def stored_texts(db: Path) -> list[str]:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return [t for (t,) in conn.execute("SELECT text FROM articles ORDER BY id")]
    finally:
        conn.close()


def time_spacy(texts: list[str]) -> float:
    """(a): seconds for spaCy's pipeline (as tidings loads it) over ``texts``, model warm."""
    from tidings.nlp import Parser

    parser = Parser()
    list(parser.pipe(texts[:5]))  # warm-up: model load is start-up, not throughput
    t0 = time.perf_counter()
    for _ in parser.pipe(texts):
        pass
    return time.perf_counter() - t0


def time_trafilatura(pages: list[Path]) -> float:
    """(b): seconds for trafilatura's bare extraction with metadata over the HTML pages."""
    import trafilatura

    html = [gzip.decompress(p.read_bytes()) for p in pages]
    if not html:
        return 0.0
    trafilatura.bare_extraction(html[0])
    t0 = time.perf_counter()
    for h in html:
        trafilatura.bare_extraction(h, with_metadata=True)
    return time.perf_counter() - t0


def _ratio(x: float, y: float) -> str:
    """x/y, or n/a when a steady-state time is not positive: on a tiny input a start-up
    measured in its own run can exceed the whole run (a Dask cluster starts in 5-12 s)."""
    return f"{x / y:.2f}" if x > 0 and y > 0 else "n/a"


def report(n_pages: int, n_articles: int, words: int, t: tuple[float, ...]) -> str:
    """The table and ratios; words/s are over steady-state time (total - start-up)."""
    t_a, t_b, t_c, s_c, t_d, s_d, t_e, s_e = t
    lines = [
        f"inputs: {n_pages} HTML pages + text records -> {n_articles} articles stored, {words} words",
        f"{'run':46s} {'words/s':>10s} {'total s':>9s} {'startup s':>9s} {'steady s':>9s}",
        row("(a) spaCy pipeline alone (ceiling)", words, t_a, None),
        row("(b) trafilatura alone (HTML pages only)", 0, t_b, None),
        row("(c) tidings end-to-end, 1 worker", words, t_c, s_c),
        row("(d) tidings end-to-end, 2 workers", words, t_d, s_d),
        row("(e) tidings on Dask LocalCluster, 2 workers", words, t_e, s_e),
        f"(b) trafilatura: {n_pages / t_b if t_b else 0:.1f} pages/s",
    ]
    c, d, e = t_c - s_c, t_d - s_d, t_e - s_e
    lines += [
        f"ratio (c)/(a) = {_ratio(t_a, c)}  (target >= 0.60; with start-up {_ratio(t_a, t_c)})",
        f"ratio (d)/(c) = {_ratio(c, d)}  (target >= 1.70; with start-up {_ratio(t_c, t_d)})",
        f"ratio (e)/(c) = {_ratio(c, e)}  (with start-up {_ratio(t_c, t_e)})",
    ]
    return "\n".join(lines)


def peak_rss(cmd: list[str]) -> int:
    """Peak resident memory (bytes) of a command and its children, polled every 20 ms."""
    proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        try:
            procs = [proc, *proc.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.02)
    return peak


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("html_dir", nargs="?", type=Path, default=DEFAULT_HTML)
    ap.add_argument("text", nargs="*", type=Path, default=DEFAULT_TEXT)
    ap.add_argument("--docs", type=int, default=120, help="HTML pages and text records each")
    ap.add_argument("--skip-rss", action="store_true")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pages, text = load_inputs(args.html_dir, args.text, args.docs, work)
        inputs = [str(work / "html"), str(text)]

        # (c) first: its stored clean texts are what (a) parses, so both see the same words
        t_c = run_tidings(inputs, work / "c.db")
        texts = stored_texts(work / "c.db")
        words = sum(len(t.split()) for t in texts)
        one = [str(startup_input(text, work))]
        s_c = run_tidings(one, work / "c0.db")
        t_a = time_spacy(texts)
        t_b = time_trafilatura(pages)
        t_d = run_tidings(inputs, work / "d.db", "--workers", "2")
        s_d = run_tidings(one, work / "d0.db", "--workers", "2")
        dask = ("--engine", "dask", "--workers", "2", "--parquet-out")
        t_e = run_tidings(inputs, work / "e.db", *dask, str(work / "pq"))
        s_e = run_tidings(one, work / "e0.db", *dask, str(work / "pq0"))
        print(report(len(pages), len(texts), words, (t_a, t_b, t_c, s_c, t_d, s_d, t_e, s_e)))

        if not args.skip_rss:
            big = work / "text10.jsonl"
            lines = text.read_text().splitlines()
            with big.open("w") as fh:
                for k in range(10):
                    for line in lines:
                        obj = json.loads(line)
                        obj["url"] = f"https://copy{k}.example/{obj.get('id') or hash(line)}"
                        obj["text"] = f"Copy {k}. " + obj["text"]
                        fh.write(json.dumps(obj) + "\n")
            base = [sys.executable, "-m", "tidings.cli.app", "ingest", "--db"]
            rss1 = peak_rss([*base, str(work / "r1.db"), str(text)])
            rss10 = peak_rss([*base, str(work / "r10.db"), str(big)])
            print(
                f"peak RSS: 1x {rss1 / 2**20:.0f} MiB, 10x {rss10 / 2**20:.0f} MiB, "
                f"growth {100 * (rss10 - rss1) / rss1:+.1f}% (target within 10%)"
            )


if __name__ == "__main__":
    main()
