"""The running-news sampler's dev-only extensions: seeded, reproducible, and never drawing an article
that is excluded (already sampled, in another gold set, or listed with --exclude)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[3]


def _sampler() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "sample_running_news", ROOT / "scripts" / "gold" / "sample_running_news.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pools() -> dict[str, list[dict[str, str]]]:
    bbc = [{"id": f"bbc-{s}-{i}", "category": s} for s in ("politics", "business") for i in range(6)]
    return {"bbc": bbc, "ieer": [{"id": f"ieer-{i}"} for i in range(6)]}


def test_an_extension_draw_skips_excluded_ids_and_replays_identically() -> None:
    sampler = _sampler()
    excluded = frozenset({"bbc-politics-0", "bbc-politics-1", "ieer-0", "ieer-1", "ieer-2"})
    plan, sections = {"bbc": 3, "ieer": 3}, {"politics": 2, "business": 1}
    first = sampler.draw(_pools(), plan, sections, 7, exclude=excluded)
    ids = [rec["id"] for _, rec in first]
    assert len(ids) == 6 and not excluded & set(ids)
    assert sorted(i for i in ids if i.startswith("ieer")) == ["ieer-3", "ieer-4", "ieer-5"]
    assert [rec["id"] for _, rec in sampler.draw(_pools(), plan, sections, 7, exclude=excluded)] == ids


def test_other_gold_ids_reads_every_gold_set_but_the_running_news_one(tmp_path: Path) -> None:
    for name, doc in (("actors", "nyt-1"), ("quotes", "bbc-politics-9"), ("running_news", "bbc-politics-2")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "sample.jsonl").write_text(json.dumps({"doc_id": doc}) + "\n", encoding="utf-8")
    assert _sampler().other_gold_ids(tmp_path) == frozenset({"nyt-1", "bbc-politics-9"})


def test_extension_2_is_a_small_draw_over_every_corpus_of_the_sample() -> None:
    sampler = _sampler()
    ext = sampler.EXTENSIONS[2]
    assert set(ext.plan) == set(sampler.PLAN)
    assert sum(ext.plan.values()) == 12 and sum(ext.bbc.values()) == ext.plan["bbc"]
    assert ext.seed not in {sampler.SEED, sampler.EXTENSIONS[1].seed}


def test_extension_3_draws_political_articles_with_a_new_seed() -> None:
    sampler = _sampler()
    ext = sampler.EXTENSIONS[3]
    assert set(ext.plan) == set(sampler.PLAN) and sum(ext.bbc.values()) == ext.plan["bbc"]
    assert ext.political and ext.seed not in {sampler.SEED} | {e.seed for k, e in sampler.EXTENSIONS.items() if k != 3}


def test_political_content_needs_three_different_political_words() -> None:
    is_political = _sampler().is_political
    assert is_political("The minister told parliament the court had ruled on the tariffs.")
    assert not is_political("Tariff talks; more tariff talks and TALKS about the tariff.")
    assert not is_political("Cocoa prices rose 3% as dealers bought ahead of the harvest.")


def test_extension_4_is_a_fresh_political_draw_shaped_like_extension_3() -> None:
    sampler = _sampler()
    ext, ext3 = sampler.EXTENSIONS[4], sampler.EXTENSIONS[3]
    assert (ext.plan, ext.bbc, ext.political, ext.max_chars) == (ext3.plan, ext3.bbc, True, ext3.max_chars)
    assert ext.seed not in {sampler.SEED} | {e.seed for k, e in sampler.EXTENSIONS.items() if k != 4}


def test_extension_4_rows_in_the_sample_are_dev_and_new() -> None:
    rows = [json.loads(line) for line in (ROOT / "bench" / "gold" / "running_news" / "sample.jsonl").open()]
    provenance = {
        json.loads(line)["doc_id"]: json.loads(line)
        for line in (ROOT / "bench" / "gold" / "running_news" / "provenance.jsonl").open()
    }
    ext4 = [r for r in rows if provenance[r["doc_id"]].get("extension") == 4]
    assert ext4 and all(r["split"] == "dev" for r in ext4)
    assert len({r["doc_id"] for r in rows}) == len(rows)
