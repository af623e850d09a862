"""Per-document budgets are enforced by the library (not only the CLI) and configurable."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import tidings
from tidings.config import Options
from tidings.facts.base import FactContext
from tidings.records import Article, Rejected
from tidings.run.batch import NLP_STAGE, Annotator
from tidings.run.ingest import ingest

SENTENCE = "Ministers met in Vienna on Monday to discuss sanctions and trade with their partners. "


class CountingStage:
    """A real (tiny) fact stage: records which texts reached it, provides nothing."""

    name = "tests.reliability.counting.v1"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()

    def __init__(self) -> None:
        self.seen: list[int] = []

    def __call__(self, ctx: FactContext) -> dict[str, Sequence[Any]]:
        self.seen.append(len(ctx.doc.text))
        return {}


def test_nlp_size_budget_skips_facts_but_keeps_the_article(tmp_path: Path) -> None:
    options = Options().with_overrides(nlp__max_chars=2_000)
    stage = CountingStage()
    annotator = Annotator(options, stages=[stage])
    src = tmp_path / "in.jsonl"
    rows = [
        {"url": "https://news.example/short", "title": "Short", "text": SENTENCE * 5},
        {"url": "https://news.example/long", "title": "Long", "text": SENTENCE * 40},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    db = tmp_path / "t.db"
    report = ingest([str(src)], db=str(db), options=options, annotator=annotator)
    assert report.stored == 2 and not report.rejected
    assert len(stage.seen) == 1 and stage.seen[0] < 2_000  # only the short one was parsed
    conn = sqlite3.connect(db)
    rejections = conn.execute(
        "SELECT a.url, r.stage, r.code FROM fact_rejections r JOIN articles a ON a.id = r.article_id"
    ).fetchall()
    assert rejections == [("https://news.example/long", NLP_STAGE, "too_large")]


def test_nlp_size_budget_defaults_and_is_in_the_config_file() -> None:
    assert Options().nlp.max_chars == 300_000
    assert "max_chars = 300_000" in Options.defaults_toml()


def test_extraction_element_budget_is_configurable() -> None:
    paras = "".join(f"<p>Update {i} from the talks: {SENTENCE}</p>" for i in range(300))
    page = f"<html><body><article><h1>Talks</h1>{paras}</article></body></html>"
    assert isinstance(tidings.extract(page), Article)
    tight = Options().with_overrides(extract__max_elements=100)
    out = tidings.extract(page, options=tight)
    assert isinstance(out, Rejected) and out.code == "too_large", out


def test_element_floods_are_refused_quickly_with_the_default_budget() -> None:
    flood = "<html><body>" + "<p>Short line of news text.</p>" * 50_000 + "</body></html>"
    started = time.monotonic()
    out = tidings.extract(flood)
    assert time.monotonic() - started < 5
    assert isinstance(out, Rejected) and out.code == "too_large", out
