"""The running-news bench's bootstrap: how far a figure moves when its articles are resampled."""

from __future__ import annotations

from typing import Any

from bench_loader import load_bench

bench = load_bench("events_running")


def _doc(doc_id: str, right: bool) -> tuple[Any, Any]:
    gold_event = {"cameo": "040", "factuality": "asserted", "source": {"country": "USA"}, "target": {"country": "CHN"}}
    gold = bench.Gold(doc_id, "Blinken met Xi.", [(0, 15)], {0: [gold_event]}, [], None, None, None)
    pred = bench.Prediction(doc_id, 0, "04" if right else "19", "040", None, "asserted", "USA", "CHN", 0.9, False)
    return gold, pred


def test_alike_articles_give_no_spread_and_unlike_ones_do() -> None:
    alike = [_doc(f"d{n}", True) for n in range(6)]
    se = bench.bootstrap([g for g, _ in alike], [p for _, p in alike], rounds=50)
    assert se["precision"] == 0.0 and se["recall"] == 0.0
    mixed = [_doc(f"d{n}", n % 2 == 0) for n in range(6)]
    se = bench.bootstrap([g for g, _ in mixed], [p for _, p in mixed], rounds=50)
    assert 0.05 < se["precision"] < 0.5 and 0.05 < se["recall"] < 0.5
