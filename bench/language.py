"""Language gate: do English articles reach the fact stages, and do the others stay out?

    .venv/bin/python bench/language.py [CORPUS_DIR]      (~5 minutes on 2 cores)

CORPUS_DIR defaults to ../shared/data/corpus. End to end as a user meets it: every record,
feed item and page goes through tidings' extraction (cleaning, language detection) and the
question is the gate's: does the English pipeline read it (``tidings.language.reads_english``)?

English sets: every record of ``text/*`` (29k: Reuters, BBC, NYT leads, People's Daily, IEER;
title + text as a JSONL user gives them, no declared language), the items of the English
feeds (Guardian US, Science, and Varthabharati, whose items are English although the feed
declares Kannada), the English pages of ``html/readability`` (gold ``lang``).
Non-English sets: the items of the German and Portuguese feeds, the readability pages whose
gold ``lang`` is not English, the ``html/fundus`` pages whose gold body is confidently
(>= 0.99 over the whole body) not English — a silver label, printed apart — and the French,
Spanish and Chinese pages in tests/data/languages.

Anchors: "langid top" (py3langid's first answer on the same text, nothing declared) and
"150 words + lang" (tidings' rule before issue 19: classify texts of 150+ words, else take
the page's declared language; records and text files got no language at all).
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tidings.extract import extract_raw
from tidings.language import _identifier, reads_english
from tidings.records import Article, RawDoc
from tidings.sources.feeds import read_feed
from tidings.sources.files import read_file

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / ".." / "shared" / "data" / "corpus"
OWN_PAGES = ROOT / "tests" / "data" / "languages"
FLOORS = ROOT / "bench" / "floors" / "language.json"
ENGLISH_FEEDS = ("guardian-us.rss", "science-twis.rdf", "varthabharati.rss")
OTHER_FEEDS = ("heise-developer.atom", "transfermarkt-news.rss", "jn-pt.rss", "uol-noticias.rss")


@dataclass(frozen=True)
class Case:
    group: str
    english: bool
    article: Article
    declared: str | None


def _extracted(raw: RawDoc) -> Article | None:
    result = extract_raw(raw)
    return result if isinstance(result, Article) else None


def records(corpus: Path, every: int = 1) -> Iterator[Case]:
    for path in sorted((corpus / "text").glob("*/*.jsonl")):
        for n, raw in enumerate(read_file(path, _input_options())):
            if isinstance(raw, RawDoc) and n % every == 0:
                article = _extracted(raw)
                if article is not None:
                    yield Case(f"text/{path.parent.name}", True, article, None)


def feed_items(corpus: Path) -> Iterator[Case]:
    for name in (*ENGLISH_FEEDS, *OTHER_FEEDS):
        for raw in read_feed((corpus / "feeds" / name).read_bytes(), uri=name):
            if isinstance(raw, RawDoc):
                article = _extracted(raw)
                if article is not None:
                    yield Case(f"feed/{name}", name in ENGLISH_FEEDS, article, raw.fields.get("language"))


def pages(corpus: Path) -> Iterator[Case]:
    readability = corpus / "html" / "readability"
    for line in (readability / "gold.jsonl").read_text("utf-8").splitlines():
        gold = json.loads(line)
        if not gold.get("lang"):
            continue
        article = _page(readability / gold["file"])
        if article is not None:
            yield Case("html/readability", gold["lang"].lower().startswith("en"), article, gold["lang"])
    fundus = corpus / "html" / "fundus"
    for line in (fundus / "gold.jsonl").read_text("utf-8").splitlines():
        gold = json.loads(line)
        code, prob = _identifier().classify(gold.get("body_text") or "")
        if prob < 0.99:
            continue  # no sure silver label
        article = _page(fundus / gold["file"])
        if article is not None:
            yield Case("html/fundus (silver)", code == "en", article, None)
    for path in sorted(OWN_PAGES.glob("*.html")):
        article = _page(path)
        if article is not None:
            yield Case("html/tests-data", False, article, None)


def _page(path: Path) -> Article | None:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return _extracted(RawDoc(id=path.name, uri=str(path), origin=str(path), kind="html", data=data))


def _input_options() -> object:
    from tidings.config import InputOptions

    return InputOptions(max_bytes=200_000_000)


# ----------------------------------------------------------------------------- systems


def tidings_gate(case: Case) -> bool:
    return reads_english(case.article.language)


def langid_top(case: Case) -> bool:
    text = f"{case.article.title}\n\n{case.article.text}" if case.article.title else case.article.text
    return str(_identifier().classify(text[:2000])[0]) == "en"


def old_rule(case: Case) -> bool:
    """Before issue 19: only HTML pages got a language (150+ words classified, else declared)."""
    if case.article.extractor != "tidings.extract.html.v1":
        return True
    text = case.article.text
    hint = case.declared or (case.article.extras.get("language") or {}).get("declared") or ""
    declared = hint.split("-")[0].split("_")[0].lower() or None
    if len(text.split()) < 150:
        return declared in (None, "en")
    code, prob = _identifier().classify(text[:1500])
    return (declared if declared and prob < 0.5 else str(code)) == "en"


SYSTEMS: dict[str, Callable[[Case], bool]] = {
    "tidings": tidings_gate,
    "langid top": langid_top,
    "150 words + lang": old_rule,
}


def score(cases: list[Case]) -> dict[str, dict[str, float]]:
    """Per system: english_read (English articles the stages read) and other_skipped."""
    english = [c for c in cases if c.english]
    other = [c for c in cases if not c.english]
    out: dict[str, dict[str, float]] = {}
    for name, reads in SYSTEMS.items():
        read = sum(reads(c) for c in english)
        skipped = sum(not reads(c) for c in other)
        out[name] = {
            "english_read": read / max(len(english), 1),
            "english_skipped_n": float(len(english) - read),
            "other_skipped": skipped / max(len(other), 1),
        }
    return out


def evaluate(corpus: Path, every: int = 1) -> tuple[list[Case], dict[str, dict[str, float]]]:
    """``every``: read every n-th record of text/* only (the floor test reads a fifth)."""
    cases = [*records(corpus, every), *feed_items(corpus), *pages(corpus)]
    return cases, score(cases)


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else DEFAULT_CORPUS
    started = time.perf_counter()
    cases, results = evaluate(corpus)
    groups = sorted({(c.group, c.english) for c in cases})
    print(f"{'set':<34}{'kind':>8}{'n':>7}" + "".join(f"{name:>18}" for name in SYSTEMS))
    for group, english in groups:
        members = [c for c in cases if c.group == group and c.english == english]
        row = f"{group:<34}{'en' if english else 'other':>8}{len(members):>7}"
        for reads in SYSTEMS.values():
            right = sum(reads(c) == english for c in members)
            row += f"{right / len(members):>18.4f}"
        print(row)
    print("\n(share right: English read by the fact stages / other languages skipped)\n")
    for name, res in results.items():
        print(
            f"{name:<18} english_read {res['english_read']:.4f} ({res['english_skipped_n']:.0f} English skipped)"
            f"  other_skipped {res['other_skipped']:.4f}"
        )
    ours, top = results["tidings"], results["langid top"]
    print(
        f"\nEnglish wrongly skipped: tidings {ours['english_skipped_n']:.0f} vs langid top "
        f"{top['english_skipped_n']:.0f}; other languages skipped: tidings/150-words rule "
        f"{ours['other_skipped'] / max(results['150 words + lang']['other_skipped'], 1e-9):.2f}x"
    )
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    print(f"floors {floors}  ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
