"""Shared by the fact benches (quotes, timex, geo): run tidings on a gold document the way a
user does, and score only the half of each gold set nobody tuned on.

* ``Runner`` reads the raw text as a record body (``extract_record``: paragraphs at blank
  lines, wrapped lines joined, a wire dateline split off), parses it once and runs the given
  fact stages through the same ``Annotator`` the CLI uses, so the facts are what
  ``tidings ingest`` would store.
* ``OffsetMap`` carries gold offsets from the raw text onto the article text; a gold span
  that extraction dropped (a dateline) maps to nothing and counts as not found.
* ``halves`` splits a gold set by document into a *tune* and a *test* half (the project's
  stratified hash split, ``gold_text.stratified_split``): rules are written looking at tune
  only; benches report test unless asked, and the floors pin test.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold_text import stratified_split

HALVES = ("test", "tune", "all")
# A quality run must not lose a stage to the per-article time budget (a loaded machine runs slower
# and the skipped stages would count as missed facts); speed is bench/throughput.py's business.
QUALITY_TIME_BUDGET = 86400.0
QUALITY_RUN_CONFIG = f"\n[nlp]\ntime_budget = {QUALITY_TIME_BUDGET}\n"  # for benches that ingest via the CLI


def halves(docs: Sequence[tuple[str, str]]) -> dict[str, str]:
    """``{doc_id: "tune" | "test"}`` for ``(group, doc_id)`` pairs: half of each group each side,
    stable, and blind to the documents' content."""
    split = stratified_split([(group, {"id": doc_id}) for group, doc_id in docs])
    return {doc_id: ("tune" if side == "dev" else "test") for doc_id, side in split.items()}


def pick(items: Sequence[Any], side: dict[str, str], key: Any, half: str) -> list[Any]:
    """The items of one half (``half="all"``: every item)."""
    if half not in HALVES:
        raise ValueError(f"half must be one of {HALVES}, not {half!r}")
    return [it for it in items if half == "all" or side[key(it)] == half]


def half_arg(argv: list[str], usage: str = "", flags: Sequence[str] = ()) -> tuple[str, list[str]]:
    """``--half test|tune|all`` (default test) and the remaining arguments. ``-h``/``--help`` prints
    ``usage`` (the bench's docstring) and exits; an option not in ``flags`` is an error, so a typo
    is never read as the data folder."""
    if "-h" in argv or "--help" in argv:
        print(usage.strip())
        raise SystemExit(0)
    rest, half = [], "test"
    args = iter(argv)
    for arg in args:
        if arg == "--half":
            half = next(args, "test")
        elif arg.startswith("--half="):
            half = arg.split("=", 1)[1]
        elif arg.startswith("-") and arg not in flags:
            raise SystemExit(f"unknown option {arg}; options: --half test|tune|all {' '.join(flags)}")
        else:
            rest.append(arg)
    if half not in HALVES:
        raise SystemExit(f"--half must be one of {HALVES}")
    return half, rest


def data_dir_arg(rest: list[str], default: Path) -> Path:
    """The data folder a bench scores (the one positional argument), checked before any work."""
    path = Path(rest[0]) if rest else default
    if not path.is_dir():
        raise SystemExit(f"no such data folder: {path}")
    return path


class OffsetMap:
    """Raw-text offsets -> article-text offsets. Extraction only re-spaces text, drops control
    characters, repairs mojibake locally and cuts datelines, so the two texts agree on their other
    characters in order."""

    RESYNC = 12  # characters that must agree to pick up again after a cut

    def __init__(self, raw: str, clean: str) -> None:
        self.raw, self.clean = raw, clean
        self.to_clean: list[int] = [-1] * (len(raw) + 1)
        i = j = 0
        while i < len(raw) and j < len(clean):
            a, b = raw[i], clean[j]
            if a == b:
                self.to_clean[i] = j
                i, j = i + 1, j + 1
            elif a.isspace() and b.isspace():
                i, j = i + 1, j + 1
            elif a.isspace():
                i += 1
            elif b.isspace():
                j += 1
            else:
                i, j = self._repair(i, j) or (self._resync(i, j), j)
        self.to_clean[len(raw)] = len(clean)

    def _agree(self, i: int, j: int) -> bool:
        return self.raw[i : i + self.RESYNC] == self.clean[j : j + self.RESYNC]

    def _repair(self, i: int, j: int) -> tuple[int, int] | None:
        """Where the texts agree again after a local repair (mojibake "Ã©" -> "é": a few raw
        characters became a few others), or None when this is no repair but a cut."""
        for di in range(1, 7):
            for dj in range(1, 4):
                if self._agree(i + di, j + dj):
                    return i + di, j + dj
        return None

    def _resync(self, i: int, j: int) -> int:
        """The raw position where the article text picks up again after a cut (or i + 1)."""
        want = "".join(self.clean[j:].split())[: self.RESYNC]
        for k in range(i + 1, len(self.raw)):
            if self.raw[k] == want[:1] and "".join(self.raw[k : k + 3 * self.RESYNC].split()).startswith(want):
                return k
        return i + 1

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The article-text span of raw ``[start, end)``; None when extraction dropped it."""
        inside = [self.to_clean[k] for k in range(start, min(end, len(self.raw))) if self.to_clean[k] >= 0]
        if not inside:
            return None
        return inside[0], inside[-1] + 1


@dataclass
class Annotated:
    """One gold document as tidings saw it."""

    article: Any  # tidings.records.Article
    doc: Any  # its spaCy Doc
    facts: dict[str, Sequence[Any]]
    offsets: OffsetMap


class Runner:
    """The CLI's path from a raw text to facts, with a chosen list of fact stages."""

    def __init__(self, stages: Sequence[Any]) -> None:
        from dataclasses import replace

        from tidings.config import NlpOptions, Options
        from tidings.run.batch import Annotator

        nlp = replace(NlpOptions(), time_budget=QUALITY_TIME_BUDGET)
        self.annotator = Annotator(Options(nlp=nlp), stages=stages)

    def run(self, records: Sequence[dict[str, Any]]) -> list[Annotated]:
        """``records``: ``{"text", "published"?, "url"?, "source"?}`` each, in order."""
        from tidings.extract.record import extract_record
        from tidings.records import Rejected

        articles = []
        for rec in records:
            built = extract_record(rec, source="bench", min_chars=1)
            if isinstance(built, Rejected):
                raise SystemExit(f"gold text rejected by extraction: {built.code} {built.detail}")
            articles.append(built)
        docs = list(self.annotator.parser.pipe(a.text for a in articles))
        out = []
        for rec, article, doc in zip(records, articles, docs, strict=True):
            done = self.annotator.annotate_one(article, doc)
            if done.rejections:
                raise SystemExit(f"a stage failed on {article.id}: {done.rejections}")
            out.append(Annotated(article, doc, dict(done.facts), OffsetMap(rec["text"], article.text)))
        return out


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b >= 0.01 else "-"
