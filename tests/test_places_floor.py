"""Quality floor for toponym resolution (bench/geo.py on LGL, GeoWebNews, GeoVirus dev)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_geo_bench_floor(shared: Path) -> None:
    data = shared / "data" / "geo"
    if not data.exists():
        pytest.skip("geo dev slices not present")
    spec = importlib.util.spec_from_file_location("bench_geo", ROOT / "bench" / "geo.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules["bench_geo"] = bench
    spec.loader.exec_module(bench)
    res = bench.run(data)
    floors = json.loads((ROOT / "bench" / "floors" / "geo.json").read_text())
    for name, metrics in floors.items():
        for key, floor in metrics.items():
            got = res[name]["tidings"][key]
            assert got >= floor, f"{name} {key}: {got:.3f} < floor {floor}"
        assert res[name]["tidings"]["acc161"] >= res[name]["population"]["acc161"]
