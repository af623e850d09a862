"""Quality floors of bench/events.py (slow: parses the dev gold and codes it with the frozen fold models)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench_loader import load_bench
from paths import ROOT


@pytest.mark.slow
@pytest.mark.timeout(3000)  # parses ~1,600 sentences: ~1 min on a quiet 2-core box
def test_event_bench_meets_floors(shared: Path) -> None:
    bench = load_bench("events")
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
