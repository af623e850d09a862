"""Theme tagging P/R/F1 against a keyword-only baseline, in one run.

The labelled set is built from ../shared/data/corpus/text by mapping each corpus's own
editorial labels onto tidings issues (this mapping is the whole labelling procedure):

  BBC category   business -> economy, politics -> politics, sport -> sport,
                 tech -> technology, entertainment -> culture_entertainment
  Reuters topic  trade -> trade_tariffs; crude, nat-gas, gas, fuel, heat, propane, jet, naphtha,
                 pet-chem -> energy; grain, wheat, corn, barley, oat, sorghum, rice, soybean, oilseed,
                 veg-oil, sugar, coffee, cocoa, cotton, livestock, carcass, l-cattle, hog, meal-feed,
                 potato, orange, rapeseed, soy-meal, soy-oil, sun-oil, palm-oil, tea, rubber
                 -> agriculture_food; money-fx, interest, money-supply, gnp, cpi, ipi, jobs, bop,
                 reserves, earn, acq, retail, wpi, income, housing, lei -> economy

A document's gold themes are the mapped labels (Reuters documents without a mapped topic are
left out). Only the themes a corpus labels are scored on it: predicting "diplomacy" for a
BBC story is neither right nor wrong there. Documents alternate between a dev half (used to
choose each method's article threshold) and a test half (reported).

Baseline: the same cue list matched as plain lower-case substrings (no lemmas, weights or
vetoes); a theme when its hit count reaches the baseline's own best threshold.

    .venv/bin/python bench/themes.py [BBC_JSONL...] [--reuters FILE...] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TEXT = ROOT.parent / "shared" / "data" / "corpus" / "text"
FLOORS = ROOT / "bench" / "floors" / "themes.json"

BBC_MAP = {
    "business": "economy",
    "politics": "politics",
    "sport": "sport",
    "tech": "technology",
    "entertainment": "culture_entertainment",
}
REUTERS_MAP: dict[str, str] = {}
for _theme, _topics in {
    "trade_tariffs": "trade",
    "energy": "crude nat-gas gas fuel heat propane jet naphtha pet-chem",
    "agriculture_food": "grain wheat corn barley oat sorghum rice soybean oilseed veg-oil sugar coffee cocoa "
    "cotton livestock carcass l-cattle hog meal-feed potato orange rapeseed soy-meal soy-oil "
    "sun-oil palm-oil tea rubber",
    "economy": "money-fx interest money-supply gnp cpi ipi jobs bop reserves earn acq retail wpi income housing lei",
}.items():
    for _t in _topics.split():
        REUTERS_MAP[_t] = _theme


def load(bbc: list[Path], reuters: list[Path], limit: int) -> dict[str, list[dict[str, Any]]]:
    sets: dict[str, list[dict[str, Any]]] = {"bbc": [], "reuters": []}
    for path in bbc:
        for line in path.read_text("utf-8").splitlines():
            r = json.loads(line)
            if r.get("category") in BBC_MAP and r.get("text"):
                sets["bbc"].append({"title": r.get("title") or "", "text": r["text"], "gold": {BBC_MAP[r["category"]]}})
    for path in reuters:
        for line in path.read_text("utf-8").splitlines():
            r = json.loads(line)
            gold = {REUTERS_MAP[t] for t in r.get("topics") or [] if t in REUTERS_MAP}
            if gold and len(r.get("text") or "") > 200:
                sets["reuters"].append({"title": r.get("title") or "", "text": r["text"], "gold": gold})
    # an even spread across the files (they are ordered by category/date)
    for name, docs in sets.items():
        step = max(1, len(docs) // limit) if limit else 1
        sets[name] = docs[::step][:limit] if limit else docs
    return sets


def labelled_themes(name: str) -> set[str]:
    return set(BBC_MAP.values()) if name == "bbc" else set(REUTERS_MAP.values())


def tidings_scores(docs: list[dict[str, Any]]) -> list[dict[str, float]]:
    """Article-level theme scores from tidings' sentence tags (title counted as a sentence)."""
    from tidings.facts.base import FactContext
    from tidings.facts.issues.stage import IssueStage
    from tidings.nlp import Parser
    from tidings.records import Article

    parser = Parser()
    stage = IssueStage()
    out: list[dict[str, float]] = []
    texts = [f"{d['title']}\n\n{d['text']}" for d in docs]
    for doc_text, spacy_doc in zip(texts, parser.pipe(texts), strict=True):
        art = Article(id="x", source="bench", url=None, title=None, text=doc_text, paragraphs=())
        totals: dict[str, float] = defaultdict(float)
        for tag in stage(FactContext(art, spacy_doc))["issues"]:
            totals[tag.issue] += tag.score
        out.append(dict(totals))
    return out


def baseline_scores(docs: list[dict[str, Any]]) -> list[dict[str, float]]:
    import tomllib

    data = tomllib.loads((ROOT / "src/tidings/data/issues/issues.toml").read_text("utf-8"))
    patterns = {
        item["id"]: re.compile(r"\b(?:" + "|".join(re.escape(c.split("|")[0].lower()) for c in item["cues"]) + r")\b")
        for item in data["issue"]
    }
    out = []
    for d in docs:
        text = f"{d['title']}\n{d['text']}".lower()
        out.append({k: float(len(p.findall(text))) for k, p in patterns.items() if p.search(text)})
    return out


def prf(
    docs: list[dict[str, Any]], scores: list[dict[str, float]], labels: set[str], threshold: float
) -> dict[str, float]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for d, s in zip(docs, scores, strict=True):
        pred = {k for k, v in s.items() if v >= threshold and k in labels}
        for t in labels:
            if t in pred and t in d["gold"]:
                tp[t] += 1
            elif t in pred:
                fp[t] += 1
            elif t in d["gold"]:
                fn[t] += 1
    f1s = []
    for t in labels:
        p = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 0.0
        r = tp[t] / (tp[t] + fn[t]) if tp[t] + fn[t] else 0.0
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    ptot = sum(tp.values()) / max(1, sum(tp.values()) + sum(fp.values()))
    rtot = sum(tp.values()) / max(1, sum(tp.values()) + sum(fn.values()))
    return {
        "P": ptot,
        "R": rtot,
        "F1": 2 * ptot * rtot / (ptot + rtot) if ptot + rtot else 0.0,
        "macroF1": sum(f1s) / len(f1s),
    }


def best_threshold(
    docs: list[dict[str, Any]], scores: list[dict[str, float]], labels: set[str], grid: Iterable[float]
) -> float:
    return max(grid, key=lambda t: prf(docs, scores, labels, t)["macroF1"])


def evaluate(sets: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, dict[str, float]]]:
    results: dict[str, dict[str, dict[str, float]]] = {}
    for name, docs in sets.items():
        labels = labelled_themes(name)
        dev, test = docs[0::2], docs[1::2]
        results[name] = {}
        for method, scorer, grid in (
            ("keywords", baseline_scores, [1, 2, 3, 4, 5, 6, 8]),
            ("tidings", tidings_scores, [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0]),
        ):
            started = time.perf_counter()
            s_dev, s_test = scorer(dev), scorer(test)
            th = best_threshold(dev, s_dev, labels, grid)
            res = prf(test, s_test, labels, th)
            res["threshold"] = th
            res["docs_per_s"] = len(docs) / (time.perf_counter() - started)
            results[name][method] = res
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("bbc", nargs="*", type=Path, default=sorted((TEXT / "bbc").glob("*.jsonl")))
    ap.add_argument("--reuters", nargs="*", type=Path, default=sorted((TEXT / "reuters21578").glob("*.jsonl"))[:2])
    ap.add_argument("--limit", type=int, default=600, help="documents per set (0 = all)")
    args = ap.parse_args(argv)
    results = evaluate(load(args.bbc, args.reuters, args.limit))
    print(f"{'set':9s} {'method':9s} {'P':>6s} {'R':>6s} {'F1':>6s} {'macroF1':>8s} {'thr':>5s} {'docs/s':>7s}")
    for name, by_method in results.items():
        for method, r in by_method.items():
            print(
                f"{name:9s} {method:9s} {r['P']:6.3f} {r['R']:6.3f} {r['F1']:6.3f} {r['macroF1']:8.3f} "
                f"{r['threshold']:5.1f} {r['docs_per_s']:7.1f}"
            )
        gain = by_method["tidings"]["macroF1"] - by_method["keywords"]["macroF1"]
        print(f"{name:9s} tidings - keywords macro-F1: {gain:+.3f}")
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    if floors.get("_limit") == args.limit:
        bad = [
            f"{name}: {results[name]['tidings']['macroF1']:.3f} < {floor}"
            for name, floor in floors.items()
            if not name.startswith("_") and results[name]["tidings"]["macroF1"] < floor
        ]
        if bad:
            print("BELOW FLOOR: " + "; ".join(bad))
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
