"""Print a gold article for annotation and review: its sentences, numbered (event gold), or its
text and candidate mentions (actor gold, a sample whose rows carry `mentions`).

    .venv/bin/python scripts/gold/view.py DOC_ID [--sample bench/gold/running_news/sample.jsonl] [--ann]
    .venv/bin/python scripts/gold/view.py DOC_ID --sample bench/gold/actors/sample.jsonl [--ann]

With --ann the annotation file beside the sample (ann/DOC_ID.json) is shown as well.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from gold_text import gold_article_text  # noqa: E402

CORPUS = ROOT / ".." / "shared" / "data" / "corpus"


def _show_mentions(row: dict[str, object], text: str, ann_path: Path, with_ann: bool) -> int:
    print(text)
    print()
    ann = {}
    if with_ann:
        ann = {m["mid"]: m for m in json.loads(ann_path.read_text(encoding="utf-8"))["mentions"]}
    for m in row["mentions"]:  # type: ignore[attr-defined]
        extra = f"  -> {json.dumps(ann[m['mid']], ensure_ascii=False)}" if m["mid"] in ann else ""
        ctx = text[max(0, m["start"] - 30) : m["end"] + 30].replace("\n", " ")
        print(
            f"[{m['mid']}] {text[m['start'] : m['end']]!r} ({m['label']}, {m['start']}-{m['end']})  ...{ctx}...{extra}"
        )
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("doc_id")
    ap.add_argument("--sample", type=Path, default=ROOT / "bench" / "gold" / "running_news" / "sample.jsonl")
    ap.add_argument("--ann", action="store_true")
    args = ap.parse_args()
    rows = {json.loads(line)["doc_id"]: json.loads(line) for line in args.sample.open(encoding="utf-8")}
    row = rows[args.doc_id]
    text = gold_article_text(CORPUS, row["file"], row["doc_id"])
    if hashlib.sha1(text.encode()).hexdigest()[:12] != row["text_sha1"]:
        print("warning: the corpus text differs from the one the sample was drawn on", file=sys.stderr)
    print(f"# {row['doc_id']} | {row['source']} | published {row['published']} | {row['title']}")
    if "mentions" in row:
        return _show_mentions(row, text, args.sample.parent / "ann" / f"{row['doc_id']}.json", args.ann)
    ann = {}
    if args.ann:
        path = args.sample.parent / "ann" / f"{row['doc_id']}.json"
        ann = {s["sid"]: s for s in json.loads(path.read_text(encoding="utf-8"))["sentences"]}
    for s in row["sentences"]:
        print(f"[{s['sid']}] {text[s['start'] : s['end']]}")
        for ev in ann.get(s["sid"], {}).get("events", []):
            print(f"      -> {json.dumps(ev, ensure_ascii=False)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
