"""Quality floors of bench/events_running.py on the TEST half of the running-news gold (slow:
ingests 46 whole articles through the CLI)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench_loader import load_bench
from paths import ROOT


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_running_news_events_meet_floors(shared: Path) -> None:
    bench = load_bench("events_running")
    got = bench.measure(ROOT / "bench" / "gold" / "running_news", shared / "data" / "corpus", "test")
    floors = json.loads((ROOT / "bench" / "floors" / "events_running.json").read_text("utf-8"))
    low = {k: (got[k], v) for k, v in floors["at_least"].items() if got[k] < v}
    high = {k: (got[k], v) for k, v in floors["at_most"].items() if got[k] > v}
    assert not low and not high, (low, high)
