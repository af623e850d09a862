"""Extraction quality floors: tidings vs plain trafilatura on a fixed subset of the dev
sets (every 6th page), scored with each set's own metric by bench/extraction.py."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from bench_loader import load_bench
from paths import ROOT


def _bench() -> ModuleType:
    return load_bench("extraction")


@pytest.mark.slow
def test_extraction_floors(shared: Path) -> None:
    bench = _bench()
    dirs = [d for d in bench.DEFAULT_DIRS if d.exists()]
    if len(dirs) < len(bench.DEFAULT_DIRS):
        pytest.skip("extraction data sets not present")
    figures = bench.subset_figures(dirs, every=6)
    floors = json.loads((ROOT / "bench" / "floors" / "extraction.json").read_text())["subset_every_6"]
    ours, baseline = figures["tidings"], figures["trafilatura"]
    for key, floor in floors.items():
        assert ours[key] >= floor, (key, ours[key], floor)
    # and never worse than the library we build on
    for key in ("aeb.f1", "wcxb-dev-article.f1", "corpus.title_exact", "corpus.date_day"):
        assert ours[key] >= baseline[key], (key, ours[key], baseline[key])
