"""bench/extract_text.py's figures must not drop below bench/floors/extract_text.json."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("bench_extract_text", ROOT / "bench" / "extract_text.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_extract_text_floors(shared: Path) -> None:
    bench = _bench()
    figures = bench.floor_figures([shared / "data" / "extraction" / "wcxb-dev-article"])
    floors = json.loads((ROOT / "bench" / "floors" / "extract_text.json").read_text())
    assert set(floors) <= set(figures)
    for key, floor in floors.items():
        assert figures[key] >= floor, (key, figures[key], floor)
