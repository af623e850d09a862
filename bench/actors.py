"""Cross-article actors: tidings vs a name-string baseline on our actor gold, end to end.

    .venv/bin/python bench/actors.py [GOLD_DIR] [--corpus DIR] [--split test|dev|all] [--db FILE]

GOLD_DIR defaults to bench/gold/actors (GUIDELINES.md, sample.jsonl, ann/*.json), the corpus to
../shared/data/corpus. The articles of the split (test unless asked) are written as a JSONL of
their reader's text (bench/gold_text.py) and ingested by ``tidings ingest`` into a fresh store, as a
user would; predictions are read back with ``tidings entities --format jsonl`` (each entity's
mentions, ``actor``: the canonical cross-article actor, and per mention whether it is an actor
use). Gold offsets index the reader's text; the stored text may differ (a dateline moved to the
metadata), so offsets are carried across by a character alignment of the two texts. A gold mention
inside the moved dateline ("BEIJING, Dec. 16 (Xinhua) --") is matched against the entities'
``credit`` mention, whose span indexes the stored dateline (the news agency the dateline credits).

A gold mention takes the actor of the mention we use as an actor that overlaps it best (at least
half of either span; the one ending nearest to the gold end wins, as English phrases are
head-final: "Chinese" in "Chinese officials" is the group's). No such mention is a refusal.

Scores, on the gold mentions of the split (candidates plus the annotators' extra names):

* **B3** precision/recall/F1 of the cross-article clustering of the gold actor mentions: gold
  clusters are the canonical actors (``Barack Obama``, ``state:CHN``, ``group:USA-GOV``,
  ``ambiguous:Clinton``); a refused mention is a singleton.
* **code**: country + sector right, of the gold actor mentions we also call actors (``code``) and
  of all gold actor mentions (``code_all``, a refusal counts wrong). A ``state:`` actor (gold
  sector none) may be coded with the government sector: CAMEO codes "Beijing said" as CHNGOV.
* **not an actor**: precision (of the candidates we refuse, the share gold refuses) and recall
  (of the candidates gold refuses, the share we refuse).

Baseline ("name string"): every candidate is an actor; mentions with the same normalised string
are one actor across articles; the code is the dictionary code of the string alone (countries,
capitals as governments, known actors, role words), as a tidings user would get from the tables.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from end_to_end import QUALITY_RUN_CONFIG  # noqa: E402
from gold_text import article_text, source_record  # noqa: E402

DEFAULT_GOLD = ROOT / "bench" / "gold" / "actors"
DEFAULT_CORPUS = ROOT / ".." / "shared" / "data" / "corpus"
FLOORS = ROOT / "bench" / "floors" / "actors.json"
TIDINGS = str(Path(sys.executable).parent / "tidings")


@dataclass(frozen=True)
class GoldMention:
    doc: str
    start: int
    end: int
    text: str
    actor: str | None  # None: not an actor
    country: str | None
    sector: str | None
    candidate: bool  # a sampled candidate (False: an annotator's extra name)


@dataclass(frozen=True)
class Prediction:
    actor: str | None  # canonical actor key; None: refused
    country: str | None
    sector: str | None


@dataclass
class GoldArticle:
    doc_id: str
    split: str
    meta: dict[str, Any]
    text: str
    mentions: list[GoldMention]


# ----------------------------------------------------------------------------- gold


def load_gold(gold_dir: Path, corpus_dir: Path, split: str) -> list[GoldArticle]:
    """The gold articles of ``split`` ("all" for both) with their reader's text and mentions."""
    out = []
    for line in (gold_dir / "sample.jsonl").read_text("utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if split != "all" and row["split"] != split:
            continue
        ann_path = gold_dir / "ann" / f"{row['doc_id']}.json"
        if not ann_path.exists():
            continue
        ann = json.loads(ann_path.read_text("utf-8"))
        record = source_record(corpus_dir, row["file"], row["doc_id"])
        text = article_text(record["text"])
        if record.get("date_range"):  # an undated corpus's span (the BBC set: 2004/2005), as a user's record carries it
            row = {**row, "date_range": record["date_range"]}
        offsets = {m["mid"]: (m["start"], m["end"]) for m in row["mentions"]}
        mentions = []
        for m in ann["mentions"]:
            s, e = offsets[m["mid"]]
            mentions.append(_gold(row["doc_id"], s, e, text, m, True))
        for m in ann.get("extra", ()):
            if m.get("end", 0) > m.get("start", 0) and m.get("actor"):
                mentions.append(_gold(row["doc_id"], m["start"], m["end"], text, m, False))
        out.append(GoldArticle(row["doc_id"], row["split"], row, text, mentions))
    return out


def _gold(doc: str, s: int, e: int, text: str, m: Mapping[str, Any], candidate: bool) -> GoldMention:
    actor = None if m.get("not_actor") else str(m["actor"])
    return GoldMention(doc, s, e, text[s:e], actor, m.get("country"), m.get("sector"), candidate)


# ----------------------------------------------------------------------------- tidings, as a user runs it


def write_input(articles: Sequence[GoldArticle], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for a in articles:
            rec = {
                "id": a.doc_id,
                "title": a.meta.get("title"),
                "text": a.text,
                "published": a.meta.get("published"),
                "source": a.meta.get("source"),
                "url": a.meta.get("url"),
                "date_range": a.meta.get("date_range"),
            }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def _run(*args: str) -> str:
    env = dict(os.environ, NO_COLOR="1")
    done = subprocess.run([TIDINGS, *args], capture_output=True, text=True, env=env, timeout=3600)
    if done.returncode != 0:
        raise RuntimeError(f"tidings {' '.join(args[:2])} failed: {done.stderr[-2000:]}")
    return done.stdout


@dataclass(frozen=True)
class Stored:
    text: str
    dateline: str  # the wire dateline kept as metadata ("" if none)
    entities: list[dict[str, Any]]


def run_tidings(articles: Sequence[GoldArticle], db: Path) -> dict[str, Stored]:
    """Ingest the articles into ``db`` through the CLI; per gold doc id: its stored text, dateline and
    entity rows."""
    src = db.with_suffix(".jsonl")
    write_input(articles, src)
    cfg = db.with_suffix(".toml")
    cfg.write_text(QUALITY_RUN_CONFIG, "utf-8")
    _run("ingest", str(src), "--db", str(db), "--config", str(cfg))
    by_line = {n + 1: a.doc_id for n, a in enumerate(articles)}
    doc_of: dict[str, str] = {}
    texts: dict[str, str] = {}
    datelines: dict[str, str] = {}
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        for aid, text, data in conn.execute("SELECT id, text, data FROM articles"):
            record = json.loads(data)
            origin = str(record.get("origin") or "")
            line = int(origin.rsplit("#L", 1)[1]) if "#L" in origin else 0
            if line in by_line:
                doc_of[aid] = by_line[line]
                texts[by_line[line]] = text
                datelines[by_line[line]] = str((record.get("extras") or {}).get("dateline") or "")
        stored_keys = _stored_actor_keys(conn)
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in _run("entities", "--db", str(db), "--format", "jsonl").splitlines():
        if line.strip():
            ent = json.loads(line)
            if "actor" not in ent:  # a tidings without the actor column: read the store's table
                ent["actor"] = stored_keys.get(ent["id"])
            if ent["article_id"] in doc_of:
                rows[doc_of[ent["article_id"]]].append(ent)
    return {doc: Stored(texts[doc], datelines[doc], rows.get(doc, [])) for doc in texts}


def _stored_actor_keys(conn: sqlite3.Connection) -> dict[str, str]:
    try:
        return dict(conn.execute("SELECT entity_id, actor_key FROM actor_entities").fetchall())
    except sqlite3.OperationalError:
        return {}


# ----------------------------------------------------------------------------- alignment


def offset_map(gold_text: str, ours: str) -> list[int | None]:
    """For each character of the gold text, its offset in ours (None where ours lacks it)."""
    out: list[int | None] = [None] * (len(gold_text) + 1)
    matcher = difflib.SequenceMatcher(None, gold_text, ours, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            out[a + k] = b + k
    return out


def carry(span: tuple[int, int], omap: Sequence[int | None]) -> tuple[int, int] | None:
    s, e = span
    inside = [o for o in omap[s:e] if o is not None]
    if len(inside) < max(1, (e - s) // 2):
        return None
    return inside[0], inside[-1] + 1


def in_dateline(span: tuple[int, int], gold_text: str, dateline: str) -> tuple[int, int] | None:
    """A gold span inside the dateline the reader's text opens with, as offsets into the dateline."""
    at = gold_text.find(dateline, 0, 400) if dateline else -1
    if at < 0 or not (at <= span[0] and span[1] <= at + len(dateline)):
        return None
    return span[0] - at, span[1] - at


def predict_credit(span: tuple[int, int], entities: Sequence[Mapping[str, Any]]) -> Prediction:
    """Our decision on a gold span inside the stored dateline: the entity it credits, if any."""
    s, e = span
    for ent in entities:
        c = ent.get("credit")
        if ent.get("actor") and c and min(e, c["end"]) - max(s, c["start"]) > 0:
            return Prediction(str(ent["actor"]), ent.get("country"), ent.get("sector"))
    return Prediction(None, None, None)


def predict(span: tuple[int, int] | None, entities: Sequence[Mapping[str, Any]]) -> Prediction:
    """Our decision on one gold span (see the module docstring)."""
    if span is None:
        return Prediction(None, None, None)
    s, e = span
    best: tuple[int, int] | None = None
    pick: tuple[Mapping[str, Any], Mapping[str, Any]] | None = None
    for ent in entities:
        if not ent.get("actor"):
            continue
        for m in ent.get("mentions", ()):
            if m.get("actor") is False:
                continue
            overlap = min(e, m["end"]) - max(s, m["start"])
            if overlap <= 0 or overlap * 2 < min(e - s, m["end"] - m["start"]):
                continue
            score = (-abs(e - m["end"]), overlap)
            if best is None or score > best:
                best, pick = score, (ent, m)
    if pick is None:
        return Prediction(None, None, None)
    ent, _ = pick
    return Prediction(str(ent["actor"]), ent.get("country"), ent.get("sector"))


# ----------------------------------------------------------------------------- baseline


def baseline_predictions(mentions: Sequence[GoldMention]) -> list[Prediction]:
    from tidings.facts.actors.names import clean_key
    from tidings.facts.actors.roles import code_phrase
    from tidings.facts.actors.tables import load_tables, org_country_sector

    tables = load_tables()
    out = []
    for g in mentions:
        key = clean_key(g.text)
        country: str | None = None
        sector: str | None = None
        hit = tables.country(key)
        known = tables.known_code(key)
        if hit is not None:
            country, sector = hit.code, ("GOV" if hit.kind == "capital" else None)
        elif known is not None:
            country, sector = org_country_sector(known)
        else:
            pc = code_phrase(key.split(), tables)
            country, sector = pc.country, pc.sector
        out.append(Prediction(key or g.text, country, sector))
    return out


# ----------------------------------------------------------------------------- scoring


def bcubed(gold: Sequence[str], pred: Sequence[str]) -> tuple[float, float, float]:
    g_members: dict[str, set[int]] = defaultdict(set)
    p_members: dict[str, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, pred, strict=True)):
        g_members[g].add(i)
        p_members[p].add(i)
    if not gold:
        return 0.0, 0.0, 0.0
    p = sum(len(g_members[g] & p_members[q]) / len(p_members[q]) for g, q in zip(gold, pred, strict=True)) / len(gold)
    r = sum(len(g_members[g] & p_members[q]) / len(g_members[g]) for g, q in zip(gold, pred, strict=True)) / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def code_right(g: GoldMention, p: Prediction) -> bool:
    if p.country != g.country:
        return False
    if g.actor is not None and g.actor.startswith("state:") and g.sector is None:
        return p.sector in (None, "GOV")
    return p.sector == g.sector


def score(mentions: Sequence[GoldMention], preds: Sequence[Prediction]) -> dict[str, float]:
    actors = [(g, p) for g, p in zip(mentions, preds, strict=True) if g.actor is not None]
    gold_ids = [g.actor or "" for g, _ in actors]
    pred_ids = [p.actor if p.actor is not None else f"_single{n}" for n, (_, p) in enumerate(actors)]
    b_p, b_r, b_f = bcubed(gold_ids, pred_ids)
    called = [(g, p) for g, p in actors if p.actor is not None]
    right = sum(code_right(g, p) for g, p in called)
    cands = [(g, p) for g, p in zip(mentions, preds, strict=True) if g.candidate]
    refused = [(g, p) for g, p in cands if p.actor is None]
    gold_not = [(g, p) for g, p in cands if g.actor is None]
    return {
        "b3_p": b_p,
        "b3_r": b_r,
        "b3_f1": b_f,
        "code": right / len(called) if called else 0.0,
        "code_all": right / len(actors) if actors else 0.0,
        "not_actor_p": sum(g.actor is None for g, _ in refused) / len(refused) if refused else 0.0,
        "not_actor_r": sum(p.actor is None for _, p in gold_not) / len(gold_not) if gold_not else 0.0,
        "actor_mentions": float(len(actors)),
        "candidates": float(len(cands)),
    }


def evaluate(
    gold_dir: Path = DEFAULT_GOLD, corpus_dir: Path = DEFAULT_CORPUS, split: str = "test", db: Path | None = None
) -> dict[str, Any]:
    articles = load_gold(gold_dir, corpus_dir, split)
    with tempfile.TemporaryDirectory(prefix="tidings-actors-") as tmp:
        store = db or Path(tmp) / "actors.db"
        if store.exists():
            store.unlink()
        started = time.perf_counter()
        ours = run_tidings(articles, store)
        seconds = time.perf_counter() - started
    mentions: list[GoldMention] = []
    preds: list[Prediction] = []
    unaligned = 0
    for a in articles:
        got = ours.get(a.doc_id, Stored("", "", []))
        omap = offset_map(a.text, got.text)
        for g in a.mentions:
            span = carry((g.start, g.end), omap)
            mentions.append(g)
            if span is None and (local := in_dateline((g.start, g.end), a.text, got.dateline)) is not None:
                preds.append(predict_credit(local, got.entities))
                continue
            unaligned += span is None
            preds.append(predict(span, got.entities))
    return {
        "split": split,
        "articles": len(articles),
        "seconds": round(seconds, 1),
        "unaligned": unaligned,
        "tidings": score(mentions, preds),
        "baseline": score(mentions, baseline_predictions(mentions)),
        "_pairs": list(zip(mentions, preds, strict=True)),
    }


def check_floors(result: Mapping[str, Any], floors_path: Path = FLOORS) -> list[str]:
    floors = json.loads(floors_path.read_text("utf-8"))
    return [
        f"{system}.{key}: {result[system][key]:.3f} < floor {floor}"
        for system, keys in floors.items()
        if system in ("tidings", "baseline")
        for key, floor in keys.items()
        if result[system][key] < floor
    ]


def _errors(pairs: Iterable[tuple[GoldMention, Prediction]]) -> None:
    for g, p in pairs:
        ok = (g.actor is None) == (p.actor is None) and (g.actor is None or code_right(g, p))
        if not ok:
            print(
                f"  {g.doc} {g.text!r:30} gold={g.actor} {g.country}/{g.sector}  ours={p.actor} {p.country}/{p.sector}"
            )


def main(argv: Sequence[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--split", choices=("test", "dev", "all"), default="test")
    ap.add_argument("--db", type=Path, help="keep the store here (default: a temporary file)")
    ap.add_argument("--errors", action="store_true", help="list the mentions we get wrong")
    args = ap.parse_args(argv)
    res = evaluate(args.gold, args.corpus, args.split, args.db)
    t, b = res["tidings"], res["baseline"]
    print(
        f"actor gold {args.gold} split={res['split']}: {res['articles']} articles, {int(t['candidates'])} "
        f"candidates, {int(t['actor_mentions'])} actor mentions ({res['unaligned']} gold mentions in neither our "
        f"text nor its dateline); ingest {res['seconds']}s"
    )
    print(f"{'':24}{'tidings':>9}{'baseline':>10}")
    rows = [
        ("B3 precision", "b3_p"),
        ("B3 recall", "b3_r"),
        ("B3 F1 (target 0.92)", "b3_f1"),
        ("code right (0.90)", "code"),
        ("code right, all", "code_all"),
        ("not-actor P (0.95)", "not_actor_p"),
        ("not-actor recall", "not_actor_r"),
    ]
    for label, key in rows:
        print(f"{label:24}{t[key]:>9.3f}{b[key]:>10.3f}")
    if args.errors:
        _errors(res["_pairs"])
    if args.split == "test" and FLOORS.exists():
        low = check_floors(res)
        for line in low:
            print("BELOW FLOOR", line)
        return 1 if low else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
