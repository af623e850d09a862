"""Shared by the gold builders and the benches that score whole articles: the reader's text of a
corpus record and the dev/test split by document."""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

_BLANK = re.compile(r"\n\s*\n")
_INDENTED = re.compile(r"\n(?=[ \t]{2,}\S)")


def article_text(raw: str) -> str:
    """Paragraphs split at blank lines (or, where there are none, at indented lines, the wire
    style), wrapped lines joined with one space, paragraphs joined by a blank line."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").strip()
    blocks = _BLANK.split(raw) if _BLANK.search(raw) else _INDENTED.split(raw)
    paras = [" ".join(line.strip() for line in b.splitlines() if line.strip()) for b in blocks]
    return "\n\n".join(p for p in paras if p)


def split_of(doc_id: str) -> str:
    """'test' for about half of the documents, by a hash of the id: stable, and blind to content."""
    return "test" if int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % 2 else "dev"


def stratified_split(items: list[tuple[str, dict[str, Any]]]) -> dict[str, str]:
    """dev/test by document, alternating within each group in the order of the id's hash: each
    corpus falls half and half, and which half a document lands in is blind to its content."""
    out: dict[str, str] = {}
    groups: dict[str, list[str]] = {}
    for group, rec in items:
        groups.setdefault(group, []).append(rec["id"])
    for ids in groups.values():
        ids.sort(key=lambda i: hashlib.sha256(i.encode()).hexdigest())
        out.update({doc_id: ("dev", "test")[k % 2] for k, doc_id in enumerate(ids)})
    return out


@cache
def _corpus_rows(path: Path) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    for file in files:
        with file.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    row = json.loads(line)
                    rows[row["id"]] = row
    return rows


def source_record(corpus_dir: Path, file: str, doc_id: str) -> dict[str, Any]:
    """The corpus record a gold article was drawn from (fundus gold rows renamed to text fields)."""
    row = _corpus_rows((corpus_dir / file).resolve())[doc_id]
    if "body_text" in row:
        return {
            "id": row["id"],
            "title": row["title"],
            "text": row["body_text"],
            "url": row["url"],
            "date": (row.get("publishing_date") or "")[:10] or None,
            "source": row["publisher"],
        }
    return row


def gold_article_text(corpus_dir: Path, file: str, doc_id: str) -> str:
    return article_text(source_record(corpus_dir, file, doc_id)["text"])
