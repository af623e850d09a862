"""bench/extract_text.py's figures must not drop below bench/floors/extract_text.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench_loader import load_bench
from paths import ROOT


def _bench() -> Any:
    return load_bench("extract_text")


@pytest.mark.slow
def test_extract_text_floors(shared: Path) -> None:
    bench = _bench()
    figures = bench.floor_figures([shared / "data" / "extraction" / "wcxb-dev-article"])
    floors = json.loads((ROOT / "bench" / "floors" / "extract_text.json").read_text())
    assert set(floors) <= set(figures)
    for key, floor in floors.items():
        assert figures[key] >= floor, (key, figures[key], floor)
