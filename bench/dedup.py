"""Near-duplicate detection: precision/recall on a labelled pair set, vs two baselines.

    .venv/bin/python bench/dedup.py [TEXT_DIR] [--memory]

TEXT_DIR defaults to ../shared/data/corpus/text (the reuters21578 and bbc subsets are
used). The pair set is rebuilt on every run, deterministically (seed 8):

Documents are ``title + blank line + body``; Reuters docs need >= 80 body words
(briefs and tables are left out), BBC docs all qualify.

Positives
  natural_exact  every pair of docs whose bodies are identical after normalisation
                 (Reuters re-sent wires, BBC repeats), first two of each group;
  edited         a sampled doc with 1-5 % of its words replaced by words of another doc
                 and every number changed in one sentence;
  truncated      the first 50-90 % of the words (a cut-off or shortened copy);
  reheadlined    another headline, a wire dateline prefix and a credits footer added;
  syndicated     reheadlined + edited (1-3 %) + truncated to 70-95 %.
  (300 sampled docs, half Reuters, half BBC, one copy of each kind per doc.)
Negatives
  same_topic     random pairs of different docs sharing a BBC category / Reuters topic;
  template       pairs of different docs whose bodies start with the same 6 words
                 (Reuters templated stories: money-market notes, earnings, dividends);
  copy_vs_other  a generated copy of one doc vs a different doc of the same topic.
  Candidate negatives whose exact 5-shingle Jaccard or containment (shared shingles /
  shingles of the smaller doc) is >= 0.3 are dropped as ambiguous: real corrections and
  cut-down re-sends of one wire story sit there (e.g. reuters21578-15442 / -15449, the
  same G-7 story, the second cut after four paragraphs). Their count is printed.

Each pair is scored in a fresh in-memory SQLite index: assign(A), then assign(B); the
pair is predicted "duplicate" when B is filed as exact/near copy of A. Baselines: exact
hash only, and datasketch's in-memory MinHashLSH with Jaccard >= 0.6 (no containment).
"""

from __future__ import annotations

import json
import random
import re
import sqlite3
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from datasketch import MinHash, MinHashLSH

from tidings.ids import normalise_text
from tidings.store import dedup

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TEXT = ROOT / ".." / "shared" / "data" / "corpus" / "text"
FLOORS = ROOT / "bench" / "floors" / "dedup.json"
SEED = 8
SAMPLED = 300
MIN_WORDS = 80
AMBIGUOUS_OVERLAP = 0.3


@dataclass(frozen=True)
class Doc:
    id: str
    topic: str
    title: str
    body: str

    @property
    def text(self) -> str:
        return f"{self.title}\n\n{self.body}"


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    label: bool
    kind: str


def load_docs(text_dir: Path) -> list[Doc]:
    docs: list[Doc] = []
    for path in sorted((text_dir / "reuters21578").glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            body = (row.get("text") or "").strip()
            if len(body.split()) >= MIN_WORDS:
                topic = (row.get("topics") or ["none"])[0]
                docs.append(Doc(row["id"], f"reuters:{topic}", row.get("title") or "", body))
    for path in sorted((text_dir / "bbc").glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            docs.append(Doc(row["id"], f"bbc:{row.get('category')}", row.get("title") or "", row["text"].strip()))
    return docs


# --------------------------------------------------------------------------- copies
def _edit(rng: random.Random, body: str, donor: str, rate: float) -> str:
    words = body.split(" ")
    pool = donor.split() or ["the"]
    for i in range(len(words)):
        if rng.random() < rate and words[i].strip():
            words[i] = rng.choice(pool)
    text = " ".join(words)
    sentences = text.split(". ")
    k = rng.randrange(len(sentences))
    sentences[k] = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), sentences[k])
    return ". ".join(sentences)


def _truncate(rng: random.Random, body: str, low: float, high: float) -> str:
    words = body.split(" ")
    keep = max(1, int(len(words) * rng.uniform(low, high)))
    return " ".join(words[:keep])


def _reheadline(rng: random.Random, title: str, body: str) -> tuple[str, str]:
    city = rng.choice(["LONDON", "WASHINGTON", "TOKYO", "NEW YORK", "BRUSSELS"])
    footer = rng.choice(
        [
            "(Reporting by staff; Editing by the desk)",
            "Copyright 2024 All rights reserved.",
            "Read more news at our site.",
        ]
    )
    return title.upper() if rng.random() < 0.5 else f"UPDATE 1-{title}", f"{city} (Wire) - {body}\n\n{footer}"


def build_pairs(docs: list[Doc]) -> tuple[dict[str, str], list[Pair], int]:
    """(texts by id, labelled pairs, number of ambiguous negatives dropped)."""
    rng = random.Random(SEED)
    texts = {d.id: d.text for d in docs}
    pairs: list[Pair] = []
    groups: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        groups[normalise_text(d.body)].append(d.id)
    for ids in groups.values():
        if len(ids) >= 2:
            pairs.append(Pair(ids[0], ids[1], True, "natural_exact"))
    dup_ids = {i for ids in groups.values() if len(ids) > 1 for i in ids}
    unique = [d for d in docs if d.id not in dup_ids]
    by_topic: dict[str, list[Doc]] = defaultdict(list)
    for d in unique:
        by_topic[d.topic].append(d)
    reuters = [d for d in unique if d.id.startswith("reuters")]
    bbc = [d for d in unique if d.id.startswith("bbc")]
    sampled = rng.sample(reuters, SAMPLED // 2) + rng.sample(bbc, SAMPLED // 2)
    candidates: list[Pair] = []
    for d in sampled:
        donor = rng.choice(unique).body
        copies = {
            "edited": _edit(rng, d.body, donor, rng.uniform(0.01, 0.05)),
            "truncated": _truncate(rng, d.body, 0.5, 0.9),
        }
        new_title, new_body = _reheadline(rng, d.title, d.body)
        copies_text = {k: f"{d.title}\n\n{v}" for k, v in copies.items()}
        copies_text["reheadlined"] = f"{new_title}\n\n{new_body}"
        synd_title, synd_body = _reheadline(rng, d.title, _truncate(rng, _edit(rng, d.body, donor, 0.02), 0.7, 0.95))
        copies_text["syndicated"] = f"{synd_title}\n\n{synd_body}"
        for kind, text in copies_text.items():
            cid = f"{d.id}~{kind}"
            texts[cid] = text
            pairs.append(Pair(d.id, cid, True, kind))
        others = [o for o in by_topic[d.topic] if o.id != d.id] or unique
        other = rng.choice(others)
        candidates.append(Pair(other.id, f"{d.id}~{rng.choice(sorted(copies_text))}", False, "copy_vs_other"))
        candidates.append(Pair(d.id, rng.choice(others).id, False, "same_topic"))
    starts: dict[str, list[Doc]] = defaultdict(list)
    for d in unique:
        starts[" ".join(normalise_text(d.body).split()[:6])].append(d)
    templated = [g for g in starts.values() if len(g) >= 2]
    rng.shuffle(templated)
    for group in templated[:400]:
        a, b = rng.sample(group, 2)
        candidates.append(Pair(a.id, b.id, False, "template"))
    dropped = 0
    for pair in candidates:
        if _overlap(texts[pair.a], texts[pair.b]) >= AMBIGUOUS_OVERLAP:
            dropped += 1
        else:
            pairs.append(pair)
    return texts, pairs, dropped


def _overlap(a: str, b: str) -> float:
    """Exact max(Jaccard, containment) of the 5-shingle sets."""
    sa, sb = dedup.shingles(a), dedup.shingles(b)
    shared = len(sa & sb)
    return max(shared / max(1, len(sa | sb)), shared / max(1, min(len(sa), len(sb))))


# --------------------------------------------------------------------------- scoring
def run_tidings(texts: dict[str, str], pairs: list[Pair]) -> list[tuple[bool, float]]:
    """(predicted duplicate, similarity score) per pair, with the shipped index."""
    index = dedup.MinHashDedup()
    out = []
    for n, pair in enumerate(pairs):
        conn = sqlite3.connect(":memory:")
        dedup.ensure_schema(conn)
        index.assign(conn, f"A{n}", None, texts[pair.a])
        result = index.assign(conn, f"B{n}", None, texts[pair.b])
        out.append((result.kind in ("exact", "near") and result.duplicate_of == f"A{n}", result.similarity))
        conn.close()
    return out


def run_exact(texts: dict[str, str], pairs: list[Pair]) -> list[bool]:
    return [dedup.text_hash(texts[p.a]) == dedup.text_hash(texts[p.b]) for p in pairs]


def run_datasketch(texts: dict[str, str], pairs: list[Pair]) -> list[bool]:
    out = []
    for pair in pairs:
        lsh = MinHashLSH(threshold=0.6, num_perm=dedup.NUM_PERM)
        sigs = []
        for text in (texts[pair.a], texts[pair.b]):
            mh = MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED)
            mh.update_batch(list(dedup.shingles(text)) or [b""])
            sigs.append(mh)
        lsh.insert("a", sigs[0])
        out.append("a" in lsh.query(sigs[1]))
    return out


def precision_recall(predicted: list[bool], pairs: list[Pair]) -> tuple[float, float]:
    tp = sum(1 for p, pair in zip(predicted, pairs, strict=True) if p and pair.label)
    fp = sum(1 for p, pair in zip(predicted, pairs, strict=True) if p and not pair.label)
    fn = sum(1 for p, pair in zip(predicted, pairs, strict=True) if not p and pair.label)
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def score(text_dir: Path = DEFAULT_TEXT) -> dict[str, float]:
    """The figures the floor test checks."""
    texts, pairs, _ = build_pairs(load_docs(text_dir))
    results = run_tidings(texts, pairs)
    precision, recall = precision_recall([r[0] for r in results], pairs)
    return {"precision": round(precision, 4), "recall": round(recall, 4), "pairs": float(len(pairs))}


def memory_growth(text_dir: Path, base: int = 1000, factor: int = 10) -> tuple[int, int]:
    """Resident memory (RSS) after filing ``base`` docs and after ``base * factor`` docs into
    one file-backed index; flat means the LSH state lives on disk, not in memory."""
    import psutil

    docs = load_docs(text_dir)
    process = psutil.Process()
    marks = []
    with _tempdb() as conn:
        index = dedup.MinHashDedup()
        for i in range(base * factor):
            d = docs[i % len(docs)]
            text = d.text if i < len(docs) else f"{d.text}\n\nrepeat {i}"
            index.assign(conn, f"a{i}", f"https://example.org/{i}", text)
            if i % 200 == 199:
                conn.commit()
            if i + 1 in (base, base * factor):
                conn.commit()
                marks.append(process.memory_info().rss)
    return marks[0], marks[1]


class _tempdb:
    def __enter__(self) -> sqlite3.Connection:
        import tempfile

        self._dir = tempfile.TemporaryDirectory()
        self.conn = sqlite3.connect(Path(self._dir.name) / "dedup.db")
        self.conn.execute("PRAGMA cache_size = -2000")  # 2 MB page cache: the DB lives on disk
        dedup.ensure_schema(self.conn)
        return self.conn

    def __exit__(self, *exc: object) -> None:
        self.conn.close()
        self._dir.cleanup()


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    text_dir = Path(args[0]) if args else DEFAULT_TEXT
    started = time.perf_counter()
    docs = load_docs(text_dir)
    texts, pairs, dropped = build_pairs(docs)
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for p in pairs:
        kinds[p.kind][0 if p.label else 1] += 1
    print(f"docs {len(docs)}  pairs {len(pairs)}  (ambiguous negatives dropped: {dropped})")
    print("  " + "  ".join(f"{k}: {v[0] or v[1]}" for k, v in sorted(kinds.items())))
    results = run_tidings(texts, pairs)
    ours = precision_recall([r[0] for r in results], pairs)
    exact = precision_recall(run_exact(texts, pairs), pairs)
    sketch = precision_recall(run_datasketch(texts, pairs), pairs)
    print(f"\n{'system':<34}{'precision':>10}{'recall':>8}")
    print(f"{f'tidings (threshold {dedup.THRESHOLD:.2f})':<34}{ours[0]:>10.3f}{ours[1]:>8.3f}")
    print(f"{'exact hash only':<34}{exact[0]:>10.3f}{exact[1]:>8.3f}")
    print(f"{'datasketch MinHashLSH J>=0.6':<34}{sketch[0]:>10.3f}{sketch[1]:>8.3f}")
    print(
        f"recall ratio tidings/exact {ours[1] / max(exact[1], 1e-9):.2f}, "
        f"tidings/datasketch {ours[1] / max(sketch[1], 1e-9):.2f}"
    )
    print("\nrecall by kind:")
    for kind in sorted(k for k, v in kinds.items() if v[0]):
        idx = [i for i, p in enumerate(pairs) if p.kind == kind]
        print(f"  {kind:<16}{sum(results[i][0] for i in idx) / len(idx):.3f}  (n={len(idx)})")
    print("false-positive rate by negative kind:")
    for kind in sorted(k for k, v in kinds.items() if v[1]):
        idx = [i for i, p in enumerate(pairs) if p.kind == kind]
        print(f"  {kind:<16}{sum(results[i][0] for i in idx) / len(idx):.3f}  (n={len(idx)})")
    print("\ncurve (similarity threshold -> precision, recall):")
    for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        predicted = [r[1] >= t for r in results]
        p, r = precision_recall(predicted, pairs)
        print(f"  {t:.1f}  P {p:.3f}  R {r:.3f}")
    if "--memory" in argv:
        small, large = memory_growth(text_dir)
        print(f"\nRSS after 1,000 docs {small / 1e6:.1f} MB, after 10,000 docs {large / 1e6:.1f} MB")
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    print(f"\nfloors {floors}  ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
