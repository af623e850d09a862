"""The shipped actor gold is whole (one line per candidate, extras on their words) and its held-out
extension is what scripts/gold/sample_actors.py draws: dev only, clear of every other gold sample and
of the unlabelled running-news articles."""

from __future__ import annotations

import importlib.util
import json
import sys
from types import ModuleType
from typing import Any

import pytest

from paths import ROOT, SHARED

GOLD = ROOT / "bench" / "gold" / "actors"
CORPUS = SHARED / "data" / "corpus"


def _sampler() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sample_actors", ROOT / "scripts" / "gold" / "sample_actors.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # the Round dataclass looks its module up while being built
    spec.loader.exec_module(module)
    return module


def _rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in (GOLD / "sample.jsonl").read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture(autouse=True)
def _corpus() -> None:
    if not CORPUS.exists():
        pytest.skip("../shared/data/corpus is not beside the project")


def test_every_candidate_has_one_decision_and_extras_sit_on_their_words() -> None:
    _sampler()  # puts bench/ on the path
    gold_article_text = sys.modules["gold_text"].gold_article_text
    for row in _rows():
        ann = json.loads((GOLD / "ann" / f"{row['doc_id']}.json").read_text("utf-8"))
        assert [m["mid"] for m in ann["mentions"]] == [m["mid"] for m in row["mentions"]], row["doc_id"]
        assert all(("actor" in m) != bool(m.get("not_actor")) for m in ann["mentions"]), row["doc_id"]
        if ann.get("extra"):
            text = gold_article_text(CORPUS, row["file"], row["doc_id"])
            assert all(text[x["start"] : x["end"]] == x["text"] for x in ann["extra"]), row["doc_id"]


def test_the_held_out_round_is_dev_only_and_redrawn_exactly() -> None:
    sampler = _sampler()
    n, rnd = next((n, r) for n, r in enumerate(sampler.EXTENSIONS, 1) if r.held_out)
    rows = [r for r in _rows() if r.get("extension") == n]
    assert rows and all(r["split"] == "dev" for r in rows)
    gold = sampler.gold_sample_ids(skip_round=n)
    unlabelled = sampler.unlabelled_ids(CORPUS, gold)
    assert len(unlabelled) == 150
    ids = {r["doc_id"] for r in rows}
    assert not ids & (gold | unlabelled)
    drawn = sampler.draw(CORPUS, rnd.plan, rnd.seed, exclude=frozenset(gold | unlabelled))
    assert {rec["id"] for _, rec in drawn} == ids
    # the corpora repeat some bodies under other ids: none of the round is a copy of a held-out text
    held = {
        r["text"].strip().lower()
        for f in ("text/bbc", "text/reuters21578")
        for r in sampler._rows(CORPUS / f)
        if r["id"] in gold | unlabelled
    }
    assert not {rec["text"].strip().lower() for _, rec in drawn} & held
