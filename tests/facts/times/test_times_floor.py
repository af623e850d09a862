"""Quality floor for temporal normalisation (bench/timex.py on TBAQ dev)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench_loader import load_bench
from paths import ROOT


@pytest.mark.slow
def test_time_bench_floor(shared: Path) -> None:
    data = shared / "data" / "time"
    if not (data / "tbaq_dev").exists():
        pytest.skip("TBAQ dev slice not present")
    bench = load_bench("timex")
    res = bench.run(data)
    floors = json.loads((ROOT / "bench" / "floors" / "time.json").read_text())
    got = {
        "value_acc": res["value_acc"],
        "value_acc_exact": res["value_acc_exact"],
        "detect_strict_f1": res["detect_strict"]["f1"],
        "detect_relaxed_f1": res["detect_relaxed"]["f1"],
    }
    for key, floor in floors.items():
        assert got[key] >= floor, f"{key}: {got[key]:.3f} < floor {floor}"
    assert res["value_acc"] > res["dateparser_acc"]
