"""bench/entities.py figures stay at or above their pinned floors (GUM, MEANTIME, IEER dev)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tidings.nlp import Parser

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_entity_bench_floors(parser: Parser, shared: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_entities", ROOT / "bench" / "entities.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules["bench_entities"] = bench
    spec.loader.exec_module(bench)
    results = bench.evaluate(bench.DEFAULTS, parser)
    assert bench.check_floors(results) == []
    for name in ("gum", "meantime"):  # the bar for within-article clustering
        assert results[name]["tidings"]["b3"][2] >= 0.90
