"""Quality floors for places (bench/geo.py on the test halves of LGL, GeoWebNews and GeoVirus
dev, end to end)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench_loader import load_bench
from paths import ROOT


def test_split_is_half_of_each_set(shared: Path) -> None:
    data = shared / "data" / "geo"
    if not (data / "lgl_dev.xml").exists():
        pytest.skip("geo dev slices not present")
    bench = load_bench("geo")
    test, tune = bench.load_set(data / "lgl_dev.xml", "test"), bench.load_set(data / "lgl_dev.xml", "tune")
    assert not {d.id for d in test} & {d.id for d in tune}
    assert abs(len(test) - len(tune)) <= 1


@pytest.mark.slow
def test_geo_bench_floor(shared: Path) -> None:
    data = shared / "data" / "geo"
    if not data.exists():
        pytest.skip("geo dev slices not present")
    bench = load_bench("geo")
    res = bench.run(data, "test")
    floors = json.loads((ROOT / "bench" / "floors" / "geo.json").read_text())
    assert not bench.floor_failures(res, floors)
    for name in floors:
        e2e = res[name]["end_to_end"]
        assert e2e["right_of_found"] >= e2e["population"]["right_of_found"]
