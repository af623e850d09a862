"""Throughput against the ceiling, in one run, on the same inputs.

(a) spaCy's pipeline alone over the clean texts (the ceiling, words/s)
(b) trafilatura alone over the HTML pages (pages/s)
(c) tidings end-to-end (extract + parse + every fact stage + store), 1 worker
(d) the same with 2 workers
(e) the same on a Dask LocalCluster with 2 workers (tasks -> Parquet -> merge)
and the ratios (c)/(a), (d)/(c), (e)/(c); then the peak RSS of `tidings ingest` on 1x and
10x the text input (memory must stay flat: bounded batches, bands on disk).

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
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "tidings.cli", "ingest", *inputs, "--db", str(db), *extra],
        check=False,
        capture_output=True,
    )
    return time.perf_counter() - started


def stored_words(db: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return sum(len(t.split()) for (t,) in conn.execute("SELECT text FROM articles"))
    finally:
        conn.close()


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
        words = stored_words(work / "c.db")
        import sqlite3

        conn = sqlite3.connect(work / "c.db")
        texts = [t for (t,) in conn.execute("SELECT text FROM articles")]
        conn.close()

        from tidings.nlp import Parser

        parser = Parser()
        list(parser.pipe(texts[:5]))  # warm-up
        t0 = time.perf_counter()
        for _ in parser.pipe(texts):
            pass
        t_a = time.perf_counter() - t0

        import trafilatura

        html = [gzip.decompress(p.read_bytes()) for p in pages]
        trafilatura.bare_extraction(html[0])
        t0 = time.perf_counter()
        for h in html:
            trafilatura.bare_extraction(h, with_metadata=True)
        t_b = time.perf_counter() - t0

        t_d = run_tidings(inputs, work / "d.db", "--workers", "2")
        t_e = run_tidings(
            inputs, work / "e.db", "--engine", "dask", "--workers", "2", "--parquet-out", str(work / "pq")
        )

        rows = [
            ("(a) spaCy pipeline alone (ceiling)", words / t_a, t_a),
            ("(b) trafilatura alone (HTML only)", None, t_b),
            ("(c) tidings end-to-end, 1 worker", words / t_c, t_c),
            ("(d) tidings end-to-end, 2 workers", words / t_d, t_d),
            ("(e) tidings on Dask LocalCluster, 2 workers", words / t_e, t_e),
        ]
        print(
            f"inputs: {len(pages)} HTML pages + {len(texts) - len(pages)}+ text records; {words} words stored"
        )
        print(f"{'run':48s} {'words/s':>10s} {'seconds':>9s}")
        for name, wps, secs in rows:
            print(f"{name:48s} {wps if wps is None else round(wps):>10} {secs:9.2f}")
        print(f"(b) trafilatura: {len(html) / t_b:.1f} pages/s")
        print(f"ratio (c)/(a) = {t_a / t_c:.2f}  (target >= 0.60)")
        print(f"ratio (d)/(c) = {t_c / t_d:.2f}  (target >= 1.70)")
        print(f"ratio (e)/(c) = {t_c / t_e:.2f}")

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
            base = [sys.executable, "-m", "tidings.cli", "ingest", "--db"]
            rss1 = peak_rss([*base, str(work / "r1.db"), str(text)])
            rss10 = peak_rss([*base, str(work / "r10.db"), str(big)])
            print(
                f"peak RSS: 1x {rss1 / 2**20:.0f} MiB, 10x {rss10 / 2**20:.0f} MiB, "
                f"growth {100 * (rss10 - rss1) / rss1:+.1f}% (target within 10%)"
            )


if __name__ == "__main__":
    main()
