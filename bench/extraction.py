"""Benchmark: tidings' HTML extraction vs plain trafilatura, on the same pages, in one run.

    .venv/bin/python bench/extraction.py [DATA_DIRS...] [--limit N] [--every K]

Data folders (default: ../shared/data/extraction/aeb, ../shared/data/extraction/wcxb-dev-article,
../shared/data/corpus/html) are recognised by content: a folder with ``gold.jsonl.gz`` is a
text-extraction set scored with its own metric (AEB: 4-token ``\\w+`` shingles, per-page
P and R macro-averaged, F1 = harmonic mean of mean P and mean R; WCXB: lower-cased ``\\w+``
bag of words, P/R/F1 per page, macro-averaged); a folder with ``*/gold.jsonl`` (the news
corpus: fundus + readability) is scored for title exact match and publication day.

Baseline: ``trafilatura.bare_extraction(bytes, url=url, with_metadata=True,
include_comments=False, include_tables=True)``, i.e. its default (balanced) mode, as in
the research notes. Both tools get the raw page bytes; only the extraction call is timed,
alternating tool order per page so machine load hits both alike.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import trafilatura

from tidings.extract.html import extract_html
from tidings.records import Article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIRS = (
    ROOT / "../shared/data/extraction/aeb",
    ROOT / "../shared/data/extraction/wcxb-dev-article",
    ROOT / "../shared/data/corpus/html",
)
TOKEN = re.compile(r"\w+")


@dataclass
class Page:
    set: str
    id: str
    data: bytes
    url: str | None
    text: str | None = None  # gold main text (extraction sets)
    title: str | None = None
    date: str | None = None  # gold day, YYYY-MM-DD


@dataclass
class Output:
    text: str = ""
    title: str | None = None
    date: str | None = None


@dataclass
class ToolRun:
    outputs: dict[tuple[str, str], Output] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


# ------------------------------------------------------------------------- loading


def _day(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    match = re.match(r"\d{4}-\d{2}-\d{2}", value.strip())
    return match.group(0) if match else None


def load_pages(folder: Path, *, limit: int | None = None, every: int = 1) -> list[Page]:
    """Pages of one data folder (every ``every``-th page, at most ``limit`` per set)."""
    sets: list[tuple[str, Path, list[dict[str, Any]]]] = []
    if (folder / "gold.jsonl.gz").exists():
        with gzip.open(folder / "gold.jsonl.gz", "rt", encoding="utf-8") as fh:
            sets.append((folder.name, folder, [json.loads(line) for line in fh]))
    else:
        for gold in sorted(folder.glob("*/gold.jsonl")):
            rows = [json.loads(line) for line in gold.read_text("utf-8").splitlines() if line.strip()]
            sets.append((gold.parent.name, gold.parent, rows))
    pages: list[Page] = []
    for name, base, rows in sets:
        chosen = rows[::every][:limit] if limit else rows[::every]
        for row in chosen:
            path = base / (row.get("html") or row["file"])
            data = gzip.decompress(path.read_bytes())
            pages.append(
                Page(
                    set=name,
                    id=row["id"],
                    data=data,
                    url=row.get("url") or None,
                    text=row.get("text") if "html" in row else None,
                    title=row.get("title") or None,
                    date=_day(row.get("date") or row.get("publishing_date") or row.get("publishedTime")),
                )
            )
    return pages


# -------------------------------------------------------------------------- tools


def run_tidings(page: Page) -> Output:
    result = extract_html(page.data, source=page.url or page.id, url=page.url)
    if not isinstance(result, Article):
        return Output()
    return Output(result.text, result.title, result.published)


def run_trafilatura(page: Page) -> Output:
    doc = trafilatura.bare_extraction(
        page.data, url=page.url, with_metadata=True, include_comments=False, include_tables=True
    )
    if doc is None:
        return Output()
    return Output(doc.text or "", doc.title, _day(doc.date))


TOOLS: dict[str, Callable[[Page], Output]] = {"tidings": run_tidings, "trafilatura": run_trafilatura}


def run_tools(pages: list[Page], tools: Iterable[str] = TOOLS) -> dict[str, ToolRun]:
    names = list(tools)
    runs = {name: ToolRun() for name in names}
    for name in names:  # untimed warm-up (imports, model loading)
        TOOLS[name](pages[0])
    for i, page in enumerate(pages):
        order = names if i % 2 == 0 else names[::-1]
        for name in order:
            start = time.perf_counter()
            out = TOOLS[name](page)
            elapsed = time.perf_counter() - start
            run = runs[name]
            run.outputs[(page.set, page.id)] = out
            run.seconds[page.set] = run.seconds.get(page.set, 0.0) + elapsed
    return runs


# ------------------------------------------------------------------------ metrics


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def shingle_prf(pairs: Iterable[tuple[str, str]]) -> tuple[float, float, float]:
    """AEB metric over (gold, predicted) pairs: per-page normalised TP/FP/FN, macro P and R."""
    precisions, recalls = [], []
    for gold, pred in pairs:
        g, p = _shingles(gold), _shingles(pred)
        tp = sum((g & p).values())
        fp = sum(p.values()) - tp
        fn = sum(g.values()) - tp
        if fp == fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
    prec = sum(precisions) / len(precisions) if precisions else 0.0
    rec = sum(recalls) / len(recalls) if recalls else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def token_prf(pairs: Iterable[tuple[str, str]]) -> tuple[float, float, float]:
    """WCXB metric: lower-cased word bag P/R/F1 per page, each macro-averaged."""
    scores = []
    for gold, pred in pairs:
        g, p = Counter(TOKEN.findall(gold.lower())), Counter(TOKEN.findall(pred.lower()))
        if not g:
            scores.append((1.0, 1.0, 1.0) if not p else (0.0, 0.0, 0.0))
            continue
        if not p:
            scores.append((0.0, 0.0, 0.0))
            continue
        overlap = sum((g & p).values())
        prec, rec = overlap / sum(p.values()), overlap / sum(g.values())
        scores.append((prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0))
    n = max(len(scores), 1)
    return tuple(sum(s[i] for s in scores) / n for i in range(3))  # type: ignore[return-value]


_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "\u00ad": None, "\u200b": None})


def _norm_title(title: str | None) -> str:
    """Exact match up to Unicode form, whitespace and typographic vs straight quotes."""
    return " ".join(unicodedata.normalize("NFKC", title or "").translate(_QUOTES).split())


METRICS: dict[str, Callable[[Iterable[tuple[str, str]]], tuple[float, float, float]]] = {
    "aeb": shingle_prf,
    "wcxb-dev-article": token_prf,
}


def score(pages: list[Page], runs: dict[str, ToolRun]) -> dict[str, dict[str, dict[str, float]]]:
    """{set: {tool: {p, r, f1, pages_per_s, title_exact, date_day, n_title, n_date}}}."""
    by_set: dict[str, list[Page]] = {}
    for page in pages:
        by_set.setdefault(page.set, []).append(page)
    result: dict[str, dict[str, dict[str, float]]] = {}
    for name, set_pages in by_set.items():
        result[name] = {}
        for tool, run in runs.items():
            outs = [run.outputs[(p.set, p.id)] for p in set_pages]
            figures: dict[str, float] = {"n": len(set_pages)}
            metric = METRICS.get(name)
            if metric is not None:
                pairs = [(p.text or "", o.text) for p, o in zip(set_pages, outs, strict=True)]
                figures["p"], figures["r"], figures["f1"] = metric(pairs)
                figures["pages_per_s"] = len(set_pages) / max(run.seconds.get(name, 0.0), 1e-9)
            titled = [(p, o) for p, o in zip(set_pages, outs, strict=True) if p.title]
            dated = [(p, o) for p, o in zip(set_pages, outs, strict=True) if p.date]
            if titled:
                figures["n_title"] = len(titled)
                exact = sum(_norm_title(p.title) == _norm_title(o.title) for p, o in titled)
                figures["title_exact"] = exact / len(titled)
            if dated:
                figures["n_date"] = len(dated)
                figures["date_day"] = sum(p.date == o.date for p, o in dated) / len(dated)
            result[name][tool] = figures
    return result


def summary(scores: dict[str, dict[str, dict[str, float]]], tool: str) -> dict[str, float]:
    """Headline figures of one tool: F1 per text set, title/date accuracy on the news corpus."""
    out: dict[str, float] = {}
    for name, per_tool in scores.items():
        fig = per_tool[tool]
        if "f1" in fig:
            out[f"{name}.f1"] = fig["f1"]
    corpus = [per_tool[tool] for name, per_tool in scores.items() if name not in METRICS]
    for key, count in (("title_exact", "n_title"), ("date_day", "n_date")):
        n = sum(f.get(count, 0) for f in corpus)
        if n:
            out[f"corpus.{key}"] = sum(f.get(key, 0.0) * f.get(count, 0) for f in corpus) / n
    return out


def subset_figures(dirs: Iterable[Path] = DEFAULT_DIRS, every: int = 6) -> dict[str, dict[str, float]]:
    """Headline figures of both tools on every ``every``-th page (the floor test's subset)."""
    pages = [p for folder in dirs for p in load_pages(Path(folder).resolve(), every=every)]
    scores = score(pages, run_tools(pages))
    return {tool: summary(scores, tool) for tool in TOOLS}


# -------------------------------------------------------------------------- report


def report(scores: dict[str, dict[str, dict[str, float]]]) -> str:
    lines = []
    head = f"{'set':<18}{'tool':<13}{'n':>5}{'P':>8}{'R':>8}{'F1':>8}{'pages/s':>9}{'title':>8}{'date':>8}"
    lines.append(head)
    lines.append("-" * len(head))
    for name, per_tool in scores.items():
        for tool, fig in per_tool.items():

            def cell(key: str, width: int = 8, fmt: str = ".3f", fig: dict[str, float] = fig) -> str:
                return f"{fig[key]:>{width}{fmt}}" if key in fig else f"{'-':>{width}}"

            lines.append(
                f"{name:<18}{tool:<13}{int(fig['n']):>5}{cell('p')}{cell('r')}{cell('f1')}"
                f"{cell('pages_per_s', 9, '.1f')}{cell('title_exact')}{cell('date_day')}"
            )
        if "tidings" in per_tool and "trafilatura" in per_tool:
            t, b = per_tool["tidings"], per_tool["trafilatura"]
            ratios = []
            if "f1" in t:
                ratios.append(f"F1 {t['f1'] / max(b['f1'], 1e-9):.3f}x")
                ratios.append(f"speed {t['pages_per_s'] / max(b['pages_per_s'], 1e-9):.2f}x")
            if "title_exact" in t:
                ratios.append(f"title {t['title_exact'] - b['title_exact']:+.3f}")
            if "date_day" in t:
                ratios.append(f"date {t['date_day'] - b['date_day']:+.3f}")
            lines.append(f"{'':<18}{'tidings/traf':<13} " + "  ".join(ratios))
    summ_t, summ_b = summary(scores, "tidings"), summary(scores, "trafilatura")
    lines.append("")
    for key in summ_t:
        lines.append(f"{key:<28} tidings {summ_t[key]:.3f}   trafilatura {summ_b.get(key, float('nan')):.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", nargs="*", type=Path, default=list(DEFAULT_DIRS))
    parser.add_argument("--limit", type=int, default=None, help="at most N pages per set")
    parser.add_argument("--every", type=int, default=1, help="take every K-th page")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)
    pages = [p for folder in args.dirs for p in load_pages(folder.resolve(), limit=args.limit, every=args.every)]
    if not pages:
        print("no pages found", file=sys.stderr)
        return 1
    runs = run_tools(pages)
    scores = score(pages, runs)
    print(report(scores))
    if args.json:
        args.json.write_text(json.dumps(scores, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
