"""Benchmark: tidings' plain-text cleaner vs the scraped text as-is and vs trafilatura, in one run.

    .venv/bin/python bench/extract_text.py [DATA_DIRS...] [--every K] [--no-baseline]

Pre-scraped news text (the Blinken case) has no public gold set, so we build one from
WCXB (default ``../shared/data/extraction/wcxb-dev-article``): each page's gold title is
printed twice (as scraped pages do), then half of the page's own gold ``without``
snippets (real boilerplate strings from that page: "Sign up for our newsletter", "Home",
author bios, ...), then the gold text, then the other half. One line per block, blank
lines between, like the motivating page. The placement is ours; the strings are not.

Scores (per page, macro-averaged): WCXB's lower-cased ``\\w+`` bag-of-words P/R/F1 of
the body against the gold text; ``leak`` = share of ``without`` snippets still present
as a line of the body; ``with`` = share of gold ``with`` snippets present; ``title x2`` =
share of pages whose body still contains the title line.

Tools: ``raw`` (the scraped text unchanged), ``trafilatura`` (the text as one ``<p>`` per
line, through ``trafilatura.extract``: what an HTML extractor can do with scraped text),
``tidings`` (:func:`tidings.extract.text.extract_text`).
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIRS = (ROOT / "../shared/data/extraction/wcxb-dev-article",)
TOKEN = re.compile(r"\w+")


@dataclass
class Case:
    id: str
    scraped: str
    gold: str
    title: str
    with_: list[str]
    without: list[str]


def load_cases(dirs: list[Path], every: int = 1) -> Iterator[Case]:
    for folder in dirs:
        with gzip.open(folder / "gold.jsonl.gz", "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i % every:
                    continue
                g = json.loads(line)
                gold, title = g.get("text") or "", (g.get("title") or "").strip()
                if not gold.strip() or not title:
                    continue
                without = [w.strip() for w in g.get("without") or [] if w.strip()]
                half = len(without) // 2
                blocks = [title, title, *without[:half], gold.strip(), *without[half:]]
                yield Case(g["id"], "\n\n".join(blocks), gold, title, list(g.get("with") or []), without)


def _bag(text: str) -> dict[str, int]:
    bag: dict[str, int] = {}
    for t in TOKEN.findall(text.lower()):
        bag[t] = bag.get(t, 0) + 1
    return bag


def _flat(text: str) -> str:
    return " ".join(text.split())


def score_page(output: str, case: Case) -> dict[str, float]:
    out, gold = _bag(output), _bag(case.gold)
    common = sum(min(n, gold.get(t, 0)) for t, n in out.items())
    p = common / sum(out.values()) if out else 0.0
    r = common / sum(gold.values()) if gold else 0.0
    lines = {ln.strip() for ln in output.splitlines()}
    flat = _flat(output)  # snippets span lines and odd spaces; compare words only
    gold_lines = {ln.strip() for ln in case.gold.splitlines()}
    # Only snippets that are not also gold lines can leak.
    leaky = [w for w in case.without if w not in gold_lines]
    return {
        "P": p,
        "R": r,
        "F1": 2 * p * r / (p + r) if p + r else 0.0,
        "leak": sum(w in lines for w in leaky) / len(leaky) if leaky else 0.0,
        "with": sum(_flat(w) in flat for w in case.with_) / len(case.with_) if case.with_ else 1.0,
        "title x2": float(case.title in lines),
    }


def run_tidings(case: Case) -> str:
    from tidings.config import ExtractOptions
    from tidings.extract.text import extract_text

    result = extract_text(case.scraped, source=case.id, options=ExtractOptions(min_chars=1))
    return getattr(result, "text", "")


def run_raw(case: Case) -> str:
    return case.scraped


def run_trafilatura(case: Case) -> str:
    import trafilatura

    body = "".join(f"<p>{html.escape(b)}</p>" for b in case.scraped.split("\n\n"))
    head = f"<head><title>{html.escape(case.title)}</title></head>"
    page = f"<html>{head}<body><article>{body}</article></body></html>"
    return trafilatura.extract(page, include_comments=False, include_tables=True) or ""


def evaluate(cases: list[Case], tool: Callable[[Case], str]) -> dict[str, Any]:
    sums: dict[str, float] = {}
    start = time.process_time()  # CPU time: other jobs share the cores
    for case in cases:
        for k, v in score_page(tool(case), case).items():
            sums[k] = sums.get(k, 0.0) + v
    elapsed = time.process_time() - start
    n = max(1, len(cases))
    means = {k: v / n for k, v in sums.items()}
    return {**means, "pages": len(cases), "pages/s": len(cases) / max(elapsed, 1e-9)}


def clean_text_scores(dirs: list[Path], every: int = 1) -> dict[str, float]:
    """What the cleaner costs on text that has no clutter: the gold texts themselves.

    ``lines kept`` = share of gold lines :func:`clutter_reason` leaves alone;
    ``token recall`` = mean per-page token recall of ``extract_text(gold)`` against gold.
    """
    from tidings.config import ExtractOptions
    from tidings.extract.clutter import clutter_reason
    from tidings.extract.text import extract_text

    lines = flagged = pages = 0
    recall = 0.0
    for case in load_cases(dirs, every):
        for line in case.gold.splitlines():
            if line.strip():
                lines += 1
                flagged += clutter_reason(line) is not None
        result = extract_text(case.gold, source=case.id, title=case.title, options=ExtractOptions(min_chars=1))
        out, gold = _bag(getattr(result, "text", "")), _bag(case.gold)
        recall += sum(min(n, out.get(t, 0)) for t, n in gold.items()) / max(1, sum(gold.values()))
        pages += 1
    return {"lines kept": 1 - flagged / max(1, lines), "token recall": recall / max(1, pages)}


def floor_figures(dirs: list[Path] | None = None) -> dict[str, float]:
    """The figures pinned in bench/floors/extract_text.json (all: higher is better)."""
    dirs = dirs or list(DEFAULT_DIRS)
    res = evaluate(list(load_cases(dirs)), run_tidings)
    clean = clean_text_scores(dirs)
    return {
        "F1": res["F1"],
        "unleaked": 1 - res["leak"],
        "title_removed": 1 - res["title x2"],
        "with": res["with"],
        "clean_lines_kept": clean["lines kept"],
        "clean_token_recall": clean["token recall"],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=list(DEFAULT_DIRS))
    ap.add_argument("--every", type=int, default=1, help="use every K-th page")
    ap.add_argument("--no-baseline", action="store_true", help="skip trafilatura")
    args = ap.parse_args(argv)
    cases = list(load_cases(args.dirs, args.every))
    tools: dict[str, Callable[[Case], str]] = {"raw": run_raw}
    if not args.no_baseline:
        tools["trafilatura"] = run_trafilatura
    tools["tidings"] = run_tidings
    results = {name: evaluate(cases, fn) for name, fn in tools.items()}
    cols = ["P", "R", "F1", "leak", "with", "title x2", "pages/s"]
    print(f"{len(cases)} scraped-text pages built from {', '.join(str(d) for d in args.dirs)}")
    print(f"{'tool':<12}" + "".join(f"{c:>10}" for c in cols))
    for name, res in results.items():
        print(f"{name:<12}" + "".join(f"{res[c]:>10.3f}" for c in cols))
    clean = clean_text_scores(args.dirs, args.every)
    print(
        f"on the clean gold texts: clutter_reason leaves {clean['lines kept']:.4f} of lines alone; "
        f"extract_text keeps {clean['token recall']:.4f} of tokens"
    )
    if "trafilatura" in results:
        t, b = results["tidings"], results["trafilatura"]
        ratio = {k: t[k] / max(b[k], 1e-9) for k in ("F1", "leak", "pages/s")}
        print(
            f"ratios tidings/trafilatura: F1 {ratio['F1']:.3f}, leak {ratio['leak']:.3f}, speed {ratio['pages/s']:.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
