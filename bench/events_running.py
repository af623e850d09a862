"""Events on running news: whole articles, every sentence judged, scored as a user meets it.

    .venv/bin/python bench/events_running.py [GOLD_DIR] [CORPUS_DIR] [--split test|dev|all]
        [--previous FILE] [--pin FILE] [--ablate] [--keep DIR]

GOLD_DIR defaults to bench/gold/running_news (sample.jsonl + ann/*.json, see its GUIDELINES.md),
CORPUS_DIR to ../shared/data/corpus (the article texts are rebuilt from it). The articles of the
split are written as JSONL records and ingested by the CLI (`tidings ingest`), then read back
with `tidings events --format jsonl`, exactly as a user (or the hidden evaluation) would. Three
systems in one run: tidings now; the previous coder (its decisions pinned in a file, scored the
same way); and the PETRARCH-2 dictionary alone (`[events] dictionary_only = true`).

Scoring follows ../shared/notes/event-coding-conventions.md: a predicted *asserted* event is
right when its sentence has a gold event of the same CAMEO root (background mentions of the same
root count as right, never as false); a gold asserted, non-background event is found when a
prediction in its sentence has its root; dyad accuracy is source and target country on matched
events; main-event recall needs root and dyad countries; false events are asserted predictions
per 100 sentences that have no gold event.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from end_to_end import QUALITY_RUN_CONFIG  # noqa: E402
from gold_text import gold_article_text  # noqa: E402
from tidings.facts.events.rules import GROUPS  # noqa: E402

DEFAULT_GOLD = ROOT / "bench" / "gold" / "running_news"
DEFAULT_CORPUS = ROOT / ".." / "shared" / "data" / "corpus"
DEFAULT_PREVIOUS = DEFAULT_GOLD / "previous_coder.jsonl"
TIDINGS = str(Path(sys.executable).parent / "tidings")
BINS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


@dataclass
class Gold:
    doc_id: str
    text: str
    sentences: list[tuple[int, int]]
    events: dict[int, list[dict[str, Any]]]  # sid -> gold events
    main: list[tuple[int, dict[str, Any]]]  # (sid, event)
    published: str | None
    title: str | None
    source: str | None


@dataclass
class Prediction:
    doc_id: str
    sid: int
    root: str
    cameo: str
    plover: str | None
    factuality: str
    source: str | None
    target: str | None
    confidence: float
    is_main: bool


@dataclass
class Scores:
    name: str
    n_pred: int = 0
    right: int = 0
    gold_n: int = 0
    found: int = 0
    found_asserted: int = 0
    matched: int = 0
    src_right: int = 0
    tgt_right: int = 0
    fact_right: int = 0
    plover_right: int = 0
    real: float = 0.0
    main_n: int = 0
    main_found: int = 0
    main_flagged: int = 0
    empty_sentences: int = 0
    false_in_empty: int = 0
    src_filled: int = 0
    tgt_filled: int = 0
    tgt_gold: int = 0
    tgt_gold_found: int = 0
    bins: dict[int, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    errors: Counter[str] = field(default_factory=Counter)

    def row(self) -> dict[str, float]:
        def r(a: float, b: float) -> float:
            return round(a / b, 3) if b else 0.0

        return {
            "precision": r(self.right, self.n_pred),
            "recall": r(self.found, self.gold_n),
            "recall_asserted_pred": r(self.found_asserted, self.gold_n),
            "main_event_recall": r(self.main_found, self.main_n),
            "main_flagged_recall": r(self.main_flagged, self.main_n),
            "false_per_100_empty": r(100 * self.false_in_empty, self.empty_sentences),
            "source_country_acc": r(self.src_right, self.matched),
            "target_country_acc": r(self.tgt_right, self.matched),
            "factuality_acc": r(self.fact_right, self.matched),
            "plover_acc": r(self.plover_right, self.matched),
            "real_event": r(self.real, self.n_pred),
            "source_filled": r(self.src_filled, self.gold_n),
            "target_filled": r(self.tgt_filled, self.tgt_gold),
            # of the true events found (same root in the sentence): is the slot filled at all
            "source_filled_of_found": r(self.src_filled, self.found),
            "target_filled_of_found": r(self.tgt_filled, self.tgt_gold_found),
            "asserted_events": float(self.n_pred),
        }


def load_gold(gold_dir: Path, corpus: Path, split: str) -> list[Gold]:
    out = []
    for line in (gold_dir / "sample.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if split != "all" and row["split"] != split:
            continue
        ann = json.loads((gold_dir / "ann" / f"{row['doc_id']}.json").read_text("utf-8"))
        events = {s["sid"]: s.get("events", []) for s in ann["sentences"]}
        by_eid = {e["eid"]: (sid, e) for sid, evs in events.items() for e in evs}
        main = [by_eid[eid] for eid in ann.get("main_events", []) if eid in by_eid]
        text = gold_article_text(corpus, row["file"], row["doc_id"])
        out.append(Gold(row["doc_id"], text, [(s["start"], s["end"]) for s in row["sentences"]], events, main,
                        row.get("published"), row.get("title"), row.get("source")))  # fmt: skip
    return out


def _country(ref: Any) -> str | None:
    return (ref or {}).get("country") or None


def write_input(golds: list[Gold], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for g in golds:
            record = {"url": f"https://gold.tidings.invalid/{g.doc_id}", "title": g.title, "text": g.text,
                      "published": g.published, "source": g.source}  # fmt: skip
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def run_tidings(golds: list[Gold], work: Path, name: str, config: str | None = None) -> list[dict[str, Any]]:
    """Ingest the articles with the CLI and read the events back with the CLI."""
    src = work / "input.jsonl"
    if not src.exists():
        write_input(golds, src)
    db = work / f"{name}.db"
    db.unlink(missing_ok=True)
    cfg = work / f"{name}.toml"
    cfg.write_text((config or "") + QUALITY_RUN_CONFIG, "utf-8")
    args = [TIDINGS, "ingest", str(src), "--db", str(db), "--config", str(cfg)]
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"tidings ingest failed: {done.stderr[-2000:]}")
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        failed = conn.execute("SELECT article_id, stage, code FROM fact_rejections").fetchall()
    if failed:  # a stage that did not run would score as missed events: the figures would lie
        raise SystemExit(f"{len(failed)} fact stages did not run, e.g. {failed[:3]}")
    out = subprocess.run([TIDINGS, "events", "--db", str(db), "--format", "jsonl"], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    events = [json.loads(line) for line in out.splitlines() if line.strip()]
    conn = sqlite3.connect(db)
    texts = {aid: (url, text) for aid, url, text in conn.execute("SELECT id, url, text FROM articles")}
    conn.close()
    for e in events:
        url, text = texts[e["article_id"]]
        e["_doc"], e["_text"] = url.rsplit("/", 1)[-1], text
    return events


def _mapper(a: str, b: str) -> Any:
    """A function mapping offsets in ``a`` to offsets in ``b`` (the texts differ only a little:
    a dateline cut, whitespace)."""
    blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()

    def to_b(i: int) -> int:
        best = 0
        for blk in blocks:
            if blk.a <= i < blk.a + blk.size:
                return blk.b + (i - blk.a)
            if blk.a + blk.size <= i:
                best = blk.b + blk.size
        return best

    return to_b


def to_predictions(events: list[dict[str, Any]], golds: dict[str, Gold]) -> list[Prediction]:
    out: list[Prediction] = []
    mappers: dict[str, Any] = {}
    for e in events:
        g = golds.get(e["_doc"])
        if g is None:
            continue
        if e["_doc"] not in mappers:
            mappers[e["_doc"]] = _mapper(e["_text"], g.text)
        to_gold = mappers[e["_doc"]]
        s0, s1 = to_gold(e["sentence_start"]), to_gold(max(e["sentence_start"], e["sentence_end"] - 1)) + 1
        overlaps = [(min(s1, b) - max(s0, a), sid) for sid, (a, b) in enumerate(g.sentences)]
        best, sid = max(overlaps)
        if best <= 0:
            continue
        cameo = e.get("cameo_code") or ""
        out.append(Prediction(e["_doc"], sid, cameo[:2], cameo, e.get("plover_event"), e.get("factuality") or "",
                              _country(e.get("source")), _country(e.get("target")),
                              float(e.get("confidence") or 0.0), bool(e.get("is_main"))))  # fmt: skip
    return out


def _dyad_agreement(ge: dict[str, Any], p: Prediction) -> int:
    """How many of a gold event's two countries a prediction tells (the first such event wins a tie)."""
    return (_country(ge.get("source")) == p.source) + (_country(ge.get("target")) == p.target)


def score(name: str, golds: list[Gold], preds: list[Prediction]) -> Scores:
    sc = Scores(name)
    by_sent: dict[tuple[str, int], list[Prediction]] = defaultdict(list)
    for p in preds:
        by_sent[(p.doc_id, p.sid)].append(p)
    for g in golds:
        for sid in range(len(g.sentences)):
            gold = g.events.get(sid, [])
            mine = by_sent.get((g.doc_id, sid), [])
            asserted = [p for p in mine if p.factuality == "asserted"]
            if not gold:
                sc.empty_sentences += 1
                sc.false_in_empty += len(asserted)
            for p in asserted:
                sc.n_pred += 1
                # of a sentence's gold events of the root, the one whose dyad the prediction tells
                # (the conventions make each target a separate event: 'talks with Iraq and Afghanistan')
                same_root = [ge for ge in gold if ge["cameo"][:2] == p.root]
                hit = max(same_root, key=lambda ge: _dyad_agreement(ge, p), default=None)
                b = min(int(p.confidence * 10), 9)
                sc.bins[b][0] += 1
                sc.real += 1.0 if gold else 0.0
                if hit is None:
                    sc.errors["no gold event in sentence" if not gold else "wrong root"] += 1
                    continue
                sc.right += 1
                sc.bins[b][1] += 1
                sc.matched += 1
                sc.src_right += _country(hit.get("source")) == p.source
                sc.tgt_right += _country(hit.get("target")) == p.target
                sc.fact_right += hit.get("factuality") == p.factuality
                sc.plover_right += (hit.get("plover") or None) == (p.plover or None)
            for ge in gold:
                if ge.get("factuality") != "asserted" or ge.get("background"):
                    continue
                sc.gold_n += 1
                same = [p for p in mine if p.root == ge["cameo"][:2]]
                sc.found += bool(same)
                sc.found_asserted += any(p.factuality == "asserted" for p in same)
                if same:
                    sc.src_filled += any(p.source for p in same)
                    if _country(ge.get("target")):
                        sc.tgt_gold += 1
                        sc.tgt_gold_found += 1
                        sc.tgt_filled += any(p.target for p in same)
                elif _country(ge.get("target")):
                    sc.tgt_gold += 1
        for sid, ge in g.main:
            sc.main_n += 1
            want = (ge["cameo"][:2], _country(ge.get("source")), _country(ge.get("target")))
            mine = by_sent.get((g.doc_id, sid), [])
            got = [p for p in mine if (p.root, p.source, p.target) == want]
            sc.main_found += bool(got)
            sc.main_flagged += any(p.is_main for p in got)
    return sc


def load_pinned(path: Path) -> list[Prediction]:
    return [Prediction(**json.loads(line)) for line in path.open(encoding="utf-8") if line.strip()]


def pin(preds: list[Prediction], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for p in preds:
            fh.write(json.dumps(p.__dict__) + "\n")


def bootstrap(golds: list[Gold], preds: list[Prediction], rounds: int, seed: int = 1) -> dict[str, float]:
    """Standard error of each figure when the articles are resampled with replacement: how far a
    figure moves on another sample of the same size, before reading a change between two runs."""
    import random
    import statistics

    rnd = random.Random(seed)
    by_doc: dict[str, list[Prediction]] = defaultdict(list)
    for p in preds:
        by_doc[p.doc_id].append(p)
    rows = []
    for _ in range(rounds):
        sample, mine = [], []
        for n, g in enumerate(rnd.choice(golds) for _ in golds):
            doc = f"{g.doc_id}#{n}"  # a document drawn twice counts twice
            sample.append(replace(g, doc_id=doc))
            mine += [replace(p, doc_id=doc) for p in by_doc[g.doc_id]]
        rows.append(score("bootstrap", sample, mine).row())
    return {k: statistics.pstdev(r[k] for r in rows) for k in rows[0] if k != "asserted_events"}


def print_table(results: list[Scores]) -> None:
    rows = [r.row() for r in results]
    names = [r.name for r in results]
    print(f"{'metric':28s}" + "".join(f"{n:>14s}" for n in names))
    for metric in rows[0]:
        print(f"{metric:28s}" + "".join(f"{row[metric]:>14.3f}" for row in rows))


def print_reliability(sc: Scores) -> None:
    print(f"\nreliability of {sc.name}'s asserted events (confidence bin: events, share right)")
    for b in sorted(sc.bins):
        n, ok = sc.bins[b]
        print(f"  {b / 10:.1f}-{(b + 1) / 10:.1f}  {n:5d}  {ok / n if n else 0:.2f}")


def print_gdelt_style(sc: Scores) -> None:
    n = max(sc.n_pred, 1)
    print(f"\nGDELT-style per-field check of {sc.name}'s {sc.n_pred} asserted events (share right):")
    print(f"  real event (sentence has a gold event)   {sc.real / n:.3f}")
    print(f"  CAMEO root                               {sc.right / n:.3f}")
    print(f"  source country                           {sc.src_right / n:.3f}")
    print(f"  target country                           {sc.tgt_right / n:.3f}")
    print(f"  PLOVER type                              {sc.plover_right / n:.3f}")
    print(f"  factuality                               {sc.fact_right / n:.3f}")


def measure(gold_dir: Path = DEFAULT_GOLD, corpus: Path = DEFAULT_CORPUS, split: str = "test") -> dict[str, float]:
    """tidings' figures on one split (what the floor test reads), without the baselines."""
    golds = load_gold(gold_dir, corpus, split)
    with tempfile.TemporaryDirectory() as tmp:
        preds = to_predictions(run_tidings(golds, Path(tmp), "tidings"), {g.doc_id: g for g in golds})
    return score("tidings", golds, preds).row()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--split", default="test", choices=("dev", "test", "all"))
    ap.add_argument("--previous", type=Path, default=DEFAULT_PREVIOUS, help="pinned decisions of the previous coder")
    ap.add_argument("--pin", type=Path, help="write tidings' decisions here (all splits) to pin them")
    ap.add_argument("--no-baseline", action="store_true", help="skip the dictionary-only run")
    ap.add_argument("--keep", type=Path, help="keep the stores and inputs in this directory")
    ap.add_argument("--json", type=Path, help="write the figures as JSON here")
    ap.add_argument("--min-confidence", type=float, help="[events] min_confidence for tidings (default: shipped)")
    ap.add_argument("--ablate", action="store_true", help="also run tidings with each group of own rules off")
    ap.add_argument("--bootstrap", type=int, metavar="N", help="also print each figure's standard error (N resamples)")
    args = ap.parse_args(argv)
    golds = load_gold(args.gold, args.corpus, "all" if args.pin else args.split)
    by_doc = {g.doc_id: g for g in golds}
    n_sent = sum(len(g.sentences) for g in golds)
    n_events = sum(len(v) for g in golds for v in g.events.values())
    print(f"{args.split if not args.pin else 'all'}: {len(golds)} articles, {n_sent} sentences, {n_events} gold events",
          file=sys.stderr)  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        own = None if args.min_confidence is None else f"[events]\nmin_confidence = {args.min_confidence}\n"
        preds = to_predictions(run_tidings(golds, work, "tidings", config=own), by_doc)
        if args.pin:
            pin(preds, args.pin)
            print(f"pinned {len(preds)} decisions -> {args.pin}", file=sys.stderr)
            return 0
        results = [score("tidings", golds, preds)]
        if args.previous.exists():
            results.append(score("previous", golds, [p for p in load_pinned(args.previous) if p.doc_id in by_doc]))
        if not args.no_baseline:
            base = run_tidings(golds, work, "dictionary", config="[events]\ndictionary_only = true\n")
            results.append(score("dict-only", golds, to_predictions(base, by_doc)))
        if args.ablate:
            for group in sorted(GROUPS):
                cfg = f'[events]\ndisabled_rules = ["{group}"]\n' + (own or "").replace("[events]\n", "")
                off = to_predictions(run_tidings(golds, work, f"no-{group}", config=cfg), by_doc)
                results.append(score(f"no-{group}", golds, off))
    print_table(results)
    print_gdelt_style(results[0])
    print_reliability(results[0])
    print("\nerrors of tidings' asserted events:", dict(results[0].errors))
    if args.bootstrap:
        se = bootstrap(golds, preds, args.bootstrap)
        print(f"\nstandard error over {args.bootstrap} resamples of the {len(golds)} articles:")
        for key, value in se.items():
            print(f"  {key:<34} {value:.3f}")
    if args.json:
        args.json.write_text(json.dumps({r.name: r.row() for r in results}, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
