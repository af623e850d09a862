"""Quality floors of bench/events.py (slow: parses the dev gold and silver, trains 5 folds)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
@pytest.mark.timeout(3000)  # parses ~6,000 sentences and fits 5 folds: ~10 min on a quiet 2-core box
def test_event_bench_meets_floors(shared: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_events", ROOT / "bench" / "events.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    result = bench.score(shared / "data" / "events")
    floors = json.loads((ROOT / "bench" / "floors" / "events.json").read_text("utf-8"))
    low = {
        f"{system}.{key}": (result[system][key], floor)
        for system, keys in floors.items()
        if system in result
        for key, floor in keys.items()
        if result[system][key] < floor
    }
    assert not low, low
    for key, margin in floors.get("margins", {}).items():
        assert result["tidings"][key] - result["baseline"][key] >= margin, key
