"""bench/entities.py figures stay at or above their pinned floors (GUM, MEANTIME, IEER dev)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench_loader import load_bench
from tidings.nlp import Parser


@pytest.mark.slow
def test_entity_bench_floors(parser: Parser, shared: Path) -> None:
    bench = load_bench("entities")
    results = bench.evaluate(bench.DEFAULTS, parser)
    assert bench.check_floors(results) == []
    for name in ("gum", "meantime"):  # the bar for within-article clustering
        assert results[name]["tidings"]["b3"][2] >= 0.90
