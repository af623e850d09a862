"""Quality floor for toponym resolution (bench/geo.py on LGL, GeoWebNews, GeoVirus dev)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench_loader import load_bench
from paths import ROOT


@pytest.mark.slow
def test_geo_bench_floor(shared: Path) -> None:
    data = shared / "data" / "geo"
    if not data.exists():
        pytest.skip("geo dev slices not present")
    bench = load_bench("geo")
    res = bench.run(data)
    floors = json.loads((ROOT / "bench" / "floors" / "geo.json").read_text())
    for name, metrics in floors.items():
        for key, floor in metrics.items():
            got = res[name]["tidings"][key]
            assert got >= floor, f"{name} {key}: {got:.3f} < floor {floor}"
        assert res[name]["tidings"]["acc161"] >= res[name]["population"]["acc161"]
